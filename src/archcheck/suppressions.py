"""Suppressions and waivers: HTML comments that apply to the block right after them.

    <!-- archcheck: ignore AC201 -->            drop findings of AC201 (or any code prefix)
    <!-- archcheck: ignore AC201, AC3 -->
    <!-- archcheck: waive AC101 until=2026-12-31 reason="rotation booked for 12 Dec" -->

The release gate's codes (config.GATE_CODES) can never be ignored; an open item (AC101) can be
waived, with exactly one reason and one expiry date no further ahead than waiver-horizon days.
Anything else is a directive archcheck cannot read (AC002), which waives nothing. An expired
waiver is an error, every waiver is listed in the output, and a directive that suppresses
nothing is reported too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from archcheck.config import GATE_CODES, Config
from archcheck.directives import Directive, Unreadable, read_directives
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact
from archcheck.prescan import PageScan
from archcheck.rule import Rule


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
    for found in read_directives(document):
        if isinstance(found, Unreadable):
            yield BAD_DIRECTIVE.finding(found.path, found.line, found.column, found.message)
        else:
            yield found


def directives(document: Document) -> list[Directive]:
    return [d for d in _parse(document) if isinstance(d, Directive)]


def bad_directive(document: Document, config: Config) -> Iterator[Finding]:
    """An ``archcheck:`` comment must be a directive archcheck can read.

    See [suppressions and waivers](suppressions.md) for the two directives. A waiver takes
    exactly one `until=YYYY-MM-DD`, a day at most `waiver-horizon` days ahead (90 unless the
    configuration says otherwise), and exactly one `reason="..."` that is not blank. A
    directive archcheck cannot read waives and ignores nothing.

    Anti-pattern: a waiver without an expiry date:

    ```markdown
    <!-- archcheck: waive AC101 reason="later" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC002 no until= given: expected exactly one until=YYYY-MM-DD
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Anti-pattern: a waiver years ahead, which ticks the box in all but name:

    ```markdown
    <!-- archcheck: waive AC101 until=2099-12-31 reason="later" -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC002 until=2099-12-31 is 25,050 days away: waivers may reach at most 90 days ahead (waiver-horizon)
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Anti-pattern: ignoring an open item, which can only be waived:

    ```markdown
    <!-- archcheck: ignore AC101 -->
    - [ ] All production secrets rotated
    ```

    ```text
    example.md:1:1: AC002 ignore AC101 covers AC101 open-checklist-item, which no directive may ignore: waive the item with <!-- archcheck: waive AC101 until=... reason="..." -->
    example.md:2:3: AC101 open checklist item: 'All production secrets rotated'
    ```

    Best practice: a waiver with a near date and a reason:

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
    findings: Sequence[Finding], document: Document, today: date, *, horizon: int
) -> tuple[list[Finding], list[Waiver]]:
    """Findings left after the document's directives, plus the waivers, the expired ones (AC103,
    as of ``today``), those reaching more than ``horizon`` days ahead (AC002: they waive
    nothing) and the directives that cover nothing (AC001)."""
    kept: list[Finding] = []
    used: dict[Directive, list[Finding]] = {}
    judged: list[Finding] = []  # what the directives themselves are found to be
    for d in directives(document):
        if d.until is not None and (d.until - today).days > horizon:
            message = _too_far(d.until, today, horizon)
            judged.append(BAD_DIRECTIVE.finding(d.path, d.line, d.column, message))
            continue
        used[d] = []
        if d.until is not None and d.until < today:
            message = f"waiver expired on {d.until.isoformat()} (reason: {d.reason})"
            judged.append(EXPIRED_WAIVER.finding(d.path, d.line, d.column, message))
    # The directives whose block holds each line, in page order: a finding is compared with
    # those only, not with every directive of the page (thousands of waivers stay linear).
    on_line: dict[int, list[Directive]] = {}
    for d in used:
        if d.scope is not None:
            for line in range(d.scope[0], d.scope[1] + 1):
                on_line.setdefault(line, []).append(d)
    for finding in [*findings, *judged]:
        near = on_line.get(finding.line, ())
        cover = next((d for d in near if d.covers(finding) and _may_drop(d, finding, today)), None)
        if cover is None:
            kept.append(finding)
        else:
            used[cover].append(finding)
    waivers: list[Waiver] = []
    for directive, covered in used.items():
        expired = directive.until is not None and directive.until < today
        if directive.kind == "waive" and directive.until is not None:
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
        if not covered and not expired:
            what = "waiver" if directive.kind == "waive" else "suppression"
            message = f"{what} of {', '.join(directive.codes)} covers no finding"
            kept.append(
                UNUSED_SUPPRESSION.finding(
                    directive.path, directive.line, directive.column, message
                )
            )
    return kept, waivers


def _too_far(until: date, today: date, horizon: int) -> str:
    return (
        f"until={until.isoformat()} is {(until - today).days:,} days away: waivers may reach at "
        f"most {horizon:,} day{'s' * (horizon != 1)} ahead (waiver-horizon)"
    )


def _may_drop(directive: Directive, finding: Finding, today: date) -> bool:
    if directive.kind == "ignore":
        return finding.code not in GATE_CODES
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
