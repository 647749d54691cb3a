"""Checklist items: the boxes GitHub or the site shows, each with how both renderers show it."""

from __future__ import annotations

import re

from markdown_it.token import Token

from archcheck.model import ChecklistItem, Render
from archcheck.parsing.github_tasks import task_candidates
from archcheck.parsing.markdown import MAX_NESTING, Source
from archcheck.parsing.site_blocks import site_boxes

# Python-Markdown sets aside raw HTML that starts a line (up to 3 spaces in) before it parses
# any Markdown: a comment, or a block-level element up to its closing tag.
_BLOCK_TAG_NAMES = (
    "address article aside blockquote body canvas center dd details dialog dir div dl dt"
    " fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup"
    " hr html iframe legend li link main menu nav noscript ol optgroup option p pre section"
    " script style summary table tbody td textarea tfoot th thead title tr track ul video"
)
BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
RE_HTML_START = re.compile(
    r"^ {0,3}<(?:(?P<comment>!--)|(?P<tag>[A-Za-z][A-Za-z0-9]*)[\s/>]"
    r"|(?P<bare>[A-Za-z][A-Za-z0-9]*)$)"
)
PLACEHOLDER = "\x02"


def _raw_html_end(lines: tuple[str, ...], start: int) -> int | None:
    """Index of the last line of a raw HTML block starting at ``start``, or None."""
    found = RE_HTML_START.match(lines[start])
    if found is None:
        return None
    if found["comment"]:
        for index in range(start, len(lines)):
            offset = lines[index].find("<!--") + 4 if index == start else 0
            if "-->" in lines[index][offset:]:
                return index
        return None
    tag = (found["tag"] or found["bare"]).lower()
    if tag not in BLOCK_TAGS:
        return None
    opener, closer = re.compile(rf"<{tag}[\s/>]|<{tag}$", re.I), re.compile(rf"</{tag}\s*>", re.I)
    open_count = 0
    for index in range(start, len(lines)):
        open_count += len(opener.findall(lines[index])) - len(closer.findall(lines[index]))
        if open_count <= 0 or (lines[index].rstrip().endswith("/>") and index == start):
            return index
    return len(lines) - 1


def site_lines(tokens: list[Token], source: Source) -> list[tuple[int, str]]:
    """The text as Python-Markdown's block parser meets it, numbered by source line."""
    lines = list(source.lines)
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "front_matter":  # MkDocs takes front matter off before rendering
            lines[start:end] = [""] * (end - start)
        elif token.type == "fence":  # stashed by superfences: never a list item
            for index in range(start, min(end, len(lines))):
                prefix = re.match(r"[ \t>]*", lines[index])
                lines[index] = (prefix.group(0) if prefix else "") + PLACEHOLDER
    numbered: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        last = _raw_html_end(tuple(lines), index)
        if last is None:
            numbered.append((index + 1, lines[index]))
            index += 1
            continue
        numbered += [(index + 1, ""), (index + 1, PLACEHOLDER), (index + 1, "")]
        index = last + 1
    return numbered


def _render(box: bool, checked: bool) -> Render:
    if not box:
        return Render.NOT_A_BOX
    return Render.CHECKED if checked else Render.UNCHECKED


def checklist(tokens: list[Token], source: Source, path: str) -> tuple[ChecklistItem, ...]:
    candidates = {c.line: c for c in task_candidates(tokens, source)}
    boxes = site_boxes(site_lines(tokens, source), MAX_NESTING)
    shown = {line for line, c in candidates.items() if c.github_box} | set(boxes)
    items: list[ChecklistItem] = []
    for line in sorted(shown):
        candidate, box = candidates.get(line), boxes.get(line)
        if candidate is not None:
            marker, column, text = candidate.marker, candidate.column, candidate.text
        else:
            assert box is not None
            marker = f"[{box.state}]"
            column, text = source.lines[line - 1].find(marker) + 1, box.text
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
