"""Compare archcheck's checklist items for one Markdown text with the boxes both renderers show.

The rule (each violation becomes one problem naming the file and line):

* every box cmark-gfm shows is an archcheck item on the same line, and every box the site shows is
  an archcheck item, in the same order with the same text (Python-Markdown has no source lines);
* every archcheck item is a box in at least one renderer (no phantom items);
* an item's state is its own marker, read here from the source line: an open marker is never
  reported done, whatever a renderer shows;
* the item's parity note (``github`` / ``site``) says exactly how each renderer shows it;
* where the renderers show the same box, archcheck's state and text agree with them, and each
  renderer's nesting depth is the one archcheck reports for it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from oracles import Box, View, github_boxes, site_boxes

NOT_A_BOX: View = "not-a-box"

# missing: a renderer shows a box archcheck does not report; phantom: archcheck reports an item
# no renderer shows; line: the item is not on its marker's line; state: the reported state is
# not the marker's (fail closed); parity, text, depth: the parity note, text or nesting depth
# differs from what the renderers show.
ProblemKind = Literal["missing", "phantom", "line", "state", "parity", "text", "depth"]

# A list marker (bullet or ordered) followed by a task marker, anywhere on the line, so that items
# in quotes (`> - [ ]`) and lists nested on one line (`- - [ ]`) are found too.
TASK_MARKER = re.compile(r"(?:^|[\s>])(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ \txX])\]")


class Item(Protocol):
    """The part of archcheck's ChecklistItem this comparison reads."""

    line: int
    checked: bool
    text: str
    marker: str
    github: str
    site: str
    github_depth: int
    site_depth: int


@dataclass(frozen=True)
class Seen:
    """How each renderer shows the box archcheck reports on one line."""

    line: int
    github: View
    site: View
    marker_checked: bool | None


@dataclass
class Comparison:
    path: str
    items: int = 0
    github_boxes: int = 0
    site_boxes: int = 0
    problems: list[tuple[ProblemKind, str]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    text_differences: list[int] = field(default_factory=list)

    def problem(self, kind: ProblemKind, line: int | None, message: str) -> None:
        where = f"{self.path}:{line}" if line is not None else self.path
        self.problems.append((kind, f"{where}: {message}"))

    def problems_of(self, *kinds: ProblemKind) -> list[str]:
        """The problems of the given kinds (all of them when none is given), as messages."""
        return [message for kind, message in self.problems if not kinds or kind in kinds]

    @property
    def disagreements(self) -> list[Seen]:
        """Lines where the two renderers show the item differently."""
        return [s for s in self.seen if s.github != s.site]


def normalise(text: str) -> str:
    return " ".join(text.split())


def source_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))


def marker_state(lines: Sequence[str], line: int) -> bool | None:
    """True for `[x]`/`[X]`, False for a blank marker, None if the line holds no task marker."""
    if not 1 <= line <= len(lines):
        return None
    match = TASK_MARKER.search(lines[line - 1])
    return None if match is None else match.group(1) in "xX"


def _hint(lines: Sequence[str], text: str) -> str:
    """The first source line that holds a box's text: where to look when it has no line."""
    words = normalise(text)[:30]
    for number, line in enumerate(lines, start=1):
        if words and words in normalise(line):
            return f" (text found on line {number})"
    return ""


def _starts_on(text: str, lines: Sequence[str], line: int) -> bool:
    """The item's first word follows its marker (checks the lines of site-only items).

    The word may also open the next line: after `- [ ] ` or `- [ ] <!-- note -->` an item's
    text starts on its continuation line.
    """
    words = text.split()
    if not words:
        return True
    first = re.sub(r"\W", "", words[0])
    match = TASK_MARKER.search(lines[line - 1])
    rest = lines[line - 1][match.end() :] if match else lines[line - 1]
    following = lines[line] if line < len(lines) else ""
    return any(first in re.sub(r"\W", "", part) for part in (rest, following))


def _align_site(
    result: Comparison, items: Sequence[Item], site: Sequence[Box], lines: Sequence[str]
) -> dict[int, Box]:
    """Pair the site's boxes with the items archcheck says the site shows, by order and text."""
    claimed = sorted((i for i in items if i.site != NOT_A_BOX), key=lambda i: i.line)
    if len(claimed) == len(site):
        # Same count: pair by order, so a text or state mismatch is reported on its own line.
        return {id(item): box for item, box in zip(claimed, site, strict=True)}
    left = [normalise(item.text) for item in claimed]
    right = [normalise(box.text) for box in site]
    paired: dict[int, Box] = {}
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            paired.update({id(claimed[i1 + k]): site[j1 + k] for k in range(i2 - i1)})
            continue
        for item in claimed[i1:i2]:
            result.problem(
                "phantom",
                item.line,
                f"archcheck says the site shows a box ({item.site}, {item.text!r}); "
                "Python-Markdown renders no such box there",
            )
        for box in site[j1:j2]:
            result.problem(
                "missing",
                None,
                f"the site shows a box ({box.view}, {box.text!r}) that archcheck does not "
                f"report as shown on the site{_hint(lines, box.text)}",
            )
    return paired


def compare(path: str, text: str, items: Sequence[Item]) -> Comparison:
    """Check archcheck's ``items`` for ``text`` against both renderers; see the module doc."""
    result = Comparison(path, items=len(items))
    lines = source_lines(text)
    github, site = github_boxes(text), site_boxes(text)
    result.github_boxes, result.site_boxes = len(github), len(site)
    github_at = {box.line: box for box in github}
    items_at: dict[int, Item] = {}
    for item in items:
        if item.line in items_at:
            result.problem("phantom", item.line, "archcheck reports two items on one line")
        items_at[item.line] = item
    for box in github:
        if box.line not in items_at:
            result.problem(
                "missing",
                box.line,
                f"GitHub shows a box ({box.view}, {box.text!r}) that archcheck does not report",
            )
    site_paired = _align_site(result, items, site, lines)
    for item in items:
        github_box = github_at.get(item.line)
        site_box = site_paired.get(id(item))
        seen = Seen(
            item.line,
            github_box.view if github_box else NOT_A_BOX,
            site_box.view if site_box else NOT_A_BOX,
            marker_state(lines, item.line),
        )
        result.seen.append(seen)
        _check_state(result, item, seen, lines)
        _check_rendering(result, item, seen, github_box, site_box)
    return result


def _check_state(result: Comparison, item: Item, seen: Seen, lines: Sequence[str]) -> None:
    """No phantom item, and the reported state is the marker's (an open marker is never done)."""
    line = item.line
    if seen.github == NOT_A_BOX and seen.site == NOT_A_BOX:
        result.problem("phantom", line, f"item {item.text!r}: neither renderer shows a box for it")
    if seen.marker_checked is None:
        result.problem("line", line, f"item {item.text!r} is on a line with no task marker")
    elif not _starts_on(item.text, lines, line):
        result.problem("line", line, f"item {item.text!r} does not start on this line")
    elif item.checked != seen.marker_checked:
        marker = "done" if seen.marker_checked else "open"
        result.problem(
            "state", line, f"its marker is {marker}; archcheck says checked={item.checked}"
        )
    if item.checked != (item.marker[1:2] in ("x", "X")):
        result.problem("state", line, f"marker {item.marker!r} contradicts checked={item.checked}")
    if seen.github == seen.site != NOT_A_BOX and item.checked != (seen.github == "checked"):
        result.problem("state", line, f"both renderers show it {seen.github}; archcheck does not")


def _check_rendering(
    result: Comparison, item: Item, seen: Seen, github_box: Box | None, site_box: Box | None
) -> None:
    """The parity note, nesting depth and text say what each renderer shows."""
    line = item.line
    if item.github != seen.github:
        result.problem(
            "parity", line, f"parity note: GitHub {item.github}; cmark-gfm: {seen.github}"
        )
    if item.site != seen.site and site_box is not None:
        result.problem(
            "parity", line, f"parity note: site {item.site}; Python-Markdown: {seen.site}"
        )
    for name, box, depth in (
        ("GitHub", github_box, item.github_depth),
        ("the site", site_box, item.site_depth),
    ):
        if box is not None and box.depth != depth:
            result.problem("depth", line, f"depth on {name} is {box.depth}; archcheck says {depth}")
    texts = {normalise(box.text) for box in (github_box, site_box) if box is not None}
    if len(texts) > 1:
        result.text_differences.append(line)
    if texts and normalise(item.text) not in texts:
        result.problem("text", line, f"text {item.text!r}; the renderers show {sorted(texts)}")
