"""What one run measures: the corpora and sites it lays out in the output folder, which of them
are also built with MkDocs (R4, R7), and why an absent one is absent."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench import corpus, sites

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO / ".." / "shared" / "corpora"
PARTS = ("generated", "rust-rfcs", "k8s-keps", sites.MATERIAL, sites.REPOSITORY)
SIZES = (1_000, 10_000)  # generated corpora, in pages
# --quick: one generated corpus, large enough to be checked in worker processes, and how many
# files of each real corpus (evenly spread over it) make the smoke run.
QUICK_SIZES = (200,)
QUICK_FILES = {"rust-rfcs": 40, "k8s-keps": 24, sites.MATERIAL: 12}
# Of the generated corpora, the one nearest this size is built. A quick run builds only the two
# sites: the generated corpora and the RFCs are built with one configuration of the benchmark's.
BUILT_GENERATED = 1_000
BASE_BUILD = "builds: Material, search and the site's page extensions, no mermaid2"
NO_SITE = "n/a (a GitHub-only tree: no MkDocs site)"
NOT_BUILT_QUICK = "n/a (not built in a quick run)"


@dataclass(frozen=True)
class Planned:
    corpus: corpus.Corpus
    unbuilt: str | None = None  # None: the builds are measured too; else why not ("n/a (why)")
    note: str = ""  # printed under the corpus's figures


@dataclass(frozen=True)
class Sources:
    """Where the real corpora are (read-only), and the generated corpora's sizes and seed."""

    rfcs: Path = CORPORA / "rust-rfcs" / "text"
    keps: Path = CORPORA / "k8s-keps" / "keps"
    material: Path = CORPORA / sites.MATERIAL
    sizes: tuple[int, ...] = SIZES
    seed: int = 20261127
    quick: bool = False  # take QUICK_FILES of each real corpus


@dataclass
class Plan:
    planned: list[Planned] = field(default_factory=list)
    absent: dict[str, str] = field(default_factory=dict)  # name -> "n/a (why)"


def _generated(sources: Sources, out: Path, plan: Plan) -> None:
    built = min(sources.sizes, key=lambda size: abs(size - BUILT_GENERATED))
    for size in sources.sizes:
        tree = corpus.generate(out / f"corpus-{size}", size, sources.seed)
        unbuilt = None if size == built else f"n/a (built on generated-{built})"
        if sources.quick:
            unbuilt = NOT_BUILT_QUICK
        plan.planned.append(Planned(tree, unbuilt, BASE_BUILD if unbuilt is None else ""))


def _real(name: str, sources: Sources, out: Path, plan: Plan) -> None:
    source, option, vocab = {
        "rust-rfcs": (sources.rfcs, "--rfcs", corpus.RFC_VOCABULARY),
        "k8s-keps": (sources.keps, "--keps", corpus.KEPS_VOCABULARY),
    }[name]
    if not source.is_dir():
        plan.absent[name] = f"n/a ({source} not found; pass {option} PATH)"
        return
    limit = QUICK_FILES[name] if sources.quick else None
    # The KEPs are a GitHub-only repository: no mkdocs.yml, so no site view and no build.
    site = name != "k8s-keps"
    tree = corpus.copy_real(
        source, out / f"corpus-{name}", limit, name=name, vocab=vocab, site=site
    )
    if name == "k8s-keps":
        plan.planned.append(Planned(tree, NO_SITE))
    elif sources.quick:
        plan.planned.append(Planned(tree, NOT_BUILT_QUICK))
    else:
        plan.planned.append(Planned(tree, None, BASE_BUILD))


def _material(sources: Sources, out: Path, plan: Plan) -> None:
    source = sources.material
    if not ((source / "mkdocs.yml").is_file() and (source / "docs").is_dir()):
        why = f"n/a ({source} holds no mkdocs.yml and docs/; pass --material PATH)"
        plan.absent[sites.MATERIAL] = why
        return
    limit = QUICK_FILES[sites.MATERIAL] if sources.quick else None
    site = sites.material_site(source, out / f"site-{sites.MATERIAL}", limit)
    note = "builds: the corpus's own mkdocs.yml (its markdown_extensions, theme: material)"
    plan.planned.append(Planned(site, None, note))


def _repository(out: Path, plan: Plan) -> None:
    if not (REPO / "mkdocs.yml").is_file():
        plan.absent[sites.REPOSITORY] = "n/a (no mkdocs.yml in the repository)"
        return
    site = sites.repository_site(REPO, out / "site-repository")
    note = "a snapshot of this repository's site; builds: its own mkdocs.yml"
    plan.planned.append(Planned(site, None, note))


def lay_out(parts: set[str], sources: Sources, out: Path) -> Plan:
    """Write (or reuse) every corpus and site among `parts` under out, in PARTS order."""
    plan = Plan()
    if "generated" in parts:
        _generated(sources, out, plan)
    for name in ("rust-rfcs", "k8s-keps"):
        if name in parts:
            _real(name, sources, out, plan)
    if sites.MATERIAL in parts:
        _material(sources, out, plan)
    if sites.REPOSITORY in parts:
        _repository(out, plan)
    return plan
