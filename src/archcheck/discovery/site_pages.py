"""Which Markdown files of a site's docs folder are pages of the site, as MkDocs itself says:
its own walk and exclusion rules (``exclude_docs``, ``draft_docs``, the suffixes it makes pages
of, an index.md shadowing a README.md), asked of MkDocs and remembered in the page cache for
the same site and the same list of files, so a warm run never loads MkDocs."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from archcheck.cache import PageCache
from archcheck.config import Config
from archcheck.views.site_config import Site
from archcheck.views.site_of import configured_site, site_file

NOT_A_PAGE_SUFFIX = (
    "not a page of the site: MkDocs makes pages of *.md, *.markdown, *.mdown, *.mkdn and *.mkd "
    "only (the case matters) and publishes this file as it is"
)
SHADOWED = "not a page of the site: another file of its folder is published as the same page"
EXCLUDED = "excluded from the site (exclude_docs, or a name MkDocs always leaves out)"
DRAFT = "a draft (draft_docs), which `mkdocs build` does not publish"


def docs_dir(config: Config, store: PageCache | None) -> Path | None:
    """The configured site's docs folder (resolved), None without a site. Raises ConfigError
    when its mkdocs.yml cannot be loaded."""
    if site_file(config) is None:
        return None
    known = store.get("site docs_dir") if store else None
    if isinstance(known, str):
        return Path(known)
    site = configured_site(config)
    assert site is not None
    if store:
        store.put("site docs_dir", str(site.docs_dir), dated=False)
    return site.docs_dir


def page_reasons(
    config: Config, names: Sequence[str], whole: bool, store: PageCache | None
) -> dict[str, str]:
    """For each Markdown file of the site's docs folder (``names``: every one of them, relative
    to it, with ``/``), "" if it is a page of the site, else why not. ``whole``: the names were
    listed without a problem, so MkDocs may walk the folder itself."""
    digest = hashlib.sha256("\0".join(sorted(names)).encode()).hexdigest()
    key = f"site pages {digest}"
    known = store.get(key) if store else None
    if isinstance(known, dict):
        return known
    site = configured_site(config)
    assert site is not None
    reasons = _ask_mkdocs(site, names, whole)
    if store:
        store.put(key, reasons, dated=False)
    return reasons


def _ask_mkdocs(site: Site, names: Sequence[str], whole: bool) -> dict[str, str]:
    from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions

    loaded: Any = site.loaded
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its notes on shadowed files are for `mkdocs build`
    try:
        if whole:  # MkDocs' own walk, shadowed README.md files and all
            files = get_files(loaded)
        else:  # a walk with a problem (a loop MkDocs would follow forever): the names found
            files = Files(
                [
                    File(name, loaded.docs_dir, loaded.site_dir, loaded.use_directory_urls)
                    for name in names
                ]
            )
            set_exclusions(files, loaded)
    finally:
        quiet.setLevel(level)
    reasons: dict[str, str] = {}
    for name in names:
        file = files.get_file_from_path(name)
        if file is None:
            reasons[name] = SHADOWED
        elif not file.is_documentation_page():
            reasons[name] = NOT_A_PAGE_SUFFIX
        elif file.inclusion is InclusionLevel.DRAFT:
            reasons[name] = DRAFT
        elif not file.inclusion.is_included():  # type: ignore[no-untyped-call]
            reasons[name] = EXCLUDED
        else:
            reasons[name] = ""
    return reasons
