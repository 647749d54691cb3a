"""Write benchmark corpora to disk: a seeded generated tree or a copy of a real one, each laid out
as a small project (pyproject with `[tool.archcheck]`, a mkdocs.yml, and the two configurations
`mkdocs_build` builds it with, with and without the plugin)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.mkdocs_build import write_configs
from bench.pages import Vocabulary, page

GENERATED_VOCABULARY = Vocabulary(
    tokens={"policy": "kq4m2vz-8-tnrwpx", "release": "rel-5hq2-k", "project": "Corpus-Z9mQ"},
    components={
        "Edge Gateway": "edge-gw",
        "Query Service": "query-svc",
        "Batch Worker": "batch-wk",
        "Event Bus": "event-bus",
    },
)
# Names the RFC text really uses, so the token rules have occurrences and near-misses to inventory.
RFC_VOCABULARY = Vocabulary(
    tokens={"analyzer": "rust-analyzer", "wasm": "wasm32-unknown-unknown", "docs": "T-rustdoc"},
    components={"Parser": "parser", "Type Checker": "typeck", "Codegen": "codegen"},
)
# The same for the Kubernetes Enhancement Proposals.
KEPS_VOCABULARY = Vocabulary(
    tokens={"cli": "kubectl", "server": "kube-apiserver", "scheduler": "kube-scheduler"},
    components={"API Server": "apiserver", "Scheduler": "scheduler", "Kubelet": "kubelet"},
)
PAGES_PER_FOLDER = 50
SPEC_FILE = ".corpus-spec.json"

MKDOCS_BASE = """\
site_name: {name}
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  font: false
  features: [navigation.prune]
markdown_extensions:
  - tables
  - toc:
      permalink: true
  - admonition
  - footnotes
  - pymdownx.superfences
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.tilde:
      subscript: false
  - pymdownx.quotes:
      callouts: true
plugins:
  - search
"""


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk: `root` holds the config files, `docs` the Markdown pages."""

    name: str
    root: Path
    pages: int
    total_bytes: int

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def markdown_files(self) -> list[Path]:
        return sorted(self.docs.rglob("*.md"))


def _toml_table(name: str, values: Mapping[str, str]) -> str:
    rows = "".join(f"{json.dumps(key)} = {json.dumps(value)}\n" for key, value in values.items())
    return f"[{name}]\n{rows}"


def write_config(root: Path, name: str, vocab: Vocabulary, *, site: bool = True) -> None:
    """The corpus's own project files, so `archcheck check` and `mkdocs build` run inside it.
    ``site=False``: a GitHub-only tree, with no mkdocs.yml (its pages then have no site view)."""
    pyproject = (
        '[tool.archcheck]\ndocs = "docs"\n\n'
        + _toml_table("tool.archcheck.tokens", vocab.tokens)
        + "\n"
        + _toml_table("tool.archcheck.components", vocab.components)
    )
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    if site:
        (root / "mkdocs.yml").write_text(MKDOCS_BASE.format(name=name), encoding="utf-8")
        write_configs(root)


def on_disk(name: str, root: Path) -> Corpus:
    """The corpus whose pages are root/docs/**/*.md."""
    files = sorted((root / "docs").rglob("*.md"))
    return Corpus(name, root, len(files), sum(f.stat().st_size for f in files))


def generate(root: Path, pages: int, seed: int) -> Corpus:
    """Write `pages` generated pages under root/docs (reusing an identical earlier run)."""
    name = f"generated-{pages}"
    spec = json.dumps({"pages": pages, "seed": seed, "generator": _generator_digest()})
    stamp = root / SPEC_FILE
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == spec:
        write_config(root, name, GENERATED_VOCABULARY)
        return on_disk(name, root)
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(f"# Generated corpus of {pages} pages\n", encoding="utf-8")
    for index in range(pages - 1):
        folder = docs / f"section-{index // PAGES_PER_FOLDER:03d}"
        folder.mkdir(exist_ok=True)
        text = page(seed, index, GENERATED_VOCABULARY)
        (folder / f"page-{index:05d}.md").write_text(text, encoding="utf-8")
    write_config(root, name, GENERATED_VOCABULARY)
    stamp.write_text(spec, encoding="utf-8")
    return on_disk(name, root)


def copy_real(
    source: Path,
    root: Path,
    limit: int | None = None,
    *,
    name: str = "rust-rfcs",
    vocab: Vocabulary = RFC_VOCABULARY,
    site: bool = True,
) -> Corpus:
    """Copy a real Markdown tree (read-only data) so the benchmark may change a file in it; with
    a limit, only that many of its files (copy_pages)."""
    if root.exists():
        shutil.rmtree(root)
    copy_pages(source, root / "docs", limit)
    if not (root / "docs" / "index.md").exists():
        (root / "docs" / "index.md").write_text(f"# {name}\n", encoding="utf-8")
    write_config(root, name, vocab, site=site)
    return on_disk(name, root)


def copy_pages(source: Path, docs: Path, limit: int | None = None) -> list[Path]:
    """Copy the Markdown files of source into docs, writable, so a run may change one; with a
    limit, at most that many, evenly spread over the tree in path order. Returns the copies."""
    files = sorted(source.rglob("*.md"))
    step = -(-len(files) // limit) if limit else 1
    copies = []
    for file in files[::step]:
        target = docs / file.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.read_bytes())
        target.chmod(0o644)
        copies.append(target)
    return copies


def _generator_digest() -> str:
    # A change to the page generator invalidates corpora written by an older version.
    source = Path(__file__).with_name("pages.py").read_bytes() + Path(__file__).read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]
