"""Each rule documents itself with an example that fails and one that passes, and both run."""

from __future__ import annotations

import inspect
from collections import defaultdict
from pathlib import Path

import pytest
from sybil import Sybil

from archcheck import RULES, Rule
from tests.docs.sybil_support import parsers
from tests.docs.sybil_support.rule_examples import MarkdownExample


def rule_examples() -> dict[str, list[MarkdownExample]]:
    """The Markdown examples Sybil collects from the rules' docstrings, by rule code."""
    modules = {Path(inspect.getfile(rule.check)) for rule in RULES}
    found: dict[str, list[MarkdownExample]] = defaultdict(list)
    for module in modules:
        for _, region in Sybil(parsers=parsers()).parse(module).regions:
            example = region.parsed
            if isinstance(example, MarkdownExample) and example.rule is not None:
                found[example.rule.code].append(example)
    return found


EXAMPLES = rule_examples()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_the_rule_shows_what_fails_and_what_passes(rule: Rule) -> None:
    examples = EXAMPLES[rule.code]
    failing = [e for e in examples if e.must == "fail"]
    passing = [e for e in examples if e.must == "pass"]
    if rule.built:  # its anti-pattern needs a real build: tests/plugin/test_build.py makes one
        assert "Anti-pattern" in rule.doc, rule.code
    else:
        assert failing, f"{rule.code}: no example under 'Anti-pattern'"
    assert passing, f"{rule.code}: no example under 'Best practice'"
    # what each failing example prints is shown beside it, and names the rule
    assert all(e.expected and f" {rule.code} " in e.expected for e in failing), rule.code


def test_every_example_of_a_rule_docstring_is_labelled() -> None:
    unlabelled = [
        (code, e.source[:40]) for code, found in EXAMPLES.items() for e in found if e.must is None
    ]
    assert not unlabelled
