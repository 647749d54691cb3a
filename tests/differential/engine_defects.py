"""Where archcheck is known to report boxes otherwise than the renderers show them.

Each defect is pinned on minimal documents (ENGINE_DEFECTS, run by test_found_cases.py) and on
the corpus files that meet it (CORPUS_FILES, run by test_corpus_parity.py), all expected to fail
(strict: a fix makes them pass, which fails the run, so the entry is removed and they count
again). The property tests leave out the pages that can meet BARE_MARKERS.
"""

from __future__ import annotations

BARE_MARKERS = (
    "a site box whose marker only spaces follow gets the line of the first such marker after the "
    "box before it, even one that is no box (`- [ ]` with nothing after, a `[ ]` ending a line): "
    "the box is reported on the wrong line, in the wrong state, and its own line says the site "
    "shows none"
)
UNREFERENCED_FOOTNOTE = (
    "a box in a footnote definition nothing references is reported as a GitHub box; cmark-gfm "
    "drops such a definition, so GitHub shows none"
)
FOOTNOTE_DEPTH = (
    "a list in a footnote definition is reported nested one deep: the footnote's own <li> is "
    "counted as an enclosing list item"
)
PRIVATE_USE = (
    "a page holding U+E000-U+E01F (used by icon fonts) has every site box reported at line 1 as "
    "not on a line of the page, and each line's GitHub item says the site shows no box there"
)
ENGINE_DEFECTS: dict[str, tuple[str, str]] = {
    "bare-marker-then-box": ("- [ ]\n- [ ] \n  more\n", BARE_MARKERS),
    "line-ending-in-a-marker-then-box": ("Done? [ ]\n\n- [x] \n  shipped\n", BARE_MARKERS),
    "empty-item-lazy-text-with-paren-line": (
        "- [ ]\nlazy words\n- [ ] \nlazy words\n1) [ ]\n",
        BARE_MARKERS,
    ),
    "unreferenced-footnote": ("[^1]:\n    1)\t[x] \n", UNREFERENCED_FOOTNOTE),
    "unreferenced-footnote-after-an-item": (
        "- [x] a\n\n[^1]: x\n    - [ ] b\n",
        UNREFERENCED_FOOTNOTE,
    ),
    "footnote-definition-after-a-quote": ("- >p\n[^1]:\n\t- [ ] \n", UNREFERENCED_FOOTNOTE),
    "footnote-list-with-a-bare-marker": ("a[^1]\n\n[^1]:\n    - [ ] \n", FOOTNOTE_DEPTH),
    "referenced-footnote": ("a[^A]\n\n[^a]:\n    - [x] a\n", FOOTNOTE_DEPTH),
    "second-definition-of-a-label": (
        "a[^a]\n\n[^a]:\n    - [x] a\n[^a]:\n    - [ ] b\n",
        FOOTNOTE_DEPTH,
    ),
    "private-use-character": ("Intro\n\n- [ ] a \ue005\n", PRIVATE_USE),
}

CORPUS_FILES = {
    "adversarial/empty-items.md": BARE_MARKERS,
    "adversarial/footnotes.md": FOOTNOTE_DEPTH,
}
