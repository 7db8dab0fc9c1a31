"""missing-next-step decided by what the message does (LABELLING.md, next_step): a status that
states the state, a renewal with its charge date, a cancellation with the end of access and "we
will contact you if needed" have their next step; an auto-reply that only says a message arrived
and an overdue reminder silent on what happens if the bill stays unpaid do not. The messages are
our own wordings."""

from __future__ import annotations

import pytest

RULE = "missing-next-step"


def warnings(lint, text: str, profile: str = "fast"):
    return [f for f in lint(text, select=[RULE], profile=profile) if f.rule == RULE and f.severity == "warning"]


def letter(body: str, sender: str = "Asiakaspalvelu") -> str:
    return f"Hei,\n\n{body}\n\nTerveisin\n{sender}"


PRESENT = [
    # a status update that states the state
    "Pakettisi on matkalla.",
    "Tilauksesi 12345 odottaa noutoa.",
    "Tilauksesi on lähetetty!",
    letter("tilauksesi 4567 on noudettavissa myymälästä."),
    letter("tilauksesi 5555 on käsittelyssä."),
    letter("tilauksesi on toimitettu noutopisteeseen. Nouda paketti 7 päivän kuluessa."),
    letter("tilauksesi odottaa maksuasi. Maksa tilaus 3 päivän kuluessa."),
    # a renewal reminder with the charge date
    letter("tilauksesi uusitaan automaattisesti 1.2.2027. Veloitamme kortiltasi 9,90 €."),
    letter("jäsenyytesi jatkuu automaattisesti. Seuraava veloitus tehdään 1.3.2027."),
    letter("vuositilauksesi uusiutuu 15.2.2027. Veloitamme silloin 59 € tallennetulta kortiltasi."),
    # a date given by a template placeholder
    "Hei {name},\n\ntilauksesi uusiutuu automaattisesti {renewal_date}.\n\nTerveisin\nPalvelu",
    "Hei {{ name }},\n\ntilauksesi on peruttu. Voit käyttää palvelua {{ end_date }} asti.\n\nTerveisin\nPalvelu",
    "Hei %{name},\n\njäsenyytesi päättyy %{date}.\n\nTerveisin\nKerho",
    # a cancellation notice with the end of access, and an ended service
    letter("tilauksesi on peruttu. Voit käyttää palvelua 31.1.2027 asti."),
    letter("irtisanomisesi on vastaanotettu. Pääsysi palveluun päättyy 31.1.2027."),
    letter("olet irtisanonut sopimuksesi. Sopimus päättyy 31.3.2027, ja siihen asti voit käyttää palvelua."),
    letter("jäsenyytesi on päättynyt. Kiitos, että olit mukana!"),
    letter("tilauksesi on peruttu. Pääsysi on voimassa 31.1.2027 asti."),
    letter("tilisi suljetaan 31.1.2027."),
    letter("irtisanomisesi astuu voimaan 1.3.2027."),
    letter("tilauksesi jatkuu automaattisesti. Seuraava veloituspäivä on 1.2.2027."),
    letter("jäsenyytesi uusitaan 1.2.2027 ja kortiltasi veloitetaan 49 €."),
    letter("tilauksesi on valmis noudettavaksi."),
    letter("pakettisi on saapunut noutopisteeseen."),
    "Tilauksesi on pakattu ja lähtee huomenna.",
    letter("hakemuksesi on käsittelyssä. Saat päätöksen sähköpostiisi."),
    letter("tilauksesi #4411 on nyt pakattu ja luovutettu Postille. Seurantalinkki: {link}"),
    letter("ajanvarauksesi on vahvistettu: maanantai 3.3. klo 10.00, Hammaslääkäri Virtanen."),
    "Paketti on toimitettu noutopisteeseen. Nouda se viimeistään 12.3.",
    # "we will contact you if needed" and replies with a time
    letter("kiitos palautteestasi. Otamme sinuun tarvittaessa yhteyttä."),
    letter("kiitos viestistäsi! Olemme vastaanottaneet sen. Otamme sinuun yhteyttä tarvittaessa."),
    "Kiitos yhteydenotostasi! Vastaamme viestiisi kahden arkipäivän kuluessa.",
    letter("kiitos yhteydenotostasi. Palaamme asiaan pian."),
    letter("kiitos hakemuksestasi. Asiakaspalvelumme on sinuun yhteydessä tarvittaessa."),
    letter("kiitos ilmoittautumisestasi! Otamme yhteyttä, jos tarvitsemme lisätietoja."),
    letter("hakemuksesi on vastaanotettu. Käsittelemme sen kahden viikon kuluessa."),
    # an overdue reminder that says what happens if the bill stays unpaid
    letter("laskusi 987 on erääntynyt. Jos laskua ei makseta 14 päivän kuluessa, se siirtyy perintään."),
    letter("laskusi on erääntynyt. Perimme 5 euron muistutusmaksun, jos laskua ei makseta 10.2. mennessä."),
    letter("laskusi 123 on erääntynyt. Maksathan sen 15.1. mennessä, muuten lasku siirtyy perintään."),
    letter("laskusi 123 on vielä maksamatta. Muussa tapauksessa lasku siirtyy perintään."),
    letter("laskusi 123 on erääntynyt. Laskuun lisätään viivästyskorko."),
    letter("laskusi on erääntynyt. Palvelu suljetaan, jos laskua ei makseta 14 päivän kuluessa."),
    # a bill that is not overdue: leaving fees unpaid is the customer's choice here
    letter("maksathan jäsenmaksun 15.3. mennessä. Jos haluat luopua paikastasi, voit jättää maksut maksamatta."),
    # regret with a way forward
    letter("valitettavasti hakemuksesi on hylätty. Voit hakea muutosta 30 päivän kuluessa."),
    letter("valitettavasti tilaamasi tuote on loppunut varastosta. Toimitamme sen arviolta 2 viikon kuluessa."),
]

MISSING = [
    # an auto-reply that only says the message arrived
    letter("kiitos viestistäsi! Olemme vastaanottaneet sen."),
    "Tämä on automaattinen vastaus. Viestisi on vastaanotettu.\n\nYstävällisin terveisin\nAsiakaspalvelu",
    letter("kiitos yhteydenotostasi. Tämä on automaattinen kuittaus siitä, että viestisi on tullut perille."),
    letter("kiitos viestistäsi. Viestisi on vastaanotettu."),
    letter("kiitos viestistäsi. Tämä on automaattinen vastaus."),
    letter("olemme saaneet viestisi."),
    letter("viestisi on välitetty asiakaspalveluumme."),
    letter("ilmoittautumisesi on rekisteröity."),
    letter("reklamaatiosi on kirjattu järjestelmään."),
    letter("hakemuksesi on siirretty eteenpäin."),
    "Hei {name},\n\nviestisi {id} on vastaanotettu.\n\nTerveisin\nTuki",
    "Kiitos! Viestisi on lähetetty.",
    # an overdue reminder that does not say what happens if unpaid
    letter("laskusi 12345 (eräpäivä 1.12.2026) on erääntynyt. Maksathan sen pian.", "Yritys Oy"),
    letter("laskusi 987 on erääntynyt 1.2.2027.", "Yritys Oy"),
    letter("laskusi 123 on vielä maksamatta. Maksathan sen pian.", "Yritys Oy"),
    letter("maksua laskusta 123 ei ole vielä kirjattu. Pyydämme maksamaan laskun.", "Yritys Oy"),
    letter("laskunne on erääntynyt maksettavaksi. Pyydämme maksamaan sen pikaisesti.", "Yritys Oy"),
    letter("maksusi on myöhässä. Maksathan laskun mahdollisimman pian.", "Yritys Oy"),
    "Maksumuistutus\n\n" + letter("emme ole vielä saaneet maksua laskusta 123. Maksathan laskun 15.1. mennessä. "
                                  "Jos olet jo maksanut, tämä muistutus on aiheeton.", "Yritys Oy"),
    # a help offer for a wish is not what happens next
    letter("hakemuksesi on vastaanotettu. Jos haluat muuttaa hakemustasi, lähetä sähköpostia osoitteeseen "
           "tuki@example.fi."),
    # regret and a decision without a way forward; effort is not a step
    "Hyvä asiakas,\n\nvalitettavasti emme pysty tarjoamaan sinulle paikkaa tällä kaudella.\n\nKysymykset: tuki@example.fi",
    letter("valitettavasti hakemuksesi on hylätty."),
    letter("valitettavasti tilaamasi tuote on loppunut varastosta. Pahoittelemme viivästystä ja teemme parhaamme."),
    # an account option is not a step in the customer's case
    "Kiitos tilauksesta!\n\nVoit kirjautua ulos tililtäsi painamalla painiketta.",
]

NOT_SERVICE = [
    "Valitettavasti emme toimita tuotteita ulkomaille. Toimitamme vain Suomeen.",
    "Usein kysytyt kysymykset\n\nVoinko muuttaa tilaustani? Valitettavasti tilausta ei voi muuttaa lähettämisen jälkeen.",
    "Hyvä tietää, että voit palauttaa tuotteen 14 päivän kuluessa.",
    "Evästeet\n\nKäytämme evästeitä. Voit hyväksyä tai hylätä ne.",
    # marketing letters: nothing of the customer's own case
    letter("kiitos, että olet asiakkaamme. Tässä kuun parhaat tarjoukset sinulle.", "Kauppa"),
    letter("kevätale alkaa! Kaikki kengät -30 %. Tutustu valikoimaan verkkokaupassamme.", "Kenkäkauppa"),
    "Hyvä asiakas,\n\nolemme uudistaneet verkkosivumme. Tutustu uusiin palveluihimme!\n\nTerveisin\nYritys",
]


@pytest.mark.parametrize("text", PRESENT + NOT_SERVICE)
def test_next_step_present_or_not_a_service_message(lint, profile, text):
    assert warnings(lint, text, profile) == []


@pytest.mark.parametrize("text", MISSING)
def test_next_step_missing(lint, profile, text):
    assert len(warnings(lint, text, profile)) == 1


def test_overdue_reminder_names_the_missing_consequence(lint):
    (finding,) = warnings(lint, letter("laskusi 987 on erääntynyt. Maksathan sen pian.", "Yritys Oy"))
    assert finding.data["kind"] == "overdue-no-consequence"
    assert "jos laskua ei makseta" in finding.message
    import plainfinnish

    (en,) = plainfinnish.lint(letter("laskusi 987 on erääntynyt. Maksathan sen pian."),
                              config={"select": [RULE], "language": "en"})
    assert "unpaid" in en.message


def test_a_misspelt_me_form_with_a_time_is_still_a_next_step(lint):
    text = "Moi,\n\ntilauksesi {orderId} käsittelyssä on ilmennyt ongelmia. Tiedoitamme asiasta viikon sisällä.\n\nTerveisin\nKauppa"
    assert warnings(lint, text) == []
    # without the sentence the message leaves the customer wondering
    assert len(warnings(lint, text.replace(" Tiedoitamme asiasta viikon sisällä.", ""))) == 1


def test_goods_dispatched_differ_from_the_customers_own_message_sent(lint):
    assert warnings(lint, "Kiitos! Tilauksesi on lähetetty.") == []
    assert len(warnings(lint, "Kiitos! Palautteesi on lähetetty.")) == 1



def test_a_title_string_is_not_judged_alone(lint):
    """A lone locale string under a title or subject key heads a message; an e-mail grouped from
    sibling strings is judged whole."""
    def yaml_warnings(text):
        return [f for f in lint(text, filename="viestit.yml", select=[RULE]) if f.severity == "warning"]

    assert yaml_warnings('order:\n  title: "Tilauksesi on vastaanotettu"\n') == []
    assert len(yaml_warnings('order:\n  title: "Tilauksesi"\n  body: "Hei! Hakemuksesi on vastaanotettu."\n')) == 1
    assert len(yaml_warnings('order:\n  body: "Hei! Hakemuksesi on vastaanotettu."\n')) == 1
