"""mermaid2's per-page "Custom loader activated" line is kept out of a real build's output, and
only that line: its warnings still show."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.mkdocs_plugin.logs import MERMAID2_LOGGER, CustomLoaderLine

from .conftest import mkdocs_env
from .test_serve import Served, free_port

DIAGRAM = "```mermaid\nflowchart LR\n  a --> b\n```\n"


def site(root: Path, javascript: str) -> Path:
    """Two pages with a diagram each, rendered by mermaid2's custom loader as this site does."""
    (root / "docs").mkdir()
    for name in ("index", "second"):
        (root / "docs" / f"{name}.md").write_text(f"# {name}\n\n{DIAGRAM}", encoding="utf-8")
    (root / "docs" / "mermaid.min.js").write_text("", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Diagrams\n"
        "plugins:\n"
        "  - archcheck\n"
        "  - mermaid2:\n"
        f"      javascript: {javascript}\n"
        "markdown_extensions:\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:mermaid2.fence_mermaid_custom\n",
        encoding="utf-8",
    )
    return root


def build(root: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout
    return done.stdout


@pytest.mark.slow
def test_a_build_shows_no_custom_loader_line(tmp_path: Path) -> None:
    output = build(site(tmp_path, "mermaid.min.js"))
    assert "Custom loader activated" not in output, output
    # mermaid2's other lines about each page are still there, one for each.
    assert output.count("found 1 diagrams, adding scripts") == 2, output
    assert "archcheck: release gate green" in output, output


@pytest.mark.slow
def test_a_build_still_shows_mermaid2_warnings(tmp_path: Path) -> None:
    # A Mermaid library at an address nothing answers: mermaid2 warns that it cannot check it.
    unreachable = f"http://127.0.0.1:{free_port()}/mermaid.min.js"
    output = build(site(tmp_path, unreachable))
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    assert any("MERMAID2  - Cannot check URL" in line for line in warnings), output
    assert "Custom loader activated" not in output, output


@pytest.mark.slow
def test_serve_shows_no_custom_loader_line_on_a_rebuild_either(tmp_path: Path) -> None:
    root = site(tmp_path, "mermaid.min.js")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    served = Served(process, f"http://127.0.0.1:{port}/")
    try:
        served.wait_for(lambda: "Serving on" in served.output(), "the server to start")
        with (root / "docs" / "second.md").open("a", encoding="utf-8") as page:
            page.write("\nEdited.\n")
        served.wait_for(lambda: "Reloading browsers" in served.output(), "the rebuild")
        rebuilt = served.output().rpartition("Detected file changes")[2]
        assert rebuilt.count("found 1 diagrams, adding scripts") == 2, served.output()
        assert "Custom loader activated" not in served.output(), served.output()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def record(level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord(MERMAID2_LOGGER, level, "util.py", 46, message, None, None)


def test_the_filter_drops_exactly_that_line_at_its_level() -> None:
    keep = CustomLoaderLine().filter
    assert not keep(record(logging.INFO, "MERMAID2  - Custom loader activated"))
    assert keep(record(logging.WARNING, "MERMAID2  - Custom loader activated"))
    assert keep(record(logging.INFO, "MERMAID2  - Page 'A': found 1 diagrams, adding scripts"))
    assert keep(record(logging.INFO, "MERMAID2  - Custom loader activated for page A"))
