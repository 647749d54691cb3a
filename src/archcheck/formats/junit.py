"""JUnit XML: a test case per checked document, a failure per error finding in it.

Every value goes through printable(): ElementTree writes control characters as they are, and
most of them cannot appear in XML 1.0 at all (not even as character references), so a file
name holding ESC would otherwise make the whole report unreadable to the tools it is for."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from archcheck.engine import CheckResult
from archcheck.model import ItemState
from archcheck.printable import printable


def _element(parent: ET.Element, tag: str, text: str | None = None, **values: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: printable(v) for key, v in values.items()})
    if text is not None:
        element.text = printable(text)
    return element


def render(result: CheckResult, command: str) -> str:
    suite = ET.Element("testsuite", name=printable(f"archcheck {command}"))
    failures = 0
    for path in result.documents:
        case = _element(suite, "testcase", classname="archcheck", name=path)
        for f in result.findings:
            if f.path == path and f.severity == "error":
                failures += 1
                line = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
                _element(case, "failure", line, type=f.code, message=f.message)
        dropped = [i for i in result.items if i.path == path and i.state is ItemState.DROPPED]
        if dropped:  # not a failure, but listed for the reviewer
            shown = (f"{i.path}:{i.line}:{i.column}: dropped {i.text!r}" for i in dropped)
            _element(case, "system-out", "\n".join(shown))
    for p in result.problems:
        case = _element(suite, "testcase", classname="archcheck", name=p.path)
        _element(case, "error", str(p), message=p.message)
    project = [
        f for f in result.findings if f.path not in result.documents and f.severity == "error"
    ]
    if project:
        case = _element(suite, "testcase", classname="archcheck", name="project")
        for f in project:
            failures += 1
            _element(case, "failure", f.message, type=f.code, message=f.message)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(len(result.problems)))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"
