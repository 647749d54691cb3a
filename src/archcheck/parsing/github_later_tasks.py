"""Lines after an item's first one on which cmark-gfm's tasklist rule still fires.

cmark-gfm tries its tasklist rule on every line whose innermost open container is a list item
and where no other block starts, not only on the line that opens the item. The rule matches the
raw line from column 0 and, when it does, consumes three characters and makes the *enclosing*
item a task item, ticked or not by that line. Two kinds of later lines get there:

* a paragraph that starts directly in the item, as its first block or after a closed one (after
  a nested list, the list is the innermost container): only a line like ``12 [ ] y`` (digits,
  any character, spaces, a box marker) both matches and starts a paragraph;
* a lazy line of a block quote directly in the item (the quote does not take the line, the
  item does), such as ``12 [x] y`` or a list marker indented 4+ columns past the item.

So ``- a\n\n  12 [ ] y`` shows an open box on GitHub for ``a``.
"""

from __future__ import annotations

from markdown_it.token import Token

from archcheck.parsing.github_blocks import RE_TASK_LINE
from archcheck.parsing.markdown import Source

NESTED_LISTS = ("bullet_list_open", "ordered_list_open")


def _columns(line: str) -> int:
    """Columns of the line's leading whitespace (tab stops of 4, as CommonMark counts them)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def later_task_rows(token: Token, item: Token, last_child: str, source: Source) -> list[int]:
    """Rows of ``token``, a block directly in list item ``item``, where the rule fires."""
    if token.map is None or item.map is None:
        return []
    first, end = token.map
    if token.type == "paragraph_open":
        if first == item.map[0] or last_child in NESTED_LISTS:
            return []
        return [first] if RE_TASK_LINE.match(source.lines[first]) else []
    if token.type == "blockquote_open":
        indent = int(item.meta.get("content_indent", 0))
        return [
            row
            for row in range(first + 1, end)
            if RE_TASK_LINE.match(source.lines[row]) and _columns(source.lines[row]) >= indent
        ]
    return []


def consumed(line: str, item: Token) -> str:
    """What is left of a paragraph's first line once the rule took three characters from the
    item's content column."""
    column, index = 0, 0
    indent = int(item.meta.get("content_indent", 0))
    while index < len(line) and column < indent and line[index] in " \t":
        column = column + 4 - column % 4 if line[index] == "\t" else column + 1
        index += 1
    return line[index + 3 :].lstrip()
