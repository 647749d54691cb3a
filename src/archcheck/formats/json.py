"""JSON: one object with every list archcheck has (see docs/archcheck/json-output.md)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

from archcheck.engine import CheckResult
from archcheck.model import ChecklistItem
from archcheck.printable import LEGACY_COMMAND, UNPRINTABLE

# A raw newline in json.dumps' output is its indentation: inside strings it escapes all C0.
_ESCAPED = re.compile(f"(?!\n){UNPRINTABLE.pattern}|{LEGACY_COMMAND.pattern}")

VERSION = 1


def as_data(result: CheckResult, command: str) -> dict[str, Any]:
    return {
        "version": VERSION,
        "command": command,
        "exit_code": result.exit_code,
        "items": [_item(item) for item in result.items],
        "findings": [asdict(f) for f in result.findings],
        "waivers": [
            {
                "path": w.path,
                "line": w.line,
                "codes": list(w.codes),
                "until": w.until.isoformat(),
                "reason": w.reason,
                "expired": w.expired,
                "covers": [{"path": f.path, "line": f.line, "code": f.code} for f in w.covers],
            }
            for w in result.waivers
        ],
        "tokens": [asdict(t) for t in result.tokens],
        "problems": [asdict(p) for p in result.problems],
        "documents": list(result.documents),
    }


def _item(item: ChecklistItem) -> dict[str, Any]:
    """The item's fields, with ``dropped`` shown as part of ``state`` (done, open or dropped),
    right after ``checked``: one key says where the item stands."""
    data: dict[str, Any] = {}
    for key, value in asdict(item).items():
        if key != "dropped":
            data[key] = value
        if key == "checked":
            data["state"] = item.state.value
    data["renderers_agree"] = item.renderers_agree
    return data


def dumps(data: object) -> str:
    """``data`` as indented JSON, non-ASCII text as itself, except that each character
    printable() would escape is written as a ``\\uXXXX`` escape: json.dumps escapes only
    U+0000-U+001F, and would leave DEL, C1 controls, U+2028, bidi controls and a file name's
    undecodable bytes (lone surrogates, which UTF-8 cannot encode) raw on the terminal, and
    ``##[`` for GitHub's runner to read as a command anywhere in a line. Such characters appear
    only inside strings, where the escape reads back to the same text."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _ESCAPED.sub(lambda found: f"\\u{ord(found[0]):04x}", text) + "\n"


def render(result: CheckResult, command: str) -> str:
    return dumps(as_data(result, command))
