"""What `mkdocs serve` watches for the plugin: the configuration file it read, so that editing a
token or a component there rebuilds the site with it (on_config reads the file on every build)."""

from __future__ import annotations

from mkdocs.livereload import LiveReloadServer

from archcheck.config import Config


def watch_configuration(server: LiveReloadServer, settings: Config) -> None:
    """Rebuild on every change to the file ``settings`` came from. MkDocs watches only the docs
    folder and mkdocs.yml, and the configuration (pyproject.toml, archcheck.toml or
    .archcheck.toml) usually lives beside mkdocs.yml, outside both. A site without one has
    nothing to watch: the defaults cannot change."""
    if settings.path is not None:
        server.watch(str(settings.path))
