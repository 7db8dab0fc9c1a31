"""--jobs: many files in a process pool give the same report, in the same order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from plainfinnish.checker import POOL_MIN_FILES

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.")


def test_pool_matches_single_process(tmp_path: Path) -> None:
    for i in range(POOL_MIN_FILES + 6):
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
    assert sum(1 for f in files if f["findings"]) == len(range(0, POOL_MIN_FILES + 6, 3))
