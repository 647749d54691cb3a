"""archcheck: check Markdown architecture notes for the facts a release depends on."""

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from archcheck.config import Config, ConfigError, load_config
from archcheck.engine import CheckResult, PageResult, check, check_source
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document, Render
from archcheck.rules import RULES, Rule
from archcheck.sources import Problem
from archcheck.suppressions import Waiver

if TYPE_CHECKING:
    from archcheck.document import read_document as parse


def __getattr__(name: str) -> object:
    # The renderers are imported on first use: a run served from the cache never needs them,
    # and importing them is a good part of a warm run's time.
    if name == "parse":
        from archcheck import document

        return document.read_document
    raise AttributeError(f"module 'archcheck' has no attribute {name!r}")


__all__ = [
    "RULES",
    "CheckResult",
    "ChecklistItem",
    "Config",
    "ConfigError",
    "Document",
    "Finding",
    "PageResult",
    "Problem",
    "Render",
    "Rule",
    "Severity",
    "Waiver",
    "__version__",
    "check",
    "check_source",
    "load_config",
    "parse",
]
