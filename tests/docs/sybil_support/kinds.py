"""What kind of example a Sybil region holds, for counting and for messages."""

from __future__ import annotations

import doctest

from sybil import Region

from tests.docs.sybil_support.console import Transcript
from tests.docs.sybil_support.rule_examples import MarkdownExample

KINDS = ("python", "doctest", "console", "markdown", "directive")


def kind(region: Region) -> str:
    parsed = region.parsed
    if isinstance(parsed, Transcript):
        return "console"
    if isinstance(parsed, MarkdownExample):
        return "markdown"
    if isinstance(parsed, doctest.Example):
        return "doctest"
    return "python" if isinstance(parsed, str) else "directive"
