"""archcheck: check Markdown architecture notes for the facts a release depends on."""

from archcheck.model import ChecklistItem, Document, Render
from archcheck.parsing import NestingTooDeepError, parse

__version__ = "0.1.0"

__all__ = [
    "ChecklistItem",
    "Document",
    "NestingTooDeepError",
    "Render",
    "__version__",
    "parse",
]
