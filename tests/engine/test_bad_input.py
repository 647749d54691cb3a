"""Bad input: one clear line naming the path, other files still checked, exit 2, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archcheck.cli import run

GOOD = "- [x] fine\n"


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text("- [ ] still checked\n")
    return tmp_path


@pytest.fixture
def site(folder: Path) -> Path:
    """``folder`` as a MkDocs site: its pages are also read as the site renders them."""
    (folder / "docs").mkdir()
    (folder / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - pymdownx.tasklist\n", encoding="utf-8"
    )
    return folder


def _assert_problem(
    folder: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    code, out, err = _run(["check", "."], capsys)
    assert code == 2
    assert "good.md:1:3: AC101" in out  # the other file is still checked
    (line,) = [line for line in err.splitlines() if name in line]
    assert words in line


def test_missing_path(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["check", "nowhere.md", "good.md"], capsys)
    assert code == 2 and "AC101" in out
    assert err.strip() == "archcheck: nowhere.md: no such file or directory"


def test_folder_without_markdown(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty").mkdir()
    code, _, err = _run(["check", "empty"], capsys)
    assert code == 2 and "empty: no Markdown files" in err


def test_binary_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    _assert_problem(folder, capsys, "image.md", "binary file")


def test_invalid_utf8_names_the_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "latin.md").write_bytes(b"one\ntwo caf\xe9\n")
    _assert_problem(folder, capsys, "latin.md:2", "not valid UTF-8")


def test_bom_crlf_and_lone_cr_are_read(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "good.md").unlink()
    (folder / "bom.md").write_bytes(b"\xef\xbb\xbfIntro\r\n\r\n- [ ] crlf\r\n\r- [x] cr\r")
    code, out, _ = _run(["check", "."], capsys)
    assert code == 1
    assert out == "bom.md:3:3: AC101 open checklist item: 'crlf'\n"


def test_bom_on_the_first_item_is_a_disagreement(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cmark-gfm reads the file as it is: the BOM keeps the first line from being a task item.
    # MkDocs reads it as utf-8-sig, so the site shows an open box.
    (site / "docs" / "good.md").write_bytes(b"\xef\xbb\xbf- [ ] first\n")
    code, out, _ = _run(["check", "docs"], capsys)
    assert code == 1 and "AC101" in out and "GitHub shows no box, the site shows an open box" in out


def test_file_over_the_size_limit(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "huge.md").write_bytes(b"- [x] line\n" * 2_000_000)  # 22 MB
    _assert_problem(folder, capsys, "huge.md", "over the 10,000,000-byte limit")


@pytest.mark.parametrize("unit", ["- ", "> "])
def test_ten_thousand_deep_nesting_is_read_as_github_reads_it(
    folder: Path, capsys: pytest.CaptureFixture[str], unit: str
) -> None:
    import cmarkgfm

    text = unit * 10_000 + "- [ ] deep\n"
    (folder / "deep.md").write_text(text)
    code, out, _ = _run(["check", "deep.md"], capsys)
    boxes = cmarkgfm.github_flavored_markdown_to_html(text).count('type="checkbox"')
    assert (code, out.count("AC101")) == (1 if boxes else 0, boxes)


def test_nesting_too_deep_for_the_site_renderer_is_a_problem(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "docs" / "deep.md").write_text("- " * 10_000 + "x\n")
    code, _, err = _run(["check", "docs/deep.md"], capsys)
    assert code == 2 and err.startswith("archcheck: docs/deep.md:") and "too deeply" in err


def test_symlink_loop(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "loop.md").symlink_to("loop.md")
    _assert_problem(folder, capsys, "loop.md", "cannot read")


def test_directory_named_like_markdown(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "x.md").mkdir()
    code, _, err = _run(["check", "x.md", "good.md"], capsys)
    assert code == 2 and "x.md: is a directory" in err


def test_fifo_is_not_read(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(folder / "pipe.md")
    _assert_problem(folder, capsys, "pipe.md", "not a regular file")


def test_unreadable_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "secret.md").write_text(GOOD)
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    _assert_problem(folder, capsys, "secret.md", "cannot read: Permission denied")


@pytest.mark.parametrize(
    ("table", "words"),
    [
        (
            "docs = 3",
            "[tool.archcheck] docs: expected a string or an array of strings, got an integer",
        ),
        ('tokens = "x"', "[tool.archcheck] tokens: expected a table"),
        (
            "[tool.archcheck.tokens]\npolicy = 7",
            "tokens.policy: expected a non-empty string, got an integer",
        ),
        ('colour = "red"', "[tool.archcheck] colour: unknown key"),
        ('max-file-size = "big"', "max-file-size: expected a positive integer"),
        ("docs = [", "invalid TOML"),
        # The release gate cannot be switched off from the configuration.
        (
            'ignore = ["AC1"]',
            "[tool.archcheck] ignore: expected codes that keep AC101 open-checklist-item, "
            "got ['AC1']",
        ),
        ('ignore = "AC103"', "ignore: expected codes that keep AC103 expired-waiver"),
        ('ignore = ""', 'ignore: expected code prefixes such as "AC1" or "AC101", got [\'\']'),
        (
            'select = ["AC2"]',
            "[tool.archcheck] select: expected codes that include AC101 open-checklist-item "
            "(or no select), got ['AC2']",
        ),
        ('select = ["AC101"]', "select: expected codes that include AC103 expired-waiver"),
    ],
)
def test_bad_configuration(
    folder: Path, capsys: pytest.CaptureFixture[str], table: str, words: str
) -> None:
    body = table if table.startswith("[") else f"[tool.archcheck]\n{table}"
    (folder / "pyproject.toml").write_text(body + "\n")
    code, out, err = _run(["check", "good.md"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "pyproject.toml" in err and words in err


def test_configuration_found_by_walking_up(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "notes"\n')
    (folder / "notes").mkdir()
    (folder / "notes" / "a.md").write_text("- [ ] a\n")
    (folder / "sub").mkdir()
    monkeypatch.chdir(folder / "sub")
    code, out, _ = _run(["check"], capsys)
    assert code == 1 and "a.md:1:3: AC101" in out


def test_entry_point_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("archcheck")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe")
    done = subprocess.run(
        [str(exe), "check", "bad.md", "missing.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 2


def test_a_page_over_the_time_limit_is_a_problem_not_skipped(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "docs" / "long.md").write_text("".join(f"- [ ] item {n}\n" for n in range(3000)))
    (site / "pyproject.toml").write_text(
        '[tool.archcheck]\ndocs = "docs"\npage-time-limit = 0.001\n'
    )
    code, _, err = _run(["check", "--no-cache", "docs"], capsys)
    assert code == 2
    assert "docs/long.md: took more than 0.001 s to read (page-time-limit)" in err
    (site / "pyproject.toml").write_text('[tool.archcheck]\ndocs = "docs"\n')
    code, out, _ = _run(["check", "--no-cache", "docs"], capsys)
    assert code == 1 and out.count("AC101") == 3000
