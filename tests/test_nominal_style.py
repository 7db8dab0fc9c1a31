"""nominal-style: -minen nouns, lauseenvastikkeet and padding postpositions, with verb suggestions."""

from __future__ import annotations

import pytest
from test_splitting import unknown_words


def found(lint, text, profile="fast"):
    return [(f.text, [s.text for s in f.suggestions]) for f in lint(text, profile=profile, select=["nominal-style"])]


@pytest.mark.parametrize("text,span,suggestion", [
    ("Tilattuasi tuotteen saat vahvistuksen.", "Tilattuasi", "Esimerkiksi: ”kun olet tilannut …”"),
    ("Laskun maksamisen jälkeen tilaus lähtee.", "maksamisen jälkeen", "Esimerkiksi: ”kun [kuka] on maksanut …”"),
    ("Täytä lomake tehdessäsi tilausta.", "tehdessäsi", "Esimerkiksi: ”kun teet …”"),
    ("Ota yhteyttä asiakaspalveluun saadaksesi apua.", "saadaksesi", "Esimerkiksi: ”jotta voit saada …”"),
    ("Ottaen huomioon tilanteen hyvitämme sinulle.", "Ottaen huomioon", "kun otetaan huomioon"),
])
def test_structures_get_a_clause_with_the_verb(lint, profile, text, span, suggestion) -> None:
    assert (span, [suggestion]) in found(lint, text, profile)


@pytest.mark.parametrize("text,span", [
    ("Tilauksesi osalta toimitus viivästyy.", "osalta"),
    ("Asiakkaan kannalta tärkeintä on nopeus.", "kannalta"),
    ("Hinta on kohtuullinen laatuun nähden.", "nähden"),
    ("Palvelemme sopimuksen puitteissa.", "puitteissa"),
])
def test_padding_postpositions(lint, text, span) -> None:
    assert [s for s, _ in found(lint, text)] == [span]


@pytest.mark.parametrize("text", [
    "Maksaminen onnistuu verkossa.",  # a -minen subject is plain Finnish
    "Tilaus toimitetaan kuljetusliikkeen toimesta.",  # 'toimesta' is the jargon list's
    "Maksun suorittamisen jälkeen tilaus lähtee.",  # verb-weak pair: the jargon list's
    "Osalta asiakkaista puuttuu osoite.",  # 'osa' as a noun, not after a genitive
    "Kun tilaat tuotteen, saat vahvistuksen.",  # a clause already
    "Käsittelemme hakemuksen viiden päivän kuluessa tai klo 16 mennessä.",  # lexicalised postpositions
])
def test_near_misses(lint, profile, text) -> None:
    assert found(lint, text, profile) == []


def test_piled_structures_flag_the_sentence(lint) -> None:
    text = "Toimitettavat tuotteet ovat käsiteltävinä olevien tilausten joukossa tilaamisen jälkeen."
    spans = [s for s, _ in found(lint, text)]
    assert text in spans


def test_suggested_verbs_are_known_words(lint) -> None:
    text = ("Tilattuasi tuotteen saat viestin. Maksamisen jälkeen lähetämme sen. Kirjautuessasi näet tilauksen. "
            "Palauttaessanne tuotteen saatte hyvityksen. Soita meille saadaksesi apua.")
    fs = [f for f in lint(text, select=["nominal-style"]) if f.suggestions]
    assert len(fs) >= 5
    for f in fs:
        assert not unknown_words(f.suggestions[0].text), f.suggestions[0].text


@pytest.mark.parametrize("text", [
    "Palvelu on käytössä 1.3. lähtien.",
    "Lähetämme tarvittaessa uuden laskun.",
])
def test_lexicalised_postpositions_and_adverbs_are_plain_finnish(lint, text) -> None:
    assert found(lint, text) == []


def test_minen_example_does_not_guess_the_actor(lint) -> None:
    (finding,) = lint("Ilmoitamme sopimuksen päättymisestä erikseen.", select=["nominal-style"])
    assert [s.text for s in finding.suggestions] == ["Esimerkiksi: ”siitä, että [kuka] päättyy …”"]


@pytest.mark.parametrize("text,span,example", [
    ("Ennen maksamista tarkista laskun tiedot.", "Ennen maksamista", "ennen kuin [kuka] maksaa"),
    ("Lähetys viivästyy varaston muuttamisen vuoksi.", "muuttamisen vuoksi", "koska [kuka] muuttaa"),
    ("Tarvitset tunnukset kirjautumista varten.", "kirjautumista varten", "jotta [kuka] voi kirjautua"),
    ("Palvelun käyttämisen edellytyksenä on tunnus.", "käyttämisen edellytyksenä", "jos [kuka] käyttää"),
    ("Tilauksen vahvistamisen jälkeen lähetämme kuitin.", "vahvistamisen jälkeen", "kun [kuka] on vahvistanut"),
    ("Virhe ilmeni laskun maksamisessa.", "maksamisessa", "kun [kuka] maksaa"),
    ("Maksa lasku käyttäen verkkopankkia.", "käyttäen", "käyttämällä"),
])
def test_template_fits_the_construction(lint, text, span, example) -> None:
    assert (span, [f"Esimerkiksi: ”{example} …”"]) in found(lint, text)


def test_construction_without_one_clause_gets_a_note_only(lint) -> None:
    assert found(lint, "Saat hyvityksen tuotteen palauttamisen perusteella.") == [("palauttamisen perusteella", [])]


@pytest.mark.parametrize("text", [
    "Palautusoikeudella tarkoitetaan oikeutta palauttaa tuote neljäntoista päivän kuluessa.",  # a definition
    "Käyttäjällä (jäljempänä asiakas) tarkoitetaan palvelun käyttämiseen rekisteröitynyttä henkilöä.",
    "Tilauksen peruuttamisesta",  # a heading
    "Kiitos tilaamisesta!",  # a set phrase of politeness
    "Hyvä valinta! Teit erinomaisen valinnan.",  # praise of the customer's choice
])
def test_definitions_headings_and_praise_are_left_alone(lint, text) -> None:
    assert found(lint, text) == []


@pytest.mark.parametrize("text,span", [
    ("Otamme yhteyttä tilaukseesi liittyen.", "liittyen"),
    ("Hinta määräytyy sopimukseen perustuen.", "perustuen"),
    ("Toimitus viivästyy sääoloista johtuen.", "johtuen"),
])
def test_postposition_infinitives_get_no_manner_form(lint, text, span) -> None:
    assert found(lint, text) == [(span, [])]


@pytest.mark.parametrize("text,span,suggestion", [
    # an elative -minen after a span of time is a starting point: "since", not "siitä, että"
    ("Voit perua maksun kahden päivän kuluessa laskun lähettämisestä.", "lähettämisestä",
     "Esimerkiksi: ”siitä, kun [kuka] on lähettänyt …”"),
    ("Reklamaatio on tehtävä viikon sisällä tuotteen saapumisesta.", "saapumisesta",
     "Esimerkiksi: ”siitä, kun [kuka] on saapunut …”"),
    ("Hyvitys maksetaan kolme vuorokautta paketin vastaanottamisesta.", "vastaanottamisesta",
     "Esimerkiksi: ”siitä, kun [kuka] on vastaanottanut …”"),
    # near miss: the time word after the noun does not govern it
    ("Ilmoitamme sinulle sopimuksen päättymisestä kuukautta etukäteen.", "päättymisestä",
     "Esimerkiksi: ”siitä, että [kuka] päättyy …”"),
    # voidakseen + infinitive: the clause keeps one "voida"
    ("Voidaksesi käyttää palvelua sinun on kirjauduttava.", "Voidaksesi", "Esimerkiksi: ”jotta voit …”"),
    ("Voidaksemme palvella sinua tarvitsemme osoitteesi.", "Voidaksemme", "Esimerkiksi: ”jotta voimme …”"),
    # wanting and needing are conditions
    ("Halutessasi voit muuttaa tilausta.", "Halutessasi", "Esimerkiksi: ”jos haluat …”"),
    ("Tarvitessasi apua soita meille.", "Tarvitessasi", "Esimerkiksi: ”jos tarvitset …”"),
    ("Tilatessasi tuotteen saat vahvistuksen.", "Tilatessasi", "Esimerkiksi: ”kun tilaat …”"),
])
def test_the_example_fits_the_construction(lint, text, span, suggestion) -> None:
    assert (span, [suggestion]) in found(lint, text)


@pytest.mark.parametrize("text,span", [
    # an illative -minen noun is a purpose as often as "siihen, että": a note, no example
    ("Käytämme evästeitä sivuston parantamiseen.", "parantamiseen"),
    ("Tarvitset tunnuksen palveluun kirjautumiseen.", "kirjautumiseen"),
])
def test_illative_minen_gets_a_note_only(lint, text, span) -> None:
    assert (span, []) in found(lint, text)


@pytest.mark.parametrize("text,span", [
    ("Verkkokauppa kiittää sinua tilin avaamisesta.", "avaamisesta"),  # thanks: a set phrase
    ("Katso ohjeet tilauksen perumisesta alta.", "perumisesta"),  # instructions about it: plain
    ("Lisätietoja paketin palauttamisesta saat asiakaspalvelusta.", "palauttamisesta"),
    ("Jos haluat perua tapaamisen, ota yhteyttä.", "tapaamisen"),  # a meeting, not an act
    ("Muistutamme huomisesta tapaamisesta.", "tapaamisesta"),
])
def test_plain_minen_nouns_are_left_alone(lint, text, span) -> None:
    assert span not in [s for s, _ in found(lint, text)]


def test_information_in_the_genitive_is_the_object_not_the_governor(lint) -> None:
    # "henkilötietojen" is what is removed, not a noun of instructions governing the -minen noun
    assert "poistamisesta" in [s for s, _ in found(lint, "Päätämme henkilötietojen poistamisesta erikseen.")]


@pytest.mark.parametrize("text,span,suggestion", [
    ("Ennen maksamista tarkista laskun tiedot huolellisesti.", "Ennen maksamista",
     "Esimerkiksi: ”ennen kuin [kuka] maksaa …”"),
    ("Tarvitset tunnukset palveluun kirjautumista varten.", "kirjautumista varten",
     "Esimerkiksi: ”jotta [kuka] voi kirjautua …”"),
])
def test_minen_reading_wins_over_the_taggers_rarer_noun(lint, profile, text, span, suggestion) -> None:
    # the accurate tagger reads "maksamista" as a form of "maksama"; Voikko's -minen reading is the word's
    assert (span, [suggestion]) in found(lint, text, profile)


@pytest.mark.parametrize("text,span,suggestion", [
    # 'vuotta' is first read as a form of 'vuo': every reading counts for the time words
    ("Laskut säilytetään kuusi vuotta tilikauden päättymisestä.", "päättymisestä",
     "Esimerkiksi: ”siitä, kun [kuka] on päättynyt …”"),
])
def test_time_words_match_any_reading(lint, text, span, suggestion) -> None:
    assert (span, [suggestion]) in found(lint, text)


@pytest.mark.parametrize("text,span", [
    # the title of a law or regulation is quoted as it stands
    ("Noudatamme asetusta sopimuksen 12 artiklan soveltamisesta pieniin avustuksiin.", "soveltamisesta"),
    ("Tukea myönnetään lain kotitalousvähennyksen myöntämisestä mukaisesti.", "myöntämisestä"),
])
def test_minen_in_the_title_of_a_law_is_left_alone(lint, text, span) -> None:
    assert span not in [s for s, _ in found(lint, text)]


@pytest.mark.parametrize("text,span", [
    ("Myyjä ilmoittaa viivästyksestä ostajalle kertoen samalla uuden toimituspäivän.", "kertoen"),
    ("Palauta tuote lähettäen samalla kuitin kopion.", "lähettäen"),
])
def test_accompanying_act_gets_no_manner_form(lint, text, span) -> None:
    # 'kertoen samalla' is a second act, not how the first is done: 'kertomalla' would change the meaning
    assert (span, []) in found(lint, text)


def test_manner_form_still_offered_without_samalla(lint) -> None:
    assert ("käyttäen", ["Esimerkiksi: ”käyttämällä …”"]) in found(lint, "Maksa lasku käyttäen viitenumeroa.")


@pytest.mark.parametrize("text,span", [
    ("Kuvat ovat aineistoa, jonka käyttämisestä on sovittava kustantajan kanssa.", "käyttämisestä"),
    ("Paketin pakkaamisessa kestää noin tunti.", "pakkaamisessa"),
    ("Tilauksen kokoamisessa menee yleensä kaksi arkipäivää.", "kokoamisessa"),
])
def test_no_clause_example_where_none_fits(lint, text, span) -> None:
    # a relative pronoun cannot take an että clause; "X:ssä menee N päivää" is a duration, not a time
    assert (span, []) in found(lint, text)


def test_inessive_minen_as_a_time_keeps_its_example(lint) -> None:
    assert ("maksamisessa", ["Esimerkiksi: ”kun [kuka] maksaa …”"]) in found(lint, "Virhe ilmeni laskun maksamisessa verkkopankissa.")
