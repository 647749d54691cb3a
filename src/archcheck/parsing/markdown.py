"""The one markdown-it-py parser archcheck uses, and the text normalisation before it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

# Deep enough for any real note, shallow enough that markdown-it-py's recursive block rules
# stay far from Python's recursion limit. Deeper input is refused, never silently cut.
MAX_NESTING = 60
BOM = "\ufeff"


class NestingTooDeepError(Exception):
    """The Markdown nests lists or quotes deeper than archcheck reads."""

    def __init__(self, line: int) -> None:
        super().__init__(f"lists or block quotes nest deeper than {MAX_NESTING} levels")
        self.line = line


@dataclass(frozen=True, slots=True)
class Source:
    """Text as the renderers see it: newlines normalised, a leading BOM split off."""

    text: str
    lines: tuple[str, ...]
    had_bom: bool


def prepare(text: str) -> Source:
    had_bom = text.startswith(BOM)
    body = text[1:] if had_bom else text
    # CommonMark (and so cmark-gfm and markdown-it) ends a line at CRLF, LF or a lone CR.
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    return Source(body, tuple(body.split("\n")), had_bom)


@cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(front_matter_plugin)
    # Keep footnote definitions where they are written, with their line maps.
    md.core.ruler.disable("footnote_tail")
    return md


# A task line with nothing after its marker: cmark-gfm consumes the marker, so the item starts
# empty and a following blank line ends it. Blanking the marker gives markdown-it the same
# structure, except where an empty item could not interrupt the paragraph above it (it would
# start a new, nested list right under paragraph text): there the marker is left alone.
RE_EMPTY_TASK = re.compile(r"^([ \t\v\f]*(?:[-+*]|[0-9]+.)[ \t\v\f]+)\[[ xX]\]([ \t\v\f]+)$")
RE_ITEM_LINE = re.compile(r"^[ \t]*(?:[-+*]|[0-9]+[.)])(?:[ \t]|$)")


def _mask_empty_tasks(lines: tuple[str, ...]) -> str:
    masked = list(lines)
    for index, line in enumerate(lines):
        found = RE_EMPTY_TASK.match(line)
        if found is None:
            continue
        before = lines[index - 1] if index else ""
        if before.strip():
            indent = len(line) - len(line.lstrip())
            sibling = RE_ITEM_LINE.match(before) and indent <= len(before) - len(before.lstrip())
            if not sibling:
                continue
        masked[index] = found.group(1) + "   " + found.group(2)
    return "\n".join(masked)


def tokenize(source: Source) -> list[Token]:
    text = _mask_empty_tasks(source.lines)
    tokens = markdown_parser().parse(text)
    for token in tokens:
        if token.level >= MAX_NESTING - 1:
            line = token.map[0] + 1 if token.map else 1
            raise NestingTooDeepError(line)
    return tokens
