"""The pre-scan's promise, checked on generated Markdown: a page it clears gives no finding, no
checklist item, no token reference, no waiver and no problem when fully parsed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archcheck.config import Config
from archcheck.document import read_document as parse
from archcheck.engine import check_document
from archcheck.prescan import prescan_for
from tests.perf.tricky_pages import COMPONENTS, TOKENS

CONFIG = Config(root=Path(), tokens=TOKENS, components=COMPONENTS)

# Pieces of tokens, markers and markup that a pre-scan could be fooled by when they combine.
FRAGMENTS = [
    "dw7txd0yf",
    "-0-",
    "qmvgmw",
    "dggll6o4xq",
    "-t",
    "DGGLL6O4XQ-T",
    "api-g",
    "API",
    "-G",
    "&#100;",
    "&#x64;",
    "&amp;",
    "&#45;",
    "\\-",
    "\\",
    "%64",
    "<https://x.example/",
    ">",
    "`",
    "*",
    "_",
    "~~",
    "[",
    "]",
    "^",
    "(u)",
    "|",
    "---",
    "Tier",
    "T",
    "ier",
    "mermaid",
    "```",
    "~~~",
    "flowchart LR",
    "edge-bdxib --> api-g",
    "<!--",
    "-->",
    "archcheck:",
    "ignore AC201",
    "x",
    "X",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "> ",
    "- ",
    "1. ",
    "    ",
    "words and more words",
]


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_a_page_the_pre_scan_clears_holds_nothing(text: str) -> None:
    if prescan_for(CONFIG).could_hold_finding(text):
        return
    try:
        page = check_document(parse(text, "page.md"), CONFIG, date(2026, 1, 1))
    except RecursionError as error:  # pragma: no cover - a failure
        raise AssertionError(f"cleared page cannot be parsed: {error!r}") from error
    assert page.findings == ()
    assert page.items == ()
    assert page.tokens == ()
    assert page.waivers == ()
