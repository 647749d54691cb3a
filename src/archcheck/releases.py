"""One verdict per release: the pages that declare a release (a note's own, or the project's
``release`` token) are judged together, and each release is green or red on its own, so one
note's open item does not hold another note's release.

A finding outside every page (the configuration's, such as an unused token) and a problem
(a page that could not be read) hold every release: what cannot be placed fails closed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from archcheck.findings import Finding, Severity
from archcheck.item_states import ItemVerdict

GATE_ITEM_CODE = "AC101"


@dataclass(frozen=True)
class ReleaseVerdict:
    """``release`` is None for the pages that belong to no release."""

    release: str | None
    pages: tuple[str, ...]
    items: tuple[ItemVerdict, ...]
    findings: tuple[Finding, ...]
    problems: int = 0

    def count(self, state: str) -> int:
        return sum(s.state == state for s in self.items)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def green(self) -> bool:
        return not self.errors and not self.problems

    @property
    def name(self) -> str:
        return f"release {self.release}" if self.release else "pages of no release"

    def reasons(self) -> str:
        """What the verdict rests on, its causes first: ``1 of 2 items open, 1 other error
        (AC201 token-typo)``, or ``1 error (AC201 token-typo), all 2 items done``."""
        parts = [self._items()]
        others = [f for f in self.errors if f.code != GATE_ITEM_CODE]
        if others:
            counts = Counter(f"{f.code} {f.name}" for f in others)
            named = ", ".join(f"{c} x{n}" if n > 1 else c for c, n in sorted(counts.items()))
            noun = "other error" if self.count("open") else "error"
            parts.append(f"{_count(len(others), noun)} ({named})")
        if self.problems:
            parts.append(f"{_count(self.problems, 'file')} could not be checked")
        if not self.count("open") and len(parts) > 1:  # red for another reason: say it first
            parts = [*parts[1:], parts[0]]
        return ", ".join(parts)

    def _items(self) -> str:
        """``all 2 items done``, ``1 of 2 items open``, ``1 of 2 items done, 1 waived``."""
        total = len(self.items)
        if not total:
            return "no checklist items"
        still_open, waived = self.count("open"), self.count("waived")
        if still_open:
            said = f"{still_open} of {_count(total, 'item')} open"
        elif waived or self.count("dropped"):
            said = f"{self.count('done')} of {_count(total, 'item')} done"
        else:
            return "1 item done" if total == 1 else f"all {total} items done"
        if waived:
            said += f", {waived} waived"
        if self.count("dropped"):
            said += f", {self.count('dropped')} dropped"
        return said

    def headline(self) -> str:
        """``release pay-2031-07: red, 1 of 2 items open``."""
        state = "red" if not self.green else "green"
        if self.green and self.count("open"):  # only --allow-open lets an open item through
            state = "green as a preview (open items allowed)"
        return f"{self.name}: {state}, {self.reasons()}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def release_verdicts(
    page_releases: tuple[tuple[str, str | None], ...],
    items: tuple[ItemVerdict, ...],
    findings: tuple[Finding, ...],
    problems: int,
) -> tuple[ReleaseVerdict, ...]:
    """One verdict per release the pages declare, in release order (the pages of no release
    last); a single verdict, of no release, when no page declares one."""
    release_of = dict(page_releases)
    names = sorted({r for r in release_of.values() if r is not None})
    groups: list[str | None] = [*names]
    if not names or None in release_of.values():
        groups.append(None)
    verdicts = []
    for release in groups:
        pages = tuple(path for path, r in page_releases if r == release)
        verdicts.append(
            ReleaseVerdict(
                release,
                pages,
                tuple(s for s in items if release_of.get(s.item.path) == release),
                tuple(
                    f for f in findings if f.path not in release_of or release_of[f.path] == release
                ),
                problems,
            )
        )
    return tuple(verdicts)
