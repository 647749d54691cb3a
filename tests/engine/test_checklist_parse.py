"""parse(text).checklist: which boxes exist, their marker and how each renderer shows them."""

from __future__ import annotations

import pytest

from archcheck import Render, parse

C, U, N = Render.CHECKED, Render.UNCHECKED, Render.NOT_A_BOX

# (markdown, [(line, checked, github, site), ...])
CASES: dict[str, tuple[str, list[tuple[int, bool, Render, Render]]]] = {
    "plain": ("- [ ] a\n- [x] b\n- [X] c\n", [(1, False, U, U), (2, True, C, C), (3, True, C, C)]),
    "ordered": ("1. [ ] a\n2. [x] b\n", [(1, False, U, U), (2, True, C, C)]),
    "no space after marker": ("- [ ]a\n- [x]\n", []),
    "not a list": ("[ ] a\n", []),
    "fenced code": ("```\n- [ ] a\n```\n", []),
    "indented code": ("    - [ ] a\n", []),
    "html comment": ("<!--\n- [ ] a\n-->\n", []),
    "raw html block": ("<div>\n- [ ] a\n</div>\n", []),
    "list right after paragraph": ("para\n- [ ] a\n", [(2, False, U, N)]),
    "block quote": ("> - [ ] a\n", [(1, False, N, U)]),
    "github alert": ("> [!NOTE]\n> - [x] a\n", [(2, True, N, C)]),
    "two-space nesting": ("- [x] a\n  - [ ] b\n", [(1, True, C, C), (2, False, U, U)]),
    "x later on the line": ("- [ ] text [x]\n", [(1, False, C, U)]),
    "crlf": ("- [ ] a\r\n- [x] b\r\n", [(1, False, U, U), (2, True, C, C)]),
    "lone cr": ("- [ ] a\r- [x] b\r", [(1, False, U, U), (2, True, C, C)]),
    "tabs": ("-\t[ ]\ta\n", [(1, False, U, U)]),
    "bom": ("\ufeff- [ ] a\n", [(1, False, N, U)]),
    "nested marker on one line": ("- - [ ] a\n", [(1, False, N, U)]),
    "html block only on the site": ("<details>\n\n- [ ] a\n\n</details>\n", [(3, False, U, N)]),
}


@pytest.mark.parametrize("name", CASES)
def test_boxes_and_views(name: str) -> None:
    text, expected = CASES[name]
    got = [(i.line, i.checked, i.github, i.site) for i in parse(text).checklist]
    assert got == expected


def test_item_fields() -> None:
    (item,) = parse("Intro\n\n- [ ] All **production** `secrets` rotated\n", "a.md").checklist
    assert (item.path, item.line, item.column, item.marker) == ("a.md", 3, 3, "[ ]")
    assert item.text == "All production secrets rotated"
    assert not item.checked


def test_two_space_nesting_depth_differs() -> None:
    _, child = parse("- [x] a\n  - [ ] b\n").checklist
    assert (child.github_depth, child.site_depth) == (1, 0)
    assert not child.renderers_agree


def test_open_marker_is_never_done_even_when_github_ticks_it() -> None:
    (item,) = parse("- [ ] ship it [X]\n").checklist
    assert item.checked is False
    assert item.github is Render.CHECKED
