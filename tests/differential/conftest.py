"""Shared setup for the differential checklist tests: hypothesis profiles and run statistics.

Profiles fix the number of generated documents so the suite stays fast and its size is known:
``differential-ci`` (the default, 300 examples) and ``differential-deep`` (3000), chosen with
ARCHCHECK_PARITY_PROFILE. The counts gathered while the tests run are printed at the end of the
session, so a run can be reported (items compared, disagreements, examples generated).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from parity_stats import PARITY_STATS

settings.register_profile(
    "differential-ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "differential-deep",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = os.environ.get("ARCHCHECK_PARITY_PROFILE", "differential-ci")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not PARITY_STATS:
        return
    terminalreporter.section("checklist parity")
    for key in sorted(PARITY_STATS):
        terminalreporter.write_line(f"{key}: {PARITY_STATS[key]}")
