"""A repository of several projects: each file is judged by the configuration nearest above it,
its project rules included, unless --config names one for all."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcheck.cli import run


@pytest.fixture
def monorepo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    files = {
        "archcheck.toml": 'docs = ["payments/docs", "search/docs"]\n',
        "payments/archcheck.toml": '[tokens]\npolicy = "pay-7f3-kq"\n',
        "payments/docs/note.md": "Policy `pay-7f3-kg`.\n",
        "search/pyproject.toml": (
            '[tool.archcheck.tokens]\npolicy = "srch-9a1-zz"\nticket = "ops-1"\n'
        ),
        "search/docs/note.md": "Policy `srch-9a1-zz`.\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_file_is_judged_by_the_nearest_configuration(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "payments/archcheck.toml:2:1: AC202 token policy = 'pay-7f3-kq' is declared but no "
        "document mentions it",
        "payments/docs/note.md:1:9: AC201 'pay-7f3-kg' is not a declared token: did you mean "
        "'pay-7f3-kq' (policy)?",
        "search/pyproject.toml:3:1: AC202 token ticket = 'ops-1' is declared but no document "
        "mentions it",
    ]


def test_files_named_on_the_command_line_too(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "search/docs/note.md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("search/pyproject.toml:3:1: AC202 token ticket")


def test_an_explicit_configuration_holds_for_every_file(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--config", "payments/archcheck.toml", "search/docs"]) == 1
    out = capsys.readouterr().out
    assert "AC202 token policy = 'pay-7f3-kq'" in out and "ticket" not in out


def test_a_broken_nearer_configuration_stops_the_run(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (monorepo / "search" / "pyproject.toml").write_text("[tool.archcheck]\ndocs = 3\n")
    assert run(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("archcheck: ") and "pyproject.toml: [tool.archcheck] docs" in err
    assert len(err.splitlines()) == 1
