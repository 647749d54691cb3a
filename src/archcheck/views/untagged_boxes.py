"""Where the boxes the site shows on no tagged line stand: a line holding raw HTML takes no tag,
nor does a marker only spaces follow (views/line_tags.py). The renderer is asked first, by
turning markers over; what that cannot tell is placed between the tagged boxes around it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from archcheck.text import ETX, MARKER, STX, Source
from archcheck.views.facts import Box
from archcheck.views.line_tags import LineTags

# The boxes the site shows for a text of the page.
Shown = Callable[[str], tuple[Box, ...]]
UNPLACED = "not on a line of this page (a snippet, an include or text an extension wrote)"
BARE_MARKER = re.compile(r"\[[ \txX]\][ \t]+$")
NOT_A_LETTER = re.compile(r"[\W_]+")
RAW_HTML = re.compile(r"<!--.*?(?:-->|$)|<[A-Za-z/!?][^>]*>?")
BARE_ITEM = re.compile(r"^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[[ \txX]\][ \t]+$")


def ask_by_turning_markers(
    shown: Shown, text: str, tags: LineTags | None, boxes: tuple[Box, ...], first_line: int
) -> tuple[Box, ...]:
    """The lines of the boxes that carry no tag, asked of the renderer: the untagged marker
    lines are numbered, and the page is rendered once per bit of those numbers with the
    markers of the lines whose number has that bit turned over (``[ ]`` and ``[x]`` swap).
    A box whose state turns in exactly the renders of a line's bits is that line's. Turning a
    marker over changes no structure, so every render shows the same boxes; if one does not,
    nothing is learnt and the boxes are placed as place_untagged can. So n untagged markers
    cost one render of the page per bit of n, never one per box."""
    lines = text.split("\n")
    untagged = [
        offset
        for offset, line in enumerate(lines)
        if MARKER.search(line) and (tags is None or chr(tags.base) not in line)
    ]
    if not untagged:
        return boxes
    codes = [0] * len(boxes)
    for bit in range((len(untagged)).bit_length()):
        turned = list(lines)
        for number, offset in enumerate(untagged, 1):
            if number >> bit & 1:
                turned[offset] = MARKER.sub(_turn, turned[offset])
        seen = shown("\n".join(turned))
        if len(seen) != len(boxes):
            return boxes
        for index, (box, other) in enumerate(zip(boxes, seen, strict=True)):
            if box.line is None and box.checked != other.checked:
                codes[index] |= 1 << bit
    placed = []
    for box, code in zip(boxes, codes, strict=True):
        if box.line is None and 0 < code <= len(untagged):
            box = replace(box, line=first_line + untagged[code - 1])
        placed.append(box)
    return tuple(placed)


def _turn(found: re.Match[str]) -> str:
    return "[x]" if found.group(0) in ("[ ]", "[\t]") else "[ ]"


def place_untagged(boxes: tuple[Box, ...], source: Source) -> tuple[Box, ...]:
    """Boxes with no tag (a marker only spaces follow, a line with raw HTML) between two tagged
    ones are placed on the untagged marker lines between those two, in order: the bare markers
    that open a list item, or all bare markers, when there are exactly as many; else each on the
    next line whose marker is in its state and is followed by its words. Any box still without a
    line is counted, never guessed at: it is reported at the page."""
    placed = list(boxes)
    index = 0
    after = 0  # the line of the last placed box so far
    while index < len(placed):
        if placed[index].line is not None:
            after = placed[index].line or after
            index += 1
            continue
        end = index
        while end < len(placed) and placed[end].line is None:
            end += 1
        before = (placed[end].line or 0) if end < len(placed) else len(source.lines) + 1
        gap = placed[index:end]
        bare = [n for n in range(after + 1, before) if BARE_MARKER.search(source.line(n))]
        items = [n for n in bare if BARE_ITEM.match(source.line(n))]
        lines = items if len(items) == len(gap) else bare
        if len(lines) == len(gap):
            placed[index:end] = [replace(b, line=n) for n, b in zip(lines, gap, strict=True)]
        else:
            placed[index:end] = _place_by_text(gap, source, after, before)
        after = next((b.line for b in reversed(placed[index:end]) if b.line), after)
        index = end
    return tuple(placed)


def _place_by_text(boxes: list[Box], source: Source, after: int, before: int) -> list[Box]:
    # The marker lines between, by state and by their words as long as each box's words: each
    # box takes the first such line after the box before it, found without reading the lines
    # again for every box.
    sizes = {len(_letters(box.text)[:40]) for box in boxes}
    found_on: dict[tuple[bool, str], list[int]] = defaultdict(list)
    for number in range(after + 1, before):
        line = source.line(number).replace(STX, "").replace(ETX, "")
        found = MARKER.search(line)
        if found is None or line[found.end() : found.end() + 1] not in (" ", "\t"):
            continue
        checked, rest = found.group(0) != "[ ]", _letters(line[found.end() :])
        for size in sizes:
            if size and len(rest) >= size:
                found_on[checked, rest[:size]].append(number)
            elif not size and not rest:
                found_on[checked, ""].append(number)
    placed: list[Box] = []
    for box in boxes:
        numbers = found_on.get((box.checked, _letters(box.text)[:40]), [])
        at = bisect_right(numbers, after)
        if at == len(numbers):
            placed.append(replace(box, line=None, origin=UNPLACED))
        else:
            placed.append(replace(box, line=numbers[at]))
            after = numbers[at]
    return placed


def _letters(text: str) -> str:
    """The words of a line or a box's text: markup, and the raw HTML a reader never sees, aside."""
    return NOT_A_LETTER.sub("", RAW_HTML.sub("", text) if "<" in text else text)
