"""The audit record as a Markdown document for people reviewing a release (GitHub renders it)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from archcheck.printable import printable

# What Markdown (GitHub's, with tables, strikethrough and math) could read as markup inside a
# table row; every other character is taken as itself there.
MARKUP = re.compile(r"[\\`*_\[\]<>|&~$]")


def cell(text: object) -> str:
    """A table cell of prose (an item's text, a reason, a message), its Markdown kept: line
    breaks flattened, other controls shown by printable(), backslashes and pipes escaped, never
    empty."""
    flat = printable(" ".join(str(text).split())).replace("\\", "\\\\").replace("|", "\\|")
    return flat or " "


def literal(text: object) -> str:
    """A name shown as itself (a path, a token's name): printable() first, so that no line break
    in a file name ends the table row and starts Markdown of its own, then each character
    Markdown could read as markup escaped; ``docs/index.md`` stays as it is."""
    return MARKUP.sub(r"\\\g<0>", printable(str(text)))


def code(text: object) -> str:
    """A code span, which shows its text as is but for line breaks (printable() shows them) and
    the pipe, which ends a table cell even there (GitHub reads ``\\|`` inside one as ``|``)."""
    value = printable(str(text)).replace("|", "\\|")
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
    named = [r["release"] for r in report["releases"] if r["release"]]
    if report["release"]:
        release = literal(report["release"])
    elif named:
        release = ", ".join(map(literal, named))
    else:
        release = "(no release declared)"
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
    if len(report["releases"]) > 1:
        out += ["", "## Releases", ""]
        out += table(
            ("Release", "Verdict", "Pages"),
            (
                (
                    literal(r["release"]) if r["release"] else "(pages of no release)",
                    f"**{'READY' if r['ready'] else 'NOT READY'}**: {r['summary']}",
                    ", ".join(map(literal, r["pages"])),
                )
                for r in report["releases"]
            ),
        )
    out += ["", "## Checklist", ""]
    out += table(
        ("State", "Item", "Where", "Waiver"),
        (
            (
                f"**{i['state']}**" if i["state"] != "done" else "done",
                cell(i["text"]),
                literal(f"{i['path']}:{i['line']}"),
                literal(i["waiver"] or ""),
            )
            for i in report["checklist"]
        ),
    )
    out += ["", "## Waivers", ""]
    out += table(
        ("Where", "Codes", "Until", "Reason", "Covers"),
        (
            (
                literal(f"{w['path']}:{w['line']}"),
                ", ".join(w["codes"]),
                w["until"] + (" **expired**" if w["expired"] else ""),
                cell(w["reason"]),
                ", ".join(map(literal, w["covers"])) or "nothing",
            )
            for w in report["waivers"]
        ),
    )
    out += ["", "## Tokens", ""]
    out += table(
        ("Token", "Value", "Referenced at"),
        (
            (
                literal(t["name"]),
                code(t["value"]),
                ", ".join(literal(f"{r['path']}:{r['line']}") for r in t["references"])
                or "**nowhere**",
            )
            for t in report["tokens"]
        ),
    )
    out += ["", "## Findings", ""]
    out += table(
        ("Code", "Severity", "Where", "Message"),
        (
            (
                f["code"],
                f["severity"],
                literal(f"{f['path']}:{f['line']}:{f['column']}"),
                cell(f["message"]),
            )
            for f in report["findings"]
        ),
    )
    if report["problems"]:
        out += ["", "## Could not check", ""] + [f"- {literal(p)}" for p in report["problems"]]
    out += ["", "## Files checked", ""]
    out += table(
        ("File", "SHA-256"), ((literal(f["path"]), code(f["sha256"])) for f in report["files"])
    )
    return "\n".join(out) + "\n"
