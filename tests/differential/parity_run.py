"""Counts gathered while the differential tests run, printed at the end of the session."""

from __future__ import annotations

from collections import Counter

PARITY_STATS: Counter[str] = Counter()
