"""The plugin's options in mkdocs.yml, and the environment variable for preview builds.

Only what is specific to the site lives here: tokens and components come from [tool.archcheck].
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from archcheck import preview
from archcheck.preview import ALLOW_OPEN_ENV as ALLOW_OPEN_ENV


class ArchcheckConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    # Preview builds only: open items are still shown, but no longer fail --strict.
    allow_open = c.Type(bool, default=False)
    # The pyproject.toml with [tool.archcheck]; by default the nearest one above mkdocs.yml.
    config_file = c.Optional(c.File(exists=True))
    banner = c.Type(bool, default=True)
    # Where the generated page lives in the site; "" turns it off.
    readiness_page = c.Type(str, default="release-readiness.md")
    readiness_title = c.Type(str, default="Release readiness")


def allow_open_from_env() -> bool:
    try:
        return preview.allow_open_from_env()
    except ValueError as error:  # fail closed: a typo must not let open items through
        raise PluginError(str(error)) from None


def mentions(nav: Any, target: str) -> bool:
    """Whether a `nav` configuration refers to the page ``target`` anywhere."""
    if isinstance(nav, str):
        return nav == target
    if isinstance(nav, dict):
        return any(mentions(value, target) for value in nav.values())
    if isinstance(nav, list):
        return any(mentions(entry, target) for entry in nav)
    return False
