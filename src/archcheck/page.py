"""One page's verdict: every page rule run on its Document, then its directives applied. Pure, so
the pipeline runs it wherever it pays (a worker process, or not at all for a cached page)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from archcheck.config import Config
from archcheck.findings import Finding
from archcheck.model import ChecklistItem, Document
from archcheck.notes import read_note
from archcheck.rules import RULES
from archcheck.rules.tokens import TokenReference, references
from archcheck.sources import Problem
from archcheck.suppressions import Waiver, apply


@dataclass(frozen=True)
class PageResult:
    """What archcheck says about one page: for the MkDocs plugin and check()."""

    path: str
    document: Document
    findings: tuple[Finding, ...]
    waivers: tuple[Waiver, ...]
    tokens: tuple[TokenReference, ...]
    problems: tuple[Problem, ...] = ()  # what keeps the page from being read cleanly
    release: str | None = None  # the release the page belongs to (its own, or the project's)
    release_note: bool = True  # whether its boxes gate a release (config.release_notes)

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return self.document.checklist


def page_config(config: Config, text: str, path: str | None = None) -> Config:
    """The settings a page is judged by: ``config``, with what the page's front matter declares
    for itself (notes.py) on top, and whether it is a release note (a page ``release-notes``
    names, or one that declares its own settings; ``path`` None: one). Raises
    config.NoteError, which names the page's line, if those settings cannot be read."""
    if config.note is not None or not config.release_note:
        return config  # this page's own already (its note read, or no release note)
    note = read_note(text.removeprefix("\ufeff"))
    own = config.for_note(note)
    if note is None and path is not None and not config.is_release_note(Path(path)):
        return replace(own, release_note=False)
    return own


def check_document(document: Document, config: Config, today: date | None = None) -> PageResult:
    """Run every document rule on one parsed document and apply its directives. ``config``: the
    page's own (page_config)."""
    page_rules = [rule for rule in RULES if not rule.project and not rule.built]
    found = [f for rule in page_rules for f in rule.check(document, config)]  # type: ignore[arg-type]
    kept, waivers = apply(found, document, today or date.today(), horizon=config.waiver_horizon)
    # In page order, as findings are (a text run of a code block comes after the inline runs).
    # A page that is no release note mentions tokens, but does not use them.
    uses = references(document, config) if config.release_note else []
    tokens = tuple(sorted(uses, key=lambda r: (r.line, r.column)))
    release = config.release if config.release_note else None
    return PageResult(
        document.path,
        document,
        tuple(kept),
        tuple(waivers),
        tokens,
        release=release,
        release_note=config.release_note,
    )
