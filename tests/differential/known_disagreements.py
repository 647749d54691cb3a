"""Where GitHub (cmark-gfm) and the site (Python-Markdown) show a corpus box differently.

Every line of the corpus where the two renderers show its boxes differently must be listed here,
and every line listed must still differ in exactly the stated way: test_corpus_parity.py fails on
an unlisted disagreement and on a stale entry, so a renderer upgrade that changes one is named.
These are the lines where archcheck's AC102 (renderer-disagreement) has something to say.

A view is ``"as-marked"`` (a box in the state of the line's marker), ``"checked"`` (a ticked box
whatever the marker says) or ``"not-a-box"``. Whatever the views, archcheck reports one item on
the line, done only when its marker is ``[x]``/``[X]`` and every renderer showing it ticks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RelativeView = Literal["as-marked", "checked", "not-a-box"]


@dataclass(frozen=True)
class RendererDifference:
    name: str
    github: RelativeView
    site: RelativeView
    why: str
    where: tuple[tuple[str, tuple[int, ...]], ...]


KNOWN_DIFFERENCES: tuple[RendererDifference, ...] = (
    RendererDifference(
        "block-quote",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm's tasklist extension makes no box inside a block quote, GitHub alerts "
        "included; Python-Markdown (pymdownx.quotes callouts for alerts) does",
        where=(
            ("adversarial/alerts.md", (4, 5, 10)),
            ("adversarial/block-quotes.md", (1, 2, 6, 8, 10, 14)),
            ("adversarial/nested-mixed.md", (12,)),
        ),
    ),
    RendererDifference(
        "list-glued-to-paragraph",
        github="as-marked",
        site="not-a-box",
        why="Python-Markdown needs a blank line before a list that follows a paragraph or a "
        "table (and reads a glued item's lazy lines as paragraph text); cmark-gfm does not",
        where=(
            ("adversarial/paragraph-then-list.md", (2, 3, 11, 12)),
            ("adversarial/crlf.md", (12,)),
            ("adversarial/tables.md", (11,)),
        ),
    ),
    RendererDifference(
        "later-x-checks-box",
        github="checked",
        site="as-marked",
        why="cmark-gfm ticks an open item when [x]/[X] appears anywhere on the marker's line "
        "(plain, link text, code span, HTML comment: tasklist.c uses strstr on the line); "
        "Python-Markdown reads the marker",
        where=(
            ("adversarial/trailing-marker.md", (1, 2, 3, 4, 5)),
            ("adversarial/code.md", (29,)),
            ("adversarial/html.md", (31,)),
        ),
    ),
    RendererDifference(
        "bom-first-line",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm makes no box on the first line after a byte-order mark; MkDocs reads "
        "pages as utf-8-sig, so the site never sees it",
        where=(("adversarial/bom.md", (1,)),),
    ),
    RendererDifference(
        "paren-ordered-list",
        github="as-marked",
        site="not-a-box",
        why="Python-Markdown knows only `1.` ordered lists, not `1)`",
        where=(("adversarial/bullets-and-ordered.md", (16, 17)),),
    ),
    RendererDifference(
        "tab-inside-brackets",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm wants a space between the brackets; pymdownx.tasklist accepts a tab",
        where=(("adversarial/tabs.md", (3,)),),
    ),
    RendererDifference(
        "setext-underline",
        github="as-marked",
        site="not-a-box",
        why="Python-Markdown reads `- [ ] x` followed by `---` as a setext heading",
        where=(("adversarial/setext-and-rules.md", (1,)),),
    ),
    RendererDifference(
        "indented-code-in-item",
        github="not-a-box",
        site="as-marked",
        why="six spaces after a loose item is indented code inside the item for cmark-gfm and a "
        "nested list for Python-Markdown's 4-space rule",
        where=(("adversarial/nesting.md", (22,)),),
    ),
    RendererDifference(
        "list-in-list-on-one-line",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm makes no box for `- - [ ] x` (an item whose first block is a list)",
        where=(("adversarial/not-markers.md", (23,)),),
    ),
    RendererDifference(
        "html-block-without-md-in-html",
        github="as-marked",
        site="not-a-box",
        why="after a blank line cmark-gfm parses Markdown again inside <div>/<details>; the "
        "site's mkdocs.yml does not load md_in_html, so the whole block stays raw HTML there",
        where=(("adversarial/html.md", (14, 25)),),
    ),
    RendererDifference(
        "footnote-lazy-list",
        github="as-marked",
        site="not-a-box",
        why="cmark-gfm starts a list in a footnote's indented continuation line; Python-Markdown "
        "keeps that line in the footnote's paragraph",
        where=(("adversarial/footnotes.md", (5,)),),
    ),
    RendererDifference(
        "empty-task-item-closes",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm's task marker leaves `- [ ] ` with no content, and an item may begin with "
        "at most one blank line: a blank line closes it, so the 4-space line after it is "
        "indented code; Python-Markdown nests it",
        where=(("adversarial/empty-items.md", (15,)),),
    ),
    RendererDifference(
        "unclosed-fence",
        github="not-a-box",
        site="as-marked",
        why="cmark-gfm runs an unclosed fence to the end of the document; pymdownx.superfences "
        "needs a closing fence and otherwise leaves the opening line as text",
        where=(("adversarial/unclosed-fence.md", (5, 6)),),
    ),
)


def expected_views() -> dict[tuple[str, int], RendererDifference]:
    """(corpus file, line) -> the difference that line is listed under."""
    table: dict[tuple[str, int], RendererDifference] = {}
    for difference in KNOWN_DIFFERENCES:
        for path, lines in difference.where:
            for line in lines:
                if (path, line) in table:
                    raise ValueError(f"{path}:{line} is listed twice")
                table[path, line] = difference
    return table
