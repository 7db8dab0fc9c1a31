"""long-word: long compounds get a genitive paraphrase verified by Voikko; established terms,
placeholders and URLs are left alone."""

from __future__ import annotations

import pytest
from test_splitting import unknown_words


def findings(lint, text, **kw):
    return lint(text, filename="viesti.txt", select=["long-word"], **kw)


def test_compound_becomes_genitive_phrase_keeping_established_term(lint, profile) -> None:
    (f,) = findings(lint, "Asiakaspalvelukanavavalinta tehdään sivulla.", profile=profile)
    assert f.text == "Asiakaspalvelukanavavalinta"
    assert [s.text for s in f.suggestions] == ["Asiakaspalvelun kanavan valinta"]
    assert "asiakaspalvelu on vakiintunut termi" in f.message


def test_head_keeps_the_case_of_the_compound(lint) -> None:
    (f,) = findings(lint, "Virhe on asiakaspalvelukanavavalinnassa.")
    assert f.suggestions[0].text == "asiakaspalvelun kanavan valinnassa"


def test_plural_genitive_part_is_kept(lint) -> None:
    (f,) = findings(lint, "Henkilötietojenkäsittelyperiaatteet löytyvät sivulta.")
    assert f.suggestions[0].text == "Henkilötietojen käsittelyn periaatteet"


def test_common_compound_stays_together(lint) -> None:
    (f,) = findings(lint, "Laskutusosoitemuutoksessa on virhe.")
    assert f.suggestions[0].text == "Laskutusosoitteen muutoksessa"


def test_plural_attribute_reads_plural(lint) -> None:
    (f,) = findings(lint, "Asiakastietomuutoksen tila näkyy sivulla.")
    assert f.suggestions[0].text == "Asiakastietojen muutoksen"


@pytest.mark.parametrize("text", [
    "Ajoneuvoliikennerekisteriin tehtiin muutoksia.",  # the name of a register
    "Kuluttajariitalautakuntaan voi olla yhteydessä.",  # an institution: not "kuluttajariidan lautakunta"
    "Arvonlisäverovelvollisuus koskee yrityksiä.",  # a legal term: not "arvonlisäveron velvollisuus"
    "Kevätalennusmyyntikampanja alkaa huomenna.",  # no genitive relation: not "kevään alennuksen myynti"
    "Toimitusajankohtamuutos tehdään verkossa.",  # 'ajankohta' would be cut in two
])
def test_no_mechanical_genitive_chain(lint, text) -> None:
    (f,) = findings(lint, text)
    assert f.suggestions == []
    assert "genetiiveiksi" in f.message


def test_established_and_short_compounds_are_fine(lint) -> None:
    text = "Tarkista sähköpostiosoitteesi. Terveyskeskus on auki. Tilausnumero on alla. Verkkopankkitunnus toimii."
    assert findings(lint, text) == []


def test_placeholders_and_urls_are_never_flagged(lint) -> None:
    text = "Avaa https://www.asiakaspalvelukanavavalinta.fi tai kirjoita {{ asiakaspalvelukanavavalinta }} nyt."
    assert findings(lint, text) == []


def test_options_change_the_limits(lint) -> None:
    assert findings(lint, "Tilausvahvistus tuli.", rules={"long-word": {"max-chars": 12}})
    assert not findings(lint, "Asiakaspalvelukanavavalinta tehdään.", rules={"long-word": {"max-chars": 40, "max-parts": 5}})


def test_every_generated_paraphrase_is_known_to_voikko(lint) -> None:
    text = ("Asiakaspalvelukanavavalinta, henkilötietojenkäsittelyperiaatteet, ajoneuvoliikennerekisteriin, "
            "tilausvahvistusviestissäsi ja laskutusosoitetietolomakkeella ovat pitkiä.")
    fs = findings(lint, text)
    assert len(fs) == 5
    assert sum(bool(f.suggestions) for f in fs) == 2
    for f in fs:
        for s in f.suggestions:
            assert not unknown_words(s.text), (f.text, s.text)


def test_everyday_compounds_are_not_flagged(lint):
    text = "Noudathan paketin saapumisilmoituksen mukaan. Ota mukaan henkilöllisyystodistus."
    assert lint(text, select=["long-word"]) == []


def test_two_part_compound_gets_a_note_only(lint) -> None:
    # two parts are how Finnish builds words: "jäsenyyden ilmoittautuminen" is no plainer
    (f,) = findings(lint, "Saat vahvistuksen jäsenyysilmoittautumisesta sähköpostiisi.")
    assert f.text == "jäsenyysilmoittautumisesta" and f.suggestions == []


def test_a_name_in_mid_sentence_is_not_flagged(lint) -> None:
    text = "Hakemuksesi on lähetetty Kuluttajaneuvontapalvelukeskukselle käsiteltäväksi."
    assert findings(lint, text) == []


def test_a_name_at_the_start_of_a_sentence_is_still_checked(lint) -> None:
    (f,) = findings(lint, "Asiakaspalvelukanavavalinta tehdään sivulla.")
    assert f.suggestions


def test_the_same_compound_is_reported_once_per_message(lint) -> None:
    text = ("Jäsenyysilmoittautumisesta saat vahvistuksen. Tarkista jäsenyysilmoittautumisen tiedot. "
            "Muutokset jäsenyysilmoittautumiseen teet verkossa.")
    assert [f.text for f in findings(lint, text)] == ["Jäsenyysilmoittautumisesta"]
