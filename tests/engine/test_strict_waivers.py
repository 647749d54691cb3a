"""A waiver is read strictly: exactly one until=YYYY-MM-DD, a real day no further ahead than
waiver-horizon days, and exactly one reason in quotes that says something. Anything else is
AC002 and waives nothing; and no directive may ignore a code of the release gate."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from archcheck import Config, ConfigError, check_source, parse
from archcheck.cli import run
from archcheck.config import config_from_table
from archcheck.engine import check_document

TODAY = date(2031, 6, 1)
ITEM = "- [ ] Rotate the signing key\n"


def waive(terms: str) -> str:
    return f"<!-- archcheck: waive AC101 {terms} -->\n{ITEM}"


def found(text: str, config: Config | None = None, today: date = TODAY) -> list[tuple[str, str]]:
    page = check_document(parse(text, "a.md"), config or Config(root=Path()), today=today)
    ordered = sorted(page.findings, key=lambda f: (f.line, f.column, f.code))
    return [(f.code, f.message) for f in ordered]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of one page, docs/steps.md, as the working directory (its own page cache)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "docs"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def cli(project: Path, page: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    (project / "docs" / "steps.md").write_text(page)
    code = run(["check"])
    out, err = capsys.readouterr()
    return code, out, err


def days_ahead(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


# -- each term exactly once ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        # Before: the last until= won, so this waived the item until 2099.
        (
            'until=2020-01-01 reason="booked" until=2031-06-30',
            "2 until= given: expected exactly one until=YYYY-MM-DD",
        ),
        (
            'until=2031-06-30 reason="booked" reason="other"',
            '2 reason= given: expected exactly one reason="..."',
        ),
        ('reason="booked"', "no until= given: expected exactly one until=YYYY-MM-DD"),
        ("until=2031-06-30", 'no reason= given: expected exactly one reason="..."'),
        (
            'until=2031-06-30 reason="booked" owner=sre',
            'unknown term owner=: expected only until=YYYY-MM-DD and reason="..."',
        ),
    ],
)
def test_each_term_is_given_exactly_once(terms: str, message: str) -> None:
    assert found(waive(terms)) == [
        ("AC002", message),
        ("AC101", "open checklist item: 'Rotate the signing key'"),
    ]


# -- until: YYYY-MM-DD, a real day, within the horizon -------------------------------------------


@pytest.mark.parametrize(
    "until",
    # Before: each was read by date.fromisoformat, which takes all of these in Python 3.11.
    ["2031W261", "2031-W26-1", "20310630", "2031-06-30T00:00", "2031-6-30", '"2031-06-30"'],
)
def test_until_is_strictly_yyyy_mm_dd(until: str) -> None:
    assert found(waive(f'until={until} reason="booked"'))[0] == (
        "AC002",
        f"until={until}: expected a date YYYY-MM-DD",
    )


def test_until_is_a_day_of_the_calendar() -> None:
    assert found(waive('until=2031-02-30 reason="booked"'))[0] == (
        "AC002",
        "until=2031-02-30: expected a date YYYY-MM-DD, and there is no such day",
    )


@pytest.mark.parametrize(("until", "days"), [("2099-12-31", "25,050"), ("9999-12-31", "2,910,465")])
def test_a_waiver_beyond_the_horizon_waives_nothing(until: str, days: str) -> None:
    # Before: accepted, and the item was waived for decades.
    assert found(waive(f'until={until} reason="booked"')) == [
        (
            "AC002",
            f"until={until} is {days} days away: waivers may reach at most 90 days ahead "
            "(waiver-horizon)",
        ),
        ("AC101", "open checklist item: 'Rotate the signing key'"),
    ]


def test_the_horizon_counts_from_the_day_checked() -> None:
    text = waive('until=2031-08-30 reason="booked"')  # 90 days after 1 June 2031
    assert found(text) == []
    assert [code for code, _ in found(text, today=TODAY - timedelta(days=1))] == [
        "AC002",
        "AC101",
    ]


def test_waiver_horizon_widens_or_narrows_the_limit() -> None:
    text = waive('until=2032-01-01 reason="booked"')  # 214 days ahead
    wide = config_from_table({"waiver-horizon": 365}, None)
    assert found(text, wide) == []
    narrow = config_from_table({"waiver-horizon": 7}, None)
    assert found(waive('until=2031-06-09 reason="booked"'), narrow)[0] == (
        "AC002",
        "until=2031-06-09 is 8 days away: waivers may reach at most 7 days ahead (waiver-horizon)",
    )
    one = config_from_table({"waiver-horizon": 1}, None)
    assert "at most 1 day ahead" in found(waive('until=2031-06-03 reason="b"'), one)[0][1]


@pytest.mark.parametrize("value", ["0", "-5", '"90"', "true", "1.5"])
def test_waiver_horizon_must_be_a_positive_number_of_days(
    project: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    (project / "pyproject.toml").write_text(
        f'[tool.archcheck]\ndocs = "docs"\nwaiver-horizon = {value}\n'
    )
    assert run(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"archcheck: {project / 'pyproject.toml'}: [tool.archcheck] waiver-horizon: expected a "
        "positive integer (days ahead of the day checked a waiver's until= may reach), got "
        f"{tomllib.loads(f'v = {value}')['v']!r}\n"
    )


# -- reason: in quotes, not blank ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ('" "', 'reason=" " is blank: expected a reason that says why the item may wait'),
        ('""', 'reason="" is blank: expected a reason that says why the item may wait'),
        ("later", 'reason=later: expected the reason in double quotes, reason="..."'),
    ],
)
def test_the_reason_says_something(reason: str, message: str) -> None:
    assert found(waive(f"until=2031-06-30 reason={reason}"))[0] == ("AC002", message)


def test_a_strict_waiver_waives_and_is_listed() -> None:
    page = check_document(
        parse(waive('until=2031-06-30 reason="  booked   for June "'), "a.md"),
        Config(root=Path()),
        today=TODAY,
    )
    assert page.findings == ()
    (waiver,) = page.waivers
    assert (waiver.until, waiver.reason, [f.line for f in waiver.covers]) == (
        date(2031, 6, 30),
        "booked for June",
        [2],
    )


# -- no directive ignores a gate code ------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "named"),
    [
        ("AC101", "AC101 open-checklist-item"),
        ("AC10", "AC101 open-checklist-item, AC103 expired-waiver and AC104 uncounted-box"),
        ("AC1", "AC101 open-checklist-item, AC103 expired-waiver and AC104 uncounted-box"),
        ("AC2, AC103", "AC103 expired-waiver"),
        ("AC104", "AC104 uncounted-box"),
    ],
)
def test_a_directive_cannot_ignore_a_gate_code(codes: str, named: str) -> None:
    (bad, *_) = found(f"<!-- archcheck: ignore {codes} -->\n{ITEM}")
    assert bad[0] == "AC002"
    assert bad[1].startswith(f"ignore {codes} covers {named}, which no directive may ignore: ")


def test_ignoring_an_expired_waiver_keeps_it_an_error() -> None:
    # Before: the suppression covered the waiver inside the quote, and the page passed.
    text = (
        "<!-- archcheck: ignore AC103 -->\n"
        '> <!-- archcheck: waive AC101 until=2020-01-01 reason="x" -->\n'
        "> - [ ] a\n"
    )
    assert found(text) == [
        (
            "AC002",
            "ignore AC103 covers AC103 expired-waiver, which no directive may ignore: tick the "
            "item, or renew the waiver with a later until= date",
        ),
        ("AC103", "waiver expired on 2020-01-01 (reason: x)"),
    ]


def test_other_codes_may_still_be_ignored() -> None:
    assert found("<!-- archcheck: ignore AC102, AC2 -->\n- [x] done\n") == [
        ("AC001", "suppression of AC102, AC2 covers no finding")
    ]


# -- through the command line, as of the real day ------------------------------------------------


def test_cli_two_untils_fail(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = waive(f'until=2020-01-01 reason="x" until={days_ahead(30)}')
    code, out, _ = cli(project, page, capsys)
    assert code == 1
    assert out == (
        "docs/steps.md:1:1: AC002 2 until= given: expected exactly one until=YYYY-MM-DD\n"
        "docs/steps.md:2:3: AC101 open checklist item: 'Rotate the signing key'\n"
    )


@pytest.mark.parametrize("terms", ['until=2026W491 reason="x"', 'until=20261231 reason="x"'])
def test_cli_other_date_forms_fail(
    project: Path, capsys: pytest.CaptureFixture[str], terms: str
) -> None:
    code, out, _ = cli(project, waive(terms), capsys)
    assert code == 1 and " AC002 until=" in out and " AC101 " in out


def test_cli_blank_reason_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(project, waive(f'until={days_ahead(30)} reason=" "'), capsys)
    assert code == 1 and 'AC002 reason=" " is blank' in out and " AC101 " in out


def test_cli_far_waiver_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(project, waive('until=9999-12-31 reason="x"'), capsys)
    assert code == 1
    days = (date(9999, 12, 31) - date.today()).days
    assert out == (
        f"docs/steps.md:1:1: AC002 until=9999-12-31 is {days:,} days away: waivers may reach at "
        "most 90 days ahead (waiver-horizon)\n"
        "docs/steps.md:2:3: AC101 open checklist item: 'Rotate the signing key'\n"
    )


def test_cli_waiver_within_the_horizon_passes(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    until = days_ahead(90)
    code, out, _ = cli(project, waive(f'until={until} reason="booked"'), capsys)
    assert (code, out) == (
        0,
        f"docs/steps.md:1: waiver AC101 until {until} covers line 2: booked\n",
    )


def test_cli_waiver_horizon_from_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\nwaiver-horizon = 400\n'
    )
    code, _, _ = cli(project, waive(f'until={days_ahead(300)} reason="booked"'), capsys)
    assert code == 0
    code, out, _ = cli(project, waive(f'until={days_ahead(401)} reason="booked"'), capsys)
    assert code == 1 and "at most 400 days ahead (waiver-horizon)" in out


def test_cli_ignore_of_an_expired_waiver_fails(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        "<!-- archcheck: ignore AC103 -->\n"
        '> <!-- archcheck: waive AC101 until=2020-01-01 reason="x" -->\n'
        "> - [ ] a\n"
    )
    code, out, _ = cli(project, page, capsys)
    assert code == 1
    assert "docs/steps.md:1:1: AC002 ignore AC103 covers AC103 expired-waiver" in out
    assert "docs/steps.md:2:3: AC103 waiver expired on 2020-01-01 (reason: x)" in out


def test_check_source_reads_waivers_as_strictly() -> None:
    page = check_source(waive(f'until={days_ahead(30)} reason="x" until={days_ahead(60)}'))
    assert [f.code for f in page.findings] == ["AC002", "AC101"] and page.waivers == ()
    with pytest.raises(ConfigError, match="waiver-horizon: expected a positive integer"):
        config_from_table({"waiver-horizon": 0}, Path("pyproject.toml"))
