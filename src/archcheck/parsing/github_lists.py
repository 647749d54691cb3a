"""markdown-it-py 4.3's list rule (``list_block``, MIT licence) with cmark-gfm's task items.

An item whose line is a task line with nothing after the box starts empty, its content column
counted up to the box (github_blocks.py says why); every item records its content column and
whether cmark-gfm reads it as a task item. The upstream special case for a list marker
indented 4+ past its parent item is the general rule of github_blocks.py here.
"""

from __future__ import annotations

from markdown_it.rules_block.list import (
    markTightParagraphs,
    skipBulletListMarker,
    skipOrderedListMarker,
)
from markdown_it.rules_block.state_block import StateBlock

from archcheck.parsing.github_blocks import FRAMES, TASK_LINES, indented_past_container


def github_list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The list block rule (markdown-it-py 4.3's ``list_block``) plus cmark-gfm's task items."""
    terminates_paragraph = False
    tight = True

    if state.is_code_block(start_line):
        return False

    # A list marker indented 4+ past the innermost item the line belongs to is paragraph
    # continuation text. (markdown-it-py measures from the parent item's marker only.)
    if silent and indented_past_container(state, start_line):
        return False

    # Limit when a list can interrupt a paragraph; the next item still ends the previous one.
    if (
        silent
        and state.parentType in ("paragraph", "reference")
        and state.sCount[start_line] >= state.blkIndent
    ):
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
