"""The audit record as a Markdown document for people reviewing a release (GitHub renders it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any


def cell(text: object) -> str:
    """A table cell: pipes escaped, line breaks flattened, never empty."""
    flat = " ".join(str(text).split()).replace("\\", "\\\\").replace("|", "\\|")
    return flat or " "


def code(text: object) -> str:
    value = str(text)
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines if len(lines) > 2 else ["None."]


def _git(git: dict[str, Any]) -> str:
    if git["commit"] is None:
        return "not a git work tree"
    if not git["dirty"]:
        return f"{code(git['commit'])}, clean"
    changed = ", ".join(map(code, git["dirty_paths"])) or "none of the checked files"
    return f"{code(git['commit'])}, dirty (checked files changed: {changed})"


def render_markdown(report: dict[str, Any]) -> str:
    verdict = report["verdict"]
    release = report["release"] or "(no `release` token declared)"
    out = [f"# Release audit: {release}", ""]
    out += table(
        ("Field", "Value"),
        [
            (
                "Verdict",
                f"**{'READY' if verdict['ready'] else 'NOT READY'}**: {verdict['summary']}",
            ),
            ("Commit", _git(report["git"])),
            ("Configuration", f"{code(report['config']['path'])} {report['config']['sha256']}"),
            ("archcheck", code(report["archcheck_version"])),
            ("Generated (UTC)", report["generated_at"]),
        ],
    )
    out += ["", "## Checklist", ""]
    out += table(
        ("State", "Item", "Where", "Waiver"),
        (
            (
                f"**{i['state']}**" if i["state"] != "done" else "done",
                cell(i["text"]),
                f"{i['path']}:{i['line']}",
                i["waiver"] or "",
            )
            for i in report["checklist"]
        ),
    )
    out += ["", "## Waivers", ""]
    out += table(
        ("Where", "Codes", "Until", "Reason", "Covers"),
        (
            (
                f"{w['path']}:{w['line']}",
                ", ".join(w["codes"]),
                w["until"] + (" **expired**" if w["expired"] else ""),
                cell(w["reason"]),
                ", ".join(w["covers"]) or "nothing",
            )
            for w in report["waivers"]
        ),
    )
    out += ["", "## Tokens", ""]
    out += table(
        ("Token", "Value", "Referenced at"),
        (
            (
                t["name"],
                code(t["value"]),
                ", ".join(f"{r['path']}:{r['line']}" for r in t["references"]) or "**nowhere**",
            )
            for t in report["tokens"]
        ),
    )
    out += ["", "## Findings", ""]
    out += table(
        ("Code", "Severity", "Where", "Message"),
        (
            (f["code"], f["severity"], f"{f['path']}:{f['line']}:{f['column']}", cell(f["message"]))
            for f in report["findings"]
        ),
    )
    if report["problems"]:
        out += ["", "## Could not check", ""] + [f"- {cell(p)}" for p in report["problems"]]
    out += ["", "## Files checked", ""]
    out += table(("File", "SHA-256"), ((f["path"], code(f["sha256"])) for f in report["files"]))
    return "\n".join(out) + "\n"
