"""```console blocks: command transcripts, run for real and compared with what they show.

    ```console
    $ archcheck check
    docs/index.md:19:3: AC101 open checklist item: 'All production secrets rotated'
    ? 1
    ```

A ``$ `` line is a command, the lines after it its expected output (stdout and stderr as a
terminal interleaves them), and an optional ``? N`` line its exit code (0 when absent). Output
may use the wildcards of output_matching. Each block runs in a fresh copy of the repository, after
the files the document shows before it with ``<!-- file: path -->`` are written there. Commands
are this project's programs in its environment (.venv/bin: archcheck, mkdocs), optionally after
``NAME=value`` settings; there is no shell.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sybil import Document, Example, Region

from tests.docs.sybil_support.markdown_blocks import Fence, read_blocks
from tests.docs.sybil_support.output_matching import difference, matches
from tests.docs.sybil_support.workspace import fresh_copy

BIN = Path(sys.executable).parent
# The programs a transcript may run: this project's own, as installed in its environment.
PROGRAMS = ("archcheck", "mkdocs")
_EXIT = re.compile(r"\?\s+(?P<code>\d+)")
_SETTING = re.compile(r"[A-Z_][A-Z0-9_]*=")
_SHELL = {"|", "||", "&&", ";", ">", ">>", "<", "2>", "2>&1", "&"}
TIMEOUT = 300  # seconds; a whole `mkdocs build` fits many times over


class TranscriptError(ValueError):
    """A console block that cannot be read as a transcript (a mistake in the document)."""


@dataclass(frozen=True, slots=True)
class Command:
    line: int  # 1-based line in the document
    text: str
    expected: str
    exit_code: int


@dataclass(frozen=True, slots=True)
class Transcript:
    commands: tuple[Command, ...]
    files: tuple[tuple[str, str], ...]  # written into the copy first, in document order


def read_transcript(fence: Fence, path: str) -> tuple[Command, ...]:
    commands: list[Command] = []
    current: tuple[int, str] | None = None
    output: list[str] = []
    exit_code: int | None = None

    def finish() -> None:
        if current is not None:
            commands.append(Command(*current, "\n".join(output).rstrip("\n"), exit_code or 0))

    for number, line in enumerate(fence.content.rstrip("\n").split("\n"), fence.line + 1):
        where = f"{path}:{number}"
        if line.startswith("$ "):
            finish()
            current, output, exit_code = (number, line[2:].strip()), [], None
        elif current is None:
            raise TranscriptError(f"{where}: a console block starts with a '$ ' command line")
        elif _EXIT.fullmatch(line.strip()):
            if exit_code is not None:
                raise TranscriptError(f"{where}: a second '? N' line for one command")
            exit_code = int(_EXIT.fullmatch(line.strip())["code"])  # type: ignore[index]
        elif exit_code is not None and line.strip():
            raise TranscriptError(f"{where}: output after the '? N' line; it ends a command")
        else:
            output.append(line)
    finish()
    if not commands:
        raise TranscriptError(f"{path}:{fence.line}: an empty console block")
    return tuple(commands)


def _argv(command: Command) -> tuple[dict[str, str], list[str]] | str:
    words = shlex.split(command.text)
    settings: dict[str, str] = {}
    while words and _SETTING.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        settings[name] = value
    if not words:
        return "no program to run"
    if any(word in _SHELL for word in words):
        return "pipes, redirections and command lists need a shell; transcripts run one program"
    program = BIN / words[0]
    if words[0] not in PROGRAMS or not program.is_file():
        shown = ", ".join(PROGRAMS)
        return f"{words[0]!r} is not a program of this project's environment ({shown} in {BIN})"
    return settings, [str(program), *words[1:]]


def _environment(settings: dict[str, str]) -> dict[str, str]:
    """A plain, repeatable terminal: the project's programs first, 80 columns, no colours."""
    keep = {
        name: os.environ[name] for name in ("HOME", "TMPDIR", "SYSTEMROOT") if name in os.environ
    }
    return {
        **keep,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "LANG": "C.UTF-8",
        "PYTHONUNBUFFERED": "1",  # stdout and stderr interleave as they would on a terminal
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "NO_MKDOCS_2_WARNING": "1",
        **settings,
    }


def run_command(command: Command, cwd: Path) -> str | None:
    """None if the command prints and exits as shown, otherwise what differs."""
    argv = _argv(command)
    where = f"line {command.line}: $ {command.text}"
    if isinstance(argv, str):
        return f"{where}\n{argv}"
    settings, words = argv
    done = subprocess.run(
        words,
        cwd=cwd,
        env=_environment(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    problems = []
    if done.returncode != command.exit_code:
        hint = f' (write "? {done.returncode}" after the output)' if done.returncode else ""
        problems.append(f"exit code {done.returncode}, shown {command.exit_code}{hint}")
    if not matches(command.expected, done.stdout):
        problems.append(difference(command.expected, done.stdout))
    return f"{where}\n" + "\n".join(problems) if problems else None


def evaluate_transcript(example: Example) -> str | None:
    transcript: Transcript = example.parsed
    with fresh_copy(transcript.files) as root:
        failures = [run_command(command, root) for command in transcript.commands]
    return "\n\n".join(failure for failure in failures if failure) or None


def _files_before(fences: Iterable[Fence], position: int) -> tuple[tuple[str, str], ...]:
    return tuple(
        (fence.directive.arguments or "", fence.content)
        for fence in fences
        if fence.directive and fence.directive.name == "file" and fence.start < position
    )


class ConsoleParser:
    """Finds the ```console blocks of a document (and checks its ``file`` directives)."""

    def __call__(self, document: Document) -> Iterable[Region]:
        blocks = read_blocks(document.text, document.path.endswith(".py"))
        consoles = [fence for fence in blocks.fences if fence.language == "console"]
        for directive in blocks.directives:
            if directive.name != "file":
                continue
            fence = next((f for f in blocks.fences if f.directive is directive), None)
            where = f"{document.path}:{directive.line}"
            if fence is None or not directive.arguments:
                raise TranscriptError(f"{where}: <!-- file: path --> goes right before a fence")
            if not any(console.start > fence.start for console in consoles):
                raise TranscriptError(f"{where}: no console block after this file uses it")
        for fence in consoles:
            if fence.directive and fence.directive.name == "file":
                continue
            commands = read_transcript(fence, document.path)
            transcript = Transcript(commands, _files_before(blocks.fences, fence.start))
            yield Region(fence.start, fence.end, transcript, evaluate_transcript)
