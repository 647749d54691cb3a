"""Change the output an example shows, to prove its test notices.

Each mutation writes a marker (``MUTATED-3``) into what one example expects: the last literal
line of a transcript's first command, of a doctest's output or of a Markdown example's findings
(or a new line where the example shows none). Evaluated again, the example must fail, and its
failure message must show the marker.
"""

from __future__ import annotations

import doctest
import unittest
from dataclasses import dataclass
from pathlib import Path

from sybil import Document, Example, Region, Sybil
from sybil.document import PythonDocument
from sybil.example import SybilFailure

from tests.docs.sybil_support.console import Transcript
from tests.docs.sybil_support.kinds import kind
from tests.docs.sybil_support.rule_examples import MarkdownExample


@dataclass(frozen=True, slots=True)
class Outcome:
    line: int
    kind: str
    failure: str | None  # None when the example passed
    skipped: bool = False


def _append(line: str, mark: str) -> str:
    return f"{line} {mark}"


def _transcript(lines: list[str], indent: str, mark: str) -> list[str]:
    command = next(i for i, line in enumerate(lines) if line.lstrip().startswith("$ "))
    end = next(
        (
            i
            for i in range(command + 1, len(lines) - 1)
            if lines[i].lstrip().startswith(("$ ", "? "))
        ),
        len(lines) - 1,
    )
    literal = [i for i in range(command + 1, end) if lines[i].strip() not in ("", "...")]
    if literal:
        lines[literal[-1]] = _append(lines[literal[-1]], mark)
    else:
        lines.insert(command + 1, indent + mark)
    return lines


def _markdown(lines: list[str], indent: str, mark: str, example: MarkdownExample) -> list[str]:
    if example.expected is None:  # no findings shown: show one
        return [*lines, "", f"{indent}```text", indent + mark, f"{indent}```"]
    if example.expected.strip():
        lines[-2] = _append(lines[-2], mark)
    else:
        lines.insert(len(lines) - 1, indent + mark)
    return lines


def _session(lines: list[str], indent: str, mark: str, example: doctest.Example) -> list[str]:
    ending = lines[-1] == ""  # the region ends after the output's newline
    body = lines[:-1] if ending else lines
    if example.want:
        body[-1] = _append(body[-1], mark)
    else:
        body.append(indent + mark)
    return [*body, ""] if ending else body


def mutate(text: str, region: Region, mark: str) -> str | None:
    """``text`` with the output ``region``'s example shows changed, or None if it shows none."""
    line_start = text.rfind("\n", 0, region.start) + 1
    indent = text[line_start : region.start]
    indent = indent if not indent.strip() else ""
    lines = text[region.start : region.end].split("\n")
    parsed = region.parsed
    if isinstance(parsed, Transcript):
        lines = _transcript(lines, indent, mark)
    elif isinstance(parsed, MarkdownExample):
        lines = _markdown(lines, indent, mark, parsed)
    elif isinstance(parsed, doctest.Example):
        lines = _session(lines, indent + " " * parsed.indent, mark, parsed)
    else:
        return None
    return text[: region.start] + "\n".join(lines) + text[region.end :]


def evaluate(document: Document) -> list[Outcome]:
    """Evaluate every example in order, as pytest would, and say how each one ended."""
    if isinstance(document, PythonDocument):  # the rules' docstrings need no module namespace
        document.pop_evaluator(document.import_document)
    outcomes = []
    for example in document.examples():
        outcomes.append(_outcome(example))
    return outcomes


def _outcome(example: Example) -> Outcome:
    where, what = example.line, kind(example.region)
    try:
        example.evaluate()
    except SybilFailure as failure:
        return Outcome(where, what, str(failure))
    except unittest.SkipTest:
        return Outcome(where, what, None, skipped=True)
    except Exception as error:  # a Python example that raised
        return Outcome(where, what, f"{type(error).__name__}: {error}")
    return Outcome(where, what, None)


def mutate_all(path: Path, sybil: Sybil, into: Path) -> tuple[Path, dict[int, str]]:
    """A copy of ``path`` at ``into`` with every example's shown output changed; the markers by
    the index of their example."""
    document = sybil.parse(path)
    text = document.text
    marks: dict[int, str] = {}
    for index, (_, region) in reversed(list(enumerate(document.regions))):
        mark = f"MUTATED-{index}"
        changed = mutate(text, region, mark)
        if changed is not None:
            text, marks[index] = changed, mark
    into.parent.mkdir(parents=True, exist_ok=True)
    into.write_text(text, encoding="utf-8")
    return into, marks
