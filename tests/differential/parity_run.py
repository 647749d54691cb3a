"""Run settings and counters shared by the differential tests and their conftest.

Hypothesis profiles fix the number of generated documents so the suite stays fast and its size is
known: ``differential-ci`` (the default: 300 examples, the same ones every run) and
``differential-deep`` (3000 new ones), chosen with ARCHCHECK_PARITY_PROFILE. PARITY_STATS
collects what the tests compared (items, disagreements, examples generated); conftest.py prints
it at the end of the session.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

# CI runs the same 300 documents every time (derandomized: a red build is reproducible and not
# luck); the deep profile explores new documents and keeps failures in the example database.
settings.register_profile(
    "differential-ci",
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "differential-deep",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

PROFILE = settings.get_profile(os.environ.get("ARCHCHECK_PARITY_PROFILE", "differential-ci"))

PARITY_STATS: Counter[str] = Counter()
