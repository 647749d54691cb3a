"""Read a Mermaid block as a flowchart: nodes, edges and, where it cannot be read, why.

The subset archcheck reads (anything else is reported, never guessed at):

* a header line ``flowchart DIR`` or ``graph DIR`` (DIR one of TB, TD, BT, RL, LR, optional);
* statements, one per line or separated by ``;``: ``a``, ``a[label]`` (also ``(label)``,
  ``((label))``, ``{label}``, ``{{label}}``, ``[(label)]``, ``([label])``, ``[[label]]``,
  ``>label]``, ``[/label/]``), chains ``a --> b --> c``, groups ``a & b --> c``, links
  ``-->``, ``---``, ``-.->``, ``==>``, ``~~~``, ``--o``, ``--x``, ``<-->``, with ``|text|``
  or ``-- text -->`` link text;
* ``subgraph id [title]`` ... ``end``, ``direction DIR``, and ``classDef``, ``class``,
  ``style``, ``linkStyle``, ``click`` lines (accepted, not read); ``%%`` comments.

Ids are letters, digits and ``_`` with single inner hyphens (``edge-bdxib``). ``end`` as an id
and ``--`` inside an id are errors, as Mermaid would fail or draw an edge instead, and so is a
flowchart of more than 500 edges (``a & b --> c & d`` is four): Mermaid draws none of it
(its ``maxEdges``), and reading no further keeps a line of groups from costing its square.
"""

from __future__ import annotations

import re

from archcheck.model import DiagramProblem, Flowchart, FlowEdge, FlowNode

RE_HEADER = re.compile(r"^(?:flowchart|graph)(?:\s+(TB|TD|BT|RL|LR))?\s*;?\s*$")
RE_ID = re.compile(r"[\w]+(?:-[\w]+)*")
RE_SHAPE = re.compile(
    r"(\[\[|\[\(|\(\[|\(\(|\{\{|\[/|\[\\|\[|\(|\{|>)"
    r"(\"[^\"]*\"|[^\]\)\}\"]*?)"
    r"(\]\]|\)\]|\]\)|\)\)|\}\}|/\]|\\\]|\]|\)|\})"
)
RE_LINK = re.compile(
    r"\s*(?:[<xo]?(?:--|==|-\.)\s+[^-=|]+?\s+)?"
    r"(?:[<xo]?(?:-{2,}|={2,}|-\.+-)[>xo]?|~~~)"
    r"(?:\|[^|]*\|)?\s*"
)
RE_AMP = re.compile(r"\s*&\s*")
RE_EDGE_IN_ID = re.compile(r"-{2,}\w")
RE_ID_WITH_DASHES = re.compile(r"[\w-]+")
MAX_EDGES = 500  # Mermaid's maxEdges: it draws no flowchart with more
# The first words of Mermaid's other diagram types (mermaid.js diagram detectors). Such a block
# is a diagram of another kind, not a flowchart written wrong: it is no business of the AC4xx
# rules. Any other first line that is not a flowchart header stays a problem (a typo such as
# "flowchat LR" is the usual cause).
OTHER_DIAGRAMS = frozenset(
    {
        "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
        "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram",
        "gitGraph", "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment",
        "mindmap", "timeline", "zenuml", "sankey-beta", "sankey", "xychart-beta", "xychart",
        "block-beta", "block", "packet-beta", "packet", "kanban", "architecture-beta",
        "architecture", "radar-beta", "treemap-beta", "info",
    }
)  # fmt: skip


def is_other_diagram(content: str) -> bool:
    """Whether a Mermaid block is a diagram of another type than a flowchart."""
    in_front_matter = False
    for number, line in enumerate(content.split("\n")):
        text = line.strip()
        if text == "---" and (number == 0 or in_front_matter):  # Mermaid's own front matter
            in_front_matter = not in_front_matter
        elif text and not in_front_matter and not text.startswith("%%"):
            return text.split()[0].rstrip(":;") in OTHER_DIAGRAMS
    return False


IGNORED = ("classDef", "class", "style", "linkStyle", "click", "direction")


class _TooManyEdges(Exception):
    def __init__(self, problem: DiagramProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Statement:
    def __init__(self, text: str, line: int, column: int) -> None:
        self.text, self.line, self.column, self.pos = text, line, column, 0

    def error(self, message: str) -> DiagramProblem:
        return DiagramProblem(self.line, self.column + self.pos, message)


def _node(st: _Statement, nodes: dict[str, FlowNode]) -> str | DiagramProblem:
    found = RE_ID.match(st.text, st.pos)
    if found is None:
        return st.error(f"expected a node id at {st.text[st.pos :][:20]!r}")
    node_id, start = found.group(0), st.pos
    st.pos = found.end()
    if RE_EDGE_IN_ID.match(st.text, st.pos):
        whole = RE_ID_WITH_DASHES.match(st.text, start)
        name = whole.group(0) if whole else node_id
        return DiagramProblem(
            st.line, st.column + start, f"'--' inside id {name!r}: Mermaid reads it as an edge"
        )
    if node_id == "end":
        return DiagramProblem(st.line, st.column + start, "'end' cannot be a node id in Mermaid")
    label = node_id
    shape = RE_SHAPE.match(st.text, st.pos)
    if shape:
        label = shape.group(2).strip().strip('"')
        st.pos = shape.end()
    known = nodes.get(node_id)
    if known is None or (shape and known.label == known.id):
        line, column = (known.line, known.column) if known else (st.line, st.column + start)
        nodes[node_id] = FlowNode(node_id, label, line, column)
    return node_id


def _group(st: _Statement, nodes: dict[str, FlowNode]) -> list[str] | DiagramProblem:
    ids: list[str] = []
    while True:
        node = _node(st, nodes)
        if isinstance(node, DiagramProblem):
            return node
        ids.append(node)
        amp = RE_AMP.match(st.text, st.pos)
        if amp is None:
            return ids
        st.pos = amp.end()


def _statement(
    st: _Statement, nodes: dict[str, FlowNode], edges: list[FlowEdge]
) -> DiagramProblem | None:
    previous = _group(st, nodes)
    if isinstance(previous, DiagramProblem):
        return previous
    while st.pos < len(st.text):
        link = RE_LINK.match(st.text, st.pos)
        if link is None or link.end() == st.pos:
            return st.error(f"cannot read {st.text[st.pos :].strip()!r} as a link")
        st.pos = link.end()
        following = _group(st, nodes)
        if isinstance(following, DiagramProblem):
            return following
        if len(edges) + len(previous) * len(following) > MAX_EDGES:
            raise _TooManyEdges(
                DiagramProblem(
                    st.line,
                    st.column,
                    f"more than {MAX_EDGES} edges: Mermaid draws no flowchart with more "
                    "(its maxEdges)",
                )
            )
        edges.extend(FlowEdge(a, b, st.line) for a in previous for b in following)
        previous = following
    return None


def read_flowchart(content: str, first_line: int, column: int) -> Flowchart:
    nodes: dict[str, FlowNode] = {}
    edges: list[FlowEdge] = []
    problems: list[DiagramProblem] = []
    direction, header_seen, depth = "", False, 0
    for offset, raw in enumerate(content.split("\n")):
        line = first_line + offset
        at = -1  # where the part starts in the line, less one
        for part in raw.split(";"):
            at, start = at + len(part) + 1, at + 1
            text = part.strip()
            if not text or text.startswith("%%"):
                continue
            col = column + start + len(part) - len(part.lstrip())
            if not header_seen:
                header = RE_HEADER.match(text)
                if header is None:
                    problems.append(
                        DiagramProblem(
                            line,
                            col,
                            "not a flowchart: the first line must be 'flowchart DIR' or"
                            " 'graph DIR'",
                        )
                    )
                    return Flowchart(first_line - 1, "", (), (), tuple(problems))
                direction, header_seen = header.group(1) or "TB", True
                break
            word = text.split()[0]
            if word == "subgraph":
                depth += 1
            elif text == "end":
                depth -= 1
                if depth < 0:
                    problems.append(DiagramProblem(line, col, "'end' without a subgraph"))
                    depth = 0
            elif word not in IGNORED:
                try:
                    problem = _statement(_Statement(text, line, col), nodes, edges)
                except _TooManyEdges as too_many:
                    problems.append(too_many.problem)
                    return Flowchart(first_line - 1, direction, (), (), tuple(problems))
                if problem is not None:
                    problems.append(problem)
    if not header_seen:
        problems.append(
            DiagramProblem(first_line, column, "empty diagram: no 'flowchart' or 'graph' header")
        )
    elif depth > 0:
        problems.append(
            DiagramProblem(first_line + content.count("\n"), column, "subgraph without 'end'")
        )
    return Flowchart(
        first_line - 1, direction, tuple(nodes.values()), tuple(edges), tuple(problems)
    )
