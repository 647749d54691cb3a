"""Extract the GFM spec's list and task-list examples into corpus files.

The differential tests compare archcheck with cmark-gfm and Python-Markdown on these files. Run it
against a checkout of github/cmark-gfm; the output is deterministic, so rerunning it on the same
spec leaves the committed files unchanged:

    python tests/corpus/generate_spec_corpus.py /path/to/cmark-gfm/test/spec.txt \
        --source github/cmark-gfm@<commit>

Each example becomes ``spec/<section>-<number>.md`` holding exactly the example's Markdown (the
spec writes tabs as ``→``; they are turned back into tabs). ``spec/manifest.json`` records, per
file, the example number, section, line in spec.txt and the HTML the spec expects, which lets the
oracle tests check that cmark-gfm still renders each example the way the spec says.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

SECTIONS = ("List items", "Task list items (extension)", "Lists")
FENCE = "`" * 32
HEADER = re.compile(r"#+ ")
OUT = Path(__file__).resolve().parent / "spec"


@dataclass(frozen=True)
class Example:
    file: str
    example: int
    section: str
    spec_line: int
    extensions: list[str]
    markdown: str
    html: str


def read_examples(spec_text: str) -> list[Example]:
    """Number every example the way cmark-gfm's test/spec_tests.py does, keep our sections."""
    examples: list[Example] = []
    state, number, section, start = 0, 0, "", 0
    markdown: list[str] = []
    html: list[str] = []
    extensions: list[str] = []
    for line_number, line in enumerate(spec_text.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped.startswith(FENCE + " example"):
            state, start = 1, line_number
            extensions = stripped[len(FENCE + " example") :].split()
        elif stripped == FENCE and state:
            number += 1
            if section in SECTIONS:
                slug = re.sub(r"[^a-z]+", "-", section.lower()).strip("-")
                examples.append(
                    Example(
                        file=f"{slug}-{number:03d}.md",
                        example=number,
                        section=section,
                        spec_line=start,
                        extensions=extensions,
                        markdown="".join(markdown).replace("→", "\t"),
                        html="".join(html).replace("→", "\t"),
                    )
                )
            state, markdown, html = 0, [], []
        elif stripped == "." and state == 1:
            state = 2
        elif state == 1:
            markdown.append(line)
        elif state == 2:
            html.append(line)
        elif state == 0 and HEADER.match(line):
            section = HEADER.sub("", line).strip()
    return examples


def write_corpus(examples: list[Example], source: str) -> None:
    for old in OUT.glob("*.md"):
        old.unlink()
    for example in examples:
        # newline="" keeps the bytes exactly as in the spec (no platform newline translation).
        with (OUT / example.file).open("w", encoding="utf-8", newline="") as handle:
            handle.write(example.markdown)
    manifest = {
        "source": source,
        "sections": list(SECTIONS),
        "examples": [{k: v for k, v in asdict(e).items() if k != "markdown"} for e in examples],
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    (OUT / "manifest.json").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec", type=Path, help="cmark-gfm's test/spec.txt")
    parser.add_argument("--source", required=True, help="where spec.txt came from: repo@commit")
    args = parser.parse_args()
    examples = read_examples(args.spec.read_text(encoding="utf-8"))
    write_corpus(examples, args.source)
    counts = {s: sum(e.section == s for e in examples) for s in SECTIONS}
    print(f"wrote {len(examples)} examples to {OUT}: {counts}")


if __name__ == "__main__":
    main()
