"""Pages built to be slow cost archcheck work in proportion to their size, and a page that is
slow all the same (a renderer's own cost) is stopped by page-time-limit.

Speed itself is judged by `make bench` (the adversarial series, bench/adversarial.py); these
tests count instead, so they cannot flake: how often each renderer is asked per page, and how
much work archcheck's own code does, at n, 2n and 4n repeats of each shape."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

import pytest

from archcheck.config import Config, load_config
from archcheck.engine import check_source
from archcheck.prescan import prescan_for
from archcheck.views import github, site
from archcheck.views.site_config import Site, load_site
from bench.adversarial_shapes import SHAPES, Shape

REPO = Path(__file__).resolve().parents[2]
SOURCE = str(REPO / "src" / "archcheck")
SMALL = 128  # repeats at n (a multiple of every period a shape repeats with); 2n doubles them
# Twice the work for twice the page, and a little over; a quadratic stage at these sizes comes
# out at 3 or more.
MOST_GROWTH = 2.3
# The untagged boxes' placing renders the page once per bit of their count (views/
# untagged_boxes.py): one render more per doubling, never one per box.
RENDERS_PER_BIT = {"task-items-with-html"}


TraceFunction = Callable[[FrameType, str, object], object]


@dataclasses.dataclass
class Reader:
    config: Config
    path: str
    site: Site | None

    def read(self, text: str) -> None:
        page = prescan_for(self.config).scan(text)
        page.facts()
        page.deep_prefix()
        check_source(text, self.path, self.config, site=self.site)


@pytest.fixture(scope="module", params=["GitHub", "site"])
def reader(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Reader:
    config = load_config(REPO)
    if request.param == "site":
        return Reader(config, str(REPO / "docs" / "adversarial.md"), load_site(REPO / "mkdocs.yml"))
    folder = tmp_path_factory.mktemp("no-site")  # no mkdocs.yml above it
    alone = dataclasses.replace(config, root=folder, path=None, mkdocs_config=None)
    return Reader(alone, str(folder / "docs" / "adversarial.md"), None)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    counted = {"cmark-gfm": 0, "Python-Markdown": 0}
    real_cmark, real_site = github.render_html, site.render

    def cmark(*args: object) -> str:
        counted["cmark-gfm"] += 1
        return real_cmark(*args)  # type: ignore[arg-type]

    def markdown(*args: object) -> str:
        counted["Python-Markdown"] += 1
        return real_site(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(github, "render_html", cmark)
    monkeypatch.setattr(site, "render", markdown)
    yield counted


def _own_work(reader: Reader, text: str) -> int:
    """Bytecode instructions archcheck's own code runs while it reads the page: every turn of
    its loops counts, the renderers' work does not (nor the inside of a C function it calls,
    which make bench judges by time)."""
    count = 0

    def each_instruction(frame: FrameType, event: str, arg: object) -> TraceFunction:
        nonlocal count
        count += event == "opcode"
        return each_instruction

    def each_call(frame: FrameType, event: str, arg: object) -> TraceFunction | None:
        if not frame.f_code.co_filename.startswith(SOURCE):
            return None
        frame.f_trace_opcodes = True
        return each_instruction

    sys.settrace(each_call)
    try:
        reader.read(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.name for shape in SHAPES])
def test_renderers_are_asked_as_often_for_a_page_twice_as_long(
    shape: Shape, reader: Reader, renders: dict[str, int]
) -> None:
    reader.read(shape.page(SMALL))
    at_n = dict(renders)
    for name in renders:
        renders[name] = 0
    reader.read(shape.page(2 * SMALL))
    at_2n = dict(renders)
    assert at_n["cmark-gfm"] == at_2n["cmark-gfm"] == 1
    if reader.site is None:
        assert at_n["Python-Markdown"] == at_2n["Python-Markdown"] == 0
    elif shape.name in RENDERS_PER_BIT:
        assert at_n["Python-Markdown"] <= 2 + SMALL.bit_length()
        assert at_2n["Python-Markdown"] <= at_n["Python-Markdown"] + 1
    else:
        assert at_n["Python-Markdown"] == at_2n["Python-Markdown"] == 1


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.name for shape in SHAPES])
def test_archcheck_does_twice_the_work_for_a_page_twice_as_long(
    shape: Shape, reader: Reader
) -> None:
    reader.read(shape.page(SMALL))  # the first read of a shape compiles and caches
    at_n = _own_work(reader, shape.page(SMALL))
    at_2n = _own_work(reader, shape.page(2 * SMALL))
    at_4n = _own_work(reader, shape.page(4 * SMALL))
    # The growth of the work per repeat alone: the fixed work of a page cancels out.
    assert at_4n - at_2n <= MOST_GROWTH * max(at_2n - at_n, 1) + 64, (at_n, at_2n, at_4n)


SLOW_SITE = "site_name: A slow page\ndocs_dir: docs\n"
# Python-Markdown reads the rest of a paragraph again for every '[' (bench/adversarial_shapes.py):
# this page takes it tens of seconds, and a box on it has the site's renderer read it.
SLOW_PAGE = "[" * 12_000 + "\n\n- [x] done\n"


def test_a_page_the_site_renders_slowly_is_stopped_by_the_time_limit(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "slow.md").write_text(SLOW_PAGE)
    (tmp_path / "docs" / "index.md").write_text("# Fine\n\n- [x] done\n")
    (tmp_path / "mkdocs.yml").write_text(SLOW_SITE)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\npage-time-limit = 0.05\n'
    )
    command = [str(Path(sys.executable).with_name("archcheck")), "check", "--no-cache"]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    start = time.monotonic()
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    took = time.monotonic() - start
    assert done.returncode == 2, done.stderr
    assert "docs/slow.md: took more than 0.05 s to read (page-time-limit)" in done.stderr
    assert "index.md" not in done.stderr
    # Not a figure to meet, only that the page was not read to its end: that takes this
    # renderer about 30 s, start-up and the other page about two.
    assert took < 20, took
