"""archcheck's checklist against GitHub (cmark-gfm) and the site (Python-Markdown) on the corpus.

Each corpus file is one test; a failure lists every problem as ``corpus-file:line: what``.
Lines where the renderers disagree must be listed in known_disagreements.py, and each entry there
must still hold, so a renderer change cannot slip through unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from comparison import Comparison, checklist, compare
from known_disagreements import KNOWN_DIFFERENCES, RelativeView, expected_views
from oracles import View
from parity_run import PARITY_STATS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = Path(__file__).resolve().parents[2] / "docs"
FILES = sorted(
    p.relative_to(CORPUS).as_posix()
    for folder in ("spec", "adversarial")
    for p in (CORPUS / folder).glob("*.md")
)
KNOWN = expected_views()
# Corpus files archcheck still gets wrong, expected to fail (strict: a fix fails the run, so the
# entry goes); test_found_cases.py pins each defect on a minimal document.
DEFECTIVE: dict[str, str] = {}
CORPUS_FILES = [
    pytest.param(
        path,
        id=path,
        marks=[pytest.mark.xfail(strict=True, reason=DEFECTIVE[path])] if path in DEFECTIVE else [],
    )
    for path in FILES
]


def resolve(view: RelativeView, marker_checked: bool | None) -> tuple[View, ...]:
    if view == "as-marked":
        return ("checked" if marker_checked else "unchecked",)
    return (view,)


def check_disagreements(path: str, result: Comparison) -> list[str]:
    """Every renderer disagreement in this file is a listed one, and every listed one happens."""
    problems: list[str] = []
    seen_at = {seen.line: seen for seen in result.seen}
    for seen in result.disagreements:
        if (path, seen.line) not in KNOWN:
            problems.append(
                f"{path}:{seen.line}: renderers disagree (GitHub {seen.github}, site {seen.site}) "
                "and known_disagreements.py does not list it"
            )
    for (listed_path, line), difference in KNOWN.items():
        if listed_path != path:
            continue
        seen = seen_at.get(line)
        if seen is None:
            problems.append(f"{path}:{line}: listed as {difference.name}; no renderer shows a box")
            continue
        expected = (
            resolve(difference.github, seen.marker_checked),
            resolve(difference.site, seen.marker_checked),
        )
        if (seen.github, seen.site) != expected:
            problems.append(
                f"{path}:{line}: listed as {difference.name} (GitHub {expected[0]}, site "
                f"{expected[1]}) but the renderers show GitHub {seen.github}, site {seen.site}"
            )
    return problems


@pytest.mark.parametrize("path", CORPUS_FILES)
def test_checklist_matches_both_renderers(path: str) -> None:
    text = (CORPUS / path).read_bytes().decode("utf-8")
    result = compare(path, text, checklist(text, path))
    problems = result.problems_of() + check_disagreements(path, result)
    if result.unplaced_site_boxes:
        # Every task box of the corpus is written on a line; only a raw HTML checkbox is not.
        problems.append(f"{path}: no marker turns {result.unplaced_site_boxes} site box(es) over")
    PARITY_STATS["corpus files"] += 1
    PARITY_STATS["corpus items compared"] += result.items
    PARITY_STATS["corpus GitHub boxes"] += result.github_boxes
    PARITY_STATS["corpus site boxes"] += result.site_boxes
    PARITY_STATS["corpus renderer disagreements"] += len(result.disagreements)
    assert not problems, "\n".join(problems)


def test_known_disagreements_name_corpus_files() -> None:
    listed = {path for difference in KNOWN_DIFFERENCES for path, _ in difference.where}
    assert listed <= set(FILES), sorted(listed - set(FILES))


def test_the_corpus_has_boxes_in_every_renderer_view() -> None:
    # The corpus must exercise what the rule is about: boxes both renderers show, and boxes only
    # one of them shows, open and done.
    views = {(d.github, d.site) for d in KNOWN_DIFFERENCES}
    assert ("not-a-box", "as-marked") in views
    assert ("as-marked", "not-a-box") in views
    assert ("checked", "as-marked") in views


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_site_pages_show_every_item_as_github_does(page: str) -> None:
    # The site exists to render the note exactly as GitHub does: on its own pages a checklist
    # item that the two renderers show differently is a defect of the page, not a parity note.
    text = (DOCS / page).read_bytes().decode("utf-8")
    result = compare(f"docs/{page}", text, checklist(text, f"docs/{page}"))
    PARITY_STATS["site pages compared"] += 1
    PARITY_STATS["site page items compared"] += result.items
    problems = result.problems_of() + [
        f"docs/{page}:{seen.line}: GitHub shows {seen.github}, the site {seen.site}"
        for seen in result.disagreements
    ]
    assert not problems, "\n".join(problems)
