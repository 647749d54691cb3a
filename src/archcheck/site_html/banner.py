"""The readiness banner at the top of a page: the gate's state for the page's checklist, a link to
each open item, and any other findings on the page (so `mkdocs serve` shows them in place)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem
from archcheck.releases import ReleaseVerdict
from archcheck.report import ItemVerdict


def _title(states: Sequence[ItemVerdict], others: Sequence[Finding]) -> tuple[str, str]:
    """The banner's heading, which says why the gate is red, and its admonition kind (Material
    colours them): ``Release gate red: 1 error (AC201 token-typo), all 2 items done``."""
    errors = sum(f.severity is Severity.ERROR for f in others)
    if not states:
        count = len(others)
        return f"archcheck: {count} finding{'s' * (count != 1)} on this page", (
            "failure" if errors else "warning"
        )
    page = ReleaseVerdict(None, (), tuple(states), tuple(others))
    red = bool(page.errors) or bool(page.count("open"))  # a preview build's gate stays red
    if red:
        return f"Release gate red: {page.reasons()}", "failure"
    quiet = not others and not page.count("waived")
    return f"Release gate green: {page.reasons()}", "success" if quiet else "warning"


def _item_line(state: ItemVerdict, anchors: Mapping[ChecklistItem, str]) -> str:
    item = state.item
    text = escape(item.text or "(empty item)")
    anchor = anchors.get(item)
    label = f'<a href="#{anchor}">{text}</a>' if anchor else text
    note = f"line {item.line}"
    if state.waiver is not None and state.state == "waived":
        note += f", waived until {state.waiver.until.isoformat()}: {escape(state.waiver.reason)}"
    elif state.state == "dropped":
        note += ", dropped: struck through, it does not hold the release"
    elif state.waiver is not None and state.waiver.expired:
        note += f", waiver expired on {state.waiver.until.isoformat()}"
    return f"<li>{label} ({note})</li>"


def render_banner(
    states: Sequence[ItemVerdict],
    anchors: Mapping[ChecklistItem, str],
    others: Sequence[Finding],
    *,
    readiness_url: str | None,
    allow_open: bool,
    release: str | None = None,
) -> str:
    """HTML for one page; ``others`` are the page's findings other than its open items;
    ``release``: the release the page belongs to (its note's own, or the project's)."""
    title, kind = _title(states, others)
    pending = [s for s in states if s.state != "done"]
    open_count = sum(s.state == "open" for s in states)
    parts = [
        f'<div class="admonition {kind} archcheck-gate" id="release-gate" role="status"'
        f' data-archcheck-items="{len(states)}" data-archcheck-open="{open_count}">',
        f'<p class="admonition-title">{escape(title)}</p>',
    ]
    if release:  # a site may hold several releases' notes: say which one this page gates
        parts.append(f'<p class="archcheck-release">Release <code>{escape(release)}</code></p>')
    if pending:
        parts.append('<ul class="archcheck-open-items">')
        parts += [_item_line(s, anchors) for s in pending]
        parts.append("</ul>")
    if open_count and allow_open:
        parts.append(
            "<p>Preview build: open items are allowed here (ARCHCHECK_ALLOW_OPEN), "
            "but the release gate stays red until they are ticked.</p>"
        )
    if others:
        parts.append('<p>Findings on this page:</p><ul class="archcheck-findings">')
        parts += [
            f"<li><code>{f.code}</code> line {f.line}: {escape(f.message)}"
            f"{'' if f.severity is Severity.ERROR else f' ({f.severity})'}</li>"
            for f in others
        ]
        parts.append("</ul>")
    if readiness_url:
        parts.append(f'<p><a href="{escape(readiness_url)}">Release readiness of the site</a></p>')
    parts.append("</div>")
    return "\n".join(parts)
