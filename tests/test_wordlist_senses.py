"""Word senses in the wordlists (issue 13.3): a word with an everyday sense is flagged only in its jargon sense.

Every sentence here is written by the team for its pattern; none is copied from a corpus text. Each
constrained entry has sentences in both senses, run through the real pipeline (fast profile, Voikko).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import plainfinnish
from plainfinnish import wordlists
from plainfinnish.errors import ConfigError

HEADER = "[wordlist]\ncategory='x'\nname_fi='x'\nname_en='x'\ndescription='x'\n[sources]\nt='x'\n"
ENTRY = "[[entry]]\nlemma='suorittaa'\nalternatives=['maksaa']\nexplanation='x'\nseverity='warning'\nsource='t'\n"


def jargon(text: str) -> dict[str, list[str]]:
    """The jargon findings of a message: finding text -> its suggestions."""
    findings = plainfinnish.lint(text, config={"select": ["jargon"]})
    return {f.text: [s.text for s in f.suggestions] for f in findings}


# (message, the word flagged in its jargon sense, the first suggestion or None for advice only)
JARGON_SENSE = [
    # an everyday compound is one word: "asiakas" inside "asiakaspalvelu" is no customer received
    ("Olemme vastaanottaneet viestisi, ja asiakaspalvelumme vastaa siihen kahden päivän kuluessa.",
     "vastaanottaneet", "saaneet"),
    ("Tarkista paketti vastaanottaessasi se ja ilmoita vioista asiakaspalveluun.", "vastaanottaessasi", None),
    ("Voit suorittaa laskun verkkopankissa.", "suorittaa", None),
    ("Suorituksenne on kirjattu. Laskun summa on nyt maksettu.", "Suorituksenne", "Maksunne"),
    ("Osasuorituksenne 50 euroa on kirjattu laskulle.", "Osasuorituksenne", None),
    ("Ylisuoritus palautetaan tilillenne.", "Ylisuoritus", "Liikamaksu"),
    ("Lasku erääntyy maksettavaksi ensi maanantaina.", "erääntyy maksettavaksi", "on maksettava"),
    ("Lasku erääntyy ensi maanantaina.", "erääntyy", "on maksettava"),
    ("Erääntynyt lasku siirtyy perintään.", "Erääntynyt", "Maksamaton"),
    ("Tuote soveltuu myös lapsille.", "soveltuu", "sopii"),
    ("Valitse käyttöösi soveltuva malli.", "soveltuva", "sopiva"),
    ("Tililläsi ei ollut katetta, joten korttimaksu hylättiin.", "katetta", "rahaa"),
    ("Järjestelmässä havaittiin poikkeama, joka korjattiin.", "poikkeama", "virhe"),
    ("Tarkastuksessa ilmeni, että mittari oli rikki.", "ilmeni", "selvisi"),
    ("Voit tehdä kantelun toimivaltaiselle viranomaiselle.", "toimivaltaiselle", "vastaavalle"),
    ("Voitte antaa vastineen viimeistään perjantaina.", "vastineen", "vastauksen"),
    ("Palvelu annetaan ilman vastiketta.", "vastiketta", "korvausta"),
    ("Oikaisimme laskussa olleen virheen.", "Oikaisimme", "Korjasimme"),
    ("Palvelu käsittää asennuksen ja käyttöopastuksen.", "käsittää", "sisältää"),
    ("Integraatio kirjanpito-ohjelmaan otetaan käyttöön ensi viikolla.", "Integraatio", "Yhteys"),
    ("Tietojen migraatio uuteen järjestelmään tehdään yöllä.", "migraatio", "siirto"),
    ("Avasimme asiastasi tiketin tukeemme.", "tiketin", "tukipyynnön"),
    ("Tilitämme myyntitulot tilillenne kuukausittain.", "Tilitämme", "Maksamme"),
    ("Tilitys näkyy tililläsi maanantaina.", "Tilitys", "Maksu"),
    ("Olemme vastaanottaneet hakemuksesi.", "vastaanottaneet", "saaneet"),
    ("Hakemukseen pitää toimittaa lääkärintodistus.", "toimittaa", "lähettää"),
    ("Olet toimittanut tarvittavat liitteet.", "toimittanut", "lähettänyt"),
    ("Maksamatta on pääoma 120 euroa ja viivästyskorko.", "pääoma", "velka"),
    ("Lainasi marginaali on 0,5 prosenttia.", "marginaali", "lisäkorko"),
    ("Maksuehto on 14 päivää netto.", "netto", None),
    ("Tilausten volyymi kasvoi.", "volyymi", "määrä"),
    ("Agenttimme vastaa chatissa arkisin.", "Agenttimme", "Asiakaspalvelijamme"),
    ("Istuntosi on vanhentunut.", "Istuntosi", None),
    ("Lisenssi on voimassa vuoden.", "Lisenssi", "Käyttöoikeus"),
    ("Jätä review tuotteesta.", "review", "arvostelu"),
    ("Palvelimen kapasiteetti ei riittänyt.", "kapasiteetti", "tila"),
    ("Selaimen sertifikaatti on vanhentunut.", "sertifikaatti", "varmenne"),
    ("Korvausta voidaan sovitella, jos vahinko johtui huolimattomuudesta.", "sovitella", "pienentää"),
]

# the same words in their everyday sense: no jargon finding on them
EVERYDAY_SENSE = [
    ("Vastaanotamme asiakkaita arkisin ajanvarauksella.", "Vastaanotamme"),
    ("Olet suorittanut kurssin hyväksytysti.", "suorittanut"),
    ("Tentin voi suorittaa uudelleen syksyllä.", "suorittaa"),
    ("Opintosuoritusten kirjaus viivästyy, mutta voit suorittaa puuttuvat osat keväällä.", "suorittaa"),  # a compound part
    ("Kurssin suoritus kirjataan opintorekisteriin.", "suoritus"),
    ("Hieno suoritus!", "suoritus"),
    ("Opintojakson osasuoritus kirjataan, kun tentti on arvioitu.", "osasuoritus"),
    ("Ylisuoritus johtaa usein uupumukseen.", "Ylisuoritus"),
    ("Kirjan laina-aika erääntyy huomenna.", "erääntyy"),
    ("Kirjaston erääntyneet lainat pitää palauttaa.", "erääntyneet"),
    ("Sopimukseen soveltuu Suomen laki.", "soveltuu"),
    ("Sopimukseen sovelletaan soveltuvin osin kuluttajansuojalakia.", "soveltuvin"),
    ("Soveltuva laki on Suomen laki.", "Soveltuva"),
    ("Kaupan kate on pieni.", "kate"),
    ("Mittaustuloksessa oli pieni poikkeama viitearvosta.", "poikkeama"),
    ("Jos oireita ilmenee, ota yhteyttä lääkäriin.", "ilmenee"),
    ("Riidat ratkaistaan toimivaltaisessa tuomioistuimessa.", "toimivaltaisessa"),
    ("Saat hyvän vastineen rahallesi.", "vastineen"),
    ("Taloyhtiön hoitovastike nousee. Vastike maksetaan kuukausittain.", "Vastike"),
    ("Voit oikaista metsän läpi.", "oikaista"),
    ("Käsitimme, että haluat perua tilauksen.", "Käsitimme"),
    ("Maahanmuuttajien integraatio yhteiskuntaan vie aikaa.", "integraatio"),
    ("Lintujen migraatio alkaa syksyllä.", "migraatio"),
    ("Konsertin tiketit myytiin loppuun.", "tiketit"),
    ("Hän tilitti tuntojaan pitkään.", "tilitti"),
    ("Kirja on koskettava tilitys elämästä.", "tilitys"),
    ("Vastaanotamme asiakkaita arkisin.", "Vastaanotamme"),
    ("Toimitamme tilauksesi huomenna.", "Toimitamme"),
    ("Kuljettaja toimittaa paketin kotiovellesi.", "toimittaa"),
    ("Yrityksen pääoma kasvoi viime vuonna.", "pääoma"),
    ("Jätä sivulle leveä marginaali.", "marginaali"),
    ("Hinta on netto 100 euroa.", "netto"),
    ("Koulu integroi oppilaat samaan luokkaan.", "integroi"),
    ("Säädä kaiuttimen volyymi pienemmälle.", "volyymi"),
    ("Matka-agentti varasi hotellin.", "Matka-agentti"),
    ("Valtuuston istunto alkaa kello 18.", "istunto"),
    ("Pelaajan lisenssi maksetaan seuralle.", "lisenssi"),
    ("Please review your order before you pay.", "review"),
    ("Your update is ready to install.", "update"),
    ("Akun kapasiteetti on 4000 mAh.", "kapasiteetti"),
    ("Saat kurssista sertifikaatin.", "sertifikaatin"),
    ("Sovittelemme riitaa osapuolten kesken.", "Sovittelemme"),
    ("Ajoneuvovero maksetaan vuosittain.", "Ajoneuvovero"),  # compounds with an official name stay
    ("Moottorin vääntömomentti on suuri.", "vääntömomentti"),
    ("Tarjoustiedustelut käsitellään viikossa.", "Tarjoustiedustelut"),
]


@pytest.mark.parametrize(("text", "span", "first"), JARGON_SENSE)
def test_jargon_sense_is_flagged(text: str, span: str, first: str | None) -> None:
    found = jargon(text)
    assert span in found, found
    if first is not None:
        assert found[span][:1] == [first], found[span]


@pytest.mark.parametrize(("text", "span"), EVERYDAY_SENSE)
def test_everyday_sense_is_left_alone(text: str, span: str) -> None:
    found = jargon(text)
    assert not any(span in key for key in found), found


@pytest.mark.parametrize(("text", "wrong"), [
    ("Ryhdymme perintätoimenpiteisiin, jos laskua ei makseta.", "perintö"),  # collection is not inheritance
    ("Perintätoimenpiteet aloitetaan ensi viikolla.", "perintö"),
    ("Kirjaston erääntyneet lainat pitää palauttaa.", "maksamat"),  # a library loan is not unpaid
    ("Sopimukseen soveltuva laki on Suomen laki.", "sopiva"),  # applicable law is not suitable law
])
def test_wrong_sense_alternatives_are_never_offered(text: str, wrong: str) -> None:
    for suggestions in jargon(text).values():
        assert not any(wrong in s.lower() for s in suggestions), suggestions


# --- the schema ---------------------------------------------------------------------------------


def test_every_shipped_entry_has_reviewed_senses() -> None:
    paths = wordlists.shipped_paths()
    if not paths:
        pytest.skip("no shipped wordlists")
    tables = 0
    for path in paths:
        for entry in wordlists.parse_file(path)[0]:
            assert entry.senses is not None, f"{path.name}: {entry.where}"
            if isinstance(entry.senses, wordlists.Senses):
                tables += 1
                assert entry.senses.jargon and entry.senses.everyday
    assert tables >= 20  # the polysemous entries named in issue 13 and those found in review


def test_a_shipped_entry_without_senses_is_an_error(tmp_path: Path) -> None:
    raw = tomllib.loads(HEADER + ENTRY)
    with pytest.raises(ConfigError, match=r"entry 1 \('suorittaa'\): a shipped entry must say its reviewed 'senses'"):
        wordlists._parse_entry(raw["entry"][0], 0, str(tmp_path / "x.toml"), raw["wordlist"], raw["sources"], shipped=True)


def test_a_users_wordlist_may_omit_senses(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(HEADER + ENTRY, encoding="utf-8")
    (entry,), _ = wordlists.parse_file(path)
    assert entry.senses is None
    assert entry.in_sense(frozenset(), frozenset())


@pytest.mark.parametrize(("senses", "problem"), [
    ("senses = 'two'\n", r"'senses' must be \"one\" or a table"),
    ("[entry.senses]\njargon='maksu'\neveryday='kurssi'\n", r"needs at least one of if_near"),
    ("[entry.senses]\njargon='maksu'\nif_near=['maksu']\n", r"'senses.everyday' must describe"),
    ("[entry.senses]\njargon='maksu'\neveryday='kurssi'\nif_near='maksu'\n", r"'senses.if_near' must be a list of single-word lemmas"),
    ("[entry.senses]\njargon='maksu'\neveryday='kurssi'\nunless_near=['oma kurssi']\n", r"single-word lemmas"),
    ("[entry.senses]\njargon='maksu'\neveryday='kurssi'\nnear=['maksu']\n", r"unknown key\(s\) in 'senses': near"),
])
def test_bad_senses_name_file_and_entry(tmp_path: Path, senses: str, problem: str) -> None:
    path = tmp_path / "own.toml"
    path.write_text(HEADER + ENTRY + senses, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        wordlists.parse_file(path)


def test_sense_conditions_decide_from_sentence_and_message(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(HEADER + ENTRY + "[entry.senses]\njargon='maksu'\neveryday='opinnot'\nif_near=['lasku', 'maksu']\n"
                    "unless_near=['kurssi']\nif_message=['euro']\nunless_message=['kirjasto']\n", encoding="utf-8")
    (entry,), _ = wordlists.parse_file(path)
    assert entry.in_sense({"lasku"}, {"lasku", "euro"})
    assert not entry.in_sense({"lasku", "kurssi"}, {"lasku", "kurssi", "euro"})  # unless_near wins
    assert not entry.in_sense({"tili"}, {"tili", "euro"})  # no if_near lemma in the sentence
    assert not entry.in_sense({"lasku"}, {"lasku"})  # no if_message lemma in the message
    assert not entry.in_sense({"lasku"}, {"lasku", "euro", "kirjasto"})  # unless_message wins


def test_sense_words_are_checked_against_voikko(tmp_path: Path) -> None:
    path = tmp_path / "own.toml"
    path.write_text(HEADER + ENTRY + "[entry.senses]\njargon='maksu'\neveryday='opinnot'\n"
                    "unless_near=['kursseja', 'opinto', 'the']\n", encoding="utf-8")
    problems = wordlists.validate([path])
    assert len(problems) == 1, problems  # 'opinto' is a compound part's base form, 'the' a word Voikko lacks
    assert "sense word 'kursseja' is not a Voikko base form" in problems[0]


def test_lemma_sets_are_built_once_per_message(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = wordlists._lemma_sets
    monkeypatch.setattr(wordlists, "_lemma_sets", lambda doc: calls.append(1) or real(doc))
    text = " ".join(["Tuote soveltuu lapsille ja soveltuva malli löytyy kaupasta."] * 20)
    found = jargon(text)
    assert found and len(calls) == 1


# --- sources ------------------------------------------------------------------------------------


def test_each_entry_credits_its_own_files_source() -> None:
    """Every file defines its own 'plainfinnish' key; each entry shows its own file's text (issue 18.13)."""
    if not wordlists.shipped_paths():
        pytest.skip("no shipped wordlists")
    lexicon = wordlists.load()
    texts = set()
    for entry in lexicon.entries:
        file, key = entry.source.rsplit("#", 1)
        own = tomllib.loads(Path(file).read_text(encoding="utf-8"))["sources"]
        assert lexicon.sources[entry.source] == entry.source_text == own[key], entry.where
        if key == "plainfinnish":
            texts.add(entry.source_text)
    assert len(texts) > 1  # the files' own texts, not one file's text for all
