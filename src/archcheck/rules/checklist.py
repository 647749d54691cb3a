"""AC1xx: checklist state. An open box fails, as does a box the renderers disagree on."""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document, Render
from archcheck.rule import Rule


def open_checklist_item(document: Document, config: Config) -> Iterator[Finding]:
    """An open checklist item blocks the release.

    Anti-pattern: shipping while a box is still open, or ticking it "later".

        - [x] Code reviewed
        - [ ] All production secrets rotated

    Best practice: tick the box when the work is done; if it must wait, waive it with a reason
    and an expiry date (see waivers):

        - [x] Code reviewed
        - [x] All production secrets rotated
    """
    for item in document.checklist:
        if not item.checked:
            yield OPEN_ITEM.finding(
                item.path, item.line, item.column, f"open checklist item: {item.text!r}"
            )


def _shown(view: Render, depth: int) -> str:
    if view is Render.NOT_A_BOX:
        return "no box"
    level = f" nested {depth} deep" if depth else ""
    return f"a {'ticked' if view is Render.CHECKED else 'open'} box{level}"


def describe(item: ChecklistItem) -> str:
    return (
        f"GitHub shows {_shown(item.github, item.github_depth)}, "
        f"the site shows {_shown(item.site, item.site_depth)}"
    )


def renderer_disagreement(document: Document, config: Config) -> Iterator[Finding]:
    """GitHub and the site must show the same box.

    Anti-pattern: Markdown the two renderers read differently. A list glued to a paragraph is a
    list on GitHub but plain text on the site; a task list in a block quote is a box on the site
    but text on GitHub; ``- [ ] x [x]`` is ticked on GitHub though its marker is open.

        Release steps:
        - [ ] Rotate secrets

    Best practice: a blank line before the list, 4-space nesting, no block quote, one marker:

        Release steps:

        - [ ] Rotate secrets
    """
    for item in document.checklist:
        if not item.renderers_agree:
            state = "done" if item.checked else "open"
            message = (
                f"renderers disagree on {item.text!r} ({state} by its marker): {describe(item)}"
            )
            yield DISAGREEMENT.finding(item.path, item.line, item.column, message)


OPEN_ITEM = Rule("AC101", "open-checklist-item", Severity.ERROR, open_checklist_item)
DISAGREEMENT = Rule("AC102", "renderer-disagreement", Severity.ERROR, renderer_disagreement)
