"""Small pages that once made a checker miss an open box, each checked against the real renderers.

Every case is a page of one site configured like this repository (sites/this-repo/mkdocs.yml),
checked in one run.
What counts as an open box is computed in the test, from cmark-gfm and from the site's
Python-Markdown; nothing here states what a renderer shows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from archcheck_cli import Report, run_check
from missed_boxes import RenderedPage, missed_open_boxes
from real_renderers import SiteMarkdown

SITE = Path(__file__).parent / "sites" / "this-repo"

CASES = {
    "front-matter-rule-pair-kept": "---\n---\n- [ ] a box after two rules\n",
    "front-matter-not-a-mapping": "---\n- [ ] a\n---\n- [ ] b\n",
    "front-matter-mapping": "---\ntitle: Gate\n---\n- [ ] a box after front matter\n",
    "admonition-open-box": '!!! warning "Before the shift"\n\n    - [ ] Rollback rehearsed\n',
    "admonition-no-blank-line": "!!! note\n    - [ ] right under the title\n",
    "fence-info-markdown-colon-path": "```markdown:CHECKLIST.md\n- [ ] x\n```\n\n- [ ] after\n",
    "fence-info-text-slash-plain": "```text/plain\n- [ ] x\n```\n\n- [ ] after\n",
    "fence-info-brackets": "```[tasklist]\n- [ ] x\n```\n\n- [ ] after\n",
    "fence-info-rejected-in-item": (
        "- [ ] outer\n\n    ```markdown:CHECKLIST.md\n    - [ ] x\n    ```\n"
    ),
    "callout-title-is-a-list": "> [!WARNING] - [ ] x\n",
    "callout-with-list": "> [!NOTE]\n> - [ ] in the alert\n",
    "stx-inside-marker": "- [\x02 ] x\n",
    "etx-after-marker": "- [ ]\x03 x\n",
    "stx-before-marker": "- \x02[ ] x\n",
    # Found by test_generated.py: U+0002 is also what Python-Markdown's raw HTML stash is made of.
    "stx-inside-marker-after-raw-html": (
        "<div markdown>\n    <div\n    1. [ ] `x`\n</div>\n- [\x02 ] y\n"
    ),
    "table-delimiter-under-item": "- [ ] a\n| --- |\n",
    "table-delimiter-two-columns-under-item": "- [ ] a | b\n--- | ---\n",
    "footnote-continuation-list": "Text[^1].\n\n[^1]: Note.\n    - [ ] x\n",
    "footnote-list-after-blank": "Text[^1].\n\n[^1]: Note.\n\n    - [ ] x\n",
    "raw-html-opened-mid-line": 'Intro <span class="x">\n- [ ] x\n\nText <div>\n\n- [ ] y\n',
    "cdata": "<![CDATA[\n- [ ] x\n]]>\n\n- [ ] after\n",
    "bare-div": "<div\n- [ ] x\n\n- [ ] y\n",
    "fence-exact-length-closing": "````\n```\n- [ ] x\n````\n- [ ] y\n",
    "fence-shorter-closing-in-item": (
        "- [ ] a\n\n    ````\n    ```\n    - [ ] x\n    ````\n- [ ] b\n"
    ),
    "form-feed-after-box": "- [ ]\f x\n",
    "form-feed-line": "- [ ] a\n\f\n- [ ] b\n",
    "later-line-ticked": "- [ ] a\n  [x] b\n",
    "later-line-ticked-four-spaces": "- [ ] a\n    [x] b\n- [ ] c\n",
    # Found by test_generated.py: Python-Markdown ends an HTML start tag before a backtick, but
    # not before a line tag glued to one, so a tagged page can leave a <div> open to its end.
    "line-tag-before-backtick-in-html-tag": "<div>\n<a [ ] `</div>\n- [ ] b\n",
    "raw-html-marker-with-the-box-words": "<div>\n<a [x] a [ ] `b`\n</div>\n- [ ] a\n",
    "html-tag-open-over-items": (
        "<div markdown>\n    <div\n    - [x] snapshot\n    1. [ ] `code`\n</div>\n- [ ] snapshot\n"
    ),
}

# Cases archcheck still gets wrong, expected to fail (strict: a fix fails the run, so the entry
# goes).
LINE_TAG_BEFORE_BACKTICK = (
    "a line tag put just before a backtick inside an HTML start tag becomes part of an attribute "
    "name, so the tagged page renders otherwise than the page (the start tag swallows the "
    "</div> after it, and the box below becomes raw HTML): views/site.py renders the page as "
    "written only when an HTML tag is left open across lines, and then places its boxes by "
    "their words alone, on the first marker line after the box before that has them"
)
KNOWN_ENGINE_DEFECTS: dict[str, str] = {}


@pytest.fixture(scope="module")
def site_markdown() -> SiteMarkdown:
    return SiteMarkdown(SITE / "mkdocs.yml")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """One site holding every case as its own page, checked in one run."""
    folder = tmp_path_factory.mktemp("fuzz-causes")
    (folder / "docs").mkdir()
    shutil.copy(SITE / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copy(SITE / "pyproject.toml", folder / "pyproject.toml")
    for name, text in CASES.items():
        (folder / "docs" / f"{name}.md").write_bytes(text.encode("utf-8"))
    return run_check(folder, folder / "cache")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_ENGINE_DEFECTS[name])]
            if name in KNOWN_ENGINE_DEFECTS
            else [],
        )
        for name in CASES
    ],
)
def test_every_open_box_is_reported(name: str, report: Report, site_markdown: SiteMarkdown) -> None:
    path = f"docs/{name}.md"
    assert report.exit_code != 2, f"archcheck could not run: {report.problems}\n{report.stderr}"
    problems = [p for p in report.problems if path in str(p)]
    assert not problems, f"archcheck could not read {path}: {problems}"
    missed = missed_open_boxes(RenderedPage.of(CASES[name], site_markdown), path, report)
    if missed is not None:
        pytest.fail(f"open boxes archcheck does not report:\n{missed}", pytrace=False)
