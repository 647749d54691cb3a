"""`archcheck report -o`: never writes over a file the verdict rests on, under any name.

A hard link is the same file under a second name, and a symbolic link leads to it; writing the
report through either would replace the page it checks (after which the gate passes).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archcheck.cli import run
from archcheck.report import command

NEW_PATH = "a file archcheck checks; expected a new report path"
Link = Callable[[Path, Path], None]


def hard_link(target: Path, link: Path) -> None:
    os.link(target, link)


def symbolic_link(target: Path, link: Path) -> None:
    link.symlink_to(target.resolve())


def relative_symbolic_link(target: Path, link: Path) -> None:
    link.symlink_to(os.path.relpath(target, link.parent))


LINKS = [hard_link, symbolic_link, relative_symbolic_link]


@pytest.mark.parametrize("fmt", ["json", "markdown"])
@pytest.mark.parametrize("link", LINKS)
@pytest.mark.parametrize("checked", ["docs/index.md", "pyproject.toml"])
def test_a_link_to_a_checked_file_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], checked: str, link: Link, fmt: str
) -> None:
    page = project / checked
    before = page.read_bytes()
    link(page, project / "audit.out")
    assert run(["report", "--format", fmt, "-o", "audit.out"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"archcheck: audit.out: is linked to {checked}, {NEW_PATH}\n"
    assert page.read_bytes() == before
    assert (project / "audit.out").read_bytes() == before


def test_the_checked_file_itself_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / "docs" / "index.md").read_bytes()
    (project / "out").symlink_to("docs")  # a folder on the way that leads into the docs
    for output in ("docs/index.md", "docs/../docs/index.md", "out/index.md"):
        assert run(["report", "-o", output]) == 2
        assert capsys.readouterr().err == f"archcheck: {output}: is {NEW_PATH}\n"
    assert (project / "docs" / "index.md").read_bytes() == before


def test_a_new_path_is_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", "-o", "audit.json"]) == 0
    assert capsys.readouterr() == ("", "")
    written = project / "audit.json"
    assert json.loads(written.read_text())["schema"] == "archcheck-report/1"
    umask = os.umask(0)
    os.umask(umask)
    assert written.stat().st_mode & 0o777 == 0o666 & ~umask  # as a new file, not 0600
    assert [p.name for p in project.iterdir() if p.name.startswith(".audit")] == []


def test_an_unchecked_file_is_replaced_not_written_through(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = project / "kept.txt"
    kept.write_text("not checked\n")
    hard_link(kept, project / "audit.json")
    (project / "latest.json").symlink_to(kept)
    assert run(["report", "-o", "audit.json"]) == 0
    assert run(["report", "-o", "latest.json"]) == 0
    assert kept.read_text() == "not checked\n"
    for name in ("audit.json", "latest.json"):
        assert not (project / name).is_symlink()
        assert json.loads((project / name).read_text())["schema"] == "archcheck-report/1"
    capsys.readouterr()


def test_a_link_planted_after_the_check_is_not_written_through(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = project / "docs" / "index.md"
    before = page.read_bytes()
    build = command.build_report

    def build_then_plant(*args: Any) -> dict[str, Any]:
        report = build(*args)
        hard_link(page, project / "audit.json")  # after refusal() looked, before the write
        return report

    monkeypatch.setattr(command, "build_report", build_then_plant)
    assert run(["report", "-o", "audit.json"]) == 0
    assert page.read_bytes() == before
    assert json.loads((project / "audit.json").read_text())["schema"] == "archcheck-report/1"
    capsys.readouterr()


def test_a_folder_that_cannot_be_written_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", "-o", "missing/audit.json"]) == 2
    assert capsys.readouterr().err == (
        "archcheck: missing/audit.json: cannot write: No such file or directory\n"
    )
    (project / "audit.json").mkdir()
    assert run(["report", "-o", "audit.json"]) == 2
    assert capsys.readouterr().err == "archcheck: audit.json: cannot write: Is a directory\n"
    assert sorted(p.name for p in project.iterdir()) == ["audit.json", "docs", "pyproject.toml"]


def test_a_forged_output_name_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hard_link(project / "docs" / "index.md", project / "a\n::error::x")
    assert run(["report", "-o", "a\n::error::x"]) == 2
    assert capsys.readouterr().err == (
        f"archcheck: a\\n::error::x: is linked to docs/index.md, {NEW_PATH}\n"
    )
