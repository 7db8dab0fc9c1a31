"""A user's own wordlist (issue 18 item 14): a word form Voikko knows but that is not a base form is
matched as written, and `check` says what it could not use fully instead of dropping it silently.
The real CLI in a temporary project with [tool.plainfinnish] wordlists = [...]."""

from __future__ import annotations

import json

from conftest import run_cli

HEADER = ('[wordlist]\ncategory = "omat"\nname_fi = "omat sanat"\nname_en = "our own words"\n'
          'description = "Sisältötiimin omat sanat."\n\n[sources]\ntiimi = "sisältötiimin päätös"\n\n')


def entry(lemma: str, alternative: str, explanation: str = "Tiimin oma linjaus.") -> str:
    return (f'[[entry]]\nlemma = "{lemma}"\nalternatives = ["{alternative}"]\nexplanation = "{explanation}"\n'
            'severity = "warning"\nsource = "tiimi"\n\n')


def project(tmp_path, *entries: str, text: str) -> None:
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "omat.toml").write_text(HEADER + "".join(entries), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish]\nwordlists = ["terms/omat.toml"]\n', encoding="utf-8")
    (tmp_path / "viesti.txt").write_text(text, encoding="utf-8")


def check(tmp_path, *args: str):
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "jargon", *args, "viesti.txt", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    return [f for file in report["files"] for f in file["findings"]], proc


def _span(text: str, finding: dict) -> str:
    """The flagged characters, read from the file by line and column (not the report's own text)."""
    return text.split("\n")[finding["line"] - 1][finding["column"] - 1:finding["end_column"] - 1]


def test_a_word_form_in_a_user_list_is_matched_as_written(tmp_path):
    """'viipymättä' and 'pikaisesti' are forms (of viipyä, pikainen): flagged where written, in any case,
    while the other forms of their base words stay quiet; no warning, nothing dropped."""
    text = ("Käsittelemme hakemuksen viipymättä. Viipymättä sen jälkeen lähetämme päätöksen.\n"
            "Vastaamme pikaisesti. Hän viipyi kaupassa pitkään, ja pikainen vastaus ilahdutti.\n")
    project(tmp_path, entry("viipymättä", "heti"), entry("pikaisesti", "pian"), text=text)
    flagged, proc = check(tmp_path)
    spans = sorted(_span(text, f) for f in flagged)
    assert spans == ["Viipymättä", "pikaisesti", "viipymättä"], spans
    assert "warning" not in proc.stderr, proc.stderr  # nothing to report: every entry is used


def test_a_word_form_near_misses_stay_quiet(tmp_path):
    """Other forms of the same verb and look-alike words are not the listed form."""
    text = "Älä viivy liian kauan. Viipyminen maksaa. Hän viipyy viikon. Viipymätön palvelu on hyvää.\n"
    project(tmp_path, entry("viipymättä", "heti"), text=text)
    flagged, _ = check(tmp_path)
    assert flagged == []


def test_an_unknown_word_is_matched_as_written_and_reported(tmp_path):
    """A word Voikko does not know is used exactly as written, and `check` says so on stderr naming the
    file and the entry (its other forms need `surface` patterns): not dropped silently."""
    text = "Tilaa zyxqvö nyt. Monta zyxqvötä jäi.\n"
    project(tmp_path, entry("zyxqvö", "tuote"), entry("asiakaspalvelupiste", "palvelupiste"), text=text)
    flagged, proc = check(tmp_path)
    assert [_span(text, f) for f in flagged] == ["zyxqvö"]
    warnings = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, proc.stderr
    assert "omat.toml: entry 1 ('zyxqvö')" in warnings[0] and "only exactly as written" in warnings[0]
    assert "surface" in warnings[0]


def test_a_broken_entry_is_an_error_naming_file_and_entry(tmp_path):
    """An entry that cannot be loaded at all stops the check with exit 2 and names the file, the entry and the key."""
    broken = '[[entry]]\nlemma = "viipymättä"\nalternatives = ["heti"]\nseverity = "warning"\nsource = "tiimi"\n'
    project(tmp_path, broken, text="Teemme sen viipymättä.\n")
    proc = run_cli("check", "--no-cache", "viesti.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "omat.toml: entry 1 ('viipymättä'): missing required key 'explanation'" in proc.stderr


def test_a_user_entry_without_english_falls_back_to_finnish(tmp_path):
    """Own lists may leave out explanation_en: English output shows the Finnish reason; with it, the English one."""
    text = "Teemme sen viipymättä.\n"
    project(tmp_path, entry("viipymättä", "heti", "Sano heti."), text=text)
    flagged, _ = check(tmp_path, "--language", "en")
    assert flagged[0]["message"].endswith("Sano heti.")
    (tmp_path / "terms" / "omat.toml").write_text(
        HEADER + entry("viipymättä", "heti", "Sano heti.").replace('severity', 'explanation_en = "Say heti."\nseverity'),
        encoding="utf-8")
    flagged, _ = check(tmp_path, "--language", "en")
    assert flagged[0]["message"].endswith("Say heti.")
    flagged, _ = check(tmp_path, "--language", "fi")
    assert flagged[0]["message"].endswith("Sano heti.")
