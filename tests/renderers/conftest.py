"""Every site variant is built and checked once per session, all of them started together."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from site_builds import CORPUS, SITE_NAMES, SITES, SiteRuns

# The test sites' pages are data for the renderers, not documentation examples to collect.
collect_ignore = ["sites"]


@pytest.fixture(scope="session")
def site_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteRuns]:
    sources = {name: SITES / name for name in SITE_NAMES}
    if CORPUS.is_dir():
        sources[CORPUS.name] = CORPUS
    runs = SiteRuns(sources, tmp_path_factory.mktemp("site-runs"))
    yield runs
    runs.close()
