"""`python -m bench`: build the corpora, measure, print every ratio, save bench/out/results.json."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

from bench import browser, corpus, markdownlint
from bench.report import CorpusResult, format_corpus, format_site, markdown, save
from bench.suite import Settings, measure_corpus

REPO = Path(__file__).resolve().parent.parent
SEED = 20261127
PARTS = ("generated", "rfcs", "site", "markdownlint")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small corpora, one round")
    parser.add_argument("--sizes", type=int, nargs="+", help="generated corpus sizes in pages")
    parser.add_argument("--repeats", type=int, help="rounds per measurement (medians are printed)")
    parser.add_argument(
        "--rfcs",
        type=Path,
        default=REPO / ".." / "shared" / "corpora" / "rust-rfcs" / "text",
        help="the real corpus (default ../shared/corpora/rust-rfcs/text)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--skip", nargs="+", choices=PARTS, default=[], help="parts to leave out")
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


def _site(out: Path, navigations: int) -> dict[str, float | int] | str:
    executable = browser.find_chromium()
    if isinstance(executable, str):
        return executable
    if not (REPO / "mkdocs.yml").is_file():
        return "n/a (no mkdocs.yml in the repository yet)"
    site_dir = out / "site"
    try:
        browser.build(REPO, site_dir, out / "site-build.txt")
    except subprocess.CalledProcessError:
        return f"n/a (mkdocs build of the site failed; see {out / 'site-build.txt'})"
    try:
        figures = browser.measure(site_dir, executable, navigations)
    except Exception as error:  # the browser's own errors have many types; report and go on
        return f"n/a (browser measurement failed: {type(error).__name__}: {error})".splitlines()[0]
    return dict(figures.__dict__)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sizes = args.sizes or ([40, 200] if args.quick else [1_000, 10_000])
    repeats = args.repeats or (1 if args.quick else 3)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    lint: Path | str = "n/a (skipped)"
    if "markdownlint" not in args.skip:
        _progress(f"installing markdownlint-cli2 {markdownlint.VERSION} into {out / 'npm'}")
        lint = markdownlint.ensure_installed(out / "npm")
    corpora: list[corpus.Corpus] = []
    if "generated" not in args.skip:
        for size in sizes:
            _progress(f"writing generated corpus of {size} pages (seed {args.seed})")
            corpora.append(corpus.generate(out / f"corpus-{size}", size, args.seed))
    rfc_note = ""
    if "rfcs" not in args.skip:
        if args.rfcs.is_dir():
            limit = 60 if args.quick else None
            corpora.append(corpus.copy_real(args.rfcs, out / "corpus-rust-rfcs", limit))
        else:
            rfc_note = f"== rust-rfcs: skipped ({args.rfcs} not found; pass --rfcs PATH)"
    build_at = min(sizes, key=lambda size: abs(size - 1_000))
    results: list[CorpusResult] = []
    for each in corpora:
        _progress(f"measuring {each.name} ({each.pages} pages, {repeats} rounds)")
        build = each.name == f"generated-{build_at}" or not each.name.startswith("generated")
        settings = Settings(repeats=repeats, out=out, markdownlint=lint, build=build)
        results.append(measure_corpus(each, settings))
    site_figures: dict[str, float | int] | str = "n/a (skipped)"
    if "site" not in args.skip:
        _progress("building the site and loading the architecture page in chromium")
        site_figures = _site(out, 1 if args.quick else 5)
    print(
        f"archcheck benchmark, {machine['date']}, commit {machine['commit']}\n"
        f"machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}, "
        f"Python {machine['python']}\n"
        f"command: python -m bench {' '.join(argv if argv is not None else sys.argv[1:])}\n"
    )
    for result in results:
        print(format_corpus(result) + "\n")
    if rfc_note:
        print(rfc_note + "\n")
    print(format_site(site_figures))
    save(out / "results.json", machine, results, site_figures)
    (out / "results.md").write_text(markdown(machine, results, site_figures), encoding="utf-8")
    return 0
