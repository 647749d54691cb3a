"""The diagram assertion fails on a site whose diagram is broken (a test that can fail)."""

from __future__ import annotations

from pathlib import Path

import pytest
from note_page import open_note
from playwright.sync_api import Browser
from rendered_diagram import assert_flow_diagram
from site_build import build_site, copy_site_sources, serve_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FLOW_FENCE = "```mermaid\nflowchart LR\nedge-bdxib --> api-g\napi-g --> worker-y\n```"


@pytest.mark.parametrize(
    ("broken_fence", "reported"),
    [
        pytest.param(
            FLOW_FENCE.replace("flowchart LR\n", ""),
            "not drawn; the page reported: .*No diagram type",
            id="header-lost",
        ),
        pytest.param(
            FLOW_FENCE.replace("--> worker-y", "--> worker-z"),
            "diagram nodes .*worker-z",
            id="node-misspelt",
        ),
        pytest.param(
            FLOW_FENCE.replace("api-g --> worker-y\n", ""),
            "diagram nodes .*'api-g', 'edge-bdxib'\\), expected",
            id="arrow-lost",
        ),
    ],
)
def test_diagram_assertion_fails_on_broken_diagram(
    broken_fence: str, reported: str, browser: Browser, tmp_path: Path
) -> None:
    config = copy_site_sources(tmp_path)
    page_source = tmp_path / "docs" / "index.md"
    note = page_source.read_text(encoding="utf-8")
    assert FLOW_FENCE in note, "the note's diagram fence changed: update FLOW_FENCE"
    page_source.write_text(note.replace(FLOW_FENCE, broken_fence), encoding="utf-8")
    build_site(config, tmp_path / "site")

    with serve_site(tmp_path / "site") as url:
        opened = open_note(browser, url)
        try:
            with pytest.raises(AssertionError, match=reported):
                assert_flow_diagram(opened.page)
        finally:
            opened.close()
