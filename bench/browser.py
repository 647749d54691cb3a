"""The architecture site as a reader gets it: the bytes the architecture page transfers (raw and
gzip) and the time from navigation to the rendered Mermaid diagram in headless chromium."""

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

from bench.mkdocs_build import mkdocs

CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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


def build(repo: Path, site_dir: Path, log: Path) -> None:
    """Build the repository's own site (its mkdocs.yml) into site_dir; raises on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [mkdocs(), "build", "--quiet", "--site-dir", str(site_dir)]
    with log.open("wb") as sink:
        subprocess.run(command, cwd=repo, env=env, stdout=sink, stderr=sink, check=True)


def measure(site_dir: Path, navigations: int) -> SiteFigures:
    from playwright.sync_api import Response, sync_playwright

    executable = next((c for c in CHROMIUM if Path(c).exists()), None)
    if executable is None:
        raise FileNotFoundError("chromium not found at /usr/bin/chromium")
    times: list[float] = []
    bodies: dict[str, bytes] = {}
    foreign = 0
    with _serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
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
