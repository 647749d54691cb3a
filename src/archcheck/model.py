"""The parsed document: what every rule reads. Frozen records with 1-based line and column."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

# What a rule can read of a page; each is taken from the renderers only when a rule asks.
Fact = Literal["boxes", "text", "code", "footnotes", "tables", "diagrams", "comments"]
ALL_FACTS: frozenset[Fact] = frozenset(
    ("boxes", "text", "code", "footnotes", "tables", "diagrams", "comments")
)


class Render(StrEnum):
    """How one renderer shows a checklist marker."""

    CHECKED = "checked"
    UNCHECKED = "unchecked"
    NOT_A_BOX = "not-a-box"


class ItemState(StrEnum):
    """Where a checklist item stands for the release gate."""

    DONE = "done"
    OPEN = "open"
    DROPPED = "dropped"  # open, but struck through wherever it is shown: holds nothing up


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """A checkbox that GitHub (cmark-gfm) or the site (Python-Markdown) renders.

    ``checked`` is True only when every renderer that shows the box shows it ticked and the
    item's own marker is ``[x]``/``[X]``: an open box any renderer shows is never done.
    ``github`` and ``site`` say how each renderer shows it (``site`` is None when the page
    belongs to no MkDocs site); ``github_depth``/``site_depth`` count enclosing list items.
    ``origin`` is empty for a box on its own line; otherwise it says where the box came from
    (a snippet, an include), and ``line`` is the page's first line. ``dropped`` is True for an
    item that is not done and that every renderer shows as a box with its own text struck
    through; ``state`` says the same as one value.
    """

    path: str
    line: int
    column: int
    checked: bool
    text: str
    marker: str
    github: Render
    site: Render | None
    github_depth: int
    site_depth: int
    origin: str = ""
    # Last, with a default: a record of the fields before it reads as it did.
    dropped: bool = False

    def __post_init__(self) -> None:
        if self.checked and self.dropped:
            raise ValueError(f"{self.path}:{self.line}: an item is done or dropped, not both")

    @property
    def state(self) -> ItemState:
        if self.checked:
            return ItemState.DONE
        return ItemState.DROPPED if self.dropped else ItemState.OPEN

    @property
    def renderers_agree(self) -> bool:
        if self.site is None:
            return True
        return self.github == self.site and self.github_depth == self.site_depth

    @property
    def open_somewhere_only(self) -> bool:
        """Some renderer shows an open box that another shows ticked or not at all."""
        views = (self.github,) if self.site is None else (self.github, self.site)
        return Render.UNCHECKED in views and any(v is not Render.UNCHECKED for v in views)


@dataclass(frozen=True, slots=True)
class TextRun:
    """Where text sits: a line of inline text, an inline code span, or a line of a code block."""

    line: int
    column: int
    text: str
    kind: Literal["text", "code", "block"]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    """A fenced or indented code block; ``first_line`` is the first content line."""

    line: int
    column: int
    info: str
    content: str
    first_line: int
    fenced: bool


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    label: str
    line: int
    column: int
    resolved: bool


@dataclass(frozen=True, slots=True)
class FootnoteDef:
    label: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    line: int
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]


@dataclass(frozen=True, slots=True)
class FlowNode:
    id: str
    label: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class FlowEdge:
    source: str
    target: str
    line: int


@dataclass(frozen=True, slots=True)
class DiagramProblem:
    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class Flowchart:
    """A Mermaid block read as a flowchart. ``problems`` is non-empty when it could not be read."""

    line: int
    direction: str
    nodes: tuple[FlowNode, ...]
    edges: tuple[FlowEdge, ...]
    problems: tuple[DiagramProblem, ...]


@dataclass(frozen=True, slots=True)
class Comment:
    """A block-level HTML comment and the line span of the block that follows it (if any)."""

    line: int
    column: int
    body: str
    next_block: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Document:
    """Everything archcheck knows about one Markdown file, from a single parse."""

    path: str
    line_count: int
    checklist: tuple[ChecklistItem, ...]
    text_runs: tuple[TextRun, ...]
    code_blocks: tuple[CodeBlock, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    footnote_defs: tuple[FootnoteDef, ...]
    tables: tuple[Table, ...]
    flowcharts: tuple[Flowchart, ...]
    comments: tuple[Comment, ...]
