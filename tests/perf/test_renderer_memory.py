"""Reading pages from cmark-gfm gives its memory back: a long run stays as small as a short one.
(cmarkgfm's own wrapper frees neither the syntax tree nor the HTML; views/cmark.py does.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NOTE = Path(__file__).resolve().parents[2] / "docs" / "index.md"
RENDERS = """
import resource, sys
from archcheck.text import prepare
from archcheck.views.github import github_view
source = prepare(open(sys.argv[1], encoding="utf-8").read() * 20)
for _ in range(int(sys.argv[2])):
    github_view(source)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _peak_mb(renders: int) -> int:
    done = subprocess.run(
        [sys.executable, "-c", RENDERS, str(NOTE), str(renders)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_three_hundred_renders_take_no_more_memory_than_ten() -> None:
    # Each render of this 80 KB page allocated about 0.5 MB that was never freed.
    assert _peak_mb(300) - _peak_mb(10) < 40
