"""A note's own settings: the ``archcheck:`` table of its front matter, read where MkDocs reads
front matter (and drops it from the page), so GitHub shows it as a table and the site not at all.

    ---
    archcheck:
      release: pay-2031-07
      tokens: {policy: "pay-7f3-kq"}
      components: {Gateway: gateway, Ledger: ledger}
      checklist: required
    ---

The note's release, tokens and components apply to that page only (config.Config.for_note):
tokens add to the configuration's, components replace them. A table archcheck cannot read is a
NoteError naming the page's line, so the run stops (exit 2) rather than judge the note against
the wrong settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from archcheck.config import NoteError

KEY = "archcheck"
NOTE_KEYS = ("release", "tokens", "components", "checklist")
CHECKLIST_VALUES = ("required", "optional")
# MkDocs' own rule (mkdocs.utils.meta.YAML_RE; a test keeps the two equal), used when MkDocs is
# not installed: archcheck alone still reads the settings MkDocs would strip.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


@dataclass(frozen=True)
class Note:
    """What a note declares for itself. ``key_lines`` gives the page line of each setting
    (``release``, ``tokens.policy``, ``components.Gateway``) for findings about it; ``end``
    is the last line of the front matter, which holds declarations and no prose."""

    release: str | None = None
    tokens: Mapping[str, str] = field(default_factory=dict)
    components: Mapping[str, str] | None = None
    checklist_required: bool = False
    line: int = 1
    end: int = 0
    key_lines: Mapping[str, int] = field(default_factory=dict)

    def declared_tokens(self) -> dict[str, str]:
        """The tokens the note declares, its release among them (as ``release``)."""
        return {**self.tokens, **({"release": self.release} if self.release else {})}


def front_matter(raw: str) -> tuple[str, int] | None:
    """The YAML block MkDocs would read as front matter, and the page line it ends on."""
    if not raw.startswith("---"):
        return None
    found = _mkdocs_rule().match(raw)
    if found is None:
        return None
    return found.group(1), raw[: found.end()].count("\n")


def _mkdocs_rule() -> re.Pattern[str]:
    try:
        from mkdocs.utils.meta import YAML_RE
    except ImportError:
        return FRONT_MATTER
    return YAML_RE


def read_note(raw: str) -> Note | None:
    """The note's settings, None when its front matter has no ``archcheck:`` key (or it has
    none MkDocs would read). ``raw`` is the page as MkDocs reads it (text.Source.raw)."""
    block = front_matter(raw)
    if block is None:
        return None
    yaml_text, end = block
    if not re.search(rf"^{KEY}\s*:", yaml_text, re.MULTILINE):
        return None  # no archcheck key: none of archcheck's business, whatever the YAML holds
    import yaml  # type: ignore[import-untyped]

    try:
        # One parse: the node tree gives each key's line, and the data is built from it.
        loader = yaml.SafeLoader(yaml_text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        why = getattr(error, "problem", None) or "cannot be read"
        raise NoteError(
            f"front matter: expected YAML (MkDocs would show the block as text): {why}", line
        ) from None
    if not isinstance(data, dict) or KEY not in data:
        return None
    lines = _key_lines(root)
    return _note(data[KEY], lines, end)


def _key_lines(root: Any) -> dict[str, int]:
    """Page lines of the archcheck table's keys and of each key of its tables."""
    import yaml

    lines: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        if key.value != KEY:
            continue
        lines[KEY] = key.start_mark.line + 2
        if not isinstance(value, yaml.MappingNode):
            continue
        for setting, inner in value.value:
            lines[str(setting.value)] = setting.start_mark.line + 2
            if isinstance(inner, yaml.MappingNode):
                for name, _ in inner.value:
                    lines[f"{setting.value}.{name.value}"] = name.start_mark.line + 2
    return lines


def _kind(value: object) -> str:
    if isinstance(value, date):  # YAML reads 2031-07-01 as a date: a release id is quoted
        return "a date (quote it to make it a string)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else "a string"


def _names(table: object, setting: str, lines: dict[str, int]) -> dict[str, str]:
    where = f"front matter {KEY}.{setting}"
    if not isinstance(table, dict):
        raise NoteError(
            f"{where}: expected a table of name: value, got {_kind(table)}", lines.get(setting, 2)
        )
    found: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str) or not value.strip():
            got = "an empty string" if isinstance(value, str) else _kind(value)
            line = lines.get(f"{setting}.{name}", lines.get(setting, 2))
            raise NoteError(f"{where}.{name}: expected a non-empty string, got {got}", line)
        found[str(name)] = value
    return found


def _note(table: object, lines: dict[str, int], end: int) -> Note:
    line = lines.get(KEY, 2)
    if not isinstance(table, dict):
        raise NoteError(
            f"front matter {KEY}: expected a table of {', '.join(NOTE_KEYS)}, got {_kind(table)}",
            line,
        )
    for key in table:
        if key not in NOTE_KEYS:
            raise NoteError(
                f"front matter {KEY}.{key}: unknown key (expected one of {', '.join(NOTE_KEYS)})",
                lines.get(str(key), line),
            )
    release = table.get("release")
    if release is not None and (not isinstance(release, str) or not release.strip()):
        got = "an empty string" if isinstance(release, str) else _kind(release)
        raise NoteError(
            f"front matter {KEY}.release: expected the release id, got {got}",
            lines.get("release", line),
        )
    tokens = _names(table.get("tokens", {}), "tokens", lines)
    if release and tokens.get("release", release) != release:
        raise NoteError(
            f"front matter {KEY}.tokens.release: expected the note's release {release!r}, got "
            f"{tokens['release']!r}",
            lines.get("tokens.release", line),
        )
    components = _names(table["components"], "components", lines) if "components" in table else None
    checklist = table.get("checklist", "optional")
    if checklist not in CHECKLIST_VALUES:
        raise NoteError(
            f"front matter {KEY}.checklist: expected required or optional, got {checklist!r}",
            lines.get("checklist", line),
        )
    return Note(
        release=release,
        tokens=tokens,
        components=components,
        checklist_required=checklist == "required",
        line=line,
        end=end,
        key_lines=lines,
    )
