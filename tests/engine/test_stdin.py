"""`archcheck check -` checks a text that is no file, such as a pull request's description, as
GitHub shows it: the gate fails on its open box and passes once it is ticked."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from archcheck.cli import run
from tests.renderers.archcheck_cli import COMMAND

BODY = "## Checklist\n\n- [x] Tests added\n- [ ] Docs updated\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\n[tool.archcheck.tokens]\nrelease = "rel-1"\n'
    )
    (tmp_path / "docs" / "note.md").write_text("Release `rel-1`.\n\n- [x] Done\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_an_open_box_in_the_text_fails_and_a_ticked_one_passes(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, BODY.encode())
    assert run(["check", "--stdin-filename", "pull-request.md", "-"]) == 1
    assert capsys.readouterr().out == (
        "pull-request.md:4:3: AC101 open checklist item: 'Docs updated'\n"
    )
    feed(monkeypatch, BODY.replace("[ ]", "[x]").encode())
    assert run(["check", "-"]) == 0
    assert capsys.readouterr().out == ""  # the project's token is not "unused": it is no page


def test_the_text_is_checked_beside_the_files_named_with_it(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs" / "note.md").write_text("- [ ] Rotate keys\n")
    feed(monkeypatch, BODY.encode())
    assert run(["check", "--format", "json", "-", "docs"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["path"], f["code"]) for f in data["findings"]] == [
        ("<stdin>", "AC101"),
        ("docs/note.md", "AC101"),
        ("pyproject.toml", "AC202"),  # the files, judged alone, never mention the token
    ]
    assert sorted(data["documents"]) == ["<stdin>", "docs/note.md"]


def test_bad_bytes_are_a_problem_and_the_boxes_still_count(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    feed(monkeypatch, b"- [ ] caf\xe9\n")
    assert run(["check", "-"]) == 2
    captured = capsys.readouterr()
    assert "AC101 open checklist item" in captured.out
    assert captured.err == "archcheck: <stdin>:1: is not valid UTF-8 (byte 0xe9 at offset 9)\n"


def test_through_the_installed_command(project: Path) -> None:
    done = subprocess.run(
        [*COMMAND, "check", "--format", "github", "-"],
        input=BODY,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=<stdin>,line=4,col=3,title=AC101")
