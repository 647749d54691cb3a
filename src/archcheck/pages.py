"""`archcheck pages --out DIR`: the Release readiness and Rules pages as Markdown files, for a
builder that runs no MkDocs plugin (Zensical) or a site that keeps generated pages in git. Like
`archcheck report`, it exits 0 once the pages are written, whatever the verdict, and 2 when a
file could not be checked or a page could not be written; it never writes over a checked file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from archcheck.config import Config, ConfigError
from archcheck.engine import check
from archcheck.model import ChecklistItem, Render
from archcheck.printable import printable
from archcheck.report.command import files_read, refusal, replace
from archcheck.site_html.anchors import item_ids
from archcheck.site_html.generated import GENERATED, is_generated
from archcheck.site_html.readiness import render_readiness
from archcheck.site_html.rules_page import rules_markdown

READINESS, RULES = "release-readiness.md", "rules.md"


def add_pages_command(commands: Any) -> None:
    """Register `pages` on the CLI's subcommands (an argparse sub-parsers action)."""
    pages = commands.add_parser("pages", help="write the Release readiness and Rules pages")
    pages.add_argument("paths", nargs="*", help="files or folders (default: the docs folder)")
    pages.add_argument("--out", type=Path, required=True, help="the folder to write them to")
    pages.add_argument("--title", default="Release readiness", help="the readiness page's title")
    pages.add_argument("--config", type=Path, help="pyproject.toml or archcheck.toml to read")


def _complain(problem: object) -> None:
    print(f"archcheck: {printable(str(problem))}", file=sys.stderr)


def _anchors(items: tuple[ChecklistItem, ...]) -> dict[ChecklistItem, str]:
    """The ids the plugin and the Markdown extension give each page's shown items."""
    anchors: dict[ChecklistItem, str] = {}
    for path in dict.fromkeys(item.path for item in items):
        shown = [
            i
            for i in items
            if i.path == path and i.site in (Render.CHECKED, Render.UNCHECKED, None)
        ]
        anchors.update(zip(shown, item_ids(shown), strict=True))
    return anchors


def _ours(target: Path) -> bool:
    """Whether ``target`` is a page an earlier run wrote (checked, but as no note)."""
    try:
        with target.open(encoding="utf-8") as page:
            return is_generated(page.read(len(GENERATED) + 1))
    except (OSError, UnicodeDecodeError):
        return False


def run_pages(args: argparse.Namespace, config: Config) -> int:
    try:
        result = check(args.paths or None, config, nearest=args.config is None)
        read = files_read(result, config)
    except ConfigError as error:
        _complain(error)
        return 2
    out: Path = args.out
    pages = {
        out / READINESS: render_readiness(
            result,
            config,
            links={path: Path(os.path.relpath(path, out)).as_posix() for path in result.documents},
            anchors=_anchors(result.items),
            title=args.title,
            allow_open=False,
        ),
        out / RULES: rules_markdown(manual_links=False),
    }
    for problem in result.problems:
        _complain(problem)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _complain(f"{out}: cannot make the folder: {error.strerror or error}")
        return 2
    for target, text in pages.items():
        text = f"{GENERATED}\n\n{text}"
        refused = None if _ours(target) else refusal(target, read)
        if refused is not None:
            _complain(refused)
            return 2
        try:
            replace(target, text)
        except OSError as error:
            _complain(f"{target}: cannot write: {error.strerror or error}")
            return 2
    return 2 if result.problems else 0
