"""A long document (generated here, not committed): the parity rule holds at scale and no item is
lost, merged or shifted to another line deep into the file."""

from __future__ import annotations

from comparison import checklist, compare
from parity_run import PARITY_STATS

SECTIONS = (
    "## Section {i}\n\nIntro {i}.\n\n- [ ] open {i}\n- [x] done {i}\n  - [X] nested {i}\n",
    "Glued paragraph {i}\n- [ ] glued {i}\n",
    "> - [x] quoted {i}\n",
    "```\n- [ ] fenced {i}\n```\n",
    "1. [ ] ordered {i}\n2. [x] ordered done {i} [ ]\n",
    "- [ ] trailing {i} [x]\n",
    "<!--\n- [x] commented {i}\n-->\n",
)
# About 3,700 lines. The site is asked once per bit of a marker line's number (oracles.py),
# each time rendering the whole page, so this is the differential suite's longest test.
REPEATS = 1000


def test_long_document_matches_both_renderers() -> None:
    text = "\n".join(SECTIONS[i % len(SECTIONS)].format(i=i) for i in range(REPEATS))
    items = checklist(text, "<long>")
    result = compare("<long>", text, items)
    PARITY_STATS["long document lines"] = text.count("\n")
    PARITY_STATS["long document items compared"] = result.items
    assert not result.problems_of(), "\n".join(result.problems_of()[:20])
    # Items per section kind: 3 plain, 1 glued, 1 quoted, none fenced, 2 ordered, 1 trailing,
    # none commented out.
    per_kind = (3, 1, 1, 0, 2, 1, 0)
    full, rest = divmod(REPEATS, len(SECTIONS))
    assert result.items == full * sum(per_kind) + sum(per_kind[:rest])
    # The last item comes from the last section that has one, on its own line.
    last = items[-1]
    section = max(i for i in range(REPEATS) if per_kind[i % len(SECTIONS)])
    line = text.split("\n")[last.line - 1]
    assert f" {section}" in line and last.text and last.text in line
