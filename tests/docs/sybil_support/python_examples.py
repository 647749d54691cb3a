"""```python and ```pycon blocks, and the skip and clear-namespace directives that steer them.

A ```python block runs as code, or as a doctest session when it starts with ``>>>``; a ```pycon
block is always a session. In a session's output ``...`` stands for any text. A document's
examples share one namespace and run, in order, in a copy of the repository made for that
document, so they may write files.
"""

from __future__ import annotations

import contextlib
import doctest
from collections.abc import Iterable

from sybil import Document, Example, Region
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.evaluators.python import PythonEvaluator
from sybil.evaluators.skip import Skipper
from sybil.parsers.abstract import AbstractClearNamespaceParser, DocTestStringParser
from sybil.parsers.abstract.skip import SKIP_ARGUMENTS_PATTERN
from sybil.region import Lexeme
from sybil.typing import Evaluator

from tests.docs.sybil_support.markdown_blocks import read_blocks
from tests.docs.sybil_support.workspace import document_copy

SESSION_LANGUAGES = ("pycon",)


class InDocumentCopy:
    """Run an evaluator with the document's copy of the repository as the working directory."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    def __call__(self, example: Example) -> str | None:
        __tracebackhide__ = True
        with contextlib.chdir(document_copy(example.document)):
            return self.evaluator(example)

    def __repr__(self) -> str:
        return f"InDocumentCopy({self.evaluator!r})"


class PythonParser:
    """Python code blocks and doctest sessions."""

    def __init__(self) -> None:
        self.code = InDocumentCopy(PythonEvaluator())
        # "..." in a session's output stands for any text, as in the console transcripts.
        self.session = InDocumentCopy(DocTestEvaluator(doctest.ELLIPSIS))
        self.sessions = DocTestStringParser(self.session)  # type: ignore[arg-type]

    def __call__(self, document: Document) -> Iterable[Region]:
        for fence in read_blocks(document.text, document.path.endswith(".py")).fences:
            if fence.language not in ("python", *SESSION_LANGUAGES):
                continue
            if fence.directive and fence.directive.name == "file":
                continue
            if fence.language == "python" and not fence.content.lstrip().startswith(">>>"):
                source = Lexeme(
                    fence.content, offset=fence.content_start - fence.start, line_offset=0
                )
                yield Region(fence.start, fence.end, source, self.code)
                continue
            found = False
            for region in self.sessions(fence.content, document.path):
                region.start += fence.content_start
                region.end += fence.content_start
                found = True
                yield region
            if not found:
                raise ValueError(f"{document.path}:{fence.line}: a pycon block with no '>>>' line")


class DirectiveParser:
    """``<!-- skip: next "why" -->`` (or start/end) and ``<!-- clear-namespace -->``."""

    def __init__(self) -> None:
        self.skipper = Skipper("skip")

    def __call__(self, document: Document) -> Iterable[Region]:
        for directive in read_blocks(document.text, document.path.endswith(".py")).directives:
            if directive.name == "skip":
                arguments = SKIP_ARGUMENTS_PATTERN.match(directive.arguments or "")
                where = f"{document.path}:{directive.line}"
                if arguments is None:
                    raise ValueError(f"{where}: expected <!-- skip: next|start|end ... -->")
                if arguments[1] in ("next", "start") and not arguments[2]:
                    # Sybil counts a skip without a reason as a pass: say why, so it shows.
                    raise ValueError(f'{where}: say why: <!-- skip: {arguments[1]} "reason" -->')
                yield Region(directive.start, directive.end, arguments.groups(), self.skipper)
            elif directive.name == "clear-namespace":
                clear = AbstractClearNamespaceParser.evaluate
                yield Region(directive.start, directive.end, None, clear)
