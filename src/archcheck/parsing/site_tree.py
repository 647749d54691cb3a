"""The small tree and block type the site replay works on: text with a line number per line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from archcheck.parsing.markdown import NestingTooDeepError


@dataclass(frozen=True, slots=True)
class Block:
    """A chunk of text and the 1-based source line of each of its lines."""

    text: str
    lines: tuple[int, ...]

    def cut(self, start: int, end: int | None = None) -> Block:
        """The part from character ``start`` (a line start) to ``end``."""
        first = self.text.count("\n", 0, start)
        text = self.text[start:end]
        return Block(text, self.lines[first : first + text.count("\n") + 1])

    def join(self, other: Block) -> Block:
        return Block(f"{self.text}\n{other.text}", self.lines + other.lines)

    def strip_newlines(self, leading: bool = True, trailing: bool = True) -> Block:
        text = self.text.lstrip("\n") if leading else self.text
        start = len(self.text) - len(text)
        text = text.rstrip("\n") if trailing else text
        return self.cut(start, start + len(text))


@dataclass(eq=False)
class Element:
    tag: str
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    text: str = ""
    text_line: int = 0

    def add(self, tag: str, index: int | None = None) -> Element:
        child = Element(tag, self)
        self.children.insert(len(self.children) if index is None else index, child)
        return child

    def last(self) -> Element | None:
        return self.children[-1] if self.children else None

    def set_text(self, block: Block) -> None:
        stripped = block.text.lstrip()
        self.text = stripped
        self.text_line = block.cut(len(block.text) - len(stripped)).lines[0]


@dataclass(frozen=True, slots=True)
class SiteBox:
    line: int
    state: str
    text: str
    depth: int


def split_blocks(block: Block) -> list[Block]:
    """``text.split("\\n\\n")``, keeping line numbers."""
    parts, start = [], 0
    for piece in block.text.split("\n\n"):
        parts.append(block.cut(start, start + len(piece)))
        start += len(piece) + 2
    return parts


class SiteParser:
    """A replay of Python-Markdown's BlockParser: runs the first processor that takes a block."""

    def __init__(self, processors: Sequence[Processor], max_depth: int) -> None:
        self.processors = processors
        self.state: list[str] = []
        self.depth = 0
        self.max_depth = max_depth
        self.footnotes: list[Block] = []
        # superfences placeholder -> (indentation of the opening fence, original lines)
        self.fences: dict[str, tuple[int, list[tuple[int, str]]]] = {}

    def parse_blocks(self, parent: Element, blocks: list[Block]) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise NestingTooDeepError(blocks[0].lines[0] if blocks else 1)
        while blocks:
            for processor in self.processors:
                if processor(self, parent, blocks):
                    break
        self.depth -= 1

    def parse_chunk(self, parent: Element, block: Block) -> None:
        self.parse_blocks(parent, split_blocks(block))

    def isstate(self, name: str) -> bool:
        return bool(self.state) and self.state[-1] == name


Processor = Callable[[SiteParser, Element, list[Block]], bool]
