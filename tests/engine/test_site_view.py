"""The site view of checklist items: Python-Markdown's reading as the site's extensions shape it.

Each expectation was read off the site's own renderer (Python-Markdown with mkdocs.yml's
extensions, as tests/differential/oracles.py runs it).
"""

from __future__ import annotations

import pytest

from archcheck import Render, parse

C, U, N = Render.CHECKED, Render.UNCHECKED, Render.NOT_A_BOX

# (markdown, [(line, checked, site, site_depth, text), ...]) for the items the site shows.
CASES: dict[str, tuple[str, list[tuple[int, bool, Render, int, str]]]] = {
    # A fence is a block of its own: the item's first paragraph ends where it starts.
    "text ends at a fence": (
        "> 2. [X] secrets\n```\n```\n        - [X] done",
        [(1, True, C, 0, "secrets")],
    ),
    # Code spans as Python-Markdown reads them: any run up to one as long, content stripped.
    "code span of unequal runs": ("> - [ ] ``x`\n", [(1, False, U, 0, "`x")]),
    "code span content stripped": ("> - [ ] `] `x\n", [(1, False, U, 0, "]x")]),
    # A footnote's text loses its trailing whitespace, so a bare marker is no box.
    "footnote with a bare marker": ("a[^1]\n\n[^1]: [ ] \n", []),
    "footnote list with a bare marker": ("a[^1]\n\n[^1]:\n    - [ ] \n", []),
    # Raw HTML ends at its comment end or closing tag; the rest of the line is a new block.
    "text after a comment": ("<!-- a -->- [ ] b\n", [(1, False, U, 0, "b")]),
    "text after a closing tag": ("<div>x</div>- [ ] a\n", [(1, False, U, 0, "a")]),
    # An indented comment stays in the block above it, so an indented list after it nests.
    "indented comment": ("- \n <!---->    * [X] \n", [(2, True, C, 1, "")]),
    # A table takes its whole block: a quote glued under it is table rows.
    "quote glued to a table": ("a|b\n-|-\n> - [ ] x\n", []),
    "quote glued to a paragraph": ("a\n> - [ ] x\n", [(2, False, U, 0, "x")]),
    "quote glued to a one-column table row without a pipe": (
        "| a |\n|---|\n> - [x] y\n",
        [(3, True, C, 0, "y")],
    ),
    # Link reference definitions come out of any block; what follows is a block of its own.
    "list after a definition": ("[a]: /u\n2. [x] b\n", [(2, True, C, 0, "b")]),
    "definition in an item": (
        "> - [ ] a\n> [b]: /u\n> - [ ] c",
        [(1, False, U, 0, "a"), (3, False, U, 0, "c")],
    ),
    # Raw HTML as Python-Markdown reads it: a block-level tag ends the text, a loose tag is one.
    "block tag in the text": ("> - [x] <div>p\n", [(1, True, C, 0, "")]),
    "loose tag": ("> - [ ] <x]>\n", [(1, False, U, 0, "")]),
    "inline tag and comment": (
        "> - [ ] a <b>bold</b> <!-- c --> c\n",
        [(1, False, U, 0, "a bold c")],
    ),
    "autolink": ("> - [ ] see <http://x.y> now\n", [(1, False, U, 0, "see http://x.y now")]),
    "tag in a code span": ("> - [ ] `<div>` code\n", [(1, False, U, 0, "<div> code")]),
    # A reference to a defined footnote is a superscript number.
    "footnote reference": (">- [x] a[^1] b\n\n[^1]: n\n", [(1, True, C, 0, "a b")]),
    "undefined footnote reference": (">- [x] a[^2] b\n", [(1, True, C, 0, "a[^2] b")]),
    # Front matter is only a "---" at the very start of the file, not a list item's text.
    "dashes in a first-line item": ("-    ---a\n    2. [X] \n", [(2, True, C, 1, "")]),
}


@pytest.mark.parametrize("name", CASES)
def test_site_view(name: str) -> None:
    text, expected = CASES[name]
    items = [i for i in parse(text).checklist if i.site is not N]
    assert [(i.line, i.checked, i.site, i.site_depth, i.text) for i in items] == expected
