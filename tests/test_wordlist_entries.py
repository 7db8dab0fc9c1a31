"""The grown wordlists (issue 14.2): the constructions the labelling policy names and each new category,
in several wordings of the team's own, with near misses that must stay quiet.

No sentence here comes from a corpus text. Run through the real pipeline (fast profile, Voikko).
"""

from __future__ import annotations

import pytest

import plainfinnish
from plainfinnish import wordlists


def jargon(text: str) -> dict[str, list[tuple[str, bool]]]:
    findings = plainfinnish.lint(text, config={"select": ["jargon"]})
    return {f.text: [(s.text, s.safe) for s in f.suggestions] for f in findings}


# (message, the flagged text, the first suggestion's text or None when only advice is checked)
FLAGGED = [
    # vastaanottaa for receiving
    ("Olemme vastaanottaneet maksusi.", "vastaanottaneet", "saaneet"),
    ("Vastaanotimme viestisi eilen.", "Vastaanotimme", "Saimme"),
    ("Viestisi on vastaanotettu.", "vastaanotettu", "saatu"),
    # toimittaa in the sense "send documents"
    ("Toimittakaa puuttuvat liitteet viikon sisällä.", "Toimittakaa", "Lähettäkää"),
    ("Pyydämme teitä toimittamaan kopion todistuksesta.", "toimittamaan", "lähettämään"),
    ("Hakemukseen on toimitettava palkkatodistus.", "toimitettava", "lähetettävä"),
    ("Liitteet voi toimittaa postitse osoitteeseen Esimerkkikatu 1.", "toimittaa", "lähettää"),
    # edellä mainittu and its kin
    ("Yllä mainitut ehdot koskevat kaikkia tilauksia.", "Yllä mainitut", None),
    ("Edellä kuvattu muutos tulee voimaan ensi kuussa.", "Edellä kuvattu", "Tämä"),
    ("Edellä esitetyt hinnat sisältävät arvonlisäveron.", "Edellä esitetyt", None),
    # necessity and obligation
    ("Asiakas on velvoitettu ilmoittamaan muutoksista.", "on velvoitettu", None),
    ("Sopimuksen nojalla voimme periä kulut.", "Sopimuksen nojalla", "Sopimuksen mukaan"),
    ("Varaamme oikeuden muuttaa hintoja.", "Varaamme oikeuden", "Voimme"),
    ("Tästä johtuen toimitus viivästyy.", "Tästä johtuen", "Siksi"),
    # verb-weak constructions
    ("Teemme päivityksen yöllä.", "Teemme päivityksen", "Päivitämme"),
    ("Tee peruutus viimeistään päivää ennen.", "Tee peruutus", "Peru"),
    ("Annamme vahvistuksen sähköpostilla.", "Annamme vahvistuksen", "Vahvistamme"),
    ("Esitämme pahoittelumme viivästyksestä.", "Esitämme pahoittelumme", "Pahoittelemme"),
    ("Tätä kirjoitettaessa vika on jo korjattu.", "Tätä kirjoitettaessa", "Nyt"),
    ("Riittävässä määrin tietoa ei ollut saatavilla.", "Riittävässä määrin", None),
    # needless compounds
    ("Korjaustoimenpiteet tehdään ensi viikolla.", "Korjaustoimenpiteet", "Korjaukset"),
    ("Virhetilanteessa ota yhteyttä asiakaspalveluun.", "Virhetilanteessa", None),
    ("Tarjoomaamme kuuluu myös huolto.", "Tarjoomaamme", None),
    # legal terms a decision must keep: advice to explain them at first use
    ("Päätökseen tyytymätön voi tehdä oikaisuvaatimuksen kunnan lautakunnalle.", "oikaisuvaatimuksen", None),
    ("Oikaisuvaatimusaika on 30 päivää.", "Oikaisuvaatimusaika", None),
    ("Ohjeet muutoksenhakuun löytyvät päätöksen liitteestä.", "muutoksenhakuun", None),
    # legal and data protection
    ("Tuomioistuinkäsittely voi kestää vuoden.", "Tuomioistuinkäsittely", "Oikeudenkäynti"),
    ("Siirrämme tietoja kolmansiin maihin vain vakiosopimuslausekkeiden avulla.", "kolmansiin maihin", None),
    ("Siirrämme tietoja kolmansiin maihin vain vakiosopimuslausekkeiden avulla.", "vakiosopimuslausekkeiden", None),
    ("Pseudonymisoimme tiedot ennen analyysia.", "Pseudonymisoimme", None),
    # finance and insurance
    ("Lainan luottokustannukset ovat yhteensä 300 euroa.", "luottokustannukset", None),
    ("Laskutusperusteet löytyvät hinnastosta.", "Laskutusperusteet", None),
    ("Kyseessä on alivakuutus, joten korvaus pienenee.", "alivakuutus", None),
    ("Korvausmäärä määräytyy ehtojen mukaan.", "Korvausmäärä", "Korvaus"),
    # IT, anglicisms, abbreviations
    ("Tyhjennä välimuisti ja lataa sivu uudelleen.", "välimuisti", None),
    ("Notifikaatio tulee puhelimeesi.", "Notifikaatio", "Ilmoitus"),
    ("Scrollaa sivun alalaitaan.", "Scrollaa", None),
    ("Uloskirjaudu palvelusta aina käytön jälkeen.", "Uloskirjaudu", None),
    ("Kick-off pidetään maanantaina.", "Kick-off", "Aloitus"),
    ("Diili on voimassa perjantaihin.", "Diili", "Tarjous"),
    ("Ely myöntää avustukset.", "Ely", None),
]

# near misses: the same words in everyday use, or plain wordings of the same thing
QUIET = [
    ("Vastaanotto on avoinna arkisin.", "Vastaanotto"),
    ("Lääkäri vastaanottaa potilaita tiistaisin.", "vastaanottaa"),
    ("Kuriiri toimittaa lähetyksen kotiisi.", "toimittaa"),
    ("Toimituksesi on matkalla.", "Toimituksesi"),
    ("Mainitsit viestissäsi, että paketti viivästyi.", "Mainitsit"),
    ("Edellä on kerrottu, miten palautus tehdään.", "Edellä"),
    ("Tikkaat ovat seinän nojalla.", "nojalla"),
    ("Velvoitteet on lueteltu sopimuksessa.", "Velvoitteet"),
    ("Varasimme sinulle ajan ja oikean huoneen.", "Varasimme"),
    ("Varaat ajan oikeuden kautta.", "Varaat"),
    ("Teemme parhaamme.", "Teemme"),
    ("Annamme mielellämme lisätietoja.", "Annamme"),
    ("Esitys alkaa seitsemältä.", "Esitys"),
    ("Kolmas maa, jossa vierailimme, oli Italia.", "Kolmas maa"),
    ("Perintä siirtyy ulkopuoliselle yritykselle.", "Perintä"),
    ("Selaa sivun alalaitaan.", "Selaa"),
    ("The kick-off is on Monday.", "kick-off"),
    ("Ota yhteyttä ELY-keskukseen.", "ELY-keskukseen"),
    ("Virheen sattuessa ota yhteyttä asiakaspalveluun.", "Virheen"),
    ("Saat henkilöllisyystodistuksen poliisilta.", "henkilöllisyystodistuksen"),
    ("Kirjaudu verkkopankkiin ja maksa lasku.", "verkkopankkiin"),
    ("Tilausvahvistus lähetetään sähköpostiisi.", "Tilausvahvistus"),
    # a required term explained at first use is not flagged again
    ("Voit tehdä oikaisuvaatimuksen eli pyytää, että päätös tarkistetaan. Lähetä oikaisuvaatimus kirjaamoon.",
     "oikaisuvaatimus"),
]


@pytest.mark.parametrize(("text", "span", "first"), FLAGGED)
def test_new_entries_flag_their_category(text: str, span: str, first: str | None) -> None:
    found = jargon(text)
    assert span in found, found
    if first is not None:
        assert found[span][0][0] == first, found[span]


@pytest.mark.parametrize(("text", "word"), QUIET)
def test_near_misses_stay_quiet(text: str, word: str) -> None:
    found = jargon(text)
    assert not any(word in key or key in word for key in found), found


def test_tilanne_compounds_are_never_safe_fixes() -> None:
    """'Virhetilanteessa' means 'if an error occurs'; 'virheessä' does not say that, so no fix is applied."""
    for suggestions in jargon("Virhetilanteessa tai vikatilanteessa ota yhteyttä meihin.").values():
        assert not any(safe for _, safe in suggestions), suggestions


def test_the_shipped_lists_hold_at_least_800_reviewed_entries() -> None:
    paths = wordlists.shipped_paths()
    if not paths:
        pytest.skip("no shipped wordlists")
    entries = [e for p in paths for e in wordlists.parse_file(p)[0]]
    assert len(entries) >= 800
    assert all(e.explanation and (e.alternatives or e.advice) and e.source_text for e in entries)
