"""Parsing: Markdown text -> Document, with one markdown-it-py pass."""

from archcheck.parsing.document import parse
from archcheck.parsing.markdown import NestingTooDeepError

__all__ = ["NestingTooDeepError", "parse"]
