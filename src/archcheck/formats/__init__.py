"""Output formats, one small module each: render(result, command) -> str."""

from __future__ import annotations

from collections.abc import Callable

from archcheck.engine import CheckResult
from archcheck.formats import github, json, junit, sarif, text

Renderer = Callable[[CheckResult, str], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json.render,
    "github": github.render,
    "sarif": sarif.render,
    "junit": junit.render,
}

__all__ = ["FORMATS", "Renderer"]
