"""The two renderers archcheck must agree with, reduced to the task boxes each one shows.

GitHub is cmark-gfm (through ``cmarkgfm``) with its GFM extensions and source positions; the site
is Python-Markdown with the extensions the site's mkdocs.yml loads (read from it, so the oracle
cannot drift from the site), fed the way MkDocs feeds a page (BOM dropped, newlines normalised,
front matter removed). Each oracle renders HTML and reads the boxes back out of it, so what
counts is what a reader would see, not what a parser claims.
box_lines.py finds the line each box is written on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import cmarkgfm
import markdown
from cmarkgfm.cmark import Options
from mkdocs.utils import meta
from mkdocs.utils.yaml import yaml_load

View = Literal["checked", "unchecked", "not-a-box"]

# GitHub's own rendering options. No CMARK_OPT_UNSAFE: GitHub drops raw HTML, so a checkbox typed
# as raw HTML is never one of its task boxes.
GITHUB_OPTIONS = Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES

# MkDocs always loads these before the ones mkdocs.yml names.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"

# Elements that end an item's first paragraph when they appear inside a tight list item.
BLOCK_TAGS = frozenset({"ul", "ol", "li", "p", "blockquote", "pre", "div", "table", "hr"})
BLOCK_TAGS |= {"h1", "h2", "h3", "h4", "h5", "h6", "details", "dl", "section"}
# The first block of an item that holds its text when the box stands alone before it: a paragraph
# (loose items), or a heading when the item's text is underlined as a setext heading.
FIRST_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
VOID_TAGS = frozenset({"input", "br", "hr", "img", "meta", "link", "area", "base", "col"})
VOID_TAGS |= {"embed", "source", "track", "wbr"}


@dataclass(frozen=True)
class Box:
    """One task box a renderer shows: its source line when the renderer knows it, and how many
    list items enclose it (0 at top level). ``span`` is the first and last line of its list item
    and ``inner`` those of the list items inside it, when the renderer gives them (cmark-gfm)."""

    line: int | None
    checked: bool
    text: str
    depth: int = 0
    span: tuple[int, int] | None = field(default=None, compare=False)
    inner: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    raw: bool = field(default=False, compare=False)  # typed as HTML, no task marker's box

    @property
    def view(self) -> View:
        return "checked" if self.checked else "unchecked"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving HTML tree: enough for the well-formed output both renderers produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), parent=self.current)
        self.current.children.append(element)
        if tag not in VOID_TAGS:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(html: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _walk(element: Element) -> Iterator[Element]:
    for child in element.children:
        if isinstance(child, Element):
            yield child
            yield from _walk(child)


def _text_of(element: Element) -> str:
    return "".join(c if isinstance(c, str) else _text_of(c) for c in element.children)


def _inline_text_after(box: Element, container: Element) -> str:
    """Text of the item's first paragraph that follows its checkbox, whitespace collapsed.

    Only the text counts, as a reader sees it (an image's alt text is none of it, a footnote
    reference's number is). In a loose cmark-gfm item the box sits before the
    ``<p>``, so an empty run after the box followed by a paragraph (or heading) takes its text.
    """
    parts: list[str] = []
    started = False

    def visit(node: Element) -> bool:
        nonlocal started
        for child in node.children:
            if isinstance(child, str):
                if started:
                    parts.append(child)
            elif child is box:
                started = True
            elif not started:
                if not visit(child):
                    return False
            elif child.tag in BLOCK_TAGS:
                if child.tag in FIRST_BLOCK_TAGS and not "".join(parts).strip():
                    parts.append(_text_of(child))
                return False
            else:
                parts.append(_text_of(child))
        return True

    visit(container)
    return " ".join("".join(parts).split())


def _sourcepos(element: Element) -> tuple[int, int] | None:
    """The first and last line of an element cmark-gfm rendered with source positions."""
    position = element.attrs.get("data-sourcepos")
    match = re.match(r"(\d+):\d+-(\d+):", position or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def boxes_in_html(html: str, task_class: str | None = None) -> list[Box]:
    """Every checkbox in rendered HTML, in document order: what a reader sees as a box.

    A task box is an ``<input type="checkbox">`` that opens a list item (cmark-gfm puts it first
    in the ``<li>`` or its first ``<p>``; pymdownx.tasklist wraps it in a ``<label>``); its text
    is the rest of that first paragraph. A checkbox typed as raw HTML, which the site passes
    through (GitHub drops raw HTML), is a box too, its text the rest of its element's; it is
    ``raw`` when ``task_class`` names the class the task-list extension puts on its items.
    """
    boxes: list[Box] = []
    for element in _walk(parse_html(html)):
        if element.tag != "input" or (element.attrs.get("type") or "").lower() != "checkbox":
            continue
        holder = element.parent
        if holder is not None and holder.tag == "label":
            holder = holder.parent
        paragraph = holder if holder is not None and holder.tag == "p" else None
        item = paragraph.parent if paragraph is not None else holder
        container = paragraph if paragraph is not None else holder
        if item is None or item.tag != "li" or container is None:
            item, container = None, container or element
        depth, ancestor = 0, (item or container).parent
        while ancestor is not None:
            # A footnote is rendered as an <li id="fn..."> of the footnote list: not a list item.
            footnote = (ancestor.attrs.get("id") or "").startswith("fn")
            depth += ancestor.tag == "li" and not footnote
            ancestor = ancestor.parent
        text = _inline_text_after(element, container)
        span = _sourcepos(item) if item is not None else None
        inner = (
            ()
            if item is None
            else tuple(s for e in _walk(item) if e.tag == "li" and (s := _sourcepos(e)) is not None)
        )
        checked = "checked" in element.attrs
        line = span[0] if span else None
        classes = (item.attrs.get("class") or "").split() if item is not None else []
        raw = task_class is not None and task_class not in classes
        boxes.append(Box(line, checked, text, depth, span, inner, raw))
    return boxes


def render_github(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, GITHUB_OPTIONS)


def github_boxes(text: str) -> list[Box]:
    """The boxes github.com shows for ``text`` (cmark-gfm; lines from data-sourcepos)."""
    return boxes_in_html(render_github(text))


def as_mkdocs_reads(text: str) -> str:
    """The Markdown MkDocs hands to Python-Markdown for a page whose file holds ``text``."""
    # MkDocs opens pages with encoding="utf-8-sig" in text mode: BOM gone, CRLF/CR become LF.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    body, _ = meta.get_data(text)
    return body


def site_extensions(mkdocs_yml: Path = MKDOCS_YML) -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions and their options exactly as the site's mkdocs.yml loads them."""
    with mkdocs_yml.open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    names = list(MKDOCS_BUILTIN_EXTENSIONS)
    options: dict[str, Any] = {}
    for entry in config.get("markdown_extensions") or []:
        name, value = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if value:
            options[name] = value
    return names, options


@cache
def _site_converter() -> markdown.Markdown:
    names, options = site_extensions()
    return markdown.Markdown(extensions=names, extension_configs=options)


def render_site(text: str) -> str:
    converter = _site_converter()
    converter.reset()
    return converter.convert(as_mkdocs_reads(text))


def site_boxes(text: str) -> list[Box]:
    """The boxes the MkDocs site shows for a page holding ``text`` (no source lines)."""
    return boxes_in_html(render_site(text), task_class="task-list-item")
