"""The generated Release readiness page, and agreement between the plugin and `archcheck check`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest

from .conftest import Build, archcheck_lines

pytestmark = pytest.mark.slow

# A waiver a month ahead of the day the test runs: within the default waiver-horizon (90 days).
UNTIL = (date.today() + timedelta(days=30)).isoformat()
STEPS = f"""# Release steps

<!-- archcheck: waive AC101 until={UNTIL} reason="rotation booked for 12 Dec" -->
- [ ] Load test at twice the peak
- [x] Runbook for `dggll6o4xq-t` reviewed
"""


def cli(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "archcheck"), *args],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=120,
    )


def rows(html: str, section: str) -> list[list[str]]:
    """The body rows of the table under the ``<h2 id=section>`` heading, as plain text cells."""
    part = html[html.index(f'<h2 id="{section}"') :]
    part = part[: part.index("</table>")] if "<table>" in part.split("<h2", 2)[1] else ""
    cells = [
        re.findall(r"<td>(.*?)</td>", row, re.S)
        for row in re.findall(r"<tr>(.*?)</tr>", part, re.S)
    ]
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in row] for row in cells if row]


@pytest.fixture
def readiness(build: Build, site: Path) -> str:
    (site / "docs" / "release").mkdir()
    (site / "docs" / "release" / "steps.md").write_text(STEPS)
    done = build(ARCHCHECK_ALLOW_OPEN="1")
    assert done.returncode == 0, done.stdout
    assert archcheck_lines(done.stdout, "WARNING", "ERROR") == []
    return (site / "site" / "release-readiness" / "index.html").read_text()


def test_every_checklist_item_with_its_state_page_and_line(readiness: str, site: Path) -> None:
    listed = rows(readiness, "checklist")
    items = json.loads(cli(site, "checklist", "--format", "json").stdout)["items"]
    expected = {
        "All production secrets rotated": "open",
        "Code reviewed and tested in staging": "done",
        "Load test at twice the peak": "waived",
        "Runbook for dggll6o4xq-t reviewed": "done",
    }
    assert len(listed) == len(items) == len(expected)
    for item in items:
        state = expected[item["text"]]
        assert [state, item["text"], f"{item['path']}:{item['line']}"] in [r[:3] for r in listed]
    # The waived item names its waiver, as the audit report does (one renderer for both).
    assert [r[3] for r in listed if r[0] == "waived"] == ["docs/release/steps.md:3"]


def test_each_item_links_to_its_box_on_its_page(readiness: str, site: Path) -> None:
    checklist = readiness[
        readiness.index('<h2 id="checklist"') : readiness.index('<h2 id="waivers"')
    ]
    links = re.findall(r'<a href="([^"#]*)#(gate-[^"]+)">([^<]+)</a>', checklist)
    assert len(links) == 4
    for href, anchor, shown in links:
        page = (site / "site" / "release-readiness" / href / "index.html").resolve()
        assert shown.startswith(("docs/index.md", "docs/release/steps.md"))
        assert re.search(rf'<li\b[^>]*\bid="{anchor}"', page.read_text()), (href, anchor)


def test_every_waiver_with_its_reason_and_expiry(readiness: str) -> None:
    assert rows(readiness, "waivers") == [
        [
            "docs/release/steps.md:3",
            "AC101",
            UNTIL,
            "rotation booked for 12 Dec",
            "docs/release/steps.md:4",
        ]
    ]


def test_the_token_inventory_matches_the_cli(readiness: str, site: Path) -> None:
    refs = json.loads(cli(site, "tokens", "--format", "json").stdout)["tokens"]
    listed = {name: (value, where) for name, value, where in rows(readiness, "tokens")}
    declared = tomllib.loads((site / "pyproject.toml").read_text())["tool"]["archcheck"]["tokens"]
    assert set(listed) == set(declared)
    for name, value in declared.items():
        where = [f"{r['path']}:{r['line']}" for r in refs if r["name"] == name]
        assert listed[name] == (value, ", ".join(where))


def test_the_overall_verdict(readiness: str) -> None:
    verdict = re.search(r'class="admonition-title">([^<]+)<', readiness)
    assert verdict is not None
    assert verdict.group(1) == "Not ready: 1 of 4 items open, 1 waived"
    assert 'data-archcheck-ready="false"' in readiness


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("as-is", None),
        ("ticked", ("- [ ] All production", "- [x] All production")),
        (
            "token typo",
            ("policy token `dw7txd0yf-0-qmvgmw`.", "policy token `dw7txd0yf-0-qmvgnw`."),
        ),
        ("diagram node", ("api-g --> worker-y", "api-g --> worker-z")),
        ("footnote", ("[^compliance-tnznb7tu]:", "[^compliance]:")),
        ("unused token", ("dggll6o4xq-t", "next")),
    ],
)
def test_strict_build_and_cli_find_the_same_errors(
    build: Build, site: Path, name: str, change: tuple[str, str] | None
) -> None:
    if change:  # every occurrence: an unused token must vanish from the whole note
        note = site / "docs" / "index.md"
        assert change[0] in note.read_text()
        note.write_text(note.read_text().replace(*change))
    done = build("--strict")
    checked = cli(site, "check", "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    errors = [
        f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}"
        for f in json.loads(checked.stdout)["findings"]
        if f["severity"] == "error"
    ]
    assert archcheck_lines(done.stdout, "ERROR") == errors
    assert archcheck_lines(done.stdout, "WARNING") == []
    assert (checked.returncode == 0) == (not errors)
    if errors:  # (a clean strict build is test_build's: other pages' warnings would fail it)
        assert done.returncode == 1
