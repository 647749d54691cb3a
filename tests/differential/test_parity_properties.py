"""Generated list documents: archcheck's checklist against both renderers (see comparison.py).

The documents mix bullets and ordered lists, 2- and 4-space nesting, blank lines, paragraphs
and tables glued to lists, quotes and alerts, fenced and indented code, HTML comments and blocks,
markers that are and are not task markers, and trailing text that holds another marker. The
number of documents is fixed by the hypothesis profile (parity_run.py) and printed in the
session summary.
"""

from __future__ import annotations

from comparison import Comparison, checklist, compare
from hypothesis import event, given, settings
from hypothesis import strategies as st
from parity_run import PARITY_STATS, PROFILE

WORDS = st.sampled_from(["ship", "rotate", "secrets", "review", "done", "TODO", "*em*", "`x`"])
MARKERS = st.sampled_from(["[ ]", "[x]", "[X]", "[ ]", "[x]", "[y]", "[]", ""])
BULLETS = st.sampled_from(["-", "-", "*", "+", "1.", "2.", "1)"])
TRAILING = st.sampled_from(["", "", "", " [x]", " [X]", " [ ]", " `[x]`", " [x](u)", " <!--[x]-->"])
KINDS = ("list",) * 3 + ("para", "quote", "alert", "fence", "code", "table", "comment", "html")


@st.composite
def list_block(draw: st.DrawFn) -> str:
    unit = draw(st.sampled_from([2, 4]))
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        if lines and draw(st.booleans()):
            lines.append("")
        indent = " " * unit * draw(st.integers(0, 2))
        separator = draw(st.sampled_from([" ", " ", "\t"]))
        words = " ".join(draw(st.lists(WORDS, max_size=3)))
        text = f" {words}" if words or draw(st.booleans()) else ""
        marker = draw(MARKERS)
        lines.append(f"{indent}{draw(BULLETS)}{separator}{marker}{text}{draw(TRAILING)}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["lazy words", "  indented words"])))
    return "\n".join(lines)


@st.composite
def block(draw: st.DrawFn) -> str:
    body = draw(list_block())
    kind = draw(st.sampled_from(KINDS))
    if kind == "para":
        return "A paragraph of words."
    if kind == "table":
        return "| a | b |\n| - | - |\n| [ ] | x |"
    if kind == "comment":
        return f"<!--\n{body}\n-->"
    if kind == "html":
        return f"<div>\n{body}\n</div>"
    if kind == "quote":
        return "\n".join(f"> {line}" for line in body.split("\n"))
    if kind == "alert":
        return "> [!NOTE]\n" + "\n".join(f"> {line}" for line in body.split("\n"))
    if kind == "fence":
        return f"```\n{body}\n```"
    if kind == "code":
        return "\n".join(f"    {line}" for line in body.split("\n"))
    return body


@st.composite
def document(draw: st.DrawFn) -> str:
    text = ""
    for part in draw(st.lists(block(), min_size=1, max_size=5)):
        glue = draw(st.sampled_from(["\n", "\n\n"])) if text else ""
        text += glue + part
    text += draw(st.sampled_from(["\n", ""]))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 9)) == 0:
        text = "\ufeff" + text
    return text


def checked(text: str, counter: str) -> Comparison:
    result = compare("<generated>", text, checklist(text, "<generated>"))
    PARITY_STATS[counter] += 1
    PARITY_STATS["hypothesis items compared"] += result.items
    PARITY_STATS["hypothesis renderer disagreements"] += len(result.disagreements)
    # Shown by --hypothesis-show-statistics: which renderer views the documents reached.
    for seen in result.seen:
        event(f"box: GitHub {seen.github}, site {seen.site}")
    return result


@settings(PROFILE, print_blob=True)
@given(document())
def test_every_box_is_an_item_and_no_open_marker_is_done(text: str) -> None:
    """Every box either renderer shows is an item on its line, every item is such a box, and
    an item is done only when its marker is and every renderer showing it ticks it."""
    result = checked(text, "hypothesis examples: boxes, items and state")
    problems = result.problems_of("missing", "phantom", "line", "state")
    assert not problems, "\n".join([repr(text), *problems])


@settings(PROFILE, print_blob=True)
@given(document())
def test_parity_note_depth_and_text_match_each_renderer(text: str) -> None:
    result = checked(text, "hypothesis examples: parity, depth and text")
    problems = result.problems_of("parity", "depth", "text")
    assert not problems, "\n".join([repr(text), *problems])
