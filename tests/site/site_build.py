"""Build the site with the real `mkdocs build` and serve a built site on a free loopback port."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MKDOCS_CONFIG = PROJECT_ROOT / "mkdocs.yml"


def build_site(config_file: Path, site_dir: Path) -> None:
    """Run `mkdocs build` for `config_file` into `site_dir`; on failure, raise with its output."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"mkdocs build --config-file {config_file} exited {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )


def copy_site_sources(destination: Path) -> Path:
    """Copy mkdocs.yml, docs/ and the site's hooks into `destination` (to edit a page safely);
    return the config."""
    shutil.copy2(MKDOCS_CONFIG, destination / MKDOCS_CONFIG.name)
    shutil.copytree(
        PROJECT_ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns("__pycache__")
    )
    # mkdocs.yml's hooks: (the generated Rules page)
    shutil.copytree(
        PROJECT_ROOT / "mkdocs_hooks",
        destination / "mkdocs_hooks",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return destination / MKDOCS_CONFIG.name


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output readable: what the page requested is asserted, not logged."""


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` over HTTP on 127.0.0.1 and a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()
