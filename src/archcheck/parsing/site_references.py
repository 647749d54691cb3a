"""Python-Markdown's link reference definitions, replayed: taken out of whatever block holds them.

The reference processor runs after lists and quotes and before paragraphs, on any block with a
definition on a line of its own, so a list right under a definition starts a block of its own
on the site (on GitHub it would be paragraph text unless it could interrupt a paragraph).
"""

from __future__ import annotations

import re

from archcheck.parsing.site_tree import Block, Element, SiteParser

# Python-Markdown's ReferenceProcessor.RE: a link reference definition on a line of its own.
RE_REFERENCE = re.compile(
    r"^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?"
    r"""((["'])(.*)\4[ ]*|\((.*)\)[ ]*)?$""",
    re.MULTILINE,
)


def reference(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    """Definitions come out of any block that holds one; what is around them becomes blocks."""
    block = blocks[0]
    found = RE_REFERENCE.search(block.text)
    if found is None:
        return False
    blocks.pop(0)
    start = end = found.start()
    for following in RE_REFERENCE.finditer(block.text, start):
        between = block.text[end : following.start()]
        if following.start() > start and (between.strip("\n") or "\n" in following.group()):
            break
        end = following.end()
    if block.text[end:].strip():
        after = block.cut(end)
        blocks.insert(0, after.strip_newlines(trailing=False))
    if block.text[:start].strip():
        blocks.insert(0, block.cut(0, len(block.text[:start].rstrip("\n"))))
    return True
