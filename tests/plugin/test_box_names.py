"""Each checklist box of a built page is named by its item's text (archcheck.site_html), in the
HTML every renderer writes, without changing what the gate counts; and so in a real build."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import cmarkgfm  # type: ignore[import-untyped]
import markdown
import pytest

from archcheck.site_html.accessible_boxes import EMPTY_ITEM, label_boxes
from archcheck.views.built_page import count_boxes

from .conftest import Build

CUSTOM = (
    '<label class="task-list-control"><input {}type="checkbox" disabled{}/>'
    '<span class="task-list-indicator"></span></label>'
)


def box(checked: bool = False, named: int | None = None) -> str:
    """A box as pymdownx.tasklist writes it with custom_checkbox (this site's configuration);
    ``named``: as label_boxes leaves it, pointing at the n-th text it wrapped."""
    by = f'aria-labelledby="task-text-{named}" ' if named else ""
    return CUSTOM.format(by, " checked" if checked else "")


def names(html: str) -> list[str | None]:
    """The accessible name of every checkbox, in order, as aria-labelledby or aria-label give it."""
    found: list[str | None] = []
    for tag in re.findall(r"<input\b[^>]*>", html):
        if "checkbox" not in tag:
            continue
        by = re.search(r'aria-labelledby="([^"]+)"', tag)
        label = re.search(r'aria-label="([^"]+)"', tag)
        if by:
            [target] = re.findall(rf'<span id="{by.group(1)}">(.*?)</span>', html, re.S)
            text = re.sub(r"<[^>]*>", "", target)
            found.append(" ".join(unescape(text).split()))
        else:
            found.append(label.group(1) if label else None)
    return found


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param(
            f'<li class="task-list-item">{box()} Secrets rotated</li>',
            f'<li class="task-list-item">{box(named=1)} <span id="task-text-1">Secrets rotated'
            "</span></li>",
            id="pymdownx-custom-box",
        ),
        pytest.param(
            '<ul><li><input type="checkbox" disabled="" /> Ship <code>v2</code> <a href="x">now</a>'
            "\n<ul>\n<li><input checked disabled type=checkbox> sub</li>\n</ul>\n</li></ul>",
            '<ul><li><input aria-labelledby="task-text-1" type="checkbox" disabled="" /> '
            '<span id="task-text-1">Ship <code>v2</code> <a href="x">now</a></span>'
            '\n<ul>\n<li><input aria-labelledby="task-text-2" checked disabled type=checkbox> '
            '<span id="task-text-2">sub</span></li>\n</ul>\n</li></ul>',
            id="text-up-to-the-nested-list",
        ),
        pytest.param(
            f'<li class="task-list-item"><p>{box()} Loose</p>\n<p>More about it</p></li>',
            f'<li class="task-list-item"><p>{box(named=1)} <span id="task-text-1">Loose</span>'
            "</p>\n<p>More about it</p></li>",
            id="loose-item-up-to-its-paragraph-end",
        ),
        pytest.param(
            '<h2 id="task-text-1">Task text 1</h2><ul><li><input type="checkbox"> Go</li></ul>',
            '<h2 id="task-text-1">Task text 1</h2><ul><li><input aria-labelledby="task-text-2"'
            ' type="checkbox"> <span id="task-text-2">Go</span></li></ul>',
            id="an-id-the-page-has-is-not-reused",
        ),
        pytest.param(
            "<ul><li><input type=checkbox disabled></li></ul>",
            f'<ul><li><input aria-label="{EMPTY_ITEM}" type=checkbox disabled></li></ul>',
            id="empty-item-named-as-the-banner-names-it",
        ),
    ],
)
def test_a_box_is_named_by_its_item_s_own_text(html: str, expected: str) -> None:
    assert label_boxes(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        pytest.param('<li><input type="checkbox" aria-label="Rotated"> Secrets</li>', id="named"),
        pytest.param('<li><input type="checkbox" title="Rotated"> Secrets</li>', id="titled"),
        pytest.param(
            '<li><label for="b">Rotated</label><input type="checkbox" id="b"> x</li>', id="for"
        ),
        pytest.param('<li><label><input type="checkbox"> Rotated</label> x</li>', id="in-label"),
        pytest.param('<li>Rotated: <input type="checkbox"> yes</li>', id="not-first-in-item"),
        pytest.param('<p><input type="checkbox"> outside a list</p>', id="outside-a-list"),
        pytest.param('<li><input type="text"> a field</li>', id="not-a-checkbox"),
        pytest.param("<p>No boxes at all, just the word checkbox</p>", id="no-box"),
        pytest.param("<pre><code>- [ ] &lt;input type=checkbox&gt;</code></pre>", id="code"),
    ],
)
def test_a_box_with_a_name_or_not_opening_an_item_is_left_alone(html: str) -> None:
    assert label_boxes(html) == html


def test_labelling_twice_changes_nothing_more() -> None:
    page = f'<ul><li class="task-list-item">{box(True)} Done</li><li>{box()} Open</li></ul>'
    once = label_boxes(page)
    assert once != page
    assert label_boxes(once) == once


def test_the_gate_counts_the_same_boxes_after_naming() -> None:
    # An item whose text says "checked": aria-label="... checked ..." on the box would read as a
    # ticked box to the gate's count; an aria-labelledby id never does.
    page = (
        f"<ul><li>{box()} Tests checked in CI</li><li>{box(True)} Logs disabled "
        f'checked</li><li><input type="checkbox" disabled></li></ul>'
    )
    assert count_boxes(label_boxes(page)) == count_boxes(page)
    assert count_boxes(page).checked == 1


MARKDOWN = """\
- [ ] Rotate *all* production secrets
- [x] Code reviewed and tested in `staging`
    - [ ] A nested item, on its own
- [ ] Read [the guide](https://example.org/) first
"""
ITEMS = [
    "Rotate all production secrets",
    "Code reviewed and tested in staging",
    "A nested item, on its own",
    "Read the guide first",
]


@pytest.mark.parametrize(
    "render",
    [
        pytest.param(
            lambda text: cmarkgfm.github_flavored_markdown_to_html(text.replace("    -", "  -")),
            id="cmark-gfm",
        ),
        pytest.param(
            lambda text: markdown.markdown(text, extensions=["pymdownx.tasklist"]),
            id="pymdownx-tasklist",
        ),
        pytest.param(
            lambda text: markdown.markdown(
                text,
                extensions=["pymdownx.tasklist"],
                extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}},
            ),
            id="pymdownx-tasklist-custom",
        ),
    ],
)
def test_every_renderer_s_boxes_get_their_item_s_text(render: Callable[[str], str]) -> None:
    html = render(MARKDOWN)
    assert names(html) == [None] * 4, "the renderer names its boxes itself now"
    assert names(label_boxes(html)) == ITEMS


@pytest.mark.slow
def test_the_built_site_names_its_boxes_and_the_gate_still_counts_them(
    build: Build, site: Path
) -> None:
    assert build().returncode == 0
    page = (site / "site" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    assert names(article) == [
        "Code reviewed and tested in staging",
        "All production secrets rotated",
    ]
    # The banner's link still lands on the open item, and the gate saw the boxes it counted.
    assert re.search(r'<li\b[^>]*\bid="gate-all-production-secrets-rotated"[^>]*><label', article)
    assert count_boxes(article).describe() == "2 checkboxes (1 checked)"
    assert build("--strict").returncode == 1  # the open item still holds the release
