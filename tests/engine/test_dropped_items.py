"""Dropped items: an open item whose whole own text every renderer strikes through holds no gate
(no AC101) and is reported with the state ``dropped``; anything less stays open.

Each case is checked on a page of no site (GitHub's view only) and on pages of sites that
strike as GitHub does (this repository's mkdocs.yml: pymdownx.tilde, no subscript), that do not
strike at all (no pymdownx.tilde) and that read one tilde as subscript (pymdownx.tilde's
default): what a site shows is asked of the site's own Python-Markdown.
"""

from __future__ import annotations

import json
import pickle
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from archcheck import ChecklistItem, Render, check_source, parse
from archcheck.cache import fingerprint
from archcheck.cli import run
from archcheck.engine import CheckResult
from archcheck.formats import FORMATS
from archcheck.model import ItemState
from archcheck.views.site_config import Site, load_site
from tests.differential.oracles import MKDOCS_YML

DONE, OPEN, DROPPED = ItemState.DONE, ItemState.OPEN, ItemState.DROPPED
STRIKING = load_site(Path(MKDOCS_YML).resolve())  # pymdownx.tilde with subscript: false
TASKS = ("tables", "footnotes", "pymdownx.superfences", "pymdownx.tasklist")
NOT_STRIKING = Site(Path("/plain/mkdocs.yml"), Path("/plain/docs"), TASKS, {})
SUBSCRIPT = Site(
    Path("/sub/mkdocs.yml"), Path("/sub/docs"), (*TASKS, "pymdownx.tilde"), {}
)  # a single tilde is subscript here
SITES = {"no site": None, "striking site": STRIKING}
SITE_YML = """site_name: Dropped
markdown_extensions:
  - pymdownx.tasklist
  - pymdownx.tilde:
      subscript: false
"""


def states(text: str, site: Site | None) -> list[tuple[int, ItemState]]:
    return [(item.line, item.state) for item in parse(text, "a.md", site).checklist]


def open_lines(text: str, site: Site | None) -> list[int]:
    page = check_source(text, "a.md", site=site)
    return [f.line for f in page.findings if f.code == "AC101"]


@pytest.mark.parametrize("site", SITES.values(), ids=SITES.keys())
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- [ ] ~~Migrate the legacy queue~~\n", DROPPED),
        # struck text holding a link, emphasis or code is still all struck
        ("- [ ] ~~Migrate [the queue](q.md) *now* with `tool`~~\n", DROPPED),
        ("- [ ] ~~Migrate~~ ~~the queue~~\n", DROPPED),  # only spaces between struck runs
        ("- [ ] ~~Migrate~~ the queue\n", OPEN),
        ("- [ ] Migrate ~~the queue~~\n", OPEN),
        ("- [ ] ~~Migrate~~\n  the queue\n", OPEN),  # its continuation line is its text too
        ("- [ ] `~~Migrate the queue~~`\n", OPEN),  # tildes in code are no strikethrough
        ("- [ ] ~~Migrate~~[^1]\n\n[^1]: why\n", OPEN),  # the reference's number is not struck
        ("- [ ] ~~![queue](q.png)~~\n", OPEN),  # nothing but an image: no text is struck
        ("- [ ] ~~~~\n", OPEN),  # no text at all
        ("- [x] ~~Migrate the legacy queue~~\n", DONE),
        ("- [X] Migrate ~~the queue~~\n", DONE),
    ],
)
def test_an_item_is_dropped_only_when_all_its_own_text_is_struck(
    text: str, expected: ItemState, site: Site | None
) -> None:
    assert states(text, site) == [(1, expected)]
    assert open_lines(text, site) == ([1] if expected is OPEN else [])


@pytest.mark.parametrize("site", SITES.values(), ids=SITES.keys())
def test_a_nested_item_is_judged_on_its_own_text(site: Site | None) -> None:
    text = (
        "- [ ] ~~Migrate the legacy queue~~\n"
        "    - [ ] Tell the queue's users\n"
        "    - [ ] ~~Rewrite the consumers~~\n"
        "- [ ] Ship the new queue\n"
        "    - [ ] ~~Benchmark it~~\n"
    )
    assert states(text, site) == [(1, DROPPED), (2, OPEN), (3, DROPPED), (4, OPEN), (5, DROPPED)]
    assert open_lines(text, site) == [2, 4]


def test_a_loose_item_with_an_unstruck_paragraph_is_open() -> None:
    # GitHub keeps the paragraph in the item; this site (two-space indent) ends the list first.
    text = "- [ ] ~~Migrate the legacy queue~~\n\n  Still needed for billing.\n"
    assert states(text, None) == [(1, OPEN)]
    assert states(text, STRIKING) == [(1, OPEN)]
    assert states(text.replace("\n  Still", "\n    Still"), STRIKING) == [(1, OPEN)]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("- [ ] ~~Migrate the legacy queue~~\n", NOT_STRIKING),  # the site shows the tildes
        ("- [ ] ~Migrate the legacy queue~\n", STRIKING),  # GitHub strikes one tilde, it not
        ("- [ ] ~Migrate the legacy queue~\n", SUBSCRIPT),  # the site writes subscript
        ("- [ ] <del>Migrate</del>\n", STRIKING),  # GitHub omits raw HTML: plain text there
    ],
    ids=["site-without-tilde", "single-tilde", "single-tilde-subscript", "raw-del"],
)
def test_struck_on_one_renderer_only_is_open(text: str, site: Site) -> None:
    items = parse(text, "a.md", site).checklist
    assert [(i.github, i.site, i.state) for i in items] == [(Render.UNCHECKED,) * 2 + (OPEN,)]
    assert open_lines(text, site) == [1]


def test_one_tilde_strikes_on_github_and_where_the_site_strikes_two() -> None:
    assert states("- [ ] ~Migrate the legacy queue~\n", None) == [(1, DROPPED)]
    assert states("- [ ] ~~Migrate the legacy queue~~\n", SUBSCRIPT) == [(1, DROPPED)]


def test_a_box_only_one_renderer_shows_is_never_dropped() -> None:
    # A list glued to a paragraph is prose on the site: it fails as open and as a disagreement.
    text = "Release steps:\n- [ ] ~~Migrate the legacy queue~~\n"
    (item,) = parse(text, "a.md", STRIKING).checklist
    assert (item.github, item.site, item.state) == (Render.UNCHECKED, Render.NOT_A_BOX, OPEN)
    codes = [f.code for f in check_source(text, "a.md", site=STRIKING).findings]
    assert codes == ["AC101", "AC102"]


def test_a_dropped_item_is_not_checked_and_not_both() -> None:
    (item,) = parse("- [ ] ~~Migrate~~\n").checklist
    assert (item.checked, item.dropped, item.state) == (False, True, DROPPED)
    with pytest.raises(ValueError, match="done or dropped, not both"):
        ChecklistItem("a.md", 1, 3, True, "a", "[x]", Render.CHECKED, None, 0, 0, dropped=True)


def test_a_waiver_of_a_dropped_item_covers_nothing_as_one_of_a_ticked_item() -> None:
    until = (date.today() + timedelta(days=30)).isoformat()
    waiver = f'<!-- archcheck: waive AC101 until={until} reason="later" -->\n'

    def outcome(item: str) -> tuple[list[tuple[str, str]], list[int]]:
        page = check_source(waiver + item, "a.md")
        return [(f.code, f.message) for f in page.findings], [len(w.covers) for w in page.waivers]

    assert outcome("- [ ] ~~Migrate~~\n") == outcome("- [x] Migrate\n")
    assert outcome("- [ ] ~~Migrate~~\n") == ([("AC001", "waiver of AC101 covers no finding")], [0])


def test_json_items_carry_their_state() -> None:
    text = "- [x] Reviewed\n- [ ] Rotated\n- [ ] ~~Migrated~~\n"
    result = CheckResult(items=parse(text, "a.md", STRIKING).checklist)
    items = json.loads(FORMATS["json"](result, "checklist"))["items"]
    assert [(i["text"], i["checked"], i["state"]) for i in items] == [
        ("Reviewed", True, "done"),
        ("Rotated", False, "open"),
        ("Migrated", False, "dropped"),
    ]
    assert all("dropped" not in i for i in items)  # one key says where an item stands
    assert list(items[0])[2:5] == ["column", "checked", "state"]


def test_the_cli_passes_a_page_whose_open_items_are_all_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end, through the page cache: a second run is served from it, the same."""
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(SITE_YML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "release.md"
    page.write_text("# Release\n\n- [x] Reviewed\n- [ ] ~~Migrated~~\n", encoding="utf-8")
    outputs = []
    for _ in range(2):
        assert run(["checklist", "--format", "json", "docs/release.md"]) == 0
        outputs.append(capsys.readouterr().out)
        assert list((tmp_path / "cache").iterdir())
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert [(i["state"], i["site"]) for i in data["items"]] == [
        ("done", "checked"),
        ("dropped", "unchecked"),
    ]
    page.write_text("# Release\n\n- [x] Reviewed\n- [ ] ~~Migrated~~ later\n", encoding="utf-8")
    assert run(["checklist", "docs/release.md"]) == 1
    assert "AC101 open checklist item: 'Migrated later'" in capsys.readouterr().out


def test_cached_items_keep_their_state_and_a_changed_model_is_a_new_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (item,) = parse("- [ ] ~~Migrate~~\n").checklist
    assert pickle.loads(pickle.dumps(item)) == item
    # The cache file is named by a digest of archcheck's code: a changed model.py names
    # another file, so no entry pickled with the old fields is read back.
    copy = tmp_path / "archcheck"
    shutil.copytree(fingerprint.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PACKAGE", copy)
    before = fingerprint.code_digest()
    model = copy / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint.code_digest() != before
