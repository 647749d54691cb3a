"""Stable ids for checklist items, so the banner and the readiness page can link to each one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from archcheck.model import ChecklistItem

PREFIX = "gate-"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def item_ids(items: Iterable[ChecklistItem]) -> tuple[str, ...]:
    """One id per item, from its text (``gate-all-production-secrets-rotated``), unique per page.

    Text rather than line number, so a link keeps working when lines above the item move.
    """
    ids: list[str] = []
    for item in items:
        slug = _NOT_SLUG.sub("-", item.text.lower()).strip("-")[:60].rstrip("-") or "item"
        anchor, n = PREFIX + slug, 1
        while anchor in ids:
            n += 1
            anchor = f"{PREFIX}{slug}-{n}"
        ids.append(anchor)
    return tuple(ids)
