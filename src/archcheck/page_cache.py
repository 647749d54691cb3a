"""The on-disk cache of per-page results, so an unchanged file is not parsed again.

One file per (archcheck version, configuration) in the user cache folder (platformdirs;
``ARCHCHECK_CACHE_DIR`` overrides it). Entries are keyed by a hash of the page's path and text.
The file carries a checksum of its contents and is read with an unpickler that builds nothing
but archcheck's own records: a corrupt, truncated, foreign or stale file is ignored and rewritten,
never trusted. A page with comments (possible waivers, which expire) is reused only on the day
it was checked.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from archcheck import __version__
from archcheck.config import Config

MAGIC = b"archcheck-page-cache-1\n"
DIGEST = 32
# Above this many entries not seen in the current run, the file keeps only this run's pages.
MAX_STALE = 20_000


def cache_folder() -> Path:
    override = os.environ.get("ARCHCHECK_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("archcheck", appauthor=False))


def code_digest() -> str:
    """A digest of archcheck's own code: results computed by other code are never served, even
    under the same version number."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def _config_digest(config: Config) -> str:
    # repr() of the frozen Config dataclass names every field, tokens and components included;
    # the site's Markdown extensions decide what its pages show, so they are part of it.
    from archcheck.views.site_of import site_digest

    text = f"{__version__}\n{code_digest()}\n{config!r}\n{site_digest(config)}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


# The modules whose record classes a cached page is made of.
RECORD_MODULES = frozenset(
    {
        "archcheck.page",
        "archcheck.findings",
        "archcheck.model",
        "archcheck.rules.tokens",
        "archcheck.sources",
        "archcheck.suppressions",
    }
)


class _OwnRecordsOnly(pickle.Unpickler):
    """Rebuilds archcheck's records, dates and enums; refuses anything else in the file."""

    def find_class(self, module: str, name: str) -> Any:
        if module in RECORD_MODULES or (module, name) == ("datetime", "date"):
            found = super().find_class(module, name)
            if isinstance(found, type):  # a record class, never a function to call
                return found
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the cache")


@dataclass
class PageCache:
    path: Path
    day: str
    entries: dict[str, tuple[str | None, Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, config: Config, today: date) -> PageCache:
        path = cache_folder() / f"pages-{__version__}-{_config_digest(config)}.pickle"
        cache = cls(path, today.isoformat())
        cache.entries = _read(path)
        return cache

    @staticmethod
    def key(shown: str, text: str) -> str:
        digest = hashlib.blake2b(shown.encode("utf-8", "surrogatepass"), digest_size=16)
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        entry = self.entries.get(key)
        if entry is None or (entry[0] is not None and entry[0] != self.day):
            return None
        self.used.add(key)
        return entry[1]

    def put(self, key: str, value: Any, dated: bool) -> None:
        self.entries[key] = (self.day if dated else None, value)
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is just skipped."""
        if not self.changed:
            return
        entries = self.entries
        if len(entries) - len(self.used) > MAX_STALE:
            entries = {key: entries[key] for key in self.used}
        import tempfile  # only a run that changed something writes

        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(hashlib.sha256(payload).digest())
                out.write(payload)
            Path(temporary).replace(self.path)  # readers see the old file or the new one, whole
        except OSError:
            return
        _forget_old(self.path)


def _forget_old(current: Path) -> None:
    """Delete caches of other versions or configurations that no run has written for a month."""
    import time

    month_ago = time.time() - 30 * 24 * 3600
    for other in current.parent.glob("pages-*.pickle"):
        try:
            if other != current and other.stat().st_mtime < month_ago:
                other.unlink()
        except OSError:
            continue


def _read(path: Path) -> dict[str, tuple[str | None, Any]]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    view = memoryview(data)  # slices of a view share the bytes: no copy of a large payload
    head, digest = bytes(view[: len(MAGIC)]), bytes(view[len(MAGIC) : len(MAGIC) + DIGEST])
    payload = view[len(MAGIC) + DIGEST :]
    if head != MAGIC or hashlib.sha256(payload).digest() != digest:
        return {}
    try:
        entries = _OwnRecordsOnly(io.BytesIO(payload)).load()
    except Exception:  # any damage at all means: start again from an empty cache
        return {}
    return entries if isinstance(entries, dict) else {}
