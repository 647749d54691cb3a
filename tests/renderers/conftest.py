"""Every site variant is built and checked once per test run, all of them started together."""

from __future__ import annotations

import os
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
    base = tmp_path_factory.getbasetemp()
    # pytest-xdist gives each worker its own folder under one shared by the whole run.
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    runs = SiteRuns(sources, shared / "renderer-site-runs")
    yield runs
    runs.close()
