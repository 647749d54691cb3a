"""The generated Release readiness page: every checklist item of the site with its state, page and
line, every waiver, the token inventory, the findings and the overall verdict.

Markdown with relative links to the pages' sources, so MkDocs resolves and validates them like any
author-written link (MkDocs always loads the ``tables`` extension the tables need).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape

from archcheck import __version__
from archcheck.config import Config
from archcheck.engine import CheckResult
from archcheck.model import ChecklistItem
from archcheck.report import ItemVerdict, verdict
from archcheck.report.markdown import cell, code, table

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def text(value: str) -> str:
    """Plain text that Markdown shows as written (it may hold ``*``, ``[`` or ``~~``)."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", escape(" ".join(value.split()), quote=False))
    return escaped.replace("~", "&#126;") or " "


def _verdict_box(result: CheckResult, config: Config, allow_open: bool) -> list[str]:
    state = verdict(result)
    kind = "success" if state["ready"] else "failure"
    heading = f"{'Ready' if state['ready'] else 'Not ready'}: {state['summary']}"
    named = [v.release for v in result.releases if v.release]
    body = "".join(f"Release <code>{escape(release)}</code>. " for release in named[:1])
    if len(named) > 1:
        body = f"{len(named)} releases, each with its own verdict below. "
    body += f"{len(result.documents)} pages checked; `archcheck check` gives the same verdict."
    if allow_open and state["open_items"]:
        body += " This is a preview build: open items are allowed, the gate is still red."
    return [
        f'<div class="admonition {kind} archcheck-verdict" id="verdict"'
        f' data-archcheck-ready="{str(state["ready"]).lower()}">',
        f'<p class="admonition-title">{escape(heading)}</p>',
        f"<p>{body.replace('`archcheck check`', '<code>archcheck check</code>')}</p>",
        "</div>",
    ]


def render_readiness(
    result: CheckResult,
    states: Sequence[ItemVerdict],
    config: Config,
    *,
    links: Mapping[str, str],
    anchors: Mapping[ChecklistItem, str],
    title: str,
    allow_open: bool,
) -> str:
    """The page's Markdown. ``links`` maps a checked path to a link to its page from this page."""

    def where(path: str, line: int, anchor: str | None = None) -> str:
        target = links.get(path)
        if target is None:
            return f"{text(path)}:{line}"
        return f"[{text(path)}:{line}]({target}{'#' + anchor if anchor else ''})"

    def page(path: str) -> str:
        target = links.get(path)
        return f"[{text(path)}]({target})" if target else text(path)

    at_line = {(item.path, item.line): anchor for item, anchor in anchors.items()}
    references = sorted(result.tokens, key=lambda r: (r.path, r.line, r.column))
    declared = {(r.name, r.value) for r in references}  # the notes' own tokens, too
    out = [f"# {text(title)}", ""]
    out += _verdict_box(result, config, allow_open)
    if any(v.release for v in result.releases):
        out += ["", "## Releases", ""]
        out += table(
            ("Release", "Verdict", "Pages"),
            (
                (
                    code(v.release) if v.release else "(pages of no release)",
                    f"**{'green' if v.green else 'red'}**: {text(v.reasons())}",
                    ", ".join(map(page, v.pages)) or "none",
                )
                for v in result.releases
            ),
        )
    out += ["", "## Checklist", ""]
    out += table(
        ("State", "Item", "Page and line"),
        (
            (
                "done" if s.state == "done" else f"**{s.state}**",
                text(s.item.text or "(empty item)"),
                where(s.item.path, s.item.line, anchors.get(s.item)),
            )
            for s in states
        ),
    )
    out += ["", "## Waivers", ""]
    out += table(
        ("Where", "Codes", "Until", "Reason", "Covers"),
        (
            (
                where(w.path, w.line),
                ", ".join(w.codes),
                w.until.isoformat() + (" **expired**" if w.expired else ""),
                text(w.reason),
                ", ".join(f"line {f.line}" for f in w.covers) or "nothing",
            )
            for w in result.waivers
        ),
    )
    out += ["", "## Tokens", ""]
    out += table(
        ("Token", "Value", "Referenced at"),
        (
            (
                cell(name),
                code(value),
                ", ".join(
                    where(r.path, r.line) for r in references if (r.name, r.value) == (name, value)
                )
                or "**nowhere**",
            )
            for name, value in sorted({*config.tokens.items(), *declared})
        ),
    )
    out += ["", "## Findings", ""]
    out += table(
        ("Code", "Severity", "Where", "Message"),
        (
            (
                f.code,
                str(f.severity),
                where(f.path, f.line, at_line.get((f.path, f.line))),
                text(f.message),
            )
            for f in result.findings
        ),
    )
    out += ["", f"Generated by archcheck {__version__} on every build of this site.", ""]
    return "\n".join(out)
