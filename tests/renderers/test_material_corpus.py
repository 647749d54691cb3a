"""The gate's promise on a real Material site: squidfunk/mkdocs-material's own documentation.

The corpus (../shared/corpora/mkdocs-material-docs, read-only; see its SOURCE.md) is copied to a
temporary folder with a pyproject.toml, and built for real with its own mkdocs.yml, which keeps
that site's exact markdown_extensions (a full build takes a few seconds, so the built pages are
the site's view, not an in-process Python-Markdown). Its ticked variant must hold no open item.
"""

from __future__ import annotations

import pytest
from built_pages import (
    explain,
    github_view_problems,
    site_view_problems,
    ticked_site_complaints,
    unreported_disagreements,
)
from site_builds import CORPUS, SiteRuns

if not CORPUS.is_dir():
    pytest.skip(f"the Material docs corpus is not at {CORPUS}", allow_module_level=True)

pytestmark = pytest.mark.slow

PAGES = sorted(path.relative_to(CORPUS).as_posix() for path in (CORPUS / "docs").rglob("*.md"))
VARIANT = pytest.mark.parametrize("ticked", [False, True], ids=["as-written", "ticked"])


@VARIANT
@pytest.mark.parametrize("page", PAGES)
def test_site_view_is_the_built_page(site_runs: SiteRuns, page: str, ticked: bool) -> None:
    run = site_runs.get(CORPUS.name, ticked=ticked)
    problems = site_view_problems(run, page)
    if problems:
        pytest.fail(explain(run, page, problems), pytrace=False)


@VARIANT
@pytest.mark.parametrize("page", PAGES)
def test_github_view_is_cmark_gfm(site_runs: SiteRuns, page: str, ticked: bool) -> None:
    run = site_runs.get(CORPUS.name, ticked=ticked)
    problems = github_view_problems(run, page)
    if problems:
        pytest.fail(explain(run, page, problems), pytrace=False)


def test_ticked_corpus_holds_no_open_item(site_runs: SiteRuns) -> None:
    # The corpus's diagrams and footnotes have findings of their own (exit 1 is theirs).
    report = site_runs.get(CORPUS.name, ticked=True).report
    complaints = ticked_site_complaints(report, other_rules_clean=False)
    if complaints:
        pytest.fail("the ticked corpus: " + "\n".join(complaints), pytrace=False)


def test_views_disagreeing_about_an_open_item_are_reported(site_runs: SiteRuns) -> None:
    problems = unreported_disagreements(site_runs.get(CORPUS.name, ticked=False).report)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
