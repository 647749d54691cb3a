"""The one markdown-it-py parser archcheck uses, and the text normalisation before it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from archcheck.parsing.github_blocks import (
    QUOTE_ALT,
    TASK_LINES,
    github_blockquote,
    github_reference,
    lazy_continuation,
    task_lines,
)
from archcheck.parsing.github_lists import github_list

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


def _at_document_start(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """The front matter rule, kept to a ``---`` in column 0 of the first line (as MkDocs reads
    it): mdit-py-plugins' rule also fires on the content of a list item opened there."""

    def guarded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if state.level or state.bMarks[start_line] + state.tShift[start_line]:
            return False
        return rule(state, start_line, end_line, silent)

    return guarded


@cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(front_matter_plugin)
    # Where cmark-gfm's block structure differs from markdown-it-py's (see github_blocks.py).
    md.block.ruler.at("list", github_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("blockquote", github_blockquote, {"alt": list(QUOTE_ALT)})
    md.block.ruler.at("reference", github_reference)
    for rule in md.block.ruler.__rules__:
        fn = _at_document_start(rule.fn) if rule.name == "front_matter" else rule.fn
        # A footnote definition starts a block wherever cmark-gfm looks for one.
        alt = [*rule.alt, "blockquote", "list"] if rule.name == "footnote_def" else rule.alt
        if "paragraph" in rule.alt:
            fn = lazy_continuation(fn)
        md.block.ruler.at(rule.name, fn, {"alt": alt})
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
