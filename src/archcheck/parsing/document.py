"""parse(): one markdown-it pass over a file's text into the Document every rule reads."""

from __future__ import annotations

from markdown_it.token import Token

from archcheck.model import CodeBlock, Comment, Document, FootnoteDef, FootnoteRef, TextRun
from archcheck.parsing.checklist import checklist
from archcheck.parsing.flowchart import read_flowchart
from archcheck.parsing.inline import code_lines, inline_runs, tables
from archcheck.parsing.markdown import Source, prepare, tokenize


def _next_block(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """Line span (1-based, inclusive) of the block after ``tokens[index]`` at its level."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level < level:
            return None
        if token.level == level and token.nesting >= 0 and token.map:
            return token.map[0] + 1, max(token.map[1], token.map[0] + 1)
    return None


def _column(source: Source, line: int, piece: str) -> int:
    return source.lines[line - 1].find(piece) + 1 if line <= len(source.lines) else 1


def _code_block(token: Token, source: Source) -> CodeBlock:
    assert token.map is not None
    fenced = token.type == "fence"
    first = token.map[0] + 1 + fenced
    opening = source.lines[token.map[0]]
    column = len(opening) - len(opening.lstrip(" \t>")) + 1
    return CodeBlock(token.map[0] + 1, column, token.info.strip(), token.content, first, fenced)


def parse(text: str, path: str = "<string>") -> Document:
    """Parse Markdown text once into a Document. Raises NestingTooDeepError for absurd nesting."""
    source = prepare(text)
    tokens = tokenize(source)
    runs: list[TextRun] = []
    refs: list[FootnoteRef] = []
    for run in inline_runs(tokens, source):
        if isinstance(run, TextRun):
            runs.append(run)
        else:
            refs.append(run)
    code_blocks: list[CodeBlock] = []
    defs: list[FootnoteDef] = []
    comments: list[Comment] = []
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        line = token.map[0] + 1
        if token.type in ("fence", "code_block"):
            block = _code_block(token, source)
            code_blocks.append(block)
            runs.extend(code_lines(block.content, block.first_line, source))
        elif token.type == "footnote_reference_open":
            label = str(token.meta.get("label", ""))
            defs.append(FootnoteDef(label, line, _column(source, line, f"[^{label}]")))
        elif token.type == "html_block" and token.content.lstrip().startswith("<!--"):
            column = _column(source, line, "<!--")
            comments.append(
                Comment(line, column, token.content.strip(), _next_block(tokens, index))
            )
    flowcharts = tuple(
        read_flowchart(block.content, block.first_line, block.column)
        for block in code_blocks
        if block.fenced and block.info.split(" ")[0].lower() == "mermaid"
    )
    return Document(
        path=path,
        line_count=len(source.lines),
        checklist=checklist(tokens, source, path),
        text_runs=tuple(runs),
        code_blocks=tuple(code_blocks),
        footnote_refs=tuple(refs),
        footnote_defs=tuple(defs),
        tables=tuple(tables(tokens)),
        flowcharts=flowcharts,
        comments=tuple(comments),
    )
