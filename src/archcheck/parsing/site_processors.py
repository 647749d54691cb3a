"""Python-Markdown's block processors, replayed for list structure (see site_blocks.py)."""

from __future__ import annotations

import re

from archcheck.parsing.site_lists import RE_OL, RE_UL, TAB, detab_lines, list_indent, list_processor
from archcheck.parsing.site_references import reference
from archcheck.parsing.site_tables import is_table
from archcheck.parsing.site_tree import Block, Element, Processor, SiteParser

RE_CHECKBOX = re.compile(r"^ *\[(?P<state>[xX ])\] +")
RE_QUOTE = re.compile(r"(^|\n)[ ]{0,3}>[ ]?(.*)")
RE_CALLOUT = re.compile(r"> *\[!([\w-]+(?: *\| *[\w-]+)*)]([-+])?(.*?)(?:\n|$)")
RE_HASH = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?:\\.|[^\\#]|#+(?=[^#\n]))*?#*(?:\n|$)")
RE_SETEXT = re.compile(r"^.*?\n(?:=+|-+)[ ]*(\n|$)", re.MULTILINE)
RE_FOOTNOTE = re.compile(r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$", re.MULTILINE)
RE_HR = re.compile(
    r"^[ ]{0,3}(?=(?P<g>(-+[ ]{0,2}){3,}|(_+[ ]{0,2}){3,}|(\*+[ ]{0,2}){3,}))(?P=g)[ ]*$",
    re.MULTILINE,
)


def _empty(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    if block.text and not block.text.startswith("\n"):
        return False
    blocks.pop(0)
    if block.text and block.text[1:]:
        blocks.insert(0, block.cut(1))
    return True


RE_FENCE_PLACEHOLDER = re.compile(r"^([> ]*)(\x02\d+\x03)$")


def _revert_fences(p: SiteParser, block: Block) -> Block:
    """superfences puts back fences that landed in an indented code block, as plain text."""
    texts: list[str] = []
    numbers: list[int] = []
    for text, number in zip(block.text.split("\n"), block.lines, strict=True):
        found = RE_FENCE_PLACEHOLDER.match(text)
        if found is None or found.group(2) not in p.fences:
            texts.append(text)
            numbers.append(number)
            continue
        indent, original = p.fences.pop(found.group(2))
        cut = indent - len(found.group(1))
        texts += [line[cut:] for _, line in original]
        numbers += [n for n, _ in original]
    return Block("\n".join(texts), tuple(numbers))


def _code(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    if not blocks[0].text.startswith(" " * TAB):
        return False
    block = _revert_fences(p, blocks.pop(0))
    lines = block.text.split("\n")
    kept = 0
    for line in lines:
        if not (line.startswith(" " * TAB) or not line.strip()):
            break
        kept += 1
    last = parent.last()
    if last is None or last.tag != "pre":
        parent.add("pre")
    if kept < len(lines):
        blocks.insert(0, block.cut(len("\n".join(lines[:kept])) + 1))
    return True


def _hash_header(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    match = RE_HASH.search(block.text)
    if not match:
        return False
    blocks.pop(0)
    if match.start():
        p.parse_blocks(parent, [block.cut(0, match.start())])
    parent.add("h")
    if match.end() < len(block.text):
        after = block.cut(match.end())
        blocks.insert(0, detab_lines(after, TAB) if p.isstate("looselist") else after)
    return True


def _setext(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    if not RE_SETEXT.match(block.text):
        return False
    blocks.pop(0)
    parent.add("h")
    lines = block.text.split("\n")
    if len(lines) > 2:
        blocks.insert(0, block.cut(len(lines[0]) + len(lines[1]) + 2))
    return True


def _hr(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    match = RE_HR.search(block.text)
    if not match:
        return False
    blocks.pop(0)
    before = block.text[: match.start()].rstrip("\n")
    if before:
        p.parse_blocks(parent, [block.cut(0, len(before))])
    parent.add("hr")
    after = block.text[match.end() :]
    rest = after.lstrip("\n")
    if rest:
        blocks.insert(0, block.cut(match.end() + len(after) - len(rest)))
    return True


def _quote(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    match = RE_QUOTE.search(block.text)
    if not match:
        return False
    blocks.pop(0)
    if match.start():
        p.parse_blocks(parent, [block.cut(0, match.start())])
    quoted = block.cut(match.start())
    lines, numbers = quoted.text.split("\n"), list(quoted.lines)
    for index, line in enumerate(lines):
        if line and line.strip() != ">":
            if RE_CALLOUT.match(line):  # GitHub alert: its first line becomes the title
                lines[index : index + 1] = ["Title", ""]
                numbers.insert(index, numbers[index])
            break
    cleaned = []
    for line in lines:
        found = RE_QUOTE.match(line)
        cleaned.append("" if line.strip() == ">" else found.group(2) if found else line)
    p.state.append("blockquote")
    p.parse_chunk(parent.add("blockquote"), Block("\n".join(cleaned), tuple(numbers)))
    p.state.pop()
    return True


def _rstrip(block: Block) -> Block:
    """A footnote's text loses its trailing whitespace in Python-Markdown: ``[ ] `` is no box."""
    return block.cut(0, len(block.text.rstrip()))


def _footnote(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    """A definition's text, and the indented blocks after it, become a footnote of its own."""
    block = blocks[0]
    found = RE_FOOTNOTE.search(block.text)
    if not found:
        return False
    blocks.pop(0)
    preceding = block.text[: found.start()]
    for following in RE_FOOTNOTE.finditer(block.text, found.end()):
        if block.text[found.end() : following.start()].strip("\n"):
            break
        p.footnotes.append(_rstrip(block.cut(found.start(2), found.end(2))))
        found = following
    content = block.cut(found.start(2), found.end(2))
    rest = block.cut(found.end()).strip_newlines(trailing=False)
    after = RE_FOOTNOTE.search(rest.text)
    if after:
        before = rest.cut(0, len(rest.text[: after.start()].rstrip("\n")))
        content = content.join(detab_lines(before, TAB)).strip_newlines(trailing=False)
        blocks.insert(0, rest.cut(after.start()))
    else:
        content = content.join(detab_lines(rest, TAB)).strip_newlines()
        while blocks and blocks[0].text.startswith(" " * TAB):
            indented = blocks.pop(0)
            inner = RE_FOOTNOTE.search(indented.text)
            if inner:
                before = indented.cut(0, len(indented.text[: inner.start()].rstrip("\n")))
                content = Block(content.text + "\n", (*content.lines, 0)).join(
                    detab_lines(before, TAB)
                )
                blocks.insert(0, indented.cut(inner.start()))
                break
            content = Block(content.text + "\n", (*content.lines, 0)).join(
                detab_lines(indented, TAB)
            )
    p.footnotes.append(_rstrip(content))
    if preceding.strip():
        blocks.insert(0, block.cut(0, len(preceding.rstrip("\n"))))
    return True


def _table(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    if not is_table(blocks[0].text):
        return False
    blocks.pop(0)
    parent.add("table")  # cells hold inline text only: never a box
    return True


def _paragraph(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks.pop(0)
    if not block.text.strip():
        return True
    if p.isstate("list"):
        if parent.children:
            return True  # becomes the tail of a child: never the item's first text
        if parent.text:
            parent.text += "\n" + block.text
        else:
            parent.set_text(block)
    else:
        parent.add("p").set_text(block)
    return True


PROCESSORS: tuple[Processor, ...] = (
    _empty,
    list_indent,
    _code,
    _table,
    _hash_header,
    _setext,
    _hr,
    list_processor(RE_OL, "ol"),
    list_processor(RE_UL, "ul"),
    _quote,
    _footnote,
    reference,
    _paragraph,
)
