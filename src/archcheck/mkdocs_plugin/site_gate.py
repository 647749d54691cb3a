"""The gate over a whole MkDocs site: each page checked once, then the project-wide rules.

Results are kept per page with the text they came from, so a `mkdocs serve` rebuild hands the
engine only the pages whose text changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from archcheck.config import Config
from archcheck.engine import CheckResult, PageResult, combine
from archcheck.pipeline import check_texts
from archcheck.sources import Problem


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
    return combine(pages, problems, config)
