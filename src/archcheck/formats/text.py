"""Plain text: ``path:line:col: CODE message``, one finding a line, after any inventory.

Every line goes through printable(), so a file name or a page's text holding a line break or
a terminal control cannot start a line of its own (see printable.py)."""

from __future__ import annotations

from archcheck.engine import CheckResult
from archcheck.model import ItemState
from archcheck.printable import printable
from archcheck.rules.checklist import describe


def where(path: str) -> str:
    # A line is a workflow command to GitHub's runner when it starts with "::" after any
    # whitespace, and each line here starts with a path: a name such as "::warning::x.md" or
    # " ::warning::x.md" in the working directory is shown after "./", which names the same file.
    return f"./{path}" if path.lstrip().startswith("::") else path


def render(result: CheckResult, command: str) -> str:
    lines: list[str] = []
    if command == "checklist":
        for item in result.items:
            note = "" if item.renderers_agree else f"  ({describe(item)})"
            note += "  (dropped)" if item.state is ItemState.DROPPED else ""
            lines.append(
                f"{where(item.path)}:{item.line}:{item.column}: {item.marker} {item.text}{note}"
            )
    elif command == "tokens":
        for ref in result.tokens:
            lines.append(
                f"{where(ref.path)}:{ref.line}:{ref.column}: {ref.name} {ref.value} ({ref.kind})"
            )
    if command != "check" and result.findings:
        lines.append("")
    for f in result.findings:
        level = "" if f.severity == "error" else f" [{f.severity}]"
        lines.append(f"{where(f.path)}:{f.line}:{f.column}: {f.code}{level} {f.message}")
    for w in result.waivers:
        state = "EXPIRED" if w.expired else "until"
        covered = ", ".join(f"line {f.line}" for f in w.covers) or "nothing"
        lines.append(
            f"{where(w.path)}:{w.line}: waiver {','.join(w.codes)} {state} {w.until.isoformat()}"
            f" covers {covered}: {w.reason}"
        )
    for item in result.items:  # a reviewer sees every item that no longer holds the release
        if item.state is ItemState.DROPPED:
            lines.append(
                f"{where(item.path)}:{item.line}:{item.column}: dropped {item.text!r} (struck "
                "through wherever it is shown: it does not hold the release)"
            )
    return "".join(printable(line) + "\n" for line in lines)
