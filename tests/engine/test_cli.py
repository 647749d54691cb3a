"""The CLI through run(argv): commands, formats, exit codes and options."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from archcheck.cli import run


def test_formats_all_report_the_open_item(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out.startswith("::error file=docs/index.md,line=")
    assert run(["check", "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["AC101"]
    assert run(["check", "--format", "junit"]) == 1
    suite = ET.fromstring(capsys.readouterr().out.split("?>", 1)[1])
    assert suite.get("failures") == "1"
    assert run(["check", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["findings"]] == ["AC101"] and data["exit_code"] == 1


def test_exit_zero_and_allow_open(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--exit-zero"]) == 0
    assert "AC101" in capsys.readouterr().out
    assert run(["check", "--allow-open"]) == 0
    assert "AC101 [warning]" in capsys.readouterr().out


def test_select_and_ignore_by_prefix(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--ignore", "AC3"]) == 1  # AC101 is still reported
    assert run(["check", "--select", "AC3,AC4"]) == 1  # the open item is the gate's: kept
    assert capsys.readouterr().out.count(" AC101 ") == 2
    assert run(["check", "--select", "ac10"]) == 1
    capsys.readouterr()


def test_tokens_inventory(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The note's open item fails the tokens command too: no command passes an open gate.
    assert run(["tokens", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    refs = data["tokens"]
    assert {r["name"] for r in refs} == {"policy", "release", "project"}
    assert sum(r["name"] == "policy" for r in refs) == 3
    assert [f["code"] for f in data["findings"]] == ["AC101"]
    assert run(["tokens"]) == 1
    assert "policy dw7txd0yf-0-qmvgmw (code)" in capsys.readouterr().out


def test_unused_token_points_at_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text().replace(
            'project = "dgGlL6o4XQ-T"', 'project = "dgGlL6o4XQ-T"\nextra = "zz9-unused-1"'
        )
    )
    assert run(["tokens"]) == 1
    # Named as every page is: relative to the working directory, not as an absolute path.
    out = capsys.readouterr().out
    (finding,) = [line for line in out.splitlines() if " AC202 " in line]
    assert finding.startswith("pyproject.toml:") and "'zz9-unused-1'" in finding


def test_checklist_text_names_disagreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [pymdownx.tasklist]\n")
    note = tmp_path / "docs" / "note.md"
    note.parent.mkdir()
    note.write_text("> - [x] quoted done\n> - [ ] quoted open\n")
    assert run(["checklist", str(note)]) == 1
    out = capsys.readouterr().out
    assert "[x] quoted done  (GitHub shows no box, the site shows a ticked box)" in out
    assert "[ ] quoted open  (GitHub shows no box, the site shows an open box)" in out
    # Only the open box hides from a reader: a box ticked wherever it shows is no finding.
    assert out.count("AC102") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "--format", "xml"]) == 2
    assert run([]) == 2
    assert "archcheck:" in capsys.readouterr().err
    assert run(["--version"]) == 0
