"""The plugin through a real `mkdocs build` of a copy of this site: the gate in a strict build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import Build, archcheck_lines, edit, open_finding, tick

pytestmark = pytest.mark.slow


def problems(output: str) -> list[str]:
    """Every WARNING or ERROR line of a build, from any logger."""
    return [
        line.partition(" -  ")[2]
        for line in output.splitlines()
        if line.split(" ", 1)[0] in ("WARNING", "ERROR")
    ]


def test_strict_build_fails_for_the_open_item_and_only_for_it(build: Build, site: Path) -> None:
    done = build("--strict")
    assert done.returncode == 1, done.stdout
    assert problems(done.stdout) == [f"archcheck: {open_finding(site)}"]
    assert "Aborted with 1 errors in strict mode!" in done.stdout


def test_strict_build_passes_once_the_item_is_ticked(build: Build, site: Path) -> None:
    tick(site)
    done = build("--strict")
    assert done.returncode == 0, done.stdout
    assert problems(done.stdout) == []
    assert "release gate green for dggll6o4xq-t: all 2 items done" in done.stdout
    page = (site / "site" / "index.html").read_text()
    assert "Release gate green: all 2 items done" in page
    readiness = (site / "site" / "release-readiness" / "index.html").read_text()
    assert "Ready: all 2 items done" in readiness


@pytest.mark.parametrize("how", ["environment", "plugin option"])
def test_open_items_allowed_pass_but_are_still_printed(build: Build, site: Path, how: str) -> None:
    if how == "environment":
        done = build("--strict", ARCHCHECK_ALLOW_OPEN="1")
    else:
        edit(site / "mkdocs.yml", "  - archcheck\n", "  - archcheck:\n      allow_open: true\n")
        done = build("--strict")
    assert done.returncode == 0, done.stdout
    assert problems(done.stdout) == []
    where, _, message = open_finding(site).partition(" AC101 ")
    assert any(
        line.startswith(f"{where} AC101 [allowed") and line.endswith(message)
        for line in archcheck_lines(done.stdout, "INFO")
    )
    assert "release gate red for dggll6o4xq-t: 1 of 2 items open" in done.stdout
    page = (site / "site" / "index.html").read_text()
    assert "Release gate red: 1 of 2 items open" in page
    assert "Preview build: open items are allowed here" in page


def test_an_unreadable_allow_open_value_fails_closed(build: Build) -> None:
    done = build("--strict", ARCHCHECK_ALLOW_OPEN="maybe")
    assert done.returncode != 0
    assert "ARCHCHECK_ALLOW_OPEN='maybe': expected 1 or 0" in done.stdout
    assert "Traceback" not in done.stdout


def test_a_bad_configuration_stops_the_build_with_one_line(build: Build, site: Path) -> None:
    edit(site / "pyproject.toml", 'policy = "dw7txd0yf-0-qmvgmw"', "policy = 7")
    done = build()
    assert done.returncode != 0
    assert "pyproject.toml: [tool.archcheck] tokens.policy: expected a non-empty string" in (
        done.stdout
    )
    assert "Traceback" not in done.stdout


def test_the_banner_opens_the_page_and_links_to_the_open_item(build: Build, site: Path) -> None:
    assert build().returncode == 0
    page = (site / "site" / "index.html").read_text()
    article = page[page.index("<article") :]
    heading_end = article.index("</h1>")
    banner = article.index('id="release-gate"')
    # Directly under the page title, before the note's first paragraph.
    assert heading_end < banner < article.index("<p>This architecture note")
    links = re.findall(r'<ul class="archcheck-open-items">(.*?)</ul>', article, re.S)[0]
    anchors = re.findall(r'href="#([^"]+)">([^<]+)</a>', links)
    assert [text for _, text in anchors] == ["All production secrets rotated"]
    target = re.search(rf'<li\b[^>]*\bid="{anchors[0][0]}"[^>]*>(.*?)</li>', article, re.S)
    assert target is not None and "All production secrets rotated" in target.group(1)
    assert "checked" not in target.group(1)  # the link lands on the open box itself


def test_a_page_without_a_checklist_or_findings_has_no_banner(build: Build, site: Path) -> None:
    (site / "docs" / "plain.md").write_text("# Plain\n\nNothing to check here.\n")
    assert build().returncode == 0
    assert 'id="release-gate"' not in (site / "site" / "plain" / "index.html").read_text()


def test_a_box_the_built_page_shows_differently_fails_every_build(build: Build, site: Path) -> None:
    # A hook that ticks every box after archcheck read the source: the page would claim a
    # release state the gate never saw. A box written as HTML is one the gate counts.
    (site / "tick_hook.py").write_text(
        "def on_page_markdown(markdown, **kwargs):\n    return markdown.replace('- [ ]', '- [x]')\n"
    )
    edit(site / "mkdocs.yml", "plugins:\n", "hooks:\n  - tick_hook.py\n\nplugins:\n")
    (site / "docs" / "raw.md").write_text('# Raw\n\n<input type="checkbox" checked>\n')
    done = build()
    assert done.returncode == 1, done.stdout
    assert [line for line in archcheck_lines(done.stdout, "ERROR") if "AC104" in line] == [
        "docs/index.md:1:1: AC104 the built page shows 2 checkboxes (2 checked), "
        "but the gate counted 2 (1 checked)",
    ]
    assert "the built site shows boxes the gate did not count (docs/index.md)" in done.stdout
    page = (site / "site" / "index.html").read_text()
    assert "AC104" in page  # the banner names it


def test_a_box_added_after_markdown_fails_the_build(build: Build, site: Path) -> None:
    (site / "box_hook.py").write_text(
        "def on_page_content(html, **kwargs):\n"
        "    return html + '<ul><li><input type=\"checkbox\" disabled> late</li></ul>'\n"
    )
    edit(site / "mkdocs.yml", "plugins:\n", "hooks:\n  - box_hook.py\n\nplugins:\n")
    tick(site)
    done = build("--strict")
    assert done.returncode == 1, done.stdout
    assert "docs/index.md:1:1: AC104 the built page shows 3 checkboxes (2 checked), " in done.stdout


def test_the_readiness_page_is_generated_not_written_into_docs(build: Build, site: Path) -> None:
    assert build().returncode == 0
    assert not (site / "docs" / "release-readiness.md").exists()
    nav = (site / "site" / "index.html").read_text()
    assert re.search(r'href="release-readiness/"[^>]*>\s*<span[^>]*>\s*Release readiness', nav)


def test_a_docs_file_in_the_readiness_page_s_place_is_an_error(build: Build, site: Path) -> None:
    (site / "docs" / "release-readiness.md").write_text("# Mine\n")
    done = build()
    assert done.returncode != 0
    assert "release-readiness.md exists in" in done.stdout and "Traceback" not in done.stdout
