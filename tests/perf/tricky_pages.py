"""Pages written to get past a careless pre-scan: every finding here hides behind an escape, an
entity, percent-encoding, markup inside a word, another case, a tab or deep nesting."""

from __future__ import annotations

TOKENS = {"policy": "dw7txd0yf-0-qmvgmw", "release": "dggll6o4xq-t", "short": "api-g"}
COMPONENTS = {"Edge Cache": "edge-bdxib", "API Tier": "api-g"}

PAGES: dict[str, str] = {
    "entity-token.md": "Deploy with &#100;w7txd0yf-0-qmvgmw today.\n",
    "hex-entity-token.md": "Release &#x64;ggll6o4xq&#45;t is next.\n",
    "escaped-hyphen.md": "Policy dw7txd0yf\\-0\\-qmvgmw applies.\n",
    "autolink-percent.md": "See <https://example.org/%64%77%37%74%78%64%30%79%66-0-qmvgmw>.\n",
    "upper-case.md": "Release DGGLL6O4XQ-T ships.\n",
    "swapped.md": "Token `dw7txd0yf-0-qmvgwm` in code.\n",
    "short-case.md": "The API-G tier.\n",
    "code-block.md": "Intro.\n\n```text\nrun dggll6o4xq-r\n```\n",
    "indented-code.md": "Intro.\n\n    policy dw7txd0yf-0-qmvgm\n",
    "table-cell.md": "| a | b |\n| - | - |\n| dw7txd0yf-0-qmvgmX | x |\n",
    "link-text.md": "[dggll6o4xq-tt](https://example.org) and more.\n",
    "footnote-entity.md": "Text &#91;^missing] here.\n",
    "footnote-escape.md": "Text [\\^gone] here.\n",
    "footnote-ref.md": "Text[^a].\n\n[^b]: unused\n",
    "mermaid-entity.md": "```&#109;ermaid\nflowchart LR\n  edge-bdxib --> api-x\n```\n",
    "mermaid-upper.md": "~~~ MERMAID\nflowchart LR\n  edge-bdxib --> nope\n~~~\n",
    "tier-bold.md": "| **Tier** | Role |\n| --- | --- |\n| Edge Cache | x |\n",
    "tier-entity.md": "| T&#105;er | Role |\n|---|---|\n| Nope | x |\n",
    "tier-quoted.md": "> Tier | Role\n> --- | ---\n> Cache | x\n",
    "tab-box.md": "- [\t] open in a way the site may show\n",
    "box-in-quote.md": "> - [ ] quoted item\n",
    "open-item.md": "1. [ ] release signed off\n",
    "directive.md": "<!-- archcheck: ignore AC999 -->\nText.\n",
    "waiver.md": (
        '<!-- archcheck: waive AC101 until=2000-01-01 reason="old" -->\n- [ ] rotate secrets\n'
    ),
    "deep-quotes.md": ">" * 70 + " deep\n",
    "deep-lists.md": "".join("  " * level + "- item\n" for level in range(40)),
    "tab-nesting.md": "".join("\t" * level + "- item\n" for level in range(40)),
    "crlf-table.md": "| Tier | Role |\r\n| --- | --- |\r\n| Unknown | x |\r\n",
    "bom-box.md": "\ufeff- [x] done\n",
    "nothing.md": "Plain prose about caches, APIs and workers, with no token at all.\n",
    "near-nothing.md": "The release notes mention api and dggll6 but nothing close enough.\n",
}
