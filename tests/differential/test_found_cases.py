"""Small documents the property tests once shrank a failure to, kept so each stays checked.

Each case runs the full parity comparison (boxes, items, state, parity note, depth, text); the id
names the renderer behaviour it pins down. /work/notes/differential-findings.md has the history.
"""

from __future__ import annotations

import pytest
from comparison import compare

import archcheck

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
    "empty-item-lazy-text-with-paren-line": "- [ ]\nlazy words\n- [ ] \nlazy words\n1) [ ]\n",
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
}


@pytest.mark.parametrize("name", CASES)
def test_found_case_matches_both_renderers(name: str) -> None:
    text = CASES[name]
    result = compare(name, text, archcheck.parse(text, name).checklist)
    assert not result.problems_of(), "\n".join([repr(text), *result.problems_of()])
