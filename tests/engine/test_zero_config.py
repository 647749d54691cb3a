"""With no components declared, the diagram and tier rules (AC4xx) have nothing to hold a note
to, so they are silent: a repository's own flowcharts and tables are not errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from archcheck.cli import run
from archcheck.config import Config, config_from_table
from archcheck.engine import check_source

NOTE = """\
| Tier | Owner |
| ---- | ----- |
| Storage | data team |

```mermaid
flowchart LR
    client --> server
    server--cache --> db
```

```mermaid
sequenceDiagram
    Alice->>Bob: Hello
```
"""


def codes(config: Config) -> list[str]:
    return sorted({f.code for f in check_source(NOTE, "note.md", config).findings})


def test_no_components_no_diagram_or_tier_findings() -> None:
    assert codes(Config(root=Path.cwd())) == []


def test_declared_components_hold_the_note_to_them() -> None:
    table = {"components": {"Storage": "db", "Web": "client"}}
    found = codes(config_from_table(table, None))
    assert {"AC401", "AC402", "AC403", "AC404"} <= set(found)


def test_a_mermaid_diagram_of_another_type_is_never_an_error() -> None:
    table = {"components": {"Web": "web"}}
    page = (
        "| Tier | Owner |\n| --- | --- |\n| Web | web team |\n\n"
        "```mermaid\nflowchart LR\n    web\n```\n\n"
        "```mermaid\nsequenceDiagram\n    Alice->>Bob: Hello\n```\n\n"
        "```mermaid\n---\ntitle: States\n---\nstateDiagram-v2\n    [*] --> Still\n```\n\n"
    )
    assert check_source(page, "note.md", config_from_table(table, None)).findings == ()
    typo = page + "```mermaid\nflowchat LR\n    web\n```\n"
    found = check_source(typo, "note.md", config_from_table(table, None)).findings
    assert [f.code for f in found] == ["AC401"]  # a flowchart written wrong still is one


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


OPEN = "- [ ] a\n"


def test_without_a_docs_folder_the_repository_is_checked_tool_folders_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(
        tmp_path,
        {
            "README.md": "# Service\n",
            "design/notes.md": OPEN,
            ".venv/lib/site/readme.md": OPEN,  # hidden: a tool's
            ".git/info/x.md": OPEN,
            "node_modules/pkg/README.md": OPEN,
            "env/pyvenv.cfg": "home = /usr\n",  # a virtual environment under any name
            "env/lib/notes.md": OPEN,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == 1
    out, err = capsys.readouterr()
    assert out == "design/notes.md:1:3: AC101 open checklist item: 'a'\n"
    assert err == "checked 2 files (1 with checklist): 1 open item, 1 error\n"


def test_a_docs_folder_is_the_default_when_there_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tree(tmp_path, {"docs/guide.md": "# Guide\n", "keps/one.md": OPEN})
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == 0
    # What was covered is said, so a run over the wrong folder does not pass in silence.
    assert capsys.readouterr().err == "checked 1 file (0 with checklists): no findings\n"


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "mkdocs-material-docs"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the Material docs corpus is not at {CORPUS}")
def test_a_real_material_site_with_no_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(CORPUS, site)
    monkeypatch.chdir(site)
    run(["check", "--no-cache"])
    out, err = capsys.readouterr()
    pages = sum(1 for _ in (site / "docs").rglob("*.md"))
    assert not [line for line in out.splitlines() if ": AC4" in line]
    *_, summary = err.splitlines()
    assert summary.startswith(f"checked {pages} files (")
