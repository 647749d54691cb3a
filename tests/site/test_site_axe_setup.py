"""Fast checks of how axe-core is had: one exact version, never a stale or broken cache, and no
npm means a skip on a developer's machine but a failure in CI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_core import AXE_CORE, AXE_CORE_VERSION, install_axe_core, installed_version


def test_axe_core_is_pinned_to_one_exact_version() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", AXE_CORE_VERSION), AXE_CORE_VERSION
    assert f"axe-core@{AXE_CORE_VERSION}" == AXE_CORE


def test_only_a_whole_install_counts_and_says_its_version(tmp_path: Path) -> None:
    package = tmp_path / "node_modules" / "axe-core"
    package.mkdir(parents=True)
    assert installed_version(package) is None
    (package / "package.json").write_text(json.dumps({"version": "4.0.0"}))
    assert installed_version(package) is None, "no axe.min.js: nothing to run"
    (package / "axe.min.js").write_text("")
    assert installed_version(package) == "4.0.0"  # not the pin: install_axe_core replaces it


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), (None, pytest.skip.Exception)]
)
def test_no_npm_fails_in_ci_and_skips_elsewhere(
    ci: str | None, outcome: type[BaseException], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="npm is needed"):
        install_axe_core(tmp_path / "prefix")
