"""Without a site, parse() reports GitHub's view alone: cmark-gfm's boxes, where they are written.

Every expectation is read from cmark-gfm's own HTML (the cmarkgfm binding with GitHub's options
and source positions): each box it draws is one item, on a line of the box's list item that
holds a task marker and is no nested item's (the item's first line if none does), with GitHub's
state and nesting depth, no site view, and done only when its marker and GitHub both say so.
tests/differential compares the same pages with both renderers, the site included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from archcheck import Render, parse

MARKER = re.compile(r"\[[ \txX]\]")

PAGES = {
    "plain": "- [ ] a\n- [x] b\n- [X] c\n",
    "ordered": "1. [ ] a\n2) [x] b\n",
    "nested": "- [x] a\n  - [ ] b\n    - [X] c\n",
    "no space after the marker": "- [ ]a\n- [x]\n",
    "not a list": "[ ] a\n",
    "fenced code": "```\n- [ ] a\n```\n",
    "html comment": "<!--\n- [ ] a\n-->\n",
    "block quote": "> - [ ] a\n",
    "list right after a paragraph": "para\n- [ ] a\n",
    "x later on the line": "- [ ] text [x]\n",
    "crlf": "- [ ] a\r\n- [x] b\r\n",
    "lone cr": "- [ ] a\r- [x] b\r",
    "bom": "\ufeff- [ ] a\n- [ ] b\n",
    "empty item, blank line, sibling": "- [ ] \n\n  - [ ] child\n",
    "empty item, lazy line": "- [ ] \nlazy words\n",
    "empty item, wide padding": "-  [ ] \n  - [ ] child\n",
    "empty item after a paragraph": "Para.\n- [ ] \n  2. [x] secrets\n",
    "empty item, paragraph below": "- [ ] \n  [x] foo\n",
    "fence marks after the box": "- [ ] ```\n- [ ] x\n```\n",
    "lazy list marker in a nested list": "1) [ ]\n  1. [ ]\n      - [ ] [x]\n    - [ ]\n",
    "lazy quote marker": "  *  [ ] `\n    >",
    "footnote in an item": "* [^1]:e\n    -\t[x] \n",
    "lazy line of nested quotes": "- [x] \n  >>q\n      + [ ] \n",
    "bullet list after a definition": "[a]: /u\n- [ ] b\n",
    "ordered list after a definition": "[a]: /u\n2. [x] b\n",
    "later line makes the item a task": "- a\n\n  12 [x] y\n",
    "later line ticks an open item": "- [ ] a\n\n  12 [x] y\n",
    "later line after a quote": "- [ ] a\n\n  > y\n  12 [x] z\n",
    "not after a nested list": "- a\n  - b\n\n  12 [x] y\n",
    # A definition nothing references is dropped, its boxes with it; a footnote's own <li> is
    # no enclosing list item, and labels match regardless of case.
    "unreferenced footnote": "[^1]:\n    1)\t[x] \n",
    "footnote definition after a quote": "- >p\n[^1]:\n\t- [ ] \n",
    "referenced footnote": "a[^A]\n\n[^a]:\n    - [x] a\n",
}


@dataclass
class GithubBox:
    lines: tuple[int, int]  # its list item's first and last line
    checked: bool
    depth: int
    inner: list[tuple[int, int]] = field(default_factory=list)  # the items nested in it


class _Boxes(HTMLParser):
    """The checkboxes of cmark-gfm's HTML with their list items' lines (data-sourcepos)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[tuple[int, int], bool, list[tuple[int, int]]]] = []
        self.boxes: list[GithubBox] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "li":
            found = re.match(r"(\d+):\d+-(\d+):", values.get("data-sourcepos") or "")
            lines = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
            for _, _, inner in self.items:
                inner.append(lines)
            footnote = (values.get("id") or "").startswith("fn")
            self.items.append((lines, footnote, []))
        elif tag == "input" and values.get("type") == "checkbox" and self.items:
            lines, _, inner = self.items[-1]
            depth = sum(not footnote for _, footnote, _ in self.items[:-1])
            self.boxes.append(GithubBox(lines, "checked" in values, depth, inner))

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self.items:
            self.items.pop()


def github_boxes(text: str) -> list[GithubBox]:
    options = Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES
    reader = _Boxes()
    reader.feed(cmarkgfm.github_flavored_markdown_to_html(text, options))
    return reader.boxes


def lines_of(box: GithubBox, lines: list[str]) -> list[int]:
    first, last = box.lines
    own = [
        n
        for n in range(first, min(last, len(lines)) + 1)
        if MARKER.search(lines[n - 1]) and not any(a <= n <= b for a, b in box.inner)
    ]
    return own or [first]


@pytest.mark.parametrize("text", PAGES.values(), ids=PAGES.keys())
def test_without_a_site_the_items_are_githubs_boxes(text: str) -> None:
    lines = re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff"))
    items = list(parse(text).checklist)
    boxes = github_boxes(text)
    assert len(items) == len(boxes), f"{len(boxes)} boxes on GitHub, items: {items}"
    for box in boxes:
        where = lines_of(box, lines)
        item = next((i for i in items if i.line in where), None)
        assert item is not None, f"no item on line {where} for GitHub's box"
        items.remove(item)
        marker = MARKER.search(lines[item.line - 1])
        assert marker is not None
        assert (item.github, item.github_depth) == (
            Render.CHECKED if box.checked else Render.UNCHECKED,
            box.depth,
        )
        assert item.site is None and item.renderers_agree
        assert item.checked == (marker.group(0) in ("[x]", "[X]") and box.checked)
        assert (item.column, item.marker) == (marker.start() + 1, marker.group(0))
        assert not item.origin


def test_the_pages_have_boxes_open_and_ticked() -> None:
    # Guards the test above against passing because cmark-gfm shows no box on most pages.
    boxes = [box for text in PAGES.values() for box in github_boxes(text)]
    assert sum(box.checked for box in boxes) > 10
    assert sum(not box.checked for box in boxes) > 10
