"""Alternatives inflected to fit: every form is re-analysed with Voikko, never trusted by hand."""

from __future__ import annotations

import pytest
from voikko import inflect_word

from conftest import skip_on_pyvoikko
from plainfinnish.nlp.inflect import fit, follow_case, noun_form, signature
from plainfinnish.nlp.voikko import analyze


def reading(word: str, baseform: str | None = None, **features):
    for a in analyze(word):
        if (baseform is None or a.baseform == baseform) and all(getattr(a, k) == v for k, v in features.items()):
            return a
    raise AssertionError(f"no such reading of {word!r}: {[(a.baseform, a.case, a.number, a.mood) for a in analyze(word)]}")


def assert_same_form(original: str, suggestion: str, lemma: str) -> None:
    """Some reading of the suggestion has the lemma and exactly the features of the original."""
    wanted = {signature(a) for a in analyze(original)}
    got = {signature(a) for a in analyze(suggestion) if lemma in (a.baseform, a.parts[-1].lemma) or a.baseform.endswith(lemma)}
    assert wanted & got, f"{suggestion!r} does not have the form of {original!r}"


NOUN_PAIRS = [("reklamaatio", "valitus"), ("asiakirja", "paperi"), ("kustannus", "kulu")]


@pytest.mark.parametrize(("jargon", "plain"), NOUN_PAIRS)
def test_every_case_and_number_is_carried_over(jargon: str, plain: str) -> None:
    forms = inflect_word.generate_forms(jargon)[0]
    checked = 0
    for name, variants in forms.items():
        original = variants[0]
        for a in analyze(original):
            if a.baseform != jargon:
                continue
            text, verified = fit(plain, original, a)
            assert verified, f"{name}: {original} -> {text} not verified"
            again = [b for b in analyze(text) if b.baseform == plain]
            assert any((b.case, b.number) == (a.case, a.number) for b in again), f"{name}: {original} -> {text}"
            checked += 1
    assert checked >= 20  # 25 forms; a few share a surface with another lemma


def test_genitive_plural_in_gives_genitive_plural_out() -> None:
    a = reading("reklamaatioiden", "reklamaatio", case="omanto", number="plural")
    text, verified = fit("valitus", "reklamaatioiden", a)
    assert verified and text in ("valitusten", "valituksien")
    assert any(b.case == "omanto" and b.number == "plural" for b in analyze(text))


@pytest.mark.parametrize(("original", "expected"), [
    ("reklamaationne", "valituksenne"),
    ("reklamaatiollanne", "valituksellanne"),
    ("reklamaatiosi", "valituksesi"),
    ("reklamaatiossamme", "valituksessamme"),
])
def test_possessive_suffix_is_carried_over(original: str, expected: str) -> None:
    a = analyze(original)[0]
    assert fit("valitus", original, a) == (expected, True)


@pytest.mark.parametrize(("original", "expected"), [
    ("reklamaatiokin", "valituskin"),
    ("reklamaatiotakaan", "valitustakaan"),
    ("reklamaatiohan", "valitushan"),
    ("reklamaatiopa", "valituspa"),
    ("reklamaatioitakin", "valituksiakin"),
])
def test_clitic_is_carried_over(original: str, expected: str) -> None:
    a = analyze(original)[0]
    assert fit("valitus", original, a) == (expected, True)


def test_compound_keeps_its_other_parts_at_each_position() -> None:
    first = reading("reklamaatiolomakkeella", "reklamaatiolomake")
    assert fit("valitus", "reklamaatiolomakkeella", first, 0, 1) == ("valituslomakkeella", True)
    last = reading("asiakasreklamaatioita", "asiakasreklamaatio")
    assert fit("valitus", "asiakasreklamaatioita", last, 1, 2) == ("asiakasvalituksia", True)
    middle = reading("asiakasreklamaatiolomakkeen")
    n = len(middle.parts)
    assert n == 3
    assert fit("valitus", "asiakasreklamaatiolomakkeen", middle, 1, 2) == ("asiakasvalituslomakkeen", True)


@pytest.mark.parametrize(("original", "features"), [
    ("suoritamme", dict(person="1", mood="indicative", tense="present_simple")),
    ("suoritit", dict(person="2", tense="past_imperfective")),
    ("suorittaisimme", dict(mood="conditional")),
    ("suorittakaa", dict(mood="imperative")),
    ("suoritetaan", dict(person="4", tense="present_simple")),
    ("suoritettiin", dict(person="4", tense="past_imperfective")),
    ("suorittamaan", dict(mood="MA-infinitive", case="sisatulento")),
    ("suorittaessasi", dict(mood="E-infinitive")),
    ("suorittaakseen", dict(mood="A-infinitive")),
    ("suorittaminen", dict(mood="MINEN-infinitive")),
])
def test_verb_takes_person_tense_mood_voice_and_infinitive(original: str, features: dict) -> None:
    a = reading(original, "suorittaa", **features)
    text, verified = fit("maksaa", original, a)
    assert verified, text
    assert any(signature(b) == signature(a) and b.baseform == "maksaa" for b in analyze(text)), (original, text)


@pytest.mark.parametrize(("original", "expected"), [("suoritettu", "maksettu"), ("suoritettavan", "maksettavan"),
                                                    ("suorittanut", "maksanut")])
def test_participle_takes_participle_case_and_number(original: str, expected: str) -> None:
    a = analyze(original)[0]
    assert a.participle
    assert fit("maksaa", original, a) == (expected, True)


def test_multi_word_verb_alternative_inflects_its_verb() -> None:
    a = reading("kontaktoimme", "kontaktoida", tense="past_imperfective")
    assert fit("ottaa yhteyttä", "kontaktoimme", a) == ("otimme yhteyttä", True)


def test_capitalisation_follows_the_original() -> None:
    a = analyze("Reklamaationne")[0]
    assert fit("valitus", "Reklamaationne", a) == ("Valituksenne", True)
    assert follow_case("MIKÄLI", "jos") == "JOS"


def test_uninflected_words_are_replaced_as_they_are() -> None:
    a = analyze("mikäli")[0]
    assert fit("jos", "mikäli", a) == ("jos", True)


def test_unverifiable_form_falls_back_to_the_base_form() -> None:
    assert fit("tarkistaa", "tsekkaa", None) == ("tarkistaa", False)
    a = analyze("ko.")[0]
    assert fit("kyseinen", "ko.", a) == ("kyseinen", False)  # the dot hides the case the phrase needs


def test_category_name_in_partitive_is_verified() -> None:
    assert noun_form("virkakieli", "osanto") == "virkakieltä"
    assert noun_form("lakikieli", "osanto") == "lakikieltä"


@pytest.mark.parametrize(("original", "expected"), [("hyväksikäyttäen", "käyttäen"), ("hyväksikäyttäessä", "käyttäessä")])
def test_second_infinitive_keeps_instructive_apart_from_inessive(original: str, expected: str) -> None:
    assert fit("käyttää", original, reading(original, "hyväksikäyttää")) == (expected, True)


@pytest.mark.parametrize(("word", "expected"), [
    ("kyseinen", "tämä"), ("kyseisen", "tämän"), ("kyseiseltä", "tältä"), ("kyseiseen", "tähän"),
    ("kyseiset", "nämä"), ("kyseisten", "näiden"), ("kyseisiä", "näitä"), ("kyseisissäkin", "näissäkin"),
])
def test_a_demonstrative_takes_the_form_of_the_adjective_it_replaces(word: str, expected: str) -> None:
    # the generator would inflect "tämä" as a noun ("tämää"); the listed forms are still verified
    assert fit("tämä", word, analyze(word)[0]) == (expected, True)


def test_a_clitic_follows_the_harmony_of_the_last_compound_part() -> None:
    word = "Tiketissäkään"
    assert fit("tukipyyntö", word, analyze(word)[0]) == ("Tukipyynnössäkään", True)


def test_a_compound_part_the_alternative_already_has_is_not_doubled() -> None:
    word = "Tukitikettisi"
    a = analyze(word)[0]
    assert [p.lemma for p in a.parts] == ["tuki", "tiketti"]
    assert fit("tukipyyntö", word, a, 1, 2) == ("Tukipyyntösi", True)


@pytest.mark.parametrize(("word", "expected"), [
    ("reklamaatiossaan", "valituksessaan"), ("reklamaatiollaan", "valituksellaan"), ("reklamaationsa", "valituksensa"),
])
def test_third_person_possessive_prefers_the_lengthened_vowel(word: str, expected: str) -> None:
    assert fit("valitus", word, reading(word, "reklamaatio"))[0] == expected


@pytest.mark.parametrize(("word", "mood", "person", "expected"), [
    ("buukkaa", "indicative", "3", "varaa"),  # a contracted verb: present = connegative = imperative
    ("prosessoi", "imperative", "2", "käsittele"),  # the connegative after 'emme'
])
def test_verb_forms_read_once_for_several_slots(word: str, mood: str, person: str, expected: str) -> None:
    if word == "prosessoi":
        skip_on_pyvoikko('prosessoi: no imperative reading')
    from dataclasses import replace

    a = analyze(word)[-1] if word == "prosessoi" else analyze(word)[0]
    target = replace(a, mood=mood, person=person)
    assert fit("varata" if word == "buukkaa" else "käsitellä", word, target) == (expected, True)


#: Words outside the shipped table (our own choice: rare verbs and nouns, a compound) and what is
#: asked of them: the first form of a signature, as the rules ask (me-form, 3rd person, passive,
#: a plural participle, a genitive, a plural inessive).
FIRST_FORM_WORDS = ("kipuilla", "höylätä", "sorvata", "piirustusteline", "kaarnalaiva", "vahakangas", "jäkälä")
FIRST_FORM_ASKS = {
    "me": lambda sig: sig[0] == "V" and sig[3] == "1" and sig[2] == "plural" and sig[4] == "indicative",
    "3rd": lambda sig: sig[0] == "V" and sig[3] == "3" and sig[4] == "indicative" and sig[5] == "present_simple",
    "passive": lambda sig: sig[0] == "V" and sig[3] == "4" and sig[4] == "indicative",
    "participle": lambda sig: sig[8] == "past_active" and sig[1] == "nimento" and sig[2] == "plural" and not sig[7],
    "genitive": lambda sig: sig[0] == "N" and sig[1] == "omanto" and sig[2] == "singular" and not sig[7] and not sig[8],
    "inessive plural": lambda sig: sig[0] == "N" and sig[1] == "sisaolento" and sig[2] == "plural" and not sig[7],
}


@pytest.mark.parametrize("word", FIRST_FORM_WORDS)
def test_first_form_is_the_paradigms_first(word: str) -> None:
    """`first_form` verifies candidates only up to the first match, and gives exactly the form the
    whole paradigm gives first for that signature."""
    from plainfinnish.nlp import inflect

    assert inflect._shipped_paradigm(word, "N") is None  # the lazy path is the one tested
    whole = inflect.generate_paradigm(word, "N")
    assert whole, word
    for name, accept in FIRST_FORM_ASKS.items():
        expected = next((form for sig, form in whole.items() if accept(sig)), None)
        assert inflect.first_form(word, "N", accept) == expected, (word, name)
    assert any(inflect.first_form(word, "N", accept) for accept in FIRST_FORM_ASKS.values())
