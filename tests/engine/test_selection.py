"""select and ignore: every prefix names a rule, and no selection drops the release gate. A
selection narrows the other rules; an open item (AC101), an expired waiver (AC103) and an
uncounted box (AC104) are reported whatever it says, so no command exits 0 while one fires."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archcheck import RULES, Config, ConfigError, check, check_source
from archcheck.cli import run
from archcheck.findings import Finding
from archcheck.policy import Policy

OPEN = "docs/steps.md:1:3: AC101 open checklist item: 'Rotate the signing key'\n"
RULE_LIST = ", ".join(rule.code for rule in RULES)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A page with an open item and a token reference, as the working directory."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\n\n[tool.archcheck.tokens]\nrelease = "rel-2031-aurora"\n'
    )
    (tmp_path / "docs" / "steps.md").write_text(
        "- [ ] Rotate the signing key\n\nShip `rel-2031-aurora`.\n"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def configure(project: Path, lines: str) -> None:
    (project / "pyproject.toml").write_text(f'[tool.archcheck]\ndocs = "docs"\n{lines}\n')


# -- a selection narrows the other rules, never the gate -----------------------------------------


@pytest.mark.parametrize("select", ["AC2", "AC3,AC4", "AC201", "AC0"])
def test_a_selection_without_ac1_still_reports_the_open_item(
    project: Path, capsys: pytest.CaptureFixture[str], select: str
) -> None:
    # Before: the open item was left out, and the run exited 0.
    assert run(["check", "--select", select]) == 1
    assert capsys.readouterr().out == OPEN


def test_a_selection_still_narrows_the_other_rules(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "docs" / "steps.md"
    page.write_text(page.read_text() + "\nShip `rel-2031-aurorb`.[^x]\n")
    assert run(["check", "--select", "AC2"]) == 1
    out = capsys.readouterr().out
    assert [line.split()[1] for line in out.splitlines()] == ["AC101", "AC201"]


def test_the_tokens_command_lists_tokens_and_fails_on_the_open_item(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: `archcheck tokens` exited 0 with an open item on the page.
    assert run(["tokens"]) == 1
    assert capsys.readouterr().out == (
        f"docs/steps.md:3:7: release rel-2031-aurora (code)\n\n{OPEN}"
    )
    assert run(["tokens", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in data["findings"]] == ["AC101"] and data["exit_code"] == 1


def test_allow_open_is_still_the_only_preview(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["tokens", "--allow-open"]) == 0
    assert "AC101 [warning]" in capsys.readouterr().out


def test_the_api_keeps_the_gate_whatever_the_selection(project: Path) -> None:
    assert [f.code for f in check(select=["AC2"]).findings] == ["AC101"]
    assert check(select=["AC2"]).exit_code == 1
    page = check_source("- [ ] a\n", "a.md", select=["AC3"])
    assert [f.code for f in page.findings] == ["AC101"]


@pytest.mark.parametrize("code", ["AC101", "AC103", "AC104"])
def test_a_policy_never_drops_a_gate_finding(code: str) -> None:
    finding = Finding(code, "gate", "error", "a.md", 1, 1, "m")  # type: ignore[arg-type]
    # Even built by hand, around Policy.of's checks.
    assert Policy(select=("AC2",), ignore=("AC1",)).finish([finding]) == [finding]


# -- every prefix names a rule -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "codes", "bad"),
    [
        ("--select", "AC1O1", "AC1O1"),
        ("--select", "AC1,AC9", "AC9"),
        ("--ignore", "AC2O1", "AC2O1"),
    ],
)
def test_a_prefix_that_names_no_rule_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], option: str, codes: str, bad: str
) -> None:
    # Before: `--select AC1O1` selected nothing, and the run exited 0 with the open item there.
    assert run(["check", option, codes]) == 2
    key = option.removeprefix("--")
    listed = [code.strip() for code in codes.split(",")]
    assert capsys.readouterr() == (
        "",
        f"archcheck: {key}={listed}: {bad} names no rule (rule codes: {RULE_LIST})\n",
    )


@pytest.mark.parametrize(
    ("keyword", "codes"), [("select", ["AC1O1"]), ("select", ["AC1", "AC109"]), ("ignore", ["X"])]
)
def test_the_api_refuses_a_prefix_that_names_no_rule(
    project: Path, keyword: str, codes: list[str]
) -> None:
    bad = codes[-1]
    words = rf"{keyword}={codes!r}: {bad} names no rule \(rule codes: AC001, AC002, AC101"
    with pytest.raises(ConfigError, match=words.replace("[", r"\[").replace("]", r"\]")):
        check(**{keyword: codes})  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="names no rule"):
        check_source("- [x] a\n", "a.md", **{keyword: codes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (
            'select = ["AC1O1"]',
            'select: expected code prefixes such as "AC1" or "AC101", got [\'AC1O1\'], and '
            "'AC1O1' is none",
        ),
        ('ignore = ["ac2"]', "ignore: expected code prefixes such as"),
        ('ignore = [""]', "ignore: expected code prefixes such as"),
        ('ignore = ["AC104"]', "ignore: expected codes that keep AC104 uncounted-box"),
        ('select = ["AC101", "AC103"]', "select: expected codes that include AC104 uncounted-box"),
    ],
)
def test_the_configuration_refuses_them_at_load(
    project: Path, capsys: pytest.CaptureFixture[str], lines: str, words: str
) -> None:
    configure(project, lines)
    assert run(["check"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(f"archcheck: {project / 'pyproject.toml'}: [tool.archcheck] {words}")


def test_a_configured_prefix_that_names_no_rule_is_refused_before_any_page(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(project, 'select = ["AC1", "AC109"]')
    monkeypatch.setattr("archcheck.engine.check_files", _no_page_read)
    with pytest.raises(ConfigError) as refused:
        check()
    assert str(refused.value) == (
        f"{project / 'pyproject.toml'}: [tool.archcheck] select: expected code prefixes of "
        f"archcheck's rules, got ['AC1', 'AC109']: AC109 names no rule (rule codes: {RULE_LIST})"
    )


def test_a_run_select_is_refused_before_any_page(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("archcheck.engine.check_files", _no_page_read)
    with pytest.raises(ConfigError, match="AC1O1 names no rule"):
        check(select=["AC1O1"])


def _no_page_read(*args: object, **kwargs: object) -> object:
    raise AssertionError("a page was read before the configuration was refused")


def test_a_configured_prefix_that_names_no_rule_is_refused_by_the_cli(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(project, 'ignore = ["AC9"]')
    assert run(["check"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.endswith(f"AC9 names no rule (rule codes: {RULE_LIST})\n")


# -- ignore still cannot cover the gate ----------------------------------------------------------


def test_ignoring_an_uncounted_box_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--ignore", "AC104"]) == 2
    assert capsys.readouterr().err == (
        "archcheck: AC104 uncounted-box cannot be ignored: write every box in the page's "
        "Markdown, where the gate counts it\n"
    )
    with pytest.raises(ConfigError, match="AC104 uncounted-box cannot be ignored"):
        Policy.of(Config(root=project), ignore=["AC104"])
