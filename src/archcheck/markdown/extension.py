"""The extension: the page's source is noted before Python-Markdown reads it, and once the page
is HTML, its items get their anchors and the page its readiness banner, from the project's
verdict for that page (project.py). The HTML as rendered is the authority: a box it shows that
the gate did not count is an AC104 finding in the banner (fail closed)."""

from __future__ import annotations

import dataclasses
from typing import Any

from markdown import Extension  # type: ignore[import-untyped]
from markdown.postprocessors import Postprocessor  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

from archcheck.engine import check_source
from archcheck.findings import Finding
from archcheck.item_states import item_states
from archcheck.markdown.project import project_for
from archcheck.model import ChecklistItem, Document, Render
from archcheck.page import PageResult
from archcheck.preview import allow_open_from_env
from archcheck.rules.checklist import uncounted_box
from archcheck.site_html.accessible_boxes import label_boxes
from archcheck.site_html.anchors import item_ids
from archcheck.site_html.banner import render_banner
from archcheck.site_html.generated import is_generated
from archcheck.views.built_page import add_item_ids, count_boxes, insert_at_top

SOURCE = "archcheck_source"  # the attribute of the Markdown instance holding the page's text


READY = "archcheck_ready"  # set once the page's tree is done: the next HTML is the page's


class _KeepSource(Preprocessor):  # type: ignore[misc]
    def run(self, lines: list[str]) -> list[str]:
        setattr(self.md, SOURCE, "\n".join(lines))
        setattr(self.md, READY, False)
        return lines


class _TreeDone(Treeprocessor):  # type: ignore[misc]
    """Marks the end of the tree's processing. A builder may run the postprocessors on a piece
    of the page before that (MkDocs does, for the title it takes from the first heading): only
    the HTML of the whole page, after this, gets the banner."""

    def run(self, root: Any) -> None:
        setattr(self.md, READY, True)


class _Banner(Postprocessor):  # type: ignore[misc]
    def __init__(self, md: Any, options: dict[str, Any]) -> None:
        super().__init__(md)
        self.options = options

    def run(self, html: str) -> str:
        source = getattr(self.md, SOURCE, None)
        if source is None or not getattr(self.md, READY, False):
            return html
        setattr(self.md, READY, False)
        if is_generated(source):
            return html
        page = page_result(source, str(self.options["config_file"]))
        shown = [i for i in page.items if i.site in (Render.CHECKED, Render.UNCHECKED, None)]
        boxes = count_boxes(html)
        findings: list[Finding] = [*uncounted_box(_as_shown(page, shown), boxes), *page.findings]
        html = label_boxes(html)  # every box the page shows is named by its item's text
        ids = item_ids(shown)
        html, placed = add_item_ids(html, ids)
        anchors = {item: a for item, a in zip(shown, ids, strict=True) if a in placed}
        states = item_states(page.items, page.waivers)
        others = [f for f in findings if f.code != "AC101"]
        if not self.options["banner"] or not (states or others):
            return html
        banner = render_banner(
            states,
            anchors,
            others,
            readiness_url=str(self.options["readiness_url"]) or None,
            allow_open=allow_open_from_env(),
            release=page.release,
        )
        return insert_at_top(html, banner)


def _as_shown(page: PageResult, shown: list[ChecklistItem]) -> PageResult:
    """The page's boxes as the ones this renderer shows, for AC104 to compare with its HTML (a
    page found in no site has only GitHub's view: each of its boxes is one the gate counted)."""
    items = tuple(
        item if item.site is not None else dataclasses.replace(item, site=item.github)
        for item in shown
    )
    return PageResult(page.path, dataclasses.replace(page.document, checklist=items), (), (), ())


def page_result(source: str, config_file: str) -> PageResult:
    """The project's verdict for the page being rendered, or, for a page the project does not
    hold (generated, or outside the docs folders), the page checked on its own."""
    project = project_for(config_file)
    path = project.path_of(source)
    if path is None:
        return check_source(source, "<page>", project.config)
    result = project.result
    items = tuple(item for item in result.items if item.path == path)
    document = Document(path, 0, items, (), (), (), (), (), (), ())
    release = dict(result.page_releases).get(path)
    return PageResult(
        path,
        document,
        tuple(f for f in result.findings if f.path == path),
        tuple(w for w in result.waivers if w.path == path),
        tuple(t for t in result.tokens if t.path == path),
        release=release,
    )


class ArchcheckExtension(Extension):  # type: ignore[misc]
    def __init__(self, **options: Any) -> None:
        self.config = {
            "config_file": ["", "the archcheck configuration (default: the nearest one)"],
            "banner": [True, "put the readiness banner at the top of each page"],
            "readiness_url": ["", "a link to the Release readiness page, if it is published"],
        }
        super().__init__(**options)

    def extendMarkdown(self, md: Any) -> None:
        # Before Python-Markdown normalises whitespace (30): the page as the builder gave it.
        md.preprocessors.register(_KeepSource(md), "archcheck_source", 35)
        # After every other tree step (MkDocs takes the title at 1).
        md.treeprocessors.register(_TreeDone(md), "archcheck_tree_done", -100)
        # After raw HTML and entities are put back (30, 20): the page's final HTML.
        md.postprocessors.register(_Banner(md, self.getConfigs()), "archcheck_banner", 5)
        md.registerExtension(self)

    def reset(self) -> None:
        pass
