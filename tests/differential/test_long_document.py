"""A long document (generated here, not committed): the parity rule holds at scale and no item is
lost, merged or shifted to another line deep into the file."""

from __future__ import annotations

from comparison import compare
from parity_run import PARITY_STATS

import archcheck

SECTIONS = (
    "## Section {i}\n\nIntro {i}.\n\n- [ ] open {i}\n- [x] done {i}\n  - [X] nested {i}\n",
    "Glued paragraph {i}\n- [ ] glued {i}\n",
    "> - [x] quoted {i}\n",
    "```\n- [ ] fenced {i}\n```\n",
    "1. [ ] ordered {i}\n2. [x] ordered done {i} [ ]\n",
    "- [ ] trailing {i} [x]\n",
    "<!--\n- [x] commented {i}\n-->\n",
)
REPEATS = 3000


def test_long_document_matches_both_renderers() -> None:
    text = "\n".join(SECTIONS[i % len(SECTIONS)].format(i=i) for i in range(REPEATS))
    document = archcheck.parse(text, "<long>")
    result = compare("<long>", text, document.checklist)
    PARITY_STATS["long document lines"] = text.count("\n")
    PARITY_STATS["long document items compared"] = result.items
    assert not result.problems_of(), "\n".join(result.problems_of()[:20])
    # Items per section kind: 3 plain, 1 glued, 1 quoted, none fenced, 2 ordered, 1 trailing,
    # none commented out.
    per_kind = (3, 1, 1, 0, 2, 1, 0)
    full, rest = divmod(REPEATS, len(SECTIONS))
    assert result.items == full * sum(per_kind) + sum(per_kind[:rest])
    last = document.checklist[-1]
    assert last.text == f"quoted {REPEATS - 2}"
    assert text.split("\n")[last.line - 1] == f"> - [x] quoted {REPEATS - 2}"
