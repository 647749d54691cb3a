"""The Rules page (archcheck/rules.md), generated from the rules' docstrings.

Each rule is documented once, in its own docstring; this renders them into a page at build
time, so the page cannot drift from the code. The test suite runs every example of those
docstrings (tests/docs/sybil_support/rule_examples.py) with ``EXAMPLE_CONFIG``, shown on the page.
"""

from __future__ import annotations

import inspect
import re
from datetime import date
from pathlib import Path

from archcheck.rule import Rule
from archcheck.rules import RULES

PAGE = "archcheck/rules.md"
RULE_SOURCES = Path(inspect.getfile(Rule)).parent

# The project every example on the Rules page is checked against.
EXAMPLE_CONFIG = """\
[tool.archcheck.tokens]
release = "rel-2031-aurora"
policy = "pol-5521-kx"

[tool.archcheck.components]
Web = "web"
API = "api"
Worker = "worker"
"""

# The day the examples are checked on, so that their waivers never expire (or rot) as time passes.
EXAMPLE_TODAY = date(2031, 6, 1)

_LABEL = re.compile(r"^(Anti-pattern|Best practice)\b", re.MULTILINE)

INTRO = """\
# Rules

Every finding has a stable code (never reused for another check), a kebab-case name and a
severity. An **error** fails the gate: `archcheck check` exits 1 and `mkdocs build --strict`
fails. A **warning** is reported and never fails it.

This page is generated from the rules' own documentation (their docstrings in
`src/archcheck/rules/` and `src/archcheck/suppressions.py`) each time the site is built, and the
test suite runs every example on it: an example under *Anti-pattern* must report exactly the
findings printed below it, and an example under *Best practice* must report nothing at all.

Each example is checked as a page of its own, named `example.md`, as if today were
{today:%-d %B %Y}, with this configuration:

```toml
{config}```

| Code | Name | Severity | Summary |
| --- | --- | --- | --- |
{table}
"""


def _summary(rule: Rule) -> str:
    return " ".join(inspect.cleandoc(rule.check.__doc__ or "").split("\n\n")[0].split())


def _anchor(rule: Rule) -> str:
    return f"{rule.code}-{rule.name}".lower()


def rule_section(rule: Rule) -> str:
    """One rule's section: heading, severity and scope, then its docstring as Markdown."""
    summary, _, body = inspect.cleandoc(rule.check.__doc__ or "").partition("\n\n")
    scope = "all pages together" if rule.project else "each page"
    if rule.built:
        scope = "each page as `mkdocs build` made it (the MkDocs plugin)"
    lines = [
        f"## {rule.code} {rule.name}",
        "",
        f"*{rule.severity}*, checked on {scope}.",
        "",
        " ".join(summary.split()),
        "",
        _LABEL.sub(r"**\1**", body),
    ]
    return "\n".join(lines).rstrip() + "\n"


# A link from a rule's documentation to another page of archcheck's manual.
_MANUAL_LINK = re.compile(r"\[([^\]]+)\]\((?!https?:|#)[^)]+\.md(?:#[^)]*)?\)")


def rules_markdown(*, manual_links: bool = True) -> str:
    """The page; ``manual_links=False`` for a site without archcheck's manual beside it: the
    links to its other pages are left as their text."""
    page = _rules_markdown()
    return page if manual_links else _MANUAL_LINK.sub(r"\1", page)


def _rules_markdown() -> str:
    table = "\n".join(
        f"| [{r.code}](#{_anchor(r)}) | `{r.name}` | {r.severity} | {_summary(r)} |" for r in RULES
    )
    intro = INTRO.format(config=EXAMPLE_CONFIG, today=EXAMPLE_TODAY, table=table)
    return intro + "".join(f"\n{rule_section(rule)}" for rule in RULES)
