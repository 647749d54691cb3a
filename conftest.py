"""Root pytest configuration: the README and the docs pages are collected as documents."""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser

# README.md and docs/ are in testpaths; every ```python example in them runs as a test.
pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser()],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],
).pytest()
