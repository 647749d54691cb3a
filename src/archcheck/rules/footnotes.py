"""AC3xx: footnotes. Every reference has one definition and every definition is referenced."""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact
from archcheck.prescan import PageScan
from archcheck.rule import Rule


def undefined_footnote(document: Document, config: Config) -> Iterator[Finding]:
    """A footnote reference needs a definition; without one it renders as literal ``[^label]``.

    Anti-pattern:

    ```markdown
    Guarded by policy[^policy].
    ```

    ```text
    example.md:1:18: AC301 footnote [^policy] is referenced but never defined
    ```

    Best practice:

    ```markdown
    Guarded by policy[^policy].

    [^policy]: See the compliance handbook.
    ```
    """
    defined = {d.label for d in document.footnote_defs}
    for ref in document.footnote_refs:
        if not ref.resolved or ref.label not in defined:
            message = f"footnote [^{ref.label}] is referenced but never defined"
            yield UNDEFINED_FOOTNOTE.finding(document.path, ref.line, ref.column, message)


def unused_footnote(document: Document, config: Config) -> Iterator[Finding]:
    """A footnote definition nobody references is dead text (often a renamed label).

    Anti-pattern:

    ```markdown
    Guarded by policy.

    [^policy]: See the compliance handbook.
    ```

    ```text
    example.md:3:1: AC302 footnote [^policy] is defined but never referenced
    ```

    Best practice: reference it, or delete it.

    ```markdown
    Guarded by policy[^policy].

    [^policy]: See the compliance handbook.
    ```
    """
    referenced = {ref.label for ref in document.footnote_refs}
    for definition in document.footnote_defs:
        if definition.label not in referenced:
            message = f"footnote [^{definition.label}] is defined but never referenced"
            yield UNUSED_FOOTNOTE.finding(
                document.path, definition.line, definition.column, message
            )


def duplicate_footnote(document: Document, config: Config) -> Iterator[Finding]:
    """A footnote label defined twice: renderers silently keep only one of the texts.

    Anti-pattern:

    ```markdown
    Guarded by policy[^policy].

    [^policy]: Old text.
    [^policy]: New text.
    ```

    ```text
    example.md:4:1: AC303 footnote [^policy] is already defined at line 3
    ```

    Best practice: one definition per label.

    ```markdown
    Guarded by policy[^policy].

    [^policy]: New text.
    ```
    """
    first: dict[str, int] = {}
    for definition in document.footnote_defs:
        if definition.label in first:
            earlier = first[definition.label]
            message = f"footnote [^{definition.label}] is already defined at line {earlier}"
            yield DUPLICATE_FOOTNOTE.finding(
                document.path, definition.line, definition.column, message
            )
        else:
            first[definition.label] = definition.line


def has_footnote(page: PageScan) -> bool:
    """A reference or a definition needs ``[^`` in the text or in the text as decoded."""
    return page.footnote_mark()


FOOTNOTES: frozenset[Fact] = frozenset({"footnotes"})
UNDEFINED_FOOTNOTE = Rule(
    "AC301", "undefined-footnote", Severity.ERROR, undefined_footnote, reads=FOOTNOTES,
    trigger=has_footnote,
)  # fmt: skip
UNUSED_FOOTNOTE = Rule(
    "AC302", "unused-footnote", Severity.ERROR, unused_footnote, reads=FOOTNOTES,
    trigger=has_footnote,
)  # fmt: skip
DUPLICATE_FOOTNOTE = Rule(
    "AC303", "duplicate-footnote", Severity.ERROR, duplicate_footnote, reads=FOOTNOTES,
    trigger=has_footnote,
)  # fmt: skip
