"""The gate's promise for one page: every open box a real renderer shows has an AC101 finding.

The open boxes come from the renderers (real_renderers.py); an open box cmark-gfm shows and one
the site shows on the same source line are one item, so they share a finding. A finding at line 1
stands for an item whose line archcheck does not know.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from archcheck_cli import Report, describe_items
from real_renderers import GithubBox, SiteMarkdown, github_boxes, source_lines

UNKNOWN_LINE = 1


@dataclass(frozen=True)
class OpenBox:
    """An open item some renderer shows: the lines a finding may name, and who shows it."""

    lines: tuple[int, ...]
    shown_by: tuple[str, ...]

    def where(self) -> str:
        return f"line {self.lines[0]}" if self.lines else "an unknown line"


def _github_says(box: GithubBox) -> str:
    first, last = box.span
    span = f"line {first}" if first == last else f"lines {first}-{last}"
    return f"GitHub (cmark-gfm) shows an open box in the list item at {span}"


def open_boxes(github: list[GithubBox], site_lines: Counter[int]) -> list[OpenBox]:
    """One entry per open item: GitHub's open boxes, merged with the site's on the same line."""
    merged: list[OpenBox] = []
    site_left = Counter(site_lines)
    for box in github:
        if box.state != "unchecked":
            continue
        says = [_github_says(box)]
        shared = next((line for line in box.lines if site_left[line]), None)
        if shared is not None:
            site_left[shared] -= 1
            says.append(f"the site shows an open box written on line {shared}")
        merged.append(OpenBox(box.lines, tuple(says)))
    for line, count in sorted(site_left.items()):
        says = (f"the site (Python-Markdown) shows an open box written on line {line}",)
        merged.extend(OpenBox((line,), says) for _ in range(count))
    return merged


def _match(boxes: list[OpenBox], finding_lines: list[int]) -> list[int | None]:
    """A largest pairing of boxes with distinct findings (augmenting paths; pages are small)."""
    owner: dict[int, int] = {}

    def acceptable(box: OpenBox) -> list[int]:
        exact = [i for i, line in enumerate(finding_lines) if line in box.lines]
        fallback = [i for i, line in enumerate(finding_lines) if line == UNKNOWN_LINE]
        return list(dict.fromkeys(exact + fallback))

    def assign(index: int, seen: set[int]) -> bool:
        for finding in acceptable(boxes[index]):
            if finding in seen:
                continue
            seen.add(finding)
            if finding not in owner or assign(owner[finding], seen):
                owner[finding] = index
                return True
        return False

    for index in range(len(boxes)):
        assign(index, set())
    paired: list[int | None] = [None] * len(boxes)
    for finding, index in owner.items():
        paired[index] = finding
    return paired


def numbered_source(text: str) -> str:
    return "\n".join(
        f"    {number:3} | {line!r}"[:140] for number, line in enumerate(source_lines(text), 1)
    )


@dataclass(frozen=True)
class RenderedPage:
    """What both renderers show for one page: GitHub's boxes, and the site's open boxes by the
    source line whose marker they come from (``site_unlocated``: those no line accounts for)."""

    text: str
    github: list[GithubBox]
    site: list[str]
    site_lines: Counter[int]
    site_unlocated: int

    @classmethod
    def of(cls, text: str, site: SiteMarkdown) -> RenderedPage:
        lines, unlocated = site.open_box_lines(text)
        return cls(text, github_boxes(text), list(site.boxes(text)), lines, unlocated)


def missed_open_boxes(page: RenderedPage, path: str, report: Report) -> str | None:
    """None when archcheck reports every open box both renderers show for ``page`` (named
    ``path``); otherwise a diff naming page, line, each renderer's view and archcheck's."""
    boxes = open_boxes(page.github, page.site_lines)
    findings = report.open_findings(path)
    lines = [finding["line"] for finding in findings]
    paired = _match(boxes, lines)
    missed = [box for box, finding in zip(boxes, paired, strict=True) if finding is None]
    # A site box no line accounts for may be any GitHub box the site did not also show.
    github_only = sum(1 for box in boxes if len(box.shown_by) == 1 and "GitHub" in box.shown_by[0])
    spare = len(findings) - sum(finding is not None for finding in paired)
    unaccounted = max(0, page.site_unlocated - github_only - spare)
    if not missed and not unaccounted:
        return None
    problems = [
        f"{path}: {box.where()}: {'; '.join(box.shown_by)}; archcheck reports no open item "
        "(AC101) there"
        for box in missed
    ]
    if unaccounted:
        problems.append(
            f"{path}: the site shows {page.site_unlocated} open box(es) no source line accounts "
            f"for, and archcheck's AC101 findings leave {unaccounted} of them unreported"
        )
    shown_github = ", ".join(f"{box.state} at {box.lines}" for box in page.github) or "none"
    return "\n".join(
        [
            *problems,
            f"  GitHub (cmark-gfm) boxes, by item lines: {shown_github}",
            f"  site (Python-Markdown) boxes, in order: {', '.join(page.site) or 'none'}; open "
            f"ones by line: {dict(page.site_lines)}, on no line: {page.site_unlocated}",
            f"  AC101 findings on this page at lines: {sorted(lines)}",
            "  archcheck's items on this page:",
            describe_items(report.items_of(path)),
            "  page source:",
            numbered_source(page.text),
        ]
    )
