"""AC2xx: token references. Every declared token is used, and nothing nearly like one is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact
from archcheck.near_tokens import token_filter, typo_limit
from archcheck.prescan import PageScan
from archcheck.rule import Rule, edit_distance

# Words made of letters and digits, joined by single hyphens: the shape of every token.
RE_WORD = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?![\w-])")


@dataclass(frozen=True, slots=True)
class TokenReference:
    """One occurrence of a declared token's exact value."""

    name: str
    value: str
    path: str
    line: int
    column: int
    kind: str


def _near(word: str, value: str) -> int | None:
    """Distance of a near miss, or None when the word is not mistakable for the value."""
    if word.lower() == value.lower():
        return 0
    limit = typo_limit(value)
    if abs(len(word) - len(value)) > 2 or limit == 0:
        return None
    distance = edit_distance(word, value)
    return distance if distance <= limit else None


# The last scan, kept with the objects it was made for (so their ids cannot be reused): the
# typo rule and the engine's token references both scan the same document, one after the other.
_last_scan: tuple[Document, Config, tuple[TokenReference | Finding, ...]] | None = None


def scan(document: Document, config: Config) -> tuple[TokenReference | Finding, ...]:
    """Exact references, and a finding for each near miss."""
    global _last_scan
    if _last_scan is None or _last_scan[0] is not document or _last_scan[1] is not config:
        _last_scan = (document, config, tuple(_scan(document, config)))
    return _last_scan[2]


def _scan(document: Document, config: Config) -> Iterator[TokenReference | Finding]:
    values = {value: name for name, value in config.tokens.items()}
    # Most words are nothing like a token: only a word that holds a piece of a value can be one
    # or be near one (near_tokens.py says why), so only those are looked at, in text order. A
    # word is a whole run of word characters or nothing, so RE_WORD is tried at the run's start.
    wanted = token_filter(tuple(values))
    # A note's front matter declares its tokens (notes.py): what it holds is no reference.
    declared_until = config.note.end if config.note else 0
    for run in document.text_runs:
        if run.line <= declared_until:
            continue
        for candidate in wanted.candidate_runs(run.text):
            found = RE_WORD.match(run.text, candidate.start())
            if found is None:
                continue
            word, column = found.group(0), run.column + found.start()
            if word in values:
                yield TokenReference(values[word], word, document.path, run.line, column, run.kind)
                continue
            # Only values the word holds a piece of can be near it (near_tokens.py says why).
            candidates = wanted.near_values(word)
            near = [(d, value) for value in candidates if (d := _near(word, value)) is not None]
            if near:
                _, value = min(near, key=lambda pair: (edit_distance(word, pair[1]), pair[1]))
                message = (
                    f"{word!r} is not a declared token: did you mean {value!r} ({values[value]})?"
                )
                yield TOKEN_TYPO.finding(document.path, run.line, column, message, value)


def references(document: Document, config: Config) -> list[TokenReference]:
    return [ref for ref in scan(document, config) if isinstance(ref, TokenReference)]


def token_typo(document: Document, config: Config) -> Iterator[Finding]:
    """A string that is nearly a declared token (a small edit away, or another case) is a typo.

    Anti-pattern: a policy token copied with two digits swapped, which nobody will notice:

    ```markdown
    Deploy under policy `pol-5512-kx`.
    ```

    ```text
    example.md:1:22: AC201 'pol-5512-kx' is not a declared token: did you mean 'pol-5521-kx' (policy)?
    ```

    Best practice: the exact value declared in ``[tool.archcheck.tokens]``:

    ```markdown
    Deploy under policy `pol-5521-kx`.
    ```
    """  # noqa: E501
    for found in scan(document, config):
        if isinstance(found, Finding):
            yield found


def unused_token(documents: Sequence[Document], config: Config) -> Iterator[Finding]:
    """A declared token that no document mentions means the docs drifted from the configuration.

    Checked on all pages together: a token needs to appear on one page only. The finding points
    at the token's line in pyproject.toml.

    Anti-pattern: the release was renamed in the configuration, but the note still names the
    old one:

    ```markdown
    Ship release `rel-2030-borealis` under policy `pol-5521-kx`.
    ```

    ```text
    pyproject.toml:2:1: AC202 token release = 'rel-2031-aurora' is declared but no document mentions it
    ```

    Best practice: every declared token appears, exactly, at least once:

    ```markdown
    Ship release `rel-2031-aurora` under policy `pol-5521-kx`.
    ```
    """  # noqa: E501
    used = {ref.value for document in documents for ref in references(document, config)}
    for name, value in config.tokens.items():
        if value not in used:
            line = config.key_lines.get(f"tokens.{name}", 1)
            message = f"token {name} = {value!r} is declared but no document mentions it"
            yield UNUSED_TOKEN.finding(config.display_path, line, 1, message)


def unused_note_token(document: Document, config: Config) -> Iterator[Finding]:
    """A token a note declares in its own front matter is mentioned in that note.

    A note's tokens (and its release) hold for the note alone, so the note alone can use them;
    what the front matter itself holds is the declaration, not a mention.

    Anti-pattern: the note declares a policy token its text no longer names:

    ```markdown
    ---
    archcheck:
      release: pay-2031-07
      tokens: {policy: pay-7f3-kq}
    ---
    Payments ships `pay-2031-07`.
    ```

    ```text
    example.md:4:12: AC203 token policy = 'pay-7f3-kq' is declared by the note but the note does not mention it
    ```

    Best practice: every token the note declares appears in it, exactly:

    ```markdown
    ---
    archcheck:
      release: pay-2031-07
      tokens: {policy: pay-7f3-kq}
    ---
    Payments ships `pay-2031-07` under policy `pay-7f3-kq`.
    ```
    """  # noqa: E501
    note = config.note
    if note is None:
        return
    used = {ref.value for ref in references(document, config)}
    for name, value in note.declared_tokens().items():
        if value in used:
            continue
        key = f"tokens.{name}" if name in note.tokens else name
        line = note.key_lines.get(key, note.line)
        column = _column_of(key.rsplit(".", 1)[-1], document, line)
        message = f"token {name} = {value!r} is declared by the note but the note does not "
        message += "mention it"
        yield UNUSED_NOTE_TOKEN.finding(document.path, line, column, message)


def _column_of(key: str, document: Document, line: int) -> int:
    """Where the key is written on its front-matter line (1 if it cannot be told)."""
    for run in document.text_runs:
        if run.line == line and (at := run.text.find(key)) >= 0:
            return run.column + at
    return 1


def has_token_word(page: PageScan) -> bool:
    """A reference or a near miss is a word that holds a piece of a declared token."""
    return page.token_word()


TEXT: frozenset[Fact] = frozenset({"text"})
TOKEN_TYPO = Rule(
    "AC201", "token-typo", Severity.ERROR, token_typo, reads=TEXT, trigger=has_token_word
)
UNUSED_TOKEN = Rule(
    "AC202", "unused-token", Severity.ERROR, unused_token, project=True, reads=TEXT,
    trigger=has_token_word,
)  # fmt: skip
UNUSED_NOTE_TOKEN = Rule(
    "AC203", "unused-note-token", Severity.ERROR, unused_note_token, reads=TEXT,
    trigger=has_token_word,
)  # fmt: skip
