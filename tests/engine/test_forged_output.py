"""No file name or page text can forge a line of output: a GitHub workflow command, a terminal
control or XML that does not parse.

GitHub's runner reads a line as a command when it starts with ``::`` after any whitespace
(``ActionCommand.TryParseV2``), and reads a legacy ``##[command]`` anywhere in a line
(``ActionCommand.TryParse``); ``str.splitlines`` splits at every line break Unicode knows, more
than the runner does. Every output line, on stdout and stderr and in every format, is read both
ways here; only archcheck's own annotations in the github format may be commands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from archcheck.cli import run
from archcheck.formats import FORMATS
from archcheck.printable import UNPRINTABLE, escape, printable

ARCHCHECK = str(Path(sys.executable).parent / "archcheck")
OPEN_PAGE = "# Page\n\n- [ ] open\n"
# Names a page may have on Linux (any character but "/" and NUL), each trying another way out.
NAMES = (
    "a\n::notice title=forged::x.md",
    "\n::stop-commands::abc\n.md",
    "c\r::warning::cr.md",
    "d\x1b]0;title\x07\x1b[2J.md",
    "e\u2028::error::ls.md",
    "f\u2029::error::ps.md",
    "g\x85::error::nel.md",
    "h\x0b\x0c\x1c::error::vt.md",
    "i\u202e::dm.md",
    "j##[error]legacy.md",
    "k,title=forged,line=1::x.md",
    "l%0A::error::percent.md",
    "m\\n::error::backslash.md",
    os.fsdecode(b"n\xff\xfe::error::bytes.md"),  # not UTF-8: read as lone surrogates
)
# At the top of the working directory, where a text line starts with the name.
TOP = ("::warning::top.md", " \u3000::notice::spaces.md")
UNREADABLE = "p\n::error title=forged::problem.md"  # a page archcheck cannot check (exit 2)
CONTENT = (
    "# Content zz9-tok-1\n\n"
    "- [ ] open \x1b[2J wipe \x85::error::nel \u2028::error::ls \u202eevil ##[error]old \x7f\n"
    "<!-- archcheck: waive AC101 until={until} "
    'reason="ok \x1b[31m ##[warning]r \x85::notice::p" -->\n'
    "- [ ] waived\n"
)
CONFIG = """[tool.archcheck]
docs = "docs"

[tool.archcheck.tokens]
"t\\u001b##[error]x" = "zz9-tok-1"
"""


@pytest.fixture
def forged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose pages are named and written to forge commands, as the cwd."""
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "pyproject.toml").write_text(CONFIG)
    for name in NAMES:
        (project / "docs" / name).write_text(OPEN_PAGE)
    for name in TOP:
        (project / name).write_text(OPEN_PAGE)
    (project / "docs" / UNREADABLE).write_bytes(b"# Bad \xff\n")
    until = (date.today() + timedelta(days=30)).isoformat()
    (project / "docs" / "content.md").write_text(CONTENT.format(until=until), newline="")
    monkeypatch.chdir(project)
    return project


def commands(text: str) -> list[str]:
    """The lines of ``text`` that GitHub's runner would take for a command."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def annotation_file(line: str) -> str:
    """The ``file`` property of a workflow command, decoded as the runner decodes it."""
    assert line.startswith("::") and line.index("::", 2) > 0
    properties = line[2 : line.index("::", 2)].split(" ", 1)[1]
    value = dict(pair.split("=", 1) for pair in properties.split(","))["file"]
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def as_named_in_annotations(path: str) -> str:
    # CR and LF have codes the runner decodes; any other control character has none, and is
    # shown escaped rather than sent raw to the log.
    return UNPRINTABLE.sub(lambda c: c[0] if c[0] in "\r\n" else escape(c[0]), path)


ARGS = ["docs", *TOP]


@pytest.mark.parametrize("command", ["check", "checklist", "tokens"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_line_is_a_command_in_any_format(
    forged: Path, capsys: pytest.CaptureFixture[str], fmt: str, command: str
) -> None:
    assert run([command, "--format", fmt, *ARGS]) == 2  # the unreadable page
    out, err = capsys.readouterr()
    assert commands(err) == []
    assert err.count("\n") == 1 and err.startswith("archcheck: docs/p\\n::error")
    if fmt != "github":
        assert commands(out) == []
        return
    assert run([command, "--format", "json", *ARGS]) == 2
    data = json.loads(capsys.readouterr().out)
    expected = [f["path"] for f in data["findings"]] + [p["path"] for p in data["problems"]]
    assert len(commands(out)) == len(out.splitlines()) == len(expected)
    assert all(line.startswith(("::error file=", "::warning file=")) for line in out.splitlines())
    assert [annotation_file(line) for line in out.splitlines()] == [
        as_named_in_annotations(path) for path in expected
    ]


def test_annotations_name_each_file_exactly(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--format", "github", *ARGS]) == 2
    files = {annotation_file(line) for line in capsys.readouterr().out.splitlines()}
    for name in (
        "a\n::notice title=forged::x.md",
        "c\r::warning::cr.md",
        "l%0A::error::percent.md",
    ):
        assert f"docs/{name}" in files
    assert "docs/k,title=forged,line=1::x.md" in files and "::warning::top.md" in files


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_round_trips_every_name(
    forged: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert run(["check", "--format", fmt, *ARGS]) == 2
    out = capsys.readouterr().out
    assert not UNPRINTABLE.search(out.replace("\n", ""))  # all escaped: a terminal gets none
    assert "##[" not in out
    data = json.loads(out)
    if fmt == "json":
        paths = {f["path"] for f in data["findings"]}
    else:
        results = data["runs"][0]["results"]
        paths = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert paths == {f"docs/{name}" for name in NAMES} | set(TOP) | {"docs/content.md"}


def test_junit_parses_and_names_each_file_printably(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--format", "junit", *ARGS]) == 2
    suite = ET.fromstring(capsys.readouterr().out.split("?>", 1)[1])
    names = {case.get("name") for case in suite}
    assert names >= {printable(f"docs/{name}") for name in (*NAMES, UNREADABLE)}


def test_text_shows_what_the_page_holds_escaped(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["checklist", *ARGS]) == 2
    out = capsys.readouterr().out.splitlines()
    assert "./::warning::top.md:3:3: [ ] open" in out
    assert "docs/a\\n::notice title=forged::x.md:3:3: [ ] open" in out
    assert "docs/m\\\\n::error::backslash.md:3:3: [ ] open" in out  # not the name with a newline
    item = next(line for line in out if line.startswith("docs/content.md:3:3: [ ] open"))
    assert "\\x1b[2J" in item and "\\u202eevil" in item and "\\x23#[error]" in item
    waiver = next(line for line in out if ": waiver AC101 " in line)
    assert waiver.endswith(": ok \\x1b[31m \\x23#[warning]r ::notice::p")  # NEL: a space there


def test_token_names_are_escaped(forged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["tokens", *ARGS]) == 2
    out = capsys.readouterr().out.splitlines()
    assert "docs/content.md:1:11: t\\x1b\\x23#[error]x zz9-tok-1 (text)" in out


def test_problem_lines_quote_arguments_escaped(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "nope\n::error::x.md"]) == 2
    assert run(["check", "--config", "nope\n::error::y/pyproject.toml"]) == 2
    err = capsys.readouterr().err
    assert commands(err) == [] and err.count("\n") == 2
    assert err.startswith("archcheck: nope\\n::error::x.md: ")


def test_a_selection_the_configuration_refuses_is_one_line(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", "--select", "AC1O1"]) == 2
    pyproject = forged / "pyproject.toml"
    pyproject.write_text(CONFIG.replace('docs = "docs"', 'docs = "docs"\nmkdocs-config = "no.yml"'))
    assert run(["check"]) == 2  # check() itself raises ConfigError here
    assert run(["report"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 3 and "Traceback" not in err
    assert err.splitlines()[1].endswith("mkdocs-config: no such file: " + str(forged / "no.yml"))


@pytest.mark.parametrize("fmt", ["text", "github", "json", "junit"])
def test_the_installed_command_writes_no_command(forged: Path, fmt: str) -> None:
    # A UTF-8 locale makes stdout strict: a name's undecodable bytes would end the run with a
    # UnicodeEncodeError if they were written raw.
    done = subprocess.run(
        [ARCHCHECK, "check", "--format", fmt, *ARGS],
        cwd=forged,
        capture_output=True,
        timeout=120,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"},
    )
    out, err = done.stdout.decode(), done.stderr.decode()  # strict: UTF-8 throughout
    assert done.returncode == 2 and "Traceback" not in err
    assert err.count("\n") == 1 and commands(err) == []
    if fmt == "github":
        assert all(line.startswith("::error file=") for line in out.splitlines())
    else:
        assert commands(out) == []


def test_the_markdown_report_keeps_each_name_in_its_row(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", "--format", "markdown", *ARGS]) == 2
    out, err = capsys.readouterr()
    assert commands(out) == [] and commands(err) == []
    lines = out.splitlines()
    assert all(line.startswith(("| ", "- ")) for line in lines if "::" in line)
    assert "| docs/a\\\\n::notice title=forged::x.md | `" in out  # shows as docs/a\n::notice...
    assert "| docs/k,title=forged,line=1::x.md | `" in out
    assert "| docs/j\\\\x23#\\[error\\]legacy.md | `" in out


def test_the_json_report_round_trips_every_name(
    forged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", *ARGS]) == 2
    out = capsys.readouterr().out
    assert commands(out) == [] and not UNPRINTABLE.search(out.replace("\n", ""))
    paths = {f["path"] for f in json.loads(out)["files"]}
    assert paths >= {f"docs/{name}" for name in NAMES} | set(TOP)
