"""Fixtures and hooks shared by every test folder: one chromium per session, however the tests
are ordered, and one line at the end of a run that says how many browser tests did not run."""

from __future__ import annotations

from collections.abc import Generator, Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.site.chromium_discovery import NO_CHROMIUM, launch_chromium, require_chromium


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Looked for before this Playwright starts: finding Playwright's own download takes one of
    # its own, and Playwright's sync API allows one instance per thread. A second instance,
    # opened by another folder's fixture while this one lives, would fail too, so it is shared.
    executable = require_chromium()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, executable)
        yield browser
        browser.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A test that drives chromium is a browser test, whether or not it says so.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before any fixture: without chromium no browser test builds a site it cannot open.
    if item.get_closest_marker("browser"):
        require_chromium()


def _skipped_for_no_chromium(report: pytest.TestReport) -> bool:
    longrepr = report.longrepr
    return isinstance(longrepr, tuple) and longrepr[2] == f"Skipped: {NO_CHROMIUM}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> Generator[None]:
    # The outermost wrapper, so the line comes after the short test summary, just above the
    # final counts.
    yield
    skipped = terminalreporter.stats.get("skipped", [])
    count = sum(_skipped_for_no_chromium(report) for report in skipped)
    if count:
        tests = "browser test" if count == 1 else "browser tests"
        terminalreporter.write_line(f"{count} {tests} skipped ({NO_CHROMIUM})", yellow=True)
