"""`python -m bench`: build the corpora, measure, print every ratio, save bench/out/results.json."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

from bench import adversarial, browser, markdownlint, plan, sites
from bench.measure import TIMEOUT_SECONDS
from bench.report import CorpusResult, Results, format_absent, format_browser, format_corpus, save
from bench.report import markdown as markdown_tables
from bench.suite import Settings, measure_corpus

REPO = Path(__file__).resolve().parent.parent
PARTS = (*plan.PARTS, "browser", "markdownlint", "adversarial")
# A quick run's adversarial pages: an eighth of the base sizes, each read for 0.01 s at least.
QUICK_ADVERSARIAL = (0.125, 0.01)


def _names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PARTS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"{text!r}: choose from {', '.join(PARTS)}")
    return names


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    add = parser.add_argument
    add("--quick", action="store_true", help="small corpora, one round (a smoke run)")
    add("--sizes", type=int, nargs="+", help="generated corpus sizes in pages")
    add("--repeats", type=int, help="rounds per measurement (medians are printed)")
    add(
        "--only", type=_names, metavar="NAME[,NAME]", help=f"measure only these: {', '.join(PARTS)}"
    )
    add("--skip", nargs="+", choices=PARTS, default=[], metavar="NAME", help="leave these out")
    default = plan.Sources()
    for option, what in (("rfcs", "the Rust RFCs' text/"), ("keps", "the KEPs' keps/")):
        add(f"--{option}", type=Path, metavar="PATH", default=getattr(default, option),
            help=f"{what} folder (default %(default)s)")  # fmt: skip
    add("--material", type=Path, metavar="PATH", default=default.material,
        help="the Material docs corpus: docs/ and mkdocs.yml (default %(default)s)")  # fmt: skip
    add("--timeout", type=float, default=TIMEOUT_SECONDS, help="seconds one command may take")
    add("--out", type=Path, default=REPO / "bench" / "out")
    add("--seed", type=int, default=default.seed)
    return parser


def _machine() -> dict[str, str]:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    git = ["git", "rev-parse", "--short", "HEAD"]
    commit = subprocess.run(
        git, cwd=REPO, capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
        "commit": commit or "unknown",
    }


def _progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _browser(out: Path, navigations: int) -> dict[str, float | int] | str:
    executable = browser.find_chromium()
    if isinstance(executable, str):
        return executable
    if not (REPO / "mkdocs.yml").is_file():
        return "n/a (no mkdocs.yml in the repository)"
    root = sites.repository_site(REPO, out / "site-browser").root
    log = out / "browser-site-build.txt"
    try:
        browser.build(root, out / "browser-site", log)
    except subprocess.CalledProcessError:
        return f"n/a (mkdocs build of the site failed; see {log})"
    try:
        figures = browser.measure(out / "browser-site", executable, navigations)
    except Exception as error:  # the browser's own errors have many types; report and go on
        return f"n/a (browser measurement failed: {type(error).__name__}: {error})".splitlines()[0]
    return dict(figures.__dict__)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    parts = set(args.only or PARTS) - set(args.skip)
    repeats = args.repeats or (1 if args.quick else 3)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    lint: Path | str = "n/a (skipped)"
    if "markdownlint" in parts:
        _progress(f"installing markdownlint-cli2 {markdownlint.VERSION} into {out / 'npm'}")
        lint = markdownlint.ensure_installed(out / "npm")
    sizes = tuple(args.sizes or (plan.QUICK_SIZES if args.quick else plan.SIZES))
    sources = plan.Sources(args.rfcs, args.keps, args.material, sizes, args.seed, args.quick)
    _progress(f"laying out the corpora in {out}")
    laid_out = plan.lay_out(parts, sources, out)
    results: list[CorpusResult] = []
    for each in laid_out.planned:
        tree = each.corpus
        _progress(f"measuring {tree.name} ({tree.pages} pages, {repeats} rounds)")
        result = measure_corpus(tree, Settings(repeats, out, lint, each.unbuilt, args.timeout))
        result.notes += [each.note] if each.note else []
        results.append(result)
        if args.quick and isinstance(lint, Path):
            # node's start-up dominates on small trees: one corpus shows the lint runs.
            lint = f"n/a (a quick run lints only {tree.name})"
    browser_figures: dict[str, float | int] | str = "n/a (skipped)"
    if "browser" in parts:
        _progress("building the site and loading the architecture page in chromium")
        browser_figures = _browser(out, 1 if args.quick else 5)
    growth: list[adversarial.Growth] = []
    if "adversarial" in parts:
        _progress("timing the adversarial pages at 1x, 2x, 4x and 8x")
        scale, enough = QUICK_ADVERSARIAL if args.quick else (1.0, adversarial.ENOUGH_SECONDS)
        growth = adversarial.measure(scale=scale, enough=enough)
    print(
        f"archcheck benchmark, {machine['date']}, commit {machine['commit']}\n"
        f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}, "
        f"Python {machine['python']}\n"
        f"command: python -m bench {' '.join(argv if argv is not None else sys.argv[1:])}\n"
    )
    for result in results:
        print(format_corpus(result) + "\n")
    for name, why in laid_out.absent.items():
        print(format_absent(name, why) + "\n")
    if parts - {"adversarial"}:
        print(format_browser(browser_figures))
    if growth:
        print("\n" + adversarial.format_series(growth))
    run = Results(machine, results, laid_out.absent, browser_figures, adversarial.as_data(growth))
    save(out / "results.json", run)
    (out / "results.md").write_text(markdown_tables(run), encoding="utf-8")
    return 0
