"""Light and dark palettes: the toggle works, the diagram stays readable, screenshots are kept."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from colour_contrast import (
    GRAPHICS_MIN_CONTRAST,
    TEXT_MIN_CONTRAST,
    backdrop_of,
    contrast_ratio,
    is_dark,
    over,
)
from note_page import NotePage
from playwright.sync_api import Browser, Page, expect
from rendered_diagram import wait_for_diagram
from site_build import PROJECT_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

README_SCREENSHOT = PROJECT_ROOT / "docs" / "assets" / "screenshot.webp"

_DIAGRAM_COLOURS = """
() => {
  const host = document.querySelector(".md-content .mermaid");
  const svg = host.shadowRoot.querySelector("svg");
  const backgrounds = [];
  for (let element = host; element; element = element.parentElement) {
    backgrounds.unshift(getComputedStyle(element).backgroundColor);
  }
  const style = (selector, property) =>
    [...svg.querySelectorAll(selector)].map((el) => getComputedStyle(el)[property]);
  return {
    backgrounds,
    nodeFill: style("g.node rect", "fill")[0],
    labels: style("g.node .nodeLabel", "color"),
    edges: style("path.flowchart-link", "stroke"),
  };
}
"""


def assert_diagram_readable(page: Page) -> bool:
    """Box labels and arrows contrast with what is behind them; returns whether that is dark."""
    colours: dict[str, Any] = page.evaluate(_DIAGRAM_COLOURS)
    backdrop = backdrop_of(colours["backgrounds"])
    box = over(colours["nodeFill"], backdrop)
    assert colours["labels"] and colours["edges"]
    for label in colours["labels"]:
        ratio = contrast_ratio(over(label, box), box)
        assert ratio >= TEXT_MIN_CONTRAST, f"box label {label} on {box}: contrast {ratio:.2f}"
    for edge in colours["edges"]:
        ratio = contrast_ratio(over(edge, backdrop), backdrop)
        assert ratio >= GRAPHICS_MIN_CONTRAST, f"arrow {edge} on {backdrop}: contrast {ratio:.2f}"
    return is_dark(backdrop)


def png_to_webp(browser: Browser, png: bytes, quality: float = 0.9) -> bytes:
    """Re-encode a PNG as WebP with chromium's own encoder (no imaging library needed)."""
    page = browser.new_page()
    try:
        data_url: str = page.evaluate(
            """async ([source, quality]) => {
              const image = new Image();
              image.src = source;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              canvas.getContext("2d").drawImage(image, 0, 0);
              return canvas.toDataURL("image/webp", quality);
            }""",
            [f"data:image/png;base64,{base64.b64encode(png).decode()}", quality],
        )
    finally:
        page.close()
    assert data_url.startswith("data:image/webp;base64,"), "chromium did not encode WebP"
    return base64.b64decode(data_url.partition(",")[2])


def test_light_page_is_readable_and_becomes_the_readme_screenshot(
    new_note_page: Callable[[], NotePage], browser: Browser, artifacts_dir: Path
) -> None:
    page = new_note_page().page
    wait_for_diagram(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert not assert_diagram_readable(page), "the default palette should be light"

    png = page.screenshot(path=artifacts_dir / "site-light.png", full_page=True)
    webp = png_to_webp(browser, png)
    (artifacts_dir / "site-light.webp").write_bytes(webp)
    # A test run never edits tracked files; `make screenshot` refreshes the README's picture.
    if os.environ.get("UPDATE_SCREENSHOT") == "1" and (
        not README_SCREENSHOT.is_file() or README_SCREENSHOT.read_bytes() != webp
    ):
        README_SCREENSHOT.write_bytes(webp)


def test_dark_toggle_switches_palette_and_keeps_diagram_readable(
    new_note_page: Callable[[], NotePage], artifacts_dir: Path
) -> None:
    page = new_note_page().page
    wait_for_diagram(page)

    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.get_by_title("Switch to light mode")).to_be_visible()
    assert assert_diagram_readable(page), "the page behind the diagram did not turn dark"
    page.screenshot(path=artifacts_dir / "site-dark.png", full_page=True)

    page.get_by_title("Switch to light mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert not assert_diagram_readable(page)
