"""read_document(): a page's text -> the Document every rule reads, from what the renderers show.

GitHub's view (cmark-gfm) gives every fact with its line; the site's view (the site's own
Python-Markdown), when the page belongs to a site, adds the boxes, footnotes and diagrams only
the site shows. A box either renderer shows is an item; it is done only when every renderer
that shows it shows it ticked and its own marker says so; it is dropped when it is not done
and every renderer shows it with its own text struck through.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate

from archcheck.flowchart import is_other_diagram, read_flowchart
from archcheck.model import (
    ALL_FACTS,
    ChecklistItem,
    CodeBlock,
    Comment,
    Document,
    Fact,
    Flowchart,
    FootnoteDef,
    FootnoteRef,
    Render,
)
from archcheck.text import MARKER, Source, prepare
from archcheck.views.facts import Box, GitHubView, SiteView
from archcheck.views.github import github_view
from archcheck.views.site import site_view
from archcheck.views.site_config import Site

COMMENT_START = re.compile(r"^([ \t>]*)<!--", re.MULTILINE)


def read_document(
    text: str,
    path: str = "<string>",
    site: Site | None = None,
    facts: frozenset[Fact] = ALL_FACTS,
) -> Document:
    """Render the page with cmark-gfm (and with the site's Markdown when ``site`` is given)
    and read it into a Document. Only ``facts`` are read (the rest are left empty): the
    pipeline asks for what the rules whose trigger fired on the page read."""
    source = prepare(text)
    github = github_view(source, facts)
    wants_site = site is not None and bool(facts & {"boxes", "footnotes", "diagrams"})
    shown = site_view(source, site) if site is not None and wants_site else None
    code = github.code_blocks
    has_site = site is not None
    return Document(
        path=path,
        line_count=len(source.lines),
        checklist=tuple(_checklist(source, path, github, shown, has_site))
        if "boxes" in facts
        else (),
        text_runs=github.text_runs,
        code_blocks=code if facts & {"code", "text", "diagrams"} else (),
        footnote_refs=tuple(_footnote_refs(source, github, shown)) if "footnotes" in facts else (),
        footnote_defs=tuple(_footnote_defs(source, github, shown)) if "footnotes" in facts else (),
        tables=github.tables,
        flowcharts=tuple(_flowcharts(source, code, shown)) if "diagrams" in facts else (),
        comments=tuple(_comments(source, github)) if "comments" in facts else (),
    )


def _render(box: Box | None) -> Render:
    if box is None:
        return Render.NOT_A_BOX
    return Render.CHECKED if box.checked else Render.UNCHECKED


def _by_line(boxes: tuple[Box, ...]) -> dict[int, list[Box]]:
    found: dict[int, list[Box]] = defaultdict(list)
    for box in boxes:
        if box.line is not None:
            found[box.line].append(box)
    return found


def _checklist(
    source: Source, path: str, github: GitHubView, site: SiteView | None, has_site: bool
) -> Iterator[ChecklistItem]:
    on_github = _by_line(github.boxes)
    on_site = _by_line(site.boxes) if site is not None else {}
    for line in sorted(on_github.keys() | on_site.keys()):
        gh, st = on_github.get(line, []), on_site.get(line, [])
        for index in range(max(len(gh), len(st))):
            first = gh[index] if index < len(gh) else None
            second = st[index] if index < len(st) else None
            yield _item(source, path, line, first, second, has_site)
    for box in site.boxes if site is not None else ():
        if box.line is None:
            yield ChecklistItem(
                path, 1, 1, box.checked, box.text, "[x]" if box.checked else "[ ]",
                Render.NOT_A_BOX, _render(box), 0, box.depth, box.origin,
            )  # fmt: skip


def _item(
    source: Source, path: str, line: int, github: Box | None, site: Box | None, has_site: bool
) -> ChecklistItem:
    shown = [box for box in (github, site) if box is not None]
    # As the site reads the line: Python-Markdown deletes U+0002 and U+0003 first.
    found = MARKER.search(source.line(line).replace("\x02", "").replace("\x03", ""))
    column = found.start() + 1 if found else 1
    marker = found.group(0) if found else ("[x]" if all(b.checked for b in shown) else "[ ]")
    checked = marker.lower() == "[x]" and all(box.checked for box in shown)
    text = next((box.text for box in shown if box.text), "")
    # Dropped only when every renderer of the page shows the box and strikes it through: one
    # that shows it unstruck, or shows no box, shows it open, and an open box any renderer
    # shows is never let through.
    views = (github, site) if has_site else (github,)
    dropped = not checked and all(box is not None and box.struck for box in views)
    return ChecklistItem(
        path=path,
        line=line,
        column=column,
        checked=checked,
        text=text,
        marker=marker,
        github=_render(github),
        site=_render(site) if has_site else None,
        github_depth=github.depth if github else 0,
        site_depth=site.depth if site else 0,
        dropped=dropped,
    )


def _first_line_in(source: Source, first: str, numbers: range) -> int | None:
    """The first of these source lines where a block's first content line (``first``) sits."""
    return next((n for n in numbers if source.lines[n - 1].strip().endswith(first)), None)


def _flowcharts(
    source: Source, code: tuple[CodeBlock, ...], site: SiteView | None
) -> Iterator[Flowchart]:
    mermaid = [b for b in code if b.fenced and b.info.split(" ")[0].lower() == "mermaid"]
    for block in mermaid:
        if not is_other_diagram(block.content):
            yield read_flowchart(block.content, block.first_line, block.column)
    on_github = {block.content.strip() for block in mermaid}
    # The site's diagrams come in page order: each is looked for after the one before, then
    # before it, so the page is read about once however many there are (a diagram repeated
    # gets its own line). A first line the page does not hold is looked for once.
    after, count = 0, len(source.lines)
    nowhere: set[str] = set()
    for content in site.diagrams if site is not None else ():
        if content.strip() in on_github or is_other_diagram(content):
            continue
        first = next((line.strip() for line in content.split("\n") if line.strip()), "")
        if not first or first in nowhere:
            continue
        line = _first_line_in(source, first, range(after + 1, count + 1))
        line = line or _first_line_in(source, first, range(1, after + 1))
        if line is None:
            nowhere.add(first)
            continue
        after = line
        raw = source.line(line)
        column = len(raw) - len(raw.lstrip(" \t>")) + 1
        yield read_flowchart(content, line, column)


def _footnote_refs(
    source: Source, github: GitHubView, site: SiteView | None
) -> Iterator[FootnoteRef]:
    yield from github.footnote_refs
    seen = {ref.label for ref in github.footnote_refs}
    wanted = site.referenced - seen if site is not None else frozenset()
    if wanted:
        first = _first_references(source, wanted)
        for label in sorted(wanted):
            if label in first:
                yield FootnoteRef(label, *first[label], resolved=True)


def _first_references(source: Source, labels: frozenset[str]) -> dict[str, tuple[int, int]]:
    """Where each label's ``[^label]`` first stands on a line, where the first such mark on
    that line is not followed by ":" (which would define it), in one pass over the page: a mark
    ends at the first "]" after it, and only a span as long as some label is compared."""
    lengths = {len(label) for label in labels}
    first: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(source.lines, 1):
        decided: set[str] = set()
        close = -1
        at = line.find("[^")
        while at >= 0:
            if close < at + 2:
                close = line.find("]", at + 2)
                if close < 0:
                    break
            if close - at - 2 in lengths:
                label = line[at + 2 : close]
                if label in labels and label not in first and label not in decided:
                    decided.add(label)
                    if not line.startswith(":", close + 1):
                        first[label] = (number, at + 1)
            at = line.find("[^", at + 1)
    return first


def _fenced_lines(github: GitHubView) -> set[int]:
    spans: set[int] = set()
    for block in github.code_blocks:
        if block.fenced:
            spans.update(range(block.line, block.first_line + block.content.count("\n") + 1))
    return spans


def _footnote_defs(
    source: Source, github: GitHubView, site: SiteView | None
) -> Iterator[FootnoteDef]:
    labels = github.footnote_labels | (site.defined if site is not None else frozenset())
    if not labels:
        return
    fenced = _fenced_lines(github)
    definition = re.compile(r"^[ \t>]*\[\^([^\]\s]+)\]:")
    for number, line in enumerate(source.lines, 1):
        found = definition.match(line)
        if found and found.group(1) in labels and number not in fenced:
            yield FootnoteDef(found.group(1), number, found.start(1) - 1)


def _comments(source: Source, github: GitHubView) -> Iterator[Comment]:
    """archcheck's directives: HTML comments that start a line, outside code blocks."""
    text = source.text
    if "<!--" not in text:
        return
    code: set[int] = set()
    for block in github.code_blocks:
        code.update(range(block.first_line, block.first_line + block.content.count("\n")))
    starts = [0]
    for line in source.lines:
        starts.append(starts[-1] + len(line) + 1)
    blocks = github.blocks
    # The furthest first line of the blocks up to each one: the first block that starts after
    # a line is the first whose running furthest does (footnotes come last, out of line order).
    furthest = list(accumulate((span[0] for span in blocks), max))
    at = 0
    while opening := COMMENT_START.search(text, at):
        # A comment ends at the first "-->" after it opens; when there is none, no later one
        # closes either.
        close = text.find("-->", opening.end())
        if close < 0:
            return
        at = close + 3
        begin = opening.start() + len(opening.group(1))
        number = _line_at(starts, begin)
        if number in code:
            continue
        end = _line_at(starts, at)
        index = bisect_right(furthest, end)
        following = blocks[index] if index < len(blocks) else None
        column = begin - starts[number - 1] + 1
        yield Comment(number, column, f"<!--{text[opening.end() : close]}-->", following)


def _line_at(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset)
