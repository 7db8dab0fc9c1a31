"""Both Voikko backends give the same analyses for inflected words and compounds."""

from __future__ import annotations

import pytest

from plainfinnish.nlp import voikko

WORDS = [
    "reklamaatiolomakkeella", "reklamaatiollannekin", "maksusuorituksesi", "asiakasreklamaatio",
    "Lähetämme", "käsitellään", "ottakaa", "laskujen", "tilaukseesikin", "perintätoimenpiteisiin",
]


def _summary(analyses):
    return sorted(
        (a.baseform, a.word_class, a.case, a.number, a.person, a.mood, a.possessive, a.focus,
         tuple(p.lemma for p in a.parts))
        for a in analyses
    )


@pytest.fixture(scope="module")
def backends():
    if not voikko.native_available():
        pytest.skip("native libvoikko is not installed (Debian libvoikko1 + voikko-fi)")
    return voikko.NativeBackend(), voikko.PureBackend()


@pytest.mark.parametrize("word", WORDS)
def test_native_and_pure_agree(backends, word):
    native, pure = backends
    from plainfinnish.nlp.voikko import _to_analysis

    native_analyses = [_to_analysis(f, a) for f, a in native.raw(word)]
    pure_analyses = [_to_analysis(f, a) for f, a in pure.raw(word)]
    assert native_analyses, word
    assert _summary(native_analyses) == _summary(pure_analyses)


def test_compound_parts_and_inflection_of_the_backend_in_use():
    (analysis,) = voikko.analyze("reklamaatiolomakkeella")
    assert analysis.baseform == "reklamaatiolomake"
    assert [p.lemma for p in analysis.parts] == ["reklamaatio", "lomake"]
    assert (analysis.case, analysis.number) == ("ulkoolento", "singular")
    clitic = voikko.analyze("reklamaatiollannekin")[0]
    assert (clitic.baseform, clitic.possessive, clitic.focus) == ("reklamaatio", "2p", "kin")
    verb = voikko.analyze("Lähetämme")[0]
    assert (verb.baseform, verb.person, verb.number, verb.mood) == ("lähettää", "1", "plural", "indicative")
    derived = voikko.analyze("maksusuorituksesi")[0]
    assert [p.lemma for p in derived.parts] == ["maksu", "suoritus"]


def test_unknown_words_have_no_analysis():
    assert voikko.analyze("tsekata") == ()
    assert voikko.analyze("") == ()
    assert voikko.analyze("12345") == ()


def test_syllables_follow_finnish_hyphenation():
    assert voikko.syllables("asiakaspalvelu") == 7  # a-si-a-kas-pal-ve-lu
    assert voikko.syllables("talo") == 2
    assert voikko.syllables("hakemus") == 3


@pytest.mark.parametrize("word", ["tietosuoja-asetus", "tietosuoja-asetuksen", "e-laskun", "kuluttaja-asiamiehelle"])
def test_hyphenated_compounds_keep_one_hyphen_on_both_backends(backends, word):
    from plainfinnish.nlp.voikko import _to_analysis

    native, pure = backends
    native_analyses = [_to_analysis(f, a) for f, a in native.raw(word)]
    pure_analyses = [_to_analysis(f, a) for f, a in pure.raw(word)]
    assert native_analyses, word
    assert all("--" not in a.baseform for a in pure_analyses), [a.baseform for a in pure_analyses]
    assert _summary(native_analyses) == _summary(pure_analyses)
    assert word.split("-", 1)[0] + "-" in native_analyses[0].baseform
