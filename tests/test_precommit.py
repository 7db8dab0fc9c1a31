"""The real `pre-commit` program runs our hooks from this repository (by local path at the current
commit) in a content repository: the check fails and shows the finding, the fix hook rewrites the
template, and the next run passes.

pre-commit builds its own environment and installs plainfinnish with its dependencies from the
package index, so the first test of the module takes a while; PRE_COMMIT_HOME is shared by the
module so that happens once. The hooks see PLAINFINNISH_VOIKKO, so running this module with
PLAINFINNISH_VOIKKO=pure exercises the pure-pip backend inside pre-commit's environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(os.sys.executable).with_name("pre-commit"))

pytestmark = pytest.mark.slow

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    if git(ROOT, "status", "--porcelain", "--", ".pre-commit-hooks.yaml"):
        pytest.fail(".pre-commit-hooks.yaml has uncommitted changes: pre-commit uses the committed version")
    repo = tmp_path / "content"
    (repo / "templates").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "Test")
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {git(ROOT, 'rev-parse', 'HEAD')}\n"
        "    hooks:\n"
        "      - id: plainfinnish-fix\n"
        "        stages: [manual]\n"
        "      - id: plainfinnish\n",
        encoding="utf-8",
    )
    # The rules this test is about; the content team's own choice in real life.
    (repo / ".plainfinnish.toml").write_text('select = ["long-sentence", "jargon"]\n', encoding="utf-8")
    return repo


def pre_commit(repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "XDG_CACHE_HOME": str(repo.parent / "cache"),
           "PRE_COMMIT_COLOR": "never"}
    git(repo, "add", "-A")
    return subprocess.run([PRE_COMMIT, "run", "--all-files", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=1800)


def test_check_hook_fails_on_a_long_sentence_and_passes_when_fixed(content_repo: Path, home: Path) -> None:
    template = content_repo / "templates" / "toimitus.txt"
    template.write_text(f"Hei {{{{ nimi }}}}!\n\n{LONG}\n", encoding="utf-8")
    proc = pre_commit(content_repo, home, "plainfinnish")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "templates/toimitus.txt:3:1: long-sentence" in proc.stdout
    assert "Failed" in proc.stdout

    template.write_text("Hei {{ nimi }}!\n\nJos tilauksesi ei ole tullut kymmenessä arkipäivässä, ota yhteyttä "
                        "asiakaspalveluumme. Selvitämme silloin lähetyksen tilanteen.\n", encoding="utf-8")
    proc = pre_commit(content_repo, home, "plainfinnish")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_fix_hook_rewrites_jargon_then_the_check_passes(content_repo: Path, home: Path) -> None:
    template = content_repo / "templates" / "reklamaatio.md"
    template.write_text("# Valituksesi\n\nHei {{ nimi }}!\n\nKäsittelemme reklamaation viikon kuluessa.\n",
                        encoding="utf-8")
    proc = pre_commit(content_repo, home, "plainfinnish")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "templates/reklamaatio.md:5:14: jargon" in proc.stdout

    proc = pre_commit(content_repo, home, "--hook-stage", "manual", "plainfinnish-fix")
    # pre-commit fails a hook that changed files, so the writer reviews and stages the fix.
    assert proc.returncode == 1 and "files were modified by this hook" in proc.stdout, proc.stdout + proc.stderr
    assert template.read_text(encoding="utf-8") == \
        "# Valituksesi\n\nHei {{ nimi }}!\n\nKäsittelemme valituksen viikon kuluessa.\n"

    proc = pre_commit(content_repo, home, "plainfinnish")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_documented_example_reports_each_finding_once(tmp_path: Path, home: Path) -> None:
    """hooks/pre-commit-config.example.yaml as shipped, with `repo` and `rev` set as it says."""
    if git(ROOT, "status", "--porcelain", "--", ".pre-commit-hooks.yaml"):
        pytest.fail(".pre-commit-hooks.yaml has uncommitted changes: pre-commit uses the committed version")
    example = (ROOT / "hooks" / "pre-commit-config.example.yaml").read_text(encoding="utf-8")
    assert "example.invalid" not in example
    config = re.sub(r"(?m)^(\s+- repo: )\S+.*$", rf"\g<1>{ROOT}", example)
    config = re.sub(r"(?m)^(\s+rev: )\S+.*$", rf"\g<1>{git(ROOT, 'rev-parse', 'HEAD')}", config)
    assert config != example
    repo = tmp_path / "content"
    (repo / "templates").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (repo / ".plainfinnish.toml").write_text('select = ["long-sentence", "jargon"]\n', encoding="utf-8")
    template = repo / "templates" / "vastaus.md"
    # A jargon word with a safe fix, and a long sentence that only the writer can fix.
    template.write_text(f"# Valituksesi\n\nKäsittelemme reklamaation viikon kuluessa.\n\n{LONG}\n", encoding="utf-8")
    proc = pre_commit(repo, home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Käsittelemme valituksen viikon kuluessa." in template.read_text(encoding="utf-8")
    assert proc.stdout.count("templates/vastaus.md:5:1: long-sentence") == 1, proc.stdout
    assert "reklamaatio" not in proc.stdout.lower(), proc.stdout  # fixed, so not reported at all
