"""Which files could hold a finding: a pre-scan of the raw text, so that only those are parsed.

It is conservative by construction: a file is skipped only when no rule could find anything in
it, and each test below is a necessary condition of what a rule reads from the parsed Document.

- checklist items (AC1xx): GitHub's and the site's boxes both need ``[ ]``/``[x]``/``[X]`` on
  the item's source line once U+0002/U+0003 are deleted (Python-Markdown deletes them), or a
  checkbox written as HTML; a site whose extensions can include other files (snippets) may
  show a box on any page, so its pages are never skipped (pipeline.py);
- footnotes (AC3xx): references and definitions need ``[^`` and inline notes ``^[``, in the
  source or in text after CommonMark decodes escapes and entities (``&#91;^x]`` is a plain-text
  reference);
- diagrams and tier tables (AC4xx): a Mermaid fence needs ``mermaid`` in its info string (or an
  escape or entity there); a tier table needs a header row, the line before a delimiter row,
  whose first cell holds the tier column's letters in order;
- tokens (AC2xx): every word that is a token, another case of one or a near miss holds a piece
  of it (near_tokens.py) and is checked against the rule's own limit, in the source, in text as
  CommonMark decodes it, and in autolinks as percent-decoded;
- directives (suppressions, waivers): an HTML comment that says ``archcheck``;
- could-not-run problems from parsing: nesting too deep needs a long line prefix of container
  markers (each nesting level costs at least one column of it).

Every text run, cell and info string is either source text or source text with escapes and
entities decoded exactly as CommonMark does (``decoded`` below), or an autolink's percent-decoded
text, so looking in those three views misses nothing. tests/perf prove it on the corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from archcheck.config import Config
from archcheck.near_tokens import TokenFilter, ascii_lower, token_filter

CHECKBOX = re.compile(r"\[[ \txX]\]")
FENCE_WITH_ESCAPES = re.compile(r"(?:```|~~~)[^\n]*[&\\]")
DELIMITER_ROW = re.compile(r"^[ \t>|:-]*-[ \t>|:-]*$", re.MULTILINE)
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
CONTAINER_PREFIX = re.compile(r"^[ \t>*+\-0-9.)]{10,}", re.MULTILINE)
PERCENT = re.compile(r"%([0-7][0-9A-Fa-f])")
WORD_RUN_END = re.compile(r"[A-Za-z0-9-]*")
# CommonMark's inline escape and entity rules, in the order they apply (left to right).
DECODE = re.compile(
    r"\\(.)|&#(x[a-f0-9]{1,6}|[0-9]{1,7});|&([a-z][a-z0-9]{1,31});", re.IGNORECASE | re.DOTALL
)
ESCAPED = set("!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-")
# Far below the parser's limit (60 levels): no line with a shorter prefix can reach it.
DEEP_PREFIX_COLUMNS = 40


def decoded(text: str) -> str:
    """``text`` with escapes and entities decoded the way CommonMark decodes inline text."""
    if "\\" not in text and "&" not in text:
        return text
    from html.entities import html5

    def replace(found: re.Match[str]) -> str:
        escaped, number, name = found.groups()
        if escaped is not None:
            return escaped if escaped in ESCAPED else found.group(0)
        if number is not None:
            code = int(number[1:], 16) if number[0] in "xX" else int(number)
            valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
            return chr(code if valid else 0xFFFD)
        return html5.get(f"{name};", found.group(0))

    return DECODE.sub(replace, text)


def _views(text: str) -> Iterator[str]:
    yield text
    plain = decoded(text)
    if plain != text:
        yield plain
    if "<" in text and "%" in text:  # an autolink's text is shown percent-decoded
        yield PERCENT.sub(lambda found: chr(int(found.group(1), 16)), text)


def _holds_in_order(letters: str, text: str) -> bool:
    remaining = iter(text)
    return all(letter in remaining for letter in letters)


def deep_prefix(text: str) -> bool:
    """True when some line's prefix of container markers is long enough to nest deeply."""
    for found in CONTAINER_PREFIX.finditer(text):
        columns = 0
        for char in found.group(0):
            columns = columns + 4 - columns % 4 if char == "\t" else columns + 1
        if columns >= DEEP_PREFIX_COLUMNS:
            return True
    return False


@dataclass(frozen=True)
class Prescan:
    """The pre-scan for one configuration."""

    tokens: TokenFilter
    tier_letters: str  # the tier column's letters, lowered, in order

    def _token_words(self, view: str) -> bool:
        search = self.tokens
        if not search.may_occur(view):
            return False
        lowered = ascii_lower(view)
        for piece in search.pieces:
            at = lowered.find(piece)
            while at >= 0:
                start = at
                while start and lowered[start - 1] in WORD_CHARACTERS:
                    start -= 1
                run = WORD_RUN_END.match(lowered, at)
                end = run.end() if run else at + len(piece)
                if search.near_in(view[start:end]):
                    return True
                at = lowered.find(piece, end)
        return False

    def _tier_header(self, text: str) -> bool:
        for row in DELIMITER_ROW.finditer(text):
            start = text.rfind("\n", 0, max(row.start() - 1, 0)) + 1
            header = text[start : max(row.start() - 1, start)]
            if "|" not in header:
                continue
            cells = UNESCAPED_PIPE.split(header)
            first = " ".join(cells[:2])  # the first cell, after an optional leading pipe
            if any(_holds_in_order(self.tier_letters, v.lower()) for v in (first, decoded(first))):
                return True
        return False

    def could_hold_finding(self, text: str) -> bool:
        """False only when parsing ``text`` can give no finding and no problem."""
        if "\r" in text:  # line ends as the renderers see them (text.py: prepare)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\x02" in text or "\x03" in text:  # Python-Markdown deletes them before reading
            text = text.replace("\x02", "").replace("\x03", "")
        lowered = ascii_lower(text)
        if CHECKBOX.search(text) or "archcheck" in lowered or deep_prefix(text):
            return True
        if "checkbox" in lowered:  # a box written as HTML: the site shows it
            return True
        if "mermaid" in lowered or FENCE_WITH_ESCAPES.search(text):
            return True
        views = list(_views(text))
        footnote = ("[^", "^[")  # a reference or definition, or an inline note ^[...]
        if any(mark in view for view in views for mark in footnote):
            return True
        if any("mermaid" in ascii_lower(view) for view in views):
            return True
        if self.tier_letters and self._tier_header(text):
            return True
        return any(self._token_words(view) for view in views)


WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@cache
def _prescan(values: tuple[str, ...], tier_column: str) -> Prescan:
    return Prescan(token_filter(values), "".join(tier_column.lower().split()))


def prescan_for(config: Config) -> Prescan:
    return _prescan(tuple(config.tokens.values()), config.tier_column)
