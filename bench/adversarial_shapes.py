"""Pages built to be slow: each shape is a page of n repeats of one construct that a parser may
read again for every later line (an unclosed fence or comment, an open tag or bracket, deep
nesting, long lines). bench/adversarial.py times each at n, 2n, 4n and 8n."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Shape:
    name: str
    page: Callable[[int], str]  # the page of n repeats
    base: int  # n at 1x: the 8x page reads in a few seconds at most on the site
    # Why the site's view of this shape grows faster than its page, when a renderer archcheck
    # asks (and does not change) is the cause.
    renderer: str = ""


def _lines(line: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: "".join(line(i) for i in range(n))


PYTHON_MARKDOWN_INLINE = (
    "Python-Markdown's inline processor (markdown.treeprocessors.InlineProcessor) adds each "
    "piece of text after a stashed entity or code span to one string that grows (linkText)"
)
PYTHON_MARKDOWN_BLOCKS = (
    "Python-Markdown's block parser takes each block off the front of the list of those left "
    "(blocks.pop(0) in markdown.blockprocessors), moving the rest every time"
)
PYTHON_MARKDOWN_LINKS = (
    "Python-Markdown's link and reference patterns (markdown.inlinepatterns, "
    "LinkInlineProcessor.getText/getLink) read the rest of the paragraph again for every '['"
)
SHAPES: tuple[Shape, ...] = (
    Shape("fences-unclosed", lambda n: "```a\n" * n, 4000),  # one fence opened, never closed
    Shape("fences-pairs", lambda n: "```\n" * n, 1000),  # every line opens or closes one
    Shape("fences-mixed", lambda n: "```\n~~~\n" * n, 500),
    Shape("fences-in-items", lambda n: "- ```\n" * n, 1000),
    Shape("fence-marks-one-line", lambda n: "``` " * n, 4000, PYTHON_MARKDOWN_INLINE),
    Shape("comments-unclosed", lambda n: "<!--\n" * n, 4000),
    Shape("comments", lambda n: "<!-- x -->\n" * n, 2000, PYTHON_MARKDOWN_BLOCKS),
    Shape("directives", lambda n: "<!-- archcheck: ignore AC201 -->\ntext\n\n" * n, 500),
    Shape("html-blocks", lambda n: "<div>\n\n" * n, 4000),
    Shape(
        "html-open-tags",
        lambda n: "<a\n" * n,
        400,
        "Python's html.parser, which Python-Markdown's raw HTML reader (markdown.htmlparser) "
        "runs, reads the rest of the page again for every tag left open",
    ),
    Shape("list-items", lambda n: "- item\n" * n, 12500),  # 100,000 items at 8x
    Shape("task-items", lambda n: "- [ ] item\n" * n, 1000),
    Shape("task-items-with-html", lambda n: "- [ ] <b>item</b>\n" * n, 250),  # no line tags
    Shape("nested-lists", _lines(lambda i: "  " * (i % 32) + "- x\n"), 1000),
    Shape("nested-quotes", _lines(lambda i: "> " * (i % 32) + "x\n"), 1000),
    Shape("quote-markers-one-line", lambda n: ">" * n + " x\n", 1000),
    Shape("brackets", lambda n: "[" * n, 250, PYTHON_MARKDOWN_LINKS),
    Shape("link-openers", lambda n: "[a](" * n, 250, PYTHON_MARKDOWN_LINKS),
    Shape("emphasis-run", lambda n: "*" * n + "a", 8000),
    Shape("emphasis-mixed", lambda n: "*a _" * n, 2000),
    Shape("backtick-runs", lambda n: " ".join("`" * (1 + k % 64) for k in range(n)), 1000),
    Shape("table-wide", lambda n: "| a " * n + "|\n" + "|-" * n + "|\n" + "| b " * n + "|\n", 500),
    Shape("table-rows", lambda n: "| Tier | b |\n|---|---|\n" + "| x | y |\n" * n, 500),
    Shape("table-row-marks-one-line", lambda n: "-|" * n + "x\n", 8000),
    Shape(
        "footnotes",
        lambda n: (
            "".join(f"x[^{i}] " for i in range(n))
            + "\n\n"
            + "".join(f"[^{i}]: d\n" for i in range(n))
        ),
        250,
        "Python-Markdown's footnotes extension (markdown.extensions.footnotes) looks each "
        "reference up in the list of those referenced before it (addFootnoteRef, handleMatch)",
    ),
    Shape(
        "link-reference-definitions",
        lambda n: (
            "".join(f"[a{i}]: /u{i}\n" for i in range(n))
            + "\n"
            + "".join(f"[a{i}] " for i in range(n))
        ),
        1000,
    ),
    Shape(  # references only the site shows: GitHub reads an indented block as code
        "footnotes-in-admonitions",
        _lines(lambda i: f"!!! note\n\n    x[^{i}]\n\n[^{i}]: d\n\n"),
        500,
    ),
    Shape("long-line", lambda n: "word " * n, 8000),
    Shape("entities-in-a-paragraph", lambda n: "&amp;x\n" * n, 1000, PYTHON_MARKDOWN_INLINE),
    Shape(
        "mermaid-groups",
        lambda n: (
            "```mermaid\nflowchart LR\n"
            + " & ".join(f"a{i}" for i in range(n))
            + " --> "
            + " & ".join(f"b{i}" for i in range(n))
            + "\n```\n"
        ),
        500,
    ),
    Shape(  # diagrams only the site shows, each with a first line of its own
        "mermaid-in-admonitions",
        _lines(
            lambda i: (
                f"!!! note\n    ```mermaid\n    %% diagram {i}\n    flowchart LR\n"
                "    a --> b\n    ```\n\n"
            )
        ),
        200,
    ),
    Shape(
        "mermaid-diagrams",
        lambda n: "```mermaid\nflowchart LR\na --> b\n```\n\n" * n,
        500,
        "pymdownx.superfences builds the list of the page's lines anew for every fenced block "
        "it puts back (SuperFencesBlockPreprocessor.reassemble)",
    ),
)
