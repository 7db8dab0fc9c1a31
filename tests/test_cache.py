"""The result cache: an unchanged re-run loads no NLP at all; config, wordlist and content changes
miss; --no-cache and concurrent runs behave."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.\n")


def checked(cache: Path, *paths: Path, cwd: Path | None = None) -> tuple[dict, bool]:
    """JSON report of `check` with the cache, and whether spaCy was imported (from -X importtime)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "plainfinnish", "check", "--format", "json",
                           "--cache-dir", str(cache), *map(str, paths)], capture_output=True, text=True, cwd=cwd,
                          timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    return json.loads(proc.stdout), "spacy" in imported


def wordlist(explanation: str) -> str:
    return ('[wordlist]\ncategory = "officialese"\nname_fi = "virkakieli"\nname_en = "officialese"\n'
            'description = "Omat sanat."\n\n[sources]\nomat = "Oma sanasto"\n\n[[entry]]\nlemma = "kyseinen"\n'
            f'alternatives = ["tämä"]\nexplanation = "{explanation}"\nseverity = "info"\nsource = "omat"\n')


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "templates").mkdir(parents=True)
    (root / "templates" / "toimitus.md").write_text("# Toimitus\n\n" + LONG, encoding="utf-8")
    (root / "templates" / "kiitos.txt").write_text("Kiitos tilauksestasi. Lähetämme paketin huomenna.\n", encoding="utf-8")
    (root / ".plainfinnish.toml").write_text('select = ["long-sentence"]\nwordlists = ["omat.toml"]\n', encoding="utf-8")
    (root / "omat.toml").write_text(wordlist("Sano selvemmin."), encoding="utf-8")
    return root


def test_rerun_over_unchanged_files_does_not_load_the_pipeline(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, loaded = checked(cache, repo)
    assert loaded
    second, loaded = checked(cache, repo)
    assert not loaded, "a cache hit must not import spaCy"
    assert second == first
    assert [f["rule"] for f in second["files"][0]["findings"]] == []
    assert "long-sentence" in [f["rule"] for f in second["files"][1]["findings"]]


def test_changed_file_config_or_wordlist_misses(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    checked(cache, repo)
    # Content: only the changed file is analysed again, and its result is new.
    (repo / "templates" / "kiitos.txt").write_text("Kiitos.\n\n" + LONG, encoding="utf-8")
    report, loaded = checked(cache, repo)
    assert loaded and "long-sentence" in [f["rule"] for f in report["files"][0]["findings"]]
    assert not checked(cache, repo)[1]
    # Configuration: a higher limit changes the result.
    (repo / ".plainfinnish.toml").write_text('select = ["long-sentence"]\nwordlists = ["omat.toml"]\n[rules.long-sentence]\nmax-words = 40\n',
                                             encoding="utf-8")
    report, loaded = checked(cache, repo)
    assert loaded and all(not f["findings"] for f in report["files"])
    assert not checked(cache, repo)[1]
    # An extra wordlist's content (same path, new words).
    (repo / "omat.toml").write_text(wordlist("Sano se selvemmin."), encoding="utf-8")
    assert checked(cache, repo)[1]
    assert not checked(cache, repo)[1]


def test_cache_key_covers_what_changes_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from plainfinnish import cache as cache_mod
    from plainfinnish.config import Config

    wordlist = tmp_path / "w.toml"
    wordlist.write_text("a\n", encoding="utf-8")
    config = Config(wordlists=[wordlist])
    key = cache_mod.Cache(tmp_path).key("h", "a.txt", "text", config)
    assert key == cache_mod.Cache(tmp_path).key("h", "a.txt", "text", config)
    others = [
        cache_mod.Cache(tmp_path).key("h2", "a.txt", "text", config),
        cache_mod.Cache(tmp_path).key("h", "b.txt", "text", config),
        cache_mod.Cache(tmp_path).key("h", "a.txt", "markdown", config),
        cache_mod.Cache(tmp_path).key("h", "a.txt", "text", replace(config, profile="accurate")),
        cache_mod.Cache(tmp_path).key("h", "a.txt", "text", replace(config, ignore=["long-sentence"])),
    ]
    wordlist.write_text("b\n", encoding="utf-8")
    others.append(cache_mod.Cache(tmp_path).key("h", "a.txt", "text", config))
    wordlist.write_text("a\n", encoding="utf-8")
    monkeypatch.setattr(cache_mod, "voikko_backend_name", lambda: "other-backend")
    others.append(cache_mod.Cache(tmp_path).key("h", "a.txt", "text", config))
    assert len({key, *others}) == len(others) + 1


def test_no_cache_writes_nothing(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    proc = run_cli("check", "--no-cache", "--cache-dir", str(cache), str(repo))
    assert proc.returncode == 1
    assert not cache.exists()


def test_damaged_entry_is_a_miss(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = checked(cache, repo)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again, loaded = checked(cache, repo)
    assert loaded and again == first


def test_default_cache_dir_is_the_platform_cache_folder(repo: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    proc = subprocess.run([sys.executable, "-m", "plainfinnish", "check", str(repo)], capture_output=True, env=env,
                          timeout=300)
    assert proc.returncode == 1
    assert list((tmp_path / "xdg" / "plainfinnish").rglob("*.json"))


def test_concurrent_runs_share_the_cache_safely(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cmd = [sys.executable, "-m", "plainfinnish", "check", "--format", "json", "--cache-dir", str(cache), str(repo)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1], [o[1] for o in outs]
    reports = [json.loads(o[0]) for o in outs]
    assert reports[0] == reports[1] == reports[2]
    assert not list(cache.rglob(".tmp-*"))  # no half-written entries left
    assert checked(cache, repo) == (reports[0], False)
