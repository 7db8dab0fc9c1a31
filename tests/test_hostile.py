"""Hostile input, round two (issue 17): every case runs the real CLI as a subprocess and asserts
the right behaviour: findings where there is text, otherwise one line naming the file and the
problem with exit 2 while the other files are still checked; never a traceback or a hang.
The language server's cases are in tests/test_hostile_lsp.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CLI, run_cli

GOOD = "Reklamaationne käsittely kestää viikon. Otamme teihin yhteyttä, kun asia on selvitetty.\n"


def report(proc: subprocess.CompletedProcess) -> dict[str, dict]:
    assert "Traceback" not in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    return {Path(f["path"]).name: f for f in data["files"]}


def rules_of(entry: dict) -> list[str]:
    return [f["rule"] for f in entry["findings"]]


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("plainfinnish:") and "note:" not in line]


# -- one run over a folder of hostile files ---------------------------------------------------------

CR_ONLY = "Hei.\r\rReklamaationne käsittely kestää viikon.\r"
LATIN1_PO = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
             'msgid "complaint"\nmsgstr "Reklamaationne käsittely kestää viikon."\n')

FILES: dict[str, bytes] = {
    # Lone surrogates from escapes, in every format that decodes escapes (each with jargon after it).
    "surrogate.json": b'{"a": "Reklamaationne \\udfff k\\u00e4sittely kest\\u00e4\\u00e4."}',
    "surrogate-high.json": b'{"a": "\\ud800 Reklamaationne k\\u00e4sittely."}',
    "surrogate.yaml": b'a: "Reklamaationne \\ud800 k\\u00e4sittely."\n',
    "surrogate-single.yaml": b"b:\n  c: \"\\udc80\\udc81 Reklamaationne k\\u00e4sittely.\"\n",
    "surrogate.ftl": "viesti = Reklamaationne {\"\\udfff\"} käsittely.\n".encode(),
    "surrogate.html": "<p>Reklamaationne &#xD800; käsittely.</p>\n".encode(),
    "number.json": b'{"n": ' + b"9" * 100_000 + b', "f": 1' + b"0" * 5000 + b'.5, "a": "Reklamaationne k\\u00e4sittely."}',
    "unclosed-directive.html": "<p>Hei.</p>\n<!-- plainfinnish: disable-file --\nReklamaationne käsittely.\n".encode(),
    "cr-only.txt": CR_ONLY.encode(),
    "latin1.po": LATIN1_PO.encode("latin-1"),
    "good.txt": GOOD.encode(),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    folder = tmp_path_factory.mktemp("hostile2")
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    return run_cli("check", "--format", "json", "--no-cache", str(folder), timeout=120)


@pytest.mark.parametrize("name", [n for n in FILES if n.startswith("surrogate")])
def test_lone_surrogate_escapes_are_checked_not_a_crash(hostile: subprocess.CompletedProcess, name: str) -> None:
    files = report(hostile)
    assert files[name].get("error") is None
    assert "jargon" in rules_of(files[name]), files[name]


def test_lone_surrogate_positions_point_at_the_word(hostile: subprocess.CompletedProcess) -> None:
    finding = next(f for f in report(hostile)["surrogate.json"]["findings"] if f["rule"] == "jargon")
    assert (finding["line"], finding["column"], finding["text"]) == (1, 8, "Reklamaationne")


def test_po_has_no_unicode_escapes_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    path.write_bytes(b'msgid "a"\nmsgstr "Reklamaationne \\udfff k\\u00e4sittely."\n')
    proc = run_cli("check", "--no-cache", str(path))
    assert proc.returncode == 2 and error_lines(proc) == [f"plainfinnish: {path}: line 2: unknown escape '\\u' in a string"]


def test_json_numbers_of_any_length_are_read(hostile: subprocess.CompletedProcess) -> None:
    assert "jargon" in rules_of(report(hostile)["number.json"])
    assert "digits" not in hostile.stderr


def test_unclosed_directive_comment_is_not_an_unknown_rule(hostile: subprocess.CompletedProcess) -> None:
    entry = report(hostile)["unclosed-directive.html"]
    assert not any("'--'" in f["message"] or "Reklamaationne" in f["message"] for f in entry["findings"]), entry


def test_cr_only_line_endings_give_real_lines(hostile: subprocess.CompletedProcess) -> None:
    finding = next(f for f in report(hostile)["cr-only.txt"]["findings"] if f["rule"] == "jargon")
    assert (finding["line"], finding["column"], finding["text"]) == (3, 1, "Reklamaationne")


def test_po_in_its_declared_latin1_charset_is_read(hostile: subprocess.CompletedProcess) -> None:
    finding = next(f for f in report(hostile)["latin1.po"]["findings"] if f["rule"] == "jargon")
    assert finding["text"] == "Reklamaationne" and finding["line"] == 6


def test_the_whole_run_ends_normally(hostile: subprocess.CompletedProcess) -> None:
    assert hostile.returncode == 1, hostile.stderr
    assert "jargon" in rules_of(report(hostile)["good.txt"])


def test_latin1_po_fix_is_written_in_latin1(tmp_path: Path) -> None:
    path = tmp_path / "viesti.po"
    path.write_bytes(LATIN1_PO.encode("latin-1"))
    proc = run_cli("check", "--no-cache", "--fix", str(path))
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == LATIN1_PO.replace("Reklamaationne", "Valituksenne").encode("latin-1"), proc.stderr


def test_non_utf8_file_name_in_every_output_format(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    bad = os.fsdecode(b"bad\xff.txt")
    (folder / bad).write_text(GOOD, encoding="utf-8")
    for fmt in ("sarif", "json", "text", "github"):
        proc = subprocess.run(CLI + ["check", "--no-cache", "--format", fmt, str(folder)], capture_output=True, timeout=120)
        assert b"Traceback" not in proc.stderr, (fmt, proc.stderr)
        assert proc.returncode == 1, (fmt, proc.stderr)
    sarif = json.loads(proc_out(folder))
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert uris and all(uri.endswith("bad%FF.txt") for uri in uris)


def proc_out(folder: Path) -> bytes:
    return subprocess.run(CLI + ["check", "--no-cache", "--format", "sarif", str(folder)], capture_output=True, timeout=120).stdout


# -- configuration: each mistake is one line naming the file and the key ------------------------------

CONFIGS = {
    "tool-string": ("pyproject.toml", '[tool]\nplainfinnish = "x"\n', "tool.plainfinnish"),
    "tool-is-string": ("pyproject.toml", 'tool = "plainfinnish"\n', "tool"),
    "readers-unknown": (".plainfinnish.toml", 'readers = {txt = "x"}\n', "readers.txt"),
    "readers-not-table": (".plainfinnish.toml", 'readers = {json = "x"}\n', "readers.json"),
    "readers-bad-option": (".plainfinnish.toml", '[readers.json]\ngroup = "sideways"\n', "readers.json.group"),
    "nan": (".plainfinnish.toml", "[rules.readability]\nmax-lix = nan\n", "max-lix"),
    "inf": (".plainfinnish.toml", "[rules.long-sentence]\nmax-words = inf\n", "max-words"),
    "ignore-all": (".plainfinnish.toml", 'ignore = ["ALL"]\n', "ignore"),
}


@pytest.mark.parametrize("case", sorted(CONFIGS))
def test_meaningless_configuration_is_an_error_naming_file_and_key(tmp_path: Path, case: str) -> None:
    name, text, key = CONFIGS[case]
    bad, good = tmp_path / "bad", tmp_path / "good"
    bad.mkdir()
    good.mkdir()
    (bad / name).write_text(text, encoding="utf-8")
    (bad / "a.txt").write_text(GOOD, encoding="utf-8")
    (good / "b.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--no-cache", str(bad / "a.txt"), str(good / "b.txt"), timeout=120)
    assert proc.returncode == 2, proc.stderr
    lines = error_lines(proc)
    assert len(lines) == 1 and str(bad / name) in lines[0] and key in lines[0], proc.stderr
    assert "jargon" in rules_of(report(proc)["b.txt"])


@pytest.mark.parametrize("front", ["plainfinnish: [1, 2]", "plainfinnish: x", "plainfinnish:\n  profile: turbo",
                                   "plainfinnish:\n  language: sv"])
def test_meaningless_front_matter_is_an_error_naming_the_file(tmp_path: Path, front: str) -> None:
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\n\n{GOOD}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--no-cache", str(tmp_path / "a.md"), str(tmp_path / "b.txt"), timeout=120)
    assert proc.returncode == 2
    lines = error_lines(proc)
    assert len(lines) == 1 and "a.md" in lines[0] and "front matter" in lines[0], proc.stderr
    assert "jargon" in rules_of(report(proc)["b.txt"])


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_wordlist_that_never_ends_is_refused_at_once(tmp_path: Path, target: str) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "words.toml")
        target = "words.toml"
    (tmp_path / ".plainfinnish.toml").write_text(f'wordlists = ["{target}"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    proc = run_cli("check", "--no-cache", str(tmp_path / "a.txt"), timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = error_lines(proc)
    assert len(lines) == 1 and "not a regular file" in lines[0], proc.stderr


@pytest.mark.parametrize("stream", ["zeros", "yes"])
def test_endless_standard_input_stops_at_the_size_limit(tmp_path: Path, stream: str) -> None:
    (tmp_path / ".plainfinnish.toml").write_text("max-file-size = 100000\n", encoding="utf-8")
    source = ["cat", "/dev/zero"] if stream == "zeros" else ["yes", "Hyvä asiakas"]
    producer = subprocess.Popen(source, stdout=subprocess.PIPE)
    try:
        proc = subprocess.run(CLI + ["check", "--no-cache", "--stdin-filename", "viesti.txt", "-"], stdin=producer.stdout,
                              capture_output=True, timeout=60, cwd=tmp_path)
    finally:
        producer.kill()
        producer.wait()
    assert proc.returncode == 2
    assert b"viesti.txt: input is over the limit of 100,000 bytes" in proc.stderr


@pytest.fixture
def open_tmp(tmp_path: Path):
    """A temporary folder another user can enter (pytest's own is private to root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="plainfinnish-hostile-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_unreadable_and_unnameable_files_do_not_stop_the_run(open_tmp: Path) -> None:
    tmp_path = open_tmp
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    too_long = tmp_path / ("a" * 300 + ".txt")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    args = ["check", "--format", "json", "--no-cache", str(too_long), str(locked), str(tmp_path / "ok.txt")]
    command = CLI + args
    if os.geteuid() == 0:  # root reads anything: run as nobody to see a real permission error
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("needs setpriv to drop root")
        for parent in tmp_path.parents:
            if not os.stat(parent).st_mode & 0o001:
                pytest.skip("the temporary folder is not reachable by another user")
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 2, proc.stderr
    errors = error_lines(proc)
    assert any("File name too long" in e for e in errors) and any("locked.txt" in e for e in errors), proc.stderr
    assert "jargon" in rules_of(report(proc)["ok.txt"])


# -- the cache: entries of any shape are misses --------------------------------------------------------

SHAPES = ['{"findings":["x"],"stats":{}}', "[]", '"x"', "null", '{"findings":[],"stats":[]}', "[" * 100_000,
          '{"findings":[{"rule":"jargon","severity":"fatal","message":"m","start":0,"end":1}],"stats":{}}',
          '{"findings":[{"rule":"jargon","severity":"warning","message":"m","start":0,"end":1,"suggestions":["x"]}],"stats":{}}',
          '{"findings":[],"stats":{"readability":{"wiio":"x"}}}', "\x00\xff"]


def test_cache_entries_of_any_shape_are_misses(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"
    first = run_cli("check", "--format", "json", "--cache-dir", str(cache), str(path))
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 1
    key = entries[0].stem
    for shape in SHAPES + [json.dumps({"key": key, **json.loads(s)}) for s in SHAPES if s.startswith('{"findings"')]:
        entries[0].write_text(shape, encoding="utf-8", errors="surrogateescape")
        again = run_cli("check", "--format", "json", "--cache-dir", str(cache), str(path))
        assert again.returncode == first.returncode and "Traceback" not in again.stderr, (shape[:80], again.stderr)
        assert report(again) == report(first), shape[:80]
    # An entry moved under another key is not believed either.
    other = json.loads(entries[0].read_text(encoding="utf-8"))
    other["findings"] = []
    other["key"] = "0" * 64
    entries[0].write_text(json.dumps(other), encoding="utf-8")
    assert report(run_cli("check", "--format", "json", "--cache-dir", str(cache), str(path))) == report(first)


# -- time budget -------------------------------------------------------------------------------------


def distinct_sentences(paragraphs: int) -> str:
    """Paragraphs of short sentences, no two alike (so no cache of any kind shortens the work)."""
    return "".join(" ".join(f"Tilauksesi {i}-{j} on lähetetty ja se saapuu huomenna." for j in range(20)) + "\n\n"
                   for i in range(paragraphs))


def test_time_budget_ends_a_file_that_would_run_for_minutes(tmp_path: Path) -> None:
    # About 4.6 MB of short sentences: at the measured ~45 KB/s this is well over a minute of
    # rules. The budget leaves room for the rules' data loading on first use (the small file).
    big = tmp_path / "big.txt"
    big.write_text(distinct_sentences(4200), encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    proc = run_cli("check", "--format", "json", "--no-cache", str(tmp_path / "ok.txt"), str(big),
                   env={"PLAINFINNISH_TIME_BUDGET": "8"}, timeout=180)
    assert time.monotonic() - started < 60
    assert proc.returncode == 2
    lines = error_lines(proc)
    assert len(lines) == 1 and "big.txt: " in lines[0] and "took over 8 s" in lines[0], proc.stderr
    assert "jargon" in rules_of(report(proc)["ok.txt"])


def test_time_budget_covers_reading(tmp_path: Path) -> None:
    # Python's HTML parser is quadratic on repeated unclosed start tags: minutes for this one.
    slow = tmp_path / "slow.html"
    slow.write_bytes(b"<a " * 60_000)
    started = time.monotonic()
    proc = run_cli("check", "--no-cache", str(slow), env={"PLAINFINNISH_TIME_BUDGET": "1"}, timeout=120)
    assert time.monotonic() - started < 30
    assert proc.returncode == 2
    assert "slow.html: reading as html took over 1 s" in proc.stderr, proc.stderr


BUDGET_PROGRAM = """
import threading, time
from plainfinnish.budget import Budget, BudgetExceeded

waiting = Budget(0.2)
with waiting.running():
    time.sleep(0.6)  # waiting (for a processor on a loaded machine, or for a disk) spends no CPU
threads = threading.active_count()
for _ in range(500):
    with Budget(5).running():
        pass
busy = Budget(0.3)
try:
    with busy.running():
        while True:
            pass
except BudgetExceeded:
    print("busy loop stopped")
print("waiting left", round(waiting.left, 2), "new threads", threading.active_count() - threads)
"""


def test_time_budget_counts_the_checking_threads_cpu_time() -> None:
    # A block that only waits keeps its budget (a loaded machine refuses no file that needs
    # little CPU); a busy one is stopped; 500 files start no thread of their own.
    proc = subprocess.run([sys.executable, "-c", BUDGET_PROGRAM], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "busy loop stopped", proc.stdout
    _, _, left, _, _, new_threads = lines[1].split()
    assert float(left) >= 0.1 and new_threads == "0", proc.stdout


@pytest.mark.parametrize("text", ["! " * 20_000, "tilaus\n" * 8_000, "*a " * 50_000 + "Reklamaationne käsittely.",
                                  "? ! . " * 10_000, "Tilaus " * 30_000])
def test_runs_of_punctuation_and_unpunctuated_text_end_in_time(tmp_path: Path, text: str) -> None:
    path = tmp_path / "viesti.md"
    path.write_text(text, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--no-cache", str(path), env={"PLAINFINNISH_TIME_BUDGET": "20"}, timeout=90)
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1) or "took over 20 s" in proc.stderr, proc.stderr


# -- --fix ---------------------------------------------------------------------------------------------


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut.\n", encoding="utf-8")
    other = tmp_path / "toinen.txt"
    os.link(path, other)
    proc = run_cli("check", "--no-cache", "--fix", str(path))
    assert "Traceback" not in proc.stderr
    assert path.read_text(encoding="utf-8") == "Kiitos, valitus on saapunut.\n", proc.stderr
    assert other.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert os.stat(path).st_ino == os.stat(other).st_ino
    assert not list(tmp_path.glob(".*plainfinnish-tmp"))


def test_fix_applies_safe_fixes_in_grouped_locale_strings(tmp_path: Path) -> None:
    for name, text in (("fi.json", '{"mail": {"title": "Tilaus", "body": "Kiitos, reklamaatio on saapunut."}}\n'),
                       ("fi.yaml", 'mail:\n  title: Tilaus\n  body: "Kiitos, reklamaatio on saapunut."\n')):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        proc = run_cli("check", "--no-cache", "--fix", str(path))
        assert "Traceback" not in proc.stderr
        assert path.read_text(encoding="utf-8") == text.replace("reklamaatio", "valitus"), (name, proc.stderr)


def test_next_fix_run_removes_stale_temporaries(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut.\n", encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".viesti.txt.{dead.pid}.abc123{'_'}.plainfinnish-tmp"
    stale.write_text("half", encoding="utf-8")
    alive = tmp_path / f".viesti.txt.{os.getpid()}.abc123.plainfinnish-tmp"  # a running process's: kept
    alive.write_text("busy", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", str(path))
    assert "Traceback" not in proc.stderr
    assert not stale.exists() and alive.exists()


def test_fix_says_how_many_safe_fixes_could_not_be_applied(tmp_path: Path) -> None:
    path = tmp_path / "viesti.md"
    path.write_text("Kiitos, rekla**maatio** on saapunut. Reklamaatio käsitellään viikossa.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Kiitos, rekla**maatio** on saapunut. Valitus käsitellään viikossa.\n"
    assert "fixed 1 finding(s) in 1 file(s); 1 fix(es) not applied: the text spans markup" in proc.stderr, proc.stderr


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_configuration_that_never_ends_is_refused_at_once(tmp_path: Path, target: str) -> None:
    if target == "fifo":
        os.mkfifo(tmp_path / "pyproject.toml")
        target = str(tmp_path / "pyproject.toml")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--config", target, str(tmp_path / "a.txt"), timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert error_lines(proc) == [f"plainfinnish: {target}: cannot read configuration: not a regular file (a pipe, socket or device)"]
