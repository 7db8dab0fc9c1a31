"""The Dask example in docs/scaling.md runs as written, on the local process scheduler."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "scaling.md"


def test_dask_example_runs_and_finds_the_long_sentence(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    code = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)[0]
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.split(" ", 4) for line in done.stdout.splitlines()]
    rules = {(doc_id, rule) for doc_id, rule, *_ in lines}
    assert ("msg-2", "long-sentence") in rules
    # the short, plain message has nothing to flag; every finding is located in its own text
    assert not any(doc_id == "msg-1" for doc_id, *_ in lines)
    assert all(line == "1" and column.isdigit() for _, _, line, column, _ in lines)
