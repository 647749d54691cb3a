"""check(): files -> parse -> rules -> suppressions -> one result. Pure per document, so the
pipeline (pipeline.py: cache, pre-scan, worker processes) runs check_document where it pays."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from archcheck.config import Config, ConfigError, cannot_ignore, gate_codes_ignored, load_config
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document
from archcheck.pipeline import check_files
from archcheck.rules import RULES
from archcheck.rules.tokens import TokenReference, references
from archcheck.sources import Problem, discover
from archcheck.suppressions import Waiver, apply, relax
from archcheck.views.site_config import Site

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PageResult:
    """What archcheck says about one page: for the MkDocs plugin and check()."""

    path: str
    document: Document
    findings: tuple[Finding, ...]
    waivers: tuple[Waiver, ...]
    tokens: tuple[TokenReference, ...]
    problems: tuple[Problem, ...] = ()  # what keeps the page from being read cleanly

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self.document.checklist


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...] = ()
    items: tuple[ChecklistItem, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    problems: tuple[Problem, ...] = ()
    documents: tuple[str, ...] = ()
    tokens: tuple[TokenReference, ...] = field(default=())

    @property
    def exit_code(self) -> int:
        """2 could not run, 1 an error-severity finding, 0 clean."""
        if self.problems:
            return 2
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0


def _wanted(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    return (not select or code.startswith(tuple(select))) and not code.startswith(tuple(ignore))


def _refuse_gate_ignore(ignore: Sequence[str]) -> None:
    for code in gate_codes_ignored(ignore):
        raise ConfigError(f"ignore={list(ignore)}: {cannot_ignore(code, 'pass allow_open=True')}")


def _finish(
    findings: Iterable[Finding], allow_open: bool, select: Sequence[str], ignore: Sequence[str]
) -> list[Finding]:
    kept = [relax(f) if allow_open else f for f in findings if _wanted(f.code, select, ignore)]
    return sorted(kept, key=lambda f: (f.path, f.line, f.column, f.code))


def check_document(document: Document, config: Config, today: date | None = None) -> PageResult:
    """Run every document rule on one parsed document and apply its directives."""
    page_rules = [rule for rule in RULES if not rule.project and not rule.built]
    found = [f for rule in page_rules for f in rule.check(document, config)]  # type: ignore[arg-type]
    kept, waivers = apply(found, document, today or date.today())
    tokens = tuple(references(document, config))
    return PageResult(document.path, document, tuple(kept), tuple(waivers), tokens)


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
    site, when ``path`` is in its docs folder). Raises ConfigError if ``ignore`` covers AC101
    or AC103 (see config.GATE_CODES)."""
    from archcheck.document import read_document  # on first use: see __init__.py
    from archcheck.site_of import page_site

    _refuse_gate_ignore(ignore)
    config = config or Config(root=Path.cwd())
    site = site or page_site(config, path)
    page = check_document(read_document(text, path, site), config)
    findings = _finish(
        page.findings, allow_open, (*config.select, *select), (*config.ignore, *ignore)
    )
    return PageResult(page.path, page.document, tuple(findings), page.waivers, page.tokens)


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
    ``ignore`` covers AC101 or AC103 (see config.GATE_CODES)."""
    _refuse_gate_ignore(ignore)
    config = config or load_config()
    targets = [Path(p) for p in paths] if paths else [config.root / d for d in config.docs]
    files, problems = discover(targets, Path.cwd())
    pages: list[PageResult] = []
    for outcome in check_files(files, config, fast=fast, cache=cache, progress=progress):
        if isinstance(outcome, PageResult):
            pages.append(outcome)
        else:
            assert isinstance(outcome, Problem)
            problems.append(outcome)
    return combine(pages, problems, config, allow_open=allow_open, select=select, ignore=ignore)


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
    return CheckResult(
        findings=tuple(
            _finish(found, allow_open, (*config.select, *select), (*config.ignore, *ignore))
        ),
        items=tuple(item for page in pages for item in page.items),
        waivers=tuple(w for page in pages for w in page.waivers),
        problems=tuple(problems),
        documents=tuple(page.path for page in pages),
        tokens=tuple(t for page in pages for t in page.tokens),
    )
