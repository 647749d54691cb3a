"""Plain text: ``path:line:col: CODE message``, one finding a line, after any inventory."""

from __future__ import annotations

from archcheck.engine import CheckResult
from archcheck.rules.checklist import describe


def render(result: CheckResult, command: str) -> str:
    lines: list[str] = []
    if command == "checklist":
        for item in result.items:
            note = "" if item.renderers_agree else f"  ({describe(item)})"
            lines.append(f"{item.path}:{item.line}:{item.column}: {item.marker} {item.text}{note}")
    elif command == "tokens":
        for ref in result.tokens:
            lines.append(f"{ref.path}:{ref.line}:{ref.column}: {ref.name} {ref.value} ({ref.kind})")
    if command != "check" and result.findings:
        lines.append("")
    for f in result.findings:
        level = "" if f.severity == "error" else f" [{f.severity}]"
        lines.append(f"{f.path}:{f.line}:{f.column}: {f.code}{level} {f.message}")
    for w in result.waivers:
        state = "EXPIRED" if w.expired else "until"
        covered = ", ".join(f"line {f.line}" for f in w.covers) or "nothing"
        lines.append(
            f"{w.path}:{w.line}: waiver {','.join(w.codes)} {state} {w.until.isoformat()}"
            f" covers {covered}: {w.reason}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
