"""--format github: workflow commands GitHub turns into annotations, escaped as its toolkit does."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from plainfinnish.reporters.github import command, escape_data, escape_property

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.")


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% valmis\r\nrivi") == "100%25 valmis%0D%0Arivi"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert command("warning", "x: y, z", file="a,b.md", line=3) == "::warning file=a%2Cb.md,line=3::x: y, z"


def test_findings_become_warning_commands(tmp_path: Path) -> None:
    path = tmp_path / "toimitus, osa:1.md"
    path.write_text("# Toimitus\n\nHei!\n" + LONG + "\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "github", "--select", "long-sentence", str(path))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    escaped = str(path).replace(",", "%2C").replace(":", "%3A")
    end = 1 + len(LONG)
    assert lines[0].startswith(
        f"::warning file={escaped},line=4,col=1,endLine=4,endColumn={end},title=plainfinnish(long-sentence)::")
    assert "Virkkeessä on 28 sanaa" in lines[0]


def test_unreadable_file_is_an_error_command(tmp_path: Path) -> None:
    path = tmp_path / "rikki.txt"
    path.write_bytes(b"Hei \xff\n")
    proc = run_cli("check", "--no-cache", "--format", "github", str(path))
    assert proc.returncode == 2
    assert proc.stdout.startswith(f"::error file={path},line=1,title=plainfinnish::not UTF-8")


def test_configuration_error_is_an_annotation_on_the_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish]\nprofle = "fast"\n', encoding="utf-8")
    path = tmp_path / "viesti.md"
    path.write_text("Kiitos tilauksestasi.\n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "github", str(path))
    assert proc.returncode == 2
    [line] = proc.stdout.splitlines()
    assert line.startswith(f"::error file={path},line=1,title=plainfinnish::")
    assert "tool.plainfinnish.profle" in line
