"""pushy-upsell by category: several wordings of our own for each pressure construction of
LABELLING.md, and the near misses that must stay quiet (a dated deadline, a neutral call to
action, a factual stock or price line). No sentence here is taken from a corpus text."""

from __future__ import annotations

import pytest

RULE = "pushy-upsell"


def findings(lint, text: str, profile: str = "fast"):
    return [f for f in lint(text, select=[RULE], profile=profile) if f.rule == RULE
            and f.data["category"] != "exclamations"]


def assert_one(found, category: str, core: str) -> None:
    """One finding of the category whose text holds the core words and is at most twice as long
    (the scorer's rule for a hit)."""
    assert [f.data["category"] for f in found] == [category], [(f.data["category"], f.text) for f in found]
    assert core in found[0].text and len(found[0].text) <= 2 * len(core), found[0].text


PRESSURE = {
    "false-urgency": [
        ("Etu katoaa kohta.", "Etu katoaa kohta"),
        ("Kohta tämä tarjous päättyy.", "tarjous päättyy"),
        ("Kampanjahinta on voimassa enää hetken.", "Kampanjahinta on voimassa enää hetken"),
        ("Hinta pätee vain hetken.", "Hinta pätee vain hetken"),
        ("Alennuskoodisi vanhenee pian.", "Alennuskoodisi vanhenee pian"),
        ("Jäsenetu umpeutuu lähipäivinä.", "Jäsenetu umpeutuu lähipäivinä"),
        ("Päättyy tänään!", "Päättyy tänään"),
        ("Ehdit vielä mukaan!", "Ehdit vielä"),
        ("Tarjous päättyy!", "Tarjous päättyy"),
        ("Alennus loppuu {countdown}", "Alennus loppuu"),
        ("Etu päättyy {h} tunnin kuluttua.", "Etu päättyy {h} tunnin kuluttua"),
        ("Kampanjaa on jäljellä {days} päivää.", "Kampanjaa on jäljellä {days} päivää"),
        ("Enää muutama päivä aikaa!", "Enää muutama päivä aikaa"),
        ("TARJOUS PÄÄTTYY PIAN!", "TARJOUS PÄÄTTYY PIAN"),
        ("Alennus on voimassa vain tämän viikon.", "vain tämän viikon"),
        ("Viimeiset tunnit!", "Viimeiset tunnit"),
        ("Aikaa on enää vähän.", "Aikaa on enää vähän"),
        ("Tilaa ennen kuin on liian myöhäistä!", "liian myöhäistä"),
        ("Kampanja loppuu ihan kohta!", "Kampanja loppuu ihan kohta"),
        ("Alennuskoodi vanhenee keskiyöllä.", "Alennuskoodi vanhenee keskiyöllä"),
        ("Rajoitettu tarjous!", "Rajoitettu tarjous"),
        ("Etu voimassa vielä {hours} h!", "Etu voimassa vielä {hours} h"),
        ("Kampanja päättyy {days} päivän päästä!", "Kampanja päättyy {days} päivän päästä"),
        ("Kevätale!\n\nAikaa jäljellä: {countdown}", "Aikaa jäljellä: {countdown}"),
        ("Tarjous!\n\nAikaa jäljellä {h} tuntia", "Aikaa jäljellä {h} tuntia"),
    ],
    "price-threat": [
        ("Hinnat nousevat pian.", "Hinnat nousevat pian"),
        ("Joudumme valitettavasti korottamaan hintoja.", "Joudumme valitettavasti korottamaan hintoja"),
        ("Tilaa ennen hinnankorotusta!", "ennen hinnankorotusta"),
        ("Kuukausimaksu kallistuu kohta.", "Kuukausimaksu kallistuu kohta"),
        ("Tilaa vielä vanhaan hintaan.", "vanhaan hintaan"),
        ("Hinnat nousevat ensi viikolla, joten tilaa.", "Hinnat nousevat ensi viikolla"),
        ("Huomenna hinta on jo korkeampi.", "Huomenna hinta on jo korkeampi"),
        ("Hinta nousee keskiyöllä.", "Hinta nousee keskiyöllä"),
        ("Hinnat nousevat heti vuodenvaihteen jälkeen.", "Hinnat nousevat heti"),
    ],
    "loss-framing": [
        ("Tätä hintaa et saa enää koskaan.", "et saa enää"),
        ("Tällaista tarjousta ei tule uudelleen.", "tarjousta ei tule uudelleen"),
        ("Samaa etua ei tule takaisin.", "etua ei tule takaisin"),
        ("Menetät alennuksesi.", "Menetät alennuksesi"),
        ("Älä menetä tätä tilaisuutta!", "menetä tätä tilaisuutta"),
        ("Jos et tilaa nyt, joudut maksamaan täyden hinnan.", "joudut maksamaan täyden hinnan"),
        ("Muuten joudut aloittamaan alusta.", "joudut aloittamaan alusta"),
        ("Maksat myöhemmin täyden hinnan.", "Maksat myöhemmin täyden hinnan"),
        ("Menetät kaikki kertyneet pisteesi.", "Menetät kaikki kertyneet pisteesi"),
        ("Et saa toista tilaisuutta.", "Et saa toista tilaisuutta"),
        ("Tätä tarjousta ei tule toista kertaa.", "tarjousta ei tule toista kertaa"),
        ("Etusi katoaa, jos et toimi nyt.", "Etusi katoaa"),
        ("Jos odotat, maksat enemmän.", "maksat enemmän"),
    ],
    "scarcity": [
        ("Enää {count} paikkaa vapaana.", "Enää {count} paikkaa vapaana"),
        ("Vain {{ stock }} kpl jäljellä!", "Vain {{ stock }} kpl jäljellä"),
        ("Vapaita paikkoja enää 3.", "paikkoja enää 3"),
        ("Muutama paikka vielä jäljellä!", "Muutama paikka vielä jäljellä"),
        ("Vain pari kappaletta jäljellä.", "Vain pari kappaletta jäljellä"),
        ("Liput loppuvat kohta.", "loppuvat kohta"),
        ("Vain 10 ensimmäistä tilaajaa saa lahjan.", "Vain 10 ensimmäistä tilaajaa"),
        ("Nopeimmat ehtivät mukaan.", "Nopeimmat ehtivät"),
        ("Paikkoja on rajoitetusti.", "Paikkoja on rajoitetusti"),
        ("Lähes loppuunmyyty!", "Lähes loppuunmyyty"),
        ("Paikkoja on enää vähän.", "Paikkoja on enää vähän"),
        ("Erä on lähes loppu.", "lähes loppu"),
        ("Varastossa vain {{ qty }} kappaletta!", "Varastossa vain {{ qty }}"),
    ],
    "social-proof": [
        ("Jo 5 000 asiakasta on tilannut tämän.", "5 000 asiakasta on tilannut"),
        ("Yli 10 000 suomalaista on jo vaihtanut meille.", "10 000 suomalaista on jo vaihtanut"),
        ("12 henkilöä katsoo tätä tuotetta juuri nyt.", "12 henkilöä katsoo"),
        ("Muutkin ovat jo varanneet paikkansa.", "Muutkin ovat jo varanneet"),
        ("Tuhannet perheet ovat jo liittyneet.", "Tuhannet perheet ovat jo liittyneet"),
        ("Tätä tuotetta katsoo nyt 8 muuta.", "katsoo nyt 8 muuta"),
        ("Muutkin haluavat tämän.", "Muutkin haluavat"),
        ("Tämä tuote kiinnostaa muitakin.", "kiinnostaa muitakin"),
        ("Yli 2000 tyytyväistä asiakasta!", "2000 tyytyväistä asiakasta"),
        ("Tänään jo 58 tilausta!", "58 tilausta"),
        ("Viime viikolla tätä ostettiin 300 kertaa.", "ostettiin 300 kertaa"),
        ("Muut asiakkaat ostivat myös nämä.", "Muut asiakkaat ostivat"),
        ("Juuri nyt 23 ihmistä katselee tätä hotellia.", "23 ihmistä katselee"),
    ],
    "nagging": [
        ("Joko päätit?", "Joko päätit"),
        ("Mietitkö vielä?", "Mietitkö vielä"),
        ("Vieläkö harkitset?", "Vieläkö harkitset"),
        ("Etkö ole vielä tilannut?", "Etkö ole vielä tilannut"),
        ("Oletko vielä miettinyt asiaa?", "Oletko vielä miettinyt"),
        ("Joko tilasit?", "Joko tilasit"),
        ("Ettekö vieläkään ole varanneet?", "Ettekö vieläkään ole varanneet"),
    ],
    "pressure": [
        ("Varaa nyt!", "Varaa nyt"),
        ("Tilaa jo tänään.", "jo tänään"),
        ("Nyt kannattaa toimia.", "Nyt kannattaa toimia"),
        ("Nyt on aikasi toimia!", "Nyt on aikasi toimia"),
        ("Nappaa omasi heti.", "Nappaa omasi heti"),
        ("Nyt on oikea aika tilata.", "Nyt on oikea aika tilata"),
        ("Tee tilaus nyt, niin ehdit mukaan.", "Tee tilaus nyt"),
        ("Ilmoittaudu jo tänään!", "Ilmoittaudu jo tänään"),
    ],
    "fomo": [
        ("Älä jää paitsi tästä!", "Älä jää paitsi"),
        ("Älä anna tämän tilaisuuden mennä ohi.", "Älä anna tämän tilaisuuden mennä ohi"),
        ("Älä missaa tätä!", "Älä missaa"),
        ("Et halua jäädä paitsi.", "Et halua jäädä paitsi"),
        ("Älä jää ilman!", "Älä jää ilman"),
        ("Älä päästä tätä tilaisuutta ohi!", "Älä päästä tätä tilaisuutta ohi"),
    ],
    "forced-consent": [
        ("Sinun täytyy hyväksyä evästeet.", "Sinun täytyy hyväksyä evästeet"),
        ("Joudut sallimaan seurannan jatkaaksesi.", "Joudut sallimaan seurannan"),
        ("Sinun pitää hyväksyä markkinointiviestit.", "Sinun pitää hyväksyä markkinointiviestit"),
        ("Palvelun käyttö edellyttää, että hyväksyt kaikki evästeet.", "edellyttää, että hyväksyt kaikki evästeet"),
    ],
    "confirmshaming": [
        ("Ei kiitos, en halua säästää.", "Ei kiitos, en halua säästää"),
        ("Ei kiitos, pidän mieluummin täyden hinnan.", "Ei kiitos, pidän mieluummin täyden hinnan"),
        ("En halua alennusta.", "En halua alennusta"),
        ("Jatkan ilman etuja.", "Jatkan ilman etuja"),
        ("En halua parempaa palvelua.", "En halua parempaa palvelua"),
        ("Ei kiitos, olen tyytyväinen maksamaan enemmän.", "Ei kiitos, olen tyytyväinen maksamaan enemmän"),
        ("Ei kiitos, en välitä säästöistä.", "Ei kiitos, en välitä säästöistä"),
    ],
}


@pytest.mark.parametrize("category, text, core", [(c, t, s) for c, cases in PRESSURE.items() for t, s in cases])
def test_each_category_in_several_wordings(lint, profile, category, text, core):
    assert_one(findings(lint, text, profile), category, core)


@pytest.mark.parametrize("text", [
    # a true, dated deadline or price change is information
    "Tarjous päättyy 31.1.2027.",
    "Etu on voimassa 15.12. asti.",
    "Kampanja päättyy sunnuntaina 12.5. klo 23.59.",
    "Hinnat nousevat 1.3.2027 alkaen.",
    "Kuukausimaksu nousee 2 eurolla 1.4. alkaen.",
    "Jos hinta nousee, kerromme siitä kuukautta ennen.",
    "Hinta ei nouse sopimuskauden aikana.",
    "Sähkön hinta nousi viime vuonna.",
    "Kun kampanja päättyy, hinta palaa normaaliksi.",
    "Tarjous päättyy, kun tuotteet on myyty.",
    "Tarjous päättyy\n\n31.1.2027",
    "Tutustu hinnastoon: hinnat nousivat viime vuonna.",
    "Sinulla on 14 päivää aikaa palauttaa tuote.",
    "Palautusaikaa on jäljellä 3 päivää.",
    "Tuote on loppuunmyyty.",
    "Toimitus kestää vain viikon.",
    "Palvelu on auki vain tämän viikon ajan remontin vuoksi.",
    "Hinta on korkeampi viikonloppuisin.",
    "Sinulla on jo 3 tilausta.",
    "Vain 2 ensimmäistä kuukautta 1 €/kk.",
    "Sinulla on aikaa vain vähän yli viikko.",
    "Jos et halua jäädä ilman paikkaa, ilmoittaudu 10.3. mennessä.",
    "Paikkoja on rajallisesti, joten ilmoittaudu viimeistään 10.3.",
    "Et saa toista alennuskoodia samaan tilaukseen.",
    "Oletko jo varannut paikkasi?",
    "Koe\n\nAikaa jäljellä: {countdown}",  # an exam's clock, no offer
    "Hintojen muutoksista ilmoitamme kuukautta ennen.",
    "Palvelussa on yli 10 000 tuotetta.",
    "Asiakkaamme voivat palauttaa tuotteet maksutta.",
    "Hyväksy vain välttämättömät evästeet.",
    "Ilmoittautuminen päättyy 15.3. klo 16.",
    "Kurssille mahtuu 20 osallistujaa.",
    "Tuote on tilapäisesti loppu.",
    "Jos maksu myöhästyy, perimme viivästyskorkoa.",
    "Evästeet\n\nJos estät evästeet, jotkin toiminnot eivät toimi.",
    "Ehdit muuttaa tilaustasi klo 12 asti.",
    # factual stock and counts
    "Tuotetta on varastossa 12 kpl.",
    "Jäljellä varastossa: 5",
    "Opintopisteitä on jäljellä 10.",
    "Palvelua käyttää 5 000 asiakasta.",
    "Olemme palvelleet jo 5 000 asiakasta.",
    "Moni asiakas on jo kysynyt tästä.",
    "Tuote loppui varastosta. Ilmoitamme, kun sitä on taas saatavilla.",
    "Täyttäminen vie vain hetken.",
    # questions that help rather than nag
    "Unohditko salasanasi?",
    "Unohtuiko jotain ostoskoriin?",  # a plain cart reminder doubts no decision
    "Jätit tuotteita koriin – haluatko jatkaa?",
    "Mietitkö, mikä paketti sopii sinulle? Katso vertailu.",
    "Haluatko varmasti poistaa tilisi?",
    # neutral calls to action and instructions
    "Lue lisää.",
    "Siirry verkkokauppaan.",
    "Vahvista sähköpostiosoitteesi heti.",
    "Maksa lasku heti, niin vältät perintäkulut.",
    "Nyt voit seurata tilaustasi verkossa.",
    # plain refusals and plain consent choices
    "Ei kiitos, en halua tätä venepaikkaa.",
    "En halua uutiskirjettä.",
    "Voit hyväksyä tai hylätä evästeet.",
    "Jos hylkäät evästeet, jotkin toiminnot eivät ehkä toimi.",
    "Välttämättömät evästeet ovat pakollisia sivuston toiminnan kannalta.",
    "Kirjautuminen edellyttää evästeiden sallimista.",
    "Palvelu edellyttää, että hyväksyt käyttöehdot.",
    # an instruction tied to a condition in a service message
    "Hei,\n\nkorttisi on aktivoitu. Toimi heti, jos et tunnista tapahtumaa.\n\nTerveisin\nPankki",
    # a consequence stated in a reminder is not loss framing
    "Hei!\n\nLaskusi 123 on erääntynyt. Jos et maksa sitä 15.1. mennessä, joudut maksamaan viivästyskorkoa.\n\n"
    "Terveisin\nYritys Oy",
])
def test_near_misses_stay_quiet(lint, profile, text):
    assert findings(lint, text, profile) == []


ORDER = "Hei Maija,\n\nkiitos tilauksestasi! Tilauksesi 12345 on vastaanotettu, ja lähetämme sen huomenna.\n\n{}\n\nTerveisin\nKauppa"


@pytest.mark.parametrize("line, core", [
    ("Katso myös nämä tuotteet.", "Katso myös nämä tuotteet"),
    ("Tutustu lisäksi syksyn uutuuksiin!", "Tutustu lisäksi syksyn uutuuksiin"),
    ("Saatat pitää myös näistä.", "Saatat pitää myös näistä"),
    ("Osta samalla lisätakuu tuotteellesi!", "Osta samalla lisätakuu"),
    ("Suosittelemme myös näitä tuotteita.", "Suosittelemme myös näitä tuotteita"),
    ("Löydät myös uusimmat tarjoukset verkkokaupastamme.", "Löydät myös uusimmat tarjoukset"),
    ("Kannattaa tutustua myös kesän uutuuksiin.", "Kannattaa tutustua myös kesän uutuuksiin"),
])
def test_cross_sell_inside_an_order_confirmation(lint, line, core):
    assert_one(findings(lint, ORDER.format(line)), "upsell", core)
    # The same line on a product page is an ordinary offer.
    assert findings(lint, line) == []


@pytest.mark.parametrize("line", [
    "Katso myös ohjeet tuotteen käyttöön.",
    "Voit seurata tilaustasi myös sovelluksessa.",
    "Jos sinulla on kysyttävää, ota yhteyttä.",
    "Suosittelemme säilyttämään kuitin.",
    "Löydät tilauksesi tiedot myös Omat sivut -palvelusta.",
])
def test_help_inside_an_order_confirmation_is_not_cross_sell(lint, line):
    assert findings(lint, ORDER.format(line)) == []


@pytest.mark.parametrize("text, core", [
    ("Peruuta tilaus\n\nEnnen kuin peruutat, kokeile edullisempaa pakettia.", "kokeile edullisempaa pakettia"),
    ("Haluatko varmasti lopettaa jäsenyytesi?\n\nHaluatko sen sijaan pitää tauon?", "Haluatko sen sijaan pitää tauon"),
    ("Irtisanominen\n\nSaat kolme kuukautta 50 %:n alennuksella, jos jatkat jäsenyyttä.", "Saat kolme kuukautta 50 %:n alennuksella"),
])
def test_downsell_inside_a_cancellation(lint, text, core):
    assert_one(findings(lint, text), "downsell", core)


@pytest.mark.parametrize("text", [
    "Tilauksesi on peruttu. Pääsy palveluun päättyy 31.1.2027. Voit tilata uudelleen milloin tahansa.",
    "Voit peruuttaa tilauksen maksutta. Peruutus on ilmainen 14 päivän ajan.",
    "Kokeile edullisempaa pakettia.",  # no cancellation: an ordinary offer
])
def test_cancellation_facts_are_not_downsell(lint, text):
    assert findings(lint, text) == []


@pytest.mark.parametrize("text, cores", [
    ("Evästeasetukset\n\nSuosittelemme hyväksymään kaikki evästeet.\n\nHyväksy kaikki\n\nVain välttämättömät",
     ["Suosittelemme hyväksymään kaikki"]),
    ("Evästeet\n\nSaat parhaan käyttökokemuksen hyväksymällä kaikki evästeet.", ["parhaan käyttökokemuksen hyväksymällä"]),
    ("Evästeet\n\nHyväksy kaikki\n\nVain välttämättömät (huonompi kokemus)", ["huonompi kokemus"]),
    ("Evästeet\n\nHyväksy kaikki\n\nHylkää (sivusto ei toimi kunnolla)", ["Hylkää (sivusto ei toimi"]),
    ("Suosittelemme sallimaan kaikki evästeet, jotta sivusto toimii parhaiten.", ["Suosittelemme sallimaan kaikki"]),
])
def test_consent_nudges(lint, text, cores):
    found = findings(lint, text)
    assert [f.data["category"] for f in found] == ["consent-nudge"] * len(cores)
    assert [f.text for f in found] == cores


def test_consent_choice_worded_neutrally_is_quiet(lint):
    text = ("Evästeasetukset\n\nKäytämme evästeitä sivuston toimintaan ja analytiikkaan. Voit hyväksyä tai "
            "hylätä ne.\n\nHyväksy kaikki\n\nVain välttämättömät")
    assert findings(lint, text) == []


def test_a_drip_email_gives_each_category_once(lint):
    text = "Ostoskorisi odottaa!\n\nJoko päätit? Tuotteet ovat vielä ostoskorissasi. Tilaa nyt, ennen kuin ne loppuvat."
    assert [(f.data["category"], f.text) for f in findings(lint, text)] == [
        ("nagging", "Joko päätit"), ("pressure", "Tilaa nyt"), ("scarcity", "ennen kuin ne loppuvat")]


@pytest.mark.parametrize("language, word", [("fi", "luottamu"), ("en", "trust")])
def test_every_category_says_why_it_costs_trust(language, word):
    from plainfinnish.rules.pushy_upsell import data

    for name, cat in data()["categories"].items():
        why = cat["why_en" if language == "en" else "why_fi"]
        assert word in why.lower(), (name, why)


def test_every_category_has_an_example_on_the_rule_page():
    from plainfinnish.rules import get
    from plainfinnish.rules.pushy_upsell import data

    rule = get(RULE)
    for language in ("fi", "en"):
        page = rule.page(language)
        for name, cat in data()["categories"].items():
            assert cat["name_" + language] in page.example, (language, name)
