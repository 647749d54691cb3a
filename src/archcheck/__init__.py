"""archcheck: check Markdown architecture notes for the facts a release depends on."""

__version__ = "0.1.0"

from archcheck.config import Config, ConfigError, load_config
from archcheck.engine import CheckResult, PageResult, check, check_source
from archcheck.findings import Finding, Severity
from archcheck.model import ChecklistItem, Document, Render
from archcheck.parsing import NestingTooDeepError, parse
from archcheck.rules import RULES, Rule
from archcheck.sources import Problem
from archcheck.suppressions import Waiver

__all__ = [
    "RULES",
    "CheckResult",
    "ChecklistItem",
    "Config",
    "ConfigError",
    "Document",
    "Finding",
    "NestingTooDeepError",
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
