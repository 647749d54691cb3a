"""Python-Markdown's list processors (ordered, unordered, indented children), replayed."""

from __future__ import annotations

import re

from archcheck.parsing.site_tree import Block, Element, Processor, SiteParser

TAB = 4
RE_OL = re.compile(r"^[ ]{0,3}\d+\.[ ]+(.*)")
RE_UL = re.compile(r"^[ ]{0,3}[*+-][ ]+(.*)")
RE_CHILD = re.compile(r"^[ ]{0,3}((\d+\.)|[*+-])[ ]+(.*)")
RE_INDENT_ITEM = re.compile(r"^[ ]{4,7}((\d+\.)|[*+-])[ ]+.*")
RE_INDENT = re.compile(r"^(([ ]{4})+)")


def detab_lines(block: Block, width: int) -> Block:
    """Take ``width`` spaces off every line that has them (Python-Markdown's looseDetab)."""
    pad = " " * width
    lines = block.text.split("\n")
    return Block("\n".join(ln[width:] if ln.startswith(pad) else ln for ln in lines), block.lines)


def list_indent(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
    block = blocks[0]
    last = parent.last()
    if not block.text.startswith(" " * TAB) or p.isstate("detabbed"):
        return False
    if parent.tag != "li" and not (last is not None and last.tag in ("ul", "ol")):
        return False
    blocks.pop(0)
    match = RE_INDENT.match(block.text)
    indent_level = len(match.group(1)) // TAB if match else 0
    level = 1 if p.isstate("list") else 0
    sibling: Element = parent
    while indent_level > level:
        child = sibling.last()
        if child is None or child.tag not in ("ul", "ol", "li"):
            break
        if child.tag in ("ul", "ol"):
            level += 1
        sibling = child
    block = detab_lines(block, TAB * level)
    p.state.append("detabbed")
    if parent.tag == "li":
        last = parent.last()
        p.parse_blocks(last if last is not None and last.tag in ("ul", "ol") else parent, [block])
    elif sibling.tag == "li":
        p.parse_blocks(sibling, [block])
    elif sibling.children and sibling.children[-1].tag == "li":
        item = sibling.children[-1]
        if item.text:
            para = item.add("p", 0)
            para.text, para.text_line, item.text = item.text, item.text_line, ""
        p.parse_chunk(item, block)
    else:
        p.parse_blocks(sibling.add("li"), [block])
    p.state.pop()
    return True


def _items(block: Block) -> list[Block]:
    items: list[Block] = []
    offset = 0
    for line in block.text.split("\n"):
        match = RE_CHILD.match(line)
        here = block.cut(offset, offset + len(line))
        if match:
            items.append(Block(match.group(3), here.lines))
        elif RE_INDENT_ITEM.match(line) and not items[-1].text.startswith(" " * TAB):
            items.append(here)
        else:
            items[-1] = Block(items[-1].text + "\n" + line, items[-1].lines + here.lines)
        offset += len(line) + 1
    return items


def list_processor(pattern: re.Pattern[str], tag: str) -> Processor:
    def run(p: SiteParser, parent: Element, blocks: list[Block]) -> bool:
        if not pattern.match(blocks[0].text):
            return False
        items = _items(blocks.pop(0))
        sibling = parent.last()
        if sibling is not None and sibling.tag in ("ol", "ul"):
            lst = sibling
            last_item = lst.children[-1] if lst.children else lst.add("li")
            if last_item.text:
                para = last_item.add("p", 0)
                para.text, para.text_line, last_item.text = last_item.text, last_item.text_line, ""
            p.state.append("looselist")
            p.parse_blocks(lst.add("li"), [items.pop(0)])
            p.state.pop()
        elif parent.tag in ("ol", "ul"):
            lst = parent
        else:
            lst = parent.add(tag)
        p.state.append("list")
        for item in items:
            if item.text.startswith(" " * TAB) and lst.children:
                p.parse_blocks(lst.children[-1], [item])
            else:
                p.parse_blocks(lst.add("li"), [item])
        p.state.pop()
        return True

    return run
