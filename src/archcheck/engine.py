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
from archcheck.item_states import item_states
from archcheck.model import ChecklistItem
from archcheck.nearest import by_nearest_config
from archcheck.page import PageResult as PageResult
from archcheck.page import check_document as check_document
from archcheck.page import page_config
from archcheck.pipeline import check_files
from archcheck.policy import Policy
from archcheck.releases import ReleaseVerdict, release_verdicts
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
    # Each checked page and the release it belongs to (None: no release).
    page_releases: tuple[tuple[str, str | None], ...] = ()

    @property
    def exit_code(self) -> int:
        """2 could not run, 1 an error-severity finding, 0 clean."""
        if self.problems:
            return 2
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0

    @property
    def releases(self) -> tuple[ReleaseVerdict, ...]:
        """One verdict per release (releases.py)."""
        states = tuple(item_states(self.items, self.waivers))
        return release_verdicts(self.page_releases, states, self.findings, len(self.problems))

    def for_release(self, release: str) -> CheckResult:
        """This result narrowed to one release's pages, and what holds every release (findings
        outside every page, problems). Raises ConfigError if no page belongs to ``release``."""
        pages = {path for path, r in self.page_releases if r == release}
        if not pages:
            known = sorted({r for _, r in self.page_releases if r is not None})
            raise ConfigError(
                f"--release {release}: expected a release a checked page belongs to, got none "
                f"(releases: {', '.join(known) or 'none declared'})"
            )
        own = {path for path, _ in self.page_releases}
        return dataclasses.replace(
            self,
            findings=tuple(f for f in self.findings if f.path in pages or f.path not in own),
            items=tuple(item for item in self.items if item.path in pages),
            waivers=tuple(w for w in self.waivers if w.path in pages),
            documents=tuple(path for path in self.documents if path in pages),
            tokens=tuple(t for t in self.tokens if t.path in pages),
            page_releases=tuple(pair for pair in self.page_releases if pair[0] in pages),
        )


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
        config = page_config(config, text, path)
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
    nearest: bool | None = None,
) -> CheckResult:
    """Check Markdown files (default: the configured docs folders).

    Each file is judged by the configuration nearest above it (``nearest``, the default when
    no ``config`` is given; nearest.py), otherwise every file by ``config``.

    ``fast`` (the default) reuses cached pages (unless ``cache=False``), parses only pages that
    could hold a finding and uses every core on a large tree; ``fast=False`` parses every page
    in this process. Both give the same result (see pipeline.py). Raises ConfigError if
    ``select`` or ``ignore`` names no rule or would leave out a gate code (see
    config.GATE_CODES), or if the docs folders disagree with the site's docs_dir."""
    nearest = config is None if nearest is None else nearest
    config = config or load_config()
    Policy.of(config, select=select, ignore=ignore)  # refuses a bad selection before any page
    site_file(config)  # a mkdocs-config that is not there is a ConfigError, before any page
    store = PageCache.open(config, date.today()) if fast and cache else None
    found = discover(paths, config, store)
    groups = by_nearest_config(found.files, config) if nearest else [(config, found.files)]
    results = []
    for own, files in groups:
        # What discovery could not read keeps the run's project rules from judging a part.
        problems: list[Problem] = list(found.problems) if own is config else []
        pages: list[PageResult] = []
        here = store if own is config else PageCache.open(own, date.today()) if store else None
        outcomes = check_files(files, own, fast=fast, cache=cache, progress=progress, store=here)
        for outcome in outcomes:
            if isinstance(outcome, PageResult):
                pages.append(outcome)
            else:
                assert isinstance(outcome, Problem)
                problems.append(outcome)
        results.append(
            combine(pages, problems, own, allow_open=allow_open, select=select, ignore=ignore)
        )
    return dataclasses.replace(merged(results), skipped=tuple(found.skipped))


def merged(results: Sequence[CheckResult]) -> CheckResult:
    """One result from the results of several configurations' files."""
    if len(results) == 1:
        return results[0]
    findings = sorted(
        (f for r in results for f in r.findings), key=lambda f: (f.path, f.line, f.column, f.code)
    )
    return CheckResult(
        findings=tuple(findings),
        items=tuple(i for r in results for i in r.items),
        waivers=tuple(w for r in results for w in r.waivers),
        problems=tuple(p for r in results for p in r.problems),
        documents=tuple(d for r in results for d in r.documents),
        tokens=tuple(t for r in results for t in r.tokens),
        page_releases=tuple(pair for r in results for pair in r.page_releases),
    )


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
    # Only release notes' references count as uses of a token (config.release_notes).
    documents = [page.document for page in pages if page.release_note]
    found = [f for page in pages for f in page.findings]
    problems = [*problems, *(p for page in pages for p in page.problems)]
    if pages and not problems:  # a project rule needs every document to judge
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
        page_releases=tuple((page.path, page.release) for page in pages),
    )
