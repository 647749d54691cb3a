"""A built page against archcheck's items for it: every box a reader sees is one archcheck names.

The site's boxes are read from the build (no source lines there, so they are compared as a
multiset of states); GitHub's from cmark-gfm with the line of each box's list item.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from archcheck_cli import Item, Report, describe_findings, describe_items
from real_renderers import GithubBox, built_page_boxes, github_boxes
from site_builds import SiteRun

SNIPPET = re.compile(r"""^\s*-+8<-+\s+["']([^"']+)["']""", re.MULTILINE)


def items_for(run: SiteRun, page: str) -> list[Item]:
    """archcheck's items for ``page``, with those it names by a snippet file the page includes."""
    included = {name.rsplit("/", 1)[-1] for name in SNIPPET.findall(run.source(page))}
    pages = set(run.pages())
    return [
        item
        for item in run.report.items
        if item["path"] == page
        or (item["path"] not in pages and item["path"].rsplit("/", 1)[-1] in included)
    ]


def _open_items_unreported(
    report: Report, items: list[Item], view: Literal["github", "site"]
) -> list[str]:
    """Items open in ``view`` that are not reported open, or have no AC101 at their line."""
    available = Counter((f["path"], f["line"]) for f in report.codes("AC101"))
    problems = []
    for item in items:
        if item[view] != "unchecked":
            continue
        where = (item["path"], item["line"])
        if item["checked"] or not available[where]:
            problems.append(
                f"{item['path']}:{item['line']}: {view} shows {item['text']!r} open, but archcheck "
                f"reports checked={item['checked']} and no AC101 finding at that line"
            )
        else:
            available[where] -= 1
    return problems


def site_view_problems(run: SiteRun, page: str) -> list[str]:
    """The built page's boxes, by state, are exactly archcheck's site-view items for it."""
    built = built_page_boxes(run.built_html(page))
    items = items_for(run, page)
    if any(item["site"] is None for item in items):
        return [f"{page}: archcheck says the page belongs to no MkDocs site (site is null)"]
    shown = [item for item in items if item["site"] != "not-a-box"]
    problems = []
    if Counter(built) != Counter(item["site"] for item in shown):
        problems.append(
            f"{page}: the built page shows {len(built)} box(es) {dict(Counter(built))} "
            f"(in order: {', '.join(built) or 'none'}), archcheck's site view has {len(shown)} "
            f"{dict(Counter(item['site'] for item in shown))}"
        )
    problems += _open_items_unreported(run.report, shown, "site")
    return problems


def _pair(boxes: list[GithubBox], items: list[Item]) -> list[Item | None]:
    """Each box with a distinct item at one of its lines in the same state (first fit)."""
    left = list(items)
    paired: list[Item | None] = []
    for box in boxes:
        match = next(
            (item for item in left if item["line"] in box.lines and item["github"] == box.state),
            None,
        )
        if match is not None:
            left.remove(match)
        paired.append(match)
    return paired


def github_view_problems(run: SiteRun, page: str) -> list[str]:
    """Every box cmark-gfm shows for the page's source is an item in GitHub's view, at the
    box's line and in its state; an open one is reported."""
    boxes = github_boxes(run.source(page))
    items = [i for i in run.report.items_of(page) if i["github"] != "not-a-box"]
    problems = []
    for box, item in zip(boxes, _pair(boxes, items), strict=True):
        if item is None:
            first, last = box.span
            problems.append(
                f"{page}:{box.lines[0]}: cmark-gfm shows a {box.state} box (list item at lines "
                f"{first}-{last}); archcheck has no {box.state} GitHub-view item at line(s) "
                f"{', '.join(map(str, box.lines))}"
            )
    if len(items) != len(boxes):
        problems.append(
            f"{page}: cmark-gfm shows {len(boxes)} box(es), archcheck's GitHub view has "
            f"{len(items)}"
        )
    problems += _open_items_unreported(run.report, items, "github")
    return problems


def explain(run: SiteRun, page: str, problems: list[str]) -> str:
    boxes = github_boxes(run.source(page))
    return "\n".join(
        [
            f"{run.name}: {page}",
            *(f"  {problem}" for problem in problems),
            f"  built page boxes, in order: {', '.join(built_page_boxes(run.built_html(page)))}",
            "  cmark-gfm boxes: "
            + (", ".join(f"{box.state} at line {box.lines[0]}" for box in boxes) or "none"),
            "  archcheck's items:",
            describe_items(items_for(run, page)),
        ]
    )


def unreported_disagreements(report: Report) -> list[str]:
    """Items one view shows open while another shows them ticked or not at all, without the
    AC102 finding that says so."""
    available = Counter((f["path"], f["line"]) for f in report.codes("AC102"))
    problems = []
    for item in report.items:
        views = {item["github"], item["site"]} - {None}
        if "unchecked" not in views or len(views) == 1:
            continue
        where = (item["path"], item["line"])
        if available[where]:
            available[where] -= 1
            continue
        problems.append(
            f"{item['path']}:{item['line']}: GitHub shows {item['github']}, the site shows "
            f"{item['site']} for {item['text']!r}, and no AC102 finding says so"
        )
    return problems


def ticked_site_complaints(report: Report, *, other_rules_clean: bool) -> list[str]:
    """Why a site with every box ticked does not pass the gate (empty when it does). With
    ``other_rules_clean`` the site's other rules have nothing to say either, so it exits 0."""
    complaints = []
    if blocking := report.codes("AC101", "AC102"):
        complaints.append(f"open-item findings remain:\n{describe_findings(blocking)}")
    if report.problems:
        complaints.append(f"archcheck had problems: {report.problems}")
    if report.exit_code not in ((0,) if other_rules_clean else (0, 1)):
        complaints.append(
            f"archcheck exited {report.exit_code}:\n{describe_findings(report.findings)}"
        )
    return complaints
