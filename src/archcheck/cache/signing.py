"""The secret that signs this machine's page caches, so that an entry archcheck did not write
here (planted in a shared ``ARCHCHECK_CACHE_DIR``, or restored by CI from another branch) is
never served.

The key lives outside the cache folder (the user's state folder; ``ARCHCHECK_CACHE_KEY_FILE``
names another file), is created readable by its owner only, and is used only while it stays so:
a key others could read could sign anything.
"""

from __future__ import annotations

import hmac
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

KEY_BYTES = 32


def key_file() -> Path:
    override = os.environ.get("ARCHCHECK_CACHE_KEY_FILE")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("archcheck", appauthor=False)) / "cache-key"


@dataclass(frozen=True)
class SigningKey:
    """The key, or why there is none this run (``reason``): a run without one uses no cache."""

    secret: bytes | None
    reason: str = ""

    def sign(self, *parts: bytes | memoryview) -> bytes:
        assert self.secret is not None
        mac = hmac.new(self.secret, digestmod="sha256")
        for part in parts:
            mac.update(len(part).to_bytes(8, "big"))  # so no two splits of the bytes sign alike
            mac.update(part)
        return mac.digest()

    def verify(self, signature: bytes, *parts: bytes | memoryview) -> bool:
        return self.secret is not None and hmac.compare_digest(signature, self.sign(*parts))


def signing_key(path: Path | None = None) -> SigningKey:
    """This user's key, created on first use. A key file others can read or write, or that
    another user owns, is replaced by a new one (so every entry it signed is ignored)."""
    path = path or key_file()
    try:
        found = _private_key(path)
        if found is not None:
            return SigningKey(found)
        replaced = path.exists() or path.is_symlink()
        _create(path)
        found = _private_key(path)
    except OSError as error:
        return SigningKey(None, f"cannot use the cache key {path}: {error.strerror or error}")
    if found is None:
        return SigningKey(None, f"the cache key {path} is not private to this user")
    note = f"the cache key {path} was not private to this user: replaced" if replaced else ""
    return SigningKey(found, note)


def _private_key(path: Path) -> bytes | None:
    """The key if ``path`` is a regular file of the right size that only this user can read
    or write (opened without following a link); None if it is missing or unfit."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno in (getattr(os, "ELOOP", -1), getattr(os, "EMLINK", -1)):
            return None  # a symbolic link where the key should be
        raise
    try:
        info = os.fstat(handle)
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        private = stat.S_ISREG(info.st_mode) and not info.st_mode & 0o077
        if not (mine and private and info.st_size == KEY_BYTES):
            return None
        data = os.read(handle, KEY_BYTES + 1)
    finally:
        os.close(handle)
    return data if len(data) == KEY_BYTES else None


def _create(path: Path) -> None:
    """A new random key, written whole under a temporary name and moved into place."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(handle, secrets.token_bytes(KEY_BYTES))
    finally:
        os.close(handle)
    temporary.replace(path)
