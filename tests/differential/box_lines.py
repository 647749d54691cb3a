"""The line each box the renderers show is written on, asked of the renderers themselves.

Python-Markdown keeps no source positions, and cmark-gfm gives only the lines of a box's list
item, so each renderer is asked again: a page with the task markers of some lines turned over
(open ones ticked, ticked ones opened) renders the same boxes, and the boxes whose state changed
are the ones those lines hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from oracles import Box, boxes_in_html, render_github, render_site

# A task marker either renderer may read as a box: a space, tab or x between brackets, followed
# by a space, a tab or the end of the line. Turning one over (``[ ]`` <-> ``[x]``) changes no
# block either renderer builds, only the state of the box it becomes.
MARKER = re.compile(r"\[[ \txX]\](?=[ \t]|$)")
LINE_END = re.compile(r"(\r\n|\r|\n)")


def source_lines(text: str) -> list[str]:
    """``text`` split into lines as both renderers number them (line n is index n - 1)."""
    return LINE_END.split(text.removeprefix("\ufeff"))[::2]


def marker_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(source_lines(text), 1) if MARKER.search(line)]


def turn_over(text: str, lines: Collection[int]) -> str:
    """``text`` with every task marker on ``lines`` turned over: open ticked, ticked opened."""
    parts = LINE_END.split(text)
    for line in lines:
        parts[2 * (line - 1)] = MARKER.sub(
            lambda m: "[ ]" if m.group(0) in ("[x]", "[X]") else "[x]", parts[2 * (line - 1)]
        )
    return "".join(parts)


# What the turned-over pages are read for: each box's state, depth and list item's lines.
QUICK_TAG = re.compile(r"<(/?)(li|input)\b([^>]*)>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
Shape = list[tuple[bool, int, tuple[int, int] | None]]


def _quick_shape(html: str) -> Shape:
    """Each checkbox's state, depth and item lines, from the tags alone: much faster than
    boxes_in_html, and used only where it reads the page's own HTML exactly as that does."""
    found: Shape = []
    items: list[tuple[bool, tuple[int, int] | None]] = []  # open <li>: footnote?, lines
    for tag in QUICK_TAG.finditer(html):
        closing, name, attrs = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
        if name == "li":
            if closing:
                items = items[:-1]
            else:
                position = re.search(r'data-sourcepos="(\d+):\d+-(\d+):', attrs)
                lines = (int(position.group(1)), int(position.group(2))) if position else None
                items.append((bool(re.search(r'\bid="fn', attrs)), lines))
        elif name == "input" and re.search(r'type="checkbox"', attrs, re.IGNORECASE):
            depth = sum(not footnote for footnote, _ in items[:-1])
            found.append(
                (bool(re.search(r"\bchecked\b", attrs)), depth, items[-1][1] if items else None)
            )
    return found


@dataclass
class _Asker:
    """Asks a renderer again for a page's boxes with the markers of some lines turned over."""

    text: str
    boxes: Sequence[Box]
    render: Callable[[str], str]
    task_class: str | None
    quick: bool

    @classmethod
    def of(
        cls, text: str, html: str, render: Callable[[str], str], task_class: str | None
    ) -> tuple[_Asker, list[Box]]:
        boxes = boxes_in_html(html, task_class)
        quick = _quick_shape(html) == [(b.checked, b.depth, b.span) for b in boxes]
        return cls(text, boxes, render, task_class, quick), boxes

    def changed(self, lines: Collection[int]) -> list[bool] | None:
        """Which boxes changed state, or None when the page no longer renders the same boxes."""
        html = self.render(turn_over(self.text, lines))
        if self.quick:
            shape = _quick_shape(html)
        else:
            shape = [(b.checked, b.depth, b.span) for b in boxes_in_html(html, self.task_class)]
        if [(d, s) for _, d, s in shape] != [(b.depth, b.span) for b in self.boxes]:
            return None
        return [c != b.checked for (c, _, _), b in zip(shape, self.boxes, strict=True)]

    def lines_alone(self, candidates: Sequence[int]) -> list[set[int]]:
        """For each box, the candidate lines whose markers alone, turned over, change its state."""
        found: list[set[int]] = [set() for _ in self.boxes]
        for line in candidates:
            for index, did in enumerate(self.changed([line]) or ()):
                if did:
                    found[index].add(line)
        return found


def placed_site_boxes(text: str) -> list[tuple[Box, int | None]]:
    """The boxes the site shows, each with the line it is written on (None when no marker of
    the page is it: a checkbox typed as HTML, say).

    A site box's state is its own marker's, so the markers of the lines whose number has bit k
    set are turned over together, and each box's changes spell out its line's number; if the
    renderer reads any of those pages as other boxes, each line is asked alone instead.
    """
    asker, boxes = _Asker.of(text, render_site(text), render_site, "task-list-item")
    candidates = marker_lines(text)
    number = [0] * len(boxes)
    for bit in range(len(candidates).bit_length() if boxes else 0):
        changed = asker.changed([n for i, n in enumerate(candidates, 1) if i >> bit & 1])
        if changed is None:
            alone = asker.lines_alone(candidates)
            return [(b, min(f) if len(f) == 1 else None) for b, f in zip(boxes, alone, strict=True)]
        number = [n | (did << bit) for n, did in zip(number, changed, strict=True)]
    lines = [candidates[n - 1] if 0 < n <= len(candidates) else None for n in number]
    return list(zip(boxes, lines, strict=True))


def placed_github_boxes(text: str) -> list[tuple[Box, tuple[int, ...]]]:
    """The boxes GitHub shows, each with the lines it may be reported on, the first one first.

    The first is its item's own marker: the first marker in the item's lines outside the items
    nested in it (the item's first line when it holds none). cmark-gfm may take a box's state
    from a later line of the item too; such a line, one whose marker alone turned over changes
    the state, is where the box is written as much as the first.
    """
    asker, boxes = _Asker.of(text, render_github(text), render_github, None)
    lines = source_lines(text)
    placed: list[tuple[int, ...]] = []
    ambiguous: list[int] = []
    for index, box in enumerate(boxes):
        first, last = box.span or (box.line or 1, box.line or 1)
        own = [
            n
            for n in range(first, min(last, len(lines)) + 1)
            if MARKER.search(lines[n - 1]) and not any(a <= n <= b for a, b in box.inner)
        ]
        placed.append(tuple(own) or (first,))
        if len(own) > 1:
            ambiguous.append(index)
    if ambiguous:
        alone = asker.lines_alone(sorted({line for i in ambiguous for line in placed[i]}))
        for index in ambiguous:
            first_marker, *rest = placed[index]
            placed[index] = (first_marker, *sorted(alone[index] & set(rest)))
    return list(zip(boxes, placed, strict=True))
