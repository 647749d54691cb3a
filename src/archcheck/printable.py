"""Text from file names and pages made safe to print one record a line: every character that
could end the line, steer a terminal or reorder what a reader sees is shown as an escape.

A file name or a page may hold any character but ``/`` and NUL; printed as is, a newline in a
name would start a line of its own (a GitHub workflow command such as ``::stop-commands::``),
ESC would reach the terminal, and a bidi override would show a reader other text than the bytes
hold ("Trojan source"). And GitHub's runner still reads its legacy commands, ``##[error]...``
or ``##[stop-commands]...``, anywhere in a line (actions/runner, ActionCommand.TryParse), so the
first ``#`` of ``##[`` is escaped too.
"""

from __future__ import annotations

import re

# Characters never printed as themselves:
# - C0 controls, DEL and C1 controls (U+0085 NEXT LINE among them), the line and paragraph
#   separators U+2028 and U+2029: each either ends a line for some reader (Python's splitlines,
#   JavaScript, terminals) or drives a terminal;
# - the bidi controls U+061C, U+200E, U+200F, U+202A-U+202E and U+2066-U+2069, which reorder
#   the text around them without being seen;
# - lone surrogates, which is how Python reads a file name's bytes that are not UTF-8 (they
#   cannot be encoded as UTF-8, so printed as is they would end the run with an error);
# - the noncharacters U+FFFE and U+FFFF, which XML cannot hold.
UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]"
)
# The start of a legacy workflow command, wherever it is in a line.
LEGACY_COMMAND = re.compile(r"#(?=#\[)")
_ESCAPED = re.compile(rf"\\|{LEGACY_COMMAND.pattern}|{UNPRINTABLE.pattern}")
_SHORT = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(char: str) -> str:
    """One character as a Python string literal writes it: ``\\n``, ``\\x1b``, ``\\u2028``."""
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with each UNPRINTABLE character escaped as a Python string literal would write it
    (``\\n``, ``\\r``, ``\\t``, ``\\x1b``, ``\\x85``, ``\\u2028``, ``\\u202e``, ``\\udcff``), the
    ``#`` that starts ``##[`` as ``\\x23``, and each backslash doubled, so that what is printed
    reads back to one text only: a name holding a backslash and an ``n`` prints as ``\\\\n``, a
    name holding a newline as ``\\n``. Text with none of these is returned unchanged."""
    return _ESCAPED.sub(lambda found: escape(found[0]), text)
