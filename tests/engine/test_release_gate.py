"""No option, setting or API argument switches the release gate off: an open item (AC101) and an
expired waiver (AC103) can only be dealt with in the note (tick, or waive with a reason and a
date), or, for an open item, let through for a preview with --allow-open."""

from __future__ import annotations

from pathlib import Path

import pytest

from archcheck import Config, ConfigError, check, check_source
from archcheck.cli import run

CLI_MESSAGE = (
    "archcheck: AC101 open-checklist-item cannot be ignored: waive the item with "
    '<!-- archcheck: waive AC101 until=... reason="..." -->, or use --allow-open for a preview\n'
)


@pytest.mark.parametrize("codes", ["AC101", "AC1", "ac10", "AC3,AC1", "A"])
def test_ignoring_open_items_on_the_command_line_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str], codes: str
) -> None:
    for command in ("check", "checklist"):
        assert run([command, "--ignore", codes]) == 2
        captured = capsys.readouterr()
        assert (captured.out, captured.err) == ("", CLI_MESSAGE)


def test_ignoring_expired_waivers_on_the_command_line_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--ignore", "AC103"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    # No preview is offered: --allow-open lets open items through, never an expired waiver.
    assert line == (
        "archcheck: AC103 expired-waiver cannot be ignored: tick the item, or renew the waiver "
        "with a later until= date"
    )


def test_other_codes_may_be_ignored_and_select_narrows_only_the_other_rules(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--ignore", "AC102,AC2,AC3"]) == 1  # the open item still fails
    assert "AC101 open checklist item" in capsys.readouterr().out
    assert run(["check", "--select", "AC2"]) == 1  # so does it with a selection without AC1
    assert run(["tokens"]) == 1  # and in the tokens command, a narrowed run itself
    assert capsys.readouterr().out.count("AC101 open checklist item") == 2


def test_the_api_refuses_the_same_ignore(project: Path) -> None:
    with pytest.raises(ConfigError, match=r"AC101 open-checklist-item cannot be ignored.*"):
        check(ignore=["AC1"])
    with pytest.raises(ValueError, match="AC103 expired-waiver cannot be ignored"):
        check_source("- [ ] a\n", "a.md", ignore=["AC103"])
    assert check(select=["AC2"]).exit_code == 1
    assert check(allow_open=True).exit_code == 0


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"ignore": ("AC10",)}, "ignore: expected codes that keep AC101"),
        ({"select": ("AC3", "AC4")}, "select: expected codes that include AC101"),
    ],
)
def test_a_configuration_built_in_code_cannot_switch_it_off_either(
    settings: dict[str, tuple[str, ...]], words: str
) -> None:
    with pytest.raises(ConfigError, match=words):
        Config(root=Path(), **settings)  # type: ignore[arg-type]
    assert Config(root=Path(), ignore=("AC2",), select=("AC1",)).ignore == ("AC2",)
