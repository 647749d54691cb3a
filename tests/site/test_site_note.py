"""The note as a reader sees it on the built site: diagram, checklist, table, alert, footnote."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from colour_contrast import parse_css_colour
from note_page import NotePage, open_note
from playwright.sync_api import Browser, Locator, expect
from rendered_diagram import assert_flow_diagram

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = "article.md-content__inner"

# The icon is the indicator's ::before, placed relative to the (zero-width) indicator.
_TICK_ICON = """
(item) => {
  const indicator = item.querySelector(".task-list-indicator");
  const icon = getComputedStyle(indicator, "::before");
  const box = indicator.getBoundingClientRect();
  const x = box.left + parseFloat(icon.left) + parseFloat(icon.width) / 2;
  const y = box.top + parseFloat(icon.top) + parseFloat(icon.height) / 2;
  const hit = document.elementFromPoint(x, y)?.closest("label")?.className ?? null;
  return { size: [icon.width, icon.height], colour: icon.backgroundColor, centre: [x, y], hit };
}
"""


def _tick_icon(item: Locator) -> dict[str, Any]:
    item.scroll_into_view_if_needed()
    icon: dict[str, Any] = item.evaluate(_TICK_ICON)
    return icon


@pytest.fixture(scope="module")
def note(browser: Browser, site_url: str) -> Iterator[NotePage]:
    """One page load shared by the tests that only look (none of them clicks or scrolls)."""
    note = open_note(browser, site_url)
    yield note
    note.close()


def test_diagram_is_the_flow_edge_to_api_to_worker(note: NotePage) -> None:
    assert_flow_diagram(note.page)


def test_checklist_shows_one_ticked_and_one_open_box_neither_clickable(note: NotePage) -> None:
    items = note.page.locator(f"{ARTICLE} li.task-list-item")
    expect(items).to_have_count(2)
    seen = [
        (item.inner_text().strip(), box.is_checked(), box.is_disabled())
        for item, box in ((item, item.locator("input[type=checkbox]")) for item in items.all())
    ]
    assert seen == [
        ("Code reviewed and tested in staging", True, True),
        ("All production secrets rotated", False, True),
    ]
    # Material hides the native boxes and draws one instead; the site's stylesheet makes it a
    # square, filled (with a tick) when ticked, empty when open. Compare the two as drawn
    # (test_site_accessibility.py measures their outline and tick).
    ticked, open_ = (_tick_icon(item) for item in items.all())
    assert ticked["size"] == open_["size"] == ["20px", "20px"]
    assert parse_css_colour(ticked["colour"])[3] > 0.5, f"ticked box is {ticked['colour']}"
    assert parse_css_colour(open_["colour"])[3] == 0.0, f"open box is {open_['colour']}"


def test_tier_table_has_its_header_and_three_tiers(note: NotePage) -> None:
    table = note.page.locator(f"{ARTICLE} table")
    expect(table).to_have_count(1)
    expect(table.locator("thead th")).to_have_text(["Tier", "Responsibility", "Scaling Plans"])
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.locator("td:first-child")).to_have_text(
        ["Edge Cache", "API Tier", "Background Worker"]
    )
    expect(rows.nth(1)).to_contain_text("REST/gRPC APIs, auth, quota")


def test_github_note_alert_is_an_admonition(note: NotePage) -> None:
    alert = note.page.locator(f"{ARTICLE} .admonition.note")
    expect(alert).to_be_visible()
    expect(alert.locator(".admonition-title")).to_have_text("Note")
    expect(alert).to_contain_text(
        "Always enforce deployment guardrails with token dw7txd0yf-0-qmvgmw"
    )
    expect(note.page.locator(ARTICLE)).not_to_contain_text("[!NOTE]")


def test_never_is_struck_through(note: NotePage) -> None:
    struck = note.page.locator(f"{ARTICLE} del")
    expect(struck).to_have_text(["Never"])
    expect(struck).to_have_css("text-decoration-line", "line-through")
    expect(note.page.locator(ARTICLE)).not_to_contain_text("~")


def test_gfm_guide_link_is_there(note: NotePage) -> None:
    link = note.page.get_by_role("link", name="GFM guide")
    expect(link).to_have_attribute("href", "https://github.github.com/gfm/")


def test_note_shows_its_tokens(note: NotePage) -> None:
    article = note.page.locator(ARTICLE)
    expect(article.locator("code", has_text="uv deploy dggll6o4xq-t")).to_have_count(1)
    expect(article.locator("code", has_text="dw7txd0yf-0-qmvgmw")).to_have_count(3)


def test_footnote_reference_jumps_to_its_definition_and_back(
    new_note_page: Callable[[], NotePage],
) -> None:
    page = new_note_page().page
    reference = page.locator(f"{ARTICLE} a.footnote-ref")
    definition = page.locator("[id='fn:compliance-tnznb7tu']")
    expect(definition).not_to_be_in_viewport()

    reference.hover()  # the footnote shows as a tooltip first
    expect(page.locator(".md-tooltip2--active")).to_contain_text("export and review of deployment")

    reference.click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#fn:compliance-tnznb7tu")
    expect(definition).to_be_in_viewport()
    expect(definition).to_contain_text("deployment logs for release dggll6o4xq-t")

    definition.locator("a.footnote-backref").click()
    expect(page.locator("[id='fnref:compliance-tnznb7tu']")).to_be_in_viewport()
    expect(definition).not_to_be_in_viewport()


def test_open_checklist_item_cannot_be_ticked_on_the_site(
    new_note_page: Callable[[], NotePage],
) -> None:
    page = new_note_page().page
    item = page.locator(f"{ARTICLE} li.task-list-item", has_text="All production secrets rotated")
    icon = _tick_icon(item)
    assert icon["hit"] == "task-list-control", "the tick icon is not where the reader clicks"
    page.mouse.click(*icon["centre"])
    expect(item.locator("input[type=checkbox]")).not_to_be_checked()
