"""JUnit XML: a test case per checked document, a failure per error finding in it."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from archcheck.engine import CheckResult


def render(result: CheckResult, command: str) -> str:
    suite = ET.Element("testsuite", name=f"archcheck {command}")
    failures = 0
    for path in result.documents:
        case = ET.SubElement(suite, "testcase", classname="archcheck", name=path)
        for f in result.findings:
            if f.path == path and f.severity == "error":
                failures += 1
                failure = ET.SubElement(case, "failure", type=f.code, message=f.message)
                failure.text = f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"
    for p in result.problems:
        case = ET.SubElement(suite, "testcase", classname="archcheck", name=p.path)
        ET.SubElement(case, "error", message=p.message).text = str(p)
    project = [
        f for f in result.findings if f.path not in result.documents and f.severity == "error"
    ]
    if project:
        case = ET.SubElement(suite, "testcase", classname="archcheck", name="project")
        for f in project:
            failures += 1
            ET.SubElement(case, "failure", type=f.code, message=f.message).text = f.message
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(len(result.problems)))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"
