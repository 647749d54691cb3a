"""A real `mkdocs serve` of a copy of the site: findings shown, never fatal, rebuilt on edit."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import mkdocs_env, open_finding, tick

pytestmark = pytest.mark.slow


class Served:
    """A running `mkdocs serve` whose output is collected line by line."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process, self.url = process, url
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, ready: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited {self.process.returncode}:\n{self.output()}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}:\n{self.output()}")
            time.sleep(0.2)

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            body: bytes = response.read()
        return body.decode("utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(params=[[], ["--strict"]], ids=["serve", "serve --strict"])
def served(site: Path, request: pytest.FixtureRequest) -> Iterator[Served]:
    port = free_port()
    address = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address, *request.param],
        cwd=site,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Served(process, f"http://127.0.0.1:{port}/")
    try:
        server.wait_for(lambda: "Serving on" in server.output(), "the server to start")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_shows_findings_and_rebuilds_on_edit(served: Served, site: Path) -> None:
    # Shown as a warning, or as info under --strict, where a warning would stop the server.
    level = "INFO" if "--strict" in served.process.args else "WARNING"  # type: ignore[operator]
    assert any(
        line.startswith(level) and line.endswith(f"archcheck: {open_finding(site)}")
        for line in served.lines
    ), served.output()
    assert "release gate red for dggll6o4xq-t: 1 of 2 items open" in served.output()
    assert "Release gate red: 1 of 2 items open" in served.get()
    assert "Not ready: 1 of 2 items open" in served.get("release-readiness/")

    tick(site)
    served.wait_for(
        lambda: "release gate green for dggll6o4xq-t: all 2 items done" in served.output(),
        "the rebuild after ticking the item",
    )
    served.wait_for(lambda: "Release gate green: all 2 items done" in served.get(), "the new page")
    assert served.process.poll() is None, "serve must keep running"
