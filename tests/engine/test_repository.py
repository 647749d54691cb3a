"""The gate on this repository's own note: exactly one open item, and the checks that guard it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.cli import run
from tests.engine.conftest import ROOT

INDEX = ROOT / "docs" / "index.md"


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_repository_fails_on_exactly_the_open_item(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert run(["check"]) == 1
    line = _line_of(INDEX, "- [ ] All production secrets rotated")
    assert capsys.readouterr().out == (
        f"docs/index.md:{line}:3: AC101 open checklist item: 'All production secrets rotated'\n"
    )


def test_real_entry_point_on_the_repository() -> None:
    exe = Path(sys.executable).with_name("archcheck")
    done = subprocess.run(
        [str(exe), "check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stdout.count("\n") == 1 and "AC101" in done.stdout
    assert "Traceback" not in done.stderr


def test_checklist_json_on_the_repository(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert run(["checklist", "--format", "json"]) == 1
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["path"], i["checked"], i["text"]) for i in items] == [
        ("docs/index.md", True, "Code reviewed and tested in staging"),
        ("docs/index.md", False, "All production secrets rotated"),
    ]
    assert items[1]["line"] == _line_of(INDEX, "All production secrets rotated")


def test_ticking_the_box_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("- [ ] All production", "- [x] All production"),
        encoding="utf-8",
    )
    assert run(["check"]) == 0
    assert capsys.readouterr().out == ""


def test_one_character_of_the_policy_token_is_caught(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = project / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    line = _line_of(index, "uv deploy")  # the second policy-token reference is on this line
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1].replace("dw7txd0yf-0-qmvgmw", "dw7txd0yf-0-qmvgnw")
    index.write_text("\n".join(lines), encoding="utf-8")
    assert run(["check", "--select", "AC2"]) == 1
    out = capsys.readouterr().out
    column = lines[line - 1].index("dw7txd0yf-0-qmvgnw") + 1
    open_line = _line_of(index, "- [ ] All production secrets rotated")
    # --select AC2 narrows the other rules; the open item is the release gate's, so it stays.
    assert out == (
        f"docs/index.md:{line}:{column}: AC201 'dw7txd0yf-0-qmvgnw' is not a declared token: "
        "did you mean 'dw7txd0yf-0-qmvgmw' (policy)?\n"
        f"docs/index.md:{open_line}:3: AC101 open checklist item: "
        "'All production secrets rotated'\n"
    )


def test_renaming_a_node_is_caught(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = project / "docs" / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("api-g --> worker-y", "api-g --> worker-z"), encoding="utf-8")
    assert run(["check", "--select", "AC4"]) == 1
    out = capsys.readouterr().out
    line = _line_of(index, "api-g --> worker-z")
    assert (
        f"docs/index.md:{line}:11: AC403 node 'worker-z' is not a declared component:"
        " did you mean 'worker-y'?" in out
    )
    assert re.search(r"AC402 component 'Background Worker' \(worker-y\) is not a node", out)
