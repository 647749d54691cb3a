"""In a repository of several projects, each file is judged by the configuration nearest above
it (as ruff and sqlfluff do): files are grouped by it, and each group is checked on its own
terms, its project rules included."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from archcheck.config import Config, load_config


def by_nearest_config(
    files: Sequence[tuple[Path, str]], config: Config
) -> list[tuple[Config, list[tuple[Path, str]]]]:
    """``files`` grouped by their nearest configuration, the run's own group first (a file
    with none nearer than ``config`` stays with it). Raises ConfigError for a nearer
    configuration that cannot be used."""
    run_file = config.path.resolve() if config.path else None
    found: dict[Path, Config | None] = {}  # folder -> its nearest configuration, None: the run's
    groups: dict[Path | None, tuple[Config, list[tuple[Path, str]]]] = {None: (config, [])}
    for path, shown in files:
        folder = path.absolute().parent
        if folder not in found:
            nearest = load_config(folder)
            is_run = nearest.path is None or nearest.path.resolve() == run_file
            found[folder] = None if is_run else nearest
        nearer = found[folder]
        key = None if nearer is None or nearer.path is None else nearer.path.resolve()
        groups.setdefault(key, (nearer or config, []))[1].append((path, shown))
    return [group for group in groups.values() if group[1] or group[0] is config]
