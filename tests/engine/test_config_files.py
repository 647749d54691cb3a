"""The configuration may live in archcheck.toml or .archcheck.toml as well as in pyproject.toml
(a repository that is not a Python project has none): the nearest one applies, and in one folder
.archcheck.toml comes first, then archcheck.toml, then pyproject.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcheck.cli import run
from archcheck.config import load_config

STANDALONE = """\
docs = "notes"

[tokens]
release = "rel-2031-07"
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "release.md").write_text("Ship `rel-2031-70` soon.\n\n- [x] Done\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


@pytest.mark.parametrize("name", ["archcheck.toml", ".archcheck.toml"])
def test_a_file_of_its_own_configures_a_repository_without_pyproject(
    repo: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (repo / name).write_text(STANDALONE)
    assert run(["check"]) == 1
    out = capsys.readouterr().out
    assert "notes/release.md:1:7: AC201" in out and "'rel-2031-07'" in out
    assert f"{name}:4:1: AC202 token release = 'rel-2031-07'" in out  # its own line


def test_in_one_folder_the_dot_file_comes_first_then_archcheck_toml_then_pyproject(
    repo: Path,
) -> None:
    (repo / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "from-pyproject"\n')
    assert load_config(repo).docs == ("from-pyproject",)
    (repo / "archcheck.toml").write_text('docs = "from-archcheck-toml"\n')
    assert load_config(repo).docs == ("from-archcheck-toml",)
    (repo / ".archcheck.toml").write_text('docs = "from-dot-file"\n')
    assert load_config(repo).docs == ("from-dot-file",)


def test_the_nearest_configuration_applies(repo: Path) -> None:
    (repo / "archcheck.toml").write_text(STANDALONE)
    inner = repo / "services" / "payments"
    inner.mkdir(parents=True)
    (inner / "pyproject.toml").write_text("[project]\nname = 'payments'\n")  # no table: passed
    assert load_config(inner).path == repo / "archcheck.toml"
    (inner / "archcheck.toml").write_text('docs = "docs"\n')
    config = load_config(inner)
    assert (config.path, config.root) == (inner / "archcheck.toml", inner)


def test_an_error_names_the_file_and_the_key(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "archcheck.toml").write_text('docs = "notes"\nmax-file-size = "big"\n')
    assert run(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("archcheck: ") and "archcheck.toml: max-file-size: expected" in err
    assert "[tool.archcheck]" not in err
