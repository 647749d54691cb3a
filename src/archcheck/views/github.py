"""GitHub's view: the page rendered by cmark-gfm (GitHub's own parser, through ``cmarkgfm``) with
the GFM extensions and source positions, and the facts the rules read taken from that HTML.

Each fact is read only when a rule asks for it (``facts``); cmark-gfm's HTML is regular enough
(every block carries ``data-sourcepos``, raw HTML is omitted) that most are one regular
expression over it. Inline text has no position of its own, so text runs are walked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from html import unescape

from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

from archcheck.model import ALL_FACTS, CodeBlock, Fact, FootnoteRef, Table, TableRow, TextRun
from archcheck.text import BOM, Source
from archcheck.views.cmark import render_html
from archcheck.views.facts import Box, GitHubView
from archcheck.views.html import Tag, pieces
from archcheck.views.struck import struck_boxes

# No CMARK_OPT_UNSAFE: GitHub drops raw HTML, so a checkbox typed as HTML is none of its boxes.
OPTIONS = (
    Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_GITHUB_PRE_LANG
)
EXTENSIONS = ("table", "autolink", "strikethrough", "tagfilter", "tasklist")
DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:")
ITEM = re.compile(r'<li\b([^>]*)>(<input type="checkbox" (checked="" )?disabled="" />)?|</li>')
PRE = re.compile(r"<pre\b([^>]*)><code[^>]*>(.*?)</code></pre>", re.DOTALL)
TABLE = re.compile(r'<table data-sourcepos="(\d+):[^"]*">(.*?)</table>', re.DOTALL)
ROW = re.compile(r'<tr data-sourcepos="(\d+):[^"]*">(.*?)</tr>', re.DOTALL)
CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.DOTALL)
TAGS = re.compile(r"<[^>]*>")
SOURCEPOS = re.compile(r'data-sourcepos="(\d+):\d+-(\d+):\d+"')
FOOTNOTE_REF = re.compile(r'<sup class="footnote-ref"><a href="#fn-([^"]*)"')
FOOTNOTE_DEF = re.compile(r'<li id="fn-([^"]*)">')
UNRESOLVED = re.compile(r"\[\^([^\]\s<]+)\]")
CODE_SPAN = re.compile(r"<pre\b.*?</pre>|<code>.*?</code>|<[^>]*>", re.DOTALL)
FENCE_OPENING = re.compile(r"^[ >\t]*(?:(?:[-*+]|\d+[.)])[ \t]+)*(?:```|~~~)")
# An item's text ends where its first paragraph does, or where a nested block starts.
ITEM_TEXT_END = re.compile(r"\n|</p>|</li>|<(?:ul|ol|li|pre|blockquote|table|div|h\d)\b")
TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th"})


def render(source: Source) -> str:
    """cmark-gfm's HTML of the page. Every definition the page holds is referenced once after
    its last line, so that cmark-gfm renders (and so names) even the unreferenced ones; nothing
    written after the last line can change how an earlier line renders."""
    labels = sorted(set(DEFINITION.findall(source.text))) if "[^" in source.text else []
    suffix = "\n\n" + " ".join(f"[^{label}]" for label in labels) + "\n" if labels else ""
    # The BOM goes in too: cmark-gfm reads the file as it is, and a BOM before a first-line
    # task marker keeps it from being a box.
    bom = BOM if source.had_bom else ""
    return render_html(bom + source.text + suffix, OPTIONS, EXTENSIONS)


def github_view(source: Source, facts: frozenset[Fact] = ALL_FACTS) -> GitHubView:
    html = render(source)
    last = len(source.lines)
    code = tuple(_code_blocks(html, source)) if facts - {"boxes", "tables"} else ()
    return GitHubView(
        boxes=tuple(_boxes(html, source)) if "boxes" in facts else (),
        text_runs=tuple(_text_runs(html, source, code)) if "text" in facts else (),
        code_blocks=code,
        footnote_refs=tuple(_footnote_refs(html, source)) if "footnotes" in facts else (),
        footnote_labels=frozenset(FOOTNOTE_DEF.findall(html))
        if "footnotes" in facts
        else frozenset(),
        tables=tuple(_tables(html)) if facts & {"tables", "diagrams"} else (),
        blocks=tuple((int(a), int(b)) for a, b in SOURCEPOS.findall(html) if int(a) <= last)
        if "comments" in facts
        else (),
    )


def _lines(attributes: str) -> tuple[int, int] | None:
    found = SOURCEPOS.search(attributes)
    return (int(found.group(1)), int(found.group(2))) if found else None


def _plain(html: str) -> str:
    return unescape(TAGS.sub("", html))


def _boxes(html: str, source: Source) -> Iterator[Box]:
    if 'type="checkbox"' not in html:
        return
    unreferenced = _unreferenced_footnotes(html, len(source.lines))
    struck = struck_boxes(html)
    # The checkboxes so far, hidden ones too, as struck_boxes() counts them: without raw HTML
    # every checkbox cmark-gfm writes opens a list item.
    count = 0
    depth = 0
    stack: list[bool] = []  # per open <li>: whether it is a list item (a footnote's is not)
    hidden = 0  # inside an unreferenced footnote: GitHub does not render it
    for found in ITEM.finditer(html):
        if found.group(0) == "</li>":
            if stack and stack.pop():
                depth -= 1
            elif hidden:
                hidden -= 1
            continue
        attributes = found.group(1)
        if attributes.startswith(' id="fn-'):
            stack.append(False)
            hidden += attributes[len(' id="fn-') : -1] in unreferenced or bool(hidden)
            continue
        stack.append(True)
        depth += 1
        count += found.group(2) is not None
        if found.group(2) is None or hidden:
            continue
        item = _lines(attributes)
        line = None
        if item is not None:
            # The marker sits on the item's first line with text (an item may open blank).
            numbers = range(item[0], item[1] + 1)
            line = next((n for n in numbers if source.marker_column(n)), item[0])
        text = _item_text(html, found.end())
        yield Box(line, found.group(3) is not None, depth - 1, text, struck=count - 1 in struck)


def _unreferenced_footnotes(html: str, last: int) -> frozenset[str]:
    """Labels only render()'s own references name: GitHub shows no such footnote."""
    if "footnote-ref" not in html:
        return frozenset()
    suffix = html.rfind(f'<p data-sourcepos="{last + 2}:')
    if suffix < 0:
        return frozenset()
    end = html.find("</p>", suffix)
    ours = {m.group(1) for m in FOOTNOTE_REF.finditer(html, suffix, end)}
    # A reference anywhere else is the page's own, in a footnote's text too.
    real = {m.group(1) for m in FOOTNOTE_REF.finditer(html) if not suffix <= m.start() < end}
    return frozenset(ours - real)


def _item_text(html: str, start: int) -> str:
    rest = html[start : start + 4000].lstrip()
    if rest.startswith(("<p>", "<p ")):  # a loose item's text is in its first paragraph
        rest = rest[rest.find(">") + 1 :]
    end = ITEM_TEXT_END.search(rest)
    return _plain(rest[: end.start()] if end else rest).strip()


def _code_blocks(html: str, source: Source) -> Iterator[CodeBlock]:
    last = len(source.lines)
    for found in PRE.finditer(html):
        tag = Tag("pre", False, found.group(1))
        lines = tag.lines()
        if lines is None or lines[0] > last:
            continue
        first, end = lines
        content = unescape(found.group(2))
        if end > last:  # a fence left open runs into render()'s own references
            kept = content.split("\n")[: max(last - first, 0)]
            content = "\n".join(kept) + "\n" if kept else ""
        opening = source.line(first)
        fenced = bool(FENCE_OPENING.match(opening))
        column = len(opening) - len(opening.lstrip(" \t>")) + 1
        info = tag.attribute("lang") or ""
        yield CodeBlock(first, column, info, content, first + fenced, fenced)


def _tables(html: str) -> Iterator[Table]:
    for table in TABLE.finditer(html):
        rows = [
            TableRow(
                int(row.group(1)), tuple(_plain(c).strip() for c in CELL.findall(row.group(2)))
            )
            for row in ROW.finditer(table.group(2))
        ]
        if rows:
            yield Table(int(table.group(1)), rows[0].cells, tuple(rows[1:]))


class _Finder:
    """Finds successive pieces of text on the source lines of a block, left to right: inline
    text has no position of its own.

    A piece that is not on its lines as written (an entity or an escape decoded) would be
    looked for up to its block's end every time, which is quadratic in a long block of such
    pieces. So a piece is looked for in the next WINDOW characters first, and further only
    while the page's budget for such searches (a few times its length) lasts: the text that
    follows its last place is nearly always right there."""

    WINDOW = 4096

    def __init__(self, source: Source) -> None:
        self.source = source
        self.starts = [0]  # where each line starts in the text, then one past the end
        for line in source.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.budget = 4 * len(source.text) + (1 << 16)
        self.line, self.column, self.end = 1, 0, 1

    def enter(self, lines: tuple[int, int]) -> None:
        self.line, self.end = lines
        self.column = 0

    def newline(self) -> None:
        self.line += 1
        self.column = 0

    def locate(self, piece: str) -> tuple[int, int]:
        count = len(self.source.lines)
        if self.line <= count:
            text = self.source.text
            start = self.starts[self.line - 1] + self.column
            stop = self.starts[min(max(self.line, self.end), count)] - 1  # the last line's end
            # A piece holds no line end, so a match is always within one line.
            at = text.find(piece, start, min(stop, start + self.WINDOW))
            if at < 0 and stop > start + self.WINDOW and self.budget >= stop - start:
                self.budget -= stop - start
                at = text.find(piece, start, stop)
            if at >= 0:
                line = bisect_right(self.starts, at)
                column = at - self.starts[line - 1]
                self.line, self.column = line, column + len(piece)
                return line, column + 1
        return self.line, self.column + 1


def _footnote_refs(html: str, source: Source) -> Iterator[FootnoteRef]:
    """Resolved references (cmark-gfm links them) and unresolved ones (left as ``[^label]``
    text outside code), each on the source line its block gives."""
    if "[^" not in html and "footnote-ref" not in html:
        return
    last = len(source.lines)
    starts = [(m.start(), (int(m.group(1)), int(m.group(2)))) for m in SOURCEPOS.finditer(html)]
    offsets = [at for at, _ in starts]
    finder = _Finder(source)
    block: tuple[int, int] | None = None
    found: list[tuple[int, str, bool]] = [
        (m.start(), m.group(1), True) for m in FOOTNOTE_REF.finditer(html)
    ]
    if "[^" in html:
        hidden = [(m.start(), m.end()) for m in CODE_SPAN.finditer(html)]
        for m in UNRESOLVED.finditer(html):
            index = bisect_right(hidden, (m.start(), 1 << 62)) - 1
            if index < 0 or not hidden[index][0] <= m.start() < hidden[index][1]:
                found.append((m.start(), m.group(1), False))
    for at, label, resolved in sorted(found):
        index = bisect_right(offsets, at) - 1
        if index < 0:
            continue
        lines = starts[index][1]
        if lines[0] > last:
            continue  # one of render()'s own references
        if lines != block:
            block = lines
            finder.enter(lines)
        line, column = finder.locate(f"[^{label}]")
        yield FootnoteRef(label, line, column, resolved=resolved)


def _text_runs(html: str, source: Source, code: tuple[CodeBlock, ...]) -> Iterator[TextRun]:
    """Every line of inline text and code span, and every line of every code block."""
    for block in code:
        for offset, text in enumerate(block.content.rstrip("\n").split("\n")):
            raw = source.line(block.first_line + offset)
            at = raw.find(text) + 1 if text else 1
            yield TextRun(block.first_line + offset, max(at, 1), text, "block")
    last = len(source.lines)
    finder = _Finder(source)
    in_pre = in_code = skip = False
    for piece in pieces(html):
        if isinstance(piece, Tag):
            name = piece.name
            if name == "pre":
                in_pre = not piece.closing
            elif name == "code":
                in_code = not piece.closing
            elif name == "sup" or (name == "a" and piece.has_class("footnote-backref")):
                skip = not piece.closing
            elif name == "a" and piece.closing:
                skip = False
            elif not piece.closing and name in TEXT_BLOCKS:
                lines = piece.lines()
                if lines is not None:
                    finder.enter(lines)
            continue
        if in_pre or skip:
            continue
        for offset, text in enumerate(piece.split("\n")):
            if offset:
                finder.newline()
            if not text.strip():
                continue
            line, column = finder.locate(text)
            if line > last:
                return
            yield TextRun(line, column, text, "code" if in_code else "text")
