"""The real renderers, reduced to the task boxes each one shows a reader.

GitHub is cmark-gfm (``cmarkgfm``: GFM extensions, source positions, footnotes, no unsafe HTML).
The site is either a real ``mkdocs build`` (its pages' ``<article>``) or, in-process,
Python-Markdown with the extensions MkDocs' own config loader reads from a site's mkdocs.yml, fed
a page the way MkDocs feeds it. Nothing here imitates a renderer: every answer is read back out
of HTML a renderer produced.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

import cmarkgfm
import markdown
from cmarkgfm.cmark import Options
from mkdocs.config import load_config
from mkdocs.utils import meta

State = Literal["checked", "unchecked"]

GITHUB_OPTIONS = Options.CMARK_OPT_SOURCEPOS | Options.CMARK_OPT_FOOTNOTES
# The task markers cmark-gfm reads; the first one in an item's span is where its box is written.
GITHUB_MARKER = re.compile(r"\[[ xX]\]")
# Anything that may read as an open marker to some renderer: a space, tab or control character
# (U+0002/U+0003 among them) between brackets. Ticking one is how the site is asked for a line.
OPEN_LOOKING_MARKER = re.compile(r"\[[\s\x00-\x1f]{1,3}\]")
# Line ends as both renderers count lines (a form feed or U+2028 ends none).
LINE_END = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """``text`` split into lines the way cmark-gfm and MkDocs number them (1-based: index + 1)."""
    return LINE_END.split(text)


def _state(attrs: dict[str, str | None]) -> State:
    return "checked" if "checked" in attrs else "unchecked"


def _is_checkbox(tag: str, attrs: dict[str, str | None]) -> bool:
    return tag == "input" and (attrs.get("type") or "").lower() == "checkbox"


@dataclass(frozen=True)
class GithubBox:
    """A box cmark-gfm shows. ``lines``: its item's first line, then the first line of the item
    that holds a task marker (the same line for ``- [ ] x``)."""

    lines: tuple[int, ...]
    state: State
    span: tuple[int, int]


class _GithubBoxReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str | None] = []  # data-sourcepos of each open <li>
        self.found: list[tuple[str | None, State]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "li":
            self.items.append(values.get("data-sourcepos"))
        elif _is_checkbox(tag, values):
            self.found.append((self.items[-1] if self.items else None, _state(values)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self.items:
            self.items.pop()


def render_github(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text, options=GITHUB_OPTIONS)


def github_boxes(text: str) -> list[GithubBox]:
    """Every box cmark-gfm shows for a page holding ``text``, in document order."""
    reader = _GithubBoxReader()
    reader.feed(render_github(text))
    reader.close()
    lines = source_lines(text)
    boxes = []
    for position, state in reader.found:
        match = re.match(r"(\d+):(\d+)-(\d+):(\d+)", position or "")
        if not match:
            raise AssertionError(f"cmark-gfm showed a box outside a list item: {position!r}")
        first, column, last, _ = (int(group) for group in match.groups())
        candidates = [first]
        for number in range(first, max(first, last) + 1):
            line = lines[number - 1] if number <= len(lines) else ""
            if GITHUB_MARKER.search(line, column - 1 if number == first else 0):
                candidates.append(number)
                break
        boxes.append(GithubBox(tuple(dict.fromkeys(candidates)), state, (first, last)))
    return boxes


class _ArticleBoxReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[State] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.depth += 1
        elif self.depth and _is_checkbox(tag, values):
            self.found.append(_state(values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def built_page_boxes(html: str) -> list[State]:
    """The content boxes of a built Material page: checkboxes inside its ``<article>``, in order
    (the theme's own toggles live outside it)."""
    reader = _ArticleBoxReader()
    start, end = html.find("<article"), html.rfind("</article>")
    reader.feed(html[start : end + len("</article>")] if 0 <= start < end else html)
    reader.close()
    return reader.found


def html_boxes(html: str) -> list[State]:
    """Every checkbox in a fragment of rendered HTML, in order."""
    return built_page_boxes(f"<article>{html}</article>")


def as_mkdocs_reads(text: str) -> str:
    """The Markdown MkDocs hands Python-Markdown for a page file holding ``text``: opened as
    utf-8-sig in text mode (BOM dropped, CRLF and CR become LF), front matter taken off by
    ``mkdocs.utils.meta.get_data``."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    body, _ = meta.get_data(text)
    return body


class SiteMarkdown:
    """Python-Markdown configured exactly as the site of ``mkdocs_yml`` configures it, read
    through MkDocs' own config loader (its built-in extensions first, ``!relative`` resolved)."""

    def __init__(self, mkdocs_yml: Path) -> None:
        config = load_config(str(mkdocs_yml))
        self.extensions = list(config.markdown_extensions)
        self._converter = markdown.Markdown(
            extensions=self.extensions, extension_configs=config.mdx_configs
        )

    def render(self, text: str) -> str:
        """The HTML the site shows for a page file holding ``text``."""
        self._converter.reset()
        return self._converter.convert(as_mkdocs_reads(text))

    def boxes(self, text: str) -> list[State]:
        return html_boxes(self.render(text))

    def open_box_lines(self, text: str) -> tuple[Counter[int], int]:
        """Where the site's open boxes are written: ``(boxes per source line, boxes no line
        accounts for)``. The site's HTML has no source lines, so each line holding an open-looking
        marker is ticked in turn; the open boxes that disappear are that line's."""
        base = self.boxes(text).count("unchecked")
        located: Counter[int] = Counter()
        if not base:
            return located, 0
        pieces = LINE_END.split(text)
        ends = LINE_END.findall(text)
        for index, line in enumerate(pieces):
            ticked, count = OPEN_LOOKING_MARKER.subn("[x]", line)
            if not count:
                continue
            variant = [*pieces[:index], ticked, *pieces[index + 1 :]]
            joined = "".join(p + e for p, e in zip(variant, [*ends, ""], strict=True))
            gone = base - self.boxes(joined).count("unchecked")
            if gone > 0:
                located[index + 1] = gone
        return located, max(0, base - sum(located.values()))
