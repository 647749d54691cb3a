"""GitHub's view: the page rendered by cmark-gfm (GitHub's own parser, through ``cmarkgfm``) with
the GFM extensions and source positions, and every fact the rules read taken from that HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cmarkgfm  # type: ignore[import-untyped]
from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

from archcheck.model import CodeBlock, FootnoteRef, Table, TableRow, TextRun
from archcheck.text import BOM, Source
from archcheck.views.facts import Box, GitHubView
from archcheck.views.html import Tag, pieces

# No CMARK_OPT_UNSAFE: GitHub drops raw HTML, so a checkbox typed as HTML is none of its boxes.
OPTIONS = (
    Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_GITHUB_PRE_LANG
)
EXTENSIONS = ("table", "autolink", "strikethrough", "tagfilter", "tasklist")
FOOTNOTE_LABEL = re.compile(r"[^\]\s]+")
UNRESOLVED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
FENCE_OPENING = re.compile(r"^[ >\t]*(?:[-*+]|\d+[.)])?[ \t]*(?:```|~~~)")
# Block elements whose text is inline text; text inside list items, quotes and cells too.
TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dd", "dt"})
# An item's text ends where its first paragraph does, or where a nested block starts.
ENDS_ITEM_TEXT = frozenset({"ul", "ol", "li", "pre", "blockquote", "table", "div", "section"})
ENDS_ITEM_TEXT |= {"h1", "h2", "h3", "h4", "h5", "h6"}


def render(source: Source) -> str:
    """cmark-gfm's HTML of the page. Every definition the page holds is referenced once after
    its last line, so that cmark-gfm renders (and so names) even the unreferenced ones; nothing
    written after the last line can change how an earlier line renders."""
    labels = {m.group(1) for m in re.finditer(r"\[\^([^\]\s]+)\]:", source.text)}
    suffix = "\n\n" + " ".join(f"[^{label}]" for label in sorted(labels)) + "\n" if labels else ""
    # The BOM goes in too: cmark-gfm reads the file as it is, and a BOM before a first-line
    # task marker keeps it from being a box.
    bom = BOM if source.had_bom else ""
    html = cmarkgfm.markdown_to_html_with_extensions(
        bom + source.text + suffix, options=OPTIONS, extensions=list(EXTENSIONS)
    )
    return str(html)


@dataclass
class _Cursor:
    """Where text was last found: inline text has no position of its own, so each run is looked
    up on the source lines of its block, left to right."""

    source: Source
    line: int = 1
    column: int = 0
    end: int = 1

    def enter(self, lines: tuple[int, int]) -> None:
        self.line, self.end = lines
        self.column = 0

    def locate(self, piece: str) -> tuple[int, int]:
        for line in range(self.line, max(self.line, self.end) + 1):
            at = self.source.line(line).find(piece, self.column if line == self.line else 0)
            if at >= 0:
                self.line, self.column = line, at + len(piece)
                return line, at + 1
        return self.line, self.column + 1


@dataclass
class _Reader:
    source: Source
    last_line: int
    cursor: _Cursor
    boxes: list[Box] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    code: list[CodeBlock] = field(default_factory=list)
    refs: list[FootnoteRef] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)
    tables: list[Table] = field(default_factory=list)
    blocks: list[tuple[int, int]] = field(default_factory=list)

    def box(self, item: tuple[int, int] | None, checked: bool, depth: int) -> int:
        line = item[0] if item else None
        if item is not None:
            # The marker sits on the item's first line with text (an item may open blank).
            line = next(
                (n for n in range(item[0], item[1] + 1) if self.source.marker_column(n)), item[0]
            )
        self.boxes.append(Box(line, checked, depth, ""))
        return len(self.boxes) - 1

    def code_block(self, lines: tuple[int, int], info: str, content: str) -> None:
        first, last = lines
        if last > self.last_line:  # a fence left open runs into render()'s own references
            kept = content.split("\n")[: max(self.last_line - first, 0)]
            content = "\n".join(kept) + "\n" if kept else ""
        fenced = bool(FENCE_OPENING.match(self.source.line(first)))
        opening = self.source.line(first)
        column = len(opening) - len(opening.lstrip(" \t>")) + 1
        start = first + fenced
        self.code.append(CodeBlock(first, column, info, content, start, fenced))
        for offset, text in enumerate(content.rstrip("\n").split("\n")):
            raw = self.source.line(start + offset)
            at = raw.find(text) + 1 if text else 1
            self.runs.append(TextRun(start + offset, max(at, 1), text, "block"))


def github_view(source: Source) -> GitHubView:
    html = render(source)
    reader = _Reader(source, len(source.lines), _Cursor(source))
    depth = 0
    item_lines: list[tuple[int, int] | None] = []
    open_box: int | None = None  # the box whose item text is being read
    box_text: list[str] = []
    pre: tuple[tuple[int, int], str] | None = None
    code_text: list[str] = []
    inline_code = False
    footnote_ref = backref = False
    table: tuple[int, list[str], list[TableRow]] | None = None
    row: tuple[int, list[str]] | None = None
    cell: list[str] | None = None
    for piece in pieces(html):
        if isinstance(piece, str):
            if pre is not None:
                code_text.append(piece)
                continue
            if cell is not None:
                cell.append(piece)
            if open_box is not None:
                box_text.append(piece)
            if footnote_ref or backref:
                continue
            _text(reader, piece, inline_code)
            continue
        tag: Tag = piece
        name = tag.name
        if name == "input" and tag.attribute("type") == "checkbox" and item_lines:
            if open_box is not None:
                _close_box(reader, open_box, box_text)
            open_box = reader.box(item_lines[-1], tag.attribute("checked") is not None, depth - 1)
            box_text = []
            continue
        if open_box is not None and (
            (name in ENDS_ITEM_TEXT and not tag.closing) or (tag.closing and name in ("p", "li"))
        ):
            _close_box(reader, open_box, box_text)
            open_box = None
        if name == "li":
            if tag.closing:
                depth -= 1
                item_lines.pop() if item_lines else None
            else:
                depth += 1
                item_lines.append(tag.lines())
                label = tag.attribute("id")
                if label and label.startswith("fn-"):
                    reader.labels.add(label[3:])
        lines = None if tag.closing else tag.lines()
        if lines is not None and lines[0] <= reader.last_line:
            reader.blocks.append(lines)
        if lines is not None and name in TEXT_BLOCKS:
            reader.cursor.enter(lines)
        if name == "pre":
            if tag.closing and pre is not None:
                reader.code_block(pre[0], pre[1], "".join(code_text))
                pre, code_text = None, []
            elif not tag.closing and lines is not None:
                pre, code_text = (lines, tag.attribute("lang") or ""), []
        elif name == "code" and pre is None:
            inline_code = not tag.closing
        elif name == "sup" and tag.has_class("footnote-ref"):
            footnote_ref = True
        elif name == "a" and footnote_ref and not tag.closing:
            label = (tag.attribute("href") or "")[len("#fn-") :]
            line, column = reader.cursor.locate(f"[^{label}]")
            if line <= reader.last_line:  # not one of render()'s own references
                reader.refs.append(FootnoteRef(label, line, column, resolved=True))
        elif name == "a" and (tag.closing or tag.has_class("footnote-backref")):
            backref = not tag.closing
        elif name == "sup" and tag.closing:
            footnote_ref = False
        elif name == "table":
            if not tag.closing and lines is not None:
                table = (lines[0], [], [])
            elif tag.closing and table is not None:
                header = tuple(table[1])
                reader.tables.append(Table(table[0], header, tuple(table[2])))
                table = None
        elif name == "tr" and table is not None:
            if not tag.closing:
                row = ((lines or (0, 0))[0], [])
            elif row is not None:
                if not table[1] and not table[2] and row[0] == table[0]:
                    table[1].extend(row[1])
                else:
                    table[2].append(TableRow(row[0], tuple(row[1])))
                row = None
        elif name in ("td", "th") and row is not None:
            if tag.closing and cell is not None:
                row[1].append("".join(cell).strip())
                cell = None
            elif not tag.closing:
                cell = []
    if open_box is not None:
        _close_box(reader, open_box, box_text)
    return GitHubView(
        tuple(reader.boxes),
        tuple(reader.runs),
        tuple(reader.code),
        tuple(reader.refs),
        frozenset(reader.labels),
        tuple(reader.tables),
        tuple(reader.blocks),
    )


def _close_box(reader: _Reader, index: int, text: list[str]) -> None:
    words = "".join(text).lstrip().split("\n", 1)[0].strip()
    box = reader.boxes[index]
    reader.boxes[index] = Box(box.line, box.checked, box.depth, words)


def _text(reader: _Reader, piece: str, code: bool) -> None:
    lines = piece.split("\n")
    for offset, text in enumerate(lines):
        if offset:
            reader.cursor.line += 1
            reader.cursor.column = 0
        if not text.strip():
            continue
        line, column = reader.cursor.locate(text)
        if line > reader.last_line:
            return
        reader.runs.append(TextRun(line, column, text, "code" if code else "text"))
        if not code:
            for found in UNRESOLVED_FOOTNOTE.finditer(text):
                reader.refs.append(FootnoteRef(found.group(1), line, column + found.start(), False))
