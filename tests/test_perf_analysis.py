"""The per-token facts of the analysis layer (components.facts) answer exactly what a walk back
over the sentence would, for every token, on the real pipeline and real Voikko."""

from __future__ import annotations

import pytest

from plainfinnish import analyze
from plainfinnish.nlp import components, voikko
from plainfinnish.nlp.components import CLAUSE_BREAKS, NEGATION_FORMS, NEGATION_REACH, facts, seen_in_clause

TEXTS = [
    "En ole vielä saanut pakettia. Emme lähetä laskua, ellei tilausta vahvisteta.",
    "Älä unohda maksaa laskua! Et voi perua tilausta enää, koska se on jo lähetetty.",
    "Jos et ole saanut vahvistusta, ota yhteyttä. Kun maksu näkyy, lähetämme tuotteen; sitten saat viestin.",
    "Hei {{ name }},\n\ntilauksesi {{ order_id }} ei ole vielä lähtenyt – odotamme maksua.\n\n- Tarkista osoite\n- Vahvista tilaus",
    "! ! ! Osta nyt! ? ? Miksi et osta?",
    "Tilaus\n\n\n  \nLasku  maksettu.   Ei   vielä  toimitettu, mutta kun se lähtee, kerromme.",
]


def _words_before(doc, i: int) -> list:
    """The naive reference: the tokens before i in its sentence, nearest first."""
    out = []
    j = i - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        out.append(doc[j])
        j -= 1
    return out


@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_facts_match_a_walk_back_over_the_sentence(profile: str) -> None:
    for text in TEXTS:
        doc = analyze(text, profile=profile)
        f = facts(doc)
        for token in doc:
            before = _words_before(doc, token.i)
            start = before[-1].i if before else token.i
            assert f.sent_start[token.i] == start == token.sent.start, (text, token.text)
            assert f.sent_end[token.i] == token.sent.end
            previous = next((t for t in before if not t.is_space), None)
            assert f.prev_word[token.i] == (previous.i if previous else -1)
            words = [t for t in before if not t.is_space and not t.is_punct][:NEGATION_REACH]
            negated = any(t.lemma_ == "ei" or t.lower_ in NEGATION_FORMS for t in words)
            assert f.negated[token.i] == negated == token._.negated, (text, token.text)


def test_negation_reaches_three_words_back_and_stops_at_the_sentence() -> None:
    doc = analyze("En ole vielä saanut sitä. Saat sen huomenna.")
    by_text = {t.text: t for t in doc}
    assert by_text["ole"]._.negated and by_text["saanut"]._.negated
    assert not by_text["sitä"]._.negated  # the fourth word after 'En'
    assert not by_text["Saat"]._.negated and not by_text["huomenna"]._.negated
    doc = analyze("Ei, lähetämme sen tänään. Emme lähetä mitään turhaa huomenna emmekä ylihuomenna.")
    negated = {t.text for t in doc if t._.negated}
    assert negated >= {"lähetämme", "lähetä", "mitään", "turhaa"} and "huomenna" not in negated


def test_seen_in_clause_resets_at_clause_breaks_and_sentences() -> None:
    words = frozenset({"kun", "jos"})
    for text in TEXTS:
        doc = analyze(text)
        flags = seen_in_clause(doc, words)
        for token in doc:
            expected = False
            for t in _words_before(doc, token.i):
                if t.text in CLAUSE_BREAKS:
                    break
                if t.lower_ in words:
                    expected = True
                    break
            assert flags[token.i] == expected, (text, token.text)
    assert seen_in_clause(doc, words) is seen_in_clause(doc, words)  # computed once per Doc and word set


@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_analyses_are_the_voikko_readings_and_the_agreeing_one(profile: str) -> None:
    doc = analyze("Hei {{ name }}, tilauksesi on lähetetty. Voit seurata sitä, ja saat viestin!", profile=profile)
    for token in doc:
        readings = token._.analyses
        if token.is_space or token.is_punct or token._.is_placeholder:
            assert readings == () and token._.analysis is None
            continue
        assert readings == voikko.analyze(token.text)
        assert (token._.analysis is None) == (not readings)
        if readings:
            assert token._.analysis in readings
    lähetetty = next(t for t in doc if t.text == "lähetetty")
    assert lähetetty._.analysis.participle == "past_passive" or lähetetty._.analysis.person == "4"


def test_facts_follow_a_changed_doc() -> None:
    doc = analyze("Emme lähetä laskua.")
    first = facts(doc)
    assert facts(doc) is first
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert len(facts(doc).sent_start) == len(doc)
    assert components.facts(doc).analyses[0] == ()  # 'Emme lähetä' is no word Voikko knows
