"""A note's own settings in its front matter: release, tokens, components, checklist. A site with
two architecture notes, each with its own tiers and checklist, is judged note by note, with one
verdict per release in the CLI and the audit record."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.cli import run
from archcheck.config import Config, ConfigError
from archcheck.engine import check, check_source
from archcheck.notes import FRONT_MATTER, read_note

PAYMENTS = """\
---
archcheck:
  release: pay-2031-07
  tokens: {policy: "pay-7f3-kq"}
  components: {Gateway: gateway, Ledger: ledger}
  checklist: required
---
# Payments

Release `pay-2031-07` ships under policy `pay-7f3-kq`.

| Tier | Job |
| --- | --- |
| Gateway | takes payments |
| Ledger | records them |

```mermaid
flowchart LR
    gateway --> ledger
```

- [x] Load tested
- [ ] Card vault rotated
"""

SEARCH = """\
---
archcheck:
  release: search-2031-08
  components: {Indexer: indexer, Query API: query}
---
# Search

Release `search-2031-08`.

| Tier | Job |
| --- | --- |
| Indexer | builds the index |
| Query API | answers queries |

```mermaid
flowchart LR
    indexer --> query
```

- [x] Index rebuilt
"""


@pytest.fixture
def two_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "payments.md").write_text(PAYMENTS)
    (tmp_path / "docs" / "search.md").write_text(SEARCH)
    (tmp_path / "archcheck.toml").write_text('docs = "docs"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes_at(result: object) -> list[tuple[str, str, int]]:
    return [(f.code, f.path, f.line) for f in result.findings]  # type: ignore[attr-defined]


def test_each_note_is_held_to_its_own_components_only(two_notes: Path) -> None:
    result = check()
    # Only the one real open item: no note is checked against the other's tiers.
    assert codes_at(result) == [("AC101", "docs/payments.md", 23)]


def test_each_release_gets_its_own_verdict(two_notes: Path) -> None:
    verdicts = {v.release: v for v in check().releases}
    assert set(verdicts) == {"pay-2031-07", "search-2031-08"}
    assert not verdicts["pay-2031-07"].green
    assert verdicts["pay-2031-07"].headline() == "release pay-2031-07: red, 1 of 2 items open"
    assert verdicts["search-2031-08"].green
    assert verdicts["search-2031-08"].pages == ("docs/search.md",)


def test_the_cli_ends_with_each_release_and_a_summary(
    two_notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == (
        "docs/payments.md:23:3: AC101 open checklist item: 'Card vault rotated'\n"
    )
    assert captured.err.splitlines() == [
        "release pay-2031-07: red, 1 of 2 items open",
        "release search-2031-08: green, 1 item done",
        "checked 2 files (2 with checklists): 1 open item, 1 error",
    ]


def test_one_release_can_go_green_while_another_is_open(
    two_notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--release", "search-2031-08"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "release search-2031-08: green, 1 item done",
        "checked 1 file (1 with checklist): no findings",
    ]
    assert run(["check", "--release", "pay-2031-07"]) == 1


def test_an_unknown_release_is_refused(two_notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--release", "pay-2031-7"]) == 2
    assert capsys.readouterr().err == (
        "archcheck: --release pay-2031-7: expected a release a checked page belongs to, got "
        "none (releases: pay-2031-07, search-2031-08)\n"
    )


def test_a_finding_outside_every_note_holds_every_release(two_notes: Path) -> None:
    (two_notes / "archcheck.toml").write_text('docs = "docs"\n[tokens]\nticket = "ops-4411"\n')
    verdicts = check().releases
    assert [v.green for v in verdicts] == [False, False]  # AC202 in archcheck.toml: both red
    assert all("AC202" in v.reasons() for v in verdicts)


def test_the_audit_record_has_one_verdict_per_release(
    two_notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["release"] is None
    assert [(r["release"], r["ready"], r["pages"]) for r in report["releases"]] == [
        ("pay-2031-07", False, ["docs/payments.md"]),
        ("search-2031-08", True, ["docs/search.md"]),
    ]
    assert run(["report", "--release", "search-2031-08"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["release"] == "search-2031-08"
    assert [i["text"] for i in report["checklist"]] == ["Index rebuilt"]
    assert report["verdict"]["ready"] is True
    assert run(["report", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Release audit: pay-2031-07, search-2031-08\n")
    assert "## Releases" in markdown


def test_note_tokens_add_to_the_configuration_s(tmp_path: Path) -> None:
    config = Config(root=tmp_path, tokens={"project": "dgGlL6o4XQ-T"})
    text = PAYMENTS.replace("ships under", "of dgGlL6o4XQ-X ships under")
    found = {(f.code, f.line) for f in check_source(text, "p.md", config).findings}
    assert ("AC201", 10) in found  # the configuration's token still holds in the note


def test_the_front_matter_is_declarations_not_mentions() -> None:
    text = PAYMENTS.replace("ships under policy `pay-7f3-kq`", "ships")
    result = check_source(text, "p.md")
    assert [(f.code, f.line, f.column) for f in result.findings if f.code == "AC203"] == [
        ("AC203", 4, 12)
    ]
    assert all(ref.line > 7 for ref in result.tokens)


def test_a_release_note_without_a_checklist_is_a_finding() -> None:
    text = PAYMENTS.split("- [x]")[0]
    found = [f for f in check_source(text, "p.md").findings if f.code == "AC105"]
    assert [(f.line, f.message) for f in found] == [
        (6, "the note requires a checklist (checklist: required) and has no checklist item")
    ]


def test_front_matter_without_an_archcheck_key_changes_nothing() -> None:
    assert read_note("---\ntitle: Payments\n---\n# x\n") is None
    assert read_note("# x\n\narchcheck:\n  release: a\n") is None  # not front matter


def test_archcheck_reads_front_matter_as_mkdocs_does() -> None:
    from mkdocs.utils.meta import YAML_RE

    assert FRONT_MATTER.pattern == YAML_RE.pattern and FRONT_MATTER.flags == YAML_RE.flags


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("archcheck:\n  relase: a\n", 3, "front matter archcheck.relase: unknown key"),
        ("archcheck:\n  release: 2031-07-01\n", 3, "got a date (quote it to make it a string)"),
        ("archcheck:\n  tokens: [a, b]\n", 3, "archcheck.tokens: expected a table"),
        ("archcheck:\n  tokens:\n    policy: 7\n", 4, "tokens.policy: expected a non-empty string"),
        ("archcheck:\n  checklist: yes\n", 3, "expected required or optional, got True"),
        ("archcheck: [1]\n", 2, "front matter archcheck: expected a table"),
        ("archcheck:\n  release: [\n", 4, "front matter: expected YAML"),
        (
            "archcheck:\n  release: a-1\n  tokens: {other: a-1}\n",
            4,
            "tokens.other: expected a value of its own, got 'a-1', the value of release too",
        ),
    ],
)
def test_settings_archcheck_cannot_read_stop_the_run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    front: str,
    line: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.md").write_text(f"---\n{front}---\n- [x] a\n")
    assert run(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"archcheck: docs/note.md:{line}: ") and message in err, err
    assert len(err.splitlines()) == 1
    with pytest.raises(ConfigError, match=f"^note.md:{line}: "):
        check_source(f"---\n{front}---\n", "note.md")


def test_a_note_in_a_site_is_judged_by_its_settings_in_a_real_build(two_notes: Path) -> None:
    (two_notes / "mkdocs.yml").write_text(
        "site_name: Two notes\nmarkdown_extensions:\n  - tables\n  - pymdownx.tasklist\n"
        "plugins:\n  - archcheck\n"
    )
    build = subprocess.run(
        [Path(sys.executable).parent / "mkdocs", "build", "--strict"],
        cwd=two_notes,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 1, build.stderr
    # Only the open item, never a tier of the other note.
    errors = [line for line in build.stderr.splitlines() if "AC" in line]
    assert errors and all("AC101" in line for line in errors), build.stderr
    html = (two_notes / "site" / "search" / "index.html").read_text()
    assert "archcheck:" not in html  # MkDocs strips the front matter
    assert "Release <code>search-2031-08</code>" in html  # the page's banner names its release
    # One line per release in the terminal, each saying why.
    assert "release gate red for pay-2031-07: 1 of 2 items open (docs/payments.md:23)" in (
        build.stderr
    )
    assert "release gate green for search-2031-08: 1 item done" in build.stderr
    readiness = (two_notes / "site" / "release-readiness" / "index.html").read_text()
    assert '<h2 id="releases">Releases</h2>' in readiness
    assert readiness.count("<strong>NOT READY</strong>") == 1
    assert readiness.count("<strong>READY</strong>") == 1
