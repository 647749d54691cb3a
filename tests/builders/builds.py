"""Run the site's other builders, ProperDocs and Zensical, as CI runs them, and open what they
built in chromium with every other host refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route

from tests.site.note_page import PAGE_INIT_SCRIPT, NotePage
from tests.site.site_build import MKDOCS_CONFIG, PROJECT_ROOT, copy_site_sources

# The commands come from the environment the tests run in (`make test` installs both from
# requirements.lock, the `builders` dependency group).
BIN = Path(sys.executable).parent
OPEN_ITEM = "AC101 open checklist item: 'All production secrets rotated'"
# Zensical ignores mkdocs.yml's plugins, so mermaid2 does not add the vendored Mermaid, and
# Material's (Zensical's) bundle then fetches Mermaid from unpkg.com. A page script that
# defines `mermaid` first keeps the diagram local; a config of its own adds it, so the MkDocs
# build (where mermaid2 adds it) is unchanged. docs/archcheck/builders.md shows these lines.
ZENSICAL_CONFIG = """\
INHERIT: mkdocs.yml
extra_javascript:
  - assets/javascripts/mermaid.min.js
"""


@dataclass(frozen=True)
class Build:
    """One run of a builder: its exit code, everything it printed, and how long it took."""

    command: tuple[str, ...]
    returncode: int
    output: str
    seconds: float

    def succeeded(self) -> Build:
        """This build, or an AssertionError with its output if it failed."""
        assert self.returncode == 0, (
            f"{' '.join(self.command)} exited {self.returncode}:\n{self.output}"
        )
        return self


def not_installed(name: str) -> NoReturn:
    """Skip where the builder is not installed; in CI (CI=true) it must be."""
    why = (
        f"{name} is not installed in {BIN.parent} (`make test` installs it from requirements.lock)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: the builder tests must run)", pytrace=False)
    pytest.skip(why)


def builder(name: str) -> Path:
    """The builder's command in this environment, or skip/fail as not_installed says."""
    command = BIN / name
    if not command.is_file():
        not_installed(name)
    return command


def run(command: list[str], cwd: Path, **env: str) -> Build:
    """Run a builder or `archcheck` in `cwd`; ARCHCHECK_ALLOW_OPEN only if `env` sets it."""
    environment = {k: v for k, v in os.environ.items() if k != "ARCHCHECK_ALLOW_OPEN"} | env
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, timeout=300, check=False,
    )  # fmt: skip
    return Build(tuple(command), done.returncode, done.stdout, time.perf_counter() - started)


def properdocs_build(site_dir: Path, **env: str) -> Build:
    """`properdocs build --strict` of this repository's own mkdocs.yml into `site_dir`."""
    command = [str(builder("properdocs")), "build", "--strict", "--config-file", str(MKDOCS_CONFIG)]
    return run([*command, "--site-dir", str(site_dir)], PROJECT_ROOT, **env)


def copy_site(destination: Path) -> Path:
    """The site's sources (tests/site's copy) and pyproject.toml, where archcheck's
    configuration lives, in `destination`. Zensical has no --site-dir: it builds into the
    folder's site/, so each Zensical build gets a copy of its own."""
    destination.mkdir(parents=True, exist_ok=True)
    copy_site_sources(destination)
    shutil.copy2(PROJECT_ROOT / "pyproject.toml", destination / "pyproject.toml")
    return destination


def zensical_build(root: Path, config: str) -> Build:
    """`zensical build --config-file <config>` in `root` (the site lands in root/site/)."""
    return run([str(builder("zensical")), "build", "--config-file", config], root)


def open_refusing_other_hosts(browser: Browser, base_url: str, path: str = "") -> NotePage:
    """Open base_url + path as the site tests open the note, recording every request and
    refusing any to another host, so a page that reaches out fails here, not on the network."""
    own = urlsplit(base_url).netloc
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, service_workers="block", locale="en-US"
    )
    context.add_init_script(PAGE_INIT_SCRIPT)

    def local_only(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", local_only)
    note = NotePage(base_url=base_url, context=context, page=context.new_page())
    note.page.on("request", lambda request: note.requests.append(request.url))
    note.page.on("pageerror", lambda error: note.page_errors.append(str(error)))
    note.page.goto(base_url + path)
    return note
