"""A machine without chromium: every browser test skips with one reason, the run passes and ends
by saying how many did not run and how to run them; under CI=true the same run fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from chromium_discovery import NO_CHROMIUM
from site_build import PROJECT_ROOT

pytestmark = pytest.mark.slow

# One site test (its fixtures build the site) and the benchmark's browser test (no fixture).
SELECTION = (
    "tests/site/test_site_offline.py",
    "tests/perf/test_bench_smoke.py::test_quick_benchmark_measures_the_site_in_chromium",
)


def _pytest_without_chromium(tmp_path: Path, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    # Look nowhere for chromium, as a machine without one finds nothing where it looks.
    env["ARCHCHECK_CHROMIUM"] = "none"
    env["PLAYWRIGHT_BROWSERS_PATH"] = str(tmp_path / "no-playwright-download")
    if ci:
        env["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist"]
    return subprocess.run(
        [*command, *SELECTION], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip


def test_without_chromium_browser_tests_skip_and_the_run_says_how_to_run_them(
    tmp_path: Path,
) -> None:
    done = _pytest_without_chromium(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout[-3000:]
    lines = done.stdout.strip().splitlines()
    assert "SKIPPED [2] tests/site/chromium_discovery.py" in done.stdout, done.stdout[-3000:]
    assert lines[-2] == f"2 browser tests skipped ({NO_CHROMIUM})", lines[-4:]
    assert lines[-1].startswith("=") and "2 skipped" in lines[-1], lines[-1]


def test_without_chromium_under_ci_every_browser_test_fails(tmp_path: Path) -> None:
    done = _pytest_without_chromium(tmp_path, ci=True)
    assert done.returncode == 1, done.stdout[-3000:]
    reason = f"{NO_CHROMIUM} (CI=true: the browser tests must run)"
    assert done.stdout.count(f"Failed: {reason}") == 2, done.stdout[-3000:]
    assert "browser tests skipped" not in done.stdout
