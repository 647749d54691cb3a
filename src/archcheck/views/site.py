"""The site's view: the page rendered by Python-Markdown with exactly the site's extensions, fed
as MkDocs feeds it (MkDocs' own front-matter rule), and the boxes, footnotes and diagrams read
back out of that HTML. Each box's line comes from the tag line_tags.py put on its line."""

from __future__ import annotations

import re
from typing import Any

from archcheck.text import MARKER, Source, normalise
from archcheck.views.facts import Box, SiteView
from archcheck.views.html import Tag, pieces
from archcheck.views.line_tags import LineTags, tag_lines
from archcheck.views.site_config import Site

UNPLACED = "not on a line of this page (a snippet, an include or text an extension wrote)"
ENDS_ITEM_TEXT = frozenset({"ul", "ol", "li", "pre", "blockquote", "table", "div", "details"})
STX, ETX = "\x02", "\x03"
BARE_MARKER = re.compile(r"\[[ \txX]\][ \t]+$")
NOT_A_LETTER = re.compile(r"[\W_]+")
RAW_HTML = re.compile(r"<!--.*?(?:-->|$)|<[A-Za-z/!?][^>]*>?")
BARE_ITEM = re.compile(r"^[ \t>]*(?:[-*+]|\d+[.)])[ \t]+\[[ \txX]\][ \t]+$")


_CONVERTERS: dict[str, Any] = {}


def _converter(site: Site) -> Any:
    """One Markdown instance per site configuration, reset before each page (as MkDocs makes a
    new one per page; reset() clears what an extension keeps between pages)."""
    import markdown  # type: ignore[import-untyped]

    key = site.key  # the extensions and their options: an edited mkdocs.yml is a new key
    if key not in _CONVERTERS:
        _CONVERTERS[key] = markdown.Markdown(
            extensions=list(site.extensions), extension_configs=site.extension_configs
        )
    return _CONVERTERS[key]


def warm_up(site: Site) -> None:
    """Build the site's converter and render a page with the usual blocks once, so that worker
    processes forked after this start with the extensions loaded and their expressions
    compiled, instead of each paying for that on its first page."""
    render(site, WARM_UP)


WARM_UP = (
    "# T\n\n- [ ] a\n\n```python\nx = 1\n```\n\n| a | b |\n| - | - |\n| c | d |\n\n"
    "text[^1]\n\n[^1]: n\n"
)


def body_of(source: Source) -> tuple[str, int | None]:
    """The Markdown MkDocs renders (front matter dropped by MkDocs' own rule) and the line of
    the page it starts on (None if that cannot be told)."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(source.raw)
    text = normalise(body)
    if not source.text.endswith(text):
        return text, None
    return text, source.text[: len(source.text) - len(text)].count("\n") + 1


def render(site: Site, text: str) -> str:
    converter = _converter(site)
    converter.reset()
    return str(converter.convert(text))


def site_view(source: Source, site: Site) -> SiteView:
    body, first_line = body_of(source)
    # Python-Markdown deletes these first thing; deleting them here too changes nothing it
    # renders, and lets a marker written with them inside be tagged.
    body = body.replace(STX, "").replace(ETX, "")
    tagging = tag_lines(body, first_line) if first_line is not None else None
    text, tags = (tagging.text, tagging.tags) if tagging is not None else (body, None)
    view = read_site_html(render(site, text), tags)
    boxes = view.boxes
    if first_line is not None and any(box.line is None for box in boxes):
        boxes = _ask_by_turning_markers(site, text, tags, boxes, first_line)
    return SiteView(_place_untagged(boxes, source), view.referenced, view.defined, view.diagrams)


def _ask_by_turning_markers(
    site: Site, text: str, tags: LineTags | None, boxes: tuple[Box, ...], first_line: int
) -> tuple[Box, ...]:
    """The lines of the boxes that carry no tag, asked of the renderer: the untagged marker
    lines are numbered, and the page is rendered once per bit of those numbers with the
    markers of the lines whose number has that bit turned over (``[ ]`` and ``[x]`` swap).
    A box whose state turns in exactly the renders of a line's bits is that line's. Turning a
    marker over changes no structure, so every render shows the same boxes; if one does not,
    nothing is learnt and the boxes are placed as _place_untagged can."""
    lines = text.split("\n")
    untagged = [
        offset
        for offset, line in enumerate(lines)
        if MARKER.search(line) and (tags is None or chr(tags.base) not in line)
    ]
    if not untagged:
        return boxes
    codes = [0] * len(boxes)
    for bit in range((len(untagged)).bit_length()):
        turned = list(lines)
        for number, offset in enumerate(untagged, 1):
            if number >> bit & 1:
                turned[offset] = MARKER.sub(_turn, turned[offset])
        seen = read_site_html(render(site, "\n".join(turned)), tags).boxes
        if len(seen) != len(boxes):
            return boxes
        for index, (box, other) in enumerate(zip(boxes, seen, strict=True)):
            if box.line is None and box.checked != other.checked:
                codes[index] |= 1 << bit
    placed = []
    for box, code in zip(boxes, codes, strict=True):
        if box.line is None and 0 < code <= len(untagged):
            box = Box(first_line + untagged[code - 1], box.checked, box.depth, box.text)
        placed.append(box)
    return tuple(placed)


def _turn(found: re.Match[str]) -> str:
    return "[x]" if found.group(0) in ("[ ]", "[\t]") else "[ ]"


def _place_untagged(boxes: tuple[Box, ...], source: Source) -> tuple[Box, ...]:
    """Boxes with no tag (a marker only spaces follow, a line with raw HTML) between two tagged
    ones are placed on the untagged marker lines between those two, in order: the bare markers
    that open a list item, or all bare markers, when there are exactly as many; else each on the
    next line whose marker is in its state and is followed by its words. Any box still without a
    line is counted, never guessed at: it is reported at the page."""
    placed = list(boxes)
    index = 0
    while index < len(placed):
        if placed[index].line is not None:
            index += 1
            continue
        end = index
        while end < len(placed) and placed[end].line is None:
            end += 1
        after = next((b.line for b in reversed(placed[:index]) if b.line), 0) or 0
        before = next((b.line for b in placed[end:] if b.line), len(source.lines) + 1)
        gap = placed[index:end]
        bare = [n for n in range(after + 1, before) if BARE_MARKER.search(source.line(n))]
        items = [n for n in bare if BARE_ITEM.match(source.line(n))]
        lines = items if len(items) == len(gap) else bare
        if len(lines) == len(gap):
            placed[index:end] = [
                Box(n, b.checked, b.depth, b.text) for n, b in zip(lines, gap, strict=True)
            ]
        else:
            placed[index:end] = _place_by_text(gap, source, after, before)
        index = end
    return tuple(placed)


def _place_by_text(boxes: list[Box], source: Source, after: int, before: int) -> list[Box]:
    lines = [line.replace(STX, "").replace(ETX, "") for line in source.lines]
    placed: list[Box] = []
    for box in boxes:
        words = _letters(box.text)[:40]
        line = next(
            (
                n
                for n in range(after + 1, before)
                if (found := MARKER.search(lines[n - 1]))
                and (found.group(0) != "[ ]") == box.checked
                and lines[n - 1][found.end() : found.end() + 1] in (" ", "\t")
                and _follows(_letters(lines[n - 1][found.end() :]), words)
            ),
            None,
        )
        if line is None:
            placed.append(Box(None, box.checked, box.depth, box.text, UNPLACED))
        else:
            placed.append(Box(line, box.checked, box.depth, box.text))
            after = line
    return placed


def _letters(text: str) -> str:
    """The words of a line or a box's text: markup, and the raw HTML a reader never sees, aside."""
    return NOT_A_LETTER.sub("", RAW_HTML.sub("", text) if "<" in text else text)


def _follows(rest: str, words: str) -> bool:
    return rest.startswith(words) if words else not rest


def read_site_html(html: str, tags: LineTags | None) -> SiteView:
    """Boxes (with the line each tag names), footnote labels and Mermaid sources of a page."""
    boxes: list[Box] = []
    referenced: set[str] = set()
    defined: set[str] = set()
    diagrams: list[str] = []
    depth = 0
    footnotes: list[int] = []  # the list depth at each open footnote <li>
    reading: int | None = None  # the box whose text is being read
    text: list[str] = []
    diagram: list[str] | None = None
    diagram_tag = ""
    for piece in pieces(html):
        if isinstance(piece, str):
            if diagram is not None:
                diagram.append(piece)
            elif reading is not None:
                text.append(piece)
            continue
        tag: Tag = piece
        name = tag.name
        if name == "input" and (tag.attribute("type") or "").lower() == "checkbox":
            if reading is not None:
                _close(boxes, reading, text, tags)
            boxes.append(Box(None, tag.attribute("checked") is not None, max(depth - 1, 0), ""))
            reading, text = len(boxes) - 1, []
            continue
        if reading is not None and (
            (name in ENDS_ITEM_TEXT and not tag.closing) or (tag.closing and name in ("p", "li"))
        ):
            _close(boxes, reading, text, tags)
            reading = None
        if name == "li":
            label = "" if tag.closing else tag.attribute("id") or ""
            if label.startswith("fn:"):  # a footnote, not a list item: it encloses no box
                defined.add(label[3:])
                footnotes.append(depth)
            elif tag.closing and footnotes and footnotes[-1] == depth:
                footnotes.pop()
            else:
                depth += -1 if tag.closing else 1
        elif name == "a" and not tag.closing and tag.has_class("footnote-ref"):
            referenced.add((tag.attribute("href") or "").removeprefix("#fn:"))
        elif diagram is None and not tag.closing and tag.has_class("mermaid"):
            diagram, diagram_tag = [], name
        elif diagram is not None and tag.closing and name == diagram_tag:
            content = "".join(diagram)
            diagrams.append(tags.remove(content) if tags else content)
            diagram = None
    if reading is not None:
        _close(boxes, reading, text, tags)
    return SiteView(tuple(boxes), frozenset(referenced), frozenset(defined), tuple(diagrams))


def _close(boxes: list[Box], index: int, text: list[str], tags: LineTags | None) -> None:
    joined = "".join(text)
    line = tags.read(joined) if tags else None
    words = (tags.remove(joined) if tags else joined).lstrip().split("\n", 1)[0].strip()
    box = boxes[index]
    boxes[index] = Box(line, box.checked, box.depth, words)
