"""The ``archcheck`` command: run(argv) -> exit code (0 clean, 1 findings, 2 could not run)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path

from archcheck import __version__
from archcheck.config import (
    Config,
    ConfigError,
    cannot_ignore,
    gate_codes_ignored,
    load_config,
    read_config,
)
from archcheck.engine import CheckResult, Progress, check, check_source
from archcheck.findings import Severity
from archcheck.formats import FORMATS
from archcheck.item_states import item_states
from archcheck.pages import add_pages_command, run_pages
from archcheck.parity import add_parity_command, run_parity
from archcheck.printable import printable
from archcheck.report import add_report_command, write_report
from archcheck.sources import Problem

COMMAND_PREFIX = {"check": (), "checklist": ("AC1",), "tokens": ("AC2",)}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "paths", nargs="*", help="files or folders (default: the docs folder); - reads stdin"
    )
    common.add_argument(
        "--stdin-filename", default="<stdin>", help="the name findings give the text read from -"
    )
    common.add_argument("--format", choices=sorted(FORMATS), default="text")
    common.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    common.add_argument("--allow-open", action="store_true", help="open items are warnings")
    common.add_argument("--select", type=_codes, default=[], help="only codes with these prefixes")
    common.add_argument("--ignore", type=_codes, default=[], help="skip codes with these prefixes")
    common.add_argument("--config", type=Path, help="pyproject.toml or archcheck.toml to read")
    common.add_argument("--no-cache", action="store_true", help="parse every page again")
    common.add_argument(
        "--release", metavar="ID", help="judge only the pages of this release (and the project)"
    )
    parser = _Parser(prog="archcheck", description="Check Markdown architecture notes.")
    parser.add_argument("--version", action="version", version=f"archcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("check", parents=[common], help="run every rule")
    commands.add_parser("checklist", parents=[common], help="list checklist items (AC1xx)")
    commands.add_parser("tokens", parents=[common], help="list token references (AC2xx)")
    add_report_command(commands)
    add_parity_command(commands)
    add_pages_command(commands)
    return parser


def _progress_bar() -> Progress | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 20:
            return
        filled = done * 30 // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def complain(problem: object) -> None:
    """One ``archcheck: ...`` line on stderr. A problem names a file or quotes an argument,
    either of which may hold a line break or a terminal control: printable() keeps it one line
    that no runner reads as a workflow command."""
    print(f"archcheck: {printable(str(problem))}", file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except _UsageError as error:
        complain(error)
        return 2
    except SystemExit as done:  # --help, --version
        return int(done.code or 0)
    try:
        config = read_config(args.config) if args.config else load_config()
    except ConfigError as error:
        complain(error)
        return 2
    if args.command == "report":
        return write_report(args, config)
    if args.command == "parity":
        return run_parity(args, config)
    if args.command == "pages":
        return run_pages(args, config)
    for code in gate_codes_ignored(args.ignore):  # --select may narrow a run; this would not
        complain(cannot_ignore(code, "use --allow-open"))
        return 2
    try:
        if "-" in args.paths:
            result = _check_stdin(args, config)
        else:
            result = check(
                args.paths or None,
                config,
                allow_open=args.allow_open,
                select=[*COMMAND_PREFIX[args.command], *args.select],
                ignore=args.ignore,
                progress=_progress_bar(),
                cache=not args.no_cache,
                nearest=args.config is None,
            )
        if args.release:
            result = result.for_release(args.release)
    except ConfigError as error:  # an option the configuration cannot take, such as --select
        complain(error)
        return 2
    return _report(args, result)


def _check_stdin(args: argparse.Namespace, config: Config) -> CheckResult:
    """A text that is no file, such as a pull request's description: read from stdin and checked
    as GitHub shows it, beside the files named with it. It is not part of the project, so the
    project-wide rules (a token no page mentions) judge the files alone."""
    files = [path for path in args.paths if path != "-"]
    data = sys.stdin.buffer.read()
    try:
        text, bad = data.decode("utf-8"), None
    except UnicodeDecodeError as error:  # checked as shown (U+FFFD), and the run cannot pass
        text = data.decode("utf-8", errors="replace")
        line = data.count(b"\n", 0, error.start) + 1
        byte = f"0x{data[error.start]:02x} at offset {error.start}"
        bad = Problem(args.stdin_filename, f"is not valid UTF-8 (byte {byte})", line)
    options = {"allow_open": args.allow_open, "ignore": args.ignore}
    select = [*COMMAND_PREFIX[args.command], *args.select]
    page = check_source(text, args.stdin_filename, config, select=select, **options)
    others = CheckResult()
    if files:
        others = check(
            files,
            config,
            select=select,
            cache=not args.no_cache,
            nearest=args.config is None,
            **options,
        )
    findings = sorted((*others.findings, *page.findings), key=lambda f: (f.path, f.line, f.column))
    return dataclasses.replace(
        others,
        problems=(*others.problems, *([bad] if bad else [])),
        findings=tuple(findings),
        items=(*others.items, *page.items),
        waivers=(*others.waivers, *page.waivers),
        documents=(*others.documents, page.path),
        tokens=(*others.tokens, *page.tokens),
        page_releases=(*others.page_releases, (page.path, page.release)),
    )


def _report(args: argparse.Namespace, result: CheckResult) -> int:
    sys.stdout.write(FORMATS[args.format](result, args.command))
    for skipped in result.skipped:  # the site does not publish them: neither does the gate
        complain(f"note: {skipped}")
    for problem in result.problems:
        complain(problem)
    # What was covered and decided, after the findings (as ruff does); a run that could not
    # read everything decided nothing, and its problem lines say why.
    if args.format == "text" and not result.problems:
        if any(release for _, release in result.page_releases):
            for verdict in result.releases:
                if verdict.release or verdict.items or verdict.errors:  # not a quiet rest
                    print(printable(verdict.headline()), file=sys.stderr)
        print(summary(result), file=sys.stderr)
    if args.exit_zero and result.exit_code == 1:
        return 0
    return result.exit_code


def summary(result: CheckResult) -> str:
    """``checked 9 files (2 with checklists): 1 open item, 1 error``."""
    with_items = len({item.path for item in result.items})
    files = len(result.documents)
    states = [s.state for s in item_states(result.items, result.waivers)]
    counts = [
        (states.count("open"), "open item"),
        (states.count("waived"), "waived item"),
        (states.count("dropped"), "dropped item"),
        (sum(f.severity is Severity.ERROR for f in result.findings), "error"),
        (sum(f.severity is Severity.WARNING for f in result.findings), "warning"),
    ]
    said = [f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts if n]
    lists = f"{with_items} with checklist{'' if with_items == 1 else 's'}"
    plural = "" if files == 1 else "s"
    return f"checked {files} file{plural} ({lists}): {', '.join(said) or 'no findings'}"


def main() -> None:
    sys.exit(run())
