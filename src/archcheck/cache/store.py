"""The on-disk cache of per-page results, so an unchanged page is not parsed again.

One file per fingerprint (archcheck's code, the installed renderers, the configuration and the
site; see fingerprint.py) in the user cache folder (platformdirs; ``ARCHCHECK_CACHE_DIR``
overrides it). Entries are keyed by a hash of the page's path and of the text that was checked.
The file is signed with this user's key (signing.py) and read with an unpickler that builds
nothing but archcheck's own records: a file that is foreign, planted, truncated or damaged is
ignored and rebuilt, and the run says so. A page with comments (possible waivers, which expire)
is reused only on the day it was checked.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from archcheck import __version__
from archcheck.cache.fingerprint import config_digest
from archcheck.cache.signing import SigningKey, signing_key
from archcheck.config import Config
from archcheck.printable import printable

MAGIC = b"archcheck-page-cache-2\n"
SIGNATURE = 32
# Above this many entries not seen in the current run, the file keeps only this run's pages.
MAX_STALE = 20_000

Notice = Callable[[str], None]


def on_stderr(message: str) -> None:
    print(f"archcheck: {printable(message)}", file=sys.stderr)


def cache_folder() -> Path:
    override = os.environ.get("ARCHCHECK_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("archcheck", appauthor=False))


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
    key: SigningKey
    entries: dict[str, tuple[str | None, Any]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def open(cls, config: Config, today: date, notice: Notice = on_stderr) -> PageCache:
        """This configuration's cache. Whatever is wrong with it (``notice`` is told what),
        the run goes on, from an empty cache."""
        path = cache_folder() / f"pages-{__version__}-{config_digest(config)}.pickle"
        key = signing_key()
        if key.reason:
            notice(key.reason)
        cache = cls(path, today.isoformat(), key)
        cache.entries, problem = read_entries(path, key)
        if problem:
            notice(f"page cache {path}: {problem}: ignored, every page is read again")
            cache.changed = True  # rewritten, even if no page changed
        return cache

    @staticmethod
    def page_key(shown: str, text: str) -> str:
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
        if not self.changed or self.key.secret is None:
            return
        entries = self.entries
        if len(entries) - len(self.used) > MAX_STALE:
            entries = {key: entries[key] for key in self.used}
        import tempfile  # only a run that changed something writes

        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        signature = self.key.sign(MAGIC, self.path.name.encode(), payload)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC)
                out.write(signature)
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


def read_entries(path: Path, key: SigningKey) -> tuple[dict[str, tuple[str | None, Any]], str]:
    """The entries of the cache file, or none and what is wrong with it ("" when there is
    simply no file yet)."""
    if key.secret is None:
        return {}, ""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}, ""
    except OSError as error:
        return {}, f"cannot read: {error.strerror or error}"
    view = memoryview(data)  # slices of a view share the bytes: no copy of a large payload
    head = bytes(view[: len(MAGIC)])
    signature = bytes(view[len(MAGIC) : len(MAGIC) + SIGNATURE])
    payload = view[len(MAGIC) + SIGNATURE :]
    if head != MAGIC:
        return {}, "not a page cache of this archcheck"
    if not key.verify(signature, MAGIC, path.name.encode(), payload):
        return {}, "not signed by archcheck for this user (written elsewhere, or changed since)"
    try:
        entries = _OwnRecordsOnly(io.BytesIO(payload)).load()
    except Exception:  # any damage at all means: start again from an empty cache
        return {}, "damaged"
    if not isinstance(entries, dict):
        return {}, "damaged"
    return entries, ""
