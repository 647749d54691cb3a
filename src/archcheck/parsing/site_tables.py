"""Python-Markdown's table test, replayed: a block whose first two rows make a table is one.

The tables extension runs before headings, rules, lists and quotes, and takes the whole block,
so a list or quote glued under a table is table rows on the site, never a box.
"""

from __future__ import annotations

import re

# Backslash pairs, escaped and plain backtick runs, escaped pipes, pipes (tables.py RE_CODE_PIPES).
RE_CODE_PIPES = re.compile(r"(?:(\\\\)|(\\`+)|(`+)|(\\\|)|(\|))")
RE_END_BORDER = re.compile(r"(?<!\\)(?:\\\\)*\|$")


def _code_regions(row: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Pipe positions, and the spans between paired backtick runs of the same length."""
    pipes: list[int] = []
    tics: list[tuple[int, int, int, int]] = []  # (backticks, start, end, escaped)
    for found in RE_CODE_PIPES.finditer(row):
        if found.group(2):
            tics.append((len(found.group(2)) - 1, found.start(2), found.end(2) - 1, 1))
        elif found.group(3):
            tics.append((len(found.group(3)), found.start(3), found.end(3) - 1, 0))
        elif found.group(5):
            pipes.append(found.start(5))
    regions: list[tuple[int, int]] = []
    index = 0
    while index < len(tics):
        # An escaped backtick does not count when a run opens, but does when it closes.
        size = tics[index][0] - tics[index][3]
        closing = next((j for j in range(index + 1, len(tics)) if tics[j][0] == size), None)
        if size == 0 or closing is None:
            index += 1
            continue
        regions.append((tics[index][1], tics[closing][2]))
        index = closing + 1
    return pipes, regions


def _cells(row: str, border: bool) -> list[str]:
    if border:
        row = RE_END_BORDER.sub("", row[1:] if row.startswith("|") else row)
    pipes, regions = _code_regions(row)
    cells, start = [], 0
    for pipe in pipes:
        if any(first <= pipe <= last for first, last in regions):
            continue
        cells.append(row[start:pipe])
        start = pipe + 1
    cells.append(row[start:])
    return cells


def is_table(text: str) -> bool:
    """TableProcessor.test: a header row of 2+ cells (or a bordered single column) and a
    separator row with as many cells of only ``|:-`` and spaces."""
    rows = [row.strip(" ") for row in text.split("\n")]
    if len(rows) < 2:
        return False
    header = rows[0]
    border = header.startswith("|") or RE_END_BORDER.search(header) is not None
    width = len(_cells(header, border))
    if width == 1 and border:
        single = all(row.startswith("|") or RE_END_BORDER.search(row) for row in rows[1:])
        if not single:
            return False
    elif width < 2:
        return False
    separator = _cells(rows[1], border)
    return len(separator) == width and set("".join(separator)) <= set("|:- ")
