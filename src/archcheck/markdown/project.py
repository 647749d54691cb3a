"""Which checked page a builder is rendering. Python-Markdown is given a page's text, not its
path: the page is found by its text among the project's pages, as the builder strips them (front
matter dropped by MkDocs' own rule), and judged as `archcheck check` judges it (project rules,
waivers and all). The project is checked again only when a page or the configuration changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from archcheck.config import Config, load_config, read_config
from archcheck.engine import CheckResult, check
from archcheck.text import normalise, prepare
from archcheck.views.site import body_of


def page_key(text: str) -> str:
    """A page's text as every builder hands it over, for finding it: line ends, the front
    matter MkDocs drops, and blank lines around it aside."""
    body, _ = body_of(prepare(text))
    return normalise(body).strip("\n")


@dataclass
class Project:
    """The project's verdict, and its pages by the text a builder renders."""

    config: Config
    result: CheckResult = field(default_factory=CheckResult)
    pages: dict[str, str] = field(default_factory=dict)  # page key -> the page's path
    stamp: tuple[tuple[str, int, int], ...] = ()

    def refresh(self) -> None:
        stamp = _stamp(self.config, self.result)
        if stamp == self.stamp and self.stamp:
            return
        self.result = check(None, self.config)
        self.pages = {}
        for path in self.result.documents:
            try:
                text = Path(path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue  # a page the check could not read is a problem in its result already
            self.pages.setdefault(page_key(text), path)
        self.stamp = _stamp(self.config, self.result)

    def path_of(self, text: str) -> str | None:
        return self.pages.get(normalise(text).strip("\n"))


def _stamp(config: Config, result: CheckResult) -> tuple[tuple[str, int, int], ...]:
    """Each file the verdict rests on, with its size and modification time."""
    files = [*result.documents, *([str(config.path)] if config.path else [])]
    stamps = []
    for name in files:
        try:
            info = Path(name).stat()
        except OSError:
            stamps.append((name, -1, -1))
            continue
        stamps.append((name, info.st_size, info.st_mtime_ns))
    return tuple(stamps)


_PROJECTS: dict[str, Project] = {}


def project_for(config_file: str) -> Project:
    """The project of ``config_file`` (``""``: the nearest configuration above the working
    folder), kept between pages and builds of one process."""
    key = config_file or str(Path.cwd())
    if key not in _PROJECTS:
        config = read_config(Path(config_file)) if config_file else load_config()
        _PROJECTS[key] = Project(config)
    project = _PROJECTS[key]
    project.refresh()
    return project
