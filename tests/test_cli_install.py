"""The install lines of the README work: a wheel built from the clone installs into a fresh
environment, and the installed command finds its data (wordlists, rule pages) there.

The dependencies are taken from this test environment (a path entry, not a second download), so
the test checks what the wheel itself carries.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("install")
    # The README's command: python3 -m pip wheel --no-deps -w dist .
    proc = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT))
    if proc.returncode != 0 and "Could not find a version that satisfies" in proc.stderr:
        pytest.skip(f"the build backend could not be fetched (offline?): {proc.stderr[-300:]}")
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp / "dist").glob("plainfinnish-*.whl")
    venv = tmp / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", str(venv)).returncode == 0
    python = venv / "bin" / "python"
    proc = run(sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel))
    assert proc.returncode == 0, proc.stderr
    site = run(str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    (Path(site) / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv


def test_wheel_installs_and_runs_from_its_own_files(installed: Path, tmp_path: Path) -> None:
    command = str(installed / "bin" / "plainfinnish")
    where = run(str(installed / "bin" / "python"), "-c", "import plainfinnish; print(plainfinnish.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr  # not the clone's copy
    version = run(command, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("plainfinnish "), version.stderr
    page = run(command, "explain", "jargon", cwd=tmp_path)
    assert page.returncode == 0 and page.stdout.startswith("# jargon:"), page.stderr
    message = tmp_path / "viesti.txt"
    message.write_text("Reklamaationne käsittely kestää viikon.\n", encoding="utf-8")
    check = run(command, "check", "--no-cache", "--format", "json", str(message), cwd=tmp_path,
                env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert check.returncode == 1, check.stderr
    assert '"rule": "jargon"' in check.stdout
