"""ProperDocs 1.6.7 builds this site as MkDocs does: the archcheck plugin runs (the strict build
is the release gate, the banner and the Release readiness page are there), the hook adds the
Rules page, and the vendored Mermaid draws the diagram with no other host asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders.builds import OPEN_ITEM, Build
from tests.site.note_page import NotePage
from tests.site.rendered_diagram import assert_flow_diagram

pytestmark = pytest.mark.slow


def test_the_strict_build_fails_on_the_open_item(properdocs_gate: Build) -> None:
    assert properdocs_gate.returncode == 1, properdocs_gate.output
    assert f"docs/index.md:19:3: {OPEN_ITEM}" in properdocs_gate.output
    assert "Aborted with 1 errors in strict mode!" in properdocs_gate.output


def test_with_open_items_allowed_the_build_shows_the_banner_and_the_readiness_page(
    properdocs_site: Path,
) -> None:
    note = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'id="release-gate"' in note
    readiness = properdocs_site / "release-readiness" / "index.html"
    assert "All production secrets rotated" in readiness.read_text(encoding="utf-8")


def test_the_hook_generates_the_rules_page(properdocs_site: Path) -> None:
    rules = (properdocs_site / "archcheck" / "rules" / "index.html").read_text(encoding="utf-8")
    assert "AC101" in rules


@pytest.mark.browser
def test_the_diagram_draws_with_no_other_host_asked(
    open_properdocs: Callable[[str], NotePage],
) -> None:
    note = open_properdocs("")
    assert_flow_diagram(note.page)
    note.page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/javascripts/mermaid.min.js") for url in note.requests)
    assert note.foreign_requests() == []
    assert note.page_errors == []
