"""Pages another plugin or a hook adds after the archcheck plugin has listed the site's pages are
checked too: an open box on one fails `mkdocs build --strict` like any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugin.conftest import Build, archcheck_lines, edit, tick

HOOK = """
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


@event_priority({priority})
def on_files(files, config):
    files.append(File.generated(config, "late.md", content="# Late\\n\\n- [{mark}] Late item\\n"))
    return files
"""


def add_hook(site: Path, priority: int, mark: str = " ") -> None:
    (site / "late_hook.py").write_text(HOOK.format(priority=priority, mark=mark))
    edit(site / "mkdocs.yml", "hooks:\n", "hooks:\n  - late_hook.py\n")


@pytest.mark.parametrize("priority", [0, -200], ids=["before-the-plugin", "after-the-plugin"])
def test_an_open_box_on_a_page_added_late_fails_the_build(
    site: Path, build: Build, priority: int
) -> None:
    tick(site)  # the note itself is done: only the late page is open
    add_hook(site, priority)
    done = build("--strict")
    assert done.returncode != 0, done.stdout
    errors = archcheck_lines(done.stdout, "ERROR")
    assert any(
        line == "docs/late.md:3:3: AC101 open checklist item: 'Late item'" for line in errors
    ), done.stdout


def test_a_ticked_page_added_late_passes(site: Path, build: Build) -> None:
    tick(site)
    add_hook(site, -200, mark="x")
    done = build("--strict")
    assert done.returncode == 0, done.stdout
