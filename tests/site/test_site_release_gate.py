"""The release gate as a reader sees it: the banner on the note and the Release readiness page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from note_page import NotePage
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OPEN_ITEM = "All production secrets rotated"


def table_rows(section: str) -> str:
    """Rows of the table after a heading (Material wraps tables in scroll containers)."""
    return f"xpath=//h2[@id='{section}']/following-sibling::*[1]//tbody/tr"


def test_the_banner_heads_the_note_and_leads_to_the_open_item(
    new_note_page: Callable[[], NotePage], artifacts_dir: Path
) -> None:
    note = new_note_page()
    page = note.page
    banner = page.locator("#release-gate")
    expect(banner).to_be_visible()
    expect(banner.locator(".admonition-title")).to_have_text("Release gate red: 1 of 2 items open")
    title = page.locator("article h1").bounding_box()
    box = banner.bounding_box()
    first_paragraph = page.locator("article > p").first.bounding_box()
    assert title and box and first_paragraph
    assert title["y"] < box["y"] < first_paragraph["y"]  # at the top, under the page title
    page.screenshot(path=artifacts_dir / "release-gate-banner.png")

    banner.get_by_role("link", name=OPEN_ITEM).click()
    assert page.url.endswith("#gate-all-production-secrets-rotated")
    target = page.locator("li:target")
    expect(target).to_contain_text(OPEN_ITEM)
    expect(target).to_be_in_viewport()
    expect(target.locator("input[type=checkbox]")).not_to_be_checked()
    assert note.foreign_requests() == [] and note.page_errors == []


def test_the_readiness_page_is_in_the_nav_and_lists_the_gate(
    new_note_page: Callable[[], NotePage], artifacts_dir: Path
) -> None:
    note = new_note_page()
    page = note.page
    page.locator(".md-nav--primary").get_by_role("link", name="Release readiness").first.click()
    expect(page.locator("article h1")).to_contain_text("Release readiness")
    assert page.url.endswith("/release-readiness/")
    verdict = page.locator("#verdict")
    expect(verdict.locator(".admonition-title")).to_have_text("Not ready: 1 of 2 items open")
    rows = page.locator(table_rows("checklist"))
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("done")
    expect(rows.nth(1)).to_contain_text("open")
    expect(page.locator(table_rows("tokens"))).to_have_count(3)
    page.screenshot(path=artifacts_dir / "release-readiness.png", full_page=True)

    rows.nth(1).get_by_role("link").click()
    expect(page.locator("li:target")).to_contain_text(OPEN_ITEM)
    assert note.foreign_requests() == [] and note.page_errors == []
