"""The published artefacts: the wheel and sdist that a release uploads, installed the way another
repository would get them and run there as the command, `python -m archcheck` and the MkDocs plugin.

Nothing is downloaded: the wheel goes with ``--no-deps --no-index`` into a fresh virtual
environment whose only other path is this environment's site-packages (a plain ``.pth`` line,
which adds the dependencies but not this checkout's editable install, since ``.pth`` files
inside a directory named that way are not read)."""

from __future__ import annotations

import email
import email.message
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from archcheck import __version__

ROOT = Path(__file__).resolve().parents[2]
NAME = "archcheck-docs"
FILE_NAME = "archcheck_docs"

CHECKLIST_OPEN = "# Release\n\n- [ ] Load tested\n"
CHECKLIST_DONE = "# Release\n\n- [x] Load tested\n"


def run(
    command: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    return dist / f"{FILE_NAME}-{__version__}-py3-none-any.whl"


def metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(f"{FILE_NAME}-{__version__}.dist-info/METADATA").decode()
    return email.message_from_string(text)


def test_the_wheel_ships_the_licence_and_the_type_marker(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert f"{FILE_NAME}-{__version__}.dist-info/licenses/LICENSE" in names
    assert {"archcheck/py.typed", "archcheck/__main__.py", "archcheck/cli.py"} <= names
    # Only the package: no tests, docs or benchmark in the wheel.
    assert {name.split("/")[0] for name in names} == {
        "archcheck",
        f"{FILE_NAME}-{__version__}.dist-info",
    }


def test_the_metadata_names_the_distribution_and_keeps_development_tools_private(
    wheel: Path,
) -> None:
    meta = metadata(wheel)
    assert meta["Name"] == NAME
    assert meta["Version"] == __version__
    assert meta["License-Expression"] == "MIT"
    assert meta["Description-Content-Type"] == "text/markdown"
    classifiers = set(meta.get_all("Classifier") or [])
    assert {
        "Framework :: MkDocs",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Topic :: Documentation",
        "Topic :: Software Development :: Quality Assurance",
        "Typing :: Typed",
    } <= classifiers
    # The dependency group is for this repository; only the plugin's extra is published.
    assert meta.get_all("Provides-Extra") == ["site"]
    requires = meta.get_all("Requires-Dist") or []
    assert not [r for r in requires if "pytest" in r or "ruff" in r or "mypy" in r]


def test_the_sdist_holds_the_licence_and_the_sources(dist: Path) -> None:
    with tarfile.open(dist / f"{FILE_NAME}-{__version__}.tar.gz") as archive:
        names = set(archive.getnames())
    prefix = f"{FILE_NAME}-{__version__}"
    assert {
        f"{prefix}/LICENSE",
        f"{prefix}/PKG-INFO",
        f"{prefix}/src/archcheck/__init__.py",
    } <= names


def write_project(folder: Path) -> None:
    (folder / "docs").mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "docs"\n')
    (folder / "docs" / "index.md").write_text(CHECKLIST_OPEN)
    (folder / "mkdocs.yml").write_text(
        "site_name: Scratch\nplugins:\n  - archcheck\nmarkdown_extensions:\n  - pymdownx.tasklist\n"
    )


def test_the_installed_wheel_gates_another_repository(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path, {}
    ).stdout.strip()
    # The dependencies (cmarkgfm, mkdocs, ...) come from this environment, read-only.
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    done = run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            wheel,
        ],
        tmp_path,
        dict(os.environ),
    )
    assert done.returncode == 0, done.stdout + done.stderr

    project = tmp_path / "project"
    write_project(project)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "VIRTUAL_ENV", "ARCHCHECK_ALLOW_OPEN"}
    }
    env |= {"NO_MKDOCS_2_WARNING": "1", "ARCHCHECK_CACHE_DIR": str(tmp_path / "cache")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"

    where = run([python, "-c", "import archcheck; print(archcheck.__file__)"], project, env)
    assert where.stdout.strip().startswith(purelib), where.stdout + where.stderr
    version = run([python, "-m", "archcheck", "--version"], project, env)
    assert (version.returncode, version.stdout.strip()) == (0, f"archcheck {__version__}")

    gate = run([venv / "bin" / "archcheck", "check"], project, env)
    assert gate.returncode == 1, gate.stdout + gate.stderr
    assert "docs/index.md:3:" in gate.stdout
    build = run([python, "-m", "mkdocs", "build", "--strict"], project, env)
    assert build.returncode == 1, build.stdout + build.stderr
    assert "Load tested" in build.stdout + build.stderr

    (project / "docs" / "index.md").write_text(CHECKLIST_DONE)
    gate = run([venv / "bin" / "archcheck", "check"], project, env)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    build = run([python, "-m", "mkdocs", "build", "--strict"], project, env)
    assert build.returncode == 0, build.stdout + build.stderr
