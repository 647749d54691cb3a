"""The audit record as plain data: what was checked (with hashes and the git commit), the state
of every checklist item and waiver, where each token is referenced, and the verdict.

Deterministic apart from ``generated_at``, which honours SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archcheck import __version__
from archcheck.config import Config
from archcheck.engine import CheckResult
from archcheck.findings import Severity
from archcheck.item_states import ItemVerdict as ItemVerdict
from archcheck.item_states import item_states
from archcheck.releases import ReleaseVerdict
from archcheck.report.git import git_state

SCHEMA = "archcheck-report/1"


def verdict(result: CheckResult) -> dict[str, Any]:
    verdicts = tuple(item_states(result.items, result.waivers))
    states = [s.state for s in verdicts]
    errors = sum(f.severity is Severity.ERROR for f in result.findings)
    ready = result.exit_code == 0
    if result.problems:
        summary = f"could not check {len(result.problems)} file(s)"
    else:  # the whole run as one release: what the verdict rests on, its causes first
        summary = ReleaseVerdict(None, result.documents, verdicts, result.findings).reasons()
    return {
        "ready": ready,
        "exit_code": result.exit_code,
        "summary": summary,
        "items": len(states),
        "open_items": states.count("open"),
        "waived_items": states.count("waived"),
        "dropped_items": states.count("dropped"),
        "errors": errors,
        "warnings": sum(f.severity is Severity.WARNING for f in result.findings),
        "problems": len(result.problems),
    }


def token_inventory(result: CheckResult, config: Config) -> list[dict[str, Any]]:
    """Every declared token (the configuration's, and the notes' own that are referenced)."""
    declared = {(name, value) for name, value in config.tokens.items()}
    declared |= {(r.name, r.value) for r in result.tokens}
    return [
        {
            "name": name,
            "value": value,
            "references": [
                {"path": r.path, "line": r.line, "column": r.column, "kind": r.kind}
                for r in sorted(result.tokens, key=lambda r: (r.path, r.line, r.column))
                if (r.name, r.value) == (name, value)
            ],
        }
        for name, value in sorted(declared)
    ]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return str(path)


def _timestamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def releases(result: CheckResult) -> list[dict[str, Any]]:
    """Each release's own verdict (releases.py): its pages, items and what it rests on."""
    return [
        {
            "release": v.release,
            "ready": v.green and not v.count("open"),
            "summary": v.reasons(),
            "pages": list(v.pages),
            "items": len(v.items),
            "open_items": v.count("open"),
            "waived_items": v.count("waived"),
            "dropped_items": v.count("dropped"),
            "errors": len(v.errors),
        }
        for v in result.releases
    ]


def release_of(result: CheckResult, config: Config) -> str | None:
    """The release the record is of: the one release its pages declare, else the project's."""
    named = {release for _, release in result.page_releases if release is not None}
    if len(named) == 1:
        return next(iter(named))
    return config.release if not named else None


def build_report(result: CheckResult, config: Config, cwd: Path | None = None) -> dict[str, Any]:
    """The audit record as plain data. Paths are shown as `archcheck check` shows them."""
    cwd = cwd or Path.cwd()
    checked = [cwd / shown for shown in result.documents]
    if config.path is not None:
        checked.append(config.path)
    return {
        "schema": SCHEMA,
        "release": release_of(result, config),
        "verdict": verdict(result),
        "releases": releases(result),
        "archcheck_version": __version__,
        "generated_at": _timestamp(),
        "git": git_state(config.root, checked),
        "config": {
            "path": _shown(config.path, cwd) if config.path else None,
            "sha256": _sha256(config.path) if config.path else None,
        },
        "tokens": token_inventory(result, config),
        "checklist": [
            {
                "path": s.item.path,
                "line": s.item.line,
                "column": s.item.column,
                "text": s.item.text,
                "marker": s.item.marker,
                "state": s.state,
                "waiver": None if s.waiver is None else f"{s.waiver.path}:{s.waiver.line}",
            }
            for s in item_states(result.items, result.waivers)
        ],
        "waivers": [
            {
                "path": w.path,
                "line": w.line,
                "codes": list(w.codes),
                "until": w.until.isoformat(),
                "reason": w.reason,
                "expired": w.expired,
                "covers": [f"{f.path}:{f.line}" for f in w.covers],
            }
            for w in result.waivers
        ],
        "findings": [
            {
                "code": f.code,
                "name": f.name,
                "severity": str(f.severity),
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "message": f.message,
            }
            for f in result.findings
        ],
        "problems": [str(p) for p in result.problems],
        "files": [
            {"path": shown, "sha256": _sha256(cwd / shown)} for shown in sorted(result.documents)
        ],
    }
