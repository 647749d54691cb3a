"""A finding: one thing a rule found wrong, where, and how bad."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """An immutable record ``(code, path, line, column, message)`` plus the rule's name,
    severity and, where archcheck can tell, a suggested replacement."""

    code: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str
    suggestion: str | None = None
