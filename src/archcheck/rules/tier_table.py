"""AC404-AC405: the tier table against the declared components.

The tier table is the first table whose first header cell is the configured ``tier-column``
("Tier" by default); its first column names the tiers.
"""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Fact, Table
from archcheck.prescan import PageScan
from archcheck.rule import Rule, closest


def tier_table(document: Document, config: Config) -> Table | None:
    """The document's tier table, if it has one."""
    for table in document.tables:
        if table.header and table.header[0].strip().lower() == config.tier_column.lower():
            return table
    return None


def component_missing_from_table(document: Document, config: Config) -> Iterator[Finding]:
    """Every declared component has a row in the tier table.

    The tier table is the table whose first header cell is the configured ``tier-column``
    ("Tier" by default).

    Anti-pattern: a tier table that lost a row:

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |

    ```mermaid
    flowchart LR
        web --> api
        api --> worker
    ```
    ````

    ```text
    example.md:1:1: AC404 component 'Worker' has no tier table row
    ```

    Best practice: one row per declared component, named as in ``[tool.archcheck.components]``:

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Worker | Run batch jobs  |

    ```mermaid
    flowchart LR
        web --> api
        api --> worker
    ```
    ````
    """
    table = tier_table(document, config)
    if table is None:
        if document.flowcharts:
            for tier in config.components:
                headed = config.tier_column
                message = f"component {tier!r} has no tier table row (no table headed {headed!r})"
                yield MISSING_ROW.finding(document.path, document.flowcharts[0].line, 1, message)
        return
    rows = {row.cells[0].strip() for row in table.rows if row.cells}
    for tier in config.components:
        if tier not in rows:
            yield MISSING_ROW.finding(
                document.path, table.line, 1, f"component {tier!r} has no tier table row"
            )


def undeclared_tier(document: Document, config: Config) -> Iterator[Finding]:
    """Every row of the tier table is a declared component.

    Anti-pattern: a row for a tier the configuration does not know (``Workers`` for ``Worker``):

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Workers| Run batch jobs  |

    ```mermaid
    flowchart LR
        web --> api
        api --> worker
    ```
    ````

    ```text
    example.md:1:1: AC404 component 'Worker' has no tier table row
    example.md:5:1: AC405 tier 'Workers' is not a declared component: did you mean 'Worker'?
    ```

    Best practice: the tier names of ``[tool.archcheck.components]``, exactly:

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Worker | Run batch jobs  |

    ```mermaid
    flowchart LR
        web --> api
        api --> worker
    ```
    ````
    """
    table = tier_table(document, config)
    if table is None or not config.components:  # no components: no tier is held to them
        return
    declared = list(config.components)
    for row in table.rows:
        name = row.cells[0].strip() if row.cells else ""
        if name not in config.components:
            suggestion = closest(name, declared)
            hint = f": did you mean {suggestion!r}?" if suggestion else ""
            message = f"tier {name!r} is not a declared component{hint}"
            yield UNDECLARED_TIER.finding(document.path, row.line, 1, message, suggestion)


def has_diagram_or_tier_table(page: PageScan) -> bool:
    """The diagram and tier rules read a page with a Mermaid block or a tier table: a Mermaid
    block needs ``mermaid`` in its info string (or an escape or entity there), a tier table a
    header row whose first cell holds the tier column's letters in order."""
    return page.mermaid() or page.tier_header()


DIAGRAM_AND_TABLES: frozenset[Fact] = frozenset({"diagrams", "tables"})
MISSING_ROW = Rule(
    "AC404", "component-missing-from-table", Severity.ERROR, component_missing_from_table,
    reads=DIAGRAM_AND_TABLES, trigger=has_diagram_or_tier_table,
)  # fmt: skip
UNDECLARED_TIER = Rule(
    "AC405", "undeclared-tier", Severity.ERROR, undeclared_tier, reads=DIAGRAM_AND_TABLES,
    trigger=has_diagram_or_tier_table,
)  # fmt: skip
