"""Source lines for the boxes the site renders. Python-Markdown keeps no positions, so each task
marker that is followed by text gets an invisible tag naming its line, right after the marker's
spaces; the tag comes out of the renderer as the first text after the box it became.

The tag is private-use characters no renderer treats specially, placed where the task-list
extensions have already decided (a marker and its spaces come before it), and kept off every
line where raw HTML could make it part of an HTML tag, so it changes nothing else:
tests/renderers/test_line_tags.py renders every test page both ways and compares the HTML. A box
on an untagged line is placed by views/site.py between the tagged boxes around it.
The tags come from the first private-use block the page itself does not use (icon fonts use
U+E000 and up), so no text the author wrote can pass for a tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A marker, its spaces, then the text the tag goes in front of (not a table cell's end).
TAG_POINT = re.compile(r"\[[ \txX]\][ \t]+(?=[^ \t\n|])")
HTML = re.compile(r"<[A-Za-z!?/]")
# An HTML tag (or comment, CDATA, declaration) whose ``>`` is not on the line it opens on.
OPEN_TAG = re.compile(r"<[A-Za-z/!?][^>\n]*$", re.MULTILINE)
BLOCKS = (0xE000, 0xF0000, 0x100000)  # the BMP's private-use area, then planes 15 and 16


@dataclass(frozen=True)
class LineTags:
    """Tags made of 12 characters of one private-use block: start, end, ten digits."""

    base: int

    def __post_init__(self) -> None:
        start, end, digit = (chr(self.base + n) for n in (0, 1, 2))
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "alphabet", re.compile(f"[{start}-{chr(self.base + 11)}]"))
        object.__setattr__(
            self, "pattern", re.compile(f"{start}([{digit}-{chr(self.base + 11)}]+){end}")
        )

    def tag(self, number: int) -> str:
        digits = "".join(chr(self.base + 2 + int(d)) for d in str(number))
        return chr(self.base) + digits + chr(self.base + 1)

    def read(self, text: str) -> int | None:
        """The line named by the tag at the start of ``text`` (after spaces), if any."""
        found = self.pattern.match(text.lstrip())  # type: ignore[attr-defined]
        if not found:
            return None
        return int("".join(str(ord(c) - self.base - 2) for c in found.group(1)))

    def remove(self, text: str) -> str:
        return self.pattern.sub("", text) if chr(self.base) in text else text  # type: ignore[attr-defined]

    def unused_in(self, text: str) -> bool:
        return not self.alphabet.search(text)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Tagged:
    text: str
    tags: LineTags


def html_lines(text: str) -> set[int]:
    """0-based lines a tag must stay off: a line holding raw HTML, and every line of an HTML
    tag (or comment, CDATA, declaration) left open across lines. There a tag could become part
    of an HTML tag's attribute and change what the page renders."""
    risky: set[int] = set()
    for number, line in enumerate(text.split("\n")):
        if "<" in line and HTML.search(line):
            risky.add(number)
    # Tags left open share the ">" that ends the first of them, so one that opens before that
    # ">" adds no line, and once no ">" is left every open tag runs to the end: each stretch of
    # the page is read once.
    counted, newlines = 0, 0  # lines counted up to this offset
    closed = -1  # where the last open tag read ends
    for found in OPEN_TAG.finditer(text):
        if found.start() < closed:
            continue
        newlines += text.count("\n", counted, found.start())
        counted, first = found.start(), newlines
        end = text.find(">", found.end())
        if end < 0:
            risky.update(range(first, text.count("\n", counted) + first + 1))
            break
        newlines += text.count("\n", counted, end)
        counted, closed = end, end
        risky.update(range(first, newlines + 1))
    return risky


def tag_lines(text: str, first_line: int) -> Tagged | None:
    """``text`` with every task marker's line tagged (but the lines html_lines names), and the
    tags used; None when the text uses every block's characters (no line can be tagged)."""
    tags = next((t for t in map(LineTags, BLOCKS) if t.unused_in(text)), None)
    if tags is None:
        return None
    risky = html_lines(text) if "<" in text else set()
    out: list[str] = []
    for offset, line in enumerate(text.split("\n")):
        if "[" in line and offset not in risky and TAG_POINT.search(line):
            line = TAG_POINT.sub(r"\g<0>" + tags.tag(first_line + offset), line)
        out.append(line)
    return Tagged("\n".join(out), tags)
