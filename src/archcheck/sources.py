"""Reading Markdown files. Anything unreadable becomes a Problem, never an exception."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """A file or path archcheck could not check (exit code 2)."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Undecodable:
    """A page that is not clean UTF-8 text: ``text`` is decoded as the renderers decode it
    (U+FFFD for each bad byte, NUL kept for them to show as U+FFFD), so its boxes still count,
    and ``problem`` names the first bad byte (exit 2)."""

    text: str
    problem: Problem


def read_markdown(path: Path, shown: str, max_bytes: int) -> str | Undecodable | Problem:
    """The file's text (UTF-8, a BOM kept for the renderers to judge), the text of a page with
    bad bytes and what is wrong with them, or why it cannot be read at all."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return Problem(shown, "is a directory, not a Markdown file")
        if not stat.S_ISREG(info.st_mode):
            return Problem(shown, "is not a regular file (a pipe, socket or device?)")
        if info.st_size > max_bytes:
            return Problem(
                shown,
                f"is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit (max-file-size)",
            )
        data = path.read_bytes()
    except OSError as error:
        return Problem(shown, f"cannot read: {error.strerror or error}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if b"\0" in data[:8192]:
            return Problem(shown, "is a binary file, not Markdown text")
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start : error.start + 1].hex()
        problem = Problem(
            shown, f"is not valid UTF-8 (byte 0x{byte} at offset {error.start})", line
        )
        return Undecodable(data.decode("utf-8", errors="replace"), problem)
    nul = data.find(b"\0")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        return Undecodable(text, Problem(shown, f"holds a NUL byte (at offset {nul})", line))
    return text
