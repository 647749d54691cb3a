"""Parse-only baselines, each run in one process over every Markdown file of a tree:
`python -m bench.baselines markdown-it|cmark-gfm DOCS_DIR`.

markdown-it-py is configured as archcheck parses (CommonMark, tables, strikethrough, task lists,
footnotes, front matter); cmark-gfm (GitHub's C parser, via cmarkgfm) with the GFM extensions."""

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


def cmark_gfm_parser() -> Callable[[str], int]:
    from cmarkgfm import cmark  # type: ignore[import-untyped]

    cmark.core_extensions_ensure_registered()
    names = ("table", "strikethrough", "tasklist", "autolink", "tagfilter")
    extensions = [cmark.find_syntax_extension(name) for name in names]

    def parse(text: str) -> int:
        parser = cmark.parser_new(0)
        try:
            for extension in extensions:
                cmark.parser_attach_syntax_extension(parser, extension)
            cmark.parser_feed(parser, text)
            cmark.parser_finish(parser)
        finally:
            cmark.parser_free(parser)
        return 1

    return parse


PARSERS: dict[str, Callable[[], Callable[[str], int]]] = {
    "markdown-it": markdown_it_parser,
    "cmark-gfm": cmark_gfm_parser,
}


def main(argv: list[str]) -> int:
    name, docs = argv
    parse = PARSERS[name]()
    nodes = 0
    for path in sorted(Path(docs).rglob("*.md")):
        nodes += parse(path.read_text(encoding="utf-8", errors="replace"))
    print(f"{name}: {nodes} tokens or documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
