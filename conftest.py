"""Root pytest configuration: every example in README.md, docs/ and the rules' docstrings runs.

The parsers live in tests/docs/sybil_support/ (test tooling the site does not publish). The end
of a run says how many examples of each kind were collected.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.integration.pytest import SybilItem

from tests.docs.sybil_support import DOCSTRINGS, DOCUMENTS, parsers
from tests.docs.sybil_support.console import Transcript
from tests.docs.sybil_support.kinds import KINDS, kind

pytest_collect_file = Sybil(parsers=parsers(), patterns=[*DOCUMENTS, *DOCSTRINGS]).pytest()

_collected: Counter[str] = Counter()


def pytest_configure(config: pytest.Config) -> None:
    # The page cache's signing key of a test run (and of the commands it starts) is the run's
    # own, never the user's.
    folder = Path(tempfile.mkdtemp(prefix="archcheck-test-"))
    os.environ.setdefault("ARCHCHECK_CACHE_KEY_FILE", str(folder / "cache-key"))
    # ... and so is its page cache: a run signed with the run's key would leave the user's own
    # cache unreadable to the user's next run.
    os.environ.setdefault("ARCHCHECK_CACHE_DIR", str(folder / "cache"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if isinstance(item, SybilItem):
            region = item.example.region
            where = "docstring" if item.example.path.endswith(".py") else "page"
            _collected[kind(region)] += 1
            _collected[f"{kind(region)} in a {where}"] += 1
            if isinstance(region.parsed, Transcript):
                _collected["commands"] += len(region.parsed.commands)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _collected:
        return
    counts = [f"{_collected[name]} {name}" for name in KINDS if _collected[name]]
    terminalreporter.section("doc examples collected")
    terminalreporter.write_line(", ".join(counts))
    if _collected["console"]:
        terminalreporter.write_line(f"console blocks run {_collected['commands']} commands")
    if _collected["markdown in a docstring"]:
        terminalreporter.write_line(
            f"{_collected['markdown in a docstring']} of the markdown examples are in the rules'"
            " docstrings (the generated Rules page)"
        )
