"""AC401-AC403: the Mermaid flowchart against the declared components.

Rules run on a document that has a Mermaid block or a tier table (a table whose first header
cell is the configured ``tier-column``, "Tier" by default).
"""

from __future__ import annotations

from collections.abc import Iterator

from archcheck.config import Config
from archcheck.findings import Finding, Severity
from archcheck.model import Document
from archcheck.rule import Rule, closest
from archcheck.rules.tier_table import DIAGRAM_AND_TABLES, has_diagram_or_tier_table, tier_table


def unreadable_diagram(document: Document, config: Config) -> Iterator[Finding]:
    """A Mermaid block must be a flowchart archcheck (and Mermaid) can read.

    See [the Mermaid flowchart subset](flowchart-subset.md) for what archcheck reads. An
    unreadable diagram has no nodes, so every declared component is also missing from it. Like
    every AC4xx rule, it is silent until components are declared: without them no diagram is
    held to the tiers.

    Anti-pattern: ``--`` inside an id, which Mermaid draws as an edge with a label (a block with
    no ``flowchart``/``graph`` header, or a node called ``end``, are the other usual mistakes):

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Worker | Run batch jobs  |

    ```mermaid
    flowchart LR
        web--cache --> api
        api --> worker
    ```
    ````

    ```text
    example.md:7:1: AC402 component 'Web' (web) is not a node of any readable Mermaid flowchart
    example.md:7:1: AC402 component 'API' (api) is not a node of any readable Mermaid flowchart
    example.md:7:1: AC402 component 'Worker' (worker) is not a node of any readable Mermaid flowchart
    example.md:9:5: AC401 '--' inside id 'web--cache': Mermaid reads it as an edge
    ```

    Best practice: a ``flowchart`` header, and ids of words joined by single hyphens:

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
    """  # noqa: E501
    if not config.components:
        return
    for chart in document.flowcharts:
        for problem in chart.problems:
            yield UNREADABLE.finding(document.path, problem.line, problem.column, problem.message)


def component_missing_from_diagram(document: Document, config: Config) -> Iterator[Finding]:
    """Every declared component is a node of the diagram.

    Anti-pattern: a component in the configuration (``worker``) that the diagram leaves out:

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Worker | Run batch jobs  |

    ```mermaid
    flowchart LR
        web --> api
    ```
    ````

    ```text
    example.md:7:1: AC402 component 'Worker' (worker) is not a node of the diagram
    ```

    Best practice: every component of ``[tool.archcheck.components]`` drawn:

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
    charts = [chart for chart in document.flowcharts if not chart.problems]
    if not document.flowcharts and tier_table(document, config) is None:
        return
    nodes = {node.id for chart in charts for node in chart.nodes}
    table = tier_table(document, config)
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

    Anti-pattern: a node renamed in the diagram only (``workers`` for ``worker``):

    ````markdown
    | Tier   | Responsibility  |
    | ------ | --------------- |
    | Web    | Serve pages     |
    | API    | Answer requests |
    | Worker | Run batch jobs  |

    ```mermaid
    flowchart LR
        web --> api
        api --> workers
    ```
    ````

    ```text
    example.md:7:1: AC402 component 'Worker' (worker) is not a node of the diagram
    example.md:10:13: AC403 node 'workers' is not a declared component: did you mean 'worker'?
    ```

    Best practice: rename a component in ``[tool.archcheck.components]``, the table and the
    diagram together, or not at all:

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
    declared = list(config.components.values())
    if not declared:  # nothing to hold the diagram to
        return
    for chart in document.flowcharts:
        for node in chart.nodes:
            if node.id not in declared:
                suggestion = closest(node.id, declared)
                hint = f": did you mean {suggestion!r}?" if suggestion else ""
                message = f"node {node.id!r} is not a declared component{hint}"
                yield UNDECLARED_NODE.finding(
                    document.path, node.line, node.column, message, suggestion
                )


UNREADABLE = Rule(
    "AC401", "unreadable-diagram", Severity.ERROR, unreadable_diagram,
    reads=DIAGRAM_AND_TABLES, trigger=has_diagram_or_tier_table,
)  # fmt: skip
MISSING_NODE = Rule(
    "AC402", "component-missing-from-diagram", Severity.ERROR, component_missing_from_diagram,
    reads=DIAGRAM_AND_TABLES, trigger=has_diagram_or_tier_table,
)  # fmt: skip
UNDECLARED_NODE = Rule(
    "AC403", "undeclared-node", Severity.ERROR, undeclared_node, reads=DIAGRAM_AND_TABLES,
    trigger=has_diagram_or_tier_table,
)  # fmt: skip
