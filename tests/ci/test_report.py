"""`archcheck report`: the audit record, checked field by field through the real command."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import archcheck

from .conftest import ROOT

ARCHCHECK = str(Path(sys.executable).parent / "archcheck")
# A waiver a month ahead of the day the test runs: within the default waiver-horizon (90 days).
UNTIL = (date.today() + timedelta(days=30)).isoformat()
WAIVED = f"""# Steps

<!-- archcheck: waive AC101 until={UNTIL} reason="load test booked for 3 March" -->
- [ ] Load test at twice the peak
"""


def run(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ARCHCHECK, *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(project), **env},
    )


def git(project: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """This project's pyproject.toml and note, plus a page with a waived item, committed to a
    fresh repository."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "pyproject.toml", project)
    # Every page of the scratch project is a release note, the pages its tests add among them.
    gated = project / "pyproject.toml"
    gated.write_text(re.sub(r"(?m)^release-notes = .*\n", "", gated.read_text()))
    (project / "docs").mkdir()
    shutil.copy2(ROOT / "docs" / "index.md", project / "docs")
    (project / "docs" / "steps.md").write_text(WAIVED)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "docs")
    return project


def report(project: Path, *args: str, **env: str) -> dict[str, Any]:
    done = run(project, "report", "--format", "json", *args, **env)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_release_version_commit_and_timestamp(project: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    data = report(project)
    after = datetime.now(UTC)
    tokens = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["archcheck"]["tokens"]
    assert data["schema"] == "archcheck-report/1"
    assert data["release"] == tokens["release"]
    assert data["archcheck_version"] == archcheck.__version__
    assert data["git"] == {
        "commit": git(project, "rev-parse", "HEAD"),
        "dirty": False,
        "dirty_paths": [],
    }
    assert data["generated_at"].endswith("Z")
    assert before <= datetime.fromisoformat(data["generated_at"]) <= after
    assert data["config"] == {
        "path": "pyproject.toml",
        "sha256": hashlib.sha256((project / "pyproject.toml").read_bytes()).hexdigest(),
    }


def test_verdict_checklist_and_waivers(project: Path) -> None:
    data = report(project)
    assert data["verdict"] == {
        "ready": False,
        "exit_code": 1,
        "summary": "1 of 3 items open, 1 waived",
        "items": 3,
        "open_items": 1,
        "waived_items": 1,
        "dropped_items": 0,
        "errors": 1,
        "warnings": 0,
        "problems": 0,
    }
    states = {(i["path"], i["text"]): (i["state"], i["waiver"]) for i in data["checklist"]}
    assert states == {
        ("docs/index.md", "Code reviewed and tested in staging"): ("done", None),
        ("docs/index.md", "All production secrets rotated"): ("open", None),
        ("docs/steps.md", "Load test at twice the peak"): ("waived", "docs/steps.md:3"),
    }
    assert data["waivers"] == [
        {
            "path": "docs/steps.md",
            "line": 3,
            "codes": ["AC101"],
            "until": UNTIL,
            "reason": "load test booked for 3 March",
            "expired": False,
            "covers": ["docs/steps.md:4"],
        }
    ]
    assert [f["code"] for f in data["findings"]] == ["AC101"]


def test_ticking_the_open_item_makes_it_ready(project: Path) -> None:
    note = project / "docs" / "index.md"
    note.write_text(note.read_text().replace("- [ ] All production", "- [x] All production"))
    verdict = report(project)["verdict"]
    assert verdict["ready"] is True and verdict["exit_code"] == 0
    assert verdict["summary"] == "2 of 3 items done, 1 waived"


def test_each_token_and_where_it_is_referenced(project: Path) -> None:
    data = report(project)
    refs = json.loads(run(project, "tokens", "--format", "json").stdout)["tokens"]
    declared = tomllib.loads((project / "pyproject.toml").read_text())["tool"]["archcheck"]
    assert [t["name"] for t in data["tokens"]] == sorted(declared["tokens"])
    for token in data["tokens"]:
        assert token["value"] == declared["tokens"][token["name"]]
        expected = sorted(
            (r["path"], r["line"], r["column"]) for r in refs if r["name"] == token["name"]
        )
        assert [(r["path"], r["line"], r["column"]) for r in token["references"]] == expected
        # And independently of the engine: every line that holds the value, and no other.
        holding = {
            (f"docs/{page.name}", number)
            for page in (project / "docs").glob("*.md")
            for number, line in enumerate(page.read_text().splitlines(), 1)
            if token["value"] in line
        }
        assert {(path, line) for path, line, _ in expected} == holding
        assert holding, f"{token['name']} is referenced somewhere in the note"


def test_each_file_s_sha256_and_a_tampered_copy(project: Path) -> None:
    files = {f["path"]: f["sha256"] for f in report(project)["files"]}
    on_disk = sorted(str(p.relative_to(project)) for p in (project / "docs").rglob("*.md"))
    assert sorted(files) == on_disk
    for path, digest in files.items():
        assert digest == hashlib.sha256((project / path).read_bytes()).hexdigest()

    note = project / "docs" / "index.md"
    note.write_bytes(note.read_bytes().replace(b"Edge Cache", b"Edge Cache ", 1))
    tampered = report(project)
    changed = {f["path"] for f in tampered["files"] if files[f["path"]] != f["sha256"]}
    assert changed == {"docs/index.md"}
    assert tampered["git"]["dirty"] is True
    assert tampered["git"]["dirty_paths"] == ["docs/index.md"]


def test_an_untracked_report_does_not_make_the_tree_dirty(project: Path) -> None:
    assert run(project, "report", "-o", "audit.json").returncode == 0
    again = report(project)
    assert again["git"]["dirty"] is False
    (project / "docs" / "new.md").write_text("# New\n")  # but an untracked checked file does
    assert report(project)["git"] == {
        "commit": git(project, "rev-parse", "HEAD"),
        "dirty": True,
        "dirty_paths": ["docs/new.md"],
    }


def test_deterministic_apart_from_the_timestamp(project: Path) -> None:
    first, second = report(project), report(project)
    first.pop("generated_at"), second.pop("generated_at")
    assert first == second
    pinned = [run(project, "report", SOURCE_DATE_EPOCH="1700000000").stdout for _ in range(2)]
    assert pinned[0] == pinned[1]
    assert json.loads(pinned[0])["generated_at"] == "2023-11-14T22:13:20Z"


def test_markdown_report_carries_the_same_record(project: Path) -> None:
    data = report(project)
    done = run(project, "report", "--format", "markdown", "-o", "audit.md")
    assert done.returncode == 0 and done.stdout == ""
    text = (project / "audit.md").read_text()
    assert f"# Release audit: {data['release']}" in text
    assert "| Verdict | **NOT READY**: 1 of 3 items open, 1 waived |" in text
    assert f"`{data['git']['commit']}`, clean" in text
    item = next(i for i in data["checklist"] if i["state"] == "open")
    assert f"| **open** | {item['text']} | {item['path']}:{item['line']} |  |" in text
    assert (
        "| **waived** | Load test at twice the peak | docs/steps.md:4 | docs/steps.md:3 |" in text
    )
    assert f"| docs/steps.md:3 | AC101 | {UNTIL} | load test booked for 3 March |" in text
    for f in data["files"]:
        assert f"| {f['path']} | `{f['sha256']}` |" in text


def test_outside_git_the_commit_is_unknown(project: Path) -> None:
    shutil.rmtree(project / ".git")
    assert report(project)["git"] == {"commit": None, "dirty": None, "dirty_paths": []}


def test_never_writes_over_a_checked_file(project: Path) -> None:
    note = project / "docs" / "index.md"
    before = note.read_bytes()
    done = run(project, "report", "-o", "docs/index.md")
    assert done.returncode == 2
    assert done.stderr == (
        "archcheck: docs/index.md: is a file archcheck checks; expected a new report path\n"
    )
    assert note.read_bytes() == before


def test_a_bad_configuration_is_one_line_and_exit_2(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('docs = "docs"', "docs = 3"))
    done = run(project, "report")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "docs: expected a string" in done.stderr
