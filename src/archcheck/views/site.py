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
# An HTML tag (or comment, CDATA, declaration) whose ``>`` is not on the line it opens on.
OPEN_TAG = re.compile(r"<[A-Za-z/!?][^>\n]*$", re.MULTILINE)
BARE_MARKER = re.compile(r"\[[ \txX]\][ \t]+$")


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
    tagged, tags = tagging if tagging is not None else (None, None)
    view = read_site_html(render(site, tagged if tagged is not None else body), tags)
    if tagged is not None and not site.checked_by_build and OPEN_TAG.search(body):
        # A tag inside an HTML tag left open across lines becomes part of that tag and can
        # change how the page renders: the page as written is rendered too, and when its boxes
        # differ, they are the ones that count, each placed by its text.
        plain = read_site_html(render(site, body), None)
        if [b.checked for b in plain.boxes] != [b.checked for b in view.boxes]:
            boxes = _place_by_text(plain.boxes, source)
            return SiteView(boxes, plain.referenced, plain.defined, plain.diagrams)
    if tagged is None:
        boxes = tuple(Box(None, b.checked, b.depth, b.text, UNPLACED) for b in view.boxes)
        return SiteView(boxes, view.referenced, view.defined, view.diagrams)
    return SiteView(
        _place_untagged(view.boxes, source), view.referenced, view.defined, view.diagrams
    )


def _place_by_text(boxes: tuple[Box, ...], source: Source) -> tuple[Box, ...]:
    """Each box on the next line, after the box before it, whose marker is followed by the
    box's text; a box no such line holds stays unplaced."""
    lines = [line.replace(STX, "").replace(ETX, "") for line in source.lines]
    placed: list[Box] = []
    after = 0
    for box in boxes:
        words = box.text[:40]
        line = next(
            (
                n
                for n in range(after + 1, len(lines) + 1)
                if (found := MARKER.search(lines[n - 1]))
                and lines[n - 1][found.end() :].lstrip().startswith(words)
            ),
            None,
        )
        if line is None:
            placed.append(Box(None, box.checked, box.depth, box.text, UNPLACED))
        else:
            placed.append(Box(line, box.checked, box.depth, box.text))
            after = line
    return tuple(placed)


def _place_untagged(boxes: tuple[Box, ...], source: Source) -> tuple[Box, ...]:
    """A marker followed only by spaces gets no tag; the box it may become takes the next such
    line after the box before it. Any other box without a line stays unplaced."""
    # Only a marker followed by spaces can be a box with no text after it.
    bare = [n for n, line in enumerate(source.lines, 1) if BARE_MARKER.search(line)]
    placed: list[Box] = []
    after = 0
    for box in boxes:
        if box.line is None:
            line = next((n for n in bare if n > after), None)
            if line is not None:
                bare.remove(line)
                box = Box(line, box.checked, box.depth, box.text)
            else:
                box = Box(None, box.checked, box.depth, box.text, UNPLACED)
        after = box.line or after
        placed.append(box)
    return tuple(placed)


def read_site_html(html: str, tags: LineTags | None) -> SiteView:
    """Boxes (with the line each tag names), footnote labels and Mermaid sources of a page."""
    boxes: list[Box] = []
    referenced: set[str] = set()
    defined: set[str] = set()
    diagrams: list[str] = []
    depth = 0
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
            depth += -1 if tag.closing else 1
            label = tag.attribute("id") or ""
            if label.startswith("fn:"):
                defined.add(label[3:])
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
