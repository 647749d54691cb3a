"""The gate's promise on a real Material site: squidfunk/mkdocs-material's own documentation.

The corpus (../shared/corpora/mkdocs-material-docs, read-only; see its SOURCE.md) is copied to a
temporary folder with a pyproject.toml, and built for real with its own mkdocs.yml, which keeps
that site's exact markdown_extensions (a full build takes a few seconds, so the built pages are
the site's view, not an in-process Python-Markdown). Its ticked variant must hold no open item.
Other rules' findings (diagrams, footnotes) are the corpus's own and not checked here.
"""

from __future__ import annotations

import pytest
from archcheck_cli import describe_findings
from built_pages import explain, github_view_problems, site_view_problems
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
    report = site_runs.get(CORPUS.name, ticked=True).report
    blocking, exit_code = report.codes("AC101", "AC102"), report.exit_code
    assert not blocking, f"the ticked corpus still blocks:\n{describe_findings(blocking)}"
    assert not report.problems, f"the ticked corpus: {report.problems}"
    assert exit_code in (0, 1), f"archcheck could not run on the ticked corpus: exit {exit_code}"
