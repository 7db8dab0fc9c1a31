"""Bad, hostile and vanishing input: every file gets findings or one clear line naming it, the run
goes on with the other files, nothing hangs, no traceback, and `--fix` never loses data.

One `check` run over a folder of hostile files (a test per case reads its outcome), then cases
that need their own run. The language server's side is tests/test_lsp_robustness.py.
"""

from __future__ import annotations

import codecs
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, run_cli

GOOD = "Reklamaationne käsittely kestää viikon. Otamme teihin yhteyttä, kun asia on selvitetty.\n"
FI = "Tilauksesi on lähetetty. Voit seurata toimitusta linkistä.\n"


def _billion_laughs() -> str:
    lines = ['a: &a ["Hyvä asiakas, tilauksesi on lähetetty.", "lol"]']
    for i in range(1, 26):  # 2**25 strings if aliases were expanded
        prev, cur = f"k{i - 1}" if i > 1 else "a", f"k{i}"
        lines.append(f"{cur}: &{cur} [*{prev}, *{prev}]")
    return "\n".join(lines) + "\n"


#: file name -> (content, expected): "ok" = read and analysed (no error); otherwise a fragment of
#: the one-line error that must name the file.
CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.txt": (lambda: b"", "ok"),
    "empty.md": (lambda: b"", "ok"),
    "only-markup.html": (lambda: b"<div><p><b></b></p><br/><img src='x.png'></div>\n" * 5, "ok"),
    "only-markup.md": (lambda: b"# \n\n---\n\n* \n\n```\nkoodia\n```\n", "ok"),
    "only-placeholders.html": (lambda: b"{{ a }} {{ b }}{% if x %}{{ c }}{% endif %}\n", "ok"),
    "only-placeholders.json": (lambda: b'{"a": "{name} {0} %(x)s", "b": "{{c}}"}', "ok"),
    "long-line.txt": (lambda: b"a" * 200_000 + b"\n", "ok"),
    "long-punctuation.html": (lambda: b"<" * 200_000, "ok"),
    "long-brackets.md": (lambda: b"[" * 100_000 + b"Hei" + b"]" * 100_000 + b"\n", "ok"),
    "long-word-then-text.txt": (lambda: "äö".encode() * 100_000 + b" " + FI.encode(), "ok"),
    "invalid-utf8.txt": (lambda: "Hyvä asiakas\n".encode("latin-1"), "not UTF-8: invalid byte 0xe4 on line 1"),
    "utf16-bom.txt": (lambda: codecs.BOM_UTF16_LE + FI.encode("utf-16-le"), "ok"),
    "utf16-no-bom.txt": (lambda: FI.encode("utf-16-le"), "ok"),
    "utf16-be-no-bom.txt": (lambda: FI.encode("utf-16-be"), "ok"),
    "nul-bytes.txt": (lambda: FI.encode() + b"\x00" + FI.encode(), "binary file"),
    "binary.md": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary file"),
    "nested.html": (lambda: b"<div>" * 100_000 + b"Hei" + b"</div>" * 100_000, "ok"),
    "nested-unclosed.html": (lambda: b"<div>" * 100_000 + b"Hei", "ok"),
    "unclosed-comments.html": (lambda: b"<!--" * 100_000, "ok"),
    "unterminated-tag.html": (lambda: b"<p>Hei {{ nimi </p>\n<p>{% if x %} Tilaus</p>\n", "unterminated template tag '{{'"),
    "unterminated-tags.txt.j2": (lambda: b"{{ " * 100_000, "unterminated template tag '{{'"),
    "unclosed-plurals.json": (lambda: b'{"a": "' + b"{n, plural, one {" * 5_000 + b'"}', "ok"),
    "broken-entry.po": (lambda: b'msgid "a"\nmsgstr "Hei\n\nmsgid "b"\nmsgstr "x"\n', "line 2: unterminated string"),
    "invalid.json": (lambda: b'{"a": "Hei", "b": ', "invalid JSON"),
    "deep.json": (lambda: b'{"a":' * 10_000 + b'"Hei"' + b"}" * 10_000, "nested too deeply"),
    "invalid.yaml": (lambda: b'a: "Hei\nb: [1, 2\n', "invalid YAML"),
    "deep.yaml": (lambda: b"[" * 10_000 + b"Hei" + b"]" * 10_000 + b"\n", "nested too deeply"),
    "billion-laughs.yaml": (lambda: _billion_laughs().encode(), "ok"),
    "broken.ftl": (lambda: b"hello = Hei { $name\n", "invalid Fluent"),
    "deep.ftl": (lambda: b"a = " + b"{ " * 100_000 + b"$x" + b" }" * 100_000 + b"\n", "nested too deeply"),
    "pipe.txt": (lambda: b"", "not a regular file"),  # made a FIFO below
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, subprocess.CompletedProcess, float, Path]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "content"
    folder.mkdir()
    for name, (make, _) in CASES.items():
        if name == "pipe.txt":
            os.mkfifo(folder / name)  # reading it would block forever
        else:
            (folder / name).write_bytes(make())
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    loops = folder / "loops"
    loops.mkdir()
    (loops / "up").symlink_to("..")  # a cycle back to the top
    (loops / "self.txt").symlink_to("self.txt")  # a link to itself
    (loops / "viesti.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    proc = run_cli("check", "--format", "json", "--no-cache", "-j", "1", str(folder), cwd=root, timeout=600)
    elapsed = time.monotonic() - started
    report = json.loads(proc.stdout)
    by_name = {Path(entry["path"]).relative_to(folder).as_posix(): entry for entry in report["files"]}
    return by_name, proc, elapsed, folder


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_gets_findings_or_one_line_naming_it(hostile, name: str) -> None:
    by_name, proc, _, folder = hostile
    expected = CASES[name][1]
    assert "Traceback" not in proc.stderr
    entry = by_name[name]
    if expected == "ok":
        assert "error" not in entry, entry.get("error")
        for finding in entry["findings"]:
            assert finding["line"] >= 1 and finding["column"] >= 1
    else:
        assert expected in entry.get("error", ""), entry
        lines = [line for line in proc.stderr.splitlines() if str(folder / name) in line]
        assert len(lines) == 1 and expected in lines[0], proc.stderr


def test_hostile_run_goes_on_and_ends_in_time(hostile) -> None:
    by_name, proc, elapsed, _ = hostile
    assert proc.returncode == 2  # errors were reported
    assert [f["rule"] for f in by_name["ok.txt"]["findings"]].count("jargon") >= 1  # the good file was checked
    assert elapsed < 240, f"the run took {elapsed:.0f} s"


def test_utf16_files_are_read_as_text(hostile) -> None:
    by_name = hostile[0]
    for name in ("utf16-bom.txt", "utf16-no-bom.txt", "utf16-be-no-bom.txt"):
        assert by_name[name]["stats"]["words"] == 7, name


def test_billion_laughs_reads_each_string_once(hostile) -> None:
    by_name = hostile[0]
    assert by_name["billion-laughs.yaml"]["stats"]["words"] < 20


def test_symlink_loops_neither_hang_nor_duplicate(hostile) -> None:
    by_name = hostile[0]
    assert "loops/viesti.txt" in by_name
    assert not any(name.startswith("loops/up/") for name in by_name)
    assert "loops/self.txt" not in by_name


def test_long_runs_without_spaces_are_analysed(hostile) -> None:
    by_name = hostile[0]
    assert by_name["long-word-then-text.txt"]["stats"]["words"] >= 8
    assert by_name["long-line.txt"]["stats"]["words"] <= 2  # cut in two pieces of 100,000


# --- size limits and memory ------------------------------------------------------------------


def _peak_rss_of_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def test_file_over_the_size_limit_is_refused_in_one_line(tmp_path: Path) -> None:
    big = tmp_path / "iso.txt"
    with big.open("wb") as out:
        for _ in range(20):
            out.write(FI.encode() * (1_000_000 // len(FI.encode()) + 1))
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-q", "iso.txt", "ok.txt", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    assert [line for line in proc.stderr.splitlines() if "iso.txt" in line] == [
        f"plainfinnish: iso.txt: file is {big.stat().st_size:,} bytes, over the limit of 5,000,000 (max-file-size); not checked"]
    assert "jargon" in proc.stdout  # the other file was checked


def test_message_over_spacy_limit_completes_in_bounded_memory(tmp_path: Path) -> None:
    """1.1 million characters in one message (spaCy refuses a Doc over 1,000,000): analysed in
    pieces, with a raised max-file-size."""
    (tmp_path / ".plainfinnish.toml").write_text("max-file-size = 50000000\n", encoding="utf-8")
    line = ("x" * 999 + " ") * 10 + "\n"
    text = line * (1_100_000 // len(line) + 1) + GOOD
    (tmp_path / "iso.txt").write_text(text, encoding="utf-8")
    code = ("import resource, runpy, sys; sys.argv = ['plainfinnish', 'check', '--no-cache', '-q', 'iso.txt']\n"
            "try:\n    runpy.run_module('plainfinnish', run_name='__main__')\n"
            "finally:\n    print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1, proc.stderr
    assert "jargon" in proc.stdout and f":{text.count(chr(10))}:1:" in proc.stdout  # the last line's finding
    rss_mb = int(proc.stderr.rsplit("RSS", 1)[1]) / 1024
    assert rss_mb < 900, f"peak RSS {rss_mb:.0f} MB"


@pytest.mark.skipif(not os.environ.get("PLAINFINNISH_FUZZ_EXAMPLES"), reason="long run: set PLAINFINNISH_FUZZ_EXAMPLES")
def test_20_mb_file_with_raised_limit_completes_in_bounded_memory(tmp_path: Path) -> None:
    (tmp_path / ".plainfinnish.toml").write_text("max-file-size = 50000000\n", encoding="utf-8")
    para = ("Hyvä asiakas, tilauksesi numero 12345 on vastaanotettu ja käsittelemme sen mahdollisimman pian. "
            "Mikäli sinulla on kysyttävää, ota yhteyttä asiakaspalveluumme arkisin kello 9–16.\n\n").encode()
    (tmp_path / "iso.txt").write_bytes(para * (20_000_000 // len(para) + 1))
    before = _peak_rss_of_children_mb()
    proc = subprocess.run(CLI + ["check", "--no-cache", "-q", "--format", "json", "iso.txt"], cwd=tmp_path,
                          capture_output=True, timeout=7200)
    assert b"Traceback" not in proc.stderr and proc.returncode == 1
    peak = _peak_rss_of_children_mb()
    assert peak < 2500 or peak == before, f"peak RSS {peak:.0f} MB"


# --- vanishing and unreadable files ----------------------------------------------------------


def test_file_removed_between_listing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from plainfinnish import checker, cli

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    real = cli.collect_files

    def collect_then_remove(*args, **kwargs):
        found = real(*args, **kwargs)
        (tmp_path / "a.txt").unlink()  # gone after it was listed, before it is read
        return found

    monkeypatch.setattr(cli, "collect_files", collect_then_remove)
    status = checker.run_check([tmp_path], checker.CheckOptions(use_cache=False, quiet=True, jobs=1))
    out, err = capsys.readouterr()
    assert status == checker.EXIT_ERROR
    assert [line for line in err.splitlines() if "a.txt" in line] == [
        f"plainfinnish: {tmp_path / 'a.txt'}: cannot read: No such file or directory"]
    assert "b.txt" in out and "jargon" in out


def test_missing_file_directory_and_fifo_given_explicitly(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "kansio.txt").mkdir()
    os.mkfifo(tmp_path / "putki.txt")
    proc = run_cli("check", "--no-cache", "-q", "puuttuu.txt", "kansio.txt", "putki.txt", "ok.txt", cwd=tmp_path, timeout=120)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    errors = proc.stderr.splitlines()
    assert any(line.startswith("plainfinnish: puuttuu.txt: no such file") for line in errors)
    assert any(line.startswith("plainfinnish: kansio.txt: no files to check") for line in errors)
    assert any(line.startswith("plainfinnish: putki.txt: not a regular file") for line in errors)
    assert "jargon" in proc.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_an_error_naming_it(tmp_path: Path) -> None:
    secret = tmp_path / "salainen.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-q", "salainen.txt", "ok.txt", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert "plainfinnish: salainen.txt: permission denied" in proc.stderr
    assert "jargon" in proc.stdout


# --- hostile patterns from configuration and wordlists ---------------------------------------


def test_hostile_format_globs_match_in_linear_time(tmp_path: Path) -> None:
    """`formats` and include/exclude globs go through fnmatch; a glob of many stars against a long
    name must not backtrack (Python's fnmatch compiles '*' to atomic groups)."""
    from plainfinnish.config import Config, glob_matches
    from plainfinnish.engine import resolve_format

    glob = "*a" * 200 + "*b"
    name = "a" * 5_000 + ".txt"
    started = time.monotonic()
    assert resolve_format(name, Config(formats={glob: "markdown"})) == ("text", True)
    assert not glob_matches(name, [glob, "**/" + glob])
    assert time.monotonic() - started < 5


def test_bad_surface_pattern_is_a_config_error_naming_file_and_entry(tmp_path: Path) -> None:
    wordlist = tmp_path / "omat.toml"
    wordlist.write_text(
        '[wordlist]\ncategory = "omat"\nname_fi = "Omat"\nname_en = "Own"\ndescription = "x"\n\n'
        '[sources]\nme = "me"\n\n'
        '[[entry]]\nsurface = ["(a+)+$"]\nalternatives = ["b"]\nexplanation = "x"\nseverity = "info"\nsource = "me"\n',
        encoding="utf-8")
    (tmp_path / ".plainfinnish.toml").write_text('wordlists = ["omat.toml"]\n', encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "-q", "ok.txt", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2
    assert f"{wordlist}: entry 1 ('(a+)+$'): surface pattern '(a+)+$' may hold only" in proc.stderr


def test_surface_patterns_are_linear_time_re2() -> None:
    from plainfinnish.wordlists import Entry, compile_surface

    entry = Entry(file="x.toml", index=0, category="c", category_fi="c", category_en="c", alternatives=("b",),
                  explanation="x", severity="info", source="s")
    regex = compile_surface("*" + "a*" * 50 + "b", entry)
    assert type(regex).__module__.startswith("re2")
    started = time.monotonic()
    assert regex.fullmatch("a" * 100_000) is None
    assert time.monotonic() - started < 2


# --- --fix never loses data ------------------------------------------------------------------


def _fixable(tmp_path: Path, name: str = "viesti.txt") -> Path:
    path = tmp_path / name
    path.write_text("Kiitos, reklamaatio on saapunut.\n", encoding="utf-8")
    return path


def test_fix_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = _fixable(tmp_path)
    link = tmp_path / "linkki.txt"
    link.symlink_to(target.name)
    proc = run_cli("check", "--no-cache", "-q", "--fix", "linkki.txt", cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "Kiitos, valitus on saapunut.\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".plainfinnish-tmp")]


def test_fix_in_a_read_only_folder_is_an_error_and_keeps_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "lukittu"
    folder.mkdir()
    path = _fixable(folder)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        proc = run_cli("check", "--no-cache", "-q", "--fix", str(path), cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert "Traceback" not in proc.stderr
    if os.geteuid() != 0:  # root may write anyway; then the fix is simply applied
        assert proc.returncode == 2
        assert f"plainfinnish: {path}: cannot write fixes next to the file" in proc.stderr
        assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


def test_fix_of_an_unparsable_file_and_a_fixable_one(tmp_path: Path) -> None:
    broken = tmp_path / "rikki.json"
    broken.write_bytes(b'{"a": "L\xc3\xa4het\xc3\xa4mme tilauksen asap.", ')
    good = _fixable(tmp_path)
    proc = run_cli("check", "--no-cache", "-q", "--fix", "rikki.json", good.name, cwd=tmp_path)
    assert "Traceback" not in proc.stderr
    assert broken.read_bytes() == b'{"a": "L\xc3\xa4het\xc3\xa4mme tilauksen asap.", '
    assert good.read_text(encoding="utf-8") == "Kiitos, valitus on saapunut.\n"
    assert "rikki.json: line 1: invalid JSON" in proc.stderr
