"""Dropped items against both renderers: an item is dropped exactly when it is not done and the
HTML of cmark-gfm and of the site's Python-Markdown (oracles.py) both put all of the text of its
list item, the lists nested in it aside, inside ``<del>``.

The oracle reads a real HTML tree (html.parser), not archcheck's tokenizer, and judges each box
from its ``<li>`` element down; pages are built from every pairing of an item's text, its marker
and its place (top level, or nested under a struck or an unstruck item).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import pytest
from comparison import SITE
from oracles import Element, parse_html, render_github, render_site

import archcheck

TEXTS = (
    "~~Migrate the queue~~",
    "~~Migrate~~ ~~the queue~~",
    "~~Migrate~~ the queue",
    "Migrate ~~the queue~~",
    "~~Migrate [the queue](q.md) *now*~~",
    "~~Migrate `the queue`~~",
    "`~~Migrate the queue~~`",
    "~Migrate the queue~",
    "\\~~Migrate the queue~~",
    "~~Migrate the~~queue",
    "~~Migrate~~[^1]",
    "~~![queue](q.png)~~",
    "<del>Migrate</del>",
    "~~~~",
    "~~Migrate\n{indent}the queue~~",
    "~~Migrate~~\n{indent}the queue",
)
MARKERS = ("[ ]", "[x]")
PARENTS = ("", "- [ ] ~~Drop the old queue~~\n", "- [ ] Ship the new queue\n")


def _elements(element: Element) -> Iterator[Element]:
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from _elements(child)


def _own_runs(item: Element, struck: bool = False) -> Iterator[tuple[str, bool]]:
    """Each piece of the item's own content and whether a ``<del>`` encloses it; an image is
    a piece that is never struck."""
    for child in item.children:
        if isinstance(child, str):
            yield child, struck
        elif child.tag == "img":
            yield "image", False
        elif child.tag != "li":
            yield from _own_runs(child, struck or child.tag == "del")


def struck_boxes(html: str) -> list[bool]:
    """Per checkbox, in document order: its list item's own text is all struck through."""
    flags = []
    for element in _elements(parse_html(html)):
        if element.tag != "input" or element.attrs.get("type") != "checkbox":
            continue
        item = _nearest_item(element)
        if item is None:
            flags.append(False)
            continue
        runs = [struck for text, struck in _own_runs(item) if text.strip()]
        # A second box of its own would leave a reader unsure which one is dropped.
        boxes = [e for e in _elements(item) if e.tag == "input" and _nearest_item(e) is item]
        flags.append(bool(runs) and all(runs) and len(boxes) == 1)
    return flags


def _nearest_item(element: Element) -> Element | None:
    item = element.parent
    while item is not None and item.tag != "li":
        item = item.parent
    return item


def pages() -> Iterator[str]:
    for text, marker, parent in product(TEXTS, MARKERS, PARENTS):
        indent = "    " if parent else ""
        line = f"{indent}- {marker} {text.format(indent=indent + '  ')}\n"
        yield parent + line + ("\n[^1]: why\n" if "[^1]" in text else "")


@pytest.mark.parametrize("page", list(pages()))
def test_an_item_is_dropped_exactly_when_both_renderers_strike_all_its_text(page: str) -> None:
    items = archcheck.parse(page, "a.md", SITE).checklist
    github, site = struck_boxes(render_github(page)), struck_boxes(render_site(page))
    assert len(items) == len(github) == len(site), "each renderer shows the page's boxes"
    expected = [
        not item.checked and on_github and on_site
        for item, on_github, on_site in zip(items, github, site, strict=True)
    ]
    assert [item.dropped for item in items] == expected


def test_the_pages_hold_every_pairing_of_struck_and_not() -> None:
    # Guards the test above against passing because nothing is struck, or both renderers
    # always strike alike.
    pairs = {
        pair
        for page in pages()
        for pair in zip(
            struck_boxes(render_github(page)), struck_boxes(render_site(page)), strict=True
        )
    }
    assert pairs == {(True, True), (True, False), (False, True), (False, False)}
