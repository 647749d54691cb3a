"""The adversarial series: each shape of bench/adversarial_shapes.py as one page of 1x, 2x, 4x
and 8x its base size, timed in this process as `archcheck check` reads a page whose every
trigger fires (the pre-scan, then `check_source`: every fact from every renderer), without a
site (cmark-gfm only) and on this repository's site (cmark-gfm and its Python-Markdown). The
figure is the growth per doubling, time(2n) / time(n): linear time is 2."""

from __future__ import annotations

import dataclasses
import gc
import math
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bench.adversarial_shapes import SHAPES, Shape

REPO = Path(__file__).resolve().parent.parent
FACTORS = (1, 2, 4, 8)
TARGET = 2.5  # the most a doubling of the page may multiply its time by
STOP_SECONDS = 10.0  # a size slower than this is the last one timed
# Each size is read until this much time is spent, at least three times while under BUSY
# seconds in all, and the best run kept: one slow run on a shared machine cannot set a figure.
ENOUGH_SECONDS = 0.2
BUSY_SECONDS = 1.5
MOST_RUNS = 20


@dataclass
class Growth:
    """One shape in one view: its time at each size, and the growth per doubling."""

    shape: str
    view: str  # "GitHub" or "site"
    kilobytes: list[float] = field(default_factory=list)  # the page at each size timed
    seconds: list[float] = field(default_factory=list)
    missing: str = ""  # "n/a (why)" when a size could not be read
    renderer: str = ""  # the renderer stage known to grow faster, when one does

    @property
    def doublings(self) -> list[float]:
        pairs = zip(self.seconds, self.seconds[1:], strict=False)
        return [later / earlier for earlier, later in pairs if earlier > 0]

    @property
    def fitted(self) -> float | None:
        """The growth per doubling that fits every size timed (least squares of log time on
        log size): what the target judges, as no single noisy run can tip it."""
        timed = zip(FACTORS, self.seconds, strict=False)
        points = [(math.log2(f), math.log2(s)) for f, s in timed if s > 0]
        if len(points) < 2:
            return None
        mean_x = sum(x for x, _ in points) / len(points)
        mean_y = sum(y for _, y in points) / len(points)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum(
            (x - mean_x) ** 2 for x, _ in points
        )
        return float(2**slope)

    def verdict(self) -> str:
        fitted = self.fitted
        if fitted is None:
            return ""
        if fitted > TARGET:
            return "not met"
        return "met" if not self.missing else ""


def _seconds(read: Callable[[], object], enough: float) -> float:
    """The best of a few reads (many for a fast page, so the figure is not a clock's tick)."""
    gc.collect()  # what earlier pages left is not this one's to collect
    best, spent, runs = math.inf, 0.0, 0
    while runs == 0 or (runs < 3 and spent < BUSY_SECONDS) or (spent < enough and runs < MOST_RUNS):
        start = time.perf_counter()
        read()
        took = time.perf_counter() - start
        best, spent, runs = min(best, took), spent + took, runs + 1
    return best


def _reader(with_site: bool, folder: Path) -> Callable[[str], object]:
    """How one page is read: the pre-scan and check_source, on the repository's own
    configuration and site, or on the same configuration in a folder with no site."""
    from archcheck.config import load_config
    from archcheck.engine import check_source
    from archcheck.prescan import prescan_for
    from archcheck.views.site_config import load_site

    config = load_config(REPO)
    site = load_site((REPO / "mkdocs.yml").resolve()) if with_site else None
    path = str(REPO / "docs" / "adversarial.md")
    if site is None:  # a page of no site: no mkdocs.yml above its folder
        config = dataclasses.replace(config, root=folder, path=None, mkdocs_config=None)
        path = str(folder / "docs" / "adversarial.md")
    scan = prescan_for(config)

    def read(text: str) -> object:
        page = scan.scan(text)
        page.facts()
        page.deep_prefix()
        return check_source(text, path, config, site=site)

    read("# A page\n\n- [x] warm the renderers up\n")
    return read


def measure(
    shapes: Sequence[Shape] = SHAPES, scale: float = 1.0, enough: float = ENOUGH_SECONDS
) -> list[Growth]:
    """Every shape in both views; ``scale`` multiplies the base sizes and ``enough`` is the
    time a size is read for at least (a quick run's are small)."""
    rows: list[Growth] = []
    with tempfile.TemporaryDirectory(prefix="archcheck-adversarial-") as folder:
        for view, with_site in (("GitHub", False), ("site", True)):
            read = _reader(with_site, Path(folder))
            for shape in shapes:
                row = Growth(shape.name, view, renderer=shape.renderer if with_site else "")
                for factor in FACTORS:
                    text = shape.page(max(1, round(shape.base * scale)) * factor)
                    row.kilobytes.append(len(text.encode()) / 1000)
                    try:
                        row.seconds.append(_seconds(partial(read, text), enough))
                    except RecursionError:
                        row.missing = f"n/a ({factor}x nests too deeply: RecursionError)"
                        break
                    if row.seconds[-1] > STOP_SECONDS:
                        row.missing = f"n/a (stopped after {factor}x: over {STOP_SECONDS:g} s)"
                        break
                rows.append(row)
    return rows


def _cell(values: Sequence[float], width: int, digits: int) -> str:
    cells = [f"{value:.{digits}f}" for value in values]
    return " ".join(f"{cell:>{width}}" for cell in cells + ["-"] * (len(FACTORS) - len(cells)))


def format_series(rows: Sequence[Growth]) -> str:
    lines = [
        "== adversarial: one page of 1x, 2x, 4x, 8x repeats of a slow construct, read as a page "
        "whose every trigger fires",
        f"   target: each doubling of the page at most {TARGET:g}x its time, judged on the growth"
        " that fits all four sizes (fit); linear is 2",
        f"   {'shape':<27} {'view':<6} {'8x KB':>7} {'seconds at 1x, 2x, 4x, 8x':>31} "
        f"{'worst':>6} {'last':>6} {'fit':>6}",
    ]
    notes: list[str] = []
    for row in rows:
        doublings = row.doublings
        worst = f"{max(doublings):6.2f}" if doublings else f"{'-':>6}"
        last = f"{doublings[-1]:6.2f}" if doublings else f"{'-':>6}"
        fitted = f"{row.fitted:6.2f}" if row.fitted is not None else f"{'-':>6}"
        size = row.kilobytes[-1] if row.kilobytes else 0.0
        line = (
            f"   {row.shape:<27} {row.view:<6} {size:7.0f} {_cell(row.seconds, 7, 3)} "
            f"{worst} {last} {fitted} {row.verdict()}"
        )
        lines.append((line + (f" {row.missing}" if row.missing else "")).rstrip())
        if row.renderer and row.verdict() == "not met":
            notes.append(f"   note: {row.shape} on the site: {row.renderer}")
    return "\n".join(lines + notes)


def as_data(rows: Sequence[Growth]) -> list[dict[str, object]]:
    return [
        {
            **dataclasses.asdict(row),
            "doublings": row.doublings,
            "fitted": row.fitted,
            "verdict": row.verdict(),
        }
        for row in rows
    ]
