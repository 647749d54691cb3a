"""Which list items GitHub (cmark-gfm's tasklist extension) shows as checkboxes.

cmark-gfm opens a task item on the line that opens the list item (github_blocks.py marks those
items), and only when that whole source line matches ``spaces marker spaces [ ]|[x] spaces``
from column 0: so an item whose line starts with ``>`` (a block quote) or with another list
marker is no box. The box is ticked when ``[x]`` or ``[X]`` appears *anywhere* on that line,
which is why ``- [ ] text [x]`` shows as checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from archcheck.parsing.github_blocks import RE_TASK_LINE
from archcheck.parsing.markdown import Source


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


def task_candidates(tokens: list[Token], source: Source) -> list[TaskCandidate]:
    """GitHub's boxes: the items github_blocks.py marked as cmark-gfm task items.

    The text is the item's first block after the box: when the marker stands alone on its line,
    cmark-gfm consumes it and that block (if any) starts on a later line, shown as it is even
    where it starts with a bracket pair of its own.
    """
    found: list[TaskCandidate] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_close":
            depth -= 1
        if token.type != "list_item_open":
            continue
        depth += 1
        kind = token.meta.get("github_task")
        if kind is None or token.map is None:
            continue
        raw = source.lines[token.map[0]]
        task = RE_TASK_LINE.match(raw)
        assert task is not None  # github_blocks.py marks only items on a task line
        marker = task.group("marker")
        inline = _first_inline(tokens, index)
        text = inline_text(inline) if inline is not None else ""
        if kind == "text":
            text = text.removeprefix(marker)
        found.append(
            TaskCandidate(
                line=token.map[0] + 1,
                column=task.start("marker") + 1,
                marker=marker,
                text=" ".join(text.split()),
                depth=depth - 1,
                github_box=True,
                # cmark-gfm: strstr over the marker's line, so a later [x] ticks the box.
                github_checked="[x]" in raw or "[X]" in raw,
            )
        )
    return found
