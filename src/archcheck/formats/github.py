"""GitHub Actions workflow commands: each finding becomes an annotation on its line.

A command is one line, ``::error file=...,line=...,title=...::message``; the runner reads its
values back by decoding ``%25``, ``%0D`` and ``%0A`` (and, in the properties, ``%3A`` and
``%2C``), so with those encoded no file name or message can end the line and start a command of
its own."""

from __future__ import annotations

from archcheck.engine import CheckResult
from archcheck.model import ItemState
from archcheck.printable import UNPRINTABLE, escape, printable

_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY = {**_DATA, ":": "%3A", ",": "%2C"}


def _encode(value: str, codes: dict[str, str]) -> str:
    return "".join(codes.get(char, char) for char in value)


def file_property(path: str) -> str:
    """The path as the runner decodes it back exactly, so the annotation lands on the file. A
    control character other than CR and LF has no code the runner decodes: it is shown escaped
    as in the text format (the annotation then names a file by another name, but no terminal
    reading the log receives the raw character). A ``##[`` is kept: the runner reads a line
    that starts with ``::error`` as that command, never as a legacy one."""
    return "".join(
        _PROPERTY.get(char) or (escape(char) if UNPRINTABLE.match(char) else char) for char in path
    )


def text_property(text: str) -> str:
    return _encode(printable(text), _PROPERTY)


def message(text: str) -> str:
    # printable() first, as in the text format: the message shows as one line, with a line
    # break in a quoted item visible as \n rather than splitting the annotation.
    return _encode(printable(text), _DATA)


def render(result: CheckResult, command: str) -> str:
    lines = []
    for f in result.findings:
        kind = "error" if f.severity == "error" else "warning"
        props = f"file={file_property(f.path)},line={f.line},col={f.column}"
        title = text_property(f"{f.code} {f.name}")
        lines.append(f"::{kind} {props},title={title}::{message(f.message)}")
    for item in result.items:  # listed, so a reviewer sees every item that no longer holds
        if item.state is ItemState.DROPPED:
            props = f"file={file_property(item.path)},line={item.line},col={item.column}"
            text = f"dropped {item.text!r}: struck through, it does not hold the release"
            lines.append(f"::notice {props},title=dropped item::{message(text)}")
    for p in result.problems:
        line = f",line={p.line}" if p.line else ""
        lines.append(
            f"::error file={file_property(p.path)}{line},title=archcheck::{message(p.message)}"
        )
    return "".join(line + "\n" for line in lines)
