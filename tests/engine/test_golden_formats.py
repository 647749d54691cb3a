"""Golden files: every output format of ``check`` and ``checklist``, byte for byte.

The fixture project (golden/project/) has two pages with an open item, a done item, a waived
item (expiry 2099-12-31), a renderer disagreement, a token typo, an undefined footnote and an
undeclared diagram node. Each (command, format) pair runs through ``archcheck.cli.run`` with the
project as the working directory and is compared with golden/expected/<command>.<format>.

The only part normalised is the archcheck version (SARIF's driver version becomes <VERSION>),
so a release does not rewrite the files; any other change to the output fails here.

After an intended change to a format, rewrite the expected files and review the diff:

    ARCHCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/engine/test_golden_formats.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from archcheck import __version__
from archcheck.cli import run
from archcheck.formats import FORMATS

GOLDEN = Path(__file__).parent / "golden"
PROJECT = GOLDEN / "project"
EXPECTED = GOLDEN / "expected"
COMMANDS = ("check", "checklist")
UPDATE = os.environ.get("ARCHCHECK_UPDATE_GOLDEN") == "1"
VERSION_FIELD = f'"version": "{__version__}"'


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture project as the cwd, with a page cache of this test's own."""
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(PROJECT)
    return PROJECT


def _output(capsys: pytest.CaptureFixture[str], command: str, fmt: str) -> str:
    code = run([command, "--format", fmt])
    captured = capsys.readouterr()
    assert code == 1  # the project has error findings in both commands
    if fmt != "text":  # a machine format is the whole output: nothing on stderr
        assert captured.err == ""
        return captured.out
    # The text format ends with the releases' verdicts and the summary line, on stderr.
    return f"{captured.out}--- stderr ---\n{captured.err}"


def _normalise(text: str) -> str:
    return text.replace(VERSION_FIELD, '"version": "<VERSION>"')


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("command", COMMANDS)
def test_output_matches_golden_file(
    in_project: Path, capsys: pytest.CaptureFixture[str], command: str, fmt: str
) -> None:
    actual = _normalise(_output(capsys, command, fmt)).encode("utf-8")
    expected_file = EXPECTED / f"{command}.{fmt}"
    if UPDATE:
        expected_file.write_bytes(actual)
    assert expected_file.exists(), f"{expected_file} missing: run with ARCHCHECK_UPDATE_GOLDEN=1"
    assert actual == expected_file.read_bytes()


def test_the_fixture_project_has_every_kind_of_finding(
    in_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(_output(capsys, "check", "json"))
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["AC101", "AC101", "AC102", "AC201", "AC301", "AC403"]
    states = {item["text"]: item["checked"] for item in data["items"]}
    assert states["All production secrets rotated"] is False
    assert states["Load test signed off by dw7txd0yf-0-qmvgmw"] is True
    (waiver,) = data["waivers"]
    assert (waiver["until"], waiver["expired"]) == ("2099-12-31", False)


@pytest.mark.parametrize("command", COMMANDS)
def test_sarif_is_2_1_0_with_one_result_per_finding(
    in_project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    findings = json.loads(_output(capsys, command, "json"))["findings"]
    sarif = json.loads(_output(capsys, command, "sarif"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert len(results) == len(findings) > 0
    assert [r["ruleId"] for r in results] == [f["code"] for f in findings]


@pytest.mark.parametrize("command", COMMANDS)
def test_junit_parses_and_counts_the_failures(
    in_project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    findings = json.loads(_output(capsys, command, "json"))["findings"]
    suite = ET.fromstring(_output(capsys, command, "junit").encode("utf-8"))
    assert suite.tag == "testsuite"
    assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))
    assert len(suite.findall("testcase/failure")) == len(findings)


@pytest.mark.parametrize("command", COMMANDS)
def test_github_lines_are_workflow_annotations(
    in_project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    findings = json.loads(_output(capsys, command, "json"))["findings"]
    lines = _output(capsys, command, "github").splitlines()
    annotation = re.compile(r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=AC\d{3} ")
    assert len(lines) == len(findings)
    assert all(annotation.match(line) for line in lines), lines
