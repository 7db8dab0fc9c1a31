"""Words whose Voikko readings compete (issue 14): flagged when the rival reading is spurious, never
when it is a real homograph in its context. Real pipeline, real Voikko; sentences written for this test."""

from __future__ import annotations

import pytest

import plainfinnish

ONLY_JARGON = {"rules": {rule: {"enabled": False} for rule in (
    "long-sentence", "missing-next-step", "pushy-upsell", "question-overload", "address-consistency",
    "long-word", "passive-voice", "nominal-style")}}


def jargon_lemmas(text: str) -> dict[str, str]:
    """The flagged words of the text and the wordlist entry each was matched to."""
    return {f.text: f.data["lemma"] for f in plainfinnish.lint(text, filename="viesti.txt", config=ONLY_JARGON)
            if f.rule == "jargon"}


@pytest.mark.parametrize(("text", "word", "lemma"), [
    # the same pieces read with another lemma: tie+karsi, virhetila + possessive, perintä+kulku
    ("Tiekartta julkaistaan keväällä.", "Tiekartta", "tiekartta"),
    ("Uusi tiekartta kertoo, mitä teemme ensi vuonna.", "tiekartta", "tiekartta"),
    ("Virhetilanne korjataan mahdollisimman pian.", "Virhetilanne", "virhetilanne"),
    ("Jos virhetilanne toistuu, ota yhteyttä.", "virhetilanne", "virhetilanne"),
    ("Perintäkulut lisätään seuraavaan laskuun.", "Perintäkulut", "perintäkulu"),
    # the listed compound in its base form against a derived reading (the ablative of toimiva)
    ("Toimivalta kuuluu kunnalle.", "Toimivalta", "toimivalta"),
    ("Viranomaisen toimivalta on rajattu laissa.", "toimivalta", "toimivalta"),
    # no negation before it: the imperative of toimittaa, not the connegative of toimia
    ("Toimita kuitti meille viikon kuluessa.", "Toimita", "toimittaa"),
    ("Ole hyvä ja toimita liitteet sähköpostilla.", "toimita", "toimittaa"),
    # after a negation verb other than "ei" not the passive: the connegative of toimittaa
    ("Jos et toimita selvitystä, käsittely viivästyy.", "toimita", "toimittaa"),
    # two finite verbs do not stand side by side: after "on" the participle, not ilmentyä's 2nd person
    ("Tarkastuksessa on ilmennyt, että liite puuttuu.", "ilmennyt", "ilmetä"),
    # the same base form read twice: the participle of suorittaa and the adjective "suorittava"
    ("Työn suorittavan yrityksen nimi kerrotaan laskussa.", "suorittavan", "suorittaa"),
])
def test_a_spurious_rival_reading_does_not_hide_the_term(text: str, word: str, lemma: str) -> None:
    assert jargon_lemmas(text).get(word) == lemma


@pytest.mark.parametrize(("text", "word"), [
    # after a verb of seeming "toimivalta" is the participle toimiva: a real homograph here
    ("Ratkaisu näyttää toimivalta.", "toimivalta"),
    ("Uusi järjestelmä vaikuttaa toimivalta.", "toimivalta"),
    # after a negation verb both readings stand (toimia's passive, toimittaa's connegative)
    ("Tuotetta ei toimita ulkomaille.", "toimita"),
    # a fanciful compound split of a plain word stays fanciful ("kuuluu" = kuu+luu)
    ("Paketti kuuluu tilaukseesi.", "kuuluu"),
])
def test_a_real_homograph_in_its_context_is_not_flagged(text: str, word: str) -> None:
    assert word not in jargon_lemmas(text)
