"""Checklist items: the boxes GitHub or the site shows, each with how both renderers show it."""

from __future__ import annotations

import re

from markdown_it.token import Token

from archcheck.model import ChecklistItem, Render
from archcheck.parsing.github_tasks import inline_text, task_candidates
from archcheck.parsing.markdown import MAX_NESTING, Source, markdown_parser
from archcheck.parsing.site_blocks import site_boxes
from archcheck.parsing.site_source import PLACEHOLDER, site_lines
from archcheck.prescan import CHECKBOX, deep_prefix

RE_STASHED_FENCE = re.compile("\x02\\d+\x03")
# Python-Markdown's code span (BACKTICK_RE): a backtick run up to the next run of the same
# length; the code is stripped. Pairs of backslashes before a run are kept as they are.
RE_SITE_CODE = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))", re.DOTALL)
RE_CODE_MARK = re.compile("\ue000(\\d+)\ue001")


def _site_text(text: str) -> str:
    """The visible text of a site-only item: code spans as Python-Markdown reads them."""
    codes: list[str] = []

    def mark(found: re.Match[str]) -> str:
        if found.group(3) is None:
            return found.group(0)
        codes.append(found.group(3).strip())
        return f"\ue000{len(codes) - 1}\ue001"

    # A backtick Python-Markdown left alone is literal text, whatever markdown-it would make of it.
    marked = RE_SITE_CODE.sub(mark, text).replace("`", "\\`")
    shown = inline_text(markdown_parser().parseInline(marked)[0])
    return " ".join(RE_CODE_MARK.sub(lambda found: codes[int(found.group(1))], shown).split())


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
            # A stashed fence is rendered as a block of its own, so the item's first paragraph
            # ends where the fence's placeholder starts; other placeholders show nothing.
            visible = RE_STASHED_FENCE.split(box.text, maxsplit=1)[0].replace(PLACEHOLDER, "")
            text = _site_text(visible)
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
