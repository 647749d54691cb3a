"""What a rule is: a plain function with a stable code, a kebab-case name and a severity."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact

DocumentCheck = Callable[[Document, Config], Iterable[Finding]]
ProjectCheck = Callable[[Sequence[Document], Config], Iterable[Finding]]
# A build rule reads a checked page and the boxes its built HTML shows (only a build has them).
BuildCheck = Callable[[Any, Any], Iterable[Finding]]
# Whether a page could hold the rule's finding, from its raw text (prescan.PageScan).
Trigger = Callable[[Any], bool]


@dataclass(frozen=True)
class Rule:
    """``check`` reads one document; a project rule (``project=True``) reads them all; a build
    rule (``built=True``) reads a page as the MkDocs plugin built it."""

    code: str
    name: str
    severity: Severity
    check: DocumentCheck | ProjectCheck | BuildCheck
    project: bool = False
    built: bool = False
    reads: frozenset[Fact] = frozenset()  # what it reads of a page (model.Fact)
    trigger: Trigger | None = None  # None: every page is read for it

    @property
    def doc(self) -> str:
        """The rule's documentation: its docstring without the source's indentation."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def finding(
        self, path: str, line: int, column: int, message: str, suggestion: str | None = None
    ) -> Finding:
        return Finding(self.code, self.name, self.severity, path, line, column, message, suggestion)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def closest(name: str, choices: list[str]) -> str | None:
    """The choice nearest to ``name``, if it is near enough to be what was meant."""
    scored = sorted((edit_distance(name, choice), choice) for choice in choices)
    return scored[0][1] if scored and scored[0][0] <= max(2, len(name) // 3) else None
