"""The doc example parsers on small pages: what passes, what fails and what a page may not say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sybil import Sybil

from tests.docs.sybil_support import parsers
from tests.docs.sybil_support.console import TranscriptError
from tests.docs.sybil_support.mutations import Outcome, evaluate
from tests.docs.sybil_support.output_matching import difference, matches
from tests.docs.sybil_support.workspace import ROOT


def run_page(tmp_path: Path, text: str) -> list[Outcome]:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return evaluate(Sybil(parsers=parsers()).parse(page))


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        ("a\nb", "a\nb\n", True),
        ("a\nb", "a\nc", False),
        ("a  \n", "a", True),  # trailing whitespace is not compared
        ("a\n...\nd", "a\nb\nc\nd", True),
        ("a\n...\nd", "a\nd", True),  # ... may stand for no lines
        ("a\n...", "a", True),
        ("...\nd", "a\nb", False),
        ("archcheck [..]", "archcheck 0.1.0", True),
        ("[..]pyproject.toml:2:1: AC202", "/tmp/x/pyproject.toml:2:1: AC202", True),
        ("x [..] z", "x y\nz", False),  # [..] stays within a line
        ("a [..]", "a (", True),  # the rest of the line is matched literally
        ("a.b", "axb", False),
        ("", "", True),
        ("", "something", False),
    ],
)
def test_matching_with_wildcards(expected: str, actual: str, same: bool) -> None:
    assert matches(expected, actual) is same


def test_a_wildcard_mismatch_names_the_first_line_nothing_matches() -> None:
    message = difference("a\n...\nERROR    -  x\n...", "a\nb\nERROR   -  x\n")
    assert message.startswith("nothing printed matches line 3 of the output shown: 'ERROR    -  x'")
    assert "    ERROR   -  x" in message


def test_a_transcript_passes_and_fails_on_output_and_exit_code(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        "```console\n$ archcheck check\ndocs/index.md:19:3: AC101 [..]\n...\n? 1\n```\n\n"
        "```console\n$ archcheck check\ndocs/index.md:19:3: AC101 [..]\n...\n```\n\n"
        "```console\n$ archcheck --version\narchcheck 9.9\n```\n",
    )
    assert [o.failure is None for o in outcomes] == [True, False, False]
    assert 'exit code 1, shown 0 (write "? 1" after the output)' in (outcomes[1].failure or "")
    assert "-archcheck 9.9\n+archcheck 0.1.0" in (outcomes[2].failure or "")


def test_a_transcript_runs_in_a_copy_with_the_files_the_page_shows(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        "<!-- file: docs/index.md -->\n```markdown\n- [x] All done\n```\n\n"
        "```console\n$ archcheck checklist docs/index.md\ndocs/index.md:1:3: [x] All done\n"
        "release dggll6o4xq-t: green, 1 item done\n"
        "checked 1 file (1 with checklist): no findings\n```\n",
    )
    assert [o.failure for o in outcomes] == [None]
    # the repository's own note was not touched
    assert "- [ ] All production secrets rotated" in (ROOT / "docs" / "index.md").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("command", "why"),
    [
        ("python -c 'print(1)'", "is not a program of this project's environment"),
        ("archcheck check | head", "pipes, redirections and command lists need a shell"),
        ("/bin/ls", "is not a program of this project's environment"),
        ("X=1", "no program to run"),
    ],
)
def test_only_the_project_s_programs_run(tmp_path: Path, command: str, why: str) -> None:
    (outcome,) = run_page(tmp_path, f"```console\n$ {command}\n```\n")
    assert outcome.failure is not None and why in outcome.failure


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("```console\narchcheck check\n```\n", "starts with a '$ ' command line"),
        ("```console\n$ archcheck check\n? 1\n? 1\n```\n", "a second '? N' line"),
        ("```console\n$ archcheck check\n? 1\nmore\n```\n", "output after the '? N' line"),
        ("<!-- file: a.md -->\n\nText.\n", "goes right before a fence"),
        ("<!-- file: a.md -->\n```markdown\nx\n```\n", "no console block after this file"),
    ],
)
def test_a_page_that_cannot_be_read_is_an_error(tmp_path: Path, text: str, why: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    with pytest.raises(TranscriptError, match=re.escape(why)):
        Sybil(parsers=parsers()).parse(page)


def test_skip_needs_a_reason_and_then_shows_as_skipped(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        '<!-- skip: next "needs a network" -->\n```python\nraise SystemExit(1)\n```\n\n'
        "```python\nvalue = 2\n```\n",
    )
    assert [(o.kind, o.skipped, o.failure) for o in outcomes] == [
        ("directive", False, None),
        ("python", True, None),
        ("python", False, None),
    ]
    page = tmp_path / "silent.md"
    page.write_text("<!-- skip: next -->\n```python\nraise SystemExit(1)\n```\n")
    with pytest.raises(ValueError, match='say why: <!-- skip: next "reason" -->'):
        Sybil(parsers=parsers()).parse(page)


def test_sessions_share_a_namespace_until_it_is_cleared(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        "```python\n>>> count = 1\n>>> count + 1\n2\n```\n\n"
        "```pycon\n>>> count\n1\n```\n\n<!-- clear-namespace -->\n\n"
        "```python\n>>> 'count' in globals()\nFalse\n```\n",
    )
    assert [o.failure for o in outcomes] == [None] * len(outcomes)
    assert [o.kind for o in outcomes] == ["doctest"] * 3 + ["directive", "doctest"]


def test_python_runs_in_the_page_s_copy_of_the_repository(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        '```python\nfrom pathlib import Path\nPath("docs/index.md").write_text("changed")\n```\n'
        "\n```pycon\n>>> Path(\"docs/index.md\").read_text()\n'changed'\n```\n",
    )
    assert [o.failure for o in outcomes] == [None, None]
    assert "- [ ] All production secrets rotated" in (ROOT / "docs" / "index.md").read_text(
        encoding="utf-8"
    )


def test_a_markdown_example_is_compared_with_the_findings_beside_it(tmp_path: Path) -> None:
    outcomes = run_page(
        tmp_path,
        "```markdown\n- [ ] Rotate\n```\n\n```text\nexample.md:1:3: AC101 open checklist item:"
        " 'Rotate'\n```\n\n```markdown\n- [ ] Rotate\n```\n\n"
        "```md\nDeploy under policy `pol-5521-kx`.\n```\n",
    )
    assert outcomes[0].failure is None and outcomes[2].failure is None
    assert "+example.md:1:3: AC101 open checklist item: 'Rotate'" in (outcomes[1].failure or "")
