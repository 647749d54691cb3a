"""`archcheck report --format json|markdown [-o FILE] [paths]`: write the release audit record.

The verdict is recorded, not enforced: the command exits 0 once the report is written, whatever
it says (`archcheck check` is the gate), and 2 when it could not check every file or could not
write the report. It never writes over a file it checked or the configuration.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from archcheck.config import Config, ConfigError
from archcheck.engine import CheckResult, check
from archcheck.formats.json import dumps
from archcheck.printable import printable
from archcheck.report.markdown import render_markdown
from archcheck.report.record import build_report
from archcheck.views.site_of import site_file


def render_json(report: dict[str, Any]) -> str:
    return dumps(report)


NEW_PATH = "expected a new report path"
REPORT_FORMATS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": render_json,
    "markdown": render_markdown,
}


def add_report_command(commands: Any) -> None:
    """Register `report` on the CLI's subcommands (an argparse sub-parsers action)."""
    report = commands.add_parser("report", help="write the release audit record")
    report.add_argument("paths", nargs="*", help="files or folders (default: the docs folder)")
    report.add_argument("--format", choices=sorted(REPORT_FORMATS), default="json")
    report.add_argument("-o", "--output", type=Path, help="write the report here, not to stdout")
    report.add_argument("--config", type=Path, help="pyproject.toml or archcheck.toml to read")
    report.add_argument("--release", metavar="ID", help="the record of this release's pages only")


def _complain(problem: object) -> None:
    # printable(): a problem names a file, whose name may hold a line break (see printable.py).
    print(f"archcheck: {printable(str(problem))}", file=sys.stderr)


def files_read(result: CheckResult, config: Config) -> dict[Path, str]:
    """Every file the verdict rests on, as the report names it: the checked pages, the
    configuration and the site's mkdocs.yml (which decides what the site publishes)."""
    read = {Path.cwd() / shown: shown for shown in result.documents}
    if config.path is not None:
        read[config.path] = config.display_path
    site = site_file(config)
    if site is not None:
        read[site] = str(site)
    return read


def refusal(output: Path, read: Mapping[Path, str]) -> str | None:
    """Why ``output`` must not be written, if it is one of the files ``read`` under any name: the
    same path, a symbolic link to it or a hard link to it (one file, two names). None when it
    is none of them or does not exist."""
    try:
        target = output.stat()  # through a symbolic link, to the file it names
    except OSError:
        return None
    for path, shown in read.items():
        try:
            if not os.path.samestat(target, path.stat()):
                continue
        except OSError:
            continue
        if output.is_symlink() or output.resolve() != path.resolve():
            return f"{output}: is linked to {shown}, a file archcheck checks; {NEW_PATH}"
        return f"{output}: is a file archcheck checks; {NEW_PATH}"
    return None


def replace(output: Path, text: str) -> None:
    """Write ``text`` to a new file beside ``output`` and rename it over ``output``.

    The rename replaces ``output``'s directory entry and never writes through it: a hard link
    or a symbolic link put at ``output`` after refusal() looked (to a checked page, say) is
    replaced and the file it led to is left as it was, and a reader never sees half a report.
    The cost, chosen knowingly: an ``output`` that is a symbolic link becomes a regular file
    instead of updating the file it pointed to, and the report gets new-file permissions
    (0666 less the umask), not those of the file it replaces. Not covered: a folder on the way
    to ``output`` swapped for a link during the run (refusal() sees one that is already there).
    Raises OSError when the folder cannot be written."""
    temporary = output.with_name(f".{output.name}.{secrets.token_hex(8)}.tmp")
    # O_EXCL: a link already at the temporary name makes this fail rather than be followed.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        temporary.replace(output)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_report(args: argparse.Namespace, config: Config) -> int:
    try:
        result = check(args.paths or None, config, nearest=args.config is None)
        if args.release:
            result = result.for_release(args.release)
        read = files_read(result, config)
    except ConfigError as error:
        _complain(error)
        return 2
    output: Path | None = args.output
    if output is not None:
        refused = refusal(output, read)
        if refused is not None:
            _complain(refused)
            return 2
    text = REPORT_FORMATS[args.format](build_report(result, config))
    for problem in result.problems:
        _complain(problem)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            replace(output, text)
        except OSError as error:
            _complain(f"{output}: cannot write: {error.strerror or error}")
            return 2
    return 2 if result.problems else 0
