"""The MkDocs plugin (entry point ``archcheck`` in the ``mkdocs.plugins`` group)."""

from archcheck.mkdocs_plugin.options import ArchcheckConfig
from archcheck.mkdocs_plugin.plugin import ArchcheckPlugin

__all__ = ["ArchcheckConfig", "ArchcheckPlugin"]
