"""The site a page belongs to: its mkdocs.yml, loaded by MkDocs' own config loader (so
``!!python/name``, ``INHERIT`` and ``!ENV`` mean what they mean to ``mkdocs build``), reduced to
what renders a page: the docs folder and the Markdown extensions with their options."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any


class SiteConfigError(Exception):
    """The site's mkdocs.yml cannot be loaded; the message names the file and why."""


@dataclass(frozen=True)
class Site:
    """A MkDocs site: where its pages live and how they are rendered."""

    config_file: Path
    docs_dir: Path
    extensions: tuple[Any, ...]
    extension_configs: dict[str, dict[str, Any]] = field(hash=False, compare=False)
    # The MkDocsConfig itself, for asking MkDocs which files are pages.
    loaded: Any = field(default=None, hash=False, compare=False, repr=False)

    def holds(self, page: Path) -> bool:
        try:
            page.resolve().relative_to(self.docs_dir)
        except ValueError:
            return False
        return True

    @property
    def may_include(self) -> bool:
        """Whether an extension may put another file's text into a page (a box may then show
        on a page whose own text holds no marker)."""
        names = (e if isinstance(e, str) else type(e).__module__ for e in self.extensions)
        return any("snippets" in name or "include" in name for name in names)

    @property
    def key(self) -> str:
        """What a cached result of this site's pages depends on, the same in every process: a
        function in the options (``!!python/name:...``) is named, not shown by its address."""
        options = sorted((name, _stable(value)) for name, value in self.extension_configs.items())
        return repr((str(self.config_file), [_stable(e) for e in self.extensions], options))


def _stable(value: Any) -> Any:
    if isinstance(value, dict):
        return sorted((str(k), _stable(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_stable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, partial):
        return ["partial", _stable(value.func), _stable(value.args), _stable(value.keywords)]
    name = getattr(value, "__qualname__", type(value).__qualname__)
    return f"{getattr(value, '__module__', type(value).__module__)}.{name}"


def nearest_site(start: Path) -> Path | None:
    """The nearest mkdocs.yml (or mkdocs.yaml) in ``start`` or a folder above it."""
    return _nearest(start.resolve())


@cache
def _nearest(folder: Path) -> Path | None:
    # Once per folder of a run: a tree of thousands of pages shares a handful of folders.
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        if (folder / name).is_file():
            return folder / name
    return None if folder.parent == folder else _nearest(folder.parent)


_LOADED: dict[Path, Site] = {}


def use_site(site: Site) -> None:
    """Make ``site`` the one its mkdocs.yml stands for in this process (the MkDocs plugin hands
    over the build's own configuration, so it is not loaded a second time)."""
    _LOADED[site.config_file] = site


def load_site(config_file: Path) -> Site:
    """The site ``config_file`` describes. Raises SiteConfigError when MkDocs cannot load it."""
    if config_file not in _LOADED:
        _LOADED[config_file] = _load(config_file)
    return _LOADED[config_file]


def _load(config_file: Path) -> Site:
    from mkdocs import exceptions
    from mkdocs.config import load_config

    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # MkDocs' own notes on the config are for `mkdocs build`
    try:
        config = load_config(config_file=str(config_file))
    except (exceptions.ConfigurationError, exceptions.Abort, OSError) as error:
        raise SiteConfigError(f"{config_file}: cannot load as MkDocs loads it: {error}") from None
    except SystemExit:
        raise SiteConfigError(f"{config_file}: MkDocs refused this configuration") from None
    finally:
        quiet.setLevel(level)
    return site_from(config)


# archcheck's own extension (archcheck.markdown) adds the banner and item anchors to what a
# page shows; the site's view is of the page itself, so it is rendered without them.
OWN_EXTENSION = "archcheck.markdown"


def site_from(config: Any) -> Site:
    """A Site from a loaded MkDocsConfig (the MkDocs plugin passes the build's own)."""
    extensions = tuple(e for e in config.markdown_extensions if e != OWN_EXTENSION)
    options = {name: o for name, o in dict(config.mdx_configs).items() if name != OWN_EXTENSION}
    return Site(
        Path(config.config_file_path).resolve(),
        Path(config.docs_dir).resolve(),
        extensions,
        options,
        config,
    )
