"""Which list items GitHub (cmark-gfm's tasklist extension) shows as checkboxes.

An item is a task item when cmark-gfm's tasklist rule fires for it: on the line that opens it
(github_blocks.py marks those items) or on a later line (github_later_tasks.py). Either way the
whole source line must match ``spaces marker spaces [ ]|[x] spaces`` from column 0, so an item
whose line starts with ``>`` (a block quote) or with another list marker is no box. The box is
ticked when ``[x]`` or ``[X]`` appears *anywhere* on the last line the rule fired on, which is
why ``- [ ] text [x]`` shows as checked. Boxes in a footnote GitHub does not render are none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from archcheck.parsing.github_blocks import RE_TASK_LINE
from archcheck.parsing.github_later_tasks import consumed, later_task_rows
from archcheck.parsing.markdown import Source, markdown_parser


@dataclass(frozen=True, slots=True)
class TaskCandidate:
    """A list item whose first paragraph starts with a box marker, as markdown-it parsed it."""

    line: int
    column: int
    marker: str
    text: str
    depth: int
    github_box: bool
    github_checked: bool


def inline_text(token: Token) -> str:
    """An inline token's visible text, markup stripped, whitespace collapsed."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _first_inline(tokens: list[Token], start: int) -> Token | None:
    """The inline content of the item's first block, when that block is a paragraph or heading.

    A box before a code block, quote, list or table stands alone: the renderers show no text.
    """
    following = tokens[start + 1]
    if following.type in ("paragraph_open", "heading_open"):
        return tokens[start + 2]
    return None


RE_INDENTED_CONTINUATION = re.compile(r"\n[ \t]")


def _github_text(inline: Token) -> str:
    """The text of a paragraph or heading as cmark-gfm shows it.

    cmark-gfm drops the indentation of a paragraph's continuation lines before it reads the
    inline content; markdown-it-py keeps what is past the item's content column, which shows
    only inside a code span that runs over lines.
    """
    if "`" in inline.content and RE_INDENTED_CONTINUATION.search(inline.content):
        lines = [line.lstrip(" \t") for line in inline.content.split("\n")]
        return inline_text(markdown_parser().parseInline("\n".join(lines))[0])
    return inline_text(inline)


@dataclass(slots=True)
class _OpenItem:
    """A list item being read: the rows whose task marker cmark-gfm read for it, its last block."""

    index: int
    depth: int
    task_rows: list[int]
    quoted: bool  # inside a block quote: a later line with no ">" cannot reach it
    last_child: str = ""


RE_LIST_MARKER = re.compile(r"^[ \t]*(?:[-+*]|[0-9]+[.)])[ \t]*")


def _candidate(tokens: list[Token], item: _OpenItem, source: Source) -> TaskCandidate:
    """The box of an item the rule fired for: on the item's line, ticked by the last firing.

    Its marker is the first one the rule read; when that is on a later line, the box still
    shows at the start of the item's content, which is where the item is reported.
    """
    row, last_row = item.task_rows[0], item.task_rows[-1]
    task = RE_TASK_LINE.match(source.lines[row])
    assert task is not None  # task rows are lines that match
    marker = task.group("marker")
    item_token = tokens[item.index]
    item_row = item_token.map[0] if item_token.map is not None else -1
    inline = _first_inline(tokens, item.index)
    text = _github_text(inline) if inline is not None else ""
    first_row = inline.map[0] if inline is not None and inline.map is not None else -1
    if first_row == item_row and item_token.meta.get("github_task") == "text":
        text = text.removeprefix(marker)
    elif inline is not None and first_row != item_row and first_row in item.task_rows:
        # Its paragraph starts on a later task line, whose first three characters were consumed.
        rest = inline.content.split("\n", 1)[1:]
        shown = "\n".join([consumed(source.lines[first_row], item_token), *rest])
        text = inline_text(markdown_parser().parseInline(shown)[0])
    if row == item_row:
        column = task.start("marker") + 1
    else:
        opening = RE_LIST_MARKER.match(source.lines[item_row])
        column = (opening.end() if opening else 0) + 1
    raw = source.lines[last_row]
    return TaskCandidate(
        line=item_row + 1,
        column=column,
        marker=marker,
        text=" ".join(text.split()),
        depth=item.depth,
        github_box=True,
        # cmark-gfm: strstr over the line it last read a marker on, so a later [x] ticks the box.
        github_checked="[x]" in raw or "[X]" in raw,
    )


RE_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


def _dropped_footnotes(tokens: list[Token]) -> set[int]:
    """Footnote definitions GitHub does not render: never referenced, or a label's second one.

    cmark-gfm matches labels case-insensitively and counts references anywhere outside code,
    even in a definition it drops.
    """
    definitions = [i for i, t in enumerate(tokens) if t.type == "footnote_reference_open"]
    if not definitions:
        return set()
    referenced: set[str] = set()
    for token in tokens:
        if token.type != "inline":
            continue
        for child in token.children or ():
            if child.type == "footnote_ref":
                referenced.add(str(child.meta.get("label", "")).casefold())
            elif child.type == "text":
                referenced.update(m.casefold() for m in RE_FOOTNOTE_REF.findall(child.content))
    dropped: set[int] = set()
    seen: set[str] = set()
    for index in definitions:
        label = str(tokens[index].meta.get("label", "")).casefold()
        if label not in referenced or label in seen:
            dropped.add(index)
        seen.add(label)
    return dropped


def task_candidates(tokens: list[Token], source: Source) -> list[TaskCandidate]:
    """GitHub's boxes: the items cmark-gfm's tasklist rule makes task items, in line order.

    github_blocks.py marks the items opened on a task line. The text is the item's first block
    after the box: when the marker stands alone on its line, cmark-gfm consumes it and that
    block (if any) starts on a later line, shown as it is even where it starts with a bracket
    pair of its own.
    """
    found: list[TaskCandidate] = []
    open_items: list[_OpenItem] = []
    dropped, inside_dropped = _dropped_footnotes(tokens), 0
    quotes = 0
    for index, token in enumerate(tokens):
        if token.type in ("blockquote_open", "blockquote_close"):
            quotes += token.nesting
        if token.type == "footnote_reference_open" and (inside_dropped or index in dropped):
            inside_dropped += 1
        elif token.type == "footnote_reference_close" and inside_dropped:
            inside_dropped -= 1
        if open_items and token.nesting >= 0:
            item = open_items[-1]
            item_token = tokens[item.index]
            if token.level == item_token.level + 1:
                if not item.quoted:
                    item.task_rows += later_task_rows(token, item_token, item.last_child, source)
                item.last_child = token.type
        if token.type == "list_item_open":
            rows = [token.map[0]] if token.meta.get("github_task") and token.map else []
            open_items.append(_OpenItem(index, len(open_items), rows, quotes > 0))
        elif token.type == "list_item_close" and open_items:
            item = open_items.pop()
            if item.task_rows and not inside_dropped:
                found.append(_candidate(tokens, item, source))
    return sorted(found, key=lambda candidate: candidate.line)
