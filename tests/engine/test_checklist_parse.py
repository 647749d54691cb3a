"""parse(text, site=...).checklist: which renderers' boxes become items, and when one is done.

What each renderer shows is read from the renderers themselves (tests/differential/oracles.py:
cmark-gfm, and Python-Markdown with the site's mkdocs.yml extensions); these tests pin what
parse() makes of it. tests/differential compares every box on many more pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archcheck import ChecklistItem, Render, parse
from archcheck.views.site_config import load_site
from tests.differential.oracles import MKDOCS_YML, Box, github_boxes, site_boxes

C, U, N = Render.CHECKED, Render.UNCHECKED, Render.NOT_A_BOX
SITE = load_site(Path(MKDOCS_YML).resolve())


def render(box: Box | None) -> Render:
    return N if box is None else C if box.checked else U


def test_without_a_site_there_is_no_site_view() -> None:
    text = "- [ ] a\n\n> - [ ] quoted\n"
    github, site = github_boxes(text), site_boxes(text)
    assert len(site) > len(github), "the page no longer has a box only the site shows"
    items = parse(text).checklist
    assert [(i.line, i.github) for i in items] == [(b.line, render(b)) for b in github]
    assert all(i.site is None and i.renderers_agree for i in items)
    assert not any(i.open_somewhere_only for i in items)


def test_with_the_site_its_boxes_are_items_too() -> None:
    text = "- [ ] a\n\n> - [ ] quoted\n"
    github, site = github_boxes(text), site_boxes(text)
    items = parse(text, site=SITE).checklist
    assert [(i.line, i.github) for i in items if i.github is not N] == [
        (b.line, render(b)) for b in github
    ]
    assert [(i.site, i.site_depth) for i in items if i.site is not N] == [
        (render(b), b.depth) for b in site
    ]
    only_on_site = [i for i in items if i.github is N]
    assert only_on_site and all(i.open_somewhere_only for i in only_on_site)


# One list item on line 1, in markers and renderings that agree and that do not.
ONE_ITEM_PAGES = (
    "- [x] a\n",
    "- [ ] a\n",
    "- [ ] ship it [X]\n",
    "- [x] \n  >>q\n      + [ ] \n",
    "> - [x] a\n",
    "Para\n\n- [x] a\n  - [x] b\n",
)


@pytest.mark.parametrize("text", ONE_ITEM_PAGES)
def test_a_box_is_done_only_when_its_marker_and_every_renderer_tick_it(text: str) -> None:
    first = next(n for n, line in enumerate(text.split("\n"), 1) if "[" in line)
    github = next((b for b in github_boxes(text) if b.line == first), None)
    site = site_boxes(text)[0] if site_boxes(text) else None
    item = next(i for i in parse(text, site=SITE).checklist if i.line == first)
    assert (item.github, item.site) == (render(github), render(site))
    shown = [box for box in (github, site) if box is not None]
    assert item.checked == (item.marker in ("[x]", "[X]") and all(b.checked for b in shown))


def test_the_pages_tick_and_open_boxes_against_their_markers() -> None:
    # Guards the test above: some page's marker is open where a renderer ticks the box, and some
    # page's marker is ticked where a renderer shows it open.
    shown = [
        (text.split("[", 1)[1][0] in "xX", box.checked)
        for text in ONE_ITEM_PAGES
        for box in (*github_boxes(text)[:1], *site_boxes(text)[:1])
    ]
    assert (False, True) in shown
    assert (True, False) in shown


def test_item_fields() -> None:
    text = "Intro\n\n- [ ] All **production** `secrets` rotated\n"
    (item,) = parse(text, "a.md", site=SITE).checklist
    assert (item.path, item.line, item.column, item.marker) == ("a.md", 3, 3, "[ ]")
    assert item.text == github_boxes(text)[0].text == site_boxes(text)[0].text
    assert not item.checked and not item.origin


def test_each_renderer_has_its_own_depth() -> None:
    text = "- [x] a\n  - [ ] b\n"
    on_github, on_site = github_boxes(text)[1], site_boxes(text)[1]
    assert on_github.depth != on_site.depth, "the renderers no longer nest the page differently"
    _, child = parse(text, site=SITE).checklist
    assert (child.github_depth, child.site_depth) == (on_github.depth, on_site.depth)
    assert not child.renderers_agree
    _, without_site = parse(text).checklist
    assert without_site.renderers_agree


def test_a_box_no_marker_wrote_is_an_item_at_line_1_with_its_origin() -> None:
    text = 'Intro\n\n<ul><li><input type="checkbox"> raw</li></ul>\n'
    assert not github_boxes(text) and len(site_boxes(text)) == 1
    (item,) = parse(text, site=SITE).checklist
    assert (item.line, item.github, item.site, item.checked) == (1, N, U, False)
    assert item.origin and item.open_somewhere_only


@pytest.mark.parametrize(
    ("github", "site", "open_somewhere_only"),
    [
        (U, U, False),
        (C, C, False),
        (C, N, False),
        (U, C, True),
        (C, U, True),
        (U, N, True),
        (N, U, True),
        (U, None, False),
    ],
)
def test_an_open_box_another_renderer_shows_otherwise(
    github: Render, site: Render | None, open_somewhere_only: bool
) -> None:
    item = ChecklistItem("a.md", 1, 3, False, "a", "[ ]", github, site, 0, 0)
    assert item.open_somewhere_only is open_somewhere_only
