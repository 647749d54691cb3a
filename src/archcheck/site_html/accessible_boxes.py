"""Give each checklist box of a page an accessible name: the text of its own item.

A task-list box is a disabled ``<input type="checkbox">`` that opens its list item, alone or in an
empty ``<label>`` (pymdownx.tasklist's custom boxes); a screen reader announces it as "checkbox,
not checked" and nothing more. The item's own text (up to a nested list or the item's end) is
wrapped in a ``<span id>`` the box names with ``aria-labelledby``, so the name is the visible text
and stays in the built HTML, whichever builder wrote it. A box that already has a name is left as
it is, and so is a box that does not open its item (its text is not necessarily its label).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archcheck.views.html import PIECE, Tag

# What the banner calls an item without text; a box with nothing to point at is named so.
EMPTY_ITEM = "(empty item)"
ID_PREFIX = "task-text-"

# Inline elements an item's own text may hold; any other tag (a nested list, a paragraph's or the
# item's end) ends it.
_PHRASING = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img"}
    | {"ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "svg"}
    | {"time", "u", "var", "wbr"}
)
_VOID = frozenset({"br", "img", "wbr", "input"})
_NAMED_BY = ("aria-label", "aria-labelledby", "title")
_ID = re.compile(r"""\sid\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


@dataclass(slots=True)
class _Box:
    """A box being named: where its attribute goes and, once known, where its text starts."""

    attribute_at: int
    in_label: bool
    text_from: int | None = None
    depth: int = 0  # inline elements open inside the text
    in_svg: int = 0  # an inline icon's own tags are not the item's structure


@dataclass(slots=True)
class _Item:
    """An open ``<li>``: whether anything (text or a box) came before a box could open it."""

    started: bool = False


@dataclass(slots=True)
class _Edits:
    html: str
    taken: set[str]
    inserts: list[tuple[int, str]] = field(default_factory=list)
    count: int = 0

    def name(self, box: _Box, end: int) -> None:
        """Name ``box`` after the text from its start to ``end`` (trimmed of whitespace)."""
        assert box.text_from is not None
        text = self.html[box.text_from : end]
        start = box.text_from + len(text) - len(text.lstrip())
        stop = end - len(text) + len(text.rstrip())
        if not re.sub(r"<[^>]*>", "", self.html[start:stop]).strip():
            self.inserts.append((box.attribute_at, f' aria-label="{EMPTY_ITEM}"'))
            return
        anchor = self._new_id()
        self.inserts += [
            (box.attribute_at, f' aria-labelledby="{anchor}"'),
            (start, f'<span id="{anchor}">'),
            (stop, "</span>"),
        ]

    def _new_id(self) -> str:
        while True:
            self.count += 1
            anchor = f"{ID_PREFIX}{self.count}"
            if anchor not in self.taken:
                self.taken.add(anchor)
                return anchor

    def applied(self) -> str:
        out, at = [], 0
        for position, text in sorted(self.inserts, key=lambda insert: insert[0]):
            out += [self.html[at:position], text]
            at = position
        return "".join([*out, self.html[at:]])


def _unnamed(tag: Tag, html: str) -> bool:
    if any(tag.attribute(name) for name in _NAMED_BY):
        return False
    own_id = tag.attribute("id")
    return not (own_id and re.search(rf"""\sfor\s*=\s*["']?{re.escape(own_id)}\b""", html))


def label_boxes(html: str) -> str:
    """``html`` with an accessible name on every task-list box that has none (pure; a page without
    such boxes comes back unchanged, and labelling twice changes nothing more)."""
    if "checkbox" not in html:
        return html
    edits = _Edits(html, set(_ID.findall(html)))
    items: list[_Item] = []
    box: _Box | None = None
    for found in PIECE.finditer(html):
        name = found.group(2)
        tag = Tag(name.lower(), found.group(1) == "/", found.group(3)) if name else None
        if box is not None and box.text_from is not None:
            if tag is None or (box.in_svg and tag.name != "svg"):
                continue
            if tag.name == "svg":
                box.in_svg += -1 if tag.closing else 1
                continue
            if tag.name in _PHRASING and not (tag.closing and box.depth == 0):
                box.depth += 0 if tag.name in _VOID else -1 if tag.closing else 1
                continue
            edits.name(box, found.start())
            box = None
        if tag is None:
            if found.group(0).startswith("<!--"):
                continue
            if box is not None and box.in_label and found.group(0).strip():
                box = None  # the label holds text of its own: the box has its name
            elif items and found.group(0).strip():
                items[-1].started = True
        elif tag.name == "li":
            if box is not None:  # a label that never closed before its item did
                box = None
            if tag.closing:
                items = items[:-1]
            else:
                items.append(_Item())
        elif tag.name == "input" and not tag.closing and items and not items[-1].started:
            items[-1].started = True
            if (tag.attribute("type") or "").lower() == "checkbox" and _unnamed(tag, html):
                in_label = _inside_label(html, found.start())
                box = _Box(found.start() + len("<input"), in_label)
                if not in_label:
                    box.text_from = found.end()
        elif tag.name == "label" and tag.closing and box is not None and box.in_label:
            box.text_from = found.end()
        elif tag.name in ("img", "svg") and items:
            items[-1].started = True
    if box is not None and box.text_from is not None:
        edits.name(box, len(html))
    return edits.applied()


def _inside_label(html: str, at: int) -> bool:
    """Whether the box at ``at`` stands in a ``<label>`` still open there."""
    opened = html.rfind("<label", 0, at)
    return opened != -1 and html.find("</label", opened, at) == -1
