"""Every fenced block a reader sees, found line by line, to prove no example escapes Sybil.

Deliberately independent of markdown_blocks.py (which the parsers use): a plain scan of fence
lines, so that a block the parsers' reading misses is still found here. It also judges info
strings: one that looks like an example language but is not exactly one would be skipped
without a word, so it is reported.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archcheck.rule import edit_distance

EXAMPLE_LANGUAGES = ("python", "pycon", "console", "markdown", "md")
# Languages shown, never run; close to an example language without being a misspelling of one.
SHOWN_LANGUAGES = ("text", "json", "toml", "yaml", "sh", "bash", "html", "mermaid", "diff", "ini")
ALIASES = {
    "py": "python",
    "py3": "python",
    "python3": "python",
    "ipython": "pycon",
    "pytb": "pycon",
    "shell-session": "console",
    "shellsession": "console",
    "sh-session": "console",
    "terminal": "console",
    "mdown": "markdown",
    "gfm": "markdown",
}
# A fence line, possibly inside block quotes and after a list marker.
_OPENING = re.compile(
    r"^(?P<prefix>(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d+[.)])[ \t]+)?)"
    r"(?P<fence>`{3,}|~{3,})(?P<info>.*)$"
)
# A transcript of this project's programs (archcheck, mkdocs) in a block that does not run it.
_COMMAND = re.compile(r"^\s*\$ (archcheck|mkdocs)\b", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FencedBlock:
    path: str
    line: int  # of the opening fence, 1-based in the file
    last_line: int  # of the closing fence (or the last line, if unclosed)
    info: str  # exactly as written after the fence characters
    content: str
    closed: bool

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0] if self.info.strip() else ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def scan(text: str, path: str, first_line: int = 1) -> Iterator[FencedBlock]:
    """The top-level fenced blocks of a Markdown text (a fence inside a fence is content)."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            index += 1
            continue
        fence = opening["fence"]
        closing = re.compile(rf"^(?:[ \t]*>)*[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = next(
            (i for i in range(index + 1, len(lines)) if closing.match(lines[i])), len(lines) - 1
        )
        closed = end < len(lines) and bool(closing.match(lines[end])) and end > index
        body = lines[index + 1 : end] if closed else lines[index + 1 :]
        yield FencedBlock(
            path,
            first_line + index,
            first_line + end,
            opening["info"],
            "\n".join(body),
            closed,
        )
        index = end + 1


def docstrings(source: str) -> Iterator[tuple[int, str]]:
    """(line of the docstring's first line, its text dedented) for each docstring in a module."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.AsyncFunctionDef | ast.FunctionDef | ast.ClassDef | ast.Module):
            continue
        if node.body and isinstance(node.body[0], ast.Expr):
            value = node.body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                first, *rest = value.value.split("\n")
                indent = min(
                    (len(line) - len(line.lstrip()) for line in rest if line.strip()), default=0
                )
                yield value.lineno, "\n".join([first, *(line[indent:] for line in rest)])


def fenced_blocks(path: Path, root: Path) -> Iterator[FencedBlock]:
    """Every fenced block of a Markdown file, or of a Python module's docstrings."""
    text = path.read_text(encoding="utf-8")
    shown = path.relative_to(root).as_posix()
    if path.suffix == ".py":
        for line, docstring in docstrings(text):
            yield from scan(docstring, shown, line)
    else:
        yield from scan(text, shown)


def suspicious(block: FencedBlock) -> str | None:
    """Why a block looks like an example that would not run, or None."""
    language, info = block.language, block.info
    if not block.closed:
        return f"{block.where}: a fence that is never closed"
    if language in EXAMPLE_LANGUAGES:
        if info != language:
            return f"{block.where}: info string {info!r}: write exactly {language!r}"
        return None
    lowered = language.lower()
    if lowered in EXAMPLE_LANGUAGES:
        return f"{block.where}: info string {info!r}: write {lowered!r} (lower case)"
    if lowered in ALIASES:
        return f"{block.where}: info string {info!r}: write {ALIASES[lowered]!r} to run it"
    near = [
        name
        for name in EXAMPLE_LANGUAGES
        if lowered and edit_distance(lowered, name) <= max(1, len(name) // 3)
    ]
    if near and lowered not in SHOWN_LANGUAGES:
        return f"{block.where}: info string {info!r}: did you mean {near[0]!r}?"
    if _COMMAND.search(block.content):
        kind = f"{language} block" if language else "block with no language"
        return f"{block.where}: a '$ archcheck' line in a {kind}: write 'console' to run it"
    return None
