"""The command line as its users expect (issue 18): version, help, completion, rule lists,
colour, progress, warnings for flags that do nothing, --fix on standard input, and a text report
that shows severities, counts naturally and never calls a skipped file clean."""

from __future__ import annotations

import os
import pty
import subprocess

import pytest

from conftest import CLI, run_cli

JARGON = "Reklamaationne käsittely kestää viikon.\n"
CLEAN = "Kiitos tilauksestasi. Lähetämme paketin huomenna.\n"


def run_on_terminal(*args: str, env: dict | None = None, cwd=None) -> tuple[bytes, bytes]:
    """Run the CLI with stdout and stderr on pseudo-terminals, as in an interactive shell."""
    out_master, out_slave = pty.openpty()
    err_master, err_slave = pty.openpty()
    proc = subprocess.Popen(CLI + list(args), stdout=out_slave, stderr=err_slave, stdin=subprocess.DEVNULL,
                            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", **(env or {})}, cwd=cwd)
    os.close(out_slave)
    os.close(err_slave)
    chunks: dict[int, list[bytes]] = {out_master: [], err_master: []}
    import select

    open_fds = [out_master, err_master]
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [], 300)
        if not ready:
            break
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if data:
                chunks[fd].append(data)
            else:
                open_fds.remove(fd)
    proc.wait(timeout=300)
    os.close(out_master)
    os.close(err_master)
    return b"".join(chunks[out_master]), b"".join(chunks[err_master])


def test_version_and_short_help():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("plainfinnish ")
    assert proc.stdout.split()[1][0].isdigit()
    assert run_cli("-V").stdout == proc.stdout
    short = run_cli("-h")
    assert short.returncode == 0 and "Usage: plainfinnish" in short.stdout and "check" in short.stdout
    check_help = run_cli("check", "-h")
    assert check_help.returncode == 0 and "--select" in check_help.stdout


def test_shell_completion_is_offered():
    # Typer detects the shell from the process tree, as when a user types the command in bash:
    # run it as a child of bash (no exec), whatever shell runs the test suite.
    import shlex
    import shutil

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash not installed")
    command = " ".join(shlex.quote(part) for part in CLI) + " --show-completion; exit $?"
    proc = subprocess.run([bash, "-c", command], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "_PLAINFINNISH_COMPLETE" in proc.stdout and "complete " in proc.stdout


def test_language_help_says_it_sets_the_output_language():
    text = " ".join(run_cli("check", "--help", env={"COLUMNS": "200"}).stdout.split())
    assert "Language of the output" in text and "the checked text is Finnish" in text


def test_select_takes_comma_lists_and_repeated_flags(tmp_path):
    from conftest import check_json

    path = tmp_path / "viesti.txt"
    path.write_text("Reklamaationne on vastaanotettu.\n", encoding="utf-8")
    both, _ = check_json("--select", "jargon,long-sentence", "--select", "missing-next-step", str(path))
    rules = {f["rule"] for f in both["files"][0]["findings"]}
    assert "jargon" in rules and "missing-next-step" in rules
    only, _ = check_json("--select", "long-sentence,missing-next-step", "--ignore", "missing-next-step", str(path))
    assert only["files"][0]["findings"] == []
    _, proc = check_json("--select", "jargon,no-such-rule", str(path))
    assert proc.returncode == 2 and "no-such-rule" in proc.stderr


def test_color_always_never_auto_and_no_color(tmp_path):
    path = tmp_path / "viesti.txt"
    path.write_text(JARGON, encoding="utf-8")
    args = ("check", "--no-cache", "--select", "jargon", str(path))
    assert "\x1b[" in run_cli(*args, "--color", "always").stdout
    assert "\x1b[" not in run_cli(*args, "--color", "never").stdout
    assert "\x1b[" not in run_cli(*args).stdout  # auto, not a terminal
    on_terminal, _ = run_on_terminal(*args)
    assert b"\x1b[" in on_terminal
    no_color, _ = run_on_terminal(*args, env={"NO_COLOR": "1"})
    assert b"\x1b[" not in no_color and b"jargon" in no_color
    never, _ = run_on_terminal(*args, "--color", "never")
    assert b"\x1b[" not in never


def test_progress_on_a_terminal_only(tmp_path):
    for i in range(12):
        (tmp_path / f"viesti{i}.txt").write_text(CLEAN, encoding="utf-8")
    args = ("check", "--no-cache", "--jobs", "1", "--select", "long-sentence", str(tmp_path))
    _, err = run_on_terminal(*args)
    assert b"tarkistetaan" in err
    assert "tarkistetaan" not in run_cli(*args).stderr  # not in pipes or CI logs
    few, _ = run_on_terminal("check", "--no-cache", "--select", "long-sentence", str(tmp_path / "viesti0.txt"))
    assert b"tarkistetaan" not in few


def test_flags_that_do_nothing_are_warned_about(tmp_path):
    path = tmp_path / "viesti.txt"
    path.write_text(CLEAN, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--unsafe-fixes", str(path))
    assert "--unsafe-fixes does nothing without --fix or --diff" in proc.stderr
    quiet = run_cli("check", "--no-cache", "--unsafe-fixes", "--diff", str(path))
    assert "does nothing" not in quiet.stderr
    proc = run_cli("check", "--no-cache", "--stdin-filename", "viesti.md", "--quiet", "--format", "json", str(path))
    assert "--stdin-filename does nothing without -" in proc.stderr
    assert "--quiet does nothing with --format json" in proc.stderr
    assert proc.returncode == 0


def test_fix_on_standard_input_prints_the_fixed_text():
    proc = run_cli("check", "--no-cache", "--select", "jargon", "--fix", "--stdin-filename", "viesti.txt", "-",
                   input=JARGON.encode("utf-8"))
    assert proc.stdout == "Valituksenne käsittely kestää viikon.\n", proc.stdout + proc.stderr
    assert proc.returncode == 0
    untouched = run_cli("check", "--no-cache", "--select", "jargon", "--fix", "--stdin-filename", "viesti.txt", "-",
                        input=CLEAN.encode("utf-8"))
    assert untouched.stdout == CLEAN  # nothing to fix: the text as it was, so a pipe never loses it
    only = run_cli("check", "--no-cache", "--select", "jargon", "--fix-only", "--stdin-filename", "viesti.txt", "-",
                   input=JARGON.encode("utf-8"))
    assert only.stdout == "Valituksenne käsittely kestää viikon.\n" and "jargon" not in only.stderr, only.stderr
    assert only.returncode == 0


def test_text_report_shows_severity_and_counts_naturally(tmp_path):
    one = tmp_path / "yksi.txt"
    one.write_text(JARGON, encoding="utf-8")
    fi = run_cli("check", "--no-cache", "--select", "jargon", str(one)).stdout
    assert f"{one}:1:1: jargon [varoitus]" in fi
    assert "1 huomautus 1 tiedostossa (1 varoitus)." in fi
    two = tmp_path / "kaksi.txt"
    two.write_text(JARGON + "Reklamaatiot käsitellään viikossa.\n", encoding="utf-8")
    fi = run_cli("check", "--no-cache", "--select", "jargon", str(one), str(two)).stdout
    assert "3 huomautusta 2 tiedostossa (3 varoitusta)." in fi
    en = run_cli("check", "--no-cache", "--select", "jargon", "--language", "en", str(one), str(two)).stdout
    assert "[warning]" in en and "3 findings in 2 files (3 warnings)." in en
    en_one = run_cli("check", "--no-cache", "--select", "jargon", "--language", "en", str(one)).stdout
    assert "1 finding in 1 file (1 warning)." in en_one
    clean = tmp_path / "puhdas.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert "Ei huomautettavaa (1 tiedosto tarkistettu)." in run_cli(
        "check", "--no-cache", "--select", "jargon", str(clean)).stdout


def test_missing_binary_and_config_errors_are_not_reported_as_clean(tmp_path):
    missing = run_cli("check", "--no-cache", str(tmp_path / "puuttuu.md"))
    assert missing.returncode == 2
    assert missing.stdout == ""  # only the error, on stderr; no "no findings"
    assert "puuttuu.md: no such file or directory" in missing.stderr

    binary = tmp_path / "kuva.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    proc = run_cli("check", "--no-cache", str(binary))
    assert proc.returncode == 2 and "not checked" in proc.stderr
    assert "Ei huomautettavaa" not in proc.stdout  # nothing was checked
    clean = tmp_path / "puhdas.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "jargon", str(binary), str(clean))
    assert "Ei huomautettavaa (1 tiedosto tarkistettu, 1 tiedosto ohitettu)." in proc.stdout

    project = tmp_path / "projekti"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.plainfinnish]\nprofle = "fast"\n', encoding="utf-8")
    (project / "viesti.md").write_text(CLEAN, encoding="utf-8")
    proc = run_cli("check", "--no-cache", str(project))
    assert proc.returncode == 2
    assert "tool.plainfinnish.profle" in proc.stderr
    assert "no files to check" not in proc.stderr


def test_english_throughout(tmp_path):
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos tilauksestasi. " + JARGON, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--language", "en", str(path))
    out = proc.stdout
    assert "Readability" in out, proc.stderr and "Luettavuus" not in out
    assert "suggestion:" in out and "ehdotus" not in out
    assert "finding" in out and "huomautus" not in out
