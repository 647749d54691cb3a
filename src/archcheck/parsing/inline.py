"""Inline facts with their positions: text and code runs, footnote references, table rows.

markdown-it maps only block tokens to lines, so a run's line is its block's first line plus the
line breaks before it, and its column is found by looking for it on that source line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

from archcheck.model import FootnoteRef, Table, TableRow, TextRun
from archcheck.parsing.github_tasks import inline_text
from archcheck.parsing.markdown import Source

# markdown-it leaves a reference to an undefined footnote as plain text.
RE_FOOTNOTE_TEXT = re.compile(r"\[\^([^\]\s]+)\]")


class _Cursor:
    """Finds successive pieces of text on source lines, left to right."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.offsets: dict[int, int] = {}

    def column(self, line: int, piece: str) -> int:
        text = self.source.lines[line - 1] if 0 < line <= len(self.source.lines) else ""
        start = self.offsets.get(line, 0)
        found = text.find(piece, start) if piece else -1
        if found < 0:
            return start + 1
        self.offsets[line] = found + len(piece)
        return found + 1


def inline_runs(tokens: list[Token], source: Source) -> Iterator[TextRun | FootnoteRef]:
    cursor = _Cursor(source)
    for token in tokens:
        if token.type != "inline" or token.map is None:
            continue
        line = token.map[0] + 1
        for child in token.children or ():
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "text":
                column = cursor.column(line, child.content)
                yield TextRun(line, column, child.content, "text")
                for found in RE_FOOTNOTE_TEXT.finditer(child.content):
                    yield FootnoteRef(found.group(1), line, column + found.start(), resolved=False)
            elif child.type == "code_inline":
                yield TextRun(line, cursor.column(line, child.content), child.content, "code")
                line += child.content.count("\n")
            elif child.type == "footnote_ref":
                label = str(child.meta.get("label", ""))
                column = cursor.column(line, f"[^{label}]")
                yield FootnoteRef(label, line, column, resolved=True)


def code_lines(content: str, first_line: int, source: Source) -> Iterator[TextRun]:
    """One run per line of a code block, placed where it sits in the source."""
    for offset, text in enumerate(content.rstrip("\n").split("\n")):
        line = first_line + offset
        raw = source.lines[line - 1] if line <= len(source.lines) else ""
        column = raw.find(text) + 1 if text else 1
        yield TextRun(line, max(column, 1), text, "block")


def tables(tokens: list[Token]) -> Iterator[Table]:
    start: int | None = None
    header: tuple[str, ...] = ()
    rows: list[TableRow] = []
    cells: list[str] = []
    row_line = 0
    for token in tokens:
        if token.type == "table_open" and token.map:
            start, header, rows = token.map[0] + 1, (), []
        elif token.type == "tr_open" and token.map:
            row_line, cells = token.map[0] + 1, []
        elif token.type == "inline" and start is not None:
            cells.append(inline_text(token))
        elif token.type == "tr_close" and start is not None:
            if header:
                rows.append(TableRow(row_line, tuple(cells)))
            else:
                header = tuple(cells)
        elif token.type == "table_close" and start is not None:
            yield Table(start, header, tuple(rows))
            start = None
