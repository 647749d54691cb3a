"""`release-notes` names the pages that are release notes: only their open boxes hold the release
and only their references count as uses of a token; every other page is still checked for the
other rules. A page that declares its own settings is a release note whatever the key says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archcheck.cli import run
from archcheck.config import ConfigError, config_from_table

CONFIG = 'docs = "docs"\nrelease-notes = ["docs/release.md"]\n[tokens]\nrelease = "rel-7"\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files = {
        "archcheck.toml": CONFIG,
        "docs/release.md": "# Release rel-7\n\n- [x] Load tested\n",
        # The manual shows a box and the token, and must neither hold the release nor use it.
        "docs/manual/example.md": "Write `rel-7` and a box:\n\n- [ ] an example\n\nSee[^x].\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_box_outside_the_release_notes_holds_nothing(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check"]) == 1  # the manual's footnote is still an error (AC301)
    out, err = capsys.readouterr()
    assert (
        out == "docs/manual/example.md:5:4: AC301 footnote [^x] is referenced but never defined\n"
    )
    assert err.splitlines()[0] == "release rel-7: green, 1 item done"


def test_only_release_notes_use_a_token(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docs" / "release.md").write_text("# Release\n\n- [x] Load tested\n")
    run(["check"])
    out = capsys.readouterr().out
    assert "AC202 token release = 'rel-7' is declared but no document mentions it" in out
    run(["report"])
    [token] = json.loads(capsys.readouterr().out)["tokens"]
    assert token["references"] == []


def test_a_note_with_its_own_settings_is_a_release_note(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docs" / "manual" / "example.md").write_text(
        "---\narchcheck:\n  release: rel-8\n---\n- [ ] ship rel-8\n"
    )
    assert run(["check"]) == 1
    assert "AC101 open checklist item: 'ship rel-8'" in capsys.readouterr().out


def test_release_notes_must_name_pages() -> None:
    with pytest.raises(ConfigError, match="release-notes: expected the pages that are release"):
        config_from_table({"release-notes": []}, None)
