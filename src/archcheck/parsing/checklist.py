"""Checklist items: the boxes GitHub or the site shows, each with how both renderers show it."""

from __future__ import annotations

from markdown_it.token import Token

from archcheck.model import ChecklistItem, Render
from archcheck.parsing.github_tasks import task_candidates
from archcheck.parsing.markdown import MAX_NESTING, Source
from archcheck.parsing.site_blocks import site_boxes
from archcheck.parsing.site_source import site_lines
from archcheck.parsing.site_text import site_text
from archcheck.prescan import CHECKBOX, deep_prefix


def _render(box: bool, checked: bool) -> Render:
    if not box:
        return Render.NOT_A_BOX
    return Render.CHECKED if checked else Render.UNCHECKED


def checklist(tokens: list[Token], source: Source, path: str) -> tuple[ChecklistItem, ...]:
    # Both renderers need a box marker on the item's line, and replaying the site's parser can
    # only fail on nesting as deep as prescan.py looks for: without either there is nothing to do.
    if not CHECKBOX.search(source.text) and not deep_prefix(source.text):
        return ()
    candidates = {c.line: c for c in task_candidates(tokens, source)}
    boxes = site_boxes(*site_lines(tokens, source), MAX_NESTING)
    shown = {line for line, c in candidates.items() if c.github_box} | set(boxes)
    items: list[ChecklistItem] = []
    footnotes = {
        str(t.meta.get("label", "")) for t in tokens if t.type == "footnote_reference_open"
    }
    for line in sorted(shown):
        candidate, box = candidates.get(line), boxes.get(line)
        if candidate is not None:
            marker, column, text = candidate.marker, candidate.column, candidate.text
            if box is not None and box.state == " ":
                # GitHub may take the box's marker from a later line of the item
                # (github_later_tasks.py); the site's marker here is open, and an open marker
                # is never reported done.
                marker = "[ ]"
        else:
            assert box is not None
            marker = f"[{box.state}]"
            column = source.lines[line - 1].find(marker) + 1
            text = site_text(box.text, footnotes)
        github_box = candidate is not None and candidate.github_box
        items.append(
            ChecklistItem(
                path=path,
                line=line,
                column=column,
                checked=marker != "[ ]",
                text=text,
                marker=marker,
                github=_render(github_box, candidate is not None and candidate.github_checked),
                site=_render(box is not None, box is not None and box.state != " "),
                github_depth=candidate.depth if candidate is not None and github_box else 0,
                site_depth=box.depth if box is not None else 0,
            )
        )
    return tuple(items)
