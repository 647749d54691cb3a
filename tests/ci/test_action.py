"""The GitHub Action (action.yml): its metadata, its steps run the way the runner runs a composite
action on a recorded ``pull_request`` event, and the example workflows of its docs page, linted
by actionlint."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from archcheck import __version__
from tests.docs.sybil_support.fence_audit import scan

from .conftest import ROOT, Lint

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
INPUTS: dict[str, dict[str, str]] = ACTION["inputs"]
BIN = Path(sys.executable).parent
PAGE = ROOT / "docs" / "archcheck" / "github-action.md"
RECORDED = Path(__file__).parent / "fixtures" / "pull_request_event.json"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
# What `shell: bash` runs a step's script with, {0} being the script's file.
BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
ANNOTATION = re.compile(r"^::(?P<kind>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<text>.*)$")
OPEN_ITEM = "open checklist item: 'All production secrets rotated'"
PR_ANNOTATION = f"file=pull request #42,line=4,col=3,title=AC101 open-checklist-item::{OPEN_ITEM}"


def recorded_event() -> dict[str, Any]:
    event: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))
    return event


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in STEPS if s.get("id") == step_id)


# ---- running the composite action as the runner does ---------------------------------------


@dataclass(frozen=True)
class Run:
    exit_code: int
    log: str  # each run step's standard output and error, as the job's log shows them
    outputs: dict[str, str]  # the action's outputs
    step_outputs: dict[str, dict[str, str]]
    summary: str
    ran: tuple[str, ...]  # the names of the steps run, in order
    temp: Path  # $RUNNER_TEMP

    def annotations(self) -> list[tuple[str, str]]:
        found = (ANNOTATION.match(line) for line in self.log.splitlines())
        return [
            (m["kind"], (f"{m['props']}::" if m["props"] else "") + m["text"]) for m in found if m
        ]


def evaluate(template: str, context: Mapping[str, Any]) -> str:
    """A value with ``${{ context.path }}`` expressions replaced: a plain lookup, the only kind of
    expression the action's ``env:`` values are allowed (test_every_input_reaches_a_script_...).
    A missing step output is empty, as on the runner; any other missing name fails."""

    def value(match: re.Match[str]) -> str:
        head, *path = match[1].split(".")
        if head == "steps":
            step_id, _, name = path
            return str(context["steps"].get(step_id, {}).get("outputs", {}).get(name, ""))
        node: Any = context[head]
        for part in path:
            node = node[part]
        return str(node)

    return EXPRESSION.sub(value, template)


def read_outputs(file: Path) -> dict[str, str]:
    """$GITHUB_OUTPUT's ``name=value`` lines (the action writes no multi-line values)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    assert all("=" in line and "<<" not in line for line in lines), lines
    return dict(line.split("=", 1) for line in lines)


def run_action(
    workspace: Path,
    inputs: Mapping[str, str] | None = None,
    event: Mapping[str, Any] | None = None,
    *,
    event_name: str = "pull_request",
    skip: frozenset[str] = frozenset({"install"}),
    path_first: Path = BIN,
) -> Run:
    """Run the action's ``run:`` steps in order, as the runner does, in ``workspace``.

    Each step's ``env:`` gets the inputs (the defaults of action.yml, then ``inputs``) and the
    other contexts substituted; its script is a file run by bash with the runner's variables
    set. The first step that fails ends the run, as it ends a composite action. A step whose id
    is in ``skip`` is not run, nor is a ``uses:`` step (setting up Python). The install step,
    skipped by default, then names as its output the folder archcheck is installed in already:
    the test's own environment (.venv/bin), which is also first on PATH."""
    unknown = set(inputs or {}) - set(INPUTS)
    assert not unknown, f"action.yml has no input {unknown}"
    temp = Path(tempfile.mkdtemp(prefix="runner-temp-", dir=workspace.parent))
    payload = temp / "event.json"
    payload.write_text(json.dumps(recorded_event() if event is None else event), encoding="utf-8")
    github = {
        "event_name": event_name,
        "event_path": str(payload),
        "workspace": str(workspace),
        "action_path": str(ROOT),
    }
    steps: dict[str, dict[str, dict[str, str]]] = {}
    context = {
        "inputs": {name: spec.get("default", "") for name, spec in INPUTS.items()}
        | dict(inputs or {}),
        "github": github,
        "steps": steps,
    }
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))}
    base.pop("ARCHCHECK_ALLOW_OPEN", None)
    base |= {
        "PATH": f"{path_first}:{os.environ['PATH']}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": event_name,
        "GITHUB_EVENT_PATH": str(payload),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTION_PATH": str(ROOT),
        "RUNNER_TEMP": str(temp),
    }
    log, summary, ran, code = [], [], [], 0
    for index, spec in enumerate(STEPS):
        if "run" not in spec or spec.get("id") in skip:
            if spec.get("id") == "install":
                steps["install"] = {"outputs": {"bin": str(BIN)}}
            continue
        assert "if" not in spec, "the harness does not evaluate a run step's if:"
        files = {
            name: temp / f"step{index}-{name}" for name in ("output", "summary", "path", "env")
        }
        for file in files.values():
            file.touch()
        script = temp / f"step{index}.sh"
        script.write_text(spec["run"], encoding="utf-8")
        env = base | {k: evaluate(str(v), context) for k, v in spec.get("env", {}).items()}
        env |= {
            "GITHUB_OUTPUT": str(files["output"]),
            "GITHUB_STEP_SUMMARY": str(files["summary"]),
            "GITHUB_PATH": str(files["path"]),
            "GITHUB_ENV": str(files["env"]),
        }
        assert spec["shell"] == "bash"
        done = subprocess.run(
            [*BASH, str(script)],
            cwd=workspace,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )
        ran.append(spec["name"])
        log.append(done.stdout)
        summary.append(files["summary"].read_text(encoding="utf-8"))
        if "id" in spec:
            steps[spec["id"]] = {"outputs": read_outputs(files["output"])}
        # The action leaves the job's later steps alone: no PATH entry, no variable.
        assert files["path"].read_text() == files["env"].read_text() == "", spec["name"]
        if done.returncode != 0:
            code = done.returncode
            break
    outputs = {name: evaluate(o["value"], context) for name, o in ACTION["outputs"].items()}
    step_outputs = {name: s["outputs"] for name, s in steps.items()}
    return Run(code, "".join(log), outputs, step_outputs, "".join(summary), tuple(ran), temp)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Another repository, checked out: its configuration and a docs/ folder with two notes."""
    repo = tmp_path / "workspace"
    (repo / "docs").mkdir(parents=True)
    (repo / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "docs"\n', encoding="utf-8")
    (repo / "docs" / "release.md").write_text(
        "# Release 2.4\n\n- [x] Staging sign-off\n- [ ] Rotate the signing key\n", encoding="utf-8"
    )
    (repo / "docs" / "ready.md").write_text("# Ready\n\n- [x] Load test\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return repo


def with_body(body: str | None) -> dict[str, Any]:
    event = recorded_event()
    event["pull_request"]["body"] = body
    return event


# ---- the metadata ---------------------------------------------------------------------------


def test_the_action_installs_the_release_of_this_version() -> None:
    # A release bump changes __version__; this makes it change the action's pin with it.
    assert INPUTS["version"]["default"] == __version__
    assert INPUTS["package"]["default"] == ""


def test_every_input_reaches_a_script_through_env_only() -> None:
    assert ACTION["runs"]["using"] == "composite"
    used = set()
    for spec in STEPS:
        for key in ("with", "if"):
            used |= set(re.findall(r"inputs\.([\w-]+)", json.dumps(spec.get(key, ""))))
        if "run" not in spec:
            continue
        assert spec["shell"] == "bash", spec["name"]
        # No expression in a script's text: the runner would paste its value into the script.
        assert "${{" not in spec["run"], spec["name"]
        for name, value in spec.get("env", {}).items():
            whole = EXPRESSION.fullmatch(str(value))
            assert whole, f"{spec['name']}: env {name} is not one ${{{{ }}}} lookup"
            head, _, rest = whole[1].partition(".")
            assert head in {"inputs", "steps"}, f"{spec['name']}: env {name} reads {head}"
            if head == "inputs":
                assert rest in INPUTS, f"{spec['name']}: env {name}: no input {rest!r}"
                used.add(rest)
            else:
                assert re.fullmatch(r"install\.outputs\.\w+", rest), rest
    assert used == set(INPUTS), f"inputs that reach no step: {set(INPUTS) - used}"
    for name, spec in INPUTS.items():
        assert spec["description"] and "default" in spec, name


def test_installing_is_one_step_of_its_own() -> None:
    # So a test that skips it skips installing and nothing else.
    install = step("install")
    assert install["name"] == "Install archcheck"
    assert [s.get("id") for s in STEPS if "pip" in s.get("run", "")] == ["install"]
    assert "archcheck " not in install["run"]
    setup = next(s for s in STEPS if "uses" in s)
    assert setup["uses"] == "actions/setup-python@v5"
    assert setup["with"] == {"python-version": "${{ inputs.python-version }}"}
    assert setup["if"] == "inputs.python-version != ''"


@pytest.mark.parametrize(
    ("inputs", "requirement"),
    [
        ({}, f"archcheck-docs=={__version__}"),
        ({"version": "9.9.9"}, "archcheck-docs==9.9.9"),
        ({"package": "./archcheck", "version": "9.9.9"}, "./archcheck"),
    ],
    ids=["pinned", "version", "package"],
)
def test_the_install_step_installs_exactly_the_requirement(
    tmp_path: Path, workspace: Path, inputs: dict[str, str], requirement: str
) -> None:
    # The install step itself, run with a python that records what it is asked to do (and whose
    # `-m venv DIR` makes DIR/bin/python a copy of itself) instead of reaching the package index.
    stubs, calls = tmp_path / "stubs", tmp_path / "calls"
    stubs.mkdir()
    python = stubs / "python"
    python.write_text(
        "#!/bin/sh\n"
        f"printf '%s\\t' \"$0\" \"$@\" >>'{calls}'; echo >>'{calls}'\n"
        'if [ "$1" = -m ] && [ "$2" = venv ]; then mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; fi\n'
    )
    python.chmod(0o755)
    run = run_action(workspace, inputs, skip=frozenset({"check"}), path_first=stubs)
    assert run.exit_code == 0, run.log
    assert run.ran == ("Install archcheck",)
    venv = run.temp / "archcheck-docs"
    recorded = [line.split("\t")[:-1] for line in calls.read_text().splitlines()]
    assert recorded == [
        [str(python), "-m", "venv", str(venv)],
        [
            f"{venv}/bin/python",
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            requirement,
        ],
    ]
    assert run.step_outputs["install"] == {"bin": f"{venv}/bin"}


# ---- a pull request's body ------------------------------------------------------------------


def test_an_open_box_in_the_pull_request_fails_and_names_the_item(workspace: Path) -> None:
    run = run_action(workspace, {"pr-body": "true"})
    assert run.exit_code == 1, run.log
    assert run.annotations() == [("error", PR_ANNOTATION)]
    assert run.outputs == {"exit-code": "1"}
    assert "pull request #42: findings" in run.summary


def test_the_body_s_shell_text_is_never_run(tmp_path: Path, workspace: Path) -> None:
    body = recorded_event()["pull_request"]["body"]
    for text in ("$(touch pwned-subst)", "`touch pwned-backtick`", '"; touch', "'; touch"):
        assert text in body  # the recorded body holds what a shell would run
    assert "\n::error::forged annotation\r\n" in body
    for inputs in ({"pr-body": "true"}, {"pr-body": "true", "allow-open": "true"}):
        run = run_action(workspace, inputs)
        assert [*tmp_path.rglob("pwned*"), *ROOT.glob("pwned*"), *Path.cwd().glob("pwned*")] == []
        # No line of the body reaches the log as a workflow command of its own.
        assert [kind for kind, text in run.annotations() if "forged" in text] == []
        assert "forged" not in run.log and "touch" not in run.log


def test_a_ticked_box_passes(workspace: Path) -> None:
    body = recorded_event()["pull_request"]["body"]
    run = run_action(workspace, {"pr-body": "true"}, with_body(body.replace("- [ ]", "- [x]")))
    assert run.exit_code == 0, run.log
    assert run.annotations() == []
    assert run.outputs == {"exit-code": "0"}
    assert "pull request #42: passed." in run.summary


def test_allow_open_makes_the_open_box_a_warning(workspace: Path) -> None:
    run = run_action(workspace, {"pr-body": "true", "allow-open": "true"})
    assert run.exit_code == 0, run.log
    assert run.annotations() == [("warning", PR_ANNOTATION)]


@pytest.mark.parametrize("body", [None, "", " \r\n"], ids=["null", "empty", "blank"])
def test_an_empty_body_has_nothing_to_check(workspace: Path, body: str | None) -> None:
    run = run_action(workspace, {"pr-body": "true"}, with_body(body))
    assert run.exit_code == 0, run.log
    notice = "title=archcheck::pull request #42 has no description: nothing to check in it"
    assert run.annotations() == [("notice", notice)]
    assert run.outputs == {"exit-code": "0"}


def test_the_body_is_checked_with_the_paths_given(workspace: Path) -> None:
    run = run_action(workspace, {"pr-body": "true", "paths": "docs/ready.md docs/release.md"})
    assert run.exit_code == 1, run.log
    assert [text.split(",")[0] for _, text in run.annotations()] == [
        "file=docs/release.md",
        "file=pull request #42",
    ]
    # An empty body leaves the paths to check.
    run = run_action(workspace, {"pr-body": "true", "paths": "docs/ready.md"}, with_body(None))
    assert run.exit_code == 0, run.log
    assert [kind for kind, _ in run.annotations()] == ["notice"]


@pytest.mark.parametrize(
    ("issue", "name"),
    [({}, "issue #7"), ({"pull_request": {"url": "https://api.github.com/x"}}, "pull request #7")],
    ids=["issue", "comment-on-a-pull-request"],
)
def test_an_issue_s_body(workspace: Path, issue: dict[str, Any], name: str) -> None:
    body = recorded_event()["pull_request"]["body"]
    event = {"action": "opened", "issue": {"number": 7, "body": body, **issue}}
    run = run_action(workspace, {"pr-body": "true"}, event, event_name="issues")
    assert run.exit_code == 1, run.log
    assert run.annotations() == [("error", PR_ANNOTATION.replace("pull request #42", name))]


def test_pr_body_on_an_event_without_one_cannot_run(workspace: Path) -> None:
    run = run_action(workspace, {"pr-body": "true"}, {"ref": "refs/heads/main"}, event_name="push")
    assert run.exit_code == 2, run.log
    error = "title=archcheck::pr-body: true needs a pull_request or issues event"
    assert run.annotations() == [("error", error)]
    assert run.outputs == {"exit-code": "2"}


# ---- files of the workspace -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "code", "files"),
    [
        ("", 1, ["docs/release.md"]),  # the configured docs folder
        ("docs/ready.md", 0, []),
        ("docs/ready.md\n  docs/release.md\n", 1, ["docs/release.md"]),
        ("docs/*.md", 2, ["docs/*.md"]),  # a name, never a pattern
    ],
    ids=["default", "one-file", "whitespace-separated", "no-globbing"],
)
def test_the_paths_input_checks_the_workspace(
    workspace: Path, paths: str, code: int, files: list[str]
) -> None:
    run = run_action(workspace, {"paths": paths})
    assert run.exit_code == code, run.log
    assert run.outputs == {"exit-code": str(code)}
    if code == 1:
        assert [text.split(",")[0] for _, text in run.annotations()] == [f"file={f}" for f in files]
        assert "open checklist item: 'Rotate the signing key'" in run.log
    if code == 2:
        assert "archcheck: docs/*.md" in run.log and "could not check" in run.summary


def test_sarif_is_written_as_well(workspace: Path) -> None:
    run = run_action(workspace, {"sarif": "reports/archcheck.sarif"})
    assert run.exit_code == 1, run.log
    sarif = json.loads((workspace / "reports" / "archcheck.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["AC101"]
    assert [kind for kind, _ in run.annotations()] == ["error"]


def test_the_format_input_chooses_the_log_s_format(workspace: Path) -> None:
    run = run_action(workspace, {"format": "text"})
    assert run.exit_code == 1
    assert "docs/release.md:4:3: AC101 open checklist item: 'Rotate the signing key'" in run.log


@pytest.mark.parametrize(
    "inputs",
    [
        {"format": "yaml"},
        {"allow-open": "yes"},
        {"pr-body": "1"},
        {"paths": "docs/missing.md", "sarif": "archcheck.sarif"},
    ],
    ids=["format", "allow-open", "pr-body", "sarif-of-a-missing-file"],
)
def test_what_cannot_be_checked_fails_with_exit_code_2(
    workspace: Path, inputs: dict[str, str]
) -> None:
    run = run_action(workspace, inputs)
    assert run.exit_code == 2, run.log
    assert run.outputs == {"exit-code": "2"}
    assert "could not" in run.summary


# ---- the docs page's example workflows ------------------------------------------------------


def page_workflows() -> list[tuple[str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    blocks = [b for b in scan(text, PAGE.name) if b.language == "yaml"]
    return [(b.where, b.content + "\n") for b in blocks if "jobs" in yaml.safe_load(b.content)]


WORKFLOWS = page_workflows()


def triggers(workflow: str) -> Any:
    # YAML 1.1 reads the key `on` as True.
    return yaml.safe_load(workflow)[True]


def test_the_page_shows_the_three_workflows() -> None:
    pushes, pull_requests, _ = (triggers(w) for _, w in WORKFLOWS)
    assert set(pushes) == {"push", "pull_request"}
    assert pull_requests == {"pull_request": {"types": ["opened", "edited", "synchronize"]}}
    assert "mkdocs build --strict" in WORKFLOWS[2][1] and "actions/deploy-pages@" in WORKFLOWS[2][1]


@pytest.mark.parametrize(("where", "workflow"), WORKFLOWS, ids=[w for w, _ in WORKFLOWS])
def test_the_page_s_workflow_passes_actionlint(
    actionlint: Lint, tmp_path: Path, where: str, workflow: str
) -> None:
    file = tmp_path / "workflow.yml"
    file.write_text(workflow, encoding="utf-8")
    problems = actionlint([file])
    assert problems == [], "\n".join(f"{where}+{p['line']}: {p['message']}" for p in problems)


def test_actionlint_reports_the_injection_the_action_avoids(
    actionlint: Lint, tmp_path: Path
) -> None:
    # The pull request workflow, with the body pasted into a script: what the action never does.
    workflow = WORKFLOWS[1][1] + '      - run: echo "${{ github.event.pull_request.body }}"\n'
    file = tmp_path / "injected.yml"
    file.write_text(workflow, encoding="utf-8")
    problems = actionlint([file])
    assert [p["kind"] for p in problems] == ["expression"]
    assert "potentially untrusted" in str(problems[0]["message"])


def test_the_page_uses_the_action_with_its_inputs_at_this_release() -> None:
    uses = [
        s
        for _, w in WORKFLOWS
        for job in yaml.safe_load(w)["jobs"].values()
        for s in job["steps"]
        if s.get("uses", "").startswith("your-org/archcheck@")
    ]
    assert len(uses) == 2
    for s in uses:
        assert s["uses"] == f"your-org/archcheck@v{__version__}"
        assert set(s.get("with", {})) <= set(INPUTS)
    text = PAGE.read_text(encoding="utf-8")
    pins = re.findall(r"archcheck-docs(?:\[site\])?==([\w.]+)", text)
    assert pins and set(pins) == {__version__}
    assert re.findall(r"`v(\d[\w.]*)`", text) == [__version__]


def test_the_page_is_in_the_navigation_next_to_the_other_archcheck_pages() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert (
        "      - The site, CI and pre-commit: archcheck/site-and-ci.md\n"
        "      - The GitHub Action: archcheck/github-action.md\n" in nav
    )
