"""The blocks of a Markdown text that hold examples: fenced code blocks and comment directives.

Read with markdown-it-py, so a fence shown inside a longer fence is content, not a block, exactly
as GitHub and the site render it (a regular expression cannot know that). Positions are character
offsets into the text as given, so Sybil can place each example at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark")
# `<!-- name -->` or `<!-- name: arguments -->` on its own; other comments are prose.
_DIRECTIVE = re.compile(
    r"\A<!--\s*(?P<name>[a-z][a-z-]*)(?::\s*(?P<arguments>.*?))?\s*-->\s*\Z", re.S
)
_FENCE_OPENING = re.compile(r"(?P<markup>`{3,}|~{3,})(?P<info>.*)")


@dataclass(frozen=True, slots=True)
class Fence:
    """A fenced code block. ``info`` is the info string exactly as written (spaces kept)."""

    info: str
    content: str
    line: int  # 1-based line of the opening fence
    start: int  # offset of the opening fence line
    end: int  # offset just after the closing fence (or the end of the text if unclosed)
    content_start: int  # offset of the first content line
    closed: bool
    directive: Directive | None  # a comment directive right before the fence
    lead: str  # the text of the last paragraph before the fence

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0] if self.info.strip() else ""


@dataclass(frozen=True, slots=True)
class Directive:
    """An HTML comment such as ``<!-- skip: next -->`` or ``<!-- file: docs/x.md -->``."""

    name: str
    arguments: str | None
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Blocks:
    fences: tuple[Fence, ...]
    directives: tuple[Directive, ...]


def _dedent(text: str) -> tuple[str, list[int]]:
    """A docstring's text without its common indentation, and how much each line lost.

    The first line of a docstring follows the quotes and is not indented, so it is left out of
    the common indentation, as inspect.cleandoc does; line numbers do not change.
    """
    lines = text.split("\n")
    widths = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()]
    indent = min(widths, default=0)
    removed = [0] + [min(indent, len(line) - len(line.lstrip(" "))) for line in lines[1:]]
    return "\n".join(line[cut:] for line, cut in zip(lines, removed, strict=True)), removed


@lru_cache(maxsize=256)
def read_blocks(text: str, dedent: bool = False) -> Blocks:
    """Every fenced block and comment directive in ``text``, in document order.

    ``dedent`` reads a docstring, whose lines after the first share an indentation.
    """
    source, removed = _dedent(text) if dedent else (text, [0] * (text.count("\n") + 1))
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    raw_lines = source.split("\n")

    def offset(line: int) -> int:  # 0-based line -> offset in the original text
        return min(starts[line], len(text)) if line < len(starts) else len(text)

    fences: list[Fence] = []
    directives: list[Directive] = []
    pending: Directive | None = None
    lead = ""
    tokens = _MARKDOWN.parse(source)
    for index, token in enumerate(tokens):
        if token.type == "inline" and index and tokens[index - 1].type == "paragraph_open":
            lead = " ".join(token.content.split())
        if token.map is None:
            continue
        first, last = token.map
        if token.type == "html_block":
            found = _DIRECTIVE.match(token.content.strip())
            if found:
                pending = Directive(
                    found["name"],
                    found["arguments"],
                    first + 1,
                    offset(first) + removed[first],
                    offset(last) - 1 if last < len(starts) - 1 else len(text),
                )
                directives.append(pending)
                continue
        if token.type == "fence":
            opening = _FENCE_OPENING.search(raw_lines[first])
            info = opening["info"] if opening else token.info
            closing = raw_lines[last - 1].lstrip(" >") if last - 1 > first else ""
            closed = (
                closing.rstrip().startswith(token.markup)
                and not closing.strip(token.markup[0]).strip()
            )
            end = min(offset(last) - 1, len(text)) if last < len(starts) - 1 else len(text)
            fences.append(
                Fence(
                    info=info,
                    content=token.content,
                    line=first + 1,
                    start=offset(first) + removed[first],
                    end=max(end, offset(first)),
                    content_start=offset(first + 1) + removed[min(first + 1, len(removed) - 1)],
                    closed=closed,
                    directive=pending,
                    lead=lead,
                )
            )
        pending = None
    return Blocks(tuple(fences), tuple(directives))
