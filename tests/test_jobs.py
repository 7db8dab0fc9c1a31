"""--jobs: many files in a process pool give the same report, in the same order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.")


FILES = 30


def test_pool_matches_single_process(tmp_path: Path) -> None:
    for i in range(FILES):
        body = LONG if i % 3 == 0 else f"Kiitos tilauksesta {i}. Lähetämme paketin huomenna."
        (tmp_path / f"viesti{i:03}.md").write_text(f"# Viesti {i}\n\n{body}\n", encoding="utf-8")
    (tmp_path / "viesti010.txt").write_bytes(b"rikki \xff")
    single = run_cli("check", "--no-cache", "--select", "long-sentence", "--format", "json", "--jobs", "1", str(tmp_path))
    pooled = run_cli("check", "--no-cache", "--select", "long-sentence", "--format", "json", "--jobs", "2", str(tmp_path))
    assert single.returncode == pooled.returncode == 2
    assert json.loads(pooled.stdout) == json.loads(single.stdout)
    assert pooled.stderr == single.stderr and "viesti010.txt: not UTF-8" in pooled.stderr
    files = json.loads(pooled.stdout)["files"]
    assert [f["path"] for f in files] == sorted(f["path"] for f in files)
    assert sum(1 for f in files if f["findings"]) == len(range(0, FILES, 3))


def _items(sizes: list[int]) -> list:
    from plainfinnish.checker import _Item

    return [_Item(display=f"f{i}", path=None, data=b"x" * size) for i, size in enumerate(sizes)]


def test_jobs_as_asked_and_a_default_that_stays_serial_for_little_text(monkeypatch) -> None:
    from plainfinnish import checker

    assert checker.plan_workers(_items([100]), 4) == 1  # one file: nothing to share
    assert checker.plan_workers(_items([100] * 3), 2) == 2  # --jobs N as asked
    assert checker.plan_workers(_items([100] * 3), 8) == 3  # never more workers than files
    assert checker.plan_workers(_items([1_000] * 10), None) == 1  # too little text to pay for a fork
    monkeypatch.setattr(checker, "default_jobs", lambda: 2)
    big = _items([checker.PARALLEL_MIN_BYTES] * 4)
    monkeypatch.setattr(checker, "busy_cores", lambda: 0.0)
    assert checker.plan_workers(big, None) == 2  # two idle cores
    monkeypatch.setattr(checker, "busy_cores", lambda: 1.0)
    assert checker.plan_workers(big, None) == 1  # the other core is busy: a second worker would only share


def test_busy_cores_sees_a_process_that_is_running_now() -> None:
    """The default --jobs looks at what runs now, not at the last minute's average."""
    import subprocess
    import sys
    import time

    from plainfinnish import checker

    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        time.sleep(0.3)
        assert checker.busy_cores() >= 1.0
    finally:
        for p in spinners:
            p.kill()
            p.wait()


def test_a_rule_data_error_names_its_own_file_in_a_pool_too(tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"viesti{i}.md").write_text(f"Kiitos tilauksesta {i}. {LONG}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish]\nwordlists = ["omat.toml"]\n', encoding="utf-8")
    (tmp_path / "omat.toml").write_text("tämä ei ole [toml\n", encoding="utf-8")
    single = run_cli("check", "--no-cache", "--jobs", "1", str(tmp_path), cwd=tmp_path)
    pooled = run_cli("check", "--no-cache", "--jobs", "2", str(tmp_path), cwd=tmp_path)
    assert single.returncode == pooled.returncode == 2
    assert pooled.stderr == single.stderr and "omat.toml" in pooled.stderr
