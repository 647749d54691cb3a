"""GitHub Actions workflow commands: each finding becomes an annotation on its line."""

from __future__ import annotations

from archcheck.engine import CheckResult


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def render(result: CheckResult, command: str) -> str:
    lines = []
    for f in result.findings:
        kind = "error" if f.severity == "error" else "warning"
        props = f"file={_escape(f.path, True)},line={f.line},col={f.column}"
        title = _escape(f"{f.code} {f.name}", True)
        lines.append(f"::{kind} {props},title={title}::{_escape(f.message)}")
    for p in result.problems:
        line = f",line={p.line}" if p.line else ""
        lines.append(
            f"::error file={_escape(p.path, True)}{line},title=archcheck::{_escape(p.message)}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
