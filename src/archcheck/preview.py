"""Preview builds: ``ARCHCHECK_ALLOW_OPEN=1`` lets open items through a site build (shown, and
the gate still red), read the same way by every builder's door."""

from __future__ import annotations

import os

ALLOW_OPEN_ENV = "ARCHCHECK_ALLOW_OPEN"
_YES, _NO = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def allow_open_from_env() -> bool:
    """Whether this is a preview build. Raises ValueError for any other value: a typo must not
    quietly let open items through (fail closed)."""
    value = os.environ.get(ALLOW_OPEN_ENV, "").strip().lower()
    if value in _YES or value in _NO:
        return value in _YES
    raise ValueError(f"{ALLOW_OPEN_ENV}={value!r}: expected 1 or 0")
