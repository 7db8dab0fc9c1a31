"""Shared fixtures: the real pipeline, the real CLI as a subprocess, and the shared corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLI = [sys.executable, "-m", "plainfinnish"]


def shared_path(*parts: str) -> Path:
    """A path in ../shared/, skipping the test cleanly when a user's clone has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (the shared corpus is beside the developers' clone only)")
    return path


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m plainfinnish ARGS` and return the completed process (text output)."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(CLI + list(args), input=input, capture_output=True, cwd=cwd, env=full_env, timeout=timeout)
    proc.stdout = proc.stdout.decode("utf-8", "replace")  # type: ignore[assignment]
    proc.stderr = proc.stderr.decode("utf-8", "replace")  # type: ignore[assignment]
    return proc


def check_json(*args: str, **kwargs) -> tuple[dict, subprocess.CompletedProcess]:
    proc = run_cli("check", "--format", "json", "--no-cache", *args, **kwargs)
    try:
        return json.loads(proc.stdout), proc
    except json.JSONDecodeError:
        raise AssertionError(f"not JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}") from None


def span_text(source: str, finding) -> str:
    """The characters of `source` at a finding's line/column span (1-based, end exclusive)."""
    lines = source.split("\n")
    get = (lambda k: finding[k]) if isinstance(finding, dict) else (lambda k: getattr(finding, k))
    start = sum(len(l) + 1 for l in lines[: get("line") - 1]) + get("column") - 1
    end = sum(len(l) + 1 for l in lines[: get("end_line") - 1]) + get("end_column") - 1
    return source[start:end]


@pytest.fixture(params=["fast", "accurate"])
def profile(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def lint():
    """plainfinnish.lint with a profile keyword: lint(text, filename=..., profile=..., rules=...)."""
    import plainfinnish

    def _lint(text: str, *, filename: str | None = None, profile: str = "fast", select: list[str] | None = None,
              rules: dict | None = None):
        config: dict = {"profile": profile}
        if select:
            config["select"] = select
        if rules:
            config["rules"] = rules
        return plainfinnish.lint(text, filename=filename, config=config)

    return _lint


def skip_on_pyvoikko(why: str) -> None:
    """Skip on the pure-pip backend where its dictionary reads a test sentence differently (the
    rule then withholds its rewrite); the behaviour is asserted on native libvoikko."""
    from plainfinnish.nlp.voikko import backend

    if backend().name != "libvoikko":
        pytest.skip(f"pyvoikko reads this differently: {why}")
