"""markdown-it-py's block rules, adjusted where cmark-gfm (GitHub) builds a different structure.

1. Task items. cmark-gfm opens a task item while it opens the list item's blocks: when the
   item's content starts with ``[ ]``/``[x]``/``[X]`` and its *source line, from column 0*, matches
   ``spaces marker spaces [ ] spaces``, it consumes the three marker characters; the rest of the
   line (if any) starts the item's paragraph. So an item whose line is ``- [ ] `` and nothing
   more has no child: its content indentation is counted up to the ``[`` (``-  [ ] `` needs three
   spaces on its continuation lines), it may interrupt a paragraph (the line was not blank when
   the list marker was read), a blank line right after it ends it, no lazy line can continue it,
   and an indented list marker (even ``2.``) opens a nested list. markdown-it-py reads it as an
   item holding the paragraph ``[ ]``, which keeps none of that. ``github_list``
   (github_lists.py) is markdown-it-py's list rule with that case added; it also marks every
   item opened on a task line with ``meta["github_task"]`` (``"empty"`` or ``"text"``), and
   every item with the column its content starts at (``meta["content_indent"]``).
2. Lazy lines in nested lists. cmark-gfm measures a line's indentation from the innermost list
   item the line is indented enough for; 4+ columns past it, no block can start there, so the
   line continues an open paragraph. markdown-it-py measures from the paragraph's own item, so
   a list marker, quote or fence there ends the paragraph. ``lazy_continuation`` wraps each rule
   that can end a paragraph; the list items being parsed are kept in ``env`` for it.
3. Definitions. cmark-gfm takes link reference definitions out of a paragraph only once the
   paragraph has ended, so a line after one that could not interrupt a paragraph (``2. x``,
   indented text) is paragraph text (``github_reference``); and a footnote definition starts a
   block in a quote or after a list item too (markdown.py widens its rule's reach).
"""

from __future__ import annotations

import re

from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block.blockquote import blockquote
from markdown_it.rules_block.paragraph import paragraph
from markdown_it.rules_block.reference import reference
from markdown_it.rules_block.state_block import StateBlock

# cmark-gfm's scan_tasklist (extensions/ext_scanners.re): spacechar is [ \t\v\f], and the
# character after an ordered list's digits may be any character. cmarkgfm also accepts "[X]".
RE_TASK_LINE = re.compile(
    r"^[ \t\v\f]*(?:[-+*]|[0-9]+.)[ \t\v\f]+(?P<marker>\[[ xX]\])[ \t\v\f]+(?P<rest>.*)$",
    re.MULTILINE,
)
TASK_LINES = "github_task_lines"
# Content indentation of each list item being parsed, innermost last; None marks a block quote,
# inside which indentation is counted from the quote marker.
FRAMES = "github_list_frames"
QUOTE_ALT = ("paragraph", "reference", "blockquote", "list")


def task_lines(text: str, had_bom: bool) -> dict[int, bool]:
    """Lines (0-based) whose raw text cmark-gfm reads as a task line -> nothing after the marker.

    A BOM is part of the first line's raw text (cmark-gfm only skips it for the block parser), so
    a first line after a BOM is never a task line.
    """
    found: dict[int, bool] = {}
    line, counted = 0, 0
    for match in RE_TASK_LINE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if line or not had_bom:
            found[line] = not match["rest"].strip(" \t\v\f")
    return found


def indented_past_container(state: StateBlock, line: int) -> bool:
    """The line is indented 4+ columns past the innermost list item it is indented enough for.

    Only for a line that does not belong to the innermost open container (that case is the
    usual code-block test). A block quote checking its own lazy lines measures them from the
    items around it, not from those inside it.
    """
    column = state.sCount[line]
    if column < 0 or column >= state.blkIndent:
        return False
    frames: list[int | None] = list(state.env.get(FRAMES, ()))
    if state.parentType == "blockquote" and None in frames:
        del frames[len(frames) - 1 - frames[::-1].index(None) :]
    base = 0
    for frame in reversed(frames):
        if frame is None:
            break
        if frame <= column:
            base = frame
            break
    return column - base >= 4


def lazy_continuation(rule: RuleFuncBlockType) -> RuleFuncBlockType:
    """``rule``, except that it cannot end a paragraph on a line indented 4+ columns past the
    innermost list item the line belongs to.

    cmark-gfm opens no block on such a line (it would be indented code), so the line continues
    the paragraph lazily. markdown-it-py measures the indentation from the paragraph's own list
    item instead (and from one list level up, for lists only). The same holds for the lazy
    lines of a block quote, and of a quote inside it.
    """

    def guarded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        # A line an outer quote took as lazy (sCount -1) starts no block inside it either.
        if (
            silent
            and state.parentType in ("paragraph", "reference", "blockquote")
            and (state.sCount[start_line] < 0 or indented_past_container(state, start_line))
        ):
            return False
        return rule(state, start_line, end_line, silent)

    return guarded


def github_reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it-py's link reference definition rule, then the paragraph it starts on GitHub.

    cmark-gfm takes definitions out of a paragraph only once the paragraph has ended, so the
    lines after a definition that could not interrupt a paragraph (``2. [ ] x``, indented
    text) are paragraph text there, not a list or code.
    """
    found = reference(state, start_line, end_line, silent)
    line = state.line
    if not found or silent or line >= end_line or state.isEmpty(line):
        return found
    old_parent_type, state.parentType = state.parentType, "paragraph"
    interrupts = any(
        rule(state, line, end_line, True) for rule in state.md.block.ruler.getRules("paragraph")
    )
    state.parentType = old_parent_type
    if not interrupts:
        paragraph(state, line, end_line, False)
    return found


def github_blockquote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it-py's block quote rule; items inside count indentation from the quote."""
    frames: list[int | None] = state.env.setdefault(FRAMES, [])
    frames.append(None)
    try:
        return blockquote(state, start_line, end_line, silent)
    finally:
        frames.pop()
