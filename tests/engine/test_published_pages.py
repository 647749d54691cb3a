"""`archcheck check` checks the pages the site publishes, and never fewer: every suffix MkDocs
makes pages of, symlinked folders inside the project, the site's docs_dir; what the site leaves
out (exclude_docs, draft_docs, *.MD, a README.md an index.md shadows) is skipped and said; what
cannot be read or listed, or leaves the project, is a problem (exit 2). A real `mkdocs build
--strict` with the plugin reports the same open items."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck import discovery
from archcheck.cli import run
from archcheck.discovery import walk
from tests.plugin.conftest import archcheck_lines, mkdocs_env

OPEN = "# {name}\n\n- [ ] {name} done\n"

MKDOCS_YML = """\
site_name: Published pages
docs_dir: {docs_dir}
markdown_extensions:
  - pymdownx.tasklist
plugins:
  - archcheck:
      readiness_page: ""
exclude_docs: |
  private/
draft_docs: |
  drafts/
not_in_nav: |
  hidden.md
"""

# page -> published by `mkdocs build`?
PAGES = {
    "index.md": True,
    "notes.mdown": True,
    "extra.mkdn": True,
    "third.mkd": True,
    "long.markdown": True,
    "hidden.md": True,  # not_in_nav: published, only out of the navigation
    "upper.MD": False,  # copied as a static file, not a page
    "drafts/plan.md": False,
    "private/secret.md": False,
    "sub/index.md": True,
    "sub/README.md": False,  # shadowed by sub/index.md
}


def make_site(root: Path, docs_dir: str = "docs", declared: str | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    table = "[tool.archcheck]\n" + (f"docs = {declared!r}\n" if declared else "")
    (root / "pyproject.toml").write_text(table.replace("'", '"'))
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(docs_dir=docs_dir))
    docs = root / docs_dir
    for name in PAGES:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(OPEN.format(name=name))
    # A folder of notes shared from elsewhere in the project, linked into the site.
    (root / "shared").mkdir()
    (root / "shared" / "linked.md").write_text(OPEN.format(name="linked"))
    (docs / "shared").symlink_to(root / "shared", target_is_directory=True)
    return root


PUBLISHED = sorted([name for name, published in PAGES.items() if published] + ["shared/linked.md"])


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_site(tmp_path / "project")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return root


def check_json(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict[str, object], str]:
    capsys.readouterr()
    code = run(["check", "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def open_paths(data: dict[str, object], docs: str = "docs") -> list[str]:
    findings = data["findings"]
    assert isinstance(findings, list)
    return sorted(f["path"].removeprefix(f"{docs}/") for f in findings if f["code"] == "AC101")


def test_the_suffixes_are_mkdocs_own() -> None:
    from mkdocs.utils import markdown_extensions

    assert sorted(walk.MARKDOWN_SUFFIXES) == sorted(markdown_extensions)


def test_check_reads_every_published_page_and_only_those(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for warm in (False, True):  # the second run takes the site's page list from the cache
        code, data, err = check_json(capsys)
        assert code == 1
        assert open_paths(data) == PUBLISHED, f"warm={warm}"
        for name, published in PAGES.items():
            said = f"docs/{name}: not checked: " in err
            assert said is not published, (name, err)
        assert "a draft (draft_docs)" in err
        assert "excluded from the site" in err
        assert "another file of its folder is published as the same page" in err
    capsys.readouterr()
    assert run(["report", "--format", "json"]) == 0  # the audit record: the same open items
    report = json.loads(capsys.readouterr().out)
    recorded = sorted(
        item["path"].removeprefix("docs/")
        for item in report["checklist"]
        if item["state"] == "open"
    )
    assert recorded == PUBLISHED


def test_mkdocs_build_reports_the_same_open_items(project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=mkdocs_env(ARCHCHECK_CACHE_DIR=str(project.parent / "build-cache")),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode != 0, done.stdout
    reported = sorted(
        line.split(":", 1)[0].removeprefix("docs/")
        for line in archcheck_lines(done.stdout, "ERROR")
        if " AC101 " in line
    )
    assert reported == PUBLISHED, done.stdout


def test_the_sites_docs_dir_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "project", docs_dir="content")
    monkeypatch.chdir(root)
    code, data, err = check_json(capsys)
    assert code == 1, err
    assert open_paths(data, "content") == PUBLISHED


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("docs/sub", "'docs/sub' disagrees with the docs_dir of"),
        (".", "'.' disagrees with the docs_dir of"),
        ("notes", "leaves out the docs_dir of"),
    ],
)
def test_a_docs_folder_that_disagrees_with_docs_dir_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    declared: str,
    expected: str,
) -> None:
    root = make_site(tmp_path / "project", declared=declared)
    (root / "notes").mkdir()
    (root / "notes" / "a.md").write_text("- [x] fine\n")
    monkeypatch.chdir(root)
    capsys.readouterr()
    assert run(["check"]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "[tool.archcheck] docs" in err and "mkdocs.yml" in err
    assert len(err.strip().splitlines()) == 1


def test_an_empty_docs_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text("[tool.archcheck]\ndocs = []\n")
    capsys.readouterr()
    assert run(["check"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml: [tool.archcheck] docs: expected the docs folder" in err


def test_a_symlink_out_of_the_project_is_a_problem_and_never_read(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_text("- [ ] root:$6$secret-hash:19000:0:99999:7:::\n")
    (project / "docs" / "x.md").symlink_to(secret)
    (project / "docs" / "elsewhere").symlink_to(secret.parent, target_is_directory=True)
    code, data, err = check_json(capsys)
    assert code == 2
    assert "docs/x.md: is a symbolic link to" in err and "outside the project" in err
    assert "docs/elsewhere: is a symbolic link to" in err
    assert "secret-hash" not in json.dumps(data)
    capsys.readouterr()
    assert run(["report", "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    assert digest not in json.dumps(report)
    assert "secret-hash" not in json.dumps(report)


def test_a_symlink_loop_is_a_problem(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "shared" / "again").symlink_to(project / "docs", target_is_directory=True)
    code, data, err = check_json(capsys)
    assert code == 2
    assert "docs/shared/again: is a symbolic link to a folder that holds it (a loop)" in err
    # Everything else is still checked (MkDocs would follow the loop forever, so which of two
    # files it would shadow is not asked: the README is checked too).
    assert open_paths(data) == sorted([*PUBLISHED, "sub/README.md"])


def test_a_folder_that_cannot_be_listed_is_a_problem(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = project / "docs" / "locked"
    locked.mkdir()
    (locked / "a.md").write_text("- [ ] hidden from the gate\n")
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    # Root may list any folder: the refusal is played, as a folder without read access gives it.
    monkeypatch.setattr(walk.os, "scandir", scandir)
    code, _, err = check_json(capsys)
    assert code == 2
    assert "docs/locked: cannot list this folder: Permission denied" in err


def test_discovery_names_explicit_files_the_site_does_not_publish(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data, err = check_json(capsys, "docs/drafts/plan.md", "docs/notes.mdown")
    assert code == 1
    assert open_paths(data) == ["notes.mdown"]
    assert "docs/drafts/plan.md: not checked: a draft (draft_docs)" in err
    assert discovery.discover(["docs/notes.mdown"], _config(project)).skipped == []


def _config(root: Path) -> discovery.Config:
    from archcheck.config import load_config

    return load_config(root)


def test_overlapping_folders_check_each_page_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "notes"
    (root / "docs" / "sub").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.archcheck]\ndocs = ["docs", "docs/sub"]\n')
    (root / "docs" / "sub" / "a.md").write_text("- [ ] a\n")
    monkeypatch.chdir(root)
    _, data, _ = check_json(capsys, "docs/sub/a.md", "docs", "docs/sub")
    assert open_paths(data) == ["sub/a.md"]
    _, data, _ = check_json(capsys)
    assert open_paths(data) == ["sub/a.md"]
