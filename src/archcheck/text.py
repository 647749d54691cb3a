"""A page's text as both renderers receive it: a leading BOM split off, line ends normalised."""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = "\ufeff"
STX, ETX = "\x02", "\x03"  # Python-Markdown deletes both before it reads a page
# A task marker as it is written; the renderers decide whether it is a box.
MARKER = re.compile(r"\[[ \txX]\]")


@dataclass(frozen=True, slots=True)
class Source:
    """``text`` with CRLF and lone CR read as line ends (as CommonMark and Python-Markdown both
    read them) and NUL shown as U+FFFD (as cmark-gfm shows it); ``raw`` is the page as MkDocs
    reads it (BOM dropped, line ends untouched), for MkDocs' own front-matter rule."""

    text: str
    lines: tuple[str, ...]
    raw: str
    had_bom: bool

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def marker_column(self, number: int) -> int | None:
        """1-based column of the first task marker on a line, None when it holds none."""
        found = MARKER.search(self.line(number))
        return found.start() + 1 if found else None


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def prepare(text: str) -> Source:
    had_bom = text.startswith(BOM)
    raw = text[1:] if had_bom else text
    body = normalise(raw).replace("\0", "\ufffd")
    return Source(body, tuple(body.split("\n")), raw, had_bom)
