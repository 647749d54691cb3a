"""What each page needs reading for: the triggers' views of its raw text, so that only the facts
some rule could find something in are taken from the renderers, and a page no trigger fires on is
not rendered at all.

Each rule declares, next to itself, what it reads (``Rule.reads``) and the trigger that says a
page could hold its finding (``Rule.trigger``, a function of a PageScan; a rule without one is
always read for). A trigger is a necessary condition of its rule's finding, so it is
conservative by construction; PageScan gives the views every trigger looks in:

- the text with line ends as the renderers read them and U+0002/U+0003 deleted (as
  Python-Markdown deletes them before reading), and lowered;
- the text with escapes and entities decoded exactly as CommonMark does (``decoded`` below),
  and an autolink's percent-decoded text: every text run, cell and info string is source text
  in one of these views, so looking in them misses nothing. tests/perf prove it on the corpora.

A site whose extensions can include other files (snippets) may show a box on any page, so the
boxes of its pages are always read (pipeline.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from archcheck.config import Config
from archcheck.model import Fact
from archcheck.near_tokens import TokenFilter, ascii_lower, token_filter

CHECKBOX = re.compile(r"\[[ \txX]\]")
FENCE_MARK = re.compile(r"```|~~~")
ESCAPE_OR_ENTITY = re.compile(r"[&\\]")
# A line of only these characters, one of them a hyphen. The look-ahead stops at the first
# hyphen and nothing backtracks, so a long line that is not a row costs its length once.
DELIMITER_ROW = re.compile(r"^(?=[ \t>|:]*+-)[ \t>|:-]*+$", re.MULTILINE)
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


def fence_with_escapes(text: str) -> bool:
    """True when some line holds a fence's backticks or tildes with an escape or an entity
    after them (an info string may spell ``mermaid`` with one). Only each line's first mark is
    looked after: a later one has less of the line after it, so a line is read once."""
    at = 0
    while found := FENCE_MARK.search(text, at):
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        if ESCAPE_OR_ENTITY.search(text, found.end(), end):
            return True
        at = end + 1
    return False


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
    checklist_required: bool = False  # the page is a note that must hold a checklist

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

    def scan(self, text: str) -> PageScan:
        return PageScan(self, text)

    def facts(self, text: str) -> frozenset[Fact]:
        """What the rules whose trigger fires on ``text`` read; empty: nothing to read."""
        return self.scan(text).facts()

    def could_hold_finding(self, text: str) -> bool:
        """False only when reading ``text`` can give no finding and no problem."""
        return bool(self.facts(text))


class PageScan:
    """One page's raw text, with the views of it the triggers look in, made when first asked."""

    def __init__(self, prescan: Prescan, text: str) -> None:
        if "\r" in text:  # line ends as the renderers see them (text.py: prepare)
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\x02" in text or "\x03" in text:  # Python-Markdown deletes them before reading
            text = text.replace("\x02", "").replace("\x03", "")
        self.prescan = prescan
        self.text = text
        self.lowered = ascii_lower(text)
        self._views: list[str] | None = None
        self._lowered_views: list[str] | None = None

    @property
    def views(self) -> list[str]:
        """The text, then the other views that differ from it."""
        if self._views is None:
            self._views = list(_views(self.text))
        return self._views

    def _in_any_view(self, mark: str, lowered: bool = False) -> bool:
        if mark in (self.lowered if lowered else self.text):
            return True
        others = self.views[1:]
        if lowered:
            if self._lowered_views is None:
                self._lowered_views = [ascii_lower(view) for view in others]
            others = self._lowered_views
        return any(mark in view for view in others)

    def mentions(self, word: str) -> bool:
        """``word`` (lower case) in the text, in any case."""
        return word in self.lowered

    def task_marker(self) -> bool:
        """A task marker, or a checkbox written as HTML (the site shows it)."""
        return bool(CHECKBOX.search(self.text)) or "checkbox" in self.lowered

    def footnote_mark(self) -> bool:
        """A reference or definition, or an inline note ``^[...]``, in any view."""
        return self._in_any_view("[^") or self._in_any_view("^[")

    def mermaid(self) -> bool:
        if "mermaid" in self.lowered or fence_with_escapes(self.text):
            return True
        return self._in_any_view("mermaid", lowered=True)

    def tier_header(self) -> bool:
        return bool(self.prescan.tier_letters) and self.prescan._tier_header(self.text)

    def token_word(self) -> bool:
        return any(self.prescan._token_words(view) for view in self.views)

    def deep_prefix(self) -> bool:
        return deep_prefix(self.text)

    def facts(self) -> frozenset[Fact]:
        """What the rules whose trigger fires on this page read; empty: nothing to read."""
        from archcheck.rules import RULES
        from archcheck.suppressions import DIRECTIVES

        found: set[Fact] = set()
        for rule in RULES:
            if rule.reads - found and (rule.trigger is None or rule.trigger(self)):
                found |= rule.reads
        if "comments" not in found and DIRECTIVES(self):
            found.add("comments")  # waivers and ignores apply to whatever a rule finds
        return frozenset(found)


WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@cache
def _prescan(values: tuple[str, ...], tier_column: str, checklist_required: bool) -> Prescan:
    return Prescan(token_filter(values), "".join(tier_column.lower().split()), checklist_required)


def prescan_for(config: Config) -> Prescan:
    """The pre-scan for a page's own configuration (page.page_config)."""
    required = config.note is not None and config.note.checklist_required
    return _prescan(tuple(config.tokens.values()), config.tier_column, required)
