"""The page cache can only ever return what this code would compute now: each attack on it is
played deterministically, and the open item is still reported afterwards."""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import stat
from pathlib import Path

import pytest

from archcheck import pipeline
from archcheck.cache import fingerprint
from archcheck.cache import store as page_cache
from archcheck.cli import run
from archcheck.config import load_config
from archcheck.engine import check
from archcheck.page import PageResult

OPEN = "# Release\n\n- [ ] All production secrets rotated\n"
TICKED = "# Release\n\n- [x] All production secrets rotated\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "docs"\n')
    (root / "docs" / "release.md").write_text(OPEN)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ARCHCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ARCHCHECK_CACHE_KEY_FILE", str(tmp_path / "state" / "cache-key"))
    return root


def open_items(root: Path) -> list[str]:
    return [f.code for f in check(config=load_config(root)).findings if f.code == "AC101"]


def _hiding(real: object) -> object:
    """A check that misses the open item: what older code, or another branch's, may have cached."""

    def check_parsed(*args: object, **kwargs: object) -> object:
        page = real(*args, **kwargs)  # type: ignore[operator]
        if isinstance(page, PageResult):
            kept = tuple(f for f in page.findings if f.code != "AC101")
            return dataclasses.replace(page, findings=kept)
        return page

    return check_parsed


def test_an_edit_between_reads_cannot_store_another_texts_result(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = project / "docs" / "release.md"
    real = pipeline.read_markdown
    reads: list[str] = []

    def read_then_edit(path: Path, shown: str, max_bytes: int) -> object:
        text = real(path, shown, max_bytes)
        reads.append(shown)
        page.write_text(TICKED)  # the author ticks the box while the run is under way
        return text

    monkeypatch.setattr(pipeline, "read_markdown", read_then_edit)
    assert open_items(project) == ["AC101"]  # the run reports the text it read
    assert reads == ["docs/release.md"]  # once
    monkeypatch.setattr(pipeline, "read_markdown", real)
    page.write_text(OPEN)  # ... and undoes it: the open text's cached result must be open
    assert open_items(project) == ["AC101"]


@pytest.mark.parametrize("part", ["code_digest", "installed_digest"])
def test_results_of_other_code_or_other_renderers_are_not_served(
    project: Path, monkeypatch: pytest.MonkeyPatch, part: str
) -> None:
    real_digest = getattr(fingerprint, part)
    monkeypatch.setattr(fingerprint, part, lambda: "the code of an earlier commit")
    monkeypatch.setattr(pipeline, "check_parsed", _hiding(pipeline.check_parsed))
    assert open_items(project) == []  # what the earlier code computed, and cached
    monkeypatch.undo()
    monkeypatch.setattr(fingerprint, part, real_digest)
    assert open_items(project) == ["AC101"]


def _cache_file(project: Path) -> Path:
    [path] = (project.parent / "cache").glob("pages-*.pickle")
    return path


def test_an_entry_written_with_another_key_is_ignored_and_the_run_says_so(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Planted by archcheck elsewhere (another machine, another branch's CI cache) ...
    monkeypatch.setenv("ARCHCHECK_CACHE_KEY_FILE", str(project.parent / "elsewhere" / "key"))
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "check_parsed", _hiding(pipeline.check_parsed))
        assert open_items(project) == []
    # ... and read here, with this user's key.
    monkeypatch.setenv("ARCHCHECK_CACHE_KEY_FILE", str(project.parent / "state" / "key"))
    capsys.readouterr()
    assert run(["check"]) == 1
    captured = capsys.readouterr()
    assert "AC101 open checklist item" in captured.out
    assert "not signed by archcheck for this user" in captured.err
    assert "ignored, every page is read again" in captured.err
    capsys.readouterr()
    assert run(["check"]) == 1  # rebuilt: the next run trusts it, and says nothing of it
    assert "archcheck:" not in capsys.readouterr().err


def test_an_entry_with_a_recomputed_checksum_is_ignored(project: Path) -> None:
    assert open_items(project) == ["AC101"]
    path = _cache_file(project)
    key = next(iter(page_cache.read_entries(path, page_cache.signing_key())[0]))
    forged = pickle.dumps({key: (None, 3)})  # "a page with nothing on it, 3 lines long"
    path.write_bytes(page_cache.MAGIC + hashlib.sha256(forged).digest() + forged)
    assert open_items(project) == ["AC101"]


def test_a_key_others_can_read_is_replaced_and_what_it_signed_is_ignored(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "check_parsed", _hiding(pipeline.check_parsed))
        assert open_items(project) == []
    key_file = project.parent / "state" / "cache-key"
    key_file.chmod(0o644)  # anyone on the machine could now sign a cache
    capsys.readouterr()
    assert run(["check"]) == 1
    err = capsys.readouterr().err
    assert "was not private to this user: replaced" in err
    assert "not signed by archcheck for this user" in err
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_the_key_is_private_and_outside_the_cache_folder(project: Path) -> None:
    open_items(project)
    key_file = project.parent / "state" / "cache-key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert not key_file.resolve().is_relative_to((project.parent / "cache").resolve())
