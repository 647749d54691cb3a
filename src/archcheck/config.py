"""The configuration: ``.archcheck.toml``, ``archcheck.toml`` or ``[tool.archcheck]`` in
``pyproject.toml``, the nearest found walking up from a directory, validated on load."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archcheck.notes import Note

KNOWN_KEYS = (
    "docs",
    "mkdocs-config",
    "tokens",
    "components",
    "tier-column",
    "max-file-size",
    "page-time-limit",
    "waiver-horizon",
    "select",
    "ignore",
    "release-notes",
)

# The release gate: an open checklist item fails until it is ticked, or waived with a reason
# and an expiry date, an expired waiver fails again, and a box the built site shows but the gate
# did not count fails the build. No setting, option or directive may leave any of them out;
# --allow-open (a per-run preview) is the only way to let open items through.
GATE_CODES = {
    "AC101": (
        "open-checklist-item",
        'waive the item with <!-- archcheck: waive AC101 until=... reason="..." -->',
    ),
    "AC103": ("expired-waiver", "tick the item, or renew the waiver with a later until= date"),
    "AC104": ("uncounted-box", "write every box in the page's Markdown, where the gate counts it"),
}
# What select and ignore take: a rule code or a prefix of one.
RE_CODE_PREFIX = re.compile(r"A(?:C[0-9]{0,3})?")
# How many days ahead a waiver's until= may reach, unless waiver-horizon says otherwise.
DEFAULT_WAIVER_HORIZON = 90


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the file, the key and what was
    expected."""


class NoteError(ConfigError):
    """A note's own settings (its front matter's ``archcheck:`` table, notes.py) cannot be used;
    ``line`` is the page's line."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def gate_codes_ignored(ignore: Sequence[str]) -> list[str]:
    """The release gate's codes that these ``ignore`` prefixes would leave out."""
    return [code for code in GATE_CODES if code.startswith(tuple(ignore))]


def gate_codes_not_selected(select: Sequence[str]) -> list[str]:
    """The release gate's codes a ``select`` would leave out (an empty one selects all)."""
    return [code for code in GATE_CODES if select and not code.startswith(tuple(select))]


def cannot_ignore(code: str, preview: str) -> str:
    """Why ``code`` cannot be ignored, and what to do instead (``preview``: the preview switch,
    offered only for open items, the one thing a preview lets through)."""
    name, remedy = GATE_CODES[code]
    offer = f", or {preview} for a preview" if code == "AC101" else ""
    return f"{code} {name} cannot be ignored: {remedy}{offer}"


@dataclass(frozen=True)
class Config:
    """Validated settings. ``root`` is the folder relative paths are resolved against."""

    root: Path
    path: Path | None = None
    docs: tuple[str, ...] = ("docs",)
    # Whether ``docs`` was written in the configuration: if not, a site's docs_dir is the default.
    docs_declared: bool = False
    # The site the pages belong to; None: the nearest mkdocs.yml above the docs folder.
    mkdocs_config: str | None = None
    tokens: Mapping[str, str] = field(default_factory=dict)
    components: Mapping[str, str] = field(default_factory=dict)
    tier_column: str = "Tier"
    max_file_size: int = 10_000_000
    page_time_limit: float = 60.0  # seconds to read one page; a page over it is a problem
    waiver_horizon: int = DEFAULT_WAIVER_HORIZON  # days ahead of the day checked a waiver may reach
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    key_lines: Mapping[str, int] = field(default_factory=dict)
    # The pages that are release notes (fnmatch patterns relative to ``root``); () for every
    # page. Only a release note's boxes gate the release and its references count as uses.
    release_notes: tuple[str, ...] = ()
    # The note a page declares itself to be (for_note); None for the configuration as written.
    note: Note | None = None
    # Whether the page this configuration judges is a release note (for_page).
    release_note: bool = True

    def __post_init__(self) -> None:
        # Checked here, so that no configuration, read or built, switches the gate off. Whether
        # each prefix names a rule is policy.py's to check: it knows the rule set.
        where = self.where
        for key, codes in (("select", self.select), ("ignore", self.ignore)):
            for code in (code for code in codes if not RE_CODE_PREFIX.fullmatch(code)):
                raise ConfigError(
                    f'{where} {key}: expected code prefixes such as "AC1" or "AC101", got '
                    f"{list(codes)}, and {code!r} is none"
                )
        for code in gate_codes_ignored(self.ignore):
            name, remedy = GATE_CODES[code]
            why = "to let an open item through, " if code == "AC101" else ""
            raise ConfigError(
                f"{where} ignore: expected codes that keep {code} {name}, got "
                f"{list(self.ignore)} ({why}{remedy})"
            )
        for code in gate_codes_not_selected(self.select):
            name, _ = GATE_CODES[code]
            raise ConfigError(
                f"{where} select: expected codes that include {code} {name} (or no select), got "
                f"{list(self.select)} (narrow a single run with --select instead, which still "
                "reports the release gate's codes)"
            )

    @property
    def release(self) -> str | None:
        """The release this configuration's pages belong to: the ``release`` token."""
        return self.tokens.get("release")

    def is_release_note(self, path: Path) -> bool:
        """Whether ``path`` is one of the release notes (every page when none are named)."""
        if not self.release_notes:
            return True
        try:
            relative = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return False
        return any(fnmatch.fnmatchcase(relative, pattern) for pattern in self.release_notes)

    def for_note(self, note: Note | None) -> Config:
        """The settings a note is judged by: its own tokens (its release as ``release``) on
        top of these, and its own components, if it declares any, instead of these. Raises
        NoteError if one of its token values is another token's too."""
        if note is None:
            return self
        own = note.declared_tokens()
        tokens = {**self.tokens, **own}
        for name, value in own.items():
            twins = [other for other, v in tokens.items() if v == value and other != name]
            if twins:
                line = note.key_lines.get(f"tokens.{name}", note.key_lines.get(name, note.line))
                raise NoteError(
                    f"front matter archcheck.tokens.{name}: expected a value of its own, got "
                    f"{value!r}, the value of {twins[0]} too",
                    line,
                )
        components = self.components if note.components is None else note.components
        return replace(self, tokens=tokens, components=components, note=note)

    @property
    def where(self) -> str:
        """The table as errors about its keys name it."""
        return table_name(self.path)

    @property
    def display_path(self) -> str:
        """The configuration file as findings name it: relative to the working directory when
        it is under it, as every page is."""
        if self.path is None:
            return "pyproject.toml"
        try:
            return str(self.path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(self.path)


def _type_name(value: object) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}.get(
        type(value), "a table" if isinstance(value, dict) else "an array"
    )


def _string_table(where: str, key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(
            f'{where} {key}: expected a table of name = "value", got {_type_name(value)}'
        )
    for name, item in value.items():
        if not isinstance(item, str) or not item.strip():
            got = _type_name(item) if not isinstance(item, str) else "an empty string"
            raise ConfigError(f"{where} {key}.{name}: expected a non-empty string, got {got}")
    return dict(value)


def _strings(where: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(
            f"{where} {key}: expected a string or an array of strings, got {_type_name(value)}"
        )
    return tuple(value)


# The files a configuration may live in, in the order one folder's are preferred (as ruff
# prefers .ruff.toml, then ruff.toml, then pyproject.toml).
CONFIG_FILES = (".archcheck.toml", "archcheck.toml", "pyproject.toml")


def _in_pyproject(path: Path | None) -> bool:
    return path is None or path.name == "pyproject.toml"


def table_name(path: Path | None) -> str:
    """How errors name the configuration's table: ``pyproject.toml: [tool.archcheck]``, or a
    file of archcheck's own (``archcheck.toml:``), whose top level is the table."""
    if _in_pyproject(path):
        return f"{path or 'pyproject.toml'}: [tool.archcheck]"
    return f"{path}:"


def _key_lines(text: str, prefix: str) -> dict[str, int]:
    """Where each token and component is declared, for findings about the configuration."""
    lines: dict[str, int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            table = stripped.strip("[] ")
        elif "=" in stripped and table.startswith(prefix):  # "" starts every table
            key = stripped.split("=", 1)[0].strip().strip("\"'")
            lines.setdefault(f"{table.removeprefix(prefix).lstrip('.')}.{key}", number)
    return lines


def config_from_table(table: Mapping[str, Any], path: Path | None, text: str = "") -> Config:
    where = table_name(path)
    unknown = sorted(set(table) - set(KNOWN_KEYS))
    if unknown:
        raise ConfigError(
            f"{where} {unknown[0]}: unknown key (expected one of {', '.join(KNOWN_KEYS)})"
        )
    size = table.get("max-file-size", 10_000_000)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise ConfigError(
            f"{where} max-file-size: expected a positive integer (bytes), got {size!r}"
        )
    limit = table.get("page-time-limit", 60.0)
    if not isinstance(limit, int | float) or isinstance(limit, bool) or limit <= 0:
        raise ConfigError(
            f"{where} page-time-limit: expected a positive number (seconds), got {limit!r}"
        )
    horizon = table.get("waiver-horizon", DEFAULT_WAIVER_HORIZON)
    if not isinstance(horizon, int) or isinstance(horizon, bool) or horizon <= 0:
        raise ConfigError(
            f"{where} waiver-horizon: expected a positive integer (days ahead of the day checked "
            f"a waiver's until= may reach), got {horizon!r}"
        )
    tier_column = table.get("tier-column", "Tier")
    if not isinstance(tier_column, str):
        raise ConfigError(f"{where} tier-column: expected a string, got {_type_name(tier_column)}")
    site = table.get("mkdocs-config")
    if site is not None and (not isinstance(site, str) or not site.strip()):
        raise ConfigError(f"{where} mkdocs-config: expected the path of a mkdocs.yml, got {site!r}")
    tokens = _string_table(where, "tokens", table.get("tokens", {}))
    components = _string_table(where, "components", table.get("components", {}))
    docs = _strings(where, "docs", table.get("docs", "docs"))
    if not docs or not all(folder.strip() for folder in docs):
        raise ConfigError(
            f"{where} docs: expected the docs folder (or folders and files) to check, got "
            f"{table['docs']!r}, which names none"
        )
    for name, value in tokens.items():
        twins = [other for other, v in tokens.items() if v == value and other != name]
        if twins:
            raise ConfigError(f"{where} tokens.{name}: same value as tokens.{twins[0]}")
    return Config(
        root=path.parent if path else Path.cwd(),
        path=path,
        docs=docs,
        docs_declared="docs" in table,
        mkdocs_config=site,
        tokens=tokens,
        components=components,
        tier_column=tier_column,
        max_file_size=size,
        page_time_limit=float(limit),
        waiver_horizon=horizon,
        select=_strings(where, "select", table.get("select", [])),
        release_notes=_release_notes(where, table),
        ignore=_strings(where, "ignore", table.get("ignore", [])),
        key_lines=_key_lines(text, "tool.archcheck" if _in_pyproject(path) else ""),
    )


def _release_notes(where: str, table: Mapping[str, Any]) -> tuple[str, ...]:
    if "release-notes" not in table:
        return ()
    patterns = _strings(where, "release-notes", table["release-notes"])
    if not patterns or not all(p.strip() for p in patterns):
        raise ConfigError(
            f"{where} release-notes: expected the pages that are release notes (paths or "
            f'patterns such as "docs/releases/*.md"), got {table["release-notes"]!r}, which '
            "names none"
        )
    return patterns


def read_config(path: Path) -> Config:
    """Load and validate one configuration file: a pyproject.toml (an empty configuration if it
    has no [tool.archcheck] table), or any other TOML file, whose top level is the table."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    if not _in_pyproject(path):
        return config_from_table(data, path, text)
    tool = data.get("tool", {})
    table = tool.get("archcheck", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.archcheck]: expected a table, got {_type_name(table)}")
    return config_from_table(table, path, text)


def load_config(start: Path | None = None) -> Config:
    """The nearest configuration, walking up: in each folder ``.archcheck.toml``, else
    ``archcheck.toml``, else a pyproject.toml with [tool.archcheck]."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            config = read_config(candidate)
            if name != "pyproject.toml":
                return config
            if "[tool.archcheck" in candidate.read_text(encoding="utf-8", errors="replace"):
                return config
    return Config(root=here)
