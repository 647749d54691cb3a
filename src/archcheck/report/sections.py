"""The release's state as Markdown sections, from the audit record: releases, checklist,
waivers, tokens and findings. One renderer for both the audit report (`report --format
markdown`, read on GitHub) and the site's Release readiness page, so the two show the same
shapes; each says how a place on a page is written (``where``: a link on the site, the path
and line in the report) and how prose is escaped for its renderer (``prose``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from archcheck.printable import printable

Where = Callable[[str, int], str]  # a page and line, as a link or as text
Prose = Callable[[object], str]  # a text shown as written (an item, a reason, a message)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines if len(lines) > 2 else ["None."]


def code(text: object) -> str:
    """A code span, which shows its text as is but for line breaks (printable() shows them) and
    the pipe, which ends a table cell even there (GitHub reads ``\\|`` inside one as ``|``)."""
    value = printable(str(text)).replace("|", "\\|")
    fence = "``" if "`" in value else "`"
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _place(where: Where, spot: str) -> str:
    """A ``path:line`` of the record written as ``where`` writes places."""
    path, _, line = spot.rpartition(":")
    return where(path, int(line)) if line.isdigit() else spot


def release_sections(
    report: dict[str, Any], where: Where, prose: Prose, page: Callable[[str], str]
) -> list[str]:
    """The sections after the verdict. ``page`` writes a page with no line (the releases')."""
    out: list[str] = []
    if len(report["releases"]) > 1:
        out += ["", "## Releases", ""]
        out += table(
            ("Release", "Verdict", "Pages"),
            (
                (
                    code(r["release"]) if r["release"] else "(pages of no release)",
                    f"**{'READY' if r['ready'] else 'NOT READY'}**: {prose(r['summary'])}",
                    ", ".join(map(page, r["pages"])) or "none",
                )
                for r in report["releases"]
            ),
        )
    out += ["", "## Checklist", ""]
    out += table(
        ("State", "Item", "Page and line", "Waiver"),
        (
            (
                "done" if i["state"] == "done" else f"**{i['state']}**",
                prose(i["text"] or "(empty item)"),
                where(i["path"], i["line"]),
                _place(where, i["waiver"]) if i["waiver"] else "",
            )
            for i in report["checklist"]
        ),
    )
    out += ["", "## Waivers", ""]
    out += table(
        ("Where", "Codes", "Until", "Reason", "Covers"),
        (
            (
                where(w["path"], w["line"]),
                ", ".join(w["codes"]),
                w["until"] + (" **expired**" if w["expired"] else ""),
                prose(w["reason"]),
                ", ".join(_place(where, spot) for spot in w["covers"]) or "nothing",
            )
            for w in report["waivers"]
        ),
    )
    out += ["", "## Tokens", ""]
    out += table(
        ("Token", "Value", "Referenced at"),
        (
            (
                prose(t["name"]),
                code(t["value"]),
                ", ".join(where(r["path"], r["line"]) for r in t["references"]) or "**nowhere**",
            )
            for t in report["tokens"]
        ),
    )
    out += ["", "## Findings", ""]
    out += table(
        ("Code", "Severity", "Where", "Message"),
        (
            (f["code"], f["severity"], where(f["path"], f["line"]), prose(f["message"]))
            for f in report["findings"]
        ),
    )
    return out
