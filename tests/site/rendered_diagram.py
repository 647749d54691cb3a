"""Read the Mermaid diagram as chromium drew it, and assert it is the note's flow."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

# The flow the note describes: edge cache -> API tier -> background worker.
FLOW_NODES = ("api-g", "edge-bdxib", "worker-y")
FLOW_EDGES = (("api-g", "worker-y"), ("edge-bdxib", "api-g"))

RENDER_TIMEOUT_MS = 15_000

_SVG = "document.querySelector('.md-content .mermaid')?.shadowRoot?.querySelector('svg')"

# Mermaid names a node's group `<svg id>-flowchart-<node id>-<n>` and an edge path's
# data-id `L_<from>_<to>_<n>`: that is how edges are tied back to the boxes they join.
_READ_DIAGRAM = f"""
() => {{
  const svg = {_SVG};
  const nodes = [...svg.querySelectorAll("g.node")].map((group) => ({{
    id: group.id.slice(`${{svg.id}}-flowchart-`.length).replace(/-\\d+$/, ""),
    label: group.textContent.trim(),
  }}));
  const edges = [...svg.querySelectorAll("path.flowchart-link")].map((path) => {{
    const id = path.dataset.id ?? path.id.slice(svg.id.length + 1);
    const ends = nodes.flatMap((from) => nodes.map((to) => [from, to]));
    const match = ends.find(([from, to]) => id.startsWith(`L_${{from.id}}_${{to.id}}_`));
    return match ? [match[0].label, match[1].label] : [id, "?"];
  }});
  const errorMarks = [...svg.querySelectorAll(".error-icon, .error-text")];
  const leftovers = [...document.querySelectorAll("[id^='dmermaid'], [id^='d__mermaid']")];
  const errors = [...errorMarks, ...leftovers].map((el) => el.textContent.trim() || el.id);
  if (document.body.innerText.includes("Syntax error in text")) errors.push("Syntax error in text");
  return {{ nodes: nodes.map((node) => node.label), edges, errors }};
}}
"""


@dataclass(frozen=True)
class RenderedDiagram:
    """The boxes, arrows and error output a reader sees in the diagram."""

    nodes: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]
    errors: tuple[str, ...]


def wait_for_diagram(page: Page, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """Wait until Material has drawn the diagram as an SVG; fail early if the page errors."""
    try:
        page.wait_for_function(
            f"() => Boolean({_SVG}) || window.__pageErrors.length > 0", timeout=timeout_ms
        )
    except PlaywrightError:
        raise AssertionError(
            f"the Mermaid diagram was not drawn as an SVG within {timeout_ms} ms"
        ) from None
    if not page.evaluate(f"() => Boolean({_SVG})"):
        errors = page.evaluate("() => window.__pageErrors")
        raise AssertionError(f"the Mermaid diagram was not drawn; the page reported: {errors}")


def read_diagram(page: Page) -> RenderedDiagram:
    """The diagram as drawn; call after `wait_for_diagram`."""
    seen: dict[str, Any] = page.evaluate(_READ_DIAGRAM)
    return RenderedDiagram(
        nodes=tuple(sorted(seen["nodes"])),
        edges=tuple(sorted((str(a), str(b)) for a, b in seen["edges"])),
        errors=tuple(seen["errors"]),
    )


def assert_flow_diagram(page: Page, timeout_ms: int = RENDER_TIMEOUT_MS) -> None:
    """The page shows the note's flow: exactly its three boxes and two arrows, no error output."""
    wait_for_diagram(page, timeout_ms)
    diagram = read_diagram(page)
    assert not diagram.errors, f"Mermaid error output on the page: {diagram.errors}"
    assert diagram.nodes == FLOW_NODES, f"diagram nodes {diagram.nodes}, expected {FLOW_NODES}"
    assert diagram.edges == FLOW_EDGES, f"diagram edges {diagram.edges}, expected {FLOW_EDGES}"
