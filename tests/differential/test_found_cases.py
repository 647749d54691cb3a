"""Small documents that pin one renderer behaviour down, each run through the full comparison
(boxes, lines, state, each renderer's view, depth, text) against both renderers.

CASES are documents the property tests once shrank a failure to (the id names the renderer
behaviour); GITHUB_CASES and SITE_CASES are edge cases of each renderer's list and task-marker
rules. KNOWN_ENGINE_DEFECTS names the cases archcheck still gets wrong, expected to fail (strict:
a fix makes them pass, which fails the run, so the entry goes).
"""

from __future__ import annotations

import pytest
from comparison import checklist, compare

CASES = {
    # cmark-gfm: an item holding only its task marker (`- [ ] `) has no paragraph, so ...
    "empty-item-then-indented-ordered-list": "Para.\n+ [x] \n  2. [x] secrets\n",
    "empty-item-lazy-line-is-a-paragraph": "+ [X] \nlazy words\n    1) [X] secrets\n",
    "empty-item-blank-line-then-code": "- [ ] \n\n    - [ ] child\n",
    "empty-item-blank-line-then-sibling": "- [ ] \n\n  - [ ] child\n",
    "empty-item-glued-to-paragraph": "lazy words\n- [ ] \n",
    "empty-nested-item-at-end-of-file": "- [y] done\n  + [x] ",
    "empty-item-then-paren-list": "2. [ ] \n    1)\t[ ] review\n",
    "empty-item-then-deep-indent": "1) [ ] \n        -\t[x] \n    1. [ ] TODO\n",
    "empty-item-blank-line-then-top-level-ordered": "+ [ ] \n\n  1. [ ] TODO\n",
    "empty-item-after-fence-then-code": "```\n```\n+ [X] \n\n    *\t[x] secrets\n",
    "empty-item-interrupts-paragraph": "- [x]  [ ]\n  2.  secrets done\n  - [x] ",
    "empty-item-after-quote-then-paragraph": "> words\n  - [x] \n  more words\n  2. [X] secrets",
    "empty-item-lazy-paragraph-swallows-indented-item": (
        "1) [ ]\n  - [ ] \nlazy words\n    - [ ] \nlazy words\n"
    ),
    # ... but after a BOM the first line is no task item on GitHub, so its paragraph is `[ ]`.
    "bom-first-item-keeps-its-paragraph": "\ufeff- [ ] \n\n  - [ ] \nlazy words\n",
    # Text: what follows the marker, as the renderers show it.
    "bracket-pair-at-end-of-continuation": "  - [ ] secrets\n            *\t[ ] \n",
    "fence-lazily-inside-quoted-item": "> - [ ] done\n```\n  - [X] rotate\n```\n",
    "code-span-in-site-only-item": "\ufeff- [ ] `[x]`\nlazy words\n",
    "paren-line-is-site-lazy-text": "> 1. [x] review\n1)  TODO\n",
    "text-ends-at-code-block-in-site-item": "> 2. [X] secrets\n```\n```\n        - [X] done",
    "setext-underline-inside-item": "+ [ ] TODO TODO\n    -\t\n",
    # Python-Markdown: a fence that is not at a block start is text, and what follows is a list.
    "unclosed-fence-lazy-in-item": "1. [ ] rotate\n```\n  - [x] secrets review\n",
    "fence-after-item-with-code": "- [ ] a\n\n        - [ ] b\n- [ ] c\n```\n- [ ] ship\n```\n",
    # A box whose marker only spaces follow has no text to carry its line: it stands on its own
    # line, not on an earlier marker that is no box (`- [ ]` with nothing after, a `[ ]` ending
    # a line of prose).
    "marker-with-nothing-after-then-bare-box": "- [ ]\n- [ ] \n  more\n",
    "line-ending-in-a-marker-then-bare-box": "Done? [ ]\n\n- [x] \n  shipped\n",
    "bare-box-between-lazy-lines-and-a-paren-marker": (
        "- [ ]\nlazy words\n- [ ] \nlazy words\n1) [ ]\n"
    ),
    "bare-marker-in-indented-code-then-bare-box": "    [ ] \n- [ ] \n",
    "bare-marker-in-a-comment-then-bare-box": "<!--\n[ ] \n-->\n- [ ] \n",
    # Footnotes: cmark-gfm drops a definition nothing references (Python-Markdown renders each
    # one), matches labels whatever their case and keeps a label's first definition where
    # Python-Markdown keeps its last; a footnote's own <li> encloses no list item of the page.
    "unreferenced-footnote-with-a-bare-marker": "[^1]:\n    1)\t[x] \n",
    "unreferenced-footnote-after-an-item": "- [x] a\n\n[^1]: x\n    - [ ] b\n",
    "unreferenced-footnote-after-a-quote": "- >p\n[^1]:\n\t- [ ] \n",
    "footnote-list-with-a-bare-marker": "a[^1]\n\n[^1]:\n    - [ ] \n",
    "footnote-label-in-another-case": "a[^A]\n\n[^a]:\n    - [x] a\n",
    "second-definition-of-a-label": "a[^a]\n\n[^a]:\n    - [x] a\n[^a]:\n    - [ ] b\n",
    # Icon fonts' private-use characters (U+E000-U+E01F) in the text cost no box its line.
    "private-use-character-in-the-text": "Intro\n\n- [ ] a \ue005\n",
}


GITHUB_CASES = {
    # A task item holding only its marker has no paragraph: a blank line ends it, so the
    # indented item after it is a sibling, and no lazy line continues it.
    "empty-item-blank-line-sibling": "- [ ] \n\n  - [ ] child\n",
    "empty-item-lazy-line": "- [ ] \nlazy words\n",
    # Its content column is counted up to the box: "-  [ ] " needs three spaces.
    "empty-item-wide-padding": "-  [ ] \n  - [ ] child\n",
    # It interrupts a paragraph, and an indented "2." under it opens a nested list.
    "empty-item-after-a-paragraph": "Para.\n- [ ] \n  2. [x] secrets\n",
    "empty-item-paragraph-below": "- [ ] \n  [x] foo\n",
    "empty-item-code-below": "- [ ] \n        - [ ]\n  indented words\n",
    # After the marker, the rest of the line is paragraph text, never a heading or a fence.
    "heading-marks-after-the-box": "- [ ] # h\n",
    "fence-marks-after-the-box": "- [ ] ```\n- [ ] x\n```\n",
    "five-spaces-after-the-bullet-are-code": "-     [ ] x\n",
    # A line indented 4+ past the innermost item it belongs to continues the paragraph.
    "lazy-list-marker-in-a-nested-list": "1) [ ]\n  1. [ ]\n      - [ ] [x]\n    - [ ]\n",
    "lazy-quote-marker": "  *  [ ] `\n    >",
    "footnote-in-an-item": "* [^1]:e\n    -\t[x] \n",
    "lazy-line-of-nested-quotes": "- [x] \n  >>q\n      + [ ] \n",
    # A link reference definition is paragraph text until the paragraph ends.
    "ordered-list-after-a-definition": "[a]: /u\n2. [x] b\n",
    "indented-list-after-a-definition": "[a]: /u\n    - [ ] b\n",
    "bullet-list-after-a-definition": "[a]: /u\n- [ ] b\n",
    "code-span-over-lines": "+ [ ] ``x`\n   q `\n",
    # cmark-gfm also takes a box from a later line of an item (digits, any character, spaces,
    # box): the enclosing item becomes a task item, its state from the last such line.
    "later-line-makes-the-item-a-task": "- a\n\n  12 [x] y\n",
    "later-line-makes-the-first-block-text": "-\n  2  [ ] b\n",
    "later-line-ticks-an-open-item": "- [ ] a\n\n  12 [x] y\n",
    "later-line-after-a-quote": "- [ ] a\n\n  > y\n  12 [x] z\n",
    "later-line-in-prose": "Steps:\n\n- Rotate keys\n\n  12 [ ] of them\n",
    "lazy-line-of-a-quote-in-the-item": "* >d\n      - [ ] \n",
    "not-after-a-nested-list": "- a\n  - b\n\n  12 [x] y\n",
    "not-in-a-quoted-item": ">- >e\n    + [ ] \n",
    "x-later-on-the-line": "- [ ] ship it [X]\n",
    "nested-marker-on-one-line": "- - [ ] a\n",
}

SITE_CASES = {
    "text-ends-at-a-fence": "> 2. [X] secrets\n```\n```\n        - [X] done",
    # Code spans as Python-Markdown reads them: any run up to one as long, content stripped.
    "code-span-of-unequal-runs": "> - [ ] ``x`\n",
    "code-span-content-stripped": "> - [ ] `] `x\n",
    # A footnote's text loses its trailing whitespace, so a bare marker is no box.
    "footnote-with-a-bare-marker": "a[^1]\n\n[^1]: [ ] \n",
    # Raw HTML ends at its comment end or closing tag; the rest of the line is a new block.
    "text-after-a-comment": "<!-- a -->- [ ] b\n",
    "text-after-a-closing-tag": "<div>x</div>- [ ] a\n",
    # An indented comment stays in the block above it, so an indented list after it nests.
    "indented-comment": "- \n <!---->    * [X] \n",
    # A table takes its whole block: a quote glued under it is table rows.
    "quote-glued-to-a-table": "a|b\n-|-\n> - [ ] x\n",
    "quote-glued-to-a-paragraph": "a\n> - [ ] x\n",
    "quote-glued-to-a-one-column-table": "| a |\n|---|\n> - [x] y\n",
    # Link reference definitions come out of any block; what follows is a block of its own.
    "definition-in-an-item": "> - [ ] a\n> [b]: /u\n> - [ ] c",
    # Raw HTML as Python-Markdown reads it: a block-level tag ends the text, a loose tag is one.
    "block-tag-in-the-text": "> - [x] <div>p\n",
    "loose-tag": "> - [ ] <x]>\n",
    "inline-tag-and-comment": "> - [ ] a <b>bold</b> <!-- c --> c\n",
    "autolink": "> - [ ] see <http://x.y> now\n",
    "tag-in-a-code-span": "> - [ ] `<div>` code\n",
    "footnote-reference": ">- [x] a[^1] b\n\n[^1]: n\n",
    "undefined-footnote-reference": ">- [x] a[^2] b\n",
    # Front matter is only a "---" at the very start of the file, not a list item's text.
    "dashes-in-a-first-line-item": "-    ---a\n    2. [X] \n",
    # Admonitions (the site loads admonition): boxes GitHub reads as indented code.
    "admonition": '!!! note "T"\n\n    - [ ] a\n\n      - [x] b\n',
    "raw-html-checkbox": '<ul><li><input type="checkbox" checked> raw</li></ul>\n\n- [ ] a\n',
    # A list in a footnote definition is at top level: the footnote's <li> is no list item.
    "footnote-list-is-top-level": "[^1]:\n    - [x] a\n",
}

SITE_FOOTNOTE_DEPTH = (
    'the site view counts a footnote\'s own <li id="fn:..."> as an enclosing list item, so a '
    "list in a footnote definition is reported at site depth 1; Python-Markdown shows it at top "
    "level"
)
BARE_MARKER_IN_CODE = (
    "a site box with nothing after its marker takes the first later line whose marker only "
    "spaces follow, even one in indented code or an HTML comment, where no renderer shows a box"
)
KNOWN_ENGINE_DEFECTS: dict[str, str] = {}

CASE_IDS = {
    **CASES,
    **{f"github-{name}": text for name, text in GITHUB_CASES.items()},
    **{f"site-{name}": text for name, text in SITE_CASES.items()},
}
PARAMS = [
    pytest.param(
        text,
        id=name,
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN_ENGINE_DEFECTS[name])]
        if name in KNOWN_ENGINE_DEFECTS
        else [],
    )
    for name, text in CASE_IDS.items()
]


@pytest.mark.parametrize("text", PARAMS)
def test_found_case_matches_both_renderers(text: str) -> None:
    result = compare("<case>", text, checklist(text, "<case>"))
    assert not result.problems_of(), "\n".join([repr(text), *result.problems_of()])


def test_the_cases_have_boxes() -> None:
    # Guards the cases against passing because neither renderer shows a box in any of them.
    boxes = [compare("<case>", text, ()) for text in (*GITHUB_CASES.values(), *SITE_CASES.values())]
    assert sum(r.github_boxes > 0 for r in boxes) > 20
    assert sum(r.site_boxes > 0 for r in boxes) > 20
