"""MkDocs hook: the Rules page (archcheck/rules.md), rendered by archcheck.site_html.rules_page
from the rules' docstrings at build time, so the page cannot drift from the code."""

from __future__ import annotations

from typing import Any

from archcheck.site_html.rules_page import EXAMPLE_CONFIG as EXAMPLE_CONFIG
from archcheck.site_html.rules_page import EXAMPLE_TODAY as EXAMPLE_TODAY
from archcheck.site_html.rules_page import PAGE, RULE_SOURCES, rules_markdown


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    files.append(File.generated(config, PAGE, content=rules_markdown()))
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    # `mkdocs serve` rebuilds the page when a rule's docstring changes.
    server.watch(str(RULE_SOURCES / "rules"))
    server.watch(str(RULE_SOURCES / "suppressions.py"))
    return server
