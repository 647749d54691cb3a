"""Root pytest configuration: every example in README.md, docs/ and the rules' docstrings runs.

The parsers live in tests/docs/sybil_support/ (test tooling the site does not publish).
"""

from __future__ import annotations

from sybil import Sybil

from tests.docs.sybil_support import DOCSTRINGS, DOCUMENTS, parsers

pytest_collect_file = Sybil(parsers=parsers(), patterns=[*DOCUMENTS, *DOCSTRINGS]).pytest()
