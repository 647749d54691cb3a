"""Generated pages: no open box cmark-gfm or the site's Python-Markdown shows goes unreported.

Each example is a site of twenty generated pages, configured like this repository
(sites/this-repo/mkdocs.yml, loaded through MkDocs' own config loader), checked with one
``archcheck check --format json`` run. The pages mix task lists (2- and 4-space nesting, later
lines that look ticked), admonitions and details (``!!!``, ``???``, ``???+``), content tabs,
``<div markdown>``, fences with info strings superfences rejects, alerts whose title is a list,
U+0002/U+0003 in and beside markers, form feeds, table delimiter rows under items, footnotes
with list continuation lines, raw HTML opened mid-line, CDATA, a bare ``<div``, and front matter
that is not a mapping or a page that opens and closes with ``---``.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from archcheck_cli import run_check
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from missed_boxes import RenderedPage, missed_open_boxes
from real_renderers import SiteMarkdown

pytestmark = pytest.mark.slow

SITE = Path(__file__).parent / "sites" / "this-repo"
PAGES_PER_SITE = 20

WORDS = st.sampled_from(["rollback", "canary", "owner", "budget", "snapshot", "`code`", "*em*"])
MARKERS = st.sampled_from(["[ ]", "[ ]", "[ ]", "[x]", "[X]", "[\x02 ]", "[ ]\x03", "\x02[ ]"])
AFTER_MARKER = st.sampled_from([" ", " ", " ", "\f ", "\t", "\x03 "])
BULLETS = st.sampled_from(["-", "-", "*", "+", "1.", "2)"])
FENCE_INFO = st.sampled_from(
    ["", "text", "markdown", "markdown:CHECKLIST.md", "text/plain", "[tasklist]", "mermaid"]
)


def indented(prefix: str, lines: list[str]) -> list[str]:
    return [f"{prefix}{line}" if line else line for line in lines]


@st.composite
def task_list(draw: st.DrawFn, indent: str = "") -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        bullet = draw(BULLETS)
        lines.append(f"{indent}{bullet} {draw(MARKERS)}{draw(AFTER_MARKER)}{draw(WORDS)}")
        follow = draw(st.integers(0, 7))
        hang = indent + " " * (len(bullet) + 1)
        if follow == 0:
            lines.append(f"{hang}[x] {draw(WORDS)}")  # a later line that looks ticked
        elif follow == 1:
            lines.append(draw(st.sampled_from(["| --- |", "--- | ---", "|---|---|"])))
        elif follow == 2 and len(indent) < 8:
            lines += draw(task_list(indent + draw(st.sampled_from(["  ", "    "]))))
        elif follow == 3:
            lines.append("")
    return lines


@st.composite
def container(draw: st.DrawFn, depth: int) -> list[str]:
    inner = draw(blocks(depth + 1))
    kind = draw(st.sampled_from(["admonition", "tabs", "div", "callout", "footnote"]))
    blank = [""] if draw(st.booleans()) else []
    if kind == "admonition":
        opener = draw(st.sampled_from(["!!! warning", "!!! note", "??? tip", "???+ note"]))
        return [f'{opener} "{draw(WORDS)}"', *blank, *indented("    ", inner)]
    if kind == "tabs":
        return ['=== "One"', "", *indented("    ", inner), "", '=== "Two"', *blank, "    x"]
    if kind == "div":
        return ["<div markdown>", *blank, *inner, *blank, "</div>"]
    if kind == "callout":
        title = draw(st.sampled_from(["[!NOTE]", "[!WARNING] - [ ] titled", "[!TIP] words"]))
        return [f"> {title}", *(f"> {line}" if line else ">" for line in inner)]
    label = draw(st.integers(1, 3))
    return [f"Text[^{label}].", "", f"[^{label}]: Note.", *blank, *indented("    ", inner)]


@st.composite
def leaf(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(["list", "list", "list", "para", "fence", "html"]))
    if kind == "list":
        return draw(task_list())
    if kind == "para":
        return [" ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))]
    body = draw(task_list())
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        inside = ["```"] if fence == "````" and draw(st.booleans()) else []
        closing = draw(st.sampled_from([fence, fence, fence + "`", ""]))
        return [f"{fence}{draw(FENCE_INFO)}", *inside, *body, closing]
    opener = draw(st.sampled_from(["Intro <span>", "Intro <div>", "<div>", "<div", "<![CDATA["]))
    closer = draw(st.sampled_from(["", "</div>", "]]>", "</span>"]))
    return [opener, *body, closer]


@st.composite
def blocks(draw: st.DrawFn, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3 if depth else 5))):
        if depth < 2 and draw(st.integers(0, 2)) == 0:
            lines += draw(container(depth))
        else:
            lines += draw(leaf())
        lines += [""] if draw(st.integers(0, 3)) else []
    return lines


@st.composite
def page(draw: st.DrawFn) -> str:
    front = draw(
        st.sampled_from(
            ["", "", "", "---\n---\n", "---\n- [ ] a\n---\n", "---\ntitle: Gate\n---\n", "---\n"]
        )
    )
    ending = draw(st.sampled_from(["\n", "\n", "\n---\n", ""]))
    return front + "\n".join(draw(blocks())) + ending


@pytest.fixture(scope="module")
def site_markdown() -> SiteMarkdown:
    return SiteMarkdown(SITE / "mkdocs.yml")


def _write_site(folder: Path, pages: list[str]) -> None:
    (folder / "docs").mkdir()
    for name in ("mkdocs.yml", "pyproject.toml"):
        (folder / name).write_bytes((SITE / name).read_bytes())
    for number, text in enumerate(pages):
        (folder / "docs" / f"page-{number:02}.md").write_bytes(text.encode("utf-8"))


@settings(
    max_examples=20,
    deadline=None,
    # A failing example is twenty pages; the failure names each page that misses a box and
    # prints it, which says more than a shrink that would re-run the CLI hundreds of times.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(pages=st.lists(page(), min_size=PAGES_PER_SITE, max_size=PAGES_PER_SITE))
def test_no_open_box_is_missed(site_markdown: SiteMarkdown, pages: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(max_workers=1) as pool:
        folder = Path(tmp)
        _write_site(folder, pages)
        running = pool.submit(run_check, folder, folder / "cache")
        # The renderers read the pages while archcheck checks them.
        rendered = [RenderedPage.of(text, site_markdown) for text in pages]
        report = running.result()
    assert report.exit_code != 2, f"archcheck could not run: {report.problems}\n{report.stderr}"
    missed = [
        problem
        for number, shown in enumerate(rendered)
        if (problem := missed_open_boxes(shown, f"docs/page-{number:02}.md", report))
    ]
    if missed:
        pytest.fail(
            f"{len(missed)} of {len(pages)} pages have open boxes archcheck does not report:\n\n"
            + "\n\n".join(missed[:5]),
            pytrace=False,
        )
