"""AC1xx: checklist state. An open box fails, as does a box the renderers disagree on."""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document, Render
from archcheck.rule import Rule


def open_checklist_item(document: Document, config: Config) -> Iterator[Finding]:
    """An open checklist item blocks the release.

    Anti-pattern: shipping while a box is still open, or meaning to tick it "later".

    ```markdown
    - [x] Code reviewed
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Best practice: tick the box when the work is done.

    ```markdown
    - [x] Code reviewed
    - [x] All production secrets rotated
    ```

    Best practice: if it has to wait, waive it with an expiry date and a reason. The waiver is
    listed with the item it covers, and the item fails again once the date has passed (AC103).

    ```markdown
    - [x] Code reviewed
    <!-- archcheck: waive AC101 until=2031-06-30 reason="rotation booked for 20 June" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:2: waiver AC101 until 2031-06-30 covers line 3: rotation booked for 20 June
    ```
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
    return f"{'a ticked' if view is Render.CHECKED else 'an open'} box{level}"


def describe(item: ChecklistItem) -> str:
    return (
        f"GitHub shows {_shown(item.github, item.github_depth)}, "
        f"the site shows {_shown(item.site, item.site_depth)}"
    )


def renderer_disagreement(document: Document, config: Config) -> Iterator[Finding]:
    """GitHub and the site must show the same box.

    Anti-pattern: Markdown the two renderers read differently. A list glued to a paragraph is a
    list on GitHub but plain text on the site:

    ```markdown
    Release steps:
    - [x] Rotate secrets
    ```

    ```text
    example.md:2:3: AC102 renderers disagree on 'Rotate secrets' (done by its marker): GitHub shows a ticked box, the site shows no box
    ```

    Anti-pattern: a task list in a block quote or an alert is a box on the site but text on
    GitHub, and a list nested by two spaces is nested on GitHub but not on the site:

    ```markdown
    > [!NOTE]
    > - [x] Rotate secrets

    - [x] Review
      - [x] Rotate secrets
    ```

    ```text
    example.md:2:5: AC102 renderers disagree on 'Rotate secrets' (done by its marker): GitHub shows no box, the site shows a ticked box
    example.md:5:5: AC102 renderers disagree on 'Rotate secrets' (done by its marker): GitHub shows a ticked box nested 1 deep, the site shows a ticked box
    ```

    Best practice: a blank line before the list, 4-space nesting, and the list outside any
    block quote:

    ```markdown
    Release steps:

    - [x] Review
        - [x] Rotate secrets
    ```
    """  # noqa: E501 (findings are shown as archcheck prints them, one a line)
    for item in document.checklist:
        if not item.renderers_agree:
            state = "done" if item.checked else "open"
            message = (
                f"renderers disagree on {item.text!r} ({state} by its marker): {describe(item)}"
            )
            yield DISAGREEMENT.finding(item.path, item.line, item.column, message)


OPEN_ITEM = Rule("AC101", "open-checklist-item", Severity.ERROR, open_checklist_item)
DISAGREEMENT = Rule("AC102", "renderer-disagreement", Severity.ERROR, renderer_disagreement)
