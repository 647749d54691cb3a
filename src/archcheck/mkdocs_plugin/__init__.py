"""The MkDocs plugin (entry point ``archcheck`` in the ``mkdocs.plugins`` group)."""

from archcheck.mkdocs_plugin.plugin import ArchcheckConfig, ArchcheckPlugin

__all__ = ["ArchcheckConfig", "ArchcheckPlugin"]
