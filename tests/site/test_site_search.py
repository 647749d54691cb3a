"""The built-in search finds the note's component ids, offline."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from note_page import NotePage
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def search_for(page: Page, query: str) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.clear()
    page.keyboard.type(query)  # Material searches on key events, as a reader types


def test_search_finds_worker_y(new_note_page: Callable[[], NotePage]) -> None:
    page = new_note_page().page
    search_for(page, "worker-y")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("worker-y")
    expect(results.first.locator("a").first).to_have_attribute(
        "href", re.compile(rf"^{re.escape(page.url)}")
    )

    search_for(page, "qzxvbnm")
    expect(page.locator(".md-search-result__meta")).to_have_text("No matching documents")
    expect(results).to_have_count(0)
