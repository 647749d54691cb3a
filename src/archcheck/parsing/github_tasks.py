"""Which list items GitHub (cmark-gfm's tasklist extension) shows as checkboxes.

cmark-gfm opens a task item only on the line that opens the list item, and only when that whole
source line matches ``spaces marker spaces [ ]|[x] spaces``: so an item whose line starts with
``>`` (a block quote) or with another list marker is no box. The box is ticked when ``[x]`` or
``[X]`` appears *anywhere* on that line, which is why ``- [ ] text [x]`` shows as checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from archcheck.parsing.markdown import BOM, Source

RE_TASK_LINE = re.compile(r"^[ \t\v\f]*(?:[-+*]|[0-9]+.)[ \t\v\f]+(?P<marker>\[[ xX]\])[ \t\v\f]+")


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
    """The inline content of the item's own first block, if the item starts with one."""
    level = tokens[start].level
    for token in tokens[start + 1 :]:
        if token.level <= level or token.type.endswith("_list_open"):
            return None
        if token.type == "inline":
            return token
    return None


def task_candidates(tokens: list[Token], source: Source) -> list[TaskCandidate]:
    """GitHub's boxes: items opened on a line that matches cmark-gfm's task line pattern.

    What the item's content then becomes (paragraph, heading, table) does not matter to
    cmark-gfm, but a block that starts on a later line is not the marker's.
    """
    found: list[TaskCandidate] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_close":
            depth -= 1
        if token.type != "list_item_open":
            continue
        depth += 1
        if token.map is None:
            continue
        row = token.map[0]
        raw = (BOM if row == 0 and source.had_bom else "") + source.lines[row]
        task = RE_TASK_LINE.match(raw)
        following = tokens[index + 1]
        if task is None:
            continue
        empty_task = not raw[task.end() :].strip()
        if not empty_task and following.map is not None and following.map[0] != row:
            continue
        inline = _first_inline(tokens, index)
        text = inline_text(inline) if inline is not None else ""
        marker = task.group("marker")
        if text.startswith(marker):
            text = text[3:]
        found.append(
            TaskCandidate(
                line=row + 1,
                column=source.lines[row].find(marker) + 1,
                marker=marker,
                text=" ".join(text.split()),
                depth=depth - 1,
                github_box=True,
                github_checked="[x]" in raw or "[X]" in raw,
            )
        )
    return found
