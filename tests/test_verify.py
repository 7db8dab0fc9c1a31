"""The verification gate (plainfinnish/nlp/verify.py) on rewrites written by hand: the real pipeline
and real Voikko decide whether a replacement may stay safe."""

from __future__ import annotations

import pytest

import plainfinnish
from plainfinnish.nlp.verify import gate, verify
from plainfinnish.rules.base import Finding, Suggestion


def check(text: str, old: str, new: str) -> str | None:
    doc = plainfinnish.analyze(text)
    start = text.index(old)
    return verify(doc, start, start + len(old), new)


@pytest.mark.parametrize(("text", "old", "new"), [
    ("Reklamaationne käsittely kestää viikon.", "Reklamaationne", "Valituksenne"),  # genitive + possessive
    ("Olemme saaneet kolme reklamaatiota.", "reklamaatiota", "valitusta"),  # numeral + partitive
    ("Reklamaatiokin käsitellään.", "Reklamaatiokin", "Valituskin"),  # clitic -kin
    ("Emme saaneet reklamaatiotakaan.", "reklamaatiotakaan", "valitustakaan"),  # clitic -kaan
    ("Tilauksesi prosessoidaan huomenna.", "prosessoidaan", "käsitellään"),  # passive
    ("Prosessoisimme sen heti.", "Prosessoisimme", "Käsittelisimme"),  # conditional
    ("Kryptatut tiedostot säilytetään.", "Kryptatut", "Salatut"),  # participle attribute, plural
    ("Mikäli tilaus viivästyy, kerromme siitä.", "Mikäli", "Jos"),  # a word that never inflects
    ("Avaa tukitiketti sivuillamme.", "tukitiketti", "tukipyyntö"),  # compound part kept once
    ("Asiakas buukkaa ajan.", "buukkaa", "varaa"),  # contracted verb, 3rd person present
    ("Emme buukkaa aikoja puhelimitse.", "buukkaa", "varaa"),  # contracted verb, connegative
    ("Jatka maksutapahtumaa linkistä.", "maksutapahtumaa", "maksua"),  # no spurious agent participle
    ("Palautus on lähtökohtaisesti maksuton.", "lähtökohtaisesti", "yleensä"),  # a -sti adverb
])
def test_a_faithful_replacement_passes(text: str, old: str, new: str) -> None:
    assert check(text, old, new) is None


@pytest.mark.parametrize(("text", "old", "new", "why"), [
    ("Tukitikettisi on käsittelyssä.", "Tukitikettisi", "Tukitukipyyntösi", "repeats the compound part"),
    ("Reklamaationne käsittely kestää viikon.", "Reklamaationne", "Valitus", "does not carry the form"),  # base form
    ("Reklamaationne käsittely kestää viikon.", "Reklamaationne", "Valituksen", "does not carry the form"),  # possessive lost
    ("Reklamaatiokin käsitellään.", "Reklamaatiokin", "Valitus", "does not carry the form"),  # clitic lost
    ("Olemme saaneet kolme reklamaatiota.", "reklamaatiota", "valituksia", "does not carry the form"),  # numeral needs singular
    ("Reklamaatiot käsitellään viikossa.", "Reklamaatiot", "Valitus", "does not carry the form"),  # number
    ("Tilauksesi prosessoitiin eilen.", "prosessoitiin", "käsitellään", "does not carry the form"),  # tense
    ("Prosessoisimme sen heti.", "Prosessoisimme", "Käsittelemme", "does not carry the form"),  # mood
    ("Validoimme tietosi.", "Validoimme", "Tarkistamme", "does not carry the form"),  # present or past: ambiguous
    ("Reklamaatiosi on käsitelty.", "Reklamaatiosi", "Valituksezi", "Voikko does not know"),
    ("Reklamaatiosi on käsitelty.", "Reklamaatiosi", "valituksesi", "capital letter"),
    ("Tiedotimme asiakkaita muutoksesta.", "Tiedotimme", "Kerroimme", "complement"),  # 'kertoa' + allative
    ("Kyseisen tuotteen hinta nousee.", "Kyseisen", "Asian", "attribute"),  # an attribute becomes a noun
    ("Teemme päätöksen huomenna.", "Teemme päätöksen", "Päätämme", "number of inflected words"),
])
def test_a_broken_replacement_fails_with_a_reason(text: str, old: str, new: str, why: str) -> None:
    reason = check(text, old, new)
    assert reason is not None and why in reason


def test_a_placeholder_must_survive_the_rewrite() -> None:
    [finding] = [f for f in plainfinnish.lint("Tikettisi {id} on suljettu.", config={"select": ["jargon"]})]
    assert finding.suggestions[0].safe  # the placeholder is outside the replaced word
    from plainfinnish.document import SourceText
    from plainfinnish.engine import analyze_messages
    from plainfinnish.readers import read

    message = read(SourceText(path="x.txt", text="Tikettisi {id} on suljettu."), "text", {}).messages[0]
    doc = next(analyze_messages([message], "fast"))
    start = message.text.index("Tikettisi")
    end = message.placeholders[0][1]
    assert "placeholder" in (verify(doc, start, end, "Tukipyyntösi") or "")


def test_gate_withdraws_the_safe_mark_and_says_why() -> None:
    text = "Tukitikettisi on käsittelyssä."
    doc = plainfinnish.analyze(text)
    end = len("Tukitikettisi")
    finding = Finding("jargon", "warning", "…", 0, end,
                      suggestions=[Suggestion("Tukitukipyyntösi", safe=True), Suggestion("Tukipyyntösi", safe=True)])
    gate(doc, finding)
    assert [(s.text, s.safe) for s in finding.suggestions] == [("Tukitukipyyntösi", False), ("Tukipyyntösi", True)]
    assert "repeats the compound part" in finding.data["fix_review"]


def test_the_engine_gates_what_a_rule_marks_safe() -> None:
    # an organisation's own alternative that doubles a part: the rule fits it and asks for "safe",
    # the gate in the engine says no
    config = {"select": ["jargon"], "rules": {"jargon": {"alternatives": {"tiketti": ["tukitukipyyntö"]}}}}
    [finding] = plainfinnish.lint("Tikettisi on suljettu.", config=config)
    assert [(s.text, s.safe) for s in finding.suggestions] == [("Tukitukipyyntösi", False)]
    assert "repeats the compound part" in finding.data["fix_review"]
    config["rules"]["jargon"]["alternatives"] = {"tiketti": ["tukipyyntö"]}
    [finding] = plainfinnish.lint("Tikettisi on suljettu.", config=config)
    assert [(s.text, s.safe) for s in finding.suggestions] == [("Tukipyyntösi", True)]


def test_a_negation_verb_decides_the_connegative_in_both_profiles(profile: str) -> None:
    # the accurate profile's tagger may read "prosessoi" as the past tense; after "emme" it is the connegative
    [finding] = plainfinnish.lint("Emme prosessoi tilauksia viikonloppuisin.",
                                  config={"profile": profile, "select": ["jargon"]})
    assert [s.text for s in finding.suggestions] == ["käsittele"]
