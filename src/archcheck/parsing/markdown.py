"""The one markdown-it-py parser archcheck uses, and the text normalisation before it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from archcheck.parsing.github_blocks import (
    QUOTE_ALT,
    TASK_LINES,
    github_blockquote,
    github_list,
    lazy_continuation,
    task_lines,
)

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
    # Where cmark-gfm's block structure differs from markdown-it-py's (see github_blocks.py).
    md.block.ruler.at("list", github_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("blockquote", github_blockquote, {"alt": list(QUOTE_ALT)})
    for rule in md.block.ruler.__rules__:
        if "paragraph" in rule.alt:
            md.block.ruler.at(rule.name, lazy_continuation(rule.fn), {"alt": rule.alt})
    # Keep footnote definitions where they are written, with their line maps.
    md.core.ruler.disable("footnote_tail")
    return md


def tokenize(source: Source) -> list[Token]:
    env = {TASK_LINES: task_lines(source.text, source.had_bom)}
    tokens = markdown_parser().parse(source.text, env)
    for token in tokens:
        if token.level >= MAX_NESTING - 1:
            line = token.map[0] + 1 if token.map else 1
            raise NestingTooDeepError(line)
    return tokens
