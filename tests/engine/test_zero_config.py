"""With no components declared, the diagram and tier rules (AC4xx) have nothing to hold a note
to, so they are silent: a repository's own flowcharts and tables are not errors."""

from __future__ import annotations

from pathlib import Path

from archcheck.config import Config, config_from_table
from archcheck.engine import check_source

NOTE = """\
| Tier | Owner |
| ---- | ----- |
| Storage | data team |

```mermaid
flowchart LR
    client --> server
    server--cache --> db
```

```mermaid
sequenceDiagram
    Alice->>Bob: Hello
```
"""


def codes(config: Config) -> list[str]:
    return sorted({f.code for f in check_source(NOTE, "note.md", config).findings})


def test_no_components_no_diagram_or_tier_findings() -> None:
    assert codes(Config(root=Path.cwd())) == []


def test_declared_components_hold_the_note_to_them() -> None:
    table = {"components": {"Storage": "db", "Web": "client"}}
    found = codes(config_from_table(table, None))
    assert {"AC401", "AC402", "AC403", "AC404"} <= set(found)


def test_a_mermaid_diagram_of_another_type_is_never_an_error() -> None:
    table = {"components": {"Web": "web"}}
    page = (
        "| Tier | Owner |\n| --- | --- |\n| Web | web team |\n\n"
        "```mermaid\nflowchart LR\n    web\n```\n\n"
        "```mermaid\nsequenceDiagram\n    Alice->>Bob: Hello\n```\n\n"
        "```mermaid\n---\ntitle: States\n---\nstateDiagram-v2\n    [*] --> Still\n```\n\n"
    )
    assert check_source(page, "note.md", config_from_table(table, None)).findings == ()
    typo = page + "```mermaid\nflowchat LR\n    web\n```\n"
    found = check_source(typo, "note.md", config_from_table(table, None)).findings
    assert [f.code for f in found] == ["AC401"]  # a flowchart written wrong still is one
