"""`mkdocs build` of a corpus with and without the archcheck plugin (ratio R4)."""

from __future__ import annotations

import os
import sys
from importlib.metadata import entry_points
from pathlib import Path

NOT_INSTALLED = "n/a (plugin not installed)"


def plugin_missing() -> str | None:
    """None when the `archcheck` entry point in mkdocs.plugins loads, else the reason to print."""
    found = [ep for ep in entry_points(group="mkdocs.plugins") if ep.name == "archcheck"]
    if not found:
        return NOT_INSTALLED
    try:
        found[0].load()
    except ImportError:
        return NOT_INSTALLED
    return None


def mkdocs() -> str:
    return str(Path(sys.executable).with_name("mkdocs"))


def build_command(config: str, site_dir: Path) -> list[str]:
    return [mkdocs(), "build", "--quiet", "--config-file", config, "--site-dir", str(site_dir)]


def build_env(cache_home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "XDG_CACHE_HOME": str(cache_home),
        "ARCHCHECK_CACHE_DIR": str(cache_home / "archcheck"),
    }
