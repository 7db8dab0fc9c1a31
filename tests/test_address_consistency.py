"""address-consistency: minority sinä/te forms are flagged with the majority form, verified by Voikko."""

from __future__ import annotations

import pytest
from test_splitting import unknown_words


def found(lint, text, profile="fast"):
    return [(f.text, [s.text for s in f.suggestions]) for f in lint(text, profile=profile, select=["address-consistency"])]


def test_te_possessive_in_a_sina_message(lint, profile) -> None:
    text = "Voit seurata tilaustanne verkossa. Ota yhteyttä, jos paketti ei tule. Saat viestin sähköpostiisi."
    assert found(lint, text, profile) == [("tilaustanne", ["tilaustasi"])]


def test_sina_imperative_in_a_te_message(lint, profile) -> None:
    text = "Voitte seurata tilaustanne. Ota yhteyttä meihin. Teille lähetetään kuitti, ja te saatte sen pian."
    assert found(lint, text, profile) == [("Ota", ["Ottakaa"])]


def test_te_verbs_in_a_sina_message(lint) -> None:
    text = "Voit seurata tilaustasi. Ottakaa yhteyttä, jos voitte. Sinulle lähetetään kuitti."
    assert found(lint, text) == [("Ottakaa", ["Ota"]), ("voitte", ["voit"])]


@pytest.mark.parametrize("text", [
    "Voit seurata tilaustasi verkossa. Ota yhteyttä, jos paketti ei tule.",  # sinä only
    "Voitte seurata tilaustanne verkossa. Ottakaa yhteyttä, jos paketti ei tule.",  # te only
    'Asiakas kirjoitti: "Voitteko auttaa?" Voit vastata hänelle suoraan.',  # quoted te-form
    "Hyvät asukkaat, ottakaa kaikki avaimet mukaan. Voit kysyä lisää sähköpostitse.",  # a group
])
def test_near_misses(lint, profile, text) -> None:
    assert found(lint, text, profile) == []


def test_switched_forms_are_known_words(lint) -> None:
    text = ("Voit maksaa laskusi verkossa. Saat kuitin. Sinun ei tarvitse tehdä muuta. Tarkistakaa tilauksenne, "
            "teidän tietonne ja lähettäkää lomake, jos haluatte.")
    fs = lint(text, select=["address-consistency"])
    assert len(fs) >= 4
    for f in fs:
        assert f.suggestions, f.text
        assert not unknown_words(f.suggestions[0].text), f.suggestions[0].text


@pytest.mark.parametrize(("text", "expected"), [
    # a plural possessive form keeps its own stem ("lapsille-"), and a postposition its own case
    ("Voit tuoda lapsesi mukaan. Saat kuitin. Kerro lapsillenne, että ovet aukeavat yhdeksältä.",
     [("lapsillenne", ["lapsillesi"])]),
    ("Saat paketin kotiisi. Voit kysyä meiltä. Tulemme luoksenne ja jätämme paketin luonanne.",
     [("luoksenne", ["luoksesi"]), ("luonanne", ["luonasi"])]),
    ("Voitte seurata tilaustanne. Ottakaa yhteyttä, jos haluatte. Tarkistakaa osoitteesi.",
     [("osoitteesi", ["osoitteenne"])]),
    # a past or conditional verb: its other person on the same stem
    ("Voit noutaa paketin. Saat viestin, kun se on perillä. Teitte tilauksen eilen.",
     [("Teitte", ["Teit"])]),
    ("Voitte maksaa laskun verkossa. Ottakaa yhteyttä. Haluaisit ehkä myös kuitin.",
     [("Haluaisit", ["Haluaisitte"])]),
])
def test_possessive_switched_on_the_words_own_stem(lint, text, expected) -> None:
    """The other possessive suffix on the word's own stem, verified by Voikko (not the first form
    of the base word's paradigm, which may be another word: "luona" read as "luokse")."""
    assert found(lint, text) == expected
