"""Keeps one line of another plugin out of the terminal, so that archcheck's findings stand out
among the build's log lines."""

from __future__ import annotations

import logging

# mkdocs-mermaid2 (mermaid2/util.py) logs every line through this logger, its label first.
MERMAID2_LOGGER = "mkdocs.plugins.mermaid2.util"
# Logged once for each page with a diagram, and it says nothing the first build did not say.
CUSTOM_LOADER_LINE = "MERMAID2  - Custom loader activated"


class CustomLoaderLine(logging.Filter):
    """Drops mermaid2's "Custom loader activated" and nothing else: its warnings, and its other
    lines, still show."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.INFO and record.getMessage() == CUSTOM_LOADER_LINE)


# One instance: a logger adds the same filter once, however many builds `mkdocs serve` runs.
_CUSTOM_LOADER_LINE = CustomLoaderLine()


def quiet_mermaid2() -> None:
    """Attach the filter to mermaid2's logger (whether or not the site uses mermaid2)."""
    logging.getLogger(MERMAID2_LOGGER).addFilter(_CUSTOM_LOADER_LINE)
