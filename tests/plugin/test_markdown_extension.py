"""The builder-independent door: the `archcheck.markdown` Python-Markdown extension puts the
readiness banner and item anchors on each page under any builder that renders with
Python-Markdown, and `archcheck pages` writes the Release readiness and Rules pages as files.
Tested through a real `mkdocs build` whose mkdocs.yml lists no archcheck plugin (as a builder
that runs no MkDocs plugin sees it), and through Python-Markdown itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.cli import run
from archcheck.engine import check

BIN = Path(sys.executable).parent
NOTE = "# Note\n\nPolicy `pol-5521-kx`.\n\n- [x] Load tested\n- [ ] Secrets rotated\n"
OTHER = "# Other\n\nPolicy `pol-5512-kx`.\n"
EXTENSIONS = "markdown_extensions:\n  - pymdownx.tasklist\n  - archcheck.markdown\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(NOTE)
    (tmp_path / "docs" / "other.md").write_text(OTHER)
    (tmp_path / "archcheck.toml").write_text('docs = "docs"\n[tokens]\npolicy = "pol-5521-kx"\n')
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Ext\n{EXTENSIONS}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN / "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_page_gets_its_banner_and_anchors_with_no_plugin(project: Path) -> None:
    done = build(project)
    assert done.returncode == 0, done.stderr  # no plugin: the build itself does not gate
    note = (project / "site" / "index.html").read_text()
    assert 'class="admonition-title">Release gate red: 1 of 2 items open</p>' in note
    assert '<a href="#gate-secrets-rotated">Secrets rotated</a>' in note
    assert '<li id="gate-secrets-rotated"' in note
    other = (project / "site" / "other" / "index.html").read_text()
    assert "AC201</code> line 3: &#x27;pol-5512-kx&#x27; is not a declared token" in other
    # Only the page's HTML gets a banner, never a piece the builder renders on its own.
    assert "<title>Other - Ext</title>" in other and other.count('id="release-gate"') == 1


def test_with_the_plugin_too_the_page_has_one_banner(project: Path) -> None:
    (project / "mkdocs.yml").write_text(f"site_name: Ext\n{EXTENSIONS}plugins:\n  - archcheck\n")
    done = build(project)
    assert done.returncode == 1  # the plugin gates the build on the open item
    assert (project / "site" / "index.html").read_text().count('id="release-gate"') == 1


def test_python_markdown_alone(project: Path) -> None:
    import markdown

    html = markdown.markdown(NOTE, extensions=["pymdownx.tasklist", "archcheck.markdown"])
    assert "Release gate red: 1 of 2 items open" in html
    # A text that is no page of the project is checked on its own.
    html = markdown.markdown(
        "- [ ] Draft\n", extensions=["pymdownx.tasklist", "archcheck.markdown"]
    )
    assert "Release gate red: 1 of 1 item open" in html


def test_pages_are_written_and_published(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["pages", "--out", "docs/generated"]) == 0
    readiness = (project / "docs" / "generated" / "release-readiness.md").read_text()
    assert readiness.startswith("<!-- Written by `archcheck pages`")
    assert "[docs/index\\.md:6](../index.md#gate-secrets-rotated)" in readiness
    assert "flowchart-subset.md" not in (project / "docs" / "generated" / "rules.md").read_text()
    assert run(["pages", "--out", "docs/generated"]) == 0  # its own pages: written over
    capsys.readouterr()
    # The pages quote findings and examples: the next check reads them as no note.
    assert run(["check"]) == 1
    assert "docs/generated" not in capsys.readouterr().out
    # The same on the reference path, which reads every page in this process.
    slow = check(fast=False)
    assert not [f for f in slow.findings if f.path.startswith("docs/generated")]
    done = build(project)
    assert done.returncode == 0, done.stderr
    page = (project / "site" / "generated" / "release-readiness" / "index.html").read_text()
    assert "Not ready: 1 of 2 items open, 1 other error (AC201 token-typo)" in page
    assert 'id="release-gate"' not in page


def test_pages_never_write_over_a_page_of_the_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs" / "rules.md").write_text("# Our rules\n")
    assert run(["pages", "--out", "docs"]) == 2
    assert "docs/rules.md: is a file archcheck checks" in capsys.readouterr().err
    assert (project / "docs" / "rules.md").read_text() == "# Our rules\n"
