"""`make serve` itself: PORT picks the port, and a busy port is one clear line, not a traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from .conftest import ROOT, mkdocs_env
from .test_serve import free_port

pytestmark = pytest.mark.slow


def make_env() -> dict[str, str]:
    # A `make test` above this run must not pass its own flags (-n, -s, variables) down.
    env = mkdocs_env()
    for name in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PORT"):
        env.pop(name, None)
    return env


def test_a_busy_port_is_one_line_and_a_failure() -> None:
    with socket.socket() as other_server:
        other_server.bind(("127.0.0.1", 0))
        other_server.listen()
        port = other_server.getsockname()[1]
        done = subprocess.run(
            ["make", "--no-print-directory", "serve", f"PORT={port}"],
            cwd=ROOT,
            env=make_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode != 0
    expected = (
        f"archcheck: cannot serve on 127.0.0.1:{port}: the port is in use "
        f"(try make serve PORT={port + 1})"
    )
    # The line, then make's own note that the recipe failed; mkdocs never started.
    lines = done.stderr.splitlines()
    assert lines[0] == expected, done.stderr
    assert [line for line in lines[1:] if not line.startswith("make: ***")] == [], done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert "Building documentation" not in done.stdout + done.stderr


def test_make_serve_serves_on_the_port_given() -> None:
    port = free_port()
    # Its own process group: make, the shell and mkdocs are stopped together.
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=make_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        status, deadline = 0, time.monotonic() + 240
        while status != 200:
            assert process.poll() is None, f"make serve exited {process.returncode}"
            assert time.monotonic() < deadline, "the site was not served in time"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
                    status = page.status
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
