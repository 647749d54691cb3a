"""check(): files -> the renderers' views -> rules -> suppressions -> one result. The pipeline
(pipeline.py: cache, triggers, worker processes) runs each page's check (page.py) where it pays;
combine() judges the pages together."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archcheck.cache import PageCache
from archcheck.config import Config, ConfigError, NoteError, load_config
from archcheck.discovery import Skipped, discover
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem
from archcheck.page import PageResult as PageResult
from archcheck.page import check_document as check_document
from archcheck.page import page_config
from archcheck.pipeline import check_files
from archcheck.policy import Policy
from archcheck.rules import RULES
from archcheck.rules.tokens import TokenReference
from archcheck.sources import Problem
from archcheck.suppressions import Waiver
from archcheck.views.site_config import Site
from archcheck.views.site_of import site_file

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...] = ()
    items: tuple[ChecklistItem, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    problems: tuple[Problem, ...] = ()
    documents: tuple[str, ...] = ()
    tokens: tuple[TokenReference, ...] = field(default=())
    # Markdown files found but not checked, because the site does not publish them.
    skipped: tuple[Skipped, ...] = ()

    @property
    def exit_code(self) -> int:
        """2 could not run, 1 an error-severity finding, 0 clean."""
        if self.problems:
            return 2
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0


def check_source(
    text: str,
    path: str = "<string>",
    config: Config | None = None,
    *,
    allow_open: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    site: Site | None = None,
) -> PageResult:
    """Check one page's source text, without file I/O (project-wide rules are not run).
    ``site``: the MkDocs site whose view of the page counts too (by default the configured
    site, when ``path`` is in its docs folder). Raises ConfigError if ``select`` or ``ignore``
    names no rule or would leave out a gate code (see config.GATE_CODES)."""
    from archcheck.document import read_document  # on first use: see __init__.py
    from archcheck.views.site_of import page_site

    config = config or Config(root=Path.cwd())
    policy = Policy.of(config, select=select, ignore=ignore, allow_open=allow_open)
    try:
        config = page_config(config, text)
    except NoteError as error:
        raise ConfigError(f"{path}:{error.line}: {error}") from None
    site = site or page_site(config, path)
    page = check_document(read_document(text, path, site), config)
    findings = policy.finish(page.findings)
    return dataclasses.replace(page, findings=tuple(findings))


def check(
    paths: Sequence[str | Path] | None = None,
    config: Config | None = None,
    *,
    allow_open: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    progress: Progress | None = None,
    fast: bool = True,
    cache: bool = True,
) -> CheckResult:
    """Check Markdown files (default: the configured docs folders).

    ``fast`` (the default) reuses cached pages (unless ``cache=False``), parses only pages that
    could hold a finding and uses every core on a large tree; ``fast=False`` parses every page
    in this process. Both give the same result (see pipeline.py). Raises ConfigError if
    ``select`` or ``ignore`` names no rule or would leave out a gate code (see
    config.GATE_CODES), or if the docs folders disagree with the site's docs_dir."""
    config = config or load_config()
    Policy.of(config, select=select, ignore=ignore)  # refuses a bad selection before any page
    site_file(config)  # a mkdocs-config that is not there is a ConfigError, before any page
    store = PageCache.open(config, date.today()) if fast and cache else None
    found = discover(paths, config, store)
    files, problems = found.files, found.problems
    pages: list[PageResult] = []
    outcomes = check_files(files, config, fast=fast, cache=cache, progress=progress, store=store)
    for outcome in outcomes:
        if isinstance(outcome, PageResult):
            pages.append(outcome)
        else:
            assert isinstance(outcome, Problem)
            problems.append(outcome)
    result = combine(pages, problems, config, allow_open=allow_open, select=select, ignore=ignore)
    return dataclasses.replace(result, skipped=tuple(found.skipped))


def combine(
    pages: Sequence[PageResult],
    problems: Sequence[Problem],
    config: Config,
    *,
    allow_open: bool = False,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> CheckResult:
    """One result from checked pages: the project-wide rules judge them together, then the
    configuration's and the caller's select/ignore apply. check() and the MkDocs plugin both end
    here, so a site build and `archcheck check` give one verdict for the same files."""
    documents = [page.document for page in pages]
    found = [f for page in pages for f in page.findings]
    problems = [*problems, *(p for page in pages for p in page.problems)]
    if documents and not problems:  # a project rule needs every document to judge
        for rule in RULES:
            if rule.project:
                found += rule.check(documents, config)  # type: ignore[arg-type]
    policy = Policy.of(config, select=select, ignore=ignore, allow_open=allow_open)
    return CheckResult(
        findings=tuple(policy.finish(found)),
        items=tuple(item for page in pages for item in page.items),
        waivers=tuple(w for page in pages for w in page.waivers),
        problems=tuple(problems),
        documents=tuple(page.path for page in pages),
        tokens=tuple(t for page in pages for t in page.tokens),
    )
