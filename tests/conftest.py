"""Fixtures shared by every test folder: one chromium per session, however the tests are ordered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.site.chromium_discovery import launch_chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API allows one instance per thread: a second one, opened by another
    # folder's fixture while this one lives, would fail, so the browser is shared.
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()
