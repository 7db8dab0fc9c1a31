"""passive-voice: passives about the reader's own matter get a Voikko-verified me-form."""

from __future__ import annotations

import pytest
from test_splitting import unknown_words


def found(lint, text, profile="fast"):
    return [(f.text, [s.text for s in f.suggestions]) for f in lint(text, profile=profile, select=["passive-voice"])]


def test_passive_about_the_readers_application_becomes_me_form(lint, profile) -> None:
    assert found(lint, "Hakemuksesi käsitellään kahden viikon kuluessa.", profile) == [("käsitellään", ["Käsittelemme hakemuksesi"])]


def test_nominative_object_turns_genitive(lint, profile) -> None:
    assert found(lint, "Tilaus toimitetaan sinulle huomenna.", profile) == [("toimitetaan", ["Toimitamme tilauksen"])]


def test_past_tense_is_kept(lint) -> None:
    assert found(lint, "Tilaus käsiteltiin eilen, ja saat sen pian.") == [("käsiteltiin", ["Käsittelimme tilauksen"])]


def test_accurate_profile_flags_agentless_perfect_passive(lint) -> None:
    assert ("on toimitettu", ["olemme toimittaneet"]) in found(lint, "Tilauksesi on toimitettu noutopisteeseen.", "accurate")


@pytest.mark.parametrize("text", [
    "Evästeitä käytetään sivuston toiminnan varmistamiseen.",  # a general statement, no reader
    "Tilauksesi voidaan peruuttaa maksutta.",  # a rule-stating verb
    "Sinulle ei lähetetä laskua.",  # negated: nothing done to rewrite
    "Tilauksesi on toimitettu kuljetusliikkeen toimesta.",  # the actor is named
    "Käsittelemme hakemuksesi viikossa.",  # active already
])
def test_near_misses(lint, profile, text) -> None:
    assert found(lint, text, profile) == []


def test_generated_me_forms_are_known_words(lint) -> None:
    text = ("Hakemuksesi käsitellään pian. Tilauksesi lähetettiin eilen. Laskusi korjattaisiin heti. "
            "Salasanasi vaihdetaan huomenna. Sinulle soitetaan tänään.")
    fs = lint(text, select=["passive-voice"])
    assert len(fs) == 5
    for f in fs:
        assert f.suggestions, f.text
        assert not unknown_words(f.suggestions[0].text), f.suggestions[0].text
