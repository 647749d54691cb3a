"""The GitHub view of checklist items: the list structure cmark-gfm builds around task markers.

Each case states what github.com shows (line, own marker done?, GitHub's box, depth, text) and
is also checked against cmark-gfm itself (the cmarkgfm binding the differential tests use), so
an expectation written here cannot drift from the renderer.
"""

from __future__ import annotations

import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from archcheck import Render, parse

C, U, N = Render.CHECKED, Render.UNCHECKED, Render.NOT_A_BOX

# (markdown, [(line, checked, github, github_depth, text), ...]) for the items GitHub shows.
CASES: dict[str, tuple[str, list[tuple[int, bool, Render, int, str]]]] = {
    # A task item holding only its marker has no paragraph: a blank line ends it, so the
    # indented item after it is a sibling, and no lazy line continues it.
    "empty item, blank line, sibling": (
        "- [ ] \n\n  - [ ] child\n",
        [(1, False, U, 0, ""), (3, False, U, 0, "child")],
    ),
    "empty item, lazy line": ("- [ ] \nlazy words\n", [(1, False, U, 0, "")]),
    # Its content column is counted up to the box: "-  [ ] " needs three spaces.
    "empty item, wide padding": (
        "-  [ ] \n  - [ ] child\n",
        [(1, False, U, 0, ""), (2, False, U, 0, "child")],
    ),
    # It interrupts a paragraph (the marker line was not blank), and an indented "2." under it
    # opens a nested list, which could not interrupt a paragraph.
    "empty item after paragraph, nested ordered": (
        "Para.\n- [ ] \n  2. [x] secrets\n",
        [(2, False, U, 0, ""), (3, True, C, 1, "secrets")],
    ),
    # Its text is its first block's, shown as written, even a bracket pair.
    "empty item, paragraph below": ("- [ ] \n  [x] foo\n", [(1, False, U, 0, "[x] foo")]),
    "empty item, code below": (
        "- [ ] \n        - [ ]\n  indented words\n",
        [(1, False, U, 0, "")],
    ),
    # After the marker, the rest of the line is paragraph text, never a heading or a fence.
    "heading marks after the box": ("- [ ] # h\n", [(1, False, U, 0, "# h")]),
    "fence marks after the box": (
        "- [ ] ```\n- [ ] x\n```\n",
        [(1, False, U, 0, "```"), (2, False, U, 0, "x")],
    ),
    "five spaces after the marker are code": ("-     [ ] x\n", []),
    # A line indented 4+ past the innermost item it belongs to continues the paragraph.
    "lazy list marker in a nested list": (
        "1) [ ]\n  1. [ ]\n      - [ ] [x]\n    - [ ]\n",
        [(3, False, C, 1, "[x] - [ ]")],
    ),
    "lazy quote marker": ("  *  [ ] `\n    >", [(1, False, U, 0, "` >")]),
    "footnote in an item": ("* [^1]:e\n    -\t[x] \n", [(2, True, C, 1, "")]),
    # A line an outer quote takes as lazy starts no block in a quote inside it either.
    "lazy line of nested quotes": ("- [x] \n  >>q\n      + [ ] \n", [(1, True, U, 0, "")]),
    # A link reference definition is paragraph text until the paragraph ends, so what could
    # not interrupt a paragraph after it is paragraph text too.
    "ordered list after a definition": ("[a]: /u\n2. [x] b\n", []),
    "indented list after a definition": ("[a]: /u\n    - [ ] b\n", []),
    "bullet list after a definition": ("[a]: /u\n- [ ] b\n", [(2, False, U, 0, "b")]),
    # A footnote definition ends a lazy quote paragraph (and here is dropped: no reference).
    "footnote definition after a quote": ("- >p\n[^1]:\n\t- [ ] \n", []),
    # Continuation lines lose their indentation before a code span is read.
    "code span over lines": ("+ [ ] ``x`\n   q `\n", [(1, False, U, 0, "``xq")]),
    # cmark-gfm's rule also fires on a later line of an item (digits, any character, spaces,
    # box): the enclosing item becomes a task item, ticked by the last such line.
    "later line makes the item a task": ("- a\n\n  12 [x] y\n", [(1, True, C, 0, "a")]),
    "later line makes the first block's text": ("-\n  2  [ ] b\n", [(1, False, U, 0, "[ ] b")]),
    "later line ticks an open item": ("- [ ] a\n\n  12 [x] y\n", [(1, False, C, 0, "a")]),
    "lazy line of a quote in the item": ("* >d\n      - [ ] \n", [(1, False, U, 0, "")]),
    "not after a nested list": ("- a\n  - b\n\n  12 [x] y\n", []),
    "not in a quoted item": (">- >e\n    + [ ] \n", []),
    # GitHub drops a footnote nobody refers to (labels match case-insensitively).
    "unreferenced footnote": ("[^1]:\n    1)\t[x] \n", []),
    "referenced footnote": ("a[^A]\n\n[^a]:\n    - [x] a\n", [(4, True, C, 0, "a")]),
    "second definition of a label": (
        "a[^a]\n\n[^a]:\n    - [x] a\n[^a]:\n    - [ ] b\n",
        [(4, True, C, 0, "a")],
    ),
}

RE_GITHUB_BOX = re.compile(r'<li data-sourcepos="(\d+):[^"]*"><input type="checkbox"( checked="")?')


def github_boxes(text: str) -> list[tuple[int, Render]]:
    html = cmarkgfm.github_flavored_markdown_to_html(
        text, Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES
    )
    return [(int(line), C if ticked else U) for line, ticked in RE_GITHUB_BOX.findall(html)]


@pytest.mark.parametrize("name", CASES)
def test_github_view(name: str) -> None:
    text, expected = CASES[name]
    items = [i for i in parse(text).checklist if i.github is not N]
    got = [(i.line, i.checked, i.github, i.github_depth, i.text) for i in items]
    assert got == expected
    assert [(line, github) for line, _, github, _, _ in expected] == github_boxes(text)


def test_later_line_box_is_reported_where_github_draws_it() -> None:
    (item,) = parse("Steps:\n\n- Rotate keys\n\n  12 [ ] of them\n", "a.md").checklist
    assert (item.line, item.column, item.marker, item.checked) == (3, 3, "[ ]", False)
    assert item.text == "Rotate keys"


def test_an_open_site_marker_wins_over_a_later_github_tick() -> None:
    (item,) = parse("- [ ] a\n\n  > y\n  12 [x] z\n").checklist
    assert (item.github, item.site, item.checked) == (C, U, False)
