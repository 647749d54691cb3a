"""The architecture site as a reader gets it: the bytes the architecture page transfers (raw and
gzip) and the time from navigation to the rendered Mermaid diagram in headless chromium.

Chromium is looked for as the browser tests look for it: $ARCHCHECK_CHROMIUM, then Debian's
chromium, then Playwright's own download. Without one the figures are `n/a (why)`."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import statistics
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.mkdocs_build import build_env, mkdocs
from tests.site.chromium_discovery import CHROMIUM_ARGS, DEBIAN_CHROMIUM
from tests.site.chromium_discovery import NO_CHROMIUM as NO_CHROMIUM_FOUND

# The browser tests' own choice of chromium and its flags, so both measure the same browser.
NO_CHROMIUM = f"n/a ({NO_CHROMIUM_FOUND})"
LAUNCH_ARGS = CHROMIUM_ARGS
# Material draws the diagram inside a closed shadow root; opening it lets the page be inspected.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: 'open'});
};
"""
DIAGRAM_DRAWN = """() => {
  for (const el of document.querySelectorAll('.mermaid')) {
    const root = el.shadowRoot || el;
    if (root.querySelector('svg g')) return performance.now();
  }
  return false;
}"""


@dataclass(frozen=True)
class SiteFigures:
    raw_bytes: int
    gzip_bytes: int
    requests: int
    foreign_requests: int
    diagram_ms: float  # median over navigations


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def _serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(root: Path, site_dir: Path, log: Path) -> None:
    """Build the site in root as its mkdocs.yml says, into site_dir, with a private cache folder;
    raises CalledProcessError on failure."""
    env = build_env(site_dir.with_name(f"{site_dir.name}-cache"))
    command = [mkdocs(), "build", "--quiet", "--site-dir", str(site_dir)]
    with log.open("wb") as sink:
        subprocess.run(command, cwd=root, env=env, stdout=sink, stderr=sink, check=True)


def find_chromium() -> Path | str:
    """The chromium to drive, or why there is none (`n/a (why)`)."""
    chosen = os.environ.get("ARCHCHECK_CHROMIUM")
    if chosen:
        if not Path(chosen).is_file():
            return f"n/a (ARCHCHECK_CHROMIUM={chosen} is not a file)"
        return Path(chosen)
    debian = next((path for path in DEBIAN_CHROMIUM if path.is_file()), None)
    if debian:
        return debian
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "n/a (Playwright is not installed)"
    with sync_playwright() as playwright:
        own = Path(playwright.chromium.executable_path)
    return own if own.is_file() else NO_CHROMIUM


def measure(site_dir: Path, executable: Path, navigations: int) -> SiteFigures:
    from playwright.sync_api import Response, sync_playwright

    times: list[float] = []
    bodies: dict[str, bytes] = {}
    foreign = 0
    with _serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS)
        try:
            for attempt in range(navigations):
                context = browser.new_context()  # a fresh context: nothing cached
                context.add_init_script(OPEN_SHADOW_ROOTS)
                page = context.new_page()
                responses: list[Response] = []
                page.on("response", functools.partial(list.append, responses))
                page.goto(base, wait_until="commit")
                drawn = page.wait_for_function(DIAGRAM_DRAWN, polling="raf", timeout=30_000)
                times.append(float(drawn.json_value()))
                page.wait_for_load_state("networkidle")
                if attempt == 0:
                    for response in responses:
                        if not response.url.startswith(base):
                            foreign += 1
                        elif response.status == 200:
                            bodies[response.url] = response.body()
                context.close()
        finally:
            browser.close()
    return SiteFigures(
        raw_bytes=sum(len(body) for body in bodies.values()),
        gzip_bytes=sum(len(gzip.compress(body, 6)) for body in bodies.values()),
        requests=len(bodies),
        foreign_requests=foreign,
        diagram_ms=statistics.median(times),
    )
