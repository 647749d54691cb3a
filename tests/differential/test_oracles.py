"""The oracles themselves: they must see the boxes each renderer really draws, or the
differential tests prove nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from oracles import Box, boxes_in_html, github_boxes, site_boxes, site_extensions

SPEC = Path(__file__).resolve().parents[1] / "corpus" / "spec"
MANIFEST = json.loads((SPEC / "manifest.json").read_text(encoding="utf-8"))


def unlined(boxes: list[Box]) -> list[Box]:
    return [Box(None, b.checked, b.text, b.depth) for b in boxes]


@pytest.mark.parametrize("example", MANIFEST["examples"], ids=lambda e: e["file"])
def test_github_oracle_reads_the_spec_example_as_the_spec_renders_it(example: dict) -> None:
    markdown = (SPEC / example["file"]).read_bytes().decode("utf-8")
    expected = boxes_in_html(example["html"])
    assert unlined(github_boxes(markdown)) == expected, (
        f"{example['file']} (spec.txt line {example['spec_line']}): cmark-gfm's boxes differ "
        "from the HTML the spec expects"
    )


def test_the_spec_task_list_examples_have_boxes() -> None:
    # Guards the test above against passing because the extractor finds nothing anywhere.
    boxes = [
        len(boxes_in_html(e["html"]))
        for e in MANIFEST["examples"]
        if e["section"] == "Task list items (extension)"
    ]
    assert boxes == [2, 4]


def test_github_oracle_gives_source_lines_states_and_text() -> None:
    text = "Intro\n\n- [ ] open *item*\n- [x] done\n  - [X] nested `code`\n"
    assert github_boxes(text) == [
        Box(3, False, "open item", 0),
        Box(4, True, "done", 0),
        Box(5, True, "nested code", 1),
    ]


def test_github_oracle_ignores_raw_html_checkboxes() -> None:
    assert github_boxes('<ul><li><input type="checkbox" checked> raw</li></ul>\n') == []


def test_site_oracle_ignores_raw_html_checkboxes() -> None:
    assert site_boxes('<ul><li><input type="checkbox" checked> raw</li></ul>\n') == []


def test_site_oracle_reads_loose_items_and_nesting() -> None:
    text = "- [ ] a\n\n- [x] b\n    - [ ] c\n"
    assert site_boxes(text) == [
        Box(None, False, "a", 0),
        Box(None, True, "b", 0),
        Box(None, False, "c", 1),
    ]


def test_site_oracle_reads_pages_the_way_mkdocs_does() -> None:
    # A BOM, CRLF line endings and YAML front matter never reach Python-Markdown.
    text = "\ufeff---\r\ntitle: t\r\n---\r\n- [x] after\r\n"
    assert site_boxes(text) == [Box(None, True, "after", 0)]


def test_established_renderer_differences_still_hold() -> None:
    # The facts the parity logic is built on; if a renderer upgrade changes one, this says which.
    assert github_boxes("> - [ ] q\n") == []
    assert unlined(site_boxes("> - [ ] q\n")) == [Box(None, False, "q", 0)]
    assert github_boxes("- [ ] text [x]\n") == [Box(1, True, "text [x]", 0)]
    assert site_boxes("- [ ] text [x]\n") == [Box(None, False, "text [x]", 0)]
    assert github_boxes("Para\n- [ ] a\n") == [Box(2, False, "a", 0)]
    assert site_boxes("Para\n- [ ] a\n") == []
    assert [b.depth for b in site_boxes("- [ ] a\n  - [ ] b\n")] == [0, 0]
    assert [b.depth for b in github_boxes("- [ ] a\n  - [ ] b\n")] == [0, 1]


def test_site_oracle_loads_the_extensions_mkdocs_yml_names() -> None:
    names, options = site_extensions()
    assert names[:3] == ["toc", "tables", "fenced_code"]
    assert "pymdownx.tasklist" in names
    assert options["pymdownx.quotes"] == {"callouts": True}
