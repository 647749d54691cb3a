"""The oracles themselves: they must see the boxes each renderer really draws, or the
differential tests prove nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from box_lines import placed_github_boxes, placed_site_boxes, turn_over
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


def test_site_oracle_shows_raw_html_checkboxes_as_raw() -> None:
    # The site passes raw HTML through: a reader sees the box, which no marker wrote.
    (box,) = site_boxes('<ul><li><input type="checkbox" checked> raw</li></ul>\n')
    assert (box.checked, box.text, box.raw) == (True, "raw", True)
    assert [raw for _, raw in placed_site_boxes('<p><input type="checkbox"> x</p>\n')] == [None]


def test_turning_markers_over() -> None:
    text = "- [ ] a [x]\r\n- [X] b\n- [x](u) [\t] c\n"
    assert turn_over(text, [1, 3]) == "- [x] a [ ]\r\n- [X] b\n- [x](u) [x] c\n"
    assert turn_over(text, [2]) == "- [ ] a [x]\r\n- [ ] b\n- [x](u) [\t] c\n"


def test_site_oracle_finds_each_box_by_its_marker() -> None:
    # Python-Markdown moves footnotes to the end and nests by four spaces: the lines follow
    # the markers, not the order of the HTML.
    text = "a[^1]\n\n[^1]:\n    - [ ] in a footnote\n\n- [x] b\n    - [ ] c\n\n> - [x] q\n"
    placed = placed_site_boxes(text)
    assert [(box.text, line) for box, line in placed] == [
        ("b", 6),
        ("c", 7),
        ("q", 9),
        ("in a footnote", 4),
    ]


def test_site_oracle_asks_line_by_line_when_a_page_changes_shape() -> None:
    # The site expands the tab in `[\t]` to three spaces, so no box; turned over it is `[x]`, a
    # box: the pages turned over bit by bit are not the same boxes, so each line is asked alone.
    text = "- [ ] a\n-\t[\t] b\n- [x] c\n"
    assert len(site_boxes(turn_over(text, [2]))) == len(site_boxes(text)) + 1
    assert [(box.text, line) for box, line in placed_site_boxes(text)] == [("a", 1), ("c", 3)]


def test_github_oracle_places_a_box_by_its_item_and_the_line_that_ticks_it() -> None:
    placed = placed_github_boxes("- [ ] a\n\n  12 [x] y\n\n- [x] b\n  - [ ] c\n")
    assert [(box.text, lines) for box, lines in placed] == [("a", (1, 3)), ("b", (5,)), ("c", (6,))]


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
