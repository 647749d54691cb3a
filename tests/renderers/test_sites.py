"""The gate's one promise on real builds: no open box cmark-gfm or the built site shows is missed.

Each site in sites/ is built with ``mkdocs build`` and checked with ``archcheck check --format
json``, as is its ticked variant (every ``[ ]`` made ``[x]``), which must pass the gate.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from built_pages import (
    explain,
    github_view_problems,
    site_view_problems,
    ticked_site_complaints,
    unreported_disagreements,
)
from mkdocs.utils.yaml import yaml_load
from real_renderers import SiteMarkdown, built_page_boxes
from site_builds import SITE_NAMES, SITES, SiteRuns

from archcheck.views.site_config import OWN_EXTENSION

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    (name, path.relative_to(SITES / name).as_posix())
    for name in SITE_NAMES
    for path in sorted((SITES / name / "docs").rglob("*.md"))
]
PAGE_IDS = [f"{name}/{page}" for name, page in PAGES]
VARIANT = pytest.mark.parametrize("ticked", [False, True], ids=["as-written", "ticked"])


@VARIANT
@pytest.mark.parametrize(("name", "page"), PAGES, ids=PAGE_IDS)
def test_site_view_is_the_built_page(
    site_runs: SiteRuns, name: str, page: str, ticked: bool
) -> None:
    run = site_runs.get(name, ticked=ticked)
    problems = site_view_problems(run, page)
    if problems:
        pytest.fail(explain(run, page, problems), pytrace=False)


@VARIANT
@pytest.mark.parametrize(("name", "page"), PAGES, ids=PAGE_IDS)
def test_github_view_is_cmark_gfm(site_runs: SiteRuns, name: str, page: str, ticked: bool) -> None:
    run = site_runs.get(name, ticked=ticked)
    problems = github_view_problems(run, page)
    if problems:
        pytest.fail(explain(run, page, problems), pytrace=False)


@pytest.mark.parametrize("name", SITE_NAMES)
def test_ticked_site_passes_the_gate(site_runs: SiteRuns, name: str) -> None:
    complaints = ticked_site_complaints(
        site_runs.get(name, ticked=True).report, other_rules_clean=True
    )
    if complaints:
        pytest.fail(f"{name} (ticked): " + "\n".join(complaints), pytrace=False)


@pytest.mark.parametrize("name", SITE_NAMES)
def test_site_as_written_fails_the_gate(site_runs: SiteRuns, name: str) -> None:
    report = site_runs.get(name, ticked=False).report
    exit_code = report.exit_code
    assert exit_code == 1, f"{name}: exit {exit_code}: {report.problems}"
    assert report.codes("AC101"), f"{name}: every page holds an open box, none was reported"


@pytest.mark.parametrize("name", SITE_NAMES)
def test_views_disagreeing_about_an_open_item_are_reported(site_runs: SiteRuns, name: str) -> None:
    problems = unreported_disagreements(site_runs.get(name, ticked=False).report)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@cache
def _site_markdown(mkdocs_yml: Path) -> SiteMarkdown:
    return SiteMarkdown(mkdocs_yml)


@pytest.mark.parametrize(("name", "page"), PAGES, ids=PAGE_IDS)
def test_in_process_site_markdown_is_the_build(site_runs: SiteRuns, name: str, page: str) -> None:
    # The fuzz and generated tests render pages in-process; this says they see what a build does.
    run = site_runs.get(name, ticked=False)
    rendered = _site_markdown(run.folder / "mkdocs.yml").boxes(run.source(page))
    assert rendered == built_page_boxes(run.built_html(page))


def test_this_repo_site_has_the_repository_markdown_set() -> None:
    def extensions(path: Path) -> object:
        # archcheck's own extension adds to what a page shows; the site's view leaves it out.
        with path.open(encoding="utf-8") as handle:
            return [e for e in yaml_load(handle)["markdown_extensions"] if e != OWN_EXTENSION]

    assert extensions(SITES / "this-repo" / "mkdocs.yml") == extensions(ROOT / "mkdocs.yml")
