"""Which findings a run reports and how: one object decides select, ignore and allow-open. A code
prefix must name a rule, and nothing a run or a configuration selects or ignores leaves the
release gate's codes (config.GATE_CODES) out of the verdict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from archcheck.config import GATE_CODES, Config, ConfigError, cannot_ignore, gate_codes_ignored
from archcheck.findings import Finding
from archcheck.rules import RULES
from archcheck.suppressions import relax

RULE_CODES = tuple(rule.code for rule in RULES)


@cache
def naming_no_rule(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixes that no rule's code starts with: a typo, or a rule that does not exist."""
    return tuple(p for p in prefixes if not p or not any(c.startswith(p) for c in RULE_CODES))


def _no_rule(code: str) -> str:
    return f"{code or 'an empty code'} names no rule (rule codes: {', '.join(RULE_CODES)})"


@dataclass(frozen=True)
class Policy:
    """The configuration's select/ignore and a run's own, and whether open items pass."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    allow_open: bool = False

    @classmethod
    def of(
        cls,
        config: Config,
        *,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        allow_open: bool = False,
    ) -> Policy:
        """The run's policy. Raises ConfigError if a prefix of the configuration's or the run's
        ``select`` or ``ignore`` names no rule, or if ``ignore`` covers a gate code (AC101,
        AC103, AC104): an open item passes only by ``allow_open``, a preview. A ``select`` that
        leaves a gate code out narrows the other rules only: gate findings are always kept."""
        for key, written in (("select", config.select), ("ignore", config.ignore)):
            for code in naming_no_rule(tuple(written)):
                raise ConfigError(
                    f"{config.where} {key}: expected code prefixes of archcheck's rules, got "
                    f"{list(written)}: {_no_rule(code)}"
                )
        for key, asked in (("select", select), ("ignore", ignore)):
            for code in naming_no_rule(tuple(asked)):
                raise ConfigError(f"{key}={list(asked)}: {_no_rule(code)}")
        for code in gate_codes_ignored(ignore):
            raise ConfigError(
                f"ignore={list(ignore)}: {cannot_ignore(code, 'pass allow_open=True')}"
            )
        return cls((*config.select, *select), (*config.ignore, *ignore), allow_open)

    def wants(self, code: str) -> bool:
        """Whether a finding of ``code`` is reported: a gate code's always is, whatever the
        selection (as ruff reports a syntax error whatever --select says); any other code's
        when it is selected and not ignored."""
        if code in GATE_CODES:
            return True
        selected = not self.select or code.startswith(tuple(self.select))
        return selected and not code.startswith(tuple(self.ignore))

    def finish(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings this run reports, relaxed by allow-open, in path and line order."""
        kept = [relax(f) if self.allow_open else f for f in findings if self.wants(f.code)]
        return sorted(kept, key=lambda f: (f.path, f.line, f.column, f.code))
