"""The page cache: an unchanged page is not parsed again, a changed one is, and a corrupt, foreign
or stale cache file is ignored and rebuilt, never trusted."""

from __future__ import annotations

import pickle
from datetime import date, timedelta
from pathlib import Path

import pytest

from archcheck import pipeline
from archcheck.cache import store as page_cache
from archcheck.cache.signing import signing_key
from archcheck.config import load_config
from archcheck.engine import check
from tests.perf.test_fast_path_equivalence import outputs

SOON = (date.today() + timedelta(days=30)).isoformat()  # within the waiver horizon
PAGES = {
    "a.md": "- [ ] open item\n",
    "b.md": "Release `dggll6o4xq-t` and a typo dggll6o4xq-r.\n",
    "c.md": "Footnote[^1].\n\n[^1]: defined\n",
    "d.md": "Nothing to see.\n",
    "e.md": f'<!-- archcheck: waive AC101 until={SOON} reason="booked" -->\n- [ ] rotate\n',
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\n[tool.archcheck.tokens]\nrelease = "dggll6o4xq-t"\n'
    )
    for name, text in PAGES.items():
        (root / "docs" / name).write_text(text)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ARCHCHECK_CACHE_KEY_FILE", str(tmp_path / "state" / "cache-key"))
    return root


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths parsed from now on (a full parse, as opposed to a cache hit)."""
    seen: list[str] = []
    real = pipeline.check_parsed

    def counting(text: str, shown: str, *args: object, **kwargs: object) -> object:
        seen.append(Path(shown).name)
        return real(text, shown, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check_parsed", counting)
    return seen


def cache_files(tree: Path) -> list[Path]:
    return sorted((tree.parent / "cache").glob("pages-*.pickle"))


def test_a_warm_run_parses_nothing_and_says_the_same(tree: Path, parsed: list[str]) -> None:
    cold = check(config=load_config(tree))
    assert sorted(parsed) == ["a.md", "b.md", "c.md", "e.md"]  # d.md: the pre-scan cleared it
    parsed.clear()
    warm = check(config=load_config(tree))
    assert parsed == []
    assert outputs(warm) == outputs(cold) == outputs(check(config=load_config(tree), fast=False))


def test_only_the_changed_page_is_parsed_again(tree: Path, parsed: list[str]) -> None:
    check(config=load_config(tree))
    parsed.clear()
    (tree / "docs" / "b.md").write_text("Release `dggll6o4xq-t` only.\n")
    warm = check(config=load_config(tree))
    assert parsed == ["b.md"]
    assert outputs(warm) == outputs(check(config=load_config(tree), fast=False))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]),
        lambda data: b"not a cache at all\n" * 10,
        lambda data: page_cache.MAGIC + bytes(32) + data[len(page_cache.MAGIC) + 32 :],
    ],
    ids=["empty", "truncated", "flipped-byte", "foreign", "wrong-signature"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(tree: Path, parsed: list[str], damage) -> None:  # type: ignore[no-untyped-def]
    expected = outputs(check(config=load_config(tree)))
    [path] = cache_files(tree)
    path.write_bytes(damage(path.read_bytes()))
    parsed.clear()
    assert outputs(check(config=load_config(tree))) == expected
    assert len(parsed) == 4  # nothing was taken from the damaged file
    parsed.clear()
    check(config=load_config(tree))
    assert parsed == []  # and it was rewritten whole


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("this must never run",))


def test_a_cache_that_would_run_code_is_refused(tree: Path, parsed: list[str]) -> None:
    expected = outputs(check(config=load_config(tree)))
    [path] = cache_files(tree)
    payload = pickle.dumps({"key": (None, _Planted())})
    # Signed with this user's own key: only the unpickler stands between it and the run.
    signature = signing_key().sign(page_cache.MAGIC, path.name.encode(), payload)
    path.write_bytes(page_cache.MAGIC + signature + payload)
    parsed.clear()
    assert outputs(check(config=load_config(tree))) == expected
    assert len(parsed) == 4


def test_another_configuration_or_version_does_not_reuse_the_cache(
    tree: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    check(config=load_config(tree))
    (tree / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\n[tool.archcheck.tokens]\nrelease = "dggll6o4xq-s"\n'
    )
    parsed.clear()
    changed = check(config=load_config(tree))
    assert len(parsed) == 4
    assert outputs(changed) == outputs(check(config=load_config(tree), fast=False))
    monkeypatch.setattr(page_cache, "__version__", "999.0")
    parsed.clear()
    check(config=load_config(tree))
    assert len(parsed) == 4
    assert len(cache_files(tree)) == 3


def test_a_page_with_comments_is_reused_only_on_the_day_it_was_checked(tmp_path: Path) -> None:
    config = load_config(Path(__file__).resolve().parents[2])
    key = signing_key(tmp_path / "key")
    store = page_cache.PageCache(tmp_path / "c.pickle", "2026-01-01", key)
    store.put("dated", "result", dated=True)
    store.put("plain", "result", dated=False)
    store.save()
    later = page_cache.PageCache(tmp_path / "c.pickle", "2026-01-02", key)
    later.entries, problem = page_cache.read_entries(tmp_path / "c.pickle", key)
    assert problem == ""
    assert later.get("dated") is None
    assert later.get("plain") == "result"
    assert page_cache.PageCache.open(config, date(2026, 1, 1)).path.name.startswith("pages-")


def test_caches_unused_for_a_month_are_deleted(tree: Path) -> None:
    import os
    import time

    folder = tree.parent / "cache"
    folder.mkdir()
    old, recent = folder / "pages-0.0.1-old.pickle", folder / "pages-0.0.1-recent.pickle"
    for path in (old, recent):
        path.write_bytes(b"x")
    month_and_a_day = time.time() - 31 * 24 * 3600
    os.utime(old, (month_and_a_day, month_and_a_day))
    check(config=load_config(tree))
    assert not old.exists()
    assert recent.exists()
    assert len(cache_files(tree)) == 2  # the recent one and this run's
