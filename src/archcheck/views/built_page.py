"""Read a built page's HTML: the checkboxes it shows, and ids for its task-list items.

AC104 compares these boxes with the ones the gate counted, so what the site shows is what the
gate decided on. Regular expressions suffice: the HTML comes from Python-Markdown, and a
box written inside a code block arrives escaped (``&lt;input``), so it is never counted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_CHECKBOX = re.compile(r"""\btype\s*=\s*["']?checkbox\b""", re.IGNORECASE)
_CHECKED = re.compile(r"""\schecked(?:\s*=|[\s/>])""", re.IGNORECASE)
_TASK_ITEM = re.compile(
    r"""<li\b(?P<attrs>[^>]*\bclass\s*=\s*["'][^"']*\btask-list-item\b[^"']*["'][^>]*)>""",
    re.IGNORECASE,
)
_HAS_ID = re.compile(r"""\sid\s*=""", re.IGNORECASE)
_LEADING_H1 = re.compile(r"\A\s*<h1\b[^>]*>.*?</h1>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Boxes:
    """The checkboxes a page shows: how many, and how many of them are ticked."""

    total: int
    checked: int

    def describe(self, noun: str = "checkbox", plural: str = "checkboxes") -> str:
        return f"{self.total} {noun if self.total == 1 else plural} ({self.checked} checked)"


def count_boxes(html: str) -> Boxes:
    total = checked = 0
    for match in _INPUT.finditer(html):
        tag = match.group(0)
        if _CHECKBOX.search(tag):
            total += 1
            checked += bool(_CHECKED.search(tag))
    return Boxes(total, checked)


def add_item_ids(html: str, ids: Sequence[str]) -> tuple[str, list[str]]:
    """Give the n-th task-list ``<li>`` the n-th id; return the HTML and the ids placed.

    An item that already has an id (written by the author) keeps it.
    """
    placed: list[str] = []
    remaining = iter(ids)

    def give_id(match: re.Match[str]) -> str:
        anchor = next(remaining, None)
        if anchor is None or _HAS_ID.search(match.group("attrs")):
            return match.group(0)
        placed.append(anchor)
        return f'<li id="{anchor}"{match.group("attrs")}>'

    return _TASK_ITEM.sub(give_id, html), placed


def insert_at_top(html: str, fragment: str) -> str:
    """Put ``fragment`` first on the page, after the page's title if the page opens with one."""
    title = _LEADING_H1.match(html)
    at = title.end() if title else 0
    return f"{html[:at]}\n{fragment}\n{html[at:]}"
