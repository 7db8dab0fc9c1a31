"""--format sarif: valid SARIF 2.1.0 (the official schema, shipped in tests/data) in the shape
GitHub code scanning takes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import run_cli

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.schema.json"
LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
        "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.")


def sarif(cwd: Path, *args: str) -> tuple[dict, int]:
    proc = run_cli("check", "--no-cache", "--format", "sarif", "--select", "long-sentence", *args, cwd=cwd)
    return json.loads(proc.stdout), proc.returncode


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def test_report_is_valid_sarif_for_code_scanning(tmp_path: Path, validator) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "toimitus ä.md").write_text("# Toimitus\n\nHei!\n\n" + LONG + "\n", encoding="utf-8")
    (tmp_path / "templates" / "rikki.txt").write_bytes(b"Hei \xff\n")
    report, code = sarif(tmp_path, "templates")
    assert code == 2  # the unreadable file
    errors = sorted(validator.iter_errors(report), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])

    run = report["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    rule = by_id["long-sentence"]
    assert len(rules) == len(by_id) >= 2  # every rule, for results of any run to point at
    assert rule["shortDescription"]["text"] == "Pitkä virke"
    assert rule["fullDescription"]["text"].startswith("Merkitsee virkkeet")
    assert "## Miksi" in rule["help"]["markdown"] and rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"

    [result] = run["results"]
    assert result["ruleId"] == "long-sentence" and rules[result["ruleIndex"]]["id"] == "long-sentence"
    assert result["level"] == "warning"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "templates/toimitus%20%C3%A4.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": len(LONG) + 1,
                                  "snippet": {"text": LONG}}
    assert result["partialFingerprints"]["plainfinnish/v1"]
    [notification] = run["invocations"][0]["toolExecutionNotifications"]
    assert "not UTF-8" in notification["message"]["text"]


def test_fingerprint_survives_moved_lines(tmp_path: Path, validator) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text(LONG + "\n", encoding="utf-8")
    before, _ = sarif(tmp_path, "viesti.txt")
    path.write_text("Hei!\n\nUusi kappale alussa.\n\n" + LONG + "\n", encoding="utf-8")
    after, _ = sarif(tmp_path, "viesti.txt", "--language", "en")
    assert not list(validator.iter_errors(after))
    b, a = before["runs"][0]["results"][0], after["runs"][0]["results"][0]
    assert a["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert a["partialFingerprints"] == b["partialFingerprints"]
    assert after["runs"][0]["tool"]["driver"]["rules"][b["ruleIndex"]]["help"]["markdown"] != \
        before["runs"][0]["tool"]["driver"]["rules"][b["ruleIndex"]]["help"]["markdown"]  # English pages with --language en


def test_clean_run_is_valid_and_empty(tmp_path: Path, validator) -> None:
    (tmp_path / "ok.txt").write_text("Kiitos tilauksestasi. Lähetämme paketin huomenna.\n", encoding="utf-8")
    report, code = sarif(tmp_path, "ok.txt")
    assert code == 0 and report["runs"][0]["results"] == []
    assert not list(validator.iter_errors(report))


def test_safe_suggestions_are_sarif_fixes(tmp_path: Path, validator) -> None:
    """A safe suggestion that replaces the flagged span is a `fix`; applying its replacement to the
    file gives the text `--fix` writes. No link in the report leads nowhere."""
    text = "# Valitus\n\nKäsittelemme reklamaation viikon kuluessa.\n"
    (tmp_path / "vastaus.md").write_text(text, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "sarif", "--select", "jargon", "vastaus.md", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert not list(validator.iter_errors(report))
    assert "example.invalid" not in proc.stdout
    [result] = report["runs"][0]["results"]
    [fix] = result["fixes"]
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "vastaus.md"
    [replacement] = change["replacements"]
    region = replacement["deletedRegion"]
    line = text.split("\n")[region["startLine"] - 1]
    fixed_line = line[:region["startColumn"] - 1] + replacement["insertedContent"]["text"] + line[region["endColumn"] - 1:]
    assert fixed_line == "Käsittelemme valituksen viikon kuluessa."
    run_cli("check", "--no-cache", "--select", "jargon", "--fix", "vastaus.md", cwd=tmp_path)
    assert (tmp_path / "vastaus.md").read_text(encoding="utf-8").split("\n")[2] == fixed_line
