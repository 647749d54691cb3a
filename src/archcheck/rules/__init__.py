"""The rule set: every rule archcheck runs, in code order. Codes are stable and never reused."""

from __future__ import annotations

from archcheck.rule import Rule
from archcheck.rules.checklist import DISAGREEMENT, MISSING_CHECKLIST, OPEN_ITEM, UNCOUNTED_BOX
from archcheck.rules.diagram import MISSING_NODE, UNDECLARED_NODE, UNREADABLE
from archcheck.rules.footnotes import DUPLICATE_FOOTNOTE, UNDEFINED_FOOTNOTE, UNUSED_FOOTNOTE
from archcheck.rules.tier_table import MISSING_ROW, UNDECLARED_TIER
from archcheck.rules.tokens import TOKEN_TYPO, UNUSED_NOTE_TOKEN, UNUSED_TOKEN
from archcheck.suppressions import BAD_DIRECTIVE, EXPIRED_WAIVER, UNUSED_SUPPRESSION

RULES: tuple[Rule, ...] = (
    UNUSED_SUPPRESSION,
    BAD_DIRECTIVE,
    OPEN_ITEM,
    DISAGREEMENT,
    EXPIRED_WAIVER,
    UNCOUNTED_BOX,
    MISSING_CHECKLIST,
    TOKEN_TYPO,
    UNUSED_TOKEN,
    UNUSED_NOTE_TOKEN,
    UNDEFINED_FOOTNOTE,
    UNUSED_FOOTNOTE,
    DUPLICATE_FOOTNOTE,
    UNREADABLE,
    MISSING_NODE,
    UNDECLARED_NODE,
    MISSING_ROW,
    UNDECLARED_TIER,
)

__all__ = ["RULES", "Rule"]
