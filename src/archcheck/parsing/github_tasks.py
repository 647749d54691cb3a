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
RE_MARKER = re.compile(r"^\[([ xX])\](?:[ \t]|$)")


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
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def task_candidates(tokens: list[Token], source: Source) -> list[TaskCandidate]:
    found: list[TaskCandidate] = []
    depth = 0
    for index, token in enumerate(tokens):
        if token.type == "list_item_close":
            depth -= 1
        if token.type != "list_item_open":
            continue
        depth += 1
        if index + 2 >= len(tokens) or token.map is None:
            continue
        para, inline = tokens[index + 1], tokens[index + 2]
        if para.type != "paragraph_open" or para.map is None or para.map[0] != token.map[0]:
            continue
        text = inline_text(inline)
        marker = RE_MARKER.match(inline.content)
        if marker is None:
            continue
        row = token.map[0]
        raw = source.lines[row]
        if row == 0 and source.had_bom:
            raw = BOM + raw  # cmark-gfm matches the task line with the BOM still in front
        found.append(
            TaskCandidate(
                line=row + 1,
                column=source.lines[row].find(marker.group(0)[:3]) + 1,
                marker=marker.group(0)[:3],
                text=" ".join(text[3:].split()),
                depth=depth - 1,
                github_box=RE_TASK_LINE.match(raw) is not None,
                github_checked="[x]" in raw or "[X]" in raw,
            )
        )
    return found
