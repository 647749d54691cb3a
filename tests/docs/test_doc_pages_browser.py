"""The docs pages in a real chromium: rendered, not raw Markdown, and every link lands somewhere.

Saves a screenshot of each page in test-artifacts/ (docs-<page>.png) for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from archcheck import RULES
from tests.docs.sybil_support.workspace import ROOT
from tests.docs.test_doc_site import PAGES, build
from tests.site.site_build import serve_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Markdown that would show as text if a page did not render as both renderers agree.
RAW_MARKDOWN = ("```", "**", "[!NOTE]", "](", "<!--", "\n- [")

# The article's text outside code, and the links in it that point into this site.
_READ_PAGE = """() => {
    const article = document.querySelector("article").cloneNode(true);
    article.querySelectorAll("pre, code, .headerlink").forEach((node) => node.remove());
    const links = [...document.querySelectorAll("article a[href]")]
        .map((a) => a.href)
        .filter((href) => href.startsWith(location.origin));
    return {text: article.innerText, links: links};
}"""

_IDS = "() => [...document.querySelectorAll('[id]')].map((node) => node.id)"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("docs-browser") / "site"
    build(ROOT, site)
    with serve_site(site) as url:
        yield url


def _missing(page: Page, urls: list[str]) -> list[str]:
    """The links whose page does not load or has no element with the #fragment's id."""
    ids: dict[str, set[str] | None] = {}
    missing = []
    for url in sorted(set(urls)):
        address, _, fragment = url.partition("#")
        if address not in ids:
            response = page.goto(address, wait_until="domcontentloaded")
            ok = response is not None and response.ok
            ids[address] = set(page.evaluate(_IDS)) if ok else None
        found = ids[address]
        if found is None or (fragment and fragment not in found):
            missing.append(url)
    return missing


@pytest.mark.parametrize("name", PAGES)
def test_the_page_renders_and_its_links_land(browser: Browser, site_url: str, name: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    try:
        page.goto(f"{site_url}archcheck/{name}/")
        read = page.evaluate(_READ_PAGE)
        (ROOT / "test-artifacts").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / f"docs-{name}.png"))
        leaked = [raw for raw in RAW_MARKDOWN if raw in read["text"]]
        assert not leaked, f"{name}: raw Markdown shows as text: {leaked}"
        assert page.locator("article h1").count() == 1
        broken = _missing(page, read["links"])
        assert not broken, f"{name}: links to nothing: {broken}"
    finally:
        page.close()


def test_the_rules_page_shows_each_example_as_code(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{site_url}archcheck/rules/")
        sections = page.locator("article h2")
        assert sections.count() == len(RULES)
        blocks = page.locator("article pre")
        texts = [blocks.nth(i).inner_text() for i in range(blocks.count())]
        assert any(text.startswith("- [x] Code reviewed") for text in texts)
        assert any("example.md:2:3: AC101 open checklist item" in text for text in texts)
        # a Mermaid example stays code on this page: it is an example, not a diagram
        assert page.locator("article .mermaid svg").count() == 0
    finally:
        page.close()
