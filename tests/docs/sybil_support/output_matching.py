"""Compare the output a command printed with the output a document shows, wildcards allowed.

As in trycmd: a line that is just ``...`` stands for any number of lines (none included), and
``[..]`` inside a line for any text on that line. Trailing whitespace is not compared (editors
strip it from documents).
"""

from __future__ import annotations

import difflib
import re
from functools import cache

ANY_LINES = "..."
ANY_TEXT = "[..]"


@cache
def _line_pattern(expected: str) -> re.Pattern[str]:
    return re.compile(".*?".join(re.escape(part) for part in expected.split(ANY_TEXT)) + r"\Z")


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip() else []


def _fits(want: list[str], got: list[str], partial: bool = False) -> bool:
    """Whether ``got`` is what ``want`` shows (or, when ``partial``, begins with it)."""

    @cache
    def fits(w: int, g: int) -> bool:
        if w == len(want):
            return partial or g == len(got)
        if want[w] == ANY_LINES:
            return any(fits(w + 1, later) for later in range(g, len(got) + 1))
        return g < len(got) and bool(_line_pattern(want[w]).match(got[g])) and fits(w + 1, g + 1)

    return fits(0, 0)


def matches(expected: str, actual: str) -> bool:
    """Whether ``actual`` is what ``expected`` shows, reading its wildcards."""
    return _fits(_lines(expected), _lines(actual))


def difference(expected: str, actual: str) -> str:
    """What differs, for a failure message: a unified diff, or with wildcards, the first line
    shown that nothing printed can match, followed by what was printed."""
    want, got = _lines(expected), _lines(actual)
    if any(line == ANY_LINES or ANY_TEXT in line for line in want):
        for shown in range(1, len(want) + 1):
            if not _fits(want[:shown], got, partial=True):
                culprit = f"line {shown} of the output shown: {want[shown - 1]!r}"
                break
        else:
            culprit = "the output shown ends before the printed output does"
        printed = "\n".join(f"    {line}" for line in got) or "    (nothing)"
        return f"nothing printed matches {culprit}\nprinted:\n{printed}"
    diff = difflib.unified_diff(want, got, "shown in the document", "printed", lineterm="", n=2)
    return "\n".join(diff)
