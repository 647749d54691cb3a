"""The gate over a whole MkDocs site: each page checked once, then the project-wide rules.

Results are kept per page with the text they came from, so a `mkdocs serve` rebuild hands the
engine only the pages whose text changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from archcheck.config import Config
from archcheck.engine import CheckResult, PageResult
from archcheck.findings import Finding
from archcheck.model import Document
from archcheck.pipeline import check_texts
from archcheck.rules import RULES
from archcheck.sources import Problem


def _wanted(code: str, config: Config) -> bool:
    # The same prefix matching check() applies to config.select / config.ignore.
    selected = not config.select or code.startswith(tuple(config.select))
    return selected and not code.startswith(tuple(config.ignore))


def project_findings(documents: Sequence[Document], config: Config) -> list[Finding]:
    """Findings of the rules that judge every document together (an unused token, say)."""
    found = [f for rule in RULES if rule.project for f in rule.check(documents, config)]  # type: ignore[arg-type]
    return [f for f in found if _wanted(f.code, config)]


@dataclass
class SitePages:
    """Per-page results of the last build, valid while the configuration and the day are the same
    (a waiver expires at midnight). Pages not seen before go to the engine in one batch, which
    brings its own on-disk cache (shared with `archcheck check`), pre-scan and worker processes.
    """

    config: Config | None = None
    day: date | None = None
    pages: dict[str, tuple[str, PageResult]] = field(default_factory=dict)

    def start(self, config: Config, today: date) -> None:
        if (config, today) != (self.config, self.day):
            self.config, self.day, self.pages = config, today, {}

    def check(self, sources: Sequence[tuple[str, str]]) -> list[PageResult | Problem]:
        """One result per (path, text), in order. Never allow_open here: the plugin decides how
        loudly to log an open item, the verdict itself always fails closed."""
        assert self.config is not None, "start() first"
        outcomes: list[PageResult | Problem | None] = []
        misses: list[tuple[int, tuple[str, str]]] = []
        for index, (path, text) in enumerate(sources):
            cached = self.pages.get(path)
            hit = cached is not None and cached[0] == text
            outcomes.append(cached[1] if cached is not None and hit else None)
            if not hit:
                misses.append((index, (path, text)))
        checked = check_texts([source for _, source in misses], self.config)
        for (index, (path, text)), outcome in zip(misses, checked, strict=True):
            assert isinstance(outcome, PageResult | Problem)
            outcomes[index] = outcome
            if isinstance(outcome, PageResult):
                self.pages[path] = (text, outcome)
        wanted = {path for path, _ in sources}
        self.pages = {p: v for p, v in self.pages.items() if p in wanted}
        return [outcome for outcome in outcomes if outcome is not None]


def site_result(
    pages: Sequence[PageResult], problems: Sequence[Problem], config: Config
) -> CheckResult:
    """One CheckResult for the site, as `archcheck check` would give for the same files."""
    findings = [f for page in pages for f in page.findings]
    if pages and not problems:  # a project rule needs every document to judge
        findings += project_findings([page.document for page in pages], config)
    return CheckResult(
        findings=tuple(sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code))),
        items=tuple(item for page in pages for item in page.items),
        waivers=tuple(w for page in pages for w in page.waivers),
        problems=tuple(problems),
        documents=tuple(page.path for page in pages),
        tokens=tuple(t for page in pages for t in page.tokens),
    )
