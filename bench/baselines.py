"""Baselines, each run in one process over every Markdown file of a tree:
`python -m bench.baselines markdown-it|cmark-gfm DOCS_DIR`.

markdown-it-py parses only, configured as a full parse would read the pages (CommonMark, tables,
strikethrough, task lists, footnotes, front matter); cmark-gfm (GitHub's C parser, via cmarkgfm)
parses and renders each page to HTML as GitHub shows it (GFM extensions and footnotes): the least
work a check that asks cmark-gfm what GitHub shows has to do."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def markdown_it_parser() -> Callable[[str], int]:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(tasklists_plugin)
    )
    return lambda text: len(md.parse(text))


def cmark_gfm_renderer() -> Callable[[str], int]:
    import cmarkgfm  # type: ignore[import-untyped]
    from cmarkgfm.cmark import Options  # type: ignore[import-untyped]

    # What GitHub does to show a page: the GFM extensions, footnotes, `<pre lang>` fences.
    options = Options.CMARK_OPT_FOOTNOTES

    def render(text: str) -> int:
        cmarkgfm.github_flavored_markdown_to_html(text, options=options)
        return 1

    return render


BASELINES: dict[str, Callable[[], Callable[[str], int]]] = {
    "markdown-it": markdown_it_parser,
    "cmark-gfm": cmark_gfm_renderer,
}


def main(argv: list[str]) -> int:
    name, docs = argv
    parse = BASELINES[name]()
    nodes = 0
    for path in sorted(Path(docs).rglob("*.md")):
        nodes += parse(path.read_text(encoding="utf-8", errors="replace"))
    print(f"{name}: {nodes} tokens or documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
