"""Fast checks of the site's setup: vendored Mermaid, config, browser discovery, contrast maths."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from chromium_discovery import find_chromium, no_chromium
from colour_contrast import backdrop_of, contrast_ratio, is_dark, over, parse_css_colour
from site_build import MKDOCS_CONFIG, PROJECT_ROOT

MERMAID_JS = PROJECT_ROOT / "docs" / "assets" / "javascripts" / "mermaid.min.js"


def test_vendored_mermaid_matches_its_pin() -> None:
    pin = json.loads(MERMAID_JS.with_name(MERMAID_JS.name + ".json").read_text())
    content = MERMAID_JS.read_bytes()
    assert pin["package"] == "mermaid"
    assert hashlib.sha256(content).hexdigest() == pin["sha256"], "run `make vendor-mermaid`"
    assert len(content) == pin["bytes"]
    # The npm file announces its own version; a swapped file with a stale pin is caught here.
    assert re.search(rb'version:"' + re.escape(pin["version"].encode()) + rb'"', content)


def test_site_loads_the_vendored_mermaid_and_no_web_fonts() -> None:
    config = MKDOCS_CONFIG.read_text(encoding="utf-8")
    assert re.search(r"^\s+javascript: assets/javascripts/mermaid\.min\.js$", config, re.M)
    assert re.search(r"^\s+font: false$", config, re.M)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("rgb(0, 0, 0)", "rgb(255, 255, 255)", 21.0),
        ("rgb(30, 33, 41)", "rgb(30, 33, 41)", 1.0),
        ("rgb(51, 51, 51)", "rgb(30, 33, 41)", 1.27),  # Mermaid's default ink on slate
        ("rgba(255, 255, 255, 0.5)", "rgb(0, 0, 0)", 5.28),
    ],
)
def test_contrast_ratio_follows_wcag(first: str, second: str, expected: float) -> None:
    backdrop = over(second, (255.0, 255.0, 255.0))
    assert contrast_ratio(over(first, backdrop), backdrop) == pytest.approx(expected, abs=0.01)


def test_backdrop_composites_translucent_layers_on_white() -> None:
    assert backdrop_of([]) == (255.0, 255.0, 255.0)
    assert backdrop_of(["rgba(0, 0, 0, 0)", "rgb(30, 33, 41)", "rgba(0, 0, 0, 0)"]) == (
        30.0,
        33.0,
        41.0,
    )
    assert is_dark(backdrop_of(["rgb(30, 33, 41)"]))
    assert not is_dark(backdrop_of(["rgba(0, 0, 0, 0.2)"]))


def test_unreadable_colour_is_rejected() -> None:
    with pytest.raises(ValueError, match="not a computed"):
        parse_css_colour("color(srgb 1 0 0)")


def test_chromium_env_var_wins_over_debian_and_playwright(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen, debian, own = (tmp_path / name for name in ("chosen", "debian", "own"))
    for path in (chosen, debian, own):
        path.touch()
    monkeypatch.setenv("ARCHCHECK_CHROMIUM", str(chosen))
    assert find_chromium(lambda: own, debian=[debian]) == chosen
    monkeypatch.delenv("ARCHCHECK_CHROMIUM")
    assert find_chromium(lambda: own, debian=[tmp_path / "absent", debian]) == debian
    assert find_chromium(lambda: own, debian=[tmp_path / "absent"]) == own
    assert find_chromium(lambda: tmp_path / "absent-too", debian=[tmp_path / "absent"]) is None


def test_playwright_is_asked_only_when_nothing_else_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_playwright() -> Path:
        raise AssertionError("Playwright was started although a chromium was already found")

    debian = tmp_path / "debian"
    debian.touch()
    monkeypatch.delenv("ARCHCHECK_CHROMIUM", raising=False)
    assert find_chromium(no_playwright, debian=[debian]) == debian


def test_chromium_env_var_none_looks_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    debian, own = tmp_path / "debian", tmp_path / "own"
    debian.touch()
    own.touch()
    monkeypatch.setenv("ARCHCHECK_CHROMIUM", "none")
    assert find_chromium(lambda: own, debian=[debian]) is None


def test_chromium_env_var_naming_no_file_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHCHECK_CHROMIUM", str(tmp_path / "absent"))
    with pytest.raises(pytest.fail.Exception, match="is not a file"):
        find_chromium(lambda: tmp_path / "own")


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), (None, pytest.skip.Exception)]
)
def test_missing_chromium_fails_in_ci_and_skips_elsewhere(
    ci: str | None, outcome: type[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no chromium found"):
        no_chromium()
