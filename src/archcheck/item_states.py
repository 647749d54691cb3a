"""What the gate makes of each checklist item: done, open, dropped (struck through wherever it
is shown) or waived (until a date). Every door
(the CLI's verdicts, the audit record, the plugin's banner and readiness page) reads it here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from archcheck.findings import Finding
from archcheck.model import ChecklistItem, ItemState
from archcheck.suppressions import Waiver


@dataclass(frozen=True, slots=True)
class ItemVerdict:
    """A checklist item and what the gate makes of it: ``done``, ``open``, ``dropped`` or
    ``waived`` (until a date)."""

    item: ChecklistItem
    state: str
    waiver: Waiver | None


def _open_finding(item: ChecklistItem, finding: Finding) -> bool:
    return finding.code == "AC101" and (finding.path, finding.line) == (item.path, item.line)


def item_states(items: Sequence[ChecklistItem], waivers: Sequence[Waiver]) -> list[ItemVerdict]:
    """What the gate makes of each item, in order."""
    states: list[ItemVerdict] = []
    for item in items:
        waiver = next((w for w in waivers if any(_open_finding(item, f) for f in w.covers)), None)
        if item.checked:
            state = "done"
        elif item.state is ItemState.DROPPED:
            state = "dropped"
        elif waiver is not None and not waiver.expired:
            state = "waived"
        else:  # fail closed: anything not ticked and not validly waived is open
            state = "open"
        states.append(ItemVerdict(item, state, waiver))
    return states
