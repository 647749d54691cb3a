"""The page cache: signed, fingerprinted results of pages already checked."""

from archcheck.cache.store import PageCache

__all__ = ["PageCache"]
