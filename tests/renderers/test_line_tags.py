"""The site's view tags each task marker's line before rendering (views/line_tags.py). This proves
the tags change nothing else: every page of the test corpora and sites, rendered with its site's
own Markdown configuration with and without tags, gives the same HTML once the tags are taken
out (no tag goes on a line where raw HTML could make it part of an HTML tag). The one
difference allowed is inside highlighted code, never a box: Pygments marks the tag's characters
as an error token, an empty ``<span class="err"></span>`` once the tag is out."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_builds import CORPUS, SITE_NAMES, SITES

from archcheck.text import prepare
from archcheck.views.line_tags import tag_lines
from archcheck.views.site import ETX, STX, body_of, render
from archcheck.views.site_config import Site, load_site

REPO = Path(__file__).resolve().parents[2]
PYGMENTS_ERROR = '<span class="err"></span>'
PAGE_SETS = {
    "repository docs": (REPO / "mkdocs.yml", REPO / "docs"),
    "spec and adversarial corpus": (REPO / "mkdocs.yml", REPO / "tests" / "corpus"),
    **{name: (SITES / name / "mkdocs.yml", SITES / name / "docs") for name in SITE_NAMES},
    CORPUS.name: (CORPUS / "mkdocs.yml", CORPUS / "docs"),
}


def _differences(site: Site, folder: Path) -> tuple[list[str], int]:
    differ: list[str] = []
    compared = 0
    for page in sorted(folder.rglob("*.md")):
        source = prepare(page.read_text(encoding="utf-8", errors="replace"))
        body, first = body_of(source)
        body = body.replace(STX, "").replace(ETX, "")
        tagging = tag_lines(body, first or 1)
        if tagging is None or "[" not in body:
            continue
        tagged, tags = tagging.text, tagging.tags
        compared += 1
        shown = tags.remove(render(site, tagged)).replace(PYGMENTS_ERROR, "")
        if shown != render(site, body):
            differ.append(str(page.relative_to(folder)))
    return differ, compared


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PAGE_SETS))
def test_tags_change_nothing_the_site_renders(name: str) -> None:
    config, folder = PAGE_SETS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    differ, compared = _differences(load_site(config.resolve()), folder)
    assert compared, f"no page of {name} holds a task marker to tag"
    assert differ == [], f"tagged and untagged renders differ on {differ}"
