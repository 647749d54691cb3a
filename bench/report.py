"""The benchmark's figures, the targets they are judged against, and how they are printed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Target:
    label: str
    limit: float | None  # None: recorded, not judged
    unit: str = "x"
    judged_on: str | None = None  # the one corpus the limit applies to; None: every corpus

    def describe(self) -> str:
        if self.limit is None:
            return "(recorded)"
        limit = f"<= {self.limit:g} MB" if self.unit == "MB" else f"<= {self.limit:g}"
        return f"{limit} on {self.judged_on}" if self.judged_on else limit


RATIOS: dict[str, Target] = {
    "R1": Target("archcheck check cold / markdown-it-py parse-only", 0.5),
    # The same in CPU time (workers included): what a busy, shared machine cannot blur.
    "R1c": Target("the same, in CPU seconds instead of wall time", None),
    "R2": Target("archcheck check cold / cmark-gfm (C) parse and render", 2.0, "x", "k8s-keps"),
    "R3": Target("warm re-run, nothing changed / cold", 0.05),
    "R3a": Target("warm re-run, one file changed / cold", 0.1),
    "R4": Target("mkdocs build + plugin / without (cold cache)", 1.05),
    "R4a": Target("mkdocs build + plugin / without (warm cache)", 1.05),
    "R5": Target("peak memory of a cold check's process tree", 150.0, "MB", "generated-10000"),
    "R6": Target("archcheck check cold / markdownlint-cli2", 0.1),
    "R7": Target("archcheck check cold / mkdocs build cold (no plugin)", 0.5),
}


@dataclass
class Figure:
    key: str
    value: float | None = None
    missing: str = ""  # "n/a (why)" when value is None

    def verdict(self, corpus: str) -> str:
        """ "met", "not met" (with how far when over twice the limit), or "" when not judged."""
        target = RATIOS[self.key]
        if self.value is None or target.limit is None:
            return ""
        if target.judged_on and corpus != target.judged_on:
            return ""
        if self.value <= target.limit:
            return "met"
        if self.value > 2 * target.limit:
            return f"not met ({self.value / target.limit:.1f}x the limit)"
        return "not met"


@dataclass
class CorpusResult:
    name: str
    pages: int
    megabytes: float
    repeats: int
    seconds: dict[str, float] = field(default_factory=dict)  # medians
    figures: dict[str, Figure] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def ratio(self, key: str, numerator: str, denominator: str) -> None:
        top, bottom = self.seconds.get(numerator), self.seconds.get(denominator)
        if top is not None and bottom:
            self.figures[key] = Figure(key, top / bottom)
        elif key not in self.figures:
            self.figures[key] = Figure(key, None, "n/a (not measured)")

    def figure(self, key: str) -> Figure:
        return self.figures.get(key, Figure(key, None, "n/a (not measured)"))


def _value(figure: Figure) -> str:
    if figure.value is None:
        return figure.missing
    unit = RATIOS[figure.key].unit
    return f"{figure.value:.1f} MB" if unit == "MB" else f"{figure.value:.3f}"


def format_corpus(result: CorpusResult) -> str:
    head = (
        f"== {result.name}: {result.pages:,} pages, {result.megabytes:.1f} MB "
        f"(medians of {result.repeats} runs)"
    )
    seconds = "   seconds: " + ", ".join(f"{k} {v:.3f}" for k, v in result.seconds.items())
    lines = [head, seconds]
    for key, target in RATIOS.items():
        figure = result.figure(key)
        row = f"   {key:<4} {target.label:<56} {target.describe():<29} {_value(figure):<8}"
        lines.append(f"{row} {figure.verdict(result.name)}".rstrip())
    lines += [f"   note: {note}" for note in result.notes]
    return "\n".join(lines)


def format_absent(name: str, why: str) -> str:
    return f"== {name}: {why}"


def format_browser(figures: object) -> str:
    if not isinstance(figures, dict):
        return f"== browser: the architecture page in chromium\n   {figures}"
    return (
        "== browser: the architecture page (docs/index.md) in chromium\n"
        f"   transferred: {figures['raw_bytes']:,} bytes raw, "
        f"{figures['gzip_bytes']:,} bytes gzip, "
        f"{figures['requests']} requests, {figures['foreign_requests']} to other hosts\n"
        f"   navigation to rendered diagram: {figures['diagram_ms']:.0f} ms "
        "(median, headless chromium)"
    )


@dataclass(frozen=True)
class Results:
    """Everything one benchmark run measured, as it is saved and printed."""

    machine: dict[str, str]
    corpora: list[CorpusResult]
    absent: dict[str, str]  # corpus name -> "n/a (why)"
    browser: object  # the browser figures (a dict), or why they are missing
    adversarial: list[dict[str, object]] = field(default_factory=list)  # bench/adversarial.py


def save(path: Path, results: Results) -> None:
    data = {
        "machine": results.machine,
        "corpora": [asdict(c) for c in results.corpora],
        "absent": results.absent,
        "browser": results.browser,
        "adversarial": results.adversarial,
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def markdown(results: Results) -> str:
    """The figures as Markdown tables, for the documentation's Performance page."""
    corpora, machine = results.corpora, results.machine
    names = [c.name for c in corpora]
    lines = [
        "| Ratio | Target | " + " | ".join(names) + " |",
        "| --- | --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for key, target in RATIOS.items():
        cells = []
        for result in corpora:
            figure = result.figure(key)
            verdict = figure.verdict(result.name)
            cells.append(_value(figure) + (f" ({verdict})" if verdict else ""))
        lines.append(f"| {key}: {target.label} | {target.describe()} | " + " | ".join(cells) + " |")
    seconds = sorted({name for c in corpora for name in c.seconds})
    lines += ["", "| Median seconds | " + " | ".join(names) + " |"]
    lines.append("| --- | " + " | ".join("---" for _ in names) + " |")
    for name in seconds:
        row = [f"{c.seconds[name]:.3f}" if name in c.seconds else "" for c in corpora]
        lines.append(f"| {name} | " + " | ".join(row) + " |")
    sizes = ", ".join(f"{c.name}: {c.pages:,} pages, {c.megabytes:.1f} MB" for c in corpora)
    head = (
        f"Taken {machine['date']} at commit {machine['commit']} on {machine['cpu']}, "
        f"{machine['cores']} cores, {machine['system']}, Python {machine['python']}. "
        f"Corpora: {sizes or 'none'}."
    )
    absent = [f"{name}: {why}" for name, why in results.absent.items()]
    tail = [format_browser(results.browser).replace("== ", ""), *absent]
    if results.adversarial:
        tail.append(_adversarial_table(results.adversarial))
    tables = "\n".join(lines) if corpora else ""  # a run of the adversarial series alone
    return "\n\n".join(part for part in (head, tables, *tail) if part) + "\n"


def _adversarial_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| Shape | View | 8x page | Seconds at 1x, 2x, 4x, 8x | Worst | Last | Fit | Fit <= 2.5 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        seconds = ", ".join(f"{value:.3f}" for value in row["seconds"])
        doublings = row["doublings"] or [0.0]
        fitted = f"{row['fitted']:.2f}" if row["fitted"] is not None else ""
        verdict = row["verdict"] or row["missing"]
        lines.append(
            f"| {row['shape']} | {row['view']} | {row['kilobytes'][-1]:.0f} KB | {seconds} | "
            f"{max(doublings):.2f} | {doublings[-1]:.2f} | {fitted} | {verdict} |"
        )
    return "\n".join(lines)
