"""archcheck as users run it: ``archcheck check --format json`` as a subprocess in a site folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, TypedDict

View = Literal["checked", "unchecked", "not-a-box"]

_SCRIPT = Path(sys.executable).with_name("archcheck")
COMMAND = (
    [str(_SCRIPT)]
    if _SCRIPT.exists()
    else [sys.executable, "-c", "from archcheck.cli import main; raise SystemExit(main())"]
)


class Item(TypedDict):
    path: str
    line: int
    column: int
    checked: bool
    text: str
    marker: str
    github: View
    site: View | None
    github_depth: int | None
    site_depth: int | None
    renderers_agree: bool


class Finding(TypedDict):
    code: str
    path: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Report:
    """What one ``archcheck check --format json`` run said, with how it ended."""

    exit_code: int
    items: list[Item]
    findings: list[Finding]
    problems: list[object]
    stderr: str

    def items_of(self, *paths: str) -> list[Item]:
        return [item for item in self.items if item["path"] in paths]

    def open_findings(self, path: str) -> list[Finding]:
        return [f for f in self.findings if f["code"] == "AC101" and f["path"] == path]

    def codes(self, *codes: str) -> list[Finding]:
        return [finding for finding in self.findings if finding["code"] in codes]

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Report:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


def run_check(site: Path, cache: Path, *paths: str) -> Report:
    """Run the check in ``site`` (cwd) with its own page cache; fail loudly on non-JSON output."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARCHCHECK")}
    env |= {"XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(cache), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [*COMMAND, "check", "--format", "json", *paths],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"archcheck check exited {done.returncode} in {site} without JSON output:\n"
            f"{done.stdout[-2000:]}{done.stderr[-4000:]}"
        ) from None
    return Report(
        exit_code=done.returncode,
        items=data["items"],
        findings=data["findings"],
        problems=data["problems"],
        stderr=done.stderr,
    )


def describe_items(items: list[Item]) -> str:
    if not items:
        return "    (no items)"
    return "\n".join(
        f"    line {i['line']}:{i['column']} {i['marker']!r} github={i['github']} "
        f"site={i['site']} checked={i['checked']} {i['text'][:60]!r}"
        for i in items
    )


def describe_findings(findings: list[Finding]) -> str:
    return "\n".join(
        f"    {f['path']}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in findings
    )
