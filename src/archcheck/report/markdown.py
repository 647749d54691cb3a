"""The audit record as a Markdown document for people reviewing a release (GitHub renders it)."""

from __future__ import annotations

import re
from typing import Any

from archcheck.printable import printable
from archcheck.report.sections import code, release_sections, table

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
    out += release_sections(
        report, lambda path, line: literal(f"{path}:{line}"), cell, page=literal
    )
    if report["problems"]:
        out += ["", "## Could not check", ""] + [f"- {literal(p)}" for p in report["problems"]]
    out += ["", "## Files checked", ""]
    out += table(
        ("File", "SHA-256"), ((literal(f["path"]), code(f["sha256"])) for f in report["files"])
    )
    return "\n".join(out) + "\n"
