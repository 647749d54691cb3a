"""archcheck as a Python-Markdown extension: the readiness banner and item anchors on each page,
under any builder that renders pages with Python-Markdown (MkDocs, ProperDocs, Zensical), with
no builder plugin API:

    markdown_extensions:
      - archcheck.markdown

The MkDocs plugin does the same, and more (the gate in the build, the generated pages); with
the extension configured, the plugin leaves the banner to it.
"""

from __future__ import annotations

from typing import Any

from archcheck.markdown.extension import ArchcheckExtension


def makeExtension(**options: Any) -> ArchcheckExtension:
    return ArchcheckExtension(**options)


__all__ = ["ArchcheckExtension", "makeExtension"]
