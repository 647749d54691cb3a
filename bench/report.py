"""The benchmark's figures, the targets they are judged against, and how they are printed."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

# key -> (label, target, unit). A target of None is recorded, not judged.
RATIOS: dict[str, tuple[str, float | None, str]] = {
    "R1": ("archcheck check cold / markdown-it-py parse-only", 0.5, "x"),
    # The same in CPU time (workers included): what a busy, shared machine cannot blur.
    "R1c": ("the same, in CPU seconds instead of wall time", None, "x"),
    "R2": ("archcheck check cold / cmark-gfm (C) parse and render", None, "x"),
    "R3": ("warm re-run, nothing changed / cold", 0.05, "x"),
    "R3a": ("warm re-run, one file changed / cold", 0.1, "x"),
    "R4": ("mkdocs build + plugin / without (cold cache)", 1.05, "x"),
    "R4a": ("mkdocs build + plugin / without (warm cache)", 1.05, "x"),
    "R5": ("archcheck check cold, peak memory of its process tree", 150.0, "MB"),
    "R6": ("archcheck check cold / markdownlint-cli2", 0.1, "x"),
}
# R5's target is set on the 10,000-page corpus; on the others the figure is recorded only.
R5_TARGET_PAGES = 10_000


@dataclass
class Figure:
    key: str
    value: float | None = None
    missing: str = ""  # "n/a (why)" when value is None

    def verdict(self, pages: int) -> str:
        target = RATIOS[self.key][1]
        if self.value is None or target is None:
            return ""
        if self.key == "R5" and pages != R5_TARGET_PAGES:
            return ""
        if self.value <= target:
            return "met"
        return f"MISSED by {self.value / target:.1f}x" if self.value > 2 * target else "MISSED"


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


def _value(figure: Figure) -> str:
    if figure.value is None:
        return figure.missing
    unit = RATIOS[figure.key][2]
    return f"{figure.value:.1f} MB" if unit == "MB" else f"{figure.value:.3f}"


def _target(key: str) -> str:
    target = RATIOS[key][1]
    if target is None:
        return "(reference)"
    unit = RATIOS[key][2]
    return f"<= {target:g} MB" if unit == "MB" else f"<= {target:g}"


def format_corpus(result: CorpusResult) -> str:
    head = (
        f"== {result.name}: {result.pages:,} pages, {result.megabytes:.1f} MB "
        f"(medians of {result.repeats} runs)"
    )
    seconds = "   seconds: " + ", ".join(f"{k} {v:.3f}" for k, v in result.seconds.items())
    lines = [head, seconds]
    for key in RATIOS:
        figure = result.figures.get(key, Figure(key, None, "n/a (not measured)"))
        label = RATIOS[key][0]
        verdict = figure.verdict(result.pages)
        lines.append(f"   {key:<4} {label:<56} {_value(figure):<14} {_target(key):<12} {verdict}")
    lines += [f"   note: {note}" for note in result.notes]
    return "\n".join(lines)


def format_site(figures: object) -> str:
    if not isinstance(figures, dict):
        return f"== site: architecture page\n   {figures}"
    return (
        "== site: architecture page (docs/index.md)\n"
        f"   transferred: {figures['raw_bytes']:,} bytes raw, "
        f"{figures['gzip_bytes']:,} bytes gzip, "
        f"{figures['requests']} requests, {figures['foreign_requests']} to other hosts\n"
        f"   navigation to rendered diagram: {figures['diagram_ms']:.0f} ms "
        "(median, headless chromium)"
    )


def save(path: Path, machine: dict[str, str], corpora: list[CorpusResult], site: object) -> None:
    data = {"machine": machine, "corpora": [asdict(c) for c in corpora], "site": site}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def markdown(machine: dict[str, str], corpora: list[CorpusResult], site: object) -> str:
    """The figures as Markdown tables, for the documentation's Performance page."""
    names = [c.name for c in corpora]
    lines = [
        "| Ratio | Target | " + " | ".join(names) + " |",
        "| --- | --- | " + " | ".join("---" for _ in names) + " |",
    ]
    for key, (label, _, _) in RATIOS.items():
        cells = []
        for result in corpora:
            figure = result.figures.get(key, Figure(key, None, "n/a (not measured)"))
            verdict = figure.verdict(result.pages)
            cells.append(_value(figure) + (f" ({verdict})" if verdict else ""))
        lines.append(f"| {key}: {label} | {_target(key)} | " + " | ".join(cells) + " |")
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
        f"Corpora: {sizes}."
    )
    return head + "\n\n" + "\n".join(lines) + "\n\n" + format_site(site).replace("== ", "") + "\n"
