"""Which list items the site (Python-Markdown + pymdownx.tasklist) shows as checkboxes.

Python-Markdown splits the text into blank-line separated blocks and runs a chain of block
processors over each; a list starts only at the start of a block, nesting needs 4 spaces, and
pymdownx.tasklist then looks for ``[ ]``/``[x]`` at the start of each ``<li>``'s first text.
This module replays that chain (empty, indent, code, tables, headers, hr, lists, quotes with
callouts, footnotes, paragraphs) on strings, carrying each line's source number alongside,
so the checklist parser can say where the two renderers disagree. Admonitions are read as
paragraphs. Footnotes are parsed last, each as a list item of the footnote list, as
Python-Markdown renders them.
"""

from __future__ import annotations

from archcheck.parsing.site_lists import TAB
from archcheck.parsing.site_processors import PROCESSORS, RE_CHECKBOX
from archcheck.parsing.site_tree import Block, Element, SiteBox, SiteParser


def site_boxes(
    lines: list[tuple[int, str]],
    fences: dict[str, tuple[int, list[tuple[int, str]]]],
    max_depth: int,
) -> dict[int, SiteBox]:
    """Checkboxes the site shows, by source line, for (line number, text) pairs."""
    text = "\n".join(line.expandtabs(TAB) if line.strip() else "" for _, line in lines)
    root = Element("root")
    parser = SiteParser(PROCESSORS, max_depth)
    parser.fences = fences
    parser.parse_chunk(root, Block(text, tuple(number for number, _ in lines)))
    footnotes = root.add("ol")
    for footnote in parser.footnotes:
        parser.state = []
        parser.parse_chunk(footnotes.add("footnote"), footnote)
    boxes: dict[int, SiteBox] = {}
    stack = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        stack.extend((child, depth + (element.tag == "li")) for child in reversed(element.children))
        if element.tag not in ("li", "footnote"):  # a footnote is an <li> that nests nothing
            continue
        holder = element
        if not element.text and element.children and element.children[0].tag == "p":
            holder = element.children[0]
        found = RE_CHECKBOX.match(holder.text)
        if found:
            rest = " ".join(holder.text[found.end() :].split())
            boxes[holder.text_line] = SiteBox(holder.text_line, found["state"], rest, depth)
    return boxes
