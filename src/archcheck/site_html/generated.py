"""The mark of a page `archcheck pages` wrote. Such a page quotes the findings and the rules'
examples, which are no one's to fix there, so every door reads it as no note: checked as an
empty page, and given no banner."""

from __future__ import annotations

GENERATED = "<!-- Written by `archcheck pages`: not a note, and overwritten on the next run. -->"


def is_generated(text: str) -> bool:
    return text.removeprefix("\ufeff").startswith(GENERATED)
