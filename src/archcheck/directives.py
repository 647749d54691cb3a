"""Reading directives: the HTML comments that say ``archcheck:``, each an ignore, a waiver with
exactly one reason and one expiry date, or why it cannot be either. What they do to findings is
suppressions.py's to decide."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from archcheck.config import GATE_CODES
from archcheck.findings import Finding
from archcheck.model import Document

RE_DIRECTIVE = re.compile(r"^<!--\s*archcheck:\s*(?P<body>.*?)\s*-->$", re.S)
RE_IGNORE = re.compile(r"^ignore\s+(?P<codes>AC\d{1,3}(?:\s*,\s*AC\d{1,3})*)$")
# A waiver's terms are read as key=value, each value bare or in double quotes; which keys, how
# often and which values is checked afterwards, so that each mistake is named, never guessed at.
RE_WAIVE = re.compile(
    r"^waive\s+(?P<codes>AC1\d\d(?:\s*,\s*AC1\d\d)*)"
    r'(?P<terms>(?:\s+[^\s="]+=(?:"[^"]*"|[^\s"]+))*)$'
)
RE_TERM = re.compile(r'(?P<key>[^\s="]+)=(?P<value>"[^"]*"|[^\s"]+)')
RE_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # not the other forms fromisoformat takes
WAIVE = 'waive AC101 until=YYYY-MM-DD reason="..."'
TERMS = {"until": "until=YYYY-MM-DD", "reason": 'reason="..."'}


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str  # "ignore" or "waive"
    path: str
    line: int
    column: int
    codes: tuple[str, ...]
    scope: tuple[int, int] | None
    until: date | None = None
    reason: str = ""

    def covers(self, finding: Finding) -> bool:
        return (
            self.scope is not None
            and self.scope[0] <= finding.line <= self.scope[1]
            and finding.code.startswith(self.codes)
        )


@dataclass(frozen=True, slots=True)
class Unreadable:
    """An ``archcheck:`` comment that is no directive archcheck can apply, and why."""

    path: str
    line: int
    column: int
    message: str


def _waiver_terms(terms: str) -> tuple[date, str] | str:
    """A waiver's date and reason, or what is wrong with its terms."""
    given: dict[str, list[str]] = {}
    for term in RE_TERM.finditer(terms):
        given.setdefault(term["key"], []).append(term["value"])
    for key in (key for key in given if key not in TERMS):
        return f"unknown term {key}=: expected only {TERMS['until']} and {TERMS['reason']}"
    for key, shape in TERMS.items():
        if len(given.get(key, ())) != 1:
            count = len(given.get(key, ())) or "no"
            return f"{count} {key}= given: expected exactly one {shape}"
    (until,), (reason,) = given["until"], given["reason"]
    if not RE_DAY.fullmatch(until):
        return f"until={until}: expected a date YYYY-MM-DD"
    try:
        day = date.fromisoformat(until)
    except ValueError:
        return f"until={until}: expected a date YYYY-MM-DD, and there is no such day"
    if not reason.startswith('"'):
        return f"reason={reason}: expected the reason in double quotes, {TERMS['reason']}"
    if not reason.strip('" '):
        return f"reason={reason} is blank: expected a reason that says why the item may wait"
    return day, reason.strip('" ')


def _gate_ignored(codes: tuple[str, ...]) -> str | None:
    """Why a directive cannot ignore ``codes``: they cover a gate code. None if they do not."""
    covered = [code for code in GATE_CODES if code.startswith(codes)]
    if not covered:
        return None
    named = [f"{code} {GATE_CODES[code][0]}" for code in covered]
    listed = " and ".join([", ".join(named[:-1]), named[-1]] if len(named) > 1 else named)
    return (
        f"ignore {', '.join(codes)} covers {listed}, which no directive may ignore: "
        f"{GATE_CODES[covered[0]][1]}"
    )


def read_directives(document: Document) -> Iterator[Directive | Unreadable]:
    """Each ``archcheck:`` comment of the page, as a directive or as why it cannot be one."""
    for comment in document.comments:
        found = RE_DIRECTIVE.match(comment.body)
        if found is None:
            continue
        body = " ".join(found["body"].split())
        where = (document.path, comment.line, comment.column)
        ignore, waive = RE_IGNORE.match(body), RE_WAIVE.match(body)
        if ignore:
            codes = tuple(code.strip() for code in ignore["codes"].split(","))
            refused = _gate_ignored(codes)
            if refused:
                yield Unreadable(*where, refused)
            else:
                yield Directive("ignore", *where, codes, comment.next_block)
        elif waive:
            terms = _waiver_terms(waive["terms"])
            if isinstance(terms, str):
                yield Unreadable(*where, terms)
                continue
            codes = tuple(code.strip() for code in waive["codes"].split(","))
            yield Directive("waive", *where, codes, comment.next_block, *terms)
        else:
            yield Unreadable(
                *where, f"cannot read directive {body!r}: expected ignore CODE[, CODE] or {WAIVE}"
            )
