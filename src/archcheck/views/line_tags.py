"""Source lines for the boxes the site renders. Python-Markdown keeps no positions, so each task
marker that is followed by text gets an invisible tag naming its line, right after the marker's
spaces; the tag comes out of the renderer as the first text after the box it became.

The tag is private-use characters no renderer treats specially, placed where the task-list
extensions have already decided (a marker and its spaces come before it), so it changes nothing
else: tests/renderers render every corpus page with and without tags and compare.
"""

from __future__ import annotations

import re

START, END, DIGIT = "\ue000", "\ue001", 0xE010
ALPHABET = re.compile("[\ue000-\ue01f]")
# A marker, its spaces, then the text the tag goes in front of.
TAG_POINT = re.compile(r"\[[ \txX]\][ \t]+(?=[^ \t\n])")
TAG = re.compile("\ue000([\ue010-\ue019]+)\ue001")


def tag(number: int) -> str:
    return START + "".join(chr(DIGIT + int(d)) for d in str(number)) + END


def tag_lines(text: str, first_line: int) -> str | None:
    """``text`` with every task marker's line tagged; None when the text already holds the
    tags' characters (then no tag can be trusted, and every box counts with no line)."""
    if ALPHABET.search(text):
        return None
    out: list[str] = []
    for offset, line in enumerate(text.split("\n")):
        if "[" in line and TAG_POINT.search(line):
            line = TAG_POINT.sub(r"\g<0>" + tag(first_line + offset), line)
        out.append(line)
    return "\n".join(out)


def read_tag(text: str) -> int | None:
    """The line named by the tag at the start of ``text`` (after spaces), if there is one."""
    found = TAG.match(text.lstrip())
    return int("".join(str(ord(c) - DIGIT) for c in found.group(1))) if found else None


def untag(text: str) -> str:
    return TAG.sub("", text) if START in text else text
