"""Real builds of the test sites, each beside an archcheck run over the same folder.

A site is copied to a temporary folder (its ticked variant with every ``[ ]`` made ``[x]`` in its
pages and snippets), built with ``mkdocs build``, and checked with ``archcheck check``. The runs
start together in a pool, so a test run pays for them once and on every core; parallel test
processes (pytest-xdist) share one folder, and each variant is built by whichever asks first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archcheck_cli import Report, run_check
from filelock import FileLock

SITES = Path(__file__).parent / "sites"
SITE_NAMES = ("this-repo", "rich-material", "no-tasklist")
# squidfunk/mkdocs-material's own docs with their exact markdown_extensions (read-only; SOURCE.md).
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "mkdocs-material-docs"
PYPROJECT = '[tool.archcheck]\ndocs = "docs"\n'


@dataclass(frozen=True)
class SiteRun:
    """One variant of one site: the folder it was built and checked in, the build's output and
    what archcheck said."""

    name: str
    folder: Path
    built: Path
    report: Report

    def pages(self) -> list[str]:
        """Every page of the site, as archcheck names it (relative to the site folder)."""
        docs = self.folder / "docs"
        return sorted(path.relative_to(self.folder).as_posix() for path in docs.rglob("*.md"))

    def source(self, page: str) -> str:
        return (self.folder / page).read_bytes().decode("utf-8")

    def built_html(self, page: str) -> str:
        """The built HTML of ``page`` (MkDocs' directory URLs: ``a/b.md`` -> ``a/b/index.html``)."""
        relative = Path(page).relative_to("docs").with_suffix("")
        if relative.name in ("index", "README"):
            relative = relative.parent
        html = self.built / relative / "index.html"
        if not html.is_file():
            raise AssertionError(f"{page}: the build wrote no {html.relative_to(self.built)}")
        return html.read_text(encoding="utf-8")


def tick_every_box(folder: Path) -> None:
    """The ticked variant: every ``[ ]`` in every Markdown file of the site becomes ``[x]``."""
    for path in folder.rglob("*.md"):
        text = path.read_bytes().decode("utf-8")
        path.write_bytes(text.replace("[ ]", "[x]").encode("utf-8"))


def build(folder: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise AssertionError(f"mkdocs build failed in {folder}:\n{done.stdout}{done.stderr}")


def run_site(source: Path, work: Path, *, ticked: bool) -> SiteRun:
    """Build and check one variant in ``work``, unless a parallel test process sharing ``work``
    has already (the lock makes the other one wait for it)."""
    name = f"{source.name}{' (ticked)' if ticked else ''}"
    folder, built, saved = work / "site", work / "built", work / "report.json"
    work.mkdir(parents=True, exist_ok=True)
    with FileLock(work.with_suffix(".lock")):
        if not saved.exists():
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(source, folder, ignore=shutil.ignore_patterns(".git", "site"))
            if not (folder / "pyproject.toml").exists():
                (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
            if ticked:
                tick_every_box(folder)
            build(folder, built)
            run_check(folder, work / "cache").save(saved)
    return SiteRun(name, folder, built, Report.load(saved))


def _page_count(source: Path) -> int:
    return sum(1 for _ in source.rglob("*.md"))


class SiteRuns:
    """Every variant of every site, started at once and waited for when a test asks."""

    def __init__(self, sources: dict[str, Path], work: Path) -> None:
        self._pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
        self._runs: dict[tuple[str, bool], Future[SiteRun]] = {}
        # Smallest first: their tests run while the larger sites build.
        by_size = sorted(sources.items(), key=lambda entry: _page_count(entry[1]))
        for name, source in by_size:
            for ticked in (False, True):
                where = work / f"{name}{'-ticked' if ticked else ''}"
                self._runs[name, ticked] = self._pool.submit(run_site, source, where, ticked=ticked)

    def get(self, name: str, *, ticked: bool) -> SiteRun:
        return self._runs[name, ticked].result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
