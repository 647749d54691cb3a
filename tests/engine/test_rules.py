"""One failing and one passing case per rule, through check_source (no file I/O)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from archcheck import RULES, Config, PageResult, check_source, parse
from archcheck.engine import check_document
from archcheck.views.site_config import load_site

SITE = load_site((Path(__file__).parents[2] / "mkdocs.yml").resolve())

CONFIG = Config(
    root=Path(),
    tokens={"policy": "dw7txd0yf-0-qmvgmw", "release": "dggll6o4xq-t", "project": "dgGlL6o4XQ-T"},
    components={"Edge Cache": "edge-bdxib", "API Tier": "api-g"},
)
# A waiver's date within the default waiver-horizon (90 days) of whatever day the tests run on.
IN_A_MONTH = (date.today() + timedelta(days=30)).isoformat()
DIAGRAM = "```mermaid\nflowchart LR\n  edge-bdxib --> api-g\n```\n"
TABLE = "| Tier | Job |\n| --- | --- |\n| Edge Cache | cache |\n| API Tier | api |\n"

# code -> (failing markdown, line of the finding, passing markdown)
CASES: dict[str, tuple[str, int, str]] = {
    "AC001": ("<!-- archcheck: ignore AC201 -->\nAll fine.\n", 1, "All fine.\n"),
    "AC002": (
        "<!-- archcheck: ignore AC101 -->\n- [x] a\n",
        1,
        "<!-- a plain comment -->\n- [x] a\n",
    ),
    "AC101": ("- [x] a\n- [ ] b\n", 2, "- [x] a\n- [X] b\n"),
    # (Not "Steps:": on a page's first line MkDocs reads that as MultiMarkdown metadata.)
    "AC102": ("Release steps:\n- [ ] a\n", 2, "Release steps:\n- [x] a\n"),
    "AC103": (
        '<!-- archcheck: waive AC101 until=2020-01-01 reason="booked" -->\n- [ ] a\n',
        1,
        f'<!-- archcheck: waive AC101 until={IN_A_MONTH} reason="booked" -->\n- [ ] a\n',
    ),
    "AC105": (
        "---\narchcheck:\n  checklist: required\n---\n# Release\n",
        3,
        "---\narchcheck:\n  checklist: required\n---\n# Release\n\n- [x] a\n",
    ),
    "AC201": ("Token `dw7txd0yf-0-qmvgnw`.\n", 1, "Token `dw7txd0yf-0-qmvgmw`.\n"),
    "AC203": (
        "---\narchcheck:\n  tokens: {ticket: ops-4411}\n---\nNo ticket.\n",
        3,
        "---\narchcheck:\n  tokens: {ticket: ops-4411}\n---\nTicket ops-4411.\n",
    ),
    "AC301": ("See[^a].\n", 1, "See[^a].\n\n[^a]: note\n"),
    "AC302": ("See.\n\n[^a]: note\n", 3, "See[^a].\n\n[^a]: note\n"),
    "AC303": ("See[^a].\n\n[^a]: one\n[^a]: two\n", 4, "See[^a].\n\n[^a]: one\n"),
    "AC401": ("```mermaid\nedge-bdxib --> api-g\n```\n" + TABLE, 2, DIAGRAM + TABLE),
    "AC402": ("```mermaid\nflowchart LR\n  edge-bdxib\n```\n" + TABLE, 1, DIAGRAM + TABLE),
    "AC403": (
        "```mermaid\nflowchart LR\n  edge-bdxib --> api-g --> db\n```\n" + TABLE,
        3,
        DIAGRAM + TABLE,
    ),
    "AC404": (
        DIAGRAM + "| Tier | Job |\n| --- | --- |\n| Edge Cache | cache |\n",
        5,
        DIAGRAM + TABLE,
    ),
    "AC405": (DIAGRAM + TABLE + "| Queue | q |\n", 9, DIAGRAM + TABLE),
}


def test_every_rule_has_a_case_and_documentation() -> None:
    codes = [rule.code for rule in RULES]
    # A build rule reads a page as `mkdocs build` made it: tests/plugin builds one.
    built = {rule.code for rule in RULES if rule.built}
    assert sorted(set(CASES) | {"AC202"} | built) == sorted(codes)
    for rule in RULES:
        assert "Anti-pattern" in rule.doc and "Best practice" in rule.doc, rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fails_then_passes(code: str) -> None:
    failing, line, passing = CASES[code]
    found = [f for f in _check(failing).findings if f.code == code]
    assert found and found[0].line == line, _check(failing).findings
    assert [f for f in _check(passing).findings if f.code == code] == []


def _check(text: str) -> PageResult:
    """The page checked as a page of this repository's site (so the site's view counts too)."""
    return check_source(text, "x.md", CONFIG, site=SITE)


def test_case_only_difference_is_a_typo_but_declared_twins_are_not() -> None:
    text = "Release `dggll6o4xq-t` of `dgGlL6o4XQ-T`, not `DGGLL6O4XQ-T`.\n"
    typos = [f for f in check_source(text, "x.md", CONFIG).findings if f.code == "AC201"]
    assert len(typos) == 1 and "DGGLL6O4XQ-T" in typos[0].message


def test_token_in_fenced_code_is_checked_at_its_line_and_column() -> None:
    (typo,) = check_source("```sh\nuv deploy dggll6o4xq-x\n```\n", "x.md", CONFIG).findings
    assert (typo.code, typo.line, typo.column, typo.suggestion) == ("AC201", 2, 11, "dggll6o4xq-t")


def test_waiver_removes_the_open_item_and_is_listed() -> None:
    text = (
        f'<!-- archcheck: waive AC101 until={IN_A_MONTH} reason="rotation booked" -->\n'
        "- [ ] rotate\n"
    )
    page = check_source(text, "x.md", CONFIG)
    assert page.findings == ()
    (waiver,) = page.waivers
    assert waiver.reason == "rotation booked" and [f.line for f in waiver.covers] == [2]


def test_expired_waiver_waives_nothing() -> None:
    text = '<!-- archcheck: waive AC101 until=2020-01-01 reason="late" -->\n- [ ] rotate\n'
    codes = sorted(f.code for f in check_source(text, "x.md", CONFIG).findings)
    assert codes == ["AC101", "AC103"]


def test_ignore_applies_to_the_next_block_only() -> None:
    text = "<!-- archcheck: ignore AC201 -->\n`dw7txd0yf-0-qmvgnw`\n\n`dw7txd0yf-0-qmvgnw`\n"
    assert [f.line for f in check_source(text, "x.md", CONFIG).findings] == [4]


def test_allow_open_turns_open_items_into_warnings() -> None:
    (finding,) = check_source("- [ ] a\n", "x.md", CONFIG, allow_open=True).findings
    assert finding.severity == "warning"


@pytest.mark.parametrize(
    ("diagram", "message"),
    [
        ("flowchart LR\n  end --> api-g", "'end' cannot be a node id"),
        ("flowchart LR\n  edge--bdxib --> api-g", "'--' inside id"),
        ("flowchart LR\n  edge-bdxib ?? api-g", "cannot read"),
        ("flowchat LR\n  a --> b", "not a flowchart"),  # a typo; a sequenceDiagram is fine
    ],
)
def test_unreadable_diagrams(diagram: str, message: str) -> None:
    text = f"```mermaid\n{diagram}\n```\n"
    found = [f for f in check_source(text, "x.md", CONFIG).findings if f.code == "AC401"]
    assert (
        found
        and message in found[0].message
        and found[0].line == 2 + (message != "not a flowchart")
    )


@pytest.mark.parametrize(
    ("day", "codes"), [(date(2031, 6, 1), ["AC101", "AC103"]), (date(2030, 12, 1), [])]
)
def test_a_waiver_expires_as_of_the_day_being_checked(day: date, codes: list[str]) -> None:
    # Valid until 2030-12-31: checked as of 1 June 2031 it has expired (AC103) and waives
    # nothing; as of 1 December 2030 (within the 90-day horizon) it waives the item. Either
    # way, whatever today is.
    text = '<!-- archcheck: waive AC101 until=2030-12-31 reason="r" -->\n- [ ] x\n'
    page = check_document(parse(text, "a.md"), CONFIG, today=day)
    assert sorted(f.code for f in page.findings) == codes
    assert [w.expired for w in page.waivers] == [bool(codes)]


def test_disagreement_message_reads_well() -> None:
    page = _check("- [ ] Rotate secrets [x]\n")
    (finding,) = [f for f in page.findings if f.code == "AC102"]
    assert finding.message.endswith("GitHub shows a ticked box, the site shows an open box")


def test_rule_documentation_keeps_no_source_indentation() -> None:
    # SARIF's fullDescription and the Rules page read it as Markdown: an indented fence would
    # be an indented code block there.
    for rule in RULES:
        fences = [line for line in rule.doc.splitlines() if line.lstrip().startswith("```")]
        assert fences and all(line.startswith("```") for line in fences), rule.code
