"""Walking a repository respects .gitignore (as ruff and most linters do), unless told not to; a
file named on the command line is always checked."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import check_json

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TEXT = "Kiitos tilauksestasi. Lähetämme paketin huomenna.\n"


@pytest.fixture
def repo(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n!keep.draft.md\n", encoding="utf-8")
    for name in ("templates/tilaus.md", "templates/uusi.draft.md", "templates/keep.draft.md", "build/tilaus.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    return tmp_path


def checked(report) -> list[str]:
    return sorted(f["path"].replace("\\", "/") for f in report["files"])


def test_ignored_files_are_skipped(repo):
    report, proc = check_json(".", cwd=repo)
    assert proc.returncode in (0, 1), proc.stderr
    assert checked(report) == ["templates/keep.draft.md", "templates/tilaus.md"]


def test_no_respect_gitignore_walks_everything(repo):
    report, _ = check_json("--no-respect-gitignore", ".", cwd=repo)
    assert checked(report) == ["build/tilaus.md", "templates/keep.draft.md", "templates/tilaus.md",
                               "templates/uusi.draft.md"]


def test_a_file_named_explicitly_is_checked_even_if_ignored(repo):
    report, _ = check_json("build/tilaus.md", cwd=repo)
    assert checked(report) == ["build/tilaus.md"]


def test_outside_a_git_repository_nothing_is_filtered(tmp_path):
    (tmp_path / "build").mkdir()
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build" / "tilaus.md").write_text(TEXT, encoding="utf-8")
    report, _ = check_json(".", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert checked(report) == ["build/tilaus.md"]
