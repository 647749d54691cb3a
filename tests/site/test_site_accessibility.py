"""Every page of the built site, in the light and the dark palette, as axe-core judges it (WCAG 2.1
A and AA), and the checklist boxes as a reader who does not see colour, or uses a screen reader,
meets them. The figures each run measured are kept in test-artifacts/ (accessibility-*.json)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from axe_core import Violation, count_by_impact, run_axe
from colour_contrast import GRAPHICS_MIN_CONTRAST, backdrop_of, contrast_ratio, over
from note_page import NotePage, open_note
from playwright.sync_api import Browser, Locator, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

Palette = Literal["light", "dark"]
PALETTES: tuple[Palette, ...] = ("light", "dark")
SCHEME = {"light": "default", "dark": "slate"}  # Material's name for each palette
ARTICLE = "article.md-content__inner"
OPEN_ITEM = "All production secrets rotated"
TICKED_ITEM = "Code reviewed and tested in staging"

_DIAGRAMS_DRAWN = """
() => [...document.querySelectorAll(".md-content .mermaid")]
  .every((host) => host.shadowRoot?.querySelector("svg"))
"""

# The box is the indicator's ::before (Material hides the real input); what outlines it is its
# border, or, with none, the fill its mask lets through (Material's own faint circle).
_BOX = """
(item) => {
  const indicator = item.querySelector(".task-list-indicator");
  const box = getComputedStyle(indicator, "::before");
  const tick = getComputedStyle(indicator, "::after");
  const backgrounds = [];
  for (let element = indicator; element; element = element.parentElement) {
    backgrounds.unshift(getComputedStyle(element).backgroundColor);
  }
  const sides = ["Top", "Right", "Bottom", "Left"];
  const bordered = sides.every(
    (side) => box[`border${side}Style`] === "solid" && parseFloat(box[`border${side}Width`]) >= 1,
  );
  return {
    backgrounds,
    bordered,
    edge: bordered ? box.borderTopColor : box.backgroundColor,
    fill: box.backgroundColor,
    mask: box.maskImage,
    tick: tick.content === "none" ? null : tick.borderRightColor,
  };
}
"""


def site_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as a path under its URL ("" for the home page)."""
    pages = [
        str(path.relative_to(site_dir)).removesuffix("index.html")
        for path in sorted(site_dir.rglob("*.html"))
    ]
    return sorted(pages, key=lambda page: (page != "", page))


def nav_pages(site_dir: Path) -> set[str]:
    """The pages the home page's navigation links to, as paths under the site's URL."""
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a\b[^>]*class="md-nav__link[^"]*"[^>]*href="([^"#]*)"', home)
    links += re.findall(r'<a\b[^>]*href="([^"#]*)"[^>]*class="md-nav__link', home)
    return {link.removeprefix("./").removeprefix(".") for link in links}


def open_in(browser: Browser, site_url: str, page: str, palette: Palette) -> NotePage:
    """``page`` of the site for a reader who prefers ``palette``, its diagrams drawn."""
    note = open_note(browser, site_url, page, color_scheme=palette)
    expect(note.page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEME[palette])
    note.page.wait_for_function(_DIAGRAMS_DRAWN)
    return note


def record(artifacts_dir: Path, name: str, figures: object) -> None:
    """Keep what a run measured for people to read (test-artifacts/ is git-ignored)."""
    path = artifacts_dir / f"accessibility-{name}.json"
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


# -- axe-core over every page ----------------------------------------------------------------


def test_every_page_in_the_navigation_is_one_axe_checks(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert {"", "release-readiness/", "archcheck/rules/", "404.html"} <= set(pages)
    assert len(nav_pages(built_site)) >= 12, nav_pages(built_site)
    assert nav_pages(built_site) <= set(pages)


@pytest.mark.parametrize("palette", PALETTES)
def test_no_page_has_a_serious_or_critical_axe_violation(
    palette: Palette,
    browser: Browser,
    site_url: str,
    built_site: Path,
    axe_script: Path,
    artifacts_dir: Path,
    record_property: Any,
) -> None:
    found: dict[str, list[Violation]] = {}
    for page in site_pages(built_site):
        note = open_in(browser, site_url, page, palette)
        try:
            found[page or "index.html"] = run_axe(note.page, axe_script)
        finally:
            note.close()
    counts = {page: count_by_impact(violations) for page, violations in found.items()}
    described = {page: [v.describe() for v in violations] for page, violations in found.items()}
    record(artifacts_dir, f"axe-{palette}", {"rules broken": counts, "violations": described})
    record_property(f"axe-{palette}", json.dumps(counts))
    failing = [
        f"{page} ({palette}): {violation.describe()}"
        for page, violations in found.items()
        for violation in violations
        if violation.fails()
    ]
    assert not failing, "axe-core (WCAG 2.1 A/AA):\n" + "\n".join(failing)


def test_axe_reports_an_unlabelled_field_and_unreadable_text(
    browser: Browser, site_url: str, axe_script: Path
) -> None:
    """The check above can fail: the same run over a page given two faults names both."""
    note = open_in(browser, site_url, "", "light")
    try:
        assert not [v for v in run_axe(note.page, axe_script) if v.fails()]
        note.page.locator(ARTICLE).evaluate(
            """(article) => article.insertAdjacentHTML("beforeend",
              '<input type="text" id="no-name">' +
              '<p id="faint" style="color: #ddd; background: #fff">hard to read</p>')"""
        )
        faults = {v.rule: v for v in run_axe(note.page, axe_script) if v.fails()}
    finally:
        note.close()
    assert set(faults) == {"label", "color-contrast"}, faults
    assert faults["label"].impact == "critical"
    assert faults["label"].targets == ("#no-name",)
    assert faults["color-contrast"].targets == ("#faint",)
    assert faults["color-contrast"].describe().startswith("color-contrast [serious] ")


# -- the checklist boxes ---------------------------------------------------------------------


@pytest.fixture(params=PALETTES)
def note_in_palette(
    request: pytest.FixtureRequest, browser: Browser, site_url: str
) -> Iterator[tuple[Palette, Page]]:
    note = open_in(browser, site_url, "", request.param)
    yield request.param, note.page
    note.close()


def _box(page: Page, text: str) -> dict[str, Any]:
    item = page.locator(f"{ARTICLE} li.task-list-item", has_text=text)
    item.scroll_into_view_if_needed()
    box: dict[str, Any] = item.evaluate(_BOX)
    return box


def edge_contrast(box: dict[str, Any]) -> float:
    """How the box's outline stands out from the page behind it (WCAG 1.4.11 wants 3:1)."""
    backdrop = backdrop_of(box["backgrounds"])
    return contrast_ratio(over(box["edge"], backdrop), backdrop)


def test_an_open_box_is_outlined_at_3_to_1_against_the_page(
    note_in_palette: tuple[Palette, Page], artifacts_dir: Path, record_property: Any
) -> None:
    palette, page = note_in_palette
    box = _box(page, OPEN_ITEM)
    ratio = edge_contrast(box)
    record(artifacts_dir, f"open-box-{palette}", {**box, "contrast": round(ratio, 2)})
    record_property(f"open-box-contrast-{palette}", f"{ratio:.2f}")
    assert box["bordered"], f"the open box has no border all round: {box}"
    assert box["mask"] == "none", "a mask would cut the border away"
    assert ratio >= GRAPHICS_MIN_CONTRAST, f"open box {box['edge']}: contrast {ratio:.2f}"


def test_a_ticked_box_differs_from_an_open_one_by_its_tick_not_only_colour(
    note_in_palette: tuple[Palette, Page],
) -> None:
    _, page = note_in_palette
    ticked, open_ = _box(page, TICKED_ITEM), _box(page, OPEN_ITEM)
    assert open_["tick"] is None, "an open box shows no tick"
    assert ticked["tick"] is not None, "a ticked box shows a tick mark"
    # The tick is drawn on the box's fill, and has to stand out from it as the box from the page.
    backdrop = backdrop_of(ticked["backgrounds"])
    fill = over(ticked["fill"], backdrop)
    assert contrast_ratio(over(ticked["tick"], fill), fill) >= GRAPHICS_MIN_CONTRAST
    assert edge_contrast(ticked) >= GRAPHICS_MIN_CONTRAST


def test_the_measurement_catches_a_faint_box(note_in_palette: tuple[Palette, Page]) -> None:
    _, page = note_in_palette
    page.add_style_tag(
        content=".md-typeset .task-list-indicator::before"
        " { border-color: var(--md-default-fg-color--lightest) !important }"
    )
    assert edge_contrast(_box(page, OPEN_ITEM)) < GRAPHICS_MIN_CONTRAST


def test_each_box_is_named_by_its_item_s_text(note_in_palette: tuple[Palette, Page]) -> None:
    _, page = note_in_palette
    article = page.locator(ARTICLE)
    boxes = article.get_by_role("checkbox")
    expect(boxes).to_have_count(2)
    expect(article.get_by_role("checkbox", name=TICKED_ITEM, exact=True)).to_be_checked()
    expect(article.get_by_role("checkbox", name=OPEN_ITEM, exact=True)).not_to_be_checked()


# -- links in text ---------------------------------------------------------------------------


def _link_lines(links: Locator) -> list[tuple[str, str]]:
    return [
        (link.inner_text(), link.evaluate("(a) => getComputedStyle(a).textDecorationLine"))
        for link in links.all()
    ]


def test_links_in_text_are_underlined(note_in_palette: tuple[Palette, Page]) -> None:
    _, page = note_in_palette
    in_text = page.locator(f"{ARTICLE} :is(p, li, td) a:not(.headerlink)")
    lines = _link_lines(in_text)
    assert ("GFM guide", "underline") in lines
    assert all(line == "underline" for _, line in lines), lines
