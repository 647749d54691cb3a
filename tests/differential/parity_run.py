"""Run settings and counters shared by the differential tests and their conftest.

Hypothesis profiles fix the number of generated documents so the suite stays fast and its size is
known: ``differential-ci`` (the default, 300 examples) and ``differential-deep`` (3000), chosen
with ARCHCHECK_PARITY_PROFILE. PARITY_STATS collects what the tests compared (items,
disagreements, examples generated); conftest.py prints it at the end of the session.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

for _name, _examples in (("differential-ci", 300), ("differential-deep", 3000)):
    settings.register_profile(
        _name,
        max_examples=_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )

PROFILE = settings.get_profile(os.environ.get("ARCHCHECK_PARITY_PROFILE", "differential-ci"))

PARITY_STATS: Counter[str] = Counter()
