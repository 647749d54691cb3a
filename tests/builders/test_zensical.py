"""Zensical 0.0.73 builds this site from mkdocs.yml but runs none of its plugins or hooks: the
diagram draws offline once a config of its own adds the vendored Mermaid, and the release gate
is `archcheck check` in the same job. The banner and item anchors come from the archcheck.markdown
extension, the Release readiness and Rules pages from `archcheck pages` run before the build."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders.builds import BIN, OPEN_ITEM, run
from tests.site.note_page import NotePage
from tests.site.rendered_diagram import assert_flow_diagram

pytestmark = pytest.mark.slow

UNPKG_MERMAID = "https://unpkg.com/mermaid@"


def test_the_build_runs_no_mkdocs_plugin_or_hook(zensical_root: Path) -> None:
    site = zensical_root / "site"
    assert (site / "index.html").is_file()
    assert not (site / "release-readiness").exists()  # the archcheck plugin's page
    assert not (site / "archcheck" / "rules").exists()  # the hook's page


def test_the_note_renders_every_construct_it_uses(zensical_root: Path) -> None:
    note = (zensical_root / "site" / "index.html").read_text(encoding="utf-8")
    # The task list (one box ticked, one open), the table, the footnote, the alert, the
    # strikethrough and the diagram's source, as the site's Markdown extensions render them.
    assert note.count('class="task-list-item"') == 2
    boxes = re.findall(r'<input [^>]*type="checkbox" disabled[^>]*>', note)
    assert sorted(" checked" in box for box in boxes) == [False, True]
    assert note.count("<table>") == 1
    assert 'class="footnote-ref"' in note and 'class="footnote"' in note
    assert 'class="admonition note"' in note
    assert "<del>Never</del>" in note
    assert "flowchart LR" in note and 'class="mermaid"' in note


def test_the_note_shows_the_release_gate_banner(zensical_root: Path) -> None:
    # The archcheck.markdown extension of mkdocs.yml: Zensical runs Python-Markdown extensions.
    note = (zensical_root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="release-gate"' in note
    assert "Release gate red: 1 of 2 items open" in note
    assert 'href="#gate-all-production-secrets-rotated"' in note
    assert 'id="gate-all-production-secrets-rotated"' in note
    # Each box named by its item's text.
    boxes = re.findall(r'<input [^>]*type="checkbox" disabled[^>]*>', note)
    assert len(boxes) == 2 and all("aria-labelledby=" in box for box in boxes)


def test_the_generated_pages_are_published(zensical_root: Path) -> None:
    # Written by `archcheck pages` before the build (conftest), as Zensical runs no hook.
    site = zensical_root / "site" / "generated"
    readiness = (site / "release-readiness" / "index.html").read_text(encoding="utf-8")
    assert "Not ready: 1 of 2 items open" in readiness
    assert "AC101" in (site / "rules" / "index.html").read_text(encoding="utf-8")


def test_the_gate_is_archcheck_check_in_the_same_job(zensical_root: Path, tmp_path: Path) -> None:
    archcheck = [str(BIN / "archcheck"), "check"]
    red = run(archcheck, zensical_root)
    assert red.returncode == 1, red.output
    assert f"docs/index.md:19:3: {OPEN_ITEM}" in red.output
    ticked = tmp_path / "ticked"
    shutil.copytree(zensical_root, ticked, ignore=shutil.ignore_patterns("site", ".cache"))
    index = ticked / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    assert text.count("- [ ] All production secrets rotated") == 1
    index.write_text(text.replace("- [ ] All production", "- [x] All production"), "utf-8")
    green = run(archcheck, ticked)
    assert green.returncode == 0, green.output


@pytest.mark.browser
def test_with_the_vendored_mermaid_the_diagram_draws_with_no_other_host_asked(
    open_zensical: Callable[[str], NotePage],
) -> None:
    note = open_zensical("")
    assert_flow_diagram(note.page)
    note.page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/javascripts/mermaid.min.js") for url in note.requests)
    assert note.foreign_requests() == []
    assert note.page_errors == []


@pytest.mark.browser
def test_from_mkdocs_yml_alone_the_page_asks_a_cdn_for_mermaid(
    open_zensical_plain: Callable[[str], NotePage],
) -> None:
    note = open_zensical_plain("")
    note.page.wait_for_load_state("networkidle")
    assert [url for url in note.foreign_requests() if url.startswith(UNPKG_MERMAID)], note.requests


def test_the_built_boxes_are_the_ones_the_gate_counted(zensical_root: Path) -> None:
    # No plugin compares them in the build: `archcheck parity` does, from the built HTML.
    compared = run([str(BIN / "archcheck"), "parity", "site"], zensical_root)
    assert compared.returncode == 0, compared.output
    assert "2 boxes shown, 2 counted" in compared.output
