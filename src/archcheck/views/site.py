"""The site's view: the page rendered by Python-Markdown with exactly the site's extensions, fed
as MkDocs feeds it (MkDocs' own front-matter rule), and the boxes, footnotes and diagrams read
back out of that HTML. Each box's line comes from the tag line_tags.py put on its line, or, for
a box on a line that takes no tag, from untagged_boxes.py."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from archcheck.text import ETX, STX, Source, normalise
from archcheck.views.facts import Box, SiteView
from archcheck.views.html import Tag, pieces
from archcheck.views.line_tags import LineTags, tag_lines
from archcheck.views.site_config import Site
from archcheck.views.struck import is_checkbox, struck_boxes
from archcheck.views.untagged_boxes import ask_by_turning_markers, place_untagged

ENDS_ITEM_TEXT = frozenset({"ul", "ol", "li", "pre", "blockquote", "table", "div", "details"})


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
    html = render(site, text)
    view = read_site_html(html, tags)
    struck = struck_boxes(html, tags.remove if tags else str)
    boxes = view.boxes
    if struck:
        boxes = tuple(replace(b, struck=n in struck) for n, b in enumerate(boxes))
    if first_line is not None and any(box.line is None for box in boxes):

        def shown(turned: str) -> tuple[Box, ...]:
            return read_site_html(render(site, turned), tags).boxes

        boxes = ask_by_turning_markers(shown, text, tags, boxes, first_line)
    return SiteView(place_untagged(boxes, source), view.referenced, view.defined, view.diagrams)


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
        if is_checkbox(tag):
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
    boxes[index] = replace(box, line=line, text=words)
