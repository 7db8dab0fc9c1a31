"""`plainfinnish wordlists check`: the shipped lists are clean; broken lists are reported by file and entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from plainfinnish import wordlists
from plainfinnish.errors import ConfigError

DATA = Path(__file__).parent / "data"


def test_shipped_wordlists_pass_the_check() -> None:
    if not wordlists.shipped_paths():
        pytest.skip("no shipped wordlists yet")
    proc = run_cli("wordlists", "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no problems" in proc.stdout


def test_test_wordlists_pass_the_check() -> None:
    proc = run_cli("wordlists", "check", *sorted(str(p) for p in (DATA / "wordlists").glob("*.toml")))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "19 entries in 3 wordlist file(s)" in proc.stdout


def test_broken_wordlists_name_file_and_entry() -> None:
    broken = DATA / "wordlists-broken"
    proc = run_cli("wordlists", "check", str(DATA / "wordlists" / "officialese.toml"), *sorted(str(p) for p in broken.glob("*.toml")))
    assert proc.returncode == 1
    out = proc.stdout
    assert "broken.toml: entry 1 ('reklamaatio'): duplicate of" in out
    assert "broken.toml: entry 2 ('kvarkkiblorfi'): Voikko does not know 'kvarkkiblorfi'" in out
    assert "officialese.toml: entry 2 ('reklamaatio'): alternative 'valitus' is itself flagged by" in out
    assert "broken.toml: entry 4 ('toimenpide'): alternative 'zzqxvbn': Voikko does not know" in out
    assert "schema.toml: entry 1 ('mikäli'): source 'kotus-q99' is not defined in [sources]" in out
    assert "badregex.toml: entry 1 ('tsek(kaa*'): surface pattern" in out
    assert "tsekata" not in out  # an unknown lemma with surface forms is fine
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("content", "problem"), [
    ("[wordlist]\ncategory = 1\n", r"\[wordlist\]\.category must be a string"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\nlemma='mikäli'\n"
     "alternatives='jos'\nexplanation='x'\nseverity='warning'\nsource='t'\n", r"entry 1 \('mikäli'\): 'alternatives' must be a list"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\nlemma='mikäli'\n"
     "alternatives=['jos']\nexplanation='x'\nseverity='huge'\nsource='t'\n", r"entry 1 \('mikäli'\): severity must be"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\nlemma='mikäli'\n"
     "alternatives=['jos']\nexplanation='x'\nseverity='info'\nsource='t'\ncolour='red'\n", r"entry 1 \('mikäli'\): unknown key 'colour'"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\npattern='maksu'\n"
     "alternatives=['jos']\nexplanation='x'\nseverity='info'\nsource='t'\n", r"a pattern needs at least two words"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\npattern='jonkun toimesta'\n"
     "advice='Kerro {tekijä}'\nexplanation='x'\nseverity='info'\nsource='t'\n", r"'advice' may hold only the placeholder"),
    ("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\npattern='jonkun toimesta'\n"
     "explanation='x'\nseverity='info'\nsource='t'\n", r"missing required key 'alternatives'"),
    ("not = [toml", r"invalid TOML"),
])
def test_schema_errors_name_file_and_entry(tmp_path, content: str, problem: str) -> None:
    path = tmp_path / "list.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem) as err:
        wordlists.parse_file(path)
    assert err.value.path == str(path)


def test_fixed_phrase_alternatives_only_for_words_that_do_not_inflect(tmp_path) -> None:
    """'jne.' -> 'ja niin edelleen' passes (an abbreviation never inflects); a noun's alternative that is
    not a base form still fails, since it would have to take the noun's case."""
    path = tmp_path / "fixed.toml"
    path.write_text(
        "[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n"
        "[[entry]]\nlemma='jne.'\nalternatives=['ja niin edelleen']\nexplanation='x'\nseverity='info'\nsource='t'\n"
        "[[entry]]\nsurface=['ml.']\nalternatives=['mukaan lukien']\nexplanation='x'\nseverity='info'\nsource='t'\n"
        "[[entry]]\nlemma='mikäli'\nalternatives=['siinä tapauksessa']\nexplanation='x'\nseverity='info'\nsource='t'\n"
        "[[entry]]\nlemma='reklamaatio'\nalternatives=['valitusta']\nexplanation='x'\nseverity='info'\nsource='t'\n",
        encoding="utf-8",
    )
    problems = wordlists.validate([path])
    assert len(problems) == 1, problems
    assert "entry 4 ('reklamaatio'): alternative 'valitusta'" in problems[0]


@pytest.mark.parametrize(("sentence", "span", "suggestion"), [
    ("Käsittelemme tietoja evästeitä hyväksikäyttäen.", "hyväksikäyttäen", "käyttäen"),
    ("Rekisteröidyllä on oikeus tarkastaa tietonsa.", "Rekisteröidyllä on oikeus", "Puhuttele lukijaa: sinulla on oikeus …"),
    ("Hakemus tulee toimittaa viimeistään maanantaina.", "tulee toimittaa", "pitää toimittaa"),
    ("Korvausta voidaan sovitella kohtuuden mukaan.", "sovitella", "pienentää"),
    ("Päätös ei ole vielä saanut lainvoimaisuutta.", "lainvoimaisuutta", "lopullisuutta"),
    ("Tilaus on suoritettu onnistuneesti.", "suoritettu", "tehty"),
    ("Postin toimesta paketti viedään perille.", "Postin toimesta", "Kerro tekijä: Posti tekee …"),
])
def test_shipped_entries_flag_everyday_officialese(sentence: str, span: str, suggestion: str) -> None:
    import plainfinnish

    findings = plainfinnish.lint(sentence, config={"select": ["jargon"]})
    found = {f.text: [s.text for s in f.suggestions] for f in findings}
    assert span in found, found
    assert suggestion in found[span]


@pytest.mark.parametrize("sentence", [
    "Sinulla on oikeus tarkastaa tietosi.",
    "Suoritin tutkinnon viime vuonna.",  # info only: suorittaa is flagged, not the established phrase's noun
    "Paketti tulee huomenna.",
    "Rekisteröidyt käyttäjät saavat alennuksen.",
])
def test_shipped_entries_leave_plain_sentences_alone(sentence: str) -> None:
    import plainfinnish

    findings = plainfinnish.lint(sentence, config={"select": ["jargon"]})
    assert [f.text for f in findings if f.severity != "info"] == []


def test_readme_counts_match_the_shipped_lists() -> None:
    import re

    readme = Path(__file__).parent.parent / "wordlists" / "README.md"
    if not readme.exists() or not wordlists.shipped_paths():
        pytest.skip("no shipped wordlists")
    counts = {p.name: len(wordlists.parse_file(p)[0]) for p in wordlists.shipped_paths()}
    listed = dict(re.findall(r"^\| `([\w-]+\.toml)` \|.*\| (\d+) \|$", readme.read_text(encoding="utf-8"), re.M))
    assert {name: int(n) for name, n in listed.items()} == counts
    total = re.search(r"\*\*total\*\* \| \| \*\*(\d+)\*\*", readme.read_text(encoding="utf-8"))
    assert total is not None and int(total.group(1)) == sum(counts.values())


# --- English renderings for --language en (issue 18 item 12) -------------------------------------

# Finnish words that are not also English words: outside quotes an English text never holds them
FINNISH_WORDS = frozenset("ja tai että kun jos ei eikä sekä mutta kirjoita kerro sana sanoo virke viesti lause ole "
                          "olla tämä joka mikä myös vain kuin sinun meidän suomeksi esimerkiksi riittää tutumpi".split())
ENGLISH_WORDS = frozenset("is the a an of to in it say write give what who are be enough more than with for when".split())


def _unquoted_words(text: str) -> set[str]:
    """The lowercased words of a text outside its double-quoted stretches (the Finnish examples)."""
    import re

    return {w.lower() for w in re.findall(r"\w+", re.sub(r'"[^"]*"', " ", text))}


def test_every_shipped_entry_has_its_english() -> None:
    """Each explanation, note and advice has an English rendering that reads as English: it holds English
    function words and no Finnish ones outside the quoted Finnish examples, and it is not the Finnish text."""
    paths = wordlists.shipped_paths()
    if not paths:
        pytest.skip("no shipped wordlists")
    checked = 0
    for path in paths:
        for entry in wordlists.parse_file(path)[0]:
            for key in ("explanation", "note", "advice"):
                finnish, english = getattr(entry, key), getattr(entry, f"{key}_en")
                assert (finnish is None) == (english is None), f"{path.name}: {entry.where}: {key}_en"
                if english is None:
                    continue
                words = _unquoted_words(english)
                assert english != finnish and words & ENGLISH_WORDS, f"{path.name}: {entry.where}: {english!r}"
                assert not words & FINNISH_WORDS, f"{path.name}: {entry.where}: {sorted(words & FINNISH_WORDS)} in {english!r}"
                if "{jonkun}" in finnish:
                    assert "{jonkun}" in english, f"{path.name}: {entry.where}"
                checked += 1
    assert checked >= 863


def _table(**extra: str) -> dict:
    return {"lemma": "mikäli", "alternatives": ["jos"], "explanation": "Sano jos.", "severity": "info",
            "source": "t", "senses": "one", **extra}


def test_a_shipped_entry_without_english_is_an_error() -> None:
    header = {"category": "x", "name_fi": "x", "name_en": "x", "description": "x"}
    with pytest.raises(ConfigError, match=r"entry 1 \('mikäli'\): a shipped entry needs 'explanation_en'"):
        wordlists._parse_entry(_table(), 0, "x.toml", header, {"t": "x"}, shipped=True)
    with pytest.raises(ConfigError, match=r"needs 'note_en'"):
        wordlists._parse_entry(_table(explanation_en="Say jos.", note="Joskus."), 0, "x.toml", header, {"t": "x"}, shipped=True)
    entry = wordlists._parse_entry(_table(explanation_en="Say jos."), 0, "x.toml", header, {"t": "x"}, shipped=True)
    assert entry.say("explanation", "en") == "Say jos." and entry.say("explanation", "fi") == "Sano jos."


@pytest.mark.parametrize(("extra", "problem"), [
    ("note_en = 'Sometimes.'\n", r"'note_en' renders 'note', which the entry does not have"),
    ("explanation_en = ' '\n", r"'explanation_en' is empty"),
    ("explanation_en = 1\n", r"'explanation_en' must be a string"),
])
def test_english_keys_are_checked_in_own_lists(tmp_path, extra: str, problem: str) -> None:
    path = tmp_path / "own.toml"
    path.write_text("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\n"
                    "lemma='mikäli'\nalternatives=['jos']\nexplanation='Sano jos.'\nseverity='info'\nsource='t'\n" + extra,
                    encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        wordlists.parse_file(path)


def test_an_own_entry_without_english_falls_back_to_finnish(tmp_path) -> None:
    path = tmp_path / "own.toml"
    path.write_text("[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n[[entry]]\n"
                    "pattern='jonkun toimesta'\nadvice='Kerro tekijä: {jonkun} tekee …'\nexplanation='Sano tekijä.'\n"
                    "severity='info'\nsource='t'\n", encoding="utf-8")
    entry = wordlists.parse_file(path)[0][0]
    assert entry.say("explanation", "en") == "Sano tekijä." and entry.say("advice", "en").startswith("Kerro tekijä")
    assert entry.say("note", "en") is None
