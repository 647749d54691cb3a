"""The built site: the docs pages and the generated Rules page are there, test helpers are not.

Built with the real `mkdocs build --strict`, allowing the note's open item
(ARCHCHECK_ALLOW_OPEN=1) so that any other warning, such as a broken link in a page, fails.
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck import RULES
from mkdocs_hooks.rules_page import rules_markdown
from tests.docs.sybil_support.workspace import ROOT, copy_repository

PAGES = ("using", "suppressions", "site-and-ci", "rules", "python-api", "writing-docs")
# What readers get: pages, the theme's assets, the search index, the sitemap and images.
PUBLISHED_SUFFIXES = {".html", ".css", ".js", ".map", ".json", ".xml", ".gz", ".webp", ".png"}
HELPERS = {"conftest.py", "fixtures", "testdata", "__pycache__", "sybil_support", "mkdocs_hooks"}


def build(project: Path, site: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "ARCHCHECK_ALLOW_OPEN": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's site."""
    site = tmp_path_factory.mktemp("docs-site") / "site"
    build(ROOT, site)
    return site


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site's sources with test helpers and data next to the pages, built."""
    project = copy_repository(tmp_path_factory.mktemp("planted"))
    docs = project / "docs" / "archcheck"
    (docs / "conftest.py").write_text("collect_ignore = []\n", encoding="utf-8")
    (docs / "helper.py").write_text("VALUE = 1\n", encoding="utf-8")
    for folder in ("fixtures", "testdata", "__pycache__"):
        (docs / folder).mkdir()
        (docs / folder / "case.md").write_text("- [ ] not a page\n", encoding="utf-8")
    (docs / "__pycache__" / "helper.cpython-311.pyc").write_bytes(b"\0")
    site = project / "site"
    build(project, site)
    return site


def published(site: Path) -> list[Path]:
    return [path.relative_to(site) for path in site.rglob("*") if path.is_file()]


@pytest.mark.parametrize("which", ["site", "planted_site"])
def test_no_test_helper_or_data_is_published(which: str, request: pytest.FixtureRequest) -> None:
    files = published(request.getfixturevalue(which))
    assert files, "nothing was built"
    assert not [f for f in files if HELPERS & set(f.parts) or f.name == "conftest.py"]
    assert {f.suffix for f in files} <= PUBLISHED_SUFFIXES
    assert [f.as_posix() for f in files if f.suffix == ".json"] == ["search/search_index.json"]


def test_the_planted_pages_are_not_pages(planted_site: Path) -> None:
    html = "".join(path.read_text(encoding="utf-8") for path in planted_site.rglob("*.html"))
    assert "not a page" not in html and "collect_ignore" not in html


def test_every_docs_page_is_built_and_in_the_navigation(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for page in PAGES:
        assert (site / "archcheck" / page / "index.html").is_file(), page
        assert f'href="archcheck/{page}/"' in home, f"{page} is not in the navigation"


def test_the_rules_page_has_every_rule_with_its_examples(site: Path) -> None:
    html = (site / "archcheck" / "rules" / "index.html").read_text(encoding="utf-8")
    for rule in RULES:
        anchor = f"{rule.code}-{rule.name}".lower()
        assert f'id="{anchor}"' in html, rule.code
        assert f'href="#{anchor}"' in html, f"{rule.code} is not in the table"
    sections = html.split('<h2 id="ac')[1:]
    assert len(sections) == len(RULES)
    for section in sections:
        # at least an example that fails, what archcheck prints for it, and one that passes
        assert section.count("<pre") >= 3, section[:40]


def test_the_rules_page_is_the_rules_own_documentation() -> None:
    page = rules_markdown()
    for rule in RULES:
        body = inspect.cleandoc(rule.check.__doc__ or "").partition("\n\n")[2]
        for paragraph in body.split("\n\n"):
            text = paragraph.replace("Anti-pattern", "**Anti-pattern**")
            text = text.replace("Best practice", "**Best practice**")
            assert text in page, f"{rule.code}: {paragraph[:60]!r} is not on the page"
