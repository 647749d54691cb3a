"""What a cached result depends on besides the page: archcheck's own code (its rules included),
the installed renderers and the configuration. Results computed by other code are never served,
even under the same version number, and an upgraded renderer means every page is read again."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from archcheck import __version__
from archcheck.config import Config

PACKAGE = Path(__file__).resolve().parents[1]


def code_digest() -> str:
    """A digest of every module of archcheck, by name and bytes."""
    digest = hashlib.sha256()
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(module.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def installed_digest() -> str:
    """The installed distributions, by the names of their metadata folders (which carry the
    version): listing the import path's folders is cheap, where reading every distribution's
    metadata would cost more than a warm run."""
    digest = hashlib.sha256()
    for entry in sys.path:
        try:
            names = sorted(
                path.name
                for path in Path(entry or ".").iterdir()
                if path.name.endswith((".dist-info", ".egg-info"))
            )
        except OSError:
            continue
        digest.update(f"{entry}\0{names}\0".encode())
    return digest.hexdigest()


def config_digest(config: Config) -> str:
    """The cache file's name for this configuration: repr() of the frozen Config names every
    field, tokens and components included; the site's mkdocs.yml decides what its pages show."""
    from archcheck.views.site_of import site_digest

    text = "\n".join(
        (__version__, code_digest(), installed_digest(), repr(config), site_digest(config))
    )
    return hashlib.sha256(text.encode()).hexdigest()[:24]
