"""JSON: one object with every list archcheck has (see docs/archcheck/json-output.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from archcheck.engine import CheckResult

VERSION = 1


def as_data(result: CheckResult, command: str) -> dict[str, Any]:
    return {
        "version": VERSION,
        "command": command,
        "exit_code": result.exit_code,
        "items": [
            {**asdict(item), "renderers_agree": item.renderers_agree} for item in result.items
        ],
        "findings": [asdict(f) for f in result.findings],
        "waivers": [
            {
                "path": w.path,
                "line": w.line,
                "codes": list(w.codes),
                "until": w.until.isoformat(),
                "reason": w.reason,
                "expired": w.expired,
                "covers": [{"path": f.path, "line": f.line, "code": f.code} for f in w.covers],
            }
            for w in result.waivers
        ],
        "tokens": [asdict(t) for t in result.tokens],
        "problems": [asdict(p) for p in result.problems],
        "documents": list(result.documents),
    }


def render(result: CheckResult, command: str) -> str:
    return json.dumps(as_data(result, command), indent=2, ensure_ascii=False) + "\n"
