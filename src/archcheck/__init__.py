"""archcheck: check Markdown architecture notes for the facts a release depends on."""

__version__ = "0.1.0"

from archcheck.config import Config, ConfigError, load_config  # noqa: E402
from archcheck.engine import CheckResult, PageResult, check, check_source  # noqa: E402
from archcheck.findings import Finding, Severity  # noqa: E402
from archcheck.model import ChecklistItem, Document, Render  # noqa: E402
from archcheck.parsing import NestingTooDeepError, parse  # noqa: E402
from archcheck.rules import RULES, Rule  # noqa: E402
from archcheck.sources import Problem  # noqa: E402
from archcheck.suppressions import Waiver  # noqa: E402

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
