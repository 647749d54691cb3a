"""`archcheck parity SITE_DIR`: AC104 for a site built without the archcheck plugin.

A builder that runs no MkDocs plugin (Zensical ignores them) cannot compare what it shows with
what the gate counted, so this command does it afterwards, from the HTML the build wrote: each
page the gate checks (the pages of `archcheck check`) is found where MkDocs names its output,
and the checkboxes its HTML shows are compared with the gate's by the AC104 rule itself. An
HTML file with boxes that no checked page was built to is a finding too: the gate cannot vouch
for it. Exit 0 clean, 1 findings, 2 when a page's HTML is missing or a file cannot be read.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from archcheck.config import Config, ConfigError
from archcheck.engine import CheckResult, PageResult, check
from archcheck.findings import Finding
from archcheck.formats import FORMATS
from archcheck.model import ChecklistItem, Document, Render
from archcheck.printable import printable
from archcheck.rules.checklist import uncounted_box
from archcheck.sources import Problem
from archcheck.views.built_page import Boxes, count_boxes
from archcheck.views.site_of import configured_site

# Material's and Zensical's drawer, search, navigation and table-of-contents switches are
# checkboxes of class md-toggle that the theme's CSS never shows: they are the theme's, on every
# page, and no claim about the page. Every other checkbox in a file counts, wherever it is.
_THEME_CONTROL = re.compile(
    r"""<input\b[^>]*\bclass\s*=\s*["'][^"']*\bmd-toggle\b[^"']*["'][^>]*>""", re.IGNORECASE
)
UNCLAIMED = "; no page the gate checked is built to this file"


def add_parity_command(commands: Any) -> None:
    """Register `parity` on the CLI's subcommands (an argparse sub-parsers action)."""
    parity = commands.add_parser(
        "parity", help="compare a built site's checkboxes with the ones the gate counted"
    )
    parity.add_argument("site_dir", metavar="SITE_DIR", help="the folder the site was built to")
    parity.add_argument("--format", choices=sorted(FORMATS), default="text")
    parity.add_argument("--config", type=Path, help="pyproject.toml or archcheck.toml to read")


def _complain(problem: object) -> None:
    # printable(): a problem names a file, whose name may hold a line break (see printable.py).
    print(f"archcheck: {printable(str(problem))}", file=sys.stderr)


def shown_boxes(html: str) -> Boxes:
    """The checkboxes a built HTML file shows a reader: all of them but the theme's switches."""
    return count_boxes(_THEME_CONTROL.sub("", html))


def counted_page(path: str, items: Sequence[ChecklistItem]) -> PageResult:
    """A page as AC104 reads it: its path and the checklist the gate read (AC104 reads nothing
    else of a page, so the rest of the document is left empty)."""
    document = Document(path, 0, tuple(items), (), (), (), (), (), (), ())
    return PageResult(path, document, (), (), ())


def _output_names(config: Config) -> tuple[list[Path], bool]:
    """The folders pages are named from (the site's docs_dir, else the docs folders) and the
    site's use_directory_urls (MkDocs' default, true, without a site)."""
    site = configured_site(config)
    if site is None:
        return [(config.root / folder).resolve() for folder in config.docs], True
    directory_urls = True if site.loaded is None else bool(site.loaded["use_directory_urls"])
    return [site.docs_dir], directory_urls


def _source_uri(shown: str, folders: Sequence[Path]) -> str | None:
    """The page's path inside its docs folder, with ``/``; None outside every one. A page in a
    folder linked into the docs folder is named by the link, as MkDocs names it."""
    here = Path.cwd()
    for where in (Path(os.path.normpath(here / shown)), (here / shown).resolve()):
        for folder in folders:
            if where.is_relative_to(folder):
                return where.relative_to(folder).as_posix()
    return None


def _read(path: Path, shown: str) -> str | Problem:
    try:
        # MkDocs writes UTF-8; a stray byte cannot hide a tag, so it is read as U+FFFD.
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return Problem(shown, f"cannot read: {error.strerror or error}")


@dataclasses.dataclass
class Comparison:
    """What parity found: AC104 findings, problems, and the boxes shown and counted."""

    findings: list[Finding] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)
    shown: int = 0
    counted: int = 0

    def judge(self, page: PageResult, html: str, unclaimed: bool = False) -> None:
        boxes = shown_boxes(html)
        self.shown += boxes.total
        # For the summary only: whether the page's boxes match is uncounted_box's to say.
        self.counted += sum(i.site in (Render.CHECKED, Render.UNCHECKED) for i in page.items)
        for finding in uncounted_box(page, boxes):
            message = finding.message + (UNCLAIMED if unclaimed else "")
            self.findings.append(dataclasses.replace(finding, message=message))


def compare(result: CheckResult, config: Config, site_dir: Path) -> Comparison:
    """Each checked page of ``result`` against its HTML in ``site_dir``, then every other HTML
    file there. Raises ConfigError when the site's mkdocs.yml cannot be loaded."""
    from mkdocs.structure.files import File  # MkDocs names the outputs, as it does in a build

    folders, directory_urls = _output_names(config)
    items: dict[str, list[ChecklistItem]] = {}
    for item in result.items:
        items.setdefault(item.path, []).append(item)
    done = Comparison(problems=list(result.problems))
    claimed: set[Path] = set()
    for shown in result.documents:
        uri = _source_uri(shown, folders)
        if uri is None:
            where = ", ".join(str(folder) for folder in folders)
            done.problems.append(Problem(shown, f"is in no docs folder ({where}) to name it from"))
            continue
        html = site_dir / File(uri, None, str(site_dir), directory_urls).dest_uri
        claimed.add(html.resolve())
        if not html.is_file():
            done.problems.append(Problem(shown, f"no built page in {site_dir}: expected {html}"))
            continue
        text = _read(html, str(html))
        if isinstance(text, Problem):
            done.problems.append(text)
        else:
            done.judge(counted_page(shown, items.get(shown, [])), text)
    for html in _html_files(site_dir):
        if html.resolve() not in claimed:
            text = _read(html, str(html))
            if isinstance(text, Problem):
                done.problems.append(text)
            else:
                done.judge(counted_page(str(html), ()), text, unclaimed=True)
    return done


def _html_files(site_dir: Path) -> Iterator[Path]:
    # Theme files such as 404.html and a search page are judged as any other: the theme's
    # switches aside they show no box, and a box in one is a box the gate never counted.
    for folder, _, names in sorted(os.walk(site_dir)):
        for name in sorted(names):
            if name.lower().endswith(".html"):
                yield Path(folder, name)


def summary(pages: int, site_dir: str, done: Comparison) -> str:
    """``compared 10 pages with site/: 2 boxes shown, 2 counted``."""
    compared = f"compared {pages} page{'' if pages == 1 else 's'} with {site_dir}"
    boxes = "box" if done.shown == 1 else "boxes"
    return f"{compared}: {done.shown} {boxes} shown, {done.counted} counted"


def run_parity(args: argparse.Namespace, config: Config) -> int:
    site_dir = Path(args.site_dir)
    if not site_dir.is_dir():
        what = "is not a folder" if os.path.lexists(site_dir) else "no such folder"
        _complain(f"{args.site_dir}: {what}; expected the folder the site was built to")
        return 2
    try:
        result = check(None, config, nearest=args.config is None)
        done = compare(result, config, site_dir)
    except ConfigError as error:
        _complain(error)
        return 2
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("mkdocs"):
            raise
        # Without the site extra there is nothing to name the built pages by.
        _complain('archcheck parity needs MkDocs: pip install "archcheck-docs[site]"')
        return 2
    findings = sorted(done.findings, key=lambda f: (f.path, f.line, f.column))
    verdict = CheckResult(
        findings=tuple(findings), problems=tuple(done.problems), documents=result.documents
    )
    # The text layout of `check` is the findings alone, which is all parity prints.
    sys.stdout.write(FORMATS[args.format](verdict, "check" if args.format == "text" else "parity"))
    for problem in done.problems:
        _complain(problem)
    if args.format == "text" and not done.problems:  # a run that could not read all decided nothing
        shown = printable(f"{os.path.normpath(args.site_dir)}/")
        print(summary(len(result.documents), shown, done), file=sys.stderr)
    return verdict.exit_code
