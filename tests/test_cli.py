"""The `check` command end to end: the JSON contract, exit codes, options and every error path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, check_json, run_cli, span_text

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen kuljetusliikkeen kanssa "
        "mahdollisimman nopeasti ja ilmoittaa sinulle uuden toimituspäivän.")
SHORT = "Kiitos tilauksestasi. Lähetämme paketin huomenna."


@pytest.fixture
def files(tmp_path):
    (tmp_path / "pitka.txt").write_text(f"Hei,\n\n{LONG}\n", encoding="utf-8")
    (tmp_path / "lyhyt.md").write_text(f"# Kiitos\n\n{SHORT}\n", encoding="utf-8")
    return tmp_path


def test_json_contract_field_by_field(files):
    report, proc = check_json("--select", "long-sentence", str(files / "pitka.txt"), str(files / "lyhyt.md"))
    assert proc.returncode == 1, proc.stderr
    assert set(report) >= {"version", "files"}
    assert [f["path"] for f in report["files"]] == [str(files / "pitka.txt"), str(files / "lyhyt.md")]
    (finding,) = report["files"][0]["findings"]
    assert report["files"][1]["findings"] == []
    types = {"rule": str, "severity": str, "message": str, "line": int, "column": int, "end_line": int,
             "end_column": int, "text": str, "suggestions": list}
    for key, kind in types.items():
        assert isinstance(finding[key], kind), key
    assert finding["rule"] == "long-sentence"
    assert finding["severity"] == "warning"
    assert (finding["line"], finding["column"]) == (3, 1)
    assert (finding["end_line"], finding["end_column"]) == (3, len(LONG) + 1)
    assert finding["text"] == LONG
    assert span_text((files / "pitka.txt").read_text(), finding) == LONG
    assert "sanaa" in finding["message"]


def test_exit_status_zero_without_findings(files):
    report, proc = check_json("--select", "long-sentence", str(files / "lyhyt.md"))
    assert proc.returncode == 0
    assert report["files"][0]["findings"] == []


def test_fail_on_threshold(files):
    _, proc = check_json("--select", "long-sentence", "--fail-on", "error", str(files / "pitka.txt"))
    assert proc.returncode == 0
    _, proc = check_json("--select", "long-sentence", "--fail-on", "info", str(files / "pitka.txt"))
    assert proc.returncode == 1


def test_ignore_and_select(files):
    report, proc = check_json("--ignore", "long-sentence", "--select", "long-sentence", str(files / "pitka.txt"))
    assert report["files"][0]["findings"] == []
    _, proc = check_json("--select", "no-such-rule", str(files / "pitka.txt"))
    assert proc.returncode == 2
    assert "no-such-rule" in proc.stderr


def test_text_output_shows_position_span_and_summary(files):
    proc = run_cli("check", "--no-cache", "--select", "long-sentence", str(files / "pitka.txt"))
    assert proc.returncode == 1
    out = proc.stdout
    assert f"{files / 'pitka.txt'}:3:1: long-sentence" in out
    assert "^^^^" in out
    assert "\x1b[" not in out  # no colour codes when not on a terminal
    assert "1 huomautus" in out


def test_directory_walk_skips_vcs_and_dependency_folders(files):
    for skipped in (".git", "node_modules", ".venv"):
        (files / skipped).mkdir()
        (files / skipped / "x.md").write_text(LONG)
    (files / "kuva.png").write_bytes(b"\x89PNG")
    report, proc = check_json("--select", "long-sentence", str(files))
    paths = sorted(os.path.basename(f["path"]) for f in report["files"])
    assert paths == ["lyhyt.md", "pitka.txt"]


def test_stdin_with_filename(files):
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "long-sentence", "--stdin-filename", "viesti.md", "-",
                   input=f"# Otsikko\n\n{LONG}\n".encode())
    assert proc.returncode == 1, proc.stderr
    assert '"path": "viesti.md"' in proc.stdout
    assert '"line": 3' in proc.stdout


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("latin1.txt", "Hyvä asiakas, kiitos.".encode("latin-1"), "not UTF-8"),
        ("kuva.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_unreadable_content_is_one_line_error_and_other_files_still_checked(files, name, content, problem):
    (files / name).write_bytes(content)
    report, proc = check_json("--select", "long-sentence", str(files / name), str(files / "pitka.txt"))
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(files / name) in lines[0] and problem in lines[0]
    assert "Traceback" not in proc.stderr
    assert report["files"][1]["findings"][0]["rule"] == "long-sentence"


def test_utf16_with_bom_is_read(files):
    (files / "utf16.txt").write_bytes("\ufeff".encode("utf-16-le") + LONG.encode("utf-16-le"))
    report, proc = check_json("--select", "long-sentence", str(files / "utf16.txt"))
    assert proc.returncode == 1, proc.stderr
    assert report["files"][0]["findings"][0]["text"] == LONG


def test_missing_path_and_empty_directory(files):
    (files / "tyhja").mkdir()
    report, proc = check_json(str(files / "puuttuu.md"), str(files / "tyhja"), str(files / "lyhyt.md"))
    assert proc.returncode == 2
    assert f"{files / 'puuttuu.md'}: no such file" in proc.stderr
    assert f"{files / 'tyhja'}: no files to check" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert any(f["path"].endswith("lyhyt.md") for f in report["files"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(files):
    target = files / "salainen.txt"
    target.write_text(LONG)
    target.chmod(0)
    _, proc = check_json(str(target))
    assert proc.returncode == 2 and "permission denied" in proc.stderr


def test_unreadable_directory_entry_is_reported_not_crashed(files):
    # A dangling symlink and a symlink loop inside a checked folder.
    (files / "loop").symlink_to(files / "loop")
    (files / "dangling.md").symlink_to(files / "nothing-here.md")
    report, proc = check_json("--select", "long-sentence", str(files))
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (1, 2)


def test_unknown_extension_given_explicitly_is_read_as_text(files):
    (files / "viesti.tmpl").write_text(LONG)
    report, proc = check_json("--select", "long-sentence", str(files / "viesti.tmpl"))
    assert "unknown file type" in proc.stderr
    assert report["files"][0]["findings"][0]["text"] == LONG


def test_help_rules_and_explain_do_not_import_spacy():
    code = ("import sys, runpy; sys.argv=['plainfinnish'] + sys.argv[1:]\n"
            "try:\n  runpy.run_module('plainfinnish', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NOSPACY', file=sys.stderr)")
    for args in (["--help"], ["rules"], ["explain", "long-sentence"]):
        proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
        assert "NOSPACY" in proc.stderr, (args, proc.stderr)


def test_rules_table_and_explain_page():
    proc = run_cli("rules")
    assert proc.returncode == 0 and "long-sentence" in proc.stdout
    page = run_cli("explain", "long-sentence").stdout
    for heading in ("Mitä sääntö tekee", "Miksi", "Esimerkki", "Kirjoita mieluummin", "Korjausten turvallisuus", "max-words"):
        assert heading in page
    english = run_cli("explain", "long-sentence", "--language", "en").stdout
    assert "Why is this bad?" in english
    proc = run_cli("explain", "ei-tallainen")
    assert proc.returncode == 2 and "unknown rule" in proc.stderr


def test_doctor_names_backend_and_model():
    proc = run_cli("doctor")
    assert proc.returncode == 0
    assert "voikko backend:" in proc.stdout and "self-test ok" in proc.stdout
    assert "spacy-fi-experimental-web-md" in proc.stdout
