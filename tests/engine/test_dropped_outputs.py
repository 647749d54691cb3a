"""A dropped item (struck through wherever it is shown) holds nothing up, and every door lists it
with that state, so a reviewer sees each one: the text, GitHub, SARIF, JUnit and JSON formats,
the summary line, the audit record, and in a real build the banner and the readiness page."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archcheck.cli import run

NOTE = "# Release\n\n- [x] Load tested\n- [ ] ~~Migrate the legacy queue~~\n"


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "release.md").write_text(NOTE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def output(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_lists_the_dropped_item_and_passes(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = output(capsys, "check")
    assert code == 0
    assert out == (
        "docs/release.md:4:3: dropped 'Migrate the legacy queue' (struck through wherever it "
        "is shown: it does not hold the release)\n"
    )
    assert err == "checked 1 file (1 with checklist): 1 dropped item\n"
    code, out, _ = output(capsys, "checklist")
    assert "docs/release.md:4:3: [ ] Migrate the legacy queue  (dropped)\n" in out


def test_machine_formats_list_it(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = output(capsys, "check", "--format", "github")
    assert out == (
        "::notice file=docs/release.md,line=4,col=3,title=dropped item::dropped 'Migrate the "
        "legacy queue': struck through, it does not hold the release\n"
    )
    _, out, _ = output(capsys, "check", "--format", "sarif")
    [run_log] = json.loads(out)["runs"]
    [note] = run_log["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "note" and note["descriptor"]["id"] == "dropped-item"
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert run_log["results"] == []
    _, out, _ = output(capsys, "check", "--format", "junit")
    suite = ET.fromstring(out.split("\n", 1)[1])
    assert suite.get("failures") == "0"
    assert suite.findtext("testcase/system-out") == (
        "docs/release.md:4:3: dropped 'Migrate the legacy queue'"
    )
    _, out, _ = output(capsys, "check", "--format", "json")
    assert [item["state"] for item in json.loads(out)["items"]] == ["done", "dropped"]


def test_the_audit_record_lists_it(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = output(capsys, "report")
    report = json.loads(out)
    assert [i["state"] for i in report["checklist"]] == ["done", "dropped"]
    assert report["verdict"]["dropped_items"] == 1 and report["verdict"]["ready"] is True
    assert report["verdict"]["summary"] == "1 of 2 items done, 1 dropped"
    _, out, _ = output(capsys, "report", "--format", "markdown")
    assert "| **dropped** | Migrate the legacy queue |" in out


def test_a_partly_struck_item_stays_open(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = repository / "docs" / "release.md"
    page.write_text("- [ ] ~~Migrate~~ the legacy queue\n")
    code, out, err = output(capsys, "check")
    assert code == 1 and "AC101 open checklist item" in out and "dropped" not in out + err


def test_a_real_build_shows_it_in_the_banner_and_the_readiness_page(repository: Path) -> None:
    (repository / "mkdocs.yml").write_text(
        "site_name: Dropped\nmarkdown_extensions:\n  - pymdownx.tasklist\n"
        "  - pymdownx.tilde:\n      subscript: false\nplugins:\n  - archcheck\n"
    )
    build = subprocess.run(
        [Path(sys.executable).parent / "mkdocs", "build", "--strict"],
        cwd=repository,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    assert "release gate green: 1 of 2 items done, 1 dropped" in build.stderr
    page = (repository / "site" / "release" / "index.html").read_text()
    assert "Release gate green: 1 of 2 items done, 1 dropped" in page
    assert "dropped: struck through, it does not hold the release" in page
    readiness = (repository / "site" / "release-readiness" / "index.html").read_text()
    assert "<strong>dropped</strong>" in readiness
