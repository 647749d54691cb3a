"""Prints what the differential checklist tests compared at the end of the session."""

from __future__ import annotations

import pytest
from parity_run import PARITY_STATS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not PARITY_STATS:
        return
    terminalreporter.section("checklist parity")
    for key in sorted(PARITY_STATS):
        terminalreporter.write_line(f"{key}: {PARITY_STATS[key]}")
