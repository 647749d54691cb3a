"""The site works with no other host: no request leaves the test server, nothing logs errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from note_page import NotePage
from playwright.sync_api import expect
from rendered_diagram import wait_for_diagram

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_reading_searching_and_toggling_stays_local_and_error_free(
    new_note_page: Callable[[], NotePage],
) -> None:
    note = new_note_page()
    page = note.page
    wait_for_diagram(page)
    # Use every feature that could fetch something: the search worker and its index,
    # the palette toggle, the footnote tooltip, the copy button's icon.
    page.locator("input.md-search__input").click()
    page.keyboard.type("edge")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("a.footnote-ref").hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    page.wait_for_load_state("networkidle")

    assert note.requests, "no request was recorded at all: the recorder is not listening"
    assert note.foreign_requests() == []
    assert note.console_errors == []
    assert note.page_errors == []
