"""markdown-it-py's block rules, adjusted where cmark-gfm (GitHub) builds a different structure.

1. Task items. cmark-gfm opens a task item while it opens the list item's blocks: when the
   item's content starts with ``[ ]``/``[x]``/``[X]`` and its *source line, from column 0*, matches
   ``spaces marker spaces [ ] spaces``, it consumes the three marker characters; the rest of the
   line (if any) starts the item's paragraph. So an item whose line is ``- [ ] `` and nothing
   more has no child: its content indentation is counted up to the ``[`` (``-  [ ] `` needs three
   spaces on its continuation lines), it may interrupt a paragraph (the line was not blank when
   the list marker was read), a blank line right after it ends it, no lazy line can continue it,
   and an indented list marker (even ``2.``) opens a nested list. markdown-it-py reads it as an
   item holding the paragraph ``[ ]``, which keeps none of that. ``github_list`` is
   markdown-it-py 4.3's ``list_block`` (MIT licence) with that case added; it also marks every
   item opened on a task line with ``meta["github_task"]`` (``"empty"`` or ``"text"``), and
   every item with the column its content starts at (``meta["content_indent"]``).
2. Lazy lines in nested lists. cmark-gfm measures a line's indentation from the innermost list
   item the line is indented enough for; 4+ columns past it, no block can start there, so the
   line continues an open paragraph. markdown-it-py measures from the paragraph's own item, so
   a list marker, quote or fence there ends the paragraph. ``lazy_continuation`` wraps each rule
   that can end a paragraph; the list items being parsed are kept in ``env`` for it.
"""

from __future__ import annotations

import re

from markdown_it.parser_block import RuleFuncBlockType
from markdown_it.rules_block.blockquote import blockquote
from markdown_it.rules_block.list import (
    markTightParagraphs,
    skipBulletListMarker,
    skipOrderedListMarker,
)
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


def _indented_past_container(state: StateBlock, line: int) -> bool:
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
    lines of a block quote.
    """

    def guarded(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if (
            silent
            and state.parentType in ("paragraph", "reference", "blockquote")
            and _indented_past_container(state, start_line)
        ):
            return False
        return rule(state, start_line, end_line, silent)

    return guarded


def github_blockquote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it-py's block quote rule; items inside count indentation from the quote."""
    frames: list[int | None] = state.env.setdefault(FRAMES, [])
    frames.append(None)
    try:
        return blockquote(state, start_line, end_line, silent)
    finally:
        frames.pop()


def github_list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The list block rule (markdown-it-py 4.3's ``list_block``) plus cmark-gfm's task items."""
    terminates_paragraph = False
    tight = True

    if state.is_code_block(start_line):
        return False

    # A list marker indented 4+ past the innermost item the line belongs to is paragraph
    # continuation text. (markdown-it-py measures from the parent item's marker only.)
    if silent and _indented_past_container(state, start_line):
        return False

    # Limit when a list can interrupt a paragraph; the next item still ends the previous one.
    if silent and state.parentType == "paragraph" and state.sCount[start_line] >= state.blkIndent:
        terminates_paragraph = True

    after_marker = skipOrderedListMarker(state, start_line)
    if after_marker >= 0:
        ordered = True
        start = state.bMarks[start_line] + state.tShift[start_line]
        marker_value = int(state.src[start : after_marker - 1])
        # An ordered list that interrupts a paragraph must start with 1.
        if terminates_paragraph and marker_value != 1:
            return False
    else:
        after_marker = skipBulletListMarker(state, start_line)
        if after_marker >= 0:
            ordered = False
        else:
            return False

    # A list that interrupts a paragraph needs content on its first line. For cmark-gfm the task
    # marker of "- [ ] " is such content: it is consumed only after the list item has opened.
    if terminates_paragraph and state.skipSpaces(after_marker) >= state.eMarks[start_line]:
        return False

    marker_char = state.src[after_marker - 1]
    if silent:
        return True

    tasks: dict[int, bool] = state.env.get(TASK_LINES, {})
    frames: list[int | None] = state.env.setdefault(FRAMES, [])
    list_index = len(state.tokens)
    if ordered:
        token = state.push("ordered_list_open", "ol", 1)
        if marker_value != 1:
            token.attrs = {"start": marker_value}
    else:
        token = state.push("bullet_list_open", "ul", 1)
    token.map = list_lines = [start_line, 0]
    token.markup = marker_char

    next_line = start_line
    previous_ended_empty = False
    terminators = state.md.block.ruler.getRules("list")
    old_parent_type = state.parentType
    state.parentType = "list"

    while next_line < end_line:
        pos = after_marker
        maximum = state.eMarks[next_line]
        initial = offset = (
            state.sCount[next_line]
            + after_marker
            - (state.bMarks[start_line] + state.tShift[start_line])
        )
        while pos < maximum:
            ch = state.src[pos]
            if ch == "\t":
                offset += 4 - (offset + state.bsCount[next_line]) % 4
            elif ch == " ":
                offset += 1
            else:
                break
            pos += 1

        content_start = pos
        indent_after_marker = 1 if content_start >= maximum else offset - initial
        # More than 4 spaces after the marker: the indent is 1, the rest is an indented code block.
        if indent_after_marker > 4:
            indent_after_marker = 1
        indent = initial + indent_after_marker

        # cmark-gfm's task item: content (not code) starting at the box on a task line.
        github_task = (
            start_line in tasks
            and content_start < maximum
            and offset - initial <= 4
            and state.src[content_start] == "["
        )
        empty_task = github_task and tasks[start_line]
        if empty_task:
            content_start = maximum  # (the marker is consumed: the item starts empty)

        token = state.push("list_item_open", "li", 1)
        token.markup = marker_char
        token.map = item_lines = [start_line, 0]
        if ordered:
            token.info = state.src[start : after_marker - 1]
        token.meta = {"content_indent": indent}
        if github_task:
            token.meta["github_task"] = "empty" if empty_task else "text"

        old_tight = state.tight
        old_tshift = state.tShift[start_line]
        old_scount = state.sCount[start_line]
        old_list_indent = state.listIndent
        state.listIndent = state.blkIndent
        state.blkIndent = indent
        state.tight = True
        state.tShift[start_line] = content_start - state.bMarks[start_line]
        state.sCount[start_line] = offset

        if content_start >= maximum and state.isEmpty(start_line + 1):
            # An item with nothing on its first line ends at a blank line ("-\n\n  foo").
            state.line = min(state.line + 2, end_line)
        else:
            frames.append(indent)
            state.md.block.tokenize(state, start_line, end_line)
            frames.pop()

        if (not state.tight) or previous_ended_empty:
            tight = False
        # An item ending with a blank line makes the list loose, unless it is the last one.
        previous_ended_empty = (state.line - start_line) > 1 and state.isEmpty(state.line - 1)

        state.blkIndent = state.listIndent
        state.listIndent = old_list_indent
        state.tShift[start_line] = old_tshift
        state.sCount[start_line] = old_scount
        state.tight = old_tight

        token = state.push("list_item_close", "li", -1)
        token.markup = marker_char

        next_line = start_line = state.line
        item_lines[1] = next_line
        if next_line >= end_line:
            break
        if state.sCount[next_line] < state.blkIndent or state.is_code_block(start_line):
            break
        if any(rule(state, next_line, end_line, True) for rule in terminators):
            break
        if ordered:
            after_marker = skipOrderedListMarker(state, next_line)
            if after_marker < 0:
                break
            start = state.bMarks[next_line] + state.tShift[next_line]
        else:
            after_marker = skipBulletListMarker(state, next_line)
            if after_marker < 0:
                break
        if marker_char != state.src[after_marker - 1]:
            break

    token = state.push(
        "ordered_list_close" if ordered else "bullet_list_close", "ol" if ordered else "ul", -1
    )
    token.markup = marker_char
    list_lines[1] = next_line
    state.line = next_line
    state.parentType = old_parent_type
    if tight:
        markTightParagraphs(state, list_index)
    return True
