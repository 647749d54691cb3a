"""Which MkDocs site a checked page belongs to: the mkdocs.yml named in the configuration, else
the nearest one above the first docs folder; a page outside that site's docs folder has none."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from archcheck.config import Config, ConfigError
from archcheck.views.site_config import Site, SiteConfigError, load_site, nearest_site


def configured_site(config: Config) -> Site | None:
    """The configuration's site. Raises ConfigError when its mkdocs.yml cannot be loaded."""
    docs = config.docs[0] if config.docs else "."
    path = _site_file(config.root, config.mkdocs_config, docs, config.display_path)
    if path is None:
        return None
    try:
        return load_site(path)
    except SiteConfigError as error:
        raise ConfigError(str(error)) from None


@cache
def _site_file(root: Path, named: str | None, docs: str, where: str) -> Path | None:
    if named is not None:
        path = root / named
        if not path.is_file():
            raise ConfigError(f"{where}: [tool.archcheck] mkdocs-config: no such file: {path}")
    else:
        found = nearest_site(root / docs)
        if found is None:
            return None
        path = found
    return path.resolve()


def page_site(config: Config, shown: str) -> Site | None:
    """The site whose docs folder holds the page: the configured one, else the nearest
    mkdocs.yml above the page. Raises ConfigError when that mkdocs.yml cannot be loaded."""
    page = Path(shown)
    site = configured_site(config)
    if site is not None and site.holds(page):
        return site
    found = nearest_site(page.parent)
    if found is None or (site is not None and found == site.config_file):
        return None
    try:
        other = load_site(found)
    except SiteConfigError as error:
        raise ConfigError(str(error)) from None
    return other if other.holds(page) else None
