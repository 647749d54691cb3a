"""AC2xx: token references. Every declared token is used, and nothing nearly like one is."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document
from archcheck.rule import Rule, edit_distance

# Words made of letters and digits, joined by single hyphens: the shape of every token.
RE_WORD = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*(?![\w-])")


@dataclass(frozen=True, slots=True)
class TokenReference:
    """One occurrence of a declared token's exact value."""

    name: str
    value: str
    path: str
    line: int
    column: int
    kind: str


def _near(word: str, value: str) -> int | None:
    """Distance of a near miss, or None when the word is not mistakable for the value."""
    if word.lower() == value.lower():
        return 0
    if abs(len(word) - len(value)) > 2 or len(value) < 6:
        return None
    limit = 2 if len(value) >= 10 else 1
    distance = edit_distance(word, value)
    return distance if distance <= limit else None


def scan(document: Document, config: Config) -> Iterator[TokenReference | Finding]:
    """Exact references, and a finding for each near miss."""
    values = {value: name for name, value in config.tokens.items()}
    for run in document.text_runs:
        for found in RE_WORD.finditer(run.text):
            word, column = found.group(0), run.column + found.start()
            if word in values:
                yield TokenReference(values[word], word, document.path, run.line, column, run.kind)
                continue
            near = [(d, value) for value in values if (d := _near(word, value)) is not None]
            if near:
                _, value = min(near, key=lambda pair: (edit_distance(word, pair[1]), pair[1]))
                message = (
                    f"{word!r} is not a declared token: did you mean {value!r} ({values[value]})?"
                )
                yield TOKEN_TYPO.finding(document.path, run.line, column, message, value)


def references(document: Document, config: Config) -> list[TokenReference]:
    return [ref for ref in scan(document, config) if isinstance(ref, TokenReference)]


def token_typo(document: Document, config: Config) -> Iterator[Finding]:
    """A string that is nearly a declared token (a small edit away, or another case) is a typo.

    Anti-pattern: a policy token copied with one character wrong, which nobody will notice:

        Deploy with token `dw7txd0yf-0-qmvgnw`.

    Best practice: the exact declared value (``[tool.archcheck.tokens]``):

        Deploy with token `dw7txd0yf-0-qmvgmw`.
    """
    for found in scan(document, config):
        if isinstance(found, Finding):
            yield found


def unused_token(documents: Sequence[Document], config: Config) -> Iterator[Finding]:
    """A declared token that no document mentions means the docs drifted from the config.

    Anti-pattern: the release id changed in configuration but the note still names the old one.

        Ship release `dggll6o4xq-s`.

    Best practice: every declared token appears at least once, exactly:

        Ship release `dggll6o4xq-t`.
    """
    used = {ref.value for document in documents for ref in references(document, config)}
    for name, value in config.tokens.items():
        if value not in used:
            line = config.key_lines.get(f"tokens.{name}", 1)
            message = f"token {name} = {value!r} is declared but no document mentions it"
            yield UNUSED_TOKEN.finding(config.display_path, line, 1, message)


TOKEN_TYPO = Rule("AC201", "token-typo", Severity.ERROR, token_typo)
UNUSED_TOKEN = Rule("AC202", "unused-token", Severity.ERROR, unused_token, project=True)
