"""Suppressions and waivers: HTML comments that apply to the block right after them.

    <!-- archcheck: ignore AC201 -->            drop findings of AC201 (or any code prefix)
    <!-- archcheck: ignore AC201, AC3 -->
    <!-- archcheck: waive AC101 until=2026-12-31 reason="rotation booked for 12 Dec" -->

An open checklist item (AC101) can only be waived, never ignored: a waiver needs a reason and
an expiry date, an expired one is an error, and every waiver is listed in the output. A
directive that suppresses nothing is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact
from archcheck.prescan import PageScan
from archcheck.rule import Rule

RE_DIRECTIVE = re.compile(r"^<!--\s*archcheck:\s*(?P<body>.*?)\s*-->$", re.S)
RE_IGNORE = re.compile(r"^ignore\s+(?P<codes>AC\d{1,3}(?:\s*,\s*AC\d{1,3})*)$")
RE_WAIVE = re.compile(
    r"^waive\s+(?P<codes>AC1\d\d(?:\s*,\s*AC1\d\d)*)"
    r"(?=.*\buntil=(?P<until>\S+))(?=.*\breason=\"(?P<reason>[^\"]+)\")"
    r"(?:\s+(?:until=\S+|reason=\"[^\"]+\"))+$"
)


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
class Waiver:
    """A waiver as written, whether it has expired, and the open items it covers."""

    path: str
    line: int
    codes: tuple[str, ...]
    until: date
    reason: str
    expired: bool
    covers: tuple[Finding, ...]


def _parse(document: Document) -> Iterator[Directive | Finding]:
    for comment in document.comments:
        found = RE_DIRECTIVE.match(comment.body)
        if found is None:
            continue
        body = " ".join(found["body"].split())
        where = (document.path, comment.line, comment.column)
        ignore, waive = RE_IGNORE.match(body), RE_WAIVE.match(body)
        if ignore:
            codes = tuple(code.strip() for code in ignore["codes"].split(","))
            if any("AC101".startswith(code) for code in codes):
                yield BAD_DIRECTIVE.finding(
                    *where, "open items cannot be ignored: waive AC101 with until= and reason="
                )
                continue
            yield Directive("ignore", *where, codes, comment.next_block)
        elif waive:
            try:
                until = date.fromisoformat(waive["until"])
            except ValueError:
                yield BAD_DIRECTIVE.finding(
                    *where, f"until={waive['until']}: expected a date YYYY-MM-DD"
                )
                continue
            codes = tuple(code.strip() for code in waive["codes"].split(","))
            yield Directive("waive", *where, codes, comment.next_block, until, waive["reason"])
        else:
            expected = 'ignore CODE[, CODE] or waive AC101 until=YYYY-MM-DD reason="..."'
            yield BAD_DIRECTIVE.finding(
                *where, f"cannot read directive {body!r}: expected {expected}"
            )


def directives(document: Document) -> list[Directive]:
    return [d for d in _parse(document) if isinstance(d, Directive)]


def bad_directive(document: Document, config: Config) -> Iterator[Finding]:
    """An ``archcheck:`` comment must be a directive archcheck can read.

    See [suppressions and waivers](suppressions.md) for the two directives.

    Anti-pattern: a waiver without an expiry date:

    ```markdown
    <!-- archcheck: waive AC101 reason="later" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC002 cannot read directive 'waive AC101 reason="later"': expected ignore CODE[, CODE] or waive AC101 until=YYYY-MM-DD reason="..."
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Anti-pattern: ignoring an open item, which can only be waived:

    ```markdown
    <!-- archcheck: ignore AC101 -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC002 open items cannot be ignored: waive AC101 with until= and reason=
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Best practice: a waiver with a date and a reason:

    ```markdown
    <!-- archcheck: waive AC101 until=2031-06-30 reason="rotation booked for 20 June" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1: waiver AC101 until 2031-06-30 covers line 2: rotation booked for 20 June
    ```
    """  # noqa: E501
    for found in _parse(document):
        if isinstance(found, Finding):
            yield found


def expired_waiver(document: Document, config: Config) -> Iterator[Finding]:
    """A waiver past its ``until`` date no longer waives anything, and is an error itself.

    Anti-pattern: a waiver left in place after its date:

    ```markdown
    <!-- archcheck: waive AC101 until=2020-01-31 reason="rotation booked" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC103 waiver expired on 2020-01-31 (reason: rotation booked)
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    example.md:1: waiver AC101 EXPIRED 2020-01-31 covers nothing: rotation booked
    ```

    Best practice: do the work and tick the box (or renew the waiver with a new date and
    reason):

    ```markdown
    - [x] All production secrets rotated
    ```
    """
    return iter(())  # apply() reports it: only apply() knows the day being checked


def unused_suppression(document: Document, config: Config) -> Iterator[Finding]:
    """A suppression or waiver that covers no finding is stale and hides nothing: remove it.

    Anti-pattern: the typo it silenced was fixed long ago.

    ```markdown
    <!-- archcheck: ignore AC201 -->
    Deploy under policy `pol-5521-kx`.
    ```

    ```text
    example.md:1:1: AC001 [warning] suppression of AC201 covers no finding
    ```

    Best practice: a suppression only where a finding is intended, such as a retired value
    quoted on purpose:

    ```markdown
    <!-- archcheck: ignore AC201 -->
    The old policy `pol-5512-kx` was retired in 2030.
    ```
    """
    return iter(())


def apply(
    findings: Sequence[Finding], document: Document, today: date
) -> tuple[list[Finding], list[Waiver]]:
    """Findings left after the document's directives, plus the waivers, the expired ones (AC103,
    as of ``today``) and the directives that cover nothing (AC001)."""
    kept: list[Finding] = []
    used: dict[Directive, list[Finding]] = {d: [] for d in directives(document)}
    lapsed = [
        EXPIRED_WAIVER.finding(
            d.path,
            d.line,
            d.column,
            f"waiver expired on {d.until.isoformat()} (reason: {d.reason})",
        )
        for d in used
        if d.until is not None and d.until < today
    ]
    for finding in [*findings, *lapsed]:
        cover = next((d for d in used if d.covers(finding) and _may_drop(d, finding, today)), None)
        if cover is None:
            kept.append(finding)
        else:
            used[cover].append(finding)
    waivers: list[Waiver] = []
    for directive, covered in used.items():
        if directive.kind == "waive" and directive.until is not None:
            expired = directive.until < today
            waivers.append(
                Waiver(
                    directive.path,
                    directive.line,
                    directive.codes,
                    directive.until,
                    directive.reason,
                    expired,
                    tuple(covered),
                )
            )
        if not covered and not (
            directive.kind == "waive" and directive.until and directive.until < today
        ):
            what = "waiver" if directive.kind == "waive" else "suppression"
            message = f"{what} of {', '.join(directive.codes)} covers no finding"
            kept.append(
                UNUSED_SUPPRESSION.finding(
                    directive.path, directive.line, directive.column, message
                )
            )
    return kept, waivers


def _may_drop(directive: Directive, finding: Finding, today: date) -> bool:
    if directive.kind == "ignore":
        return finding.code != "AC101"
    return directive.until is not None and directive.until >= today


def relax(finding: Finding) -> Finding:
    """--allow-open: an open item becomes a warning (for preview builds)."""
    return replace(finding, severity=Severity.WARNING) if finding.code == "AC101" else finding


def has_directive(page: PageScan) -> bool:
    """A directive is an HTML comment that says ``archcheck``."""
    return page.mentions("archcheck")


# Directives apply to whatever any rule finds, so their comments are read wherever one may be.
DIRECTIVES = has_directive
COMMENTS: frozenset[Fact] = frozenset({"comments"})
UNUSED_SUPPRESSION = Rule(
    "AC001", "unused-suppression", Severity.WARNING, unused_suppression, reads=COMMENTS,
    trigger=has_directive,
)  # fmt: skip
BAD_DIRECTIVE = Rule(
    "AC002", "bad-directive", Severity.ERROR, bad_directive, reads=COMMENTS, trigger=has_directive
)
EXPIRED_WAIVER = Rule(
    "AC103", "expired-waiver", Severity.ERROR, expired_waiver, reads=COMMENTS,
    trigger=has_directive,
)  # fmt: skip
