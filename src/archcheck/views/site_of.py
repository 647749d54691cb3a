"""Which MkDocs site a checked page belongs to: the mkdocs.yml named in the configuration, else
the nearest one above the first docs folder; a page outside that site's docs folder has none."""

from __future__ import annotations

import hashlib
import os
import re
from functools import cache
from pathlib import Path

from archcheck.config import Config, ConfigError, table_name
from archcheck.views.site_config import Site, SiteConfigError, load_site, nearest_site

INHERIT = re.compile(r"^INHERIT:\s*(\S+)", re.MULTILINE)
ENV = re.compile(r"!ENV\s*\[?\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")


def site_file(config: Config) -> Path | None:
    """The configuration's mkdocs.yml, found without loading it."""
    docs = config.docs[0] if config.docs else "."
    return _site_file(
        config.root, config.mkdocs_config, docs, table_name(Path(config.display_path))
    )


def site_digest(config: Config) -> str:
    """What the configured site's pages render by, without loading it (a warm run must not pay
    for MkDocs' loader): the bytes of its mkdocs.yml and of each file it INHERITs, and the
    value of each environment variable it reads with ``!ENV``."""
    path = site_file(config)
    digest = hashlib.sha256()
    seen: set[Path] = set()
    while path is not None and path not in seen and path.is_file():
        seen.add(path)
        data = path.read_bytes()
        digest.update(str(path).encode() + b"\0" + data)
        text = data.decode("utf-8", errors="replace")
        for name in ENV.findall(text):
            digest.update(f"{name}={os.environ.get(name, '')}".encode())
        inherited = INHERIT.search(text)
        path = (path.parent / inherited.group(1).strip("'\"")).resolve() if inherited else None
    return digest.hexdigest()


def configured_site(config: Config) -> Site | None:
    """The configuration's site. Raises ConfigError when its mkdocs.yml cannot be loaded."""
    path = site_file(config)
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
            raise ConfigError(f"{where} mkdocs-config: no such file: {path}")
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


def docs_site(config: Config) -> Site | None:
    """The configured site if its docs folder holds the configured docs folder (a mkdocs.yml
    further up that belongs to another site does not make these pages a site's)."""
    site = configured_site(config)
    docs = config.root / (config.docs[0] if config.docs else ".")
    return site if site is not None and site.holds(docs) else None
