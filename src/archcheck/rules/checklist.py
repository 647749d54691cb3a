"""AC1xx: checklist state. An open box fails (a dropped one, struck through, does not), as does
a box the renderers disagree on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document, Fact, ItemState, Render
from archcheck.rule import Rule

if TYPE_CHECKING:
    from archcheck.page import PageResult
    from archcheck.prescan import PageScan
    from archcheck.views.built_page import Boxes


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

    Best practice: if the work will not be done at all, strike the item's whole text through.
    It stays on the page as dropped and holds nothing up; it needs no waiver.

    ```markdown
    - [x] Code reviewed
    - [ ] ~~Migrate the legacy queue~~
    ```

    Anti-pattern: striking only part of the item, or striking it in one way that only one
    renderer shows (GitHub strikes `~one tilde~`, this site shows it as it is written). An item
    is dropped only when GitHub and the site (when the page is one of a site) both show all of
    its own text struck through; any other open item is still open.

    ```markdown
    - [ ] ~~Migrate~~ the legacy queue
    - [ ] ~Rotate the keys~
    ```

    ```text
    example.md:1:3: AC101 open checklist item: 'Migrate the legacy queue'
    example.md:2:3: AC101 open checklist item: 'Rotate the keys'
    ```

    Anti-pattern: taking the items nested under a dropped one for dropped too. An item's own
    text is its own lines, not the list nested in it, and each nested item is judged on its own
    text: an open item under a dropped one is still open until it is ticked or struck itself.

    ```markdown
    - [ ] ~~Migrate the legacy queue~~
      - [ ] Tell the queue's users
    ```

    ```text
    example.md:2:5: AC101 open checklist item: "Tell the queue's users"
    ```
    """
    if not config.release_note:  # a page release-notes leaves out gates no release
        return
    for item in document.checklist:
        if item.state is ItemState.OPEN:
            yield OPEN_ITEM.finding(
                item.path, item.line, item.column, f"open checklist item: {item.text!r}"
            )


def _shown(view: Render | None, depth: int) -> str:
    if view is None:
        return "no box (no site)"
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
    """An open box must look open wherever the page is read.

    Anti-pattern: Markdown that one renderer shows as an open box and the other shows ticked or
    not at all, so a reader there takes the open item for done or for prose. A list glued to a
    paragraph is a list on GitHub but plain text on the site; a task list in a block quote or an
    alert is a box on the site but text on GitHub:

    ```markdown
    Release steps:
    - [ ] Rotate secrets

    > [!NOTE]
    > - [ ] Rotate keys
    ```

    ```text
    example.md:2:3: AC101 open checklist item: 'Rotate secrets'
    example.md:2:3: AC102 renderers disagree on 'Rotate secrets' (open by its marker): GitHub shows an open box, the site shows no box
    example.md:5:5: AC101 open checklist item: 'Rotate keys'
    example.md:5:5: AC102 renderers disagree on 'Rotate keys' (open by its marker): GitHub shows no box, the site shows an open box
    ```

    Best practice: a blank line before the list, and the list outside any block quote. A page
    of no MkDocs site has only GitHub's view, so this rule is silent there; so is a box that
    every renderer shows ticked:

    ```markdown
    Release steps:

    - [x] Rotate secrets
    - [x] Rotate keys
    ```
    """  # noqa: E501 (findings are shown as archcheck prints them, one a line)
    for item in document.checklist:
        if item.open_somewhere_only:
            state = "done" if item.checked else "open"
            message = (
                f"renderers disagree on {item.text!r} ({state} by its marker): {describe(item)}"
            )
            yield DISAGREEMENT.finding(item.path, item.line, item.column, message)


def uncounted_box(page: PageResult, built: Boxes) -> Iterator[Finding]:
    """Every box the built page shows is one the gate counted.

    The MkDocs plugin compares the checkboxes in each page's HTML, as the build made it, with
    the boxes the gate read from the site's view of that page. A box the gate did not count,
    or a box shown ticked that the gate counted open (or the other way round), means the page
    claims a state the gate never saw: the build fails, strict or not, and the page's banner
    says so.

    Anti-pattern: a hook or plugin that writes a box into the page after Markdown has rendered
    it, here a hook in `hooks:` of mkdocs.yml:

    ```python
    def on_page_content(html, **kwargs):
        return html + '<ul><li><input type="checkbox" disabled> late</li></ul>'
    ```

    ```text
    docs/index.md:1:1: AC104 the built page shows 3 checkboxes (1 checked), but the gate counted 2 (1 checked)
    ```

    Best practice: write every checklist item in the page's Markdown, where every renderer and
    the gate read it.

    ```markdown
    - [x] Rollback rehearsed
    ```
    """  # noqa: E501 (findings are shown as archcheck prints them, one a line)
    counted = [i for i in page.items if i.site in (Render.CHECKED, Render.UNCHECKED)]
    ticked = sum(i.site is Render.CHECKED for i in counted)
    if (built.total, built.checked) != (len(counted), ticked):
        message = (
            f"the built page shows {built.describe()}, but the gate counted "
            f"{len(counted)} ({ticked} checked)"
        )
        yield UNCOUNTED_BOX.finding(page.path, 1, 1, message)


def missing_checklist(document: Document, config: Config) -> Iterator[Finding]:
    """A note whose front matter says ``checklist: required`` has at least one checklist item.

    A release note is what its checklist gates: without one, nothing holds the release.

    Anti-pattern: the release note's checklist was cut in an edit:

    ```markdown
    ---
    archcheck:
      release: pay-2031-07
      checklist: required
    ---
    # Payments, release pay-2031-07

    Everything is ready.
    ```

    ```text
    example.md:4:3: AC105 the note requires a checklist (checklist: required) and has no checklist item
    ```

    Best practice: the checklist, with every box ticked once its work is done.

    ```markdown
    ---
    archcheck:
      release: pay-2031-07
      checklist: required
    ---
    # Payments, release pay-2031-07

    - [x] Load tested
    ```
    """  # noqa: E501
    note = config.note
    if note is None or not note.checklist_required or document.checklist:
        return
    line = note.key_lines.get("checklist", note.line)
    message = "the note requires a checklist (checklist: required) and has no checklist item"
    yield MISSING_CHECKLIST.finding(document.path, line, 3, message)


def checklist_required(page: PageScan) -> bool:
    return page.prescan.checklist_required


def has_box(page: PageScan) -> bool:
    """Both renderers need a task marker on the item's line, or a checkbox written as HTML."""
    return page.task_marker()


BOXES: frozenset[Fact] = frozenset({"boxes"})
OPEN_ITEM = Rule(
    "AC101",
    "open-checklist-item",
    Severity.ERROR,
    open_checklist_item,
    reads=BOXES,
    trigger=has_box,
)
DISAGREEMENT = Rule(
    "AC102", "renderer-disagreement", Severity.ERROR, renderer_disagreement, reads=BOXES,
    trigger=has_box,
)  # fmt: skip
MISSING_CHECKLIST = Rule(
    "AC105", "missing-checklist", Severity.ERROR, missing_checklist, reads=BOXES,
    trigger=checklist_required,
)  # fmt: skip
UNCOUNTED_BOX = Rule("AC104", "uncounted-box", Severity.ERROR, uncounted_box, built=True)
