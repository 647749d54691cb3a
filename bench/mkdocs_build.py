"""`mkdocs build` of a corpus or site with and without the archcheck plugin (ratios R4 and R7).

Each site keeps its own `mkdocs.yml`; the benchmark builds it through two small configurations
that inherit it and differ only in their plugin list: the site's plugins without archcheck, and
the same with archcheck."""

from __future__ import annotations

import json
import os
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

NOT_INSTALLED = "n/a (plugin not installed)"
PLAIN = "mkdocs-bench-plain.yml"
WITH_PLUGIN = "mkdocs-bench-plugin.yml"


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


def _plugin_name(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def write_configs(root: Path) -> None:
    """Write PLAIN and WITH_PLUGIN next to root/mkdocs.yml, which is read as MkDocs reads it."""
    from mkdocs.utils.yaml import yaml_load

    with (root / "mkdocs.yml").open("rb") as config:
        plugins: list[str | dict[str, Any]] | dict[str, Any] = yaml_load(config).get(
            "plugins", ["search"]
        )
    if isinstance(plugins, dict):
        plugins = [{name: options or {}} for name, options in plugins.items()]
    plain = [entry for entry in plugins if _plugin_name(entry) != "archcheck"]
    # The plugin goes where the site lists it, or after the others when the site has none.
    given = next((entry for entry in plugins if _plugin_name(entry) == "archcheck"), "archcheck")
    at = next((i for i, e in enumerate(plugins) if _plugin_name(e) == "archcheck"), len(plain))
    with_plugin = [*plain[:at], given, *plain[at:]]
    for name, listed in ((PLAIN, plain), (WITH_PLUGIN, with_plugin)):
        # JSON is YAML; INHERIT merges this file over mkdocs.yml, and a list replaces a list.
        text = f"INHERIT: mkdocs.yml\nplugins: {json.dumps(listed)}\n"
        (root / name).write_text(text, encoding="utf-8")
