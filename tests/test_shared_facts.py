"""Facts computed once and shared (issue 16): each must answer exactly what the question it
replaces answers, on both profiles. Our own sentences: service-message wording, compounds,
placeholders, possessives, participles and words Voikko does not know."""

from __future__ import annotations

import pytest

import plainfinnish
from plainfinnish.nlp import components
from plainfinnish.rules import missing_next_step as mns
from plainfinnish.rules.readability import base_syllables, polysyllabic_word

TEXTS = (
    "Hei {{ name }}! Tilauksesi 12345 on lähetetty, ja pakettisi saapuu noutopisteeseen torstaina.",
    "Asiakaspalvelumme vastaa viestiinne kahden arkipäivän kuluessa. Ystävällisin terveisin, Tukitiimi",
    "Laskunne eräpäivä oli 3.11. Emme ole vielä saaneet maksuanne, joten lisäämme laskuun viivästyskoron.",
    "Kiitos hakemuksestasi! Käsittelemme sen ja ilmoitamme päätöksestä sähköpostitse {date} mennessä.",
    "Lähetetyt tuotteet ja peruutetut varaukset näkyvät tililläsi. Xyzzyplork ei ole sana.",
    "Valitettavasti emme voi myöntää toivomaasi aikaa. Pahoittelemme, jos tästä aiheutuu haittaa.",
)


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_summary_equals_the_questions_it_replaces(text: str, profile: str) -> None:
    doc = plainfinnish.analyze(text, profile=profile)
    for sentence in doc.sents:
        ws = mns.words(sentence)
        summary = mns.sentence_summary(sentence)
        assert summary.owned == any(mns.second_person_owner(t) for t in ws)
        assert summary.lemmas == frozenset().union(*(mns.lemmas(t) for t in ws))
        assert summary.verb_bases == frozenset().union(*(mns.verb_bases(t) for t in ws))
        assert summary.lowers == frozenset(t.lower_ for t in ws)
        assert summary.own_nominative == any(mns.own_nominative(t) for t in ws)
        parts = frozenset(p.lemma.lower() for t in ws for a in mns.analyses(t) if a.is_compound for p in a.parts)
        assert summary.part_lemmas == parts
    # a span that is no whole sentence is summarised from its own words
    part = doc[1:4]
    assert mns.sentence_summary(part).lemmas == frozenset().union(*(mns.lemmas(t) for t in mns.words(part)))


def test_sentence_summary_sees_what_matters() -> None:
    """Not only equal to the slow questions: the summary finds the customer's own case and the
    sender's own unit, and a participle's verb."""
    doc = plainfinnish.analyze(TEXTS[0] + " " + TEXTS[1])
    summaries = [mns.sentence_summary(s) for s in doc.sents]
    assert summaries[0].owned is False and summaries[1].owned  # "Hei {{ name }}!" / "Tilauksesi …"
    assert "lähettää" in summaries[1].verb_bases and "noutopiste" in summaries[1].lemmas
    assert any(s.own_nominative for s in summaries)  # "Asiakaspalvelumme vastaa"


@pytest.mark.parametrize("text", TEXTS)
def test_doc_facts_word_and_tokens(text: str, profile: str) -> None:
    doc = plainfinnish.analyze(text, profile=profile)
    known = components.facts(doc)
    assert known.word == [not t.is_space and not t.is_punct for t in doc]
    toks = components.tokens(doc)
    assert [t.i for t in toks] == list(range(len(doc))) and toks is components.tokens(doc)
    for sentence in doc.sents:
        assert [t.i for t in components.span_tokens(sentence)] == [t.i for t in sentence]


#: Words of every length and shape (our own): short, long, compounds, vowel runs that are one
#: syllable or two, loans and abbreviations.
WORDS = ("talo", "asia", "ilmoitus", "hakemus", "asiakaspalvelu", "toimitusaika", "maailma", "korkeakoulu",
         "radio", "video", "aikaisemmin", "yksinkertaisesti", "keskiviikkona", "tietoa", "ruokailuun", "aie",
         "usa", "alv", "ok", "tiistai", "puolueettomuus", "sähköpostiosoite", "etätyö", "hääyö", "kuuluu")


@pytest.mark.parametrize("least", [3, 4, 5])
def test_polysyllabic_word_answers_as_hyphenation_does(least: int) -> None:
    """The vowel-count shortcut never disagrees with counting Voikko's hyphenation."""
    from plainfinnish.nlp.voikko import analyze

    for word in WORDS:
        for reading in (None, *analyze(word)):
            assert polysyllabic_word(reading, word, least) == (base_syllables(reading, word) >= least), (word, least)
