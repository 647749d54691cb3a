"""The `archcheck` MkDocs plugin: a thin adapter that runs the engine over the site's pages.

Every finding is logged through MkDocs' plugin logger at the level that makes `mkdocs build
--strict` fail exactly when `archcheck check` would (errors count, warnings are shown). Each page
with a checklist gets a readiness banner, and a generated Release readiness page lists the state
of the whole site. `mkdocs serve` never aborts on findings: it shows them on every rebuild.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from archcheck.config import Config, ConfigError, load_config, read_config
from archcheck.engine import CheckResult, PageResult
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Render
from archcheck.pipeline import check_texts
from archcheck.policy import Policy
from archcheck.printable import printable
from archcheck.report import ItemVerdict, item_states
from archcheck.rules.checklist import uncounted_box
from archcheck.site_html.accessible_boxes import label_boxes
from archcheck.site_html.anchors import item_ids
from archcheck.site_html.banner import render_banner
from archcheck.site_html.readiness import render_readiness
from archcheck.sources import Problem
from archcheck.views.built_page import add_item_ids, count_boxes, insert_at_top
from archcheck.views.site_config import site_from, use_site

from .logs import quiet_mermaid2
from .options import ALLOW_OPEN_ENV, ArchcheckConfig, allow_open_from_env, mentions
from .serve import watch_configuration
from .site_gate import Arriving, SitePages, site_result

log = get_plugin_logger("archcheck")
EXTENSION = "archcheck.markdown"  # the builder-independent door (archcheck/markdown)


class ArchcheckPlugin(BasePlugin[ArchcheckConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.command = "build"
        self.cache = SitePages()  # kept across `mkdocs serve` rebuilds (on_startup makes it so)
        self.settings = Config(root=Path.cwd())
        self.allow_open = False
        self.result = CheckResult()
        self.states: dict[ChecklistItem, ItemVerdict] = {}
        self.pages: dict[str, PageResult] = {}
        self.problems: list[Problem] = []
        self.arriving = Arriving([], iter(()))
        self.finished = True
        self.readiness: File | None = None
        self.uncounted: list[Finding] = []
        self.docs_dir = "docs"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        quiet_mermaid2()
        # The Markdown extension is the door for builders that run no plugin: under MkDocs the
        # plugin shows the same banner (with the readiness page's link), so it takes its place.
        if EXTENSION in config.markdown_extensions:
            config.markdown_extensions.remove(EXTENSION)
            config.mdx_configs.pop(EXTENSION, None)
        try:
            if self.config.config_file:
                self.settings = read_config(Path(self.config.config_file))
            else:
                self.settings = load_config(Path(config.config_file_path or ".").parent)
            Policy.of(self.settings)  # a select or ignore that names no rule: refused now
        except ConfigError as error:
            raise PluginError(str(error)) from None
        self.allow_open = self.config.allow_open or allow_open_from_env()
        page = self.config.readiness_page
        if page and config.nav is not None and not mentions(config.nav, page):
            config.nav.append({self.config.readiness_title: page})
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        if self.config.enabled:
            watch_configuration(server, self.settings)
        return server

    # -- checking ----------------------------------------------------------------------------

    def _shown(self, file: File) -> str:
        """The path as `archcheck check` prints it (relative to the working directory). A page a
        plugin or hook generates has no file: it is named where it stands in the docs folder, so
        it is read as the site renders it."""
        source = Path(file.abs_src_path or Path(self.docs_dir, file.src_uri))
        try:
            return str(source.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(source)

    def _read(self, file: File) -> tuple[str, str] | Problem:
        shown = self._shown(file)
        try:
            return shown, file.content_string
        except (OSError, UnicodeDecodeError) as error:
            return Problem(shown, f"cannot read as UTF-8: {error}")

    def _level(self, finding: Finding, strict: bool) -> int:
        fails = finding.severity is Severity.ERROR and not (
            self.allow_open and finding.code == "AC101"
        )
        if not fails:
            return logging.INFO
        if self.command == "serve":  # serve never aborts: errors show as warnings, or as info
            return logging.INFO if strict else logging.WARNING
        return logging.ERROR

    def _line(self, f: Finding) -> str:
        note = "" if f.severity is Severity.ERROR else f" [{f.severity}]"
        if self.allow_open and f.code == "AC101":
            note = f" [allowed by {ALLOW_OPEN_ENV}/allow_open: preview build]"
        return printable(f"{f.path}:{f.line}:{f.column}: {f.code}{note} {f.message}")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.uncounted and self.command != "serve":
            # The gate cannot vouch for a page it did not see whole: no build passes with one.
            where = printable(", ".join(sorted({f.path for f in self.uncounted})))
            raise PluginError(
                f"archcheck: the built site shows boxes the gate did not count ({where})"
            )

    def _log(self, config: MkDocsConfig) -> None:
        for problem in self.result.problems:
            log.error(printable(str(problem)))
        for f in self.result.findings:
            log.log(self._level(f, config.strict), self._line(f))
        releases = self.result.releases
        for release in releases:  # one verdict per release, saying why
            if len(releases) > 1 and not (release.release or release.items or release.errors):
                continue  # beside a release, pages that hold nothing get no line of their own
            gate = "green" if release.green else "red"
            named = f" for {release.release}" if release.release else ""
            still_open = [s.item for s in release.items if s.state == "open"]
            where = ", ".join(f"{item.path}:{item.line}" for item in still_open)
            log.info(
                printable(f"release gate {gate}{named}: {release.reasons()}")
                + (f" ({printable(where)})" if where else "")
            )

    # After the other plugins and hooks: the pages they add are read with the rest.
    @event_priority(-100)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        # The pages are read as this build renders them: with its own Markdown extensions
        # (registered first: the page cache's key names them).
        use_site(site_from(config))
        self.docs_dir = config.docs_dir
        self.cache.start(self.settings, date.today())
        self.uncounted = []
        included = InclusionLevel.is_included
        if self.command == "serve":  # drafts are built for serve, so they are checked too
            included = InclusionLevel.is_in_serve
        read = [(file, self._read(file)) for file in files.documentation_pages(inclusion=included)]
        self.problems = [text for _, text in read if isinstance(text, Problem)]
        readable = [(file.src_uri, text) for file, text in read if not isinstance(text, Problem)]
        self.readiness = self._add_readiness(files, config)
        # The engine's worker processes check the pages while MkDocs renders them: a page's
        # result is waited for only when that page needs it, the whole site's when the verdict
        # is logged and the readiness page written (_finish_site).
        self.arriving = Arriving(
            [uri for uri, _ in readable], self.cache.stream([text for _, text in readable])
        )
        self.finished = False
        return files

    def _finish_site(self, config: MkDocsConfig) -> None:
        """The whole site's verdict, once every page is checked: logged, and the readiness page."""
        if self.finished:
            return
        self.pages = self.arriving.all()
        self.finished = True
        checked = list(self.pages.values())
        problems = self.problems + self.arriving.problems
        self.result = site_result(checked, problems, self.settings)
        if self.uncounted:
            findings = sorted(
                (*self.result.findings, *self.uncounted),
                key=lambda f: (f.path, f.line, f.column, f.code),
            )
            self.result = dataclasses.replace(self.result, findings=tuple(findings))
        self.states = {s.item: s for s in item_states(self.result.items, self.result.waivers)}
        self._log(config)
        if self.readiness is not None:
            self.readiness.content_string = self._readiness_content()

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page | None:
        if self.config.enabled and page.file is self.readiness:
            self._finish_site(config)
        return page

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.config.enabled:  # every page is rendered by now; a build without readiness page
            self._finish_site(config)
        return env

    def _check_late(self, page: Page, config: MkDocsConfig) -> PageResult | None:
        """A page that reached the build after on_files (added by a later plugin or hook): checked
        now, from the source it was built from, and its findings join the site's verdict."""
        if page.file is self.readiness:
            return None
        source = self._read(page.file)
        if isinstance(source, Problem):
            outcome: PageResult | Problem = source
        else:
            # The engine directly: the site's page memory (self.cache) is for the pages listed
            # at on_files, and a check of one more page must not make it forget them.
            [checked] = check_texts([source], self.settings)
            assert isinstance(checked, PageResult | Problem)
            outcome = checked
        if isinstance(outcome, Problem):
            self.problems.append(outcome)
            if self.finished:
                problems = (*self.result.problems, outcome)
                self.result = dataclasses.replace(self.result, problems=problems)
                log.error(printable(str(outcome)))
            return None
        self.arriving.pages[page.file.src_uri] = outcome  # in the verdict if it is not out yet
        if self.finished:  # it is out: this page joins it now
            findings = Policy.of(self.settings).finish((*self.result.findings, *outcome.findings))
            self.result = dataclasses.replace(self.result, findings=tuple(findings))
            for finding in outcome.findings:
                log.log(self._level(finding, config.strict), self._line(finding))
        return outcome

    # -- the generated page ------------------------------------------------------------------

    def _add_readiness(self, files: Files, config: MkDocsConfig) -> File | None:
        """The generated page, empty until every page is checked (_finish_site fills it)."""
        uri = self.config.readiness_page
        if not uri:
            return None
        if files.get_file_from_path(uri) is not None:
            raise PluginError(
                f"plugin archcheck: {uri} exists in {config.docs_dir}, but it is the generated "
                "readiness page: rename the file or set the plugin's readiness_page option"
            )
        file = File.generated(config, uri, content="")
        files.append(file)
        return file

    def _readiness_content(self) -> str:
        here = posixpath.dirname(self.config.readiness_page)
        links = {page.path: posixpath.relpath(src, here or ".") for src, page in self.pages.items()}
        anchors = {
            item: anchor
            for page in self.pages.values()
            for item, anchor in self._anchors(page).items()
        }
        return render_readiness(
            self.result,
            self.settings,
            links=links,
            anchors=anchors,
            title=self.config.readiness_title,
            allow_open=self.allow_open,
        )

    # -- each rendered page ------------------------------------------------------------------

    @staticmethod
    def _anchors(page: PageResult) -> dict[ChecklistItem, str]:
        """Ids for the items the site shows as boxes (only those have an ``<li>`` to carry one)."""
        shown = [item for item in page.items if item.site in (Render.CHECKED, Render.UNCHECKED)]
        return dict(zip(shown, item_ids(shown), strict=True))

    # Last of all plugins and hooks: the page's HTML as the build leaves it is what is compared.
    @event_priority(-100)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return html
        html = label_boxes(html)  # every box the page shows is named by its item's text
        result = self.arriving.result(page.file.src_uri)
        if result is None:
            result = self._check_late(page, config)
        if result is None:
            return html
        # The page as built is the authority: a box in it the gate did not count fails the
        # build, and the page's banner says so.
        uncounted = tuple(uncounted_box(result, count_boxes(html)))
        if uncounted:
            self.uncounted.extend(uncounted)
            result = dataclasses.replace(result, findings=(*uncounted, *result.findings))
            if self.finished:  # the verdict is already out: this page turns it red
                self.result = dataclasses.replace(
                    self.result, findings=(*self.result.findings, *uncounted)
                )
                for finding in uncounted:
                    log.log(self._level(finding, config.strict), self._line(finding))
        anchors = self._anchors(result)
        html, placed = add_item_ids(html, list(anchors.values()))
        if page.present_anchor_ids is not None:
            page.present_anchor_ids.update(placed)
        anchors = {item: a for item, a in anchors.items() if a in placed}
        # The page's own waivers are the only ones that can cover its items, so its states are
        # the site's, known before the other pages are checked.
        states = item_states(result.items, result.waivers)
        others = [f for f in result.findings if f.code != "AC101"]
        if self.config.banner and (states or others):
            readiness = None
            if self.readiness is not None:
                readiness = get_relative_url(self.readiness.url, page.file.url)
            banner = render_banner(
                states,
                anchors,
                others,
                readiness_url=readiness,
                allow_open=self.allow_open,
                release=result.release,
            )
            html = insert_at_top(html, banner)
        return html
