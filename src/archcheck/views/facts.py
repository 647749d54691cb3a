"""What a renderer shows, as records with source lines: the common currency of the views."""

from __future__ import annotations

from dataclasses import dataclass

from archcheck.model import CodeBlock, FootnoteRef, Table, TextRun


@dataclass(frozen=True, slots=True)
class Box:
    """A checkbox a renderer draws. ``line`` is None when it stands on no line of the page (a
    snippet, an include, text an extension generated); ``origin`` then says so. ``struck`` is
    True when the renderer strikes all of its item's own text through (views/struck.py)."""

    line: int | None
    checked: bool
    depth: int  # enclosing list items, 0 at top level
    text: str
    origin: str = ""
    struck: bool = False


@dataclass(frozen=True, slots=True)
class GitHubView:
    """The page as cmark-gfm renders it."""

    boxes: tuple[Box, ...]
    text_runs: tuple[TextRun, ...]
    code_blocks: tuple[CodeBlock, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    footnote_labels: frozenset[str]  # labels of the definitions it renders
    tables: tuple[Table, ...]
    blocks: tuple[tuple[int, int], ...]  # every block's first and last line, in order


@dataclass(frozen=True, slots=True)
class SiteView:
    """The page as the site's Python-Markdown renders it: what the rules read beyond GitHub's."""

    boxes: tuple[Box, ...]
    referenced: frozenset[str]  # footnote labels the page references
    defined: frozenset[str]  # footnote labels the page defines
    diagrams: tuple[str, ...]  # Mermaid sources, as the site hands them to Mermaid
