"""AC4xx: the Mermaid flowchart and the tier table against the declared components.

Rules run on a document that has a Mermaid block or a tier table (a table whose first header
cell is the configured ``tier-column``, "Tier" by default).
"""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document, Table
from archcheck.rule import Rule, edit_distance


def _tier_table(document: Document, config: Config) -> Table | None:
    for table in document.tables:
        if table.header and table.header[0].strip().lower() == config.tier_column.lower():
            return table
    return None


def _suggest(name: str, choices: list[str]) -> str | None:
    scored = sorted((edit_distance(name, choice), choice) for choice in choices)
    return scored[0][1] if scored and scored[0][0] <= max(2, len(name) // 3) else None


def unreadable_diagram(document: Document, config: Config) -> Iterator[Finding]:
    """A Mermaid block must be a flowchart archcheck (and Mermaid) can read.

    Anti-pattern: no header, an ``end`` node, ``--`` inside an id (Mermaid draws an edge):

        ```mermaid
        edge--cache --> api-g
        ```

    Best practice:

        ```mermaid
        flowchart LR
            edge-bdxib --> api-g
        ```
    """
    for chart in document.flowcharts:
        for problem in chart.problems:
            yield UNREADABLE.finding(document.path, problem.line, problem.column, problem.message)


def component_missing_from_diagram(document: Document, config: Config) -> Iterator[Finding]:
    """Every declared component is a node of the diagram.

    Anti-pattern: a tier in the configuration (``worker-y``) that the diagram leaves out:

        flowchart LR
            edge-bdxib --> api-g

    Best practice:

        flowchart LR
            edge-bdxib --> api-g
            api-g --> worker-y
    """
    charts = [chart for chart in document.flowcharts if not chart.problems]
    if not document.flowcharts and _tier_table(document, config) is None:
        return
    nodes = {node.id for chart in charts for node in chart.nodes}
    table = _tier_table(document, config)
    if charts:
        line = charts[0].line
    else:
        line = document.flowcharts[0].line if document.flowcharts else table.line if table else 1
    for tier, node_id in config.components.items():
        if node_id not in nodes:
            where = "the diagram" if charts else "any readable Mermaid flowchart"
            message = f"component {tier!r} ({node_id}) is not a node of {where}"
            yield MISSING_NODE.finding(document.path, line, 1, message)


def undeclared_node(document: Document, config: Config) -> Iterator[Finding]:
    """Every node of the diagram is a declared component.

    Anti-pattern: a node renamed in the diagram only (``api-gw`` for ``api-g``):

        flowchart LR
            edge-bdxib --> api-gw

    Best practice: rename it in ``[tool.archcheck.components]`` and the tier table too, or not at
    all.
    """
    declared = list(config.components.values())
    for chart in document.flowcharts:
        for node in chart.nodes:
            if node.id not in declared:
                suggestion = _suggest(node.id, declared)
                hint = f": did you mean {suggestion!r}?" if suggestion else ""
                message = f"node {node.id!r} is not a declared component{hint}"
                yield UNDECLARED_NODE.finding(
                    document.path, node.line, node.column, message, suggestion
                )


def component_missing_from_table(document: Document, config: Config) -> Iterator[Finding]:
    """Every declared component has a row in the tier table.

    Anti-pattern: a tier table that lost a row.

        | Tier       | Responsibility |
        | ---------- | -------------- |
        | Edge Cache | Serve content  |

    Best practice: one row per declared tier, named as in ``[tool.archcheck.components]``.
    """
    table = _tier_table(document, config)
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

    Anti-pattern: a row for a tier the configuration does not know (``Cache`` for ``Edge Cache``).

    Best practice: the tier names of ``[tool.archcheck.components]``, exactly.
    """
    table = _tier_table(document, config)
    if table is None:
        return
    declared = list(config.components)
    for row in table.rows:
        name = row.cells[0].strip() if row.cells else ""
        if name not in config.components:
            suggestion = _suggest(name, declared)
            hint = f": did you mean {suggestion!r}?" if suggestion else ""
            message = f"tier {name!r} is not a declared component{hint}"
            yield UNDECLARED_TIER.finding(document.path, row.line, 1, message, suggestion)


UNREADABLE = Rule("AC401", "unreadable-diagram", Severity.ERROR, unreadable_diagram)
MISSING_NODE = Rule(
    "AC402", "component-missing-from-diagram", Severity.ERROR, component_missing_from_diagram
)
UNDECLARED_NODE = Rule("AC403", "undeclared-node", Severity.ERROR, undeclared_node)
MISSING_ROW = Rule(
    "AC404", "component-missing-from-table", Severity.ERROR, component_missing_from_table
)
UNDECLARED_TIER = Rule("AC405", "undeclared-tier", Severity.ERROR, undeclared_tier)
