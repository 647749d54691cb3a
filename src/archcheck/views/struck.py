"""Which checkboxes of rendered HTML stand in a list item whose own text is all struck through.

An item's own text is everything its ``<li>`` holds but the list items nested in it (each of
those is judged on its own text). It is struck when it holds some text and all of it is inside
``<del>`` (what cmark-gfm's strikethrough and pymdownx.tilde write); whitespace between struck
runs does not count. An item holding an image is never struck (a line through text does not
cross it), nor is a box outside a list item, nor an item holding a second box (a reader could
not tell which of them is dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archcheck.views.html import Tag, pieces

# What a reader sees of a run of text (the site view takes its line tags out).
Visible = Callable[[str], str]


def is_checkbox(tag: Tag) -> bool:
    return tag.name == "input" and (tag.attribute("type") or "").lower() == "checkbox"


@dataclass(slots=True)
class _Item:
    """An open ``<li>`` and what its own text has held so far."""

    box: int | None = None  # the index of its box among the page's checkboxes
    spoiled: bool = False  # a second box, or content no line can strike
    struck: bool = False  # some text inside <del>
    plain: bool = False  # some text outside <del>
    deleted: int = 0  # <del> elements open inside it


def struck_boxes(html: str, visible: Visible = str) -> frozenset[int]:
    """The checkboxes of ``html`` whose item's own text is all struck through, each by its
    place among the checkboxes in document order (0 first; the views count their boxes so).
    ``visible`` takes out of a run of text what no reader sees (the site view's line tags).
    One pass over the HTML, however deep the lists nest."""
    if "<del" not in html:
        return frozenset()  # nothing is struck: each box is open or done as it shows
    count = 0
    struck: set[int] = set()
    items: list[_Item] = []
    for piece in pieces(html):
        item = items[-1] if items else None
        if isinstance(piece, str):
            # Text before the box counts too: an item that starts with words and holds a box
            # only later (raw HTML on the site) is not struck because its end is.
            if item is not None and visible(piece).strip():
                item.struck |= item.deleted > 0
                item.plain |= item.deleted == 0
            continue
        if is_checkbox(piece) and not piece.closing:
            count += 1
            if item is None:
                continue
            item.spoiled |= item.box is not None
            item.box = count - 1
        elif piece.name == "li":
            if not piece.closing:
                items.append(_Item())
            elif item is not None:
                items.pop()
                if item.box is not None and item.struck and not (item.plain or item.spoiled):
                    struck.add(item.box)
        elif item is not None and piece.name == "del":
            item.deleted = max(item.deleted + (-1 if piece.closing else 1), 0)
        elif item is not None and piece.name == "img":
            item.spoiled = True
    return frozenset(struck)
