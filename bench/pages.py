"""One realistic documentation page from a seeded random source: prose, headings, lists, tables,
code fences, footnotes, token references, and (on a few pages) checklists and Mermaid diagrams."""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass

MIN_PAGE_BYTES = 2 * 1024
MAX_PAGE_BYTES = 30 * 1024

# Shares of pages carrying each feature; the checklist and Mermaid shares are the tracker's figures,
# the rest are near what real trees show (the Rust RFCs: ~3% footnotes, <1% task lists).
CHECKLIST_SHARE = 0.10
MERMAID_SHARE = 0.05
FOOTNOTE_SHARE = 0.12
TOKEN_SHARE = 0.15
TYPO_SHARE = 0.004
OPEN_ITEM_SHARE_OF_CHECKLISTS = 0.08

_WORD_TEXT = (
    "service request latency cache region replica shard partition queue consumer producer "
    "schedule deploy rollout canary baseline metric alert budget quota tenant account token "
    "session header payload schema migration index snapshot backup restore failover primary "
    "secondary leader follower quorum consensus heartbeat timeout retry backoff jitter "
    "throughput capacity burst pipeline stage artifact registry image container node cluster pod "
    "sidecar proxy gateway ingress egress firewall policy audit review approval owner runbook "
    "incident postmortem dashboard trace span sampling budget storage bucket object lifecycle "
    "retention archive compaction checkpoint offset stream window aggregate join filter "
    "projection contract version release branch commit build test fixture coverage regression "
    "benchmark profile allocation memory thread worker pool lock mutex channel buffer batch "
    "flush commit-log manifest catalog the a of to and in for with on by from that this each "
    "every when while before after only must should may can will not all any both either within "
    "across between against without "
)
WORDS = tuple(_WORD_TEXT.split())
LANGUAGES = ("python", "yaml", "bash", "json", "toml", "go", "text")
TOPICS = ("Ingestion", "Routing", "Storage", "Billing", "Search", "Identity", "Telemetry", "Export")


@dataclass(frozen=True)
class Vocabulary:
    """The declared names a corpus's pages refer to (mirrors the corpus's `[tool.archcheck]`)."""

    tokens: Mapping[str, str]
    components: Mapping[str, str]


def _sentence(rng: random.Random, vocab: Vocabulary, with_token: bool) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(words))
        roll = rng.random()
        if not words[at].isalpha():
            continue  # already marked up
        if roll < 0.3:
            words[at] = f"**{words[at]}**"
        elif roll < 0.55:
            words[at] = f"*{words[at]}*"
        elif roll < 0.8:
            words[at] = f"`{words[at]}_{rng.randint(1, 99)}`"
        elif roll < 0.92:
            where = f"https://example.org/{rng.choice(WORDS)}/{rng.randint(1, 999)}"
            words[at] = f"[{words[at]}]({where})"
        else:
            words[at] = f"[{words[at]}]"  # a bracketed word that is neither a link nor a task box
    if with_token:
        words.insert(rng.randrange(len(words)), f"`{rng.choice(list(vocab.tokens.values()))}`")
    if rng.random() < 0.1:
        name = rng.choice(list(vocab.components))
        words.insert(rng.randrange(len(words)), name)
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + rng.choice(".....?")


def _paragraph(rng: random.Random, vocab: Vocabulary, tokens: bool) -> str:
    count = rng.randint(2, 7)
    return " ".join(_sentence(rng, vocab, tokens and rng.random() < 0.15) for _ in range(count))


def _identifier(rng: random.Random) -> str:
    # Token-shaped strings that are not tokens: a realistic near-miss load for any token scan.
    alphabet = string.ascii_lowercase + string.digits
    parts = (rng.randint(4, 9), rng.randint(1, 2), rng.randint(4, 7))
    return "-".join("".join(rng.choice(alphabet) for _ in range(n)) for n in parts)


def _code_fence(rng: random.Random) -> str:
    language = rng.choice(LANGUAGES)
    lines = []
    for _ in range(rng.randint(4, 28)):
        indent = "    " * rng.randint(0, 2)
        lines.append(f"{indent}{rng.choice(WORDS)}_{rng.randint(0, 9)} = {_identifier(rng)!r}")
    return f"```{language}\n" + "\n".join(lines) + "\n```"


def _table(rng: random.Random) -> str:
    columns = rng.randint(3, 6)
    header = [rng.choice(WORDS).title() for _ in range(columns)]
    rows = [
        [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))) for _ in range(columns)]
        for _ in range(rng.randint(3, 12))
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _bullets(rng: random.Random, vocab: Vocabulary, ordered: bool) -> str:
    items = []
    for number in range(1, rng.randint(3, 8) + 1):
        marker = f"{number}." if ordered else rng.choice("-*")
        items.append(f"{marker} {_sentence(rng, vocab, with_token=False)}")
        if rng.random() < 0.2:
            items.append(f"    - {_sentence(rng, vocab, with_token=False)}")
    return "\n".join(items)


def _checklist(rng: random.Random, vocab: Vocabulary, open_item: bool) -> str:
    count = rng.randint(3, 9)
    open_at = rng.randrange(count) if open_item else -1
    lines = []
    for index in range(count):
        box = "[ ]" if index == open_at else rng.choice(("[x]", "[x]", "[X]"))
        lines.append(f"- {box} {_sentence(rng, vocab, with_token=False)}")
    return "\n".join(lines)


def _mermaid(rng: random.Random, vocab: Vocabulary, _open_item: bool = False) -> str:
    ids = list(vocab.components.values())
    rng.shuffle(ids)
    edges = [f"  {a} --> {b}" for a, b in itertools.pairwise(ids)]
    if rng.random() < 0.2:
        stray = "".join(rng.choice(string.ascii_lowercase) for _ in range(6))
        edges.append(f"  {ids[-1]} --> node-{stray}")  # a node no tier declares
    return "```mermaid\nflowchart LR\n" + "\n".join(edges) + "\n```"


def _typo(rng: random.Random, token: str) -> str:
    at = rng.randrange(len(token))
    replacement = rng.choice([c for c in string.ascii_lowercase if c != token[at].lower()])
    return token[:at] + replacement + token[at + 1 :]


def page(seed: int, index: int, vocab: Vocabulary) -> str:
    """Page `index` of the corpus seeded with `seed`: the same text whatever the corpus size."""
    rng = random.Random(f"{seed}:{index}")
    target = int(rng.uniform(0, 1) ** 2 * (MAX_PAGE_BYTES - MIN_PAGE_BYTES)) + MIN_PAGE_BYTES
    has_tokens = rng.random() < TOKEN_SHARE
    has_footnotes = rng.random() < FOOTNOTE_SHARE
    has_checklist = rng.random() < CHECKLIST_SHARE
    has_mermaid = rng.random() < MERMAID_SHARE
    has_typo = rng.random() < TYPO_SHARE
    open_item = has_checklist and rng.random() < OPEN_ITEM_SHARE_OF_CHECKLISTS

    topic = rng.choice(TOPICS)
    blocks = [f"# {topic} note {index}", _paragraph(rng, vocab, has_tokens)]
    footnotes: list[str] = []
    special = [b for b, on in ((_checklist, has_checklist), (_mermaid, has_mermaid)) if on]
    size = sum(len(b) + 2 for b in blocks)
    section = 0
    while size < target:
        roll = rng.random()
        if roll < 0.12:
            section += 1
            block = f"## {rng.choice(WORDS).title()} {rng.choice(WORDS)} {section}"
        elif roll < 0.17:
            block = f"### {rng.choice(WORDS).title()} {rng.choice(WORDS)}"
        elif roll < 0.55:
            block = _paragraph(rng, vocab, has_tokens)
            if has_footnotes and rng.random() < 0.3:
                label = f"n{len(footnotes) + 1}"
                block += f"[^{label}]"
                footnotes.append(f"[^{label}]: {_sentence(rng, vocab, with_token=has_tokens)}")
        elif roll < 0.67:
            block = _bullets(rng, vocab, ordered=rng.random() < 0.3)
        elif roll < 0.77:
            block = _table(rng)
        elif roll < 0.9:
            block = _code_fence(rng)
        elif roll < 0.95:
            kind = rng.choice(("NOTE", "TIP", "WARNING"))
            block = f"> [!{kind}]\n> {_sentence(rng, vocab, with_token=False)}"
        else:
            block = "> " + _paragraph(rng, vocab, tokens=False)
        if special and rng.random() < 0.15:
            maker = special.pop()
            block = maker(rng, vocab, open_item)
        # Leave room for the checklist, diagram and footnotes that are appended after the loop.
        if size + len(block) + 2 > MAX_PAGE_BYTES - 3000:
            break
        blocks.append(block)
        size += len(block) + 2
    blocks += [maker(rng, vocab, open_item) for maker in special]
    if has_typo:
        blocks.append(f"Deploy with `{_typo(rng, rng.choice(list(vocab.tokens.values())))}` today.")
    blocks += footnotes
    return "\n\n".join(blocks) + "\n"
