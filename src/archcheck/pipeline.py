"""From files to per-page results, fast: the cache first, then the rules' triggers, then reading
from the renderers only what a triggered rule reads, on every core for a large tree. The result
is the one a full read of every file gives (tests/perf compare the two on real and generated
trees)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from archcheck.cache import PageCache
from archcheck.config import Config, ConfigError, NoteError
from archcheck.model import ALL_FACTS, Document, Fact, TextRun
from archcheck.page import PageResult, check_document, page_config
from archcheck.parallel import CHUNK_FILES, SITE_CHUNK_FILES, check_in_pool, worth_it
from archcheck.policy import Policy
from archcheck.site_html.generated import is_generated
from archcheck.sources import Problem, Undecodable, read_markdown
from archcheck.time_limit import PageTooSlowError, time_limit
from archcheck.views.site_of import docs_site, page_site

Progress = Callable[[int, int], None]


def empty_document(path: str, text: str) -> Document:
    """The Document of a page the pre-scan cleared: nothing a rule reads, and its line count."""
    body = text[1:] if text.startswith("\ufeff") else text
    return _empty(path, body.count("\n") + body.count("\r") - body.count("\r\n") + 1)


def _empty(path: str, line_count: int) -> Document:
    return Document(path, line_count, (), (), (), (), (), (), (), ())


def _own_settings(text: str, shown: str, config: Config) -> Config | PageResult | Problem:
    """The settings the page is judged by (page.page_config); for a page `archcheck pages`
    wrote, the empty result of a page that is no note."""
    if is_generated(text):
        return PageResult(shown, empty_document(shown, text), (), (), (), release_note=False)
    try:
        return page_config(config, text, shown)
    except NoteError as error:
        return Problem(shown, str(error), error.line)


def check_parsed(
    text: str,
    shown: str,
    config: Config,
    today: date,
    slim: bool,
    facts: frozenset[Fact] = ALL_FACTS,
) -> object:
    """Read one page (``facts`` of it) and run the page rules: a PageResult, or a Problem if it
    cannot be read. ``config``: the run's, or the page's own already (page_config returns
    that as it is)."""
    from archcheck.document import read_document  # the renderers: only pages to read need them
    from archcheck.rules.tokens import scan

    own = _own_settings(text, shown, config)
    if not isinstance(own, Config):
        return own
    config = own
    try:
        site = page_site(config, shown)
        with time_limit(config.page_time_limit):  # reading the page and judging it
            document = read_document(text, shown, site, facts)
            page = check_document(document, config, today)
    except PageTooSlowError as error:
        return Problem(shown, str(error))
    except ConfigError as error:
        return Problem(shown, str(error))
    except RecursionError:
        return Problem(shown, "cannot check: the Markdown nests too deeply")
    if not slim:
        return page
    # Keep only the text runs that hold a token reference or a typo: the token rules scan each
    # run on its own, so they find the same in the kept runs; the rest is what makes a parsed
    # Document large.
    spots: dict[int, list[int]] = {}
    for found in scan(page.document, config):
        spots.setdefault(found.line, []).append(found.column)
    runs = tuple(run for run in page.document.text_runs if _holds_spot(run, spots))
    return dataclasses.replace(page, document=slim_document(page.document, runs))


def slim_document(document: Document, runs: tuple[TextRun, ...]) -> Document:
    """What is read of a page after its own rules ran: the checklist (the result's items), the
    comments (a page with waivers is cached for a day) and, for the project rules, the token
    runs. Tables, code and the rest are dropped. A project rule that reads more of a Document
    must be given it here; the equivalence tests in tests/perf fail until it is."""
    return dataclasses.replace(
        document,
        text_runs=runs,
        code_blocks=(),
        footnote_refs=(),
        footnote_defs=(),
        tables=(),
        flowcharts=(),
    )


def _holds_spot(run: TextRun, spots: dict[int, list[int]]) -> bool:
    """Whether a finding's column (by line) falls in the run: only its own line's are looked at."""
    end = run.column + len(run.text)
    return any(run.column <= column < end for column in spots.get(run.line, ()))


def _check_file(
    source: Path | str | Undecodable, shown: str, config: Config, today: date
) -> object:
    """Check one page: its text as already read (so the result is of the very text the cache
    key was made from), or a path to read it from."""
    text = (
        read_markdown(source, shown, config.max_file_size) if isinstance(source, Path) else source
    )
    if isinstance(text, Problem):
        return text
    if isinstance(text, Undecodable):
        return with_problem(check_parsed(text.text, shown, config, today, slim=True), text)
    return _check_text(text, shown, config, today)


def with_problem(outcome: object, text: Undecodable) -> object:
    """A page with bad bytes: its items still count, and the run cannot pass (exit 2)."""

    if isinstance(outcome, PageResult):
        return dataclasses.replace(outcome, problems=(*outcome.problems, text.problem))
    return outcome


def _check_text(text: str, shown: str, config: Config, today: date) -> object:
    """Read and check one page for what the rules whose trigger fires on it read; a page no
    trigger fires on is not rendered at all."""
    from archcheck.prescan import prescan_for  # only pages missing from the cache need it

    own = _own_settings(text, shown, config)
    if not isinstance(own, Config):
        return own
    config = own
    try:
        site = page_site(config, shown)
    except ConfigError as error:
        return Problem(shown, str(error))
    page = prescan_for(config).scan(text)
    facts = page.facts()
    # Another file's text may hold a box, and nesting the site's renderer may not survive is
    # a problem: on a site, the boxes are read then.
    if site is not None and (site.may_include or page.deep_prefix()):
        facts |= {"boxes"}
    if not facts:
        release = config.release if config.release_note else None
        empty = empty_document(shown, text)
        return PageResult(
            shown, empty, (), (), (), release=release, release_note=config.release_note
        )
    return check_parsed(text, shown, config, today, slim=True, facts=facts)


def check_files(
    files: Sequence[tuple[Path, str]],
    config: Config,
    *,
    fast: bool = True,
    cache: bool = True,
    progress: Progress | None = None,
    store: PageCache | None = None,
) -> list[object]:
    """One outcome per file, in order: a PageResult, or a Problem for a file that cannot be
    checked. ``fast=False`` parses every file in this process (the reference behaviour).
    ``store``: the page cache, if the caller has opened it already."""

    today = date.today()
    total = len(files)
    outcomes: list[object] = [None] * total
    if not fast:
        for index, (path, shown) in enumerate(files):
            text = read_markdown(path, shown, config.max_file_size)
            if isinstance(text, Undecodable):
                checked = check_parsed(text.text, shown, config, today, slim=False)
                outcomes[index] = with_problem(checked, text)
            elif isinstance(text, Problem):
                outcomes[index] = text
            else:
                outcomes[index] = check_parsed(text, shown, config, today, slim=False)
            if progress:
                progress(index + 1, total)
        return outcomes
    if store is None and cache:
        store = PageCache.open(config, today)
    missing: list[tuple[int, str | None]] = []  # (index, cache key) of pages not in the cache
    jobs: list[tuple[Path | str | Undecodable, str]] = []
    missing_bytes = 0
    for index, (path, shown) in enumerate(files):
        if store is None:
            missing.append((index, None))
            jobs.append((path, shown))
            missing_bytes += _size(path)
            continue
        # Read once: the text the key is made of is the text that is checked and stored.
        text = read_markdown(path, shown, config.max_file_size)
        if isinstance(text, Problem):
            outcomes[index] = text
            continue
        if isinstance(text, Undecodable):  # never cached: checked every time, and a problem
            missing.append((index, None))
            jobs.append((text, shown))
            continue
        key = store.page_key(shown, text)
        hit = store.get(key)
        if isinstance(hit, int):  # a page the pre-scan cleared: only its line count is kept
            outcomes[index] = _cleared(shown, hit)
        elif hit is not None:
            outcomes[index] = hit
        else:
            missing.append((index, key))
            jobs.append((text, shown))
            missing_bytes += len(text)
    results = _run(jobs, missing_bytes, _check_file, config, today)
    for (index, stored_as), outcome in zip(missing, results, strict=True):
        outcomes[index] = outcome
        if store and stored_as and isinstance(outcome, PageResult):
            _remember(store, stored_as, outcome)
    if store:
        store.save()
    if progress:
        progress(total, total)
    return outcomes


def _run(
    jobs: list[tuple[Any, str]],
    size: int,
    check_one: Callable[[Any, str, Config, date], object],
    config: Config,
    today: date,
    keep_free: int = 0,
) -> Iterator[object]:
    """Each job's outcome, in order: in worker processes when that pays, else in this one. The
    site the pages render by is loaded here first, so that a bad mkdocs.yml is one clear error
    and forked workers start with it loaded (and its converter warmed)."""
    site = docs_site(config) if jobs else None
    if not worth_it(jobs, size, site=site is not None):
        return (check_one(source, shown, config, today) for source, shown in jobs)
    if site is not None:
        from archcheck.views.site import warm_up

        warm_up(site)
    chunk = SITE_CHUNK_FILES if site is not None else CHUNK_FILES
    return check_in_pool(jobs, check_one, config, today, keep_free=keep_free, chunk=chunk)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_texts(
    pages: Sequence[tuple[str, str]], config: Config, *, cache: bool = True
) -> list[object]:
    """For the MkDocs plugin: (path, text) pages it has read, checked as check_source() checks
    them (page rules, the configuration's select/ignore), with the cache, the pre-scan and
    worker processes. One PageResult or Problem per page, in order."""
    return list(stream_texts(pages, config, cache=cache))


def stream_texts(
    pages: Sequence[tuple[str, str]], config: Config, *, cache: bool = True, keep_free: int = 0
) -> Iterator[object]:
    """check_texts() as it happens: the cache is read and the worker processes start now, and
    the iterator hands over each page's outcome, in order, once it is ready, so a caller can
    render page 1 while the workers check page 500. The cache is written once the last outcome
    has been taken. ``keep_free``: cores the worker processes leave to the caller."""
    today = date.today()
    store = PageCache.open(config, today) if cache else None
    outcomes: list[object] = [None] * len(pages)
    missing: list[tuple[int, str | None]] = []
    for index, (shown, text) in enumerate(pages):
        key = store.page_key(shown, text) if store else None
        hit = store.get(key) if store and key else None
        if isinstance(hit, int):
            outcomes[index] = _cleared(shown, hit)
        elif hit is not None:
            outcomes[index] = hit
        else:
            missing.append((index, key))
    jobs = [(pages[index][1], pages[index][0]) for index, _ in missing]
    results = _run(jobs, sum(len(text) for text, _ in jobs), _check_text, config, today, keep_free)
    return _in_order(outcomes, missing, results, store, config)


def _cleared(shown: str, line_count: int) -> object:

    return PageResult(shown, _empty(shown, line_count), (), (), ())


def _in_order(
    outcomes: list[object],
    missing: list[tuple[int, str | None]],
    results: Iterator[object],
    store: PageCache | None,
    config: Config,
) -> Iterator[object]:

    pending = iter(missing)
    for index, outcome in enumerate(outcomes):
        if outcome is None:  # a page that was not in the cache: the next result is its outcome
            at, key = next(pending)
            assert at == index
            outcome = next(results)
            if store and key and isinstance(outcome, PageResult):
                _remember(store, key, outcome)
        if isinstance(outcome, PageResult) and outcome.findings:
            kept = Policy.of(config).finish(outcome.findings)
            outcome = dataclasses.replace(outcome, findings=tuple(kept))
        yield outcome
    for _ in results:  # none left: this closes the worker pool
        raise AssertionError("more results than pages")
    if store:
        store.save()


def _remember(store: PageCache, key: str, page: object) -> None:

    assert isinstance(page, PageResult)
    document = page.document
    cleared = page.findings == () and document == _empty(document.path, document.line_count)
    cleared = cleared and page.release is None  # a cleared page keeps only its line count
    store.put(key, document.line_count if cleared else page, dated=bool(document.comments))
