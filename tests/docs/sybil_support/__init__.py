"""Sybil parsers and evaluators that run the examples in docs/, README.md and the rule docstrings.

Test tooling, kept outside docs/ so the site never publishes it. The root conftest.py collects
with ``PARSERS``; tests/docs checks that no example escapes them.
"""

from __future__ import annotations

from sybil.typing import Parser

from tests.docs.sybil_support.console import ConsoleParser
from tests.docs.sybil_support.python_examples import DirectiveParser, PythonParser
from tests.docs.sybil_support.rule_examples import MarkdownExampleParser

# The documents read as Markdown, and the Python modules whose docstrings document the rules.
DOCUMENTS = ("README.md", "docs/*.md", "docs/**/*.md")
DOCSTRINGS = ("src/archcheck/rules/*.py", "src/archcheck/suppressions.py")


def parsers() -> list[Parser]:
    """A fresh set of parsers (the skip directive keeps state per parser)."""
    return [DirectiveParser(), PythonParser(), ConsoleParser(), MarkdownExampleParser()]


__all__ = ["DOCSTRINGS", "DOCUMENTS", "parsers"]
