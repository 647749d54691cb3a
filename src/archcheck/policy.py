"""Which findings a run reports and how: one object decides select, ignore and allow-open, and
refuses any of them that would switch the release gate off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from archcheck.config import Config, ConfigError, cannot_ignore, gate_codes_ignored
from archcheck.findings import Finding
from archcheck.suppressions import relax


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
        """The run's policy. Raises ConfigError if ``ignore`` covers a gate code (AC101, AC103):
        an open item passes only by ``allow_open``, a preview."""
        for code in gate_codes_ignored(ignore):
            raise ConfigError(
                f"ignore={list(ignore)}: {cannot_ignore(code, 'pass allow_open=True')}"
            )
        return cls((*config.select, *select), (*config.ignore, *ignore), allow_open)

    def wants(self, code: str) -> bool:
        selected = not self.select or code.startswith(tuple(self.select))
        return selected and not code.startswith(tuple(self.ignore))

    def finish(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings this run reports, relaxed by allow-open, in path and line order."""
        kept = [relax(f) if self.allow_open else f for f in findings if self.wants(f.code)]
        return sorted(kept, key=lambda f: (f.path, f.line, f.column, f.code))
