"""`archcheck report --format json|markdown [-o FILE] [paths]`: write the release audit record.

The verdict is recorded, not enforced: the command exits 0 once the report is written, whatever
it says (`archcheck check` is the gate), and 2 when it could not check every file or could not
write the report. It never writes over a file it checked or the configuration.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from archcheck.config import Config
from archcheck.engine import check
from archcheck.report.markdown import render_markdown
from archcheck.report.record import build_report


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


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
    report.add_argument("--config", type=Path, help="pyproject.toml to read")


def write_report(args: argparse.Namespace, config: Config) -> int:
    result = check(args.paths or None, config)
    output: Path | None = args.output
    if output is not None:
        protected = {(Path.cwd() / shown).resolve() for shown in result.documents}
        if config.path is not None:
            protected.add(config.path.resolve())
        if output.resolve() in protected:
            print(
                f"archcheck: {output}: is a file archcheck checks; expected a new report path",
                file=sys.stderr,
            )
            return 2
    text = REPORT_FORMATS[args.format](build_report(result, config))
    for problem in result.problems:
        print(f"archcheck: {problem}", file=sys.stderr)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"archcheck: {output}: cannot write: {error.strerror or error}", file=sys.stderr)
            return 2
    return 2 if result.problems else 0
