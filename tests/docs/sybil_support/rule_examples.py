"""```markdown blocks: Markdown examples, checked by the engine against the findings shown.

Every ```markdown (or ```md) block in the documents and the rule docstrings is checked as a page
of its own, ``example.md``, with the example configuration and day of the Rules page. The
```text block right after it shows the findings, as `archcheck check` prints them; no such block
means the example must report nothing. In a rule's docstring an example under "Anti-pattern"
must also report that rule's code, and one under "Best practice" nothing at all. A block shown
with ``<!-- file: path -->`` is a file for the console examples instead.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sybil import Document, Example, Region

from archcheck import RULES, CheckResult, Config, Finding, Rule, parse
from archcheck.config import config_from_table
from archcheck.engine import check_document
from archcheck.formats import FORMATS
from archcheck.page import page_config
from archcheck.views.site_config import Site, load_site
from mkdocs_hooks.rules_page import EXAMPLE_CONFIG, EXAMPLE_TODAY
from tests.docs.sybil_support.markdown_blocks import Fence, read_blocks
from tests.docs.sybil_support.output_matching import difference, matches

MARKDOWN_LANGUAGES = ("markdown", "md")
EXAMPLE_NAME = "example.md"
# A docstring is known by its first line, which names what the rule checks (examples below it
# may be edited, as the mutation tests do).
_RULE_BY_SUMMARY = {(rule.check.__doc__ or "").split("\n", 1)[0]: rule for rule in RULES}


@dataclass(frozen=True, slots=True)
class MarkdownExample:
    source: str
    expected: str | None  # the ```text block after it; None when there is none (no findings)
    rule: Rule | None  # set when the example is in a rule's docstring
    must: str | None  # "fail" (Anti-pattern) or "pass" (Best practice) in a rule's docstring


@cache
def example_config() -> Config:
    table = tomllib.loads(EXAMPLE_CONFIG)["tool"]["archcheck"]
    return config_from_table(table, Path("pyproject.toml"), EXAMPLE_CONFIG)


@cache
def example_site() -> Site:
    return load_site((Path(__file__).parents[3] / "mkdocs.yml").resolve())


def findings_of(example: MarkdownExample) -> CheckResult:
    """What archcheck reports for the example as a page (and, for a project rule, a project)."""
    # The page's own settings too (its front matter's archcheck: table), as every door reads it.
    config = page_config(example_config(), example.source)
    # check_source() as of a fixed day, so the examples' waivers neither expire nor rot.
    # As a page of this repository's site, so the site's view counts as it does for docs/.
    page = check_document(
        parse(example.source, EXAMPLE_NAME, example_site()), config, today=EXAMPLE_TODAY
    )
    found: list[Finding] = list(page.findings)
    if example.rule is not None and example.rule.project:
        for rule in RULES:
            if rule.project:
                found += rule.check([page.document], config)  # type: ignore[arg-type]
    found.sort(key=lambda f: (f.path, f.line, f.column, f.code))
    return CheckResult(findings=tuple(found), waivers=page.waivers, documents=(EXAMPLE_NAME,))


def evaluate_markdown_example(example: Example) -> str | None:
    shown: MarkdownExample = example.parsed
    result = findings_of(shown)
    printed = FORMATS["text"](result, "check")
    problems = []
    if not matches(shown.expected or "", printed):
        problems.append(difference(shown.expected or "", printed))
    if (
        shown.must == "fail"
        and shown.rule
        and shown.rule.code not in {f.code for f in result.findings}
    ):
        problems.append(f"an anti-pattern of {shown.rule.code} must report {shown.rule.code}")
    if shown.must == "pass" and result.findings:
        problems.append("a best practice must report nothing")
    return "\n".join(problems) or None


def _label(fence: Fence) -> str | None:
    if fence.lead.startswith("Anti-pattern"):
        return "fail"
    if fence.lead.startswith("Best practice"):
        return "pass"
    return None


class MarkdownExampleParser:
    def __call__(self, document: Document) -> Iterable[Region]:
        fences = read_blocks(document.text, document.path.endswith(".py")).fences
        is_docstring = document.path.endswith(".py")
        rule = _RULE_BY_SUMMARY.get(document.text.split("\n", 1)[0]) if is_docstring else None
        for index, fence in enumerate(fences):
            if fence.language not in MARKDOWN_LANGUAGES:
                continue
            if fence.directive and fence.directive.name == "file":
                continue
            after = fences[index + 1] if index + 1 < len(fences) else None
            beside = (
                after is not None
                and after.language == "text"
                and not document.text[fence.end : after.start].strip()
            )
            expected = after.content if beside and after else None
            must = _label(fence) if rule else None
            parsed = MarkdownExample(fence.content, expected, rule, must)
            end = after.end if beside and after else fence.end
            yield Region(fence.start, end, parsed, evaluate_markdown_example)
