"""The gate over a whole MkDocs site: each page checked once, then the project-wide rules.

Results are kept per page with the text they came from, so a `mkdocs serve` rebuild hands the
engine only the pages whose text changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from archcheck.config import Config
from archcheck.engine import CheckResult, PageResult, combine
from archcheck.pipeline import stream_texts
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
        return list(self.stream(sources))

    def stream(self, sources: Sequence[tuple[str, str]]) -> Iterator[PageResult | Problem]:
        """check() as it happens: the engine starts on the changed pages now (worker processes
        check them while MkDocs renders, leaving MkDocs a core), and each result is handed over,
        in order, when ready."""
        assert self.config is not None, "start() first"
        wanted = {path for path, _ in sources}
        self.pages = {p: v for p, v in self.pages.items() if p in wanted}
        known: list[PageResult | None] = []
        misses: list[tuple[str, str]] = []
        for path, text in sources:
            cached = self.pages.get(path)
            hit = cached is not None and cached[0] == text
            known.append(cached[1] if cached is not None and hit else None)
            if not hit:
                misses.append((path, text))
        return self._in_order(known, misses, stream_texts(misses, self.config, keep_free=1))

    def _in_order(
        self,
        known: list[PageResult | None],
        misses: list[tuple[str, str]],
        checked: Iterator[object],
    ) -> Iterator[PageResult | Problem]:
        pending = iter(misses)
        for cached in known:
            if cached is not None:
                yield cached
                continue
            path, text = next(pending)
            outcome = next(checked)
            assert isinstance(outcome, PageResult | Problem)
            if isinstance(outcome, PageResult):
                self.pages[path] = (text, outcome)
            yield outcome
        for _ in checked:  # none left: this lets the engine write its cache
            raise AssertionError("more results than pages")


class Arriving:
    """The results of a build's pages as the engine hands them over, in page order: a page's
    result is waited for only when asked for, so rendering and checking overlap."""

    def __init__(self, uris: Sequence[str], outcomes: Iterator[PageResult | Problem]) -> None:
        self.expected = set(uris)
        self.outcomes = zip(uris, outcomes, strict=True)
        self.pages: dict[str, PageResult] = {}  # by src_uri, in page order
        self.problems: list[Problem] = []

    def _take(self) -> bool:
        """Take the next page's outcome; False when there are none left."""
        uri, outcome = next(self.outcomes, ("", None))
        if outcome is None:
            return False
        if isinstance(outcome, Problem):
            self.problems.append(outcome)
        else:
            self.pages[uri] = outcome
        return True

    def result(self, uri: str) -> PageResult | None:
        """The page's result (waiting for it if need be); None for a page not checked."""
        while uri in self.expected and uri not in self.pages and self._take():
            pass
        return self.pages.get(uri)

    def all(self) -> dict[str, PageResult]:
        while self._take():
            pass
        return self.pages


def site_result(
    pages: Sequence[PageResult], problems: Sequence[Problem], config: Config
) -> CheckResult:
    """One CheckResult for the site, as `archcheck check` would give for the same files."""
    return combine(pages, problems, config)
