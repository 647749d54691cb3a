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


def matches(expected: str, actual: str) -> bool:
    """Whether ``actual`` is what ``expected`` shows, reading its wildcards."""
    want, got = _lines(expected), _lines(actual)

    @cache
    def fits(w: int, g: int) -> bool:
        if w == len(want):
            return g == len(got)
        if want[w] == ANY_LINES:
            return any(fits(w + 1, later) for later in range(g, len(got) + 1))
        return g < len(got) and bool(_line_pattern(want[w]).match(got[g])) and fits(w + 1, g + 1)

    return fits(0, 0)


def difference(expected: str, actual: str) -> str:
    """A unified diff from the shown output to the printed one, for a failure message."""
    diff = difflib.unified_diff(
        _lines(expected), _lines(actual), "shown in the document", "printed", lineterm="", n=2
    )
    return "\n".join(diff) or "(the same text: a wildcard could not be matched)"
