"""SARIF 2.1.0, for code scanning dashboards: one run, the rule set as its driver's rules."""

from __future__ import annotations

from typing import Any

from archcheck import __version__
from archcheck.engine import CheckResult
from archcheck.formats.json import dumps
from archcheck.model import ItemState
from archcheck.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(result: CheckResult, command: str) -> str:
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.doc.splitlines()[0] if rule.doc else rule.name},
            "fullDescription": {"text": rule.doc},
            "defaultConfiguration": {"level": rule.severity.value},
        }
        for rule in RULES
    ]
    results: list[dict[str, Any]] = [
        {
            "ruleId": f.code,
            "level": f.severity.value,
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in result.findings
    ]
    notifications: list[dict[str, Any]] = [
        {"level": "error", "message": {"text": str(p)}, "descriptor": {"id": "could-not-run"}}
        for p in result.problems
    ]
    notifications += [  # no finding, but every item that no longer holds the release is listed
        {
            "level": "note",
            "message": {
                "text": f"dropped {item.text!r}: struck through, it does not hold the release"
            },
            "descriptor": {"id": "dropped-item"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": item.path},
                        "region": {"startLine": item.line, "startColumn": item.column},
                    }
                }
            ],
        }
        for item in result.items
        if item.state is ItemState.DROPPED
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "archcheck", "version": __version__, "rules": rules}},
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not result.problems,
                        "toolExecutionNotifications": notifications,
                    }
                ],
            }
        ],
    }
    return dumps(log)
