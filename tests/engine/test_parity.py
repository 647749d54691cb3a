"""`archcheck parity SITE_DIR` on real `mkdocs build` output of sites whose mkdocs.yml lists no
archcheck plugin (as a Zensical build runs none): an untouched build passes, a box added,
removed or ticked in the HTML is AC104 (exit 1), a page's missing HTML or a missing SITE_DIR
exits 2 with one line, an HTML file no checked page was built to fails once it shows a box, and
a box inside a code block counts on neither side. This repository's own build passes too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.cli import run
from tests.plugin.conftest import mkdocs_env

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"

# Material, as this repository's site: its drawer, search and navigation switches are
# checkboxes on every page, which parity must not take for the page's own.
MKDOCS_YML = """\
site_name: Parity
use_directory_urls: {directory_urls}
theme:
  name: material
nav:
  - index.md
  - Notes:
      - notes/README.md
      - notes/plan.md
  - plain.md
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
"""

PAGES = {
    "index.md": "# Home\n\n- [x] Reviewed\n- [ ] Secrets rotated\n",
    "notes/README.md": "# Notes\n\n- [x] Written\n",
    # A box written in a code block is text on every side: neither shown nor counted.
    "notes/plan.md": (
        "# Plan\n\n- [x] Load tested\n- [x] Rolled back once\n\n"
        '```markdown\n- [ ] not a box\n<input type="checkbox" checked>\n```\n'
    ),
    "plain.md": "# Plain\n\nNo checklist here.\n",
}
SHOWN = 5  # the boxes of index.md, notes/README.md and notes/plan.md
BOX = '<li class="task-list-item"><input type="checkbox" disabled> added</li>'


def build_site(root: Path, *, directory_urls: bool) -> Path:
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.archcheck]\n")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()))
    for name, text in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text)
    done = subprocess.run(
        [MKDOCS, "build", "--strict"],
        cwd=root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("parity") / "site-project", directory_urls=True)


@pytest.fixture(scope="module")
def built_flat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("parity") / "flat-project", directory_urls=False)


def copy_of(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a built project, as the cwd, to edit its HTML without touching the others'."""
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    monkeypatch.chdir(copy)
    return copy


@pytest.fixture
def site(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_of(built, tmp_path, monkeypatch)


def parity(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = run(["parity", *args])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_untouched_build_passes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The theme's switches are checkboxes on every page (one of them ticked), and not counted.
    assert (
        '<input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_2" checked>'
        in (site / "site" / "notes" / "plan" / "index.html").read_text()
    )
    code, out, err = parity(capsys, "site")
    assert (code, out) == (0, "")
    assert err == [f"compared 4 pages with site/: {SHOWN} boxes shown, {SHOWN} counted"]


def test_a_box_in_a_code_block_counts_on_neither_side(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (site / "site" / "notes" / "plan" / "index.html").read_text()
    assert "not a box" in page and '&lt;input type="checkbox" checked&gt;' in page
    # Counted on either side, they would make the page's two boxes differ from the gate's.
    code, out, _ = parity(capsys, "site", "--format", "json")
    assert (code, json.loads(out)["findings"]) == (0, [])


TICKED = '<input type="checkbox" disabled checked/>'  # as pymdownx.tasklist writes a box
OPEN = '<input type="checkbox" disabled/>'


@pytest.mark.parametrize(
    ("html", "old", "new", "finding"),
    [
        pytest.param(
            "notes/plan/index.html",
            "Rolled back once</li>",
            f"Rolled back once</li>{BOX}",
            "docs/notes/plan.md:1:1: AC104 the built page shows 3 checkboxes (2 checked), "
            "but the gate counted 2 (2 checked)",
            id="a box added",
        ),
        pytest.param(
            "notes/plan/index.html",
            TICKED,
            "",
            "docs/notes/plan.md:1:1: AC104 the built page shows 1 checkbox (1 checked), "
            "but the gate counted 2 (2 checked)",
            id="a box removed",
        ),
        pytest.param(
            "index.html",
            OPEN,
            TICKED,
            "docs/index.md:1:1: AC104 the built page shows 2 checkboxes (2 checked), "
            "but the gate counted 2 (1 checked)",
            id="an open box ticked",
        ),
    ],
)
def test_a_box_the_gate_did_not_count_is_ac104(
    site: Path, capsys: pytest.CaptureFixture[str], html: str, old: str, new: str, finding: str
) -> None:
    edit(site / "site" / html, old, new)
    code, out, err = parity(capsys, "site")
    assert (code, out) == (1, f"{finding}\n")
    assert err[-1].startswith("compared 4 pages with site/: ")


def test_json_reports_the_same_finding(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(site / "site" / "plain" / "index.html", "No checklist here.", BOX)
    code, out, err = parity(capsys, "site", "--format", "json")
    data = json.loads(out)
    assert (code, data["command"], data["exit_code"], err) == (1, "parity", 1, [])
    assert [(f["code"], f["path"], f["line"]) for f in data["findings"]] == [
        ("AC104", "docs/plain.md", 1)
    ]
    assert len(data["documents"]) == 4


def test_a_page_whose_html_is_missing_cannot_be_compared(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "site" / "notes" / "index.html").unlink()
    code, out, err = parity(capsys, "site")
    expected = "docs/notes/README.md: no built page in site: expected site/notes/index.html"
    assert (code, out, err) == (2, "", [f"archcheck: {expected}"])


@pytest.mark.parametrize("missing", ["nowhere", "pyproject.toml"])
def test_a_site_dir_that_is_no_folder_is_one_line(
    site: Path, capsys: pytest.CaptureFixture[str], missing: str
) -> None:
    what = "no such folder" if missing == "nowhere" else "is not a folder"
    code, out, err = parity(capsys, missing)
    expected = f"archcheck: {missing}: {what}; expected the folder the site was built to"
    assert (code, out, err) == (2, "", [expected])


def test_pages_named_without_directory_urls(
    built_flat: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = copy_of(built_flat, tmp_path, monkeypatch)
    assert (site / "site" / "notes" / "plan.html").is_file()
    code, out, err = parity(capsys, "site")
    assert (code, out) == (0, "")
    assert err == [f"compared 4 pages with site/: {SHOWN} boxes shown, {SHOWN} counted"]
    (site / "site" / "notes" / "plan.html").unlink()
    code, out, err = parity(capsys, "site")
    expected = "docs/notes/plan.md: no built page in site: expected site/notes/plan.html"
    assert (code, err) == (2, [f"archcheck: {expected}"])


def test_an_html_file_of_no_checked_page_fails_once_it_shows_a_box(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = site / "site" / "generated" / "index.html"
    extra.parent.mkdir()
    shutil.copy(site / "site" / "plain" / "index.html", extra)  # theme switches, no box
    assert parity(capsys, "site")[0] == 0
    edit(extra, "No checklist here.", BOX)
    code, out, err = parity(capsys, "site")
    message = (
        "the built page shows 1 checkbox (0 checked), but the gate counted 0 (0 checked); "
        "no page the gate checked is built to this file"
    )
    assert (code, out) == (1, f"site/generated/index.html:1:1: AC104 {message}\n")
    assert err == [f"compared 4 pages with site/: {SHOWN + 1} boxes shown, {SHOWN} counted"]


def test_the_themes_404_page_shows_no_box(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = site / "site" / "404.html"
    assert 'class="md-toggle"' in page.read_text()
    edit(page, "</article>", f"<ul>{BOX}</ul></article>")
    code, out, _ = parity(capsys, "site")
    assert (code, out.split(": AC104 ")[0]) == (1, "site/404.html:1:1")


def test_this_repositorys_own_build_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built = tmp_path / "built"
    done = subprocess.run(
        [MKDOCS, "build", "-d", str(built)],
        cwd=ROOT,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    monkeypatch.chdir(ROOT)
    code, out, err = parity(capsys, str(built))
    assert (code, out) == (0, "")
    pages = sum(1 for _ in (ROOT / "docs").rglob("*.md"))  # every page of the site is compared
    assert err[-1].startswith(f"compared {pages} pages with {built}/: ")
    shown, counted = err[-1].split(": ")[1].split(" boxes shown, ")
    assert shown == counted.removesuffix(" counted")
