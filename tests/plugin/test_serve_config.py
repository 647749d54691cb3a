"""A real `mkdocs serve`: editing the configuration file the plugin read rebuilds the site, and
the new configuration is the one the pages are checked with."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import mkdocs_env
from .test_serve import Served, free_port

pytestmark = pytest.mark.slow

TYPO, DECLARED = "pol-5512-kx", "pol-5521-kx"
PAGE = f"# Deploy\n\nDeploy under policy `{TYPO}`.\n"
# Each file the plugin can read its configuration from, as written there.
CONFIGURATIONS = {
    "archcheck.toml": f'[tokens]\npolicy = "{DECLARED}"\n',
    ".archcheck.toml": f'[tokens]\npolicy = "{DECLARED}"\n',
    "pyproject.toml": (
        f'[project]\nname = "notes"\n\n[tool.archcheck.tokens]\npolicy = "{DECLARED}"\n'
    ),
}


@pytest.fixture(params=sorted(CONFIGURATIONS))
def scratch(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A site of one page with a token typo, and one configuration file beside mkdocs.yml."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Notes\nplugins:\n  - archcheck\n")
    name: str = request.param
    (tmp_path / name).write_text(CONFIGURATIONS[name], encoding="utf-8")
    return tmp_path / name


@pytest.fixture
def served(scratch: Path) -> Iterator[Served]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=scratch.parent,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Served(process, f"http://127.0.0.1:{port}/")
    try:
        server.wait_for(lambda: "Serving on" in server.output(), "the server to start")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_an_edited_configuration_rebuilds_the_site_with_it(served: Served, scratch: Path) -> None:
    finding = f"docs/index.md:3:22: AC201 '{TYPO}' is not a declared token"
    assert finding in served.output()
    assert "AC201" in served.get(), "the page's banner shows the typo"
    [watching] = [line for line in served.lines if "Watching paths for changes: " in line]
    assert f"'{scratch.name}'" in watching, watching

    # The author declares the value the page uses: the page is right after all.
    text = scratch.read_text(encoding="utf-8")
    scratch.write_text(text.replace(DECLARED, TYPO), encoding="utf-8")
    served.wait_for(lambda: "AC201" not in served.get(), "the page rebuilt without the typo")
    rebuilt = served.output().rpartition("Detected file changes")[2]
    assert "AC201" not in rebuilt, rebuilt
    assert "release gate green" in rebuilt, rebuilt
    assert served.process.poll() is None, "serve must keep running"
