"""Compare archcheck's checklist items for one Markdown text with the boxes both renderers show.

The rule (each violation becomes one problem naming the file and line):

* every box cmark-gfm shows is an item on the line it is written on, with ``github`` its state
  and ``github_depth`` its depth; every box the site shows is an item on its line with ``site``
  and ``site_depth`` its state and depth (an item at line 1 with an ``origin`` when the page
  holds no marker it comes from); a box both show on one line is one item;
* every item is such a box: no item where neither renderer shows one, and no renderer's view
  that it does not show (``NOT_A_BOX`` where it shows none);
* an item is done only when its own marker is ``[x]``/``[X]`` and every renderer that shows it
  shows it ticked: an open box anywhere is never done;
* the item's marker and column are those of the first task marker on its line, and its text is
  the start of the text a renderer shows after the box (the first line of it, or none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar, cast

from box_lines import MARKER, placed_github_boxes, placed_site_boxes, source_lines
from oracles import MKDOCS_YML, Box, View

import archcheck
from archcheck import Render
from archcheck.model import ChecklistItem
from archcheck.views.site_config import load_site

NOT_A_BOX: View = "not-a-box"
T = TypeVar("T")
SITE = load_site(MKDOCS_YML.resolve())

# missing: a renderer shows a box archcheck does not report; phantom: archcheck reports a box no
# renderer shows; line: the item's line, column or marker is not its box's; state: it is reported
# done although an open box is shown or its marker is open (or open although all is ticked);
# parity, depth, text: the renderer's view, nesting depth or text differs from what it shows.
ProblemKind = Literal["missing", "phantom", "line", "state", "parity", "depth", "text"]


class Item(Protocol):
    """The part of archcheck's ChecklistItem this comparison reads."""

    line: int
    column: int
    checked: bool
    text: str
    marker: str
    github: Render
    site: Render | None
    github_depth: int
    site_depth: int
    origin: str


@dataclass(frozen=True)
class Seen:
    """How each renderer shows the boxes written on one line (the renderers' word, not ours)."""

    line: int
    github: tuple[View, ...]
    site: tuple[View, ...]
    marker_checked: bool | None


@dataclass
class Comparison:
    path: str
    items: int = 0
    github_boxes: int = 0
    site_boxes: int = 0
    unplaced_site_boxes: int = 0  # task boxes the oracle finds no marker for
    problems: list[tuple[ProblemKind, str]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    site_lines: list[int] = field(default_factory=list)  # where the site's boxes are written

    def problem(self, kind: ProblemKind, line: int | None, message: str) -> None:
        where = f"{self.path}:{line}" if line is not None else self.path
        self.problems.append((kind, f"{where}: {message}"))

    def problems_of(self, *kinds: ProblemKind) -> list[str]:
        """The problems of the given kinds (all of them when none is given), as messages."""
        return [message for kind, message in self.problems if not kinds or kind in kinds]

    @property
    def disagreements(self) -> list[Seen]:
        """Lines where the two renderers show the boxes differently."""
        return [s for s in self.seen if s.github != s.site]


def checklist(text: str, path: str) -> tuple[ChecklistItem, ...]:
    """archcheck's items for a page of the repository's own site."""
    return archcheck.parse(text, path, site=SITE).checklist


def normalise(text: str) -> str:
    return " ".join(text.split())


def first_marker(lines: Sequence[str], line: int) -> re.Match[str] | None:
    return MARKER.search(lines[line - 1]) if 1 <= line <= len(lines) else None


def _view(render: Render | None) -> View:
    return NOT_A_BOX if render is None else cast(View, render.value)


@dataclass
class _Held:
    """The boxes paired with one item."""

    github: Box | None = None
    site: Box | None = None


class _Pairing:
    """Pairs each renderer's boxes with archcheck's items, at most one box per renderer each."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = items
        self.held = [_Held() for _ in items]
        self.on_line: dict[int, list[int]] = {}
        for index, item in enumerate(items):
            self.on_line.setdefault(item.line, []).append(index)

    def take(self, box: Box, lines: Sequence[int] | None, github: bool) -> int | None:
        """The item that shows ``box`` for its renderer on one of ``lines`` (on any line when
        None: archcheck's unplaced items first), one with the exact view and depth if any."""
        if lines is None:
            by_origin = sorted(range(len(self.items)), key=lambda i: not self.items[i].origin)
            candidates = [i for i in by_origin if self._free(i, github)]
        else:
            on = [self.on_line.get(line, []) for line in lines]
            candidates = [i for indices in on for i in indices if self._free(i, github)]
        chosen = next((i for i in candidates if self._exact(i, box, github)), None)
        if chosen is None and candidates:
            chosen = candidates[0]
        if chosen is not None:
            if github:
                self.held[chosen].github = box
            else:
                self.held[chosen].site = box
        return chosen

    def _free(self, index: int, github: bool) -> bool:
        item, held = self.items[index], self.held[index]
        view = item.github if github else item.site
        taken = held.github if github else held.site
        return taken is None and view not in (None, Render.NOT_A_BOX)

    def _exact(self, index: int, box: Box, github: bool) -> bool:
        item = self.items[index]
        view, depth = (item.github, item.github_depth) if github else (item.site, item.site_depth)
        return _view(view) == box.view and depth == box.depth


def _unzip(placed: list[tuple[Box, T]]) -> tuple[list[Box], list[T]]:
    return [box for box, _ in placed], [where for _, where in placed]


def compare(path: str, text: str, items: Sequence[Item]) -> Comparison:
    """Check archcheck's ``items`` for ``text`` against both renderers; see the module doc."""
    result = Comparison(path, items=len(items))
    lines = source_lines(text)
    github, github_at = _unzip(placed_github_boxes(text))
    site, site_at = _unzip(placed_site_boxes(text))
    result.github_boxes, result.site_boxes = len(github), len(site)
    result.site_lines = [line for line in site_at if line is not None]
    result.unplaced_site_boxes = sum(
        1 for box, line in zip(site, site_at, strict=True) if line is None and not box.raw
    )
    pairing = _Pairing(items)
    for box, where in zip(github, github_at, strict=True):
        if pairing.take(box, where, github=True) is None:
            result.problem(
                "missing",
                where[0],
                f"GitHub shows a box ({box.view}, {box.text!r}) that archcheck does not report "
                f"on line {' or '.join(map(str, where))}",
            )
    placed = sorted(
        ((line, box) for box, line in zip(site, site_at, strict=True) if line is not None),
        key=lambda pair: pair[0],
    )
    unplaced = [box for box, line in zip(site, site_at, strict=True) if line is None]
    for line, box in placed:
        if pairing.take(box, [line], github=False) is None:
            result.problem(
                "missing",
                line,
                f"the site shows a box ({box.view}, {box.text!r}) that archcheck does not report "
                "on this line",
            )
    for box in unplaced:
        if pairing.take(box, None, github=False) is None:
            result.problem(
                "missing",
                None,
                f"the site shows a box ({box.view}, {box.text!r}) on no line the oracle can "
                "find, and archcheck does not report it",
            )
    for item, taken in zip(items, pairing.held, strict=True):
        _check_item(result, item, taken, lines)
    _check_one_item_per_box(result, items, github_at, site_at)
    result.seen = _seen(lines, github, github_at, site, site_at)
    return result


def _check_item(result: Comparison, item: Item, taken: _Held, lines: Sequence[str]) -> None:
    line = item.line
    if taken.github is None and taken.site is None:
        result.problem(
            "phantom",
            line,
            f"item {item.text!r} (GitHub {item.github}, site {item.site}): neither renderer "
            "shows a box for it here",
        )
        return
    for name, view, box, depth in (
        ("GitHub", item.github, taken.github, item.github_depth),
        ("the site", item.site, taken.site, item.site_depth),
    ):
        shown = box.view if box is not None else NOT_A_BOX
        if _view(view) != shown:
            result.problem("parity", line, f"archcheck says {name} shows {view}; it shows {shown}")
        if box is not None and box.depth != depth:
            result.problem("depth", line, f"depth on {name} is {box.depth}; archcheck says {depth}")
    shown_boxes = [box for box in (taken.github, taken.site) if box is not None]
    marker = first_marker(lines, line)
    if item.origin:
        marker_checked = item.marker.lower() == "[x]"
    elif marker is None:
        result.problem("line", line, f"item {item.text!r} is on a line with no task marker")
        return
    else:
        marker_checked = marker.group(0) in ("[x]", "[X]")
        if (item.column, item.marker) != (marker.start() + 1, marker.group(0)):
            result.problem(
                "line",
                line,
                f"marker {item.marker!r} at column {item.column}; the line's first task marker "
                f"is {marker.group(0)!r} at column {marker.start() + 1}",
            )
    done = marker_checked and all(box.checked for box in shown_boxes)
    if item.checked != done:
        views = ", ".join(box.view for box in shown_boxes)
        result.problem(
            "state",
            line,
            f"marker {'done' if marker_checked else 'open'}, shown {views}; archcheck says "
            f"checked={item.checked}",
        )
    texts = [normalise(box.text) for box in shown_boxes]
    if not any(t.startswith(normalise(item.text)) for t in texts):
        result.problem("text", line, f"text {item.text!r}; the renderers show {texts}")


def _check_one_item_per_box(
    result: Comparison,
    items: Sequence[Item],
    github_at: Sequence[tuple[int, ...]],
    site_at: Sequence[int | None],
) -> None:
    """A box both renderers show on one line is one item: a line holds as many items as the
    renderer that shows more boxes there."""
    per_line = Counter(item.line for item in items if not item.origin)
    github_per_line = Counter(where[0] for where in github_at)
    site_per_line = Counter(line for line in site_at if line is not None)
    for line, count in sorted(per_line.items()):
        most = max(github_per_line[line], site_per_line[line])
        if count > most and most:
            result.problem(
                "phantom",
                line,
                f"{count} items on this line; the renderers show {most} box(es) on it",
            )


def _seen(
    lines: Sequence[str],
    github: Sequence[Box],
    github_at: Sequence[tuple[int, ...]],
    site: Sequence[Box],
    site_at: Sequence[int | None],
) -> list[Seen]:
    views: dict[int, tuple[list[View], list[View]]] = {}
    for box, where in zip(github, github_at, strict=True):
        views.setdefault(where[0], ([], []))[0].append(box.view)
    for box, line in zip(site, site_at, strict=True):
        if line is not None:
            views.setdefault(line, ([], []))[1].append(box.view)
    seen = []
    for line, (on_github, on_site) in sorted(views.items()):
        marker = first_marker(lines, line)
        checked = None if marker is None else marker.group(0) in ("[x]", "[X]")
        seen.append(
            Seen(line, tuple(on_github) or (NOT_A_BOX,), tuple(on_site) or (NOT_A_BOX,), checked)
        )
    return seen
