"""The jargon rule on real sentences: lemma and compound matching, patterns, fitted suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

import plainfinnish
from conftest import span_text
from plainfinnish import wordlists
from plainfinnish.errors import ConfigError
from plainfinnish.nlp.voikko import analyze

DATA = Path(__file__).parent / "data" / "wordlists"
TEST_LISTS = sorted(str(p) for p in DATA.glob("*.toml"))


@pytest.fixture(autouse=True)
def only_test_wordlists(monkeypatch, tmp_path):
    """The rule sees the test wordlists (through the `wordlists` config key), not the shipped ones."""
    monkeypatch.setattr(wordlists, "SHIPPED_DIR", tmp_path / "none")


def jargon(text: str, profile: str = "fast", **rule_options):
    config: dict = {"profile": profile, "select": ["jargon"], "wordlists": TEST_LISTS}
    if rule_options:
        config["rules"] = {"jargon": rule_options}
    findings = plainfinnish.lint(text, config=config)
    for f in findings:
        assert span_text(text, f) == f.text  # positions point at the flagged words
    return findings


def texts(findings) -> list[str]:
    return [f.text for f in findings]


@pytest.mark.parametrize("form", ["reklamaatio", "reklamaation", "reklamaatiota", "reklamaatiossa", "reklamaatiosta",
                                  "reklamaatioon", "reklamaatiolla", "reklamaatiolle", "reklamaatiot", "reklamaatioiden",
                                  "reklamaatioita", "reklamaatioissa", "reklamaatioihin", "reklamaatioilla"])
def test_every_inflected_form_is_found(form: str, profile: str) -> None:
    findings = jargon(f"Käsittelemme asian {form} perusteella tänään.", profile)
    assert texts(findings) == [form]
    suggestion = findings[0].suggestions[0]
    original = {(a.case, a.number) for a in analyze(form) if a.baseform == "reklamaatio"}
    assert {(a.case, a.number) for a in analyze(suggestion.text) if a.baseform == "valitus"} & original


def test_suggestion_for_genitive_plural_is_genitive_plural(profile: str) -> None:
    [finding] = jargon("Reklamaatioiden käsittely kestää viikon.", profile)
    [suggestion] = finding.suggestions
    assert suggestion.text in ("Valitusten", "Valituksien") and suggestion.safe
    assert any(a.case == "omanto" and a.number == "plural" for a in analyze(suggestion.text))


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Reklamaationne käsittely on aloitettu.", "Reklamaationne", "Valituksenne"),
    ("Kiitos reklamaatiostasi, vastaamme pian.", "reklamaatiostasi", "valituksestasi"),
    ("Saimme reklamaatiokin ajoissa.", "reklamaatiokin", "valituskin"),
    ("Emme saaneet reklamaatiotakaan ajoissa.", "reklamaatiotakaan", "valitustakaan"),
    ("Täytä reklamaatiolomakkeella tiedot.", "reklamaatiolomakkeella", "valituslomakkeella"),
    ("Käsittelemme asiakasreklamaatiot viikossa.", "asiakasreklamaatiot", "asiakasvalitukset"),
])
def test_possessives_clitics_and_compounds(sentence: str, word: str, expected: str, profile: str) -> None:
    [finding] = jargon(sentence, profile)
    assert finding.text == word
    assert [(s.text, s.safe) for s in finding.suggestions] == [(expected, True)]


def test_compound_false_matches_only_the_whole_word() -> None:
    assert texts(jargon("Toimitamme paketin huomenna.")) == ["Toimitamme"]
    assert jargon("Toimitusjohtaja vastaa kirjeeseen.") == []


def test_unsafe_entry_gives_unsafe_suggestion() -> None:
    [finding] = jargon("Toimitamme paketin huomenna.")
    assert finding.suggestions[0].text == "Lähetämme" and not finding.suggestions[0].safe


@pytest.mark.parametrize(("sentence", "span", "suggestion"), [
    ("Pyydämme teitä suorittamaan maksun eräpäivään mennessä.", "suorittamaan maksun", "maksamaan"),
    ("Maksun suorittaminen onnistuu verkkopankissa.", "Maksun suorittaminen", "Maksaminen"),
    ("Maksu suoritetaan tilille 123.", "Maksu suoritetaan", "Maksetaan"),
    ("Suoritimme maksun eilen.", "Suoritimme maksun", "Maksoimme"),
    ("Teemme päätöksen kahden viikon kuluessa.", "Teemme päätöksen", "Päätämme"),
    ("Päätöksen tekeminen kestää noin viikon.", "Päätöksen tekeminen", "Päättäminen"),
])
def test_multi_word_patterns_in_several_orders(sentence: str, span: str, suggestion: str, profile: str) -> None:
    findings = jargon(sentence, profile)
    assert texts(findings) == [span]
    assert findings[0].suggestions[0].text == suggestion
    assert not findings[0].suggestions[0].safe  # a construction is rewritten by the writer


def test_pattern_does_not_reach_across_clauses(profile: str) -> None:
    assert jargon("Maksu on eräpäivänä, ja suoritetaan tarkastus.", profile) == []
    assert jargon("Maksu peruuntui. Suoritamme tarkastuksen huomenna.", profile) == []


def test_pattern_keeps_the_words_between() -> None:
    [finding] = jargon("Maksu suoritetaan heti tilille.")
    assert finding.text == "Maksu suoritetaan"
    [finding] = jargon("Suoritimme eilen maksun.")
    assert finding.text == "Suoritimme eilen maksun"
    assert finding.suggestions[0].text == "Maksoimme eilen"


def test_message_names_category_and_reason_and_data_for_hover() -> None:
    [finding] = jargon("Mikäli tilaus viivästyy, ilmoitamme.")
    assert finding.message.startswith("Virkakieltä: 'Mikäli' – kirjoita 'Jos'.")
    assert "Mikäli on virkakieltä" in finding.message
    assert finding.data["category"] == "officialese"
    assert finding.data["reason"] == "Mikäli on virkakieltä; jos on tavallinen sana."
    assert finding.data["source"] == "Kotus, Virkakielitesti"
    assert finding.severity == "warning"


def test_severity_comes_from_the_entry_unless_configured() -> None:
    [finding] = jargon("Päätöksen tekeminen kestää.")
    assert finding.severity == "info"
    [finding] = jargon("Päätöksen tekeminen kestää.", severity="error")
    assert finding.severity == "error"


def test_abbreviations_are_flagged_with_written_out_form(profile: str) -> None:
    findings = jargon("Palautathan ko. tuotteen kahden viikon kuluessa. Hinta sisältää ALV:n.", profile)
    assert texts(findings) == ["ko.", "ALV:n"]
    assert findings[0].suggestions[0].text == "kyseisen" and not findings[0].suggestions[0].safe  # agrees with 'tuotteen'
    assert findings[1].suggestions[0].text == "arvonlisäveron"


def test_capitalised_abbreviation_split_by_the_tokenizer() -> None:
    [finding] = jargon("Hinta on hyvä. Ko. tuote on hyvä.")
    assert finding.text == "Ko." and finding.suggestions[0].text == "Kyseinen"


@pytest.mark.parametrize("text", [
    "Hinta sisältää arvonlisäveron (ALV). ALV on 25,5 prosenttia.",
    "Hinta sisältää ALV:n eli arvonlisäveron. ALV on 25,5 prosenttia.",
    "ALV (arvonlisävero) on mukana hinnassa. ALV on 25,5 prosenttia.",
])
def test_abbreviation_explained_at_first_use_is_not_flagged_later(text: str, profile: str) -> None:
    assert jargon(text, profile) == []


def test_abbreviation_used_before_its_explanation_is_flagged() -> None:
    findings = jargon("ALV on mukana. Hinta sisältää arvonlisäveron (ALV). ALV on 25,5 prosenttia.")
    assert [(f.text, f.line, f.column) for f in findings] == [("ALV", 1, 1)]


def test_unknown_words_match_surface_patterns_only_without_analysis(profile: str) -> None:
    findings = jargon("Tsekkaa tilauksesi tila ja vastaa asap.", profile)
    assert texts(findings) == ["Tsekkaa", "asap"]
    assert findings[0].suggestions[0].text == "Tarkistaa" and not findings[0].suggestions[0].safe
    assert "Taivuta" in findings[0].message


def test_allow_option_removes_entries() -> None:
    assert jargon("Reklamaatiosi on vastaanotettu.", allow=["reklamaatio"]) == []
    # a compound the organisation uses as its own term stays, the bare word is still flagged
    findings = jargon("Täytä reklamaatiolomake. Reklamaatiosi on vastaanotettu.", allow=["reklamaatiolomake"])
    assert texts(findings) == ["Reklamaatiosi"]


def test_alternatives_option_overrides_shipped_alternatives() -> None:
    [finding] = jargon("Reklamaatiosi on vastaanotettu.", alternatives={"reklamaatio": ["moite", "palaute"]})
    assert [s.text for s in finding.suggestions] == ["Moitteesi", "Palautteesi"]
    assert all(s.safe for s in finding.suggestions)


def test_bad_alternatives_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="alternatives.reklamaatio"):
        jargon("Reklamaatiosi on vastaanotettu.", alternatives={"reklamaatio": [1]})


def test_bad_wordlist_is_a_config_error_naming_file_and_entry(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text((Path(__file__).parent / "data" / "wordlists-broken" / "badregex.toml").read_text(encoding="utf-8"),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml.*entry 1 \('tsek\(kaa\*'\)"):
        plainfinnish.lint("Tsekkaa tämä.", config={"select": ["jargon"], "wordlists": [str(bad)]})


def test_ambiguous_reading_is_not_safe_in_fast_profile() -> None:
    [finding] = jargon("Kontaktoimme teitä huomenna.")
    assert sorted(s.text for s in finding.suggestions) == ["Otamme yhteyttä", "Otimme yhteyttä"]
    assert not any(s.safe for s in finding.suggestions)


def test_plain_text_gives_no_findings(profile: str) -> None:
    assert jargon("Jos tilauksesi ei ole tullut, ota yhteyttä. Valituksesi käsitellään viikossa.", profile) == []


def test_wordlists_load_once_and_index_by_lemma() -> None:
    paths = [Path(p) for p in TEST_LISTS]
    first = wordlists.load(paths)
    assert wordlists.load(paths) is first
    assert [e.lemma for e in first.by_lemma["reklamaatio"]] == ["reklamaatio"]
    assert {e.label for e in first.by_pattern_word["maksu"]} == {"suorittaa maksu"}


def test_rule_page_is_complete() -> None:
    from plainfinnish.rules.jargon import RULE

    for page in (RULE.doc_fi, RULE.doc_en):
        assert page.what and page.why and page.example and page.use_instead and page.fix_safety and page.references
    assert set(RULE.options) == {"allow", "alternatives", "specialist"}


@pytest.mark.parametrize(("sentence", "span", "suggestion"), [
    ("Lähetys viivästyi lakon johdosta.", "lakon johdosta", "lakon vuoksi"),
    ("Toimitukset viivästyivät lakkojen johdosta.", "lakkojen johdosta", "lakkojen vuoksi"),
])
def test_wildcard_pattern_replaces_the_fixed_word_and_keeps_the_genitive(sentence: str, span: str, suggestion: str,
                                                                          profile: str) -> None:
    [finding] = jargon(sentence, profile)
    assert finding.text == span
    assert [s.text for s in finding.suggestions] == [suggestion]


def test_toimesta_gives_advice_naming_the_doer_never_a_replacement(profile: str) -> None:
    [finding] = jargon("Paketti viedään Postin toimesta huomenna.", profile)
    assert finding.text == "Postin toimesta"
    [advice] = finding.suggestions
    assert advice.advice and not advice.safe
    assert advice.text == "Kerro tekijä: Posti tekee …"
    assert "tekijä" not in finding.data["alternatives"] and "Postin tekijä" not in finding.message
    [lower] = jargon("Asia käsitellään hallituksen toimesta.", profile)
    assert lower.suggestions[0].text == "Kerro tekijä: hallitus tekee …"


@pytest.mark.parametrize(("sentence", "word", "lemma"), [
    # Voikko also reads these as plurals of the adjective "perintätoimenpiteinen" / "häiriötilanteinen"
    ("Perintätoimenpiteisiin ryhdytään, jos laskua ei makseta.", "Perintätoimenpiteisiin", "perintätoimenpide"),
    ("Emme ryhdy perintätoimenpiteisiin vielä.", "perintätoimenpiteisiin", "perintätoimenpide"),
    ("Varaudumme häiriötilanteisiin hyvin.", "häiriötilanteisiin", "häiriötilanne"),
    ("Häiriötilanteessa soita meille.", "Häiriötilanteessa", "häiriötilanne"),
    # the whole-word entry, not the compound part "toimenpide"; another compound still hits the part
    ("Perintätoimenpiteet alkavat huomenna.", "Perintätoimenpiteet", "perintätoimenpide"),
    ("Ylläpitotoimenpiteet alkavat huomenna.", "Ylläpitotoimenpiteet", "toimenpide"),
])
def test_whole_word_entry_wins_and_spurious_derived_readings_do_not_block(sentence: str, word: str, lemma: str,
                                                                           profile: str) -> None:
    [finding] = jargon(sentence, profile)
    assert (finding.text, finding.data["lemma"]) == (word, lemma)


def test_spurious_derived_reading_is_dropped_only_beside_a_noun_reading() -> None:
    from plainfinnish.rules.jargon import _plain_readings

    kept = _plain_readings(analyze("perintätoimenpiteisiin"))
    assert {a.baseform for a in kept} == {"perintätoimenpide"}
    # an -inen adjective with no noun reading of the same form keeps its reading
    assert {a.baseform for a in _plain_readings(analyze("sähköisiin"))} == {a.baseform for a in analyze("sähköisiin")}


@pytest.mark.parametrize(("text", "span", "suggestion"), [
    ("Hinta on hyvä. Ko. tuote on hyvä.", "Ko.", "Kyseinen"),
    ("Hinta on hyvä. Sis. kuljetuksen.", "Sis.", "Sisältää"),
    ("Hinta sis. kuljetuksen.", "sis.", "sisältää"),
    ("Tilaus on valmis. Ml. kuljetus.", "Ml.", "Mukaan lukien"),
    ("Osta kyniä, kumeja jne.", "jne.", "ja niin edelleen"),
])
def test_abbreviations_split_from_their_dot_are_found(text: str, span: str, suggestion: str, profile: str) -> None:
    [finding] = jargon(text, profile)
    assert finding.text == span
    assert finding.suggestions[0].text == suggestion


def test_known_word_before_a_full_stop_is_not_an_abbreviation(profile: str) -> None:
    assert jargon("Pullossa on 5 ml.", profile) == []


@pytest.mark.parametrize(("sentence", "span", "suggestion"), [
    ("Kausitarra tulee kiinnittää näkyvälle paikalle.", "tulee kiinnittää", "pitää kiinnittää"),
    ("Hakemukset tulee lähettää maaliskuussa.", "tulee lähettää", "pitää lähettää"),
    ("Asiakkaan tulee aina ilmoittaa muutoksista.", "tulee aina ilmoittaa", "pitää aina ilmoittaa"),
    ("Sinun tulisi maksaa lasku viikossa.", "tulisi maksaa", "pitäisi maksaa"),
    ("Sinun ei tule maksaa laskua.", "tule maksaa", "pidä maksaa"),
])
def test_tulla_with_an_infinitive_is_the_obligation(sentence: str, span: str, suggestion: str, profile: str) -> None:
    [finding] = jargon(sentence, profile)
    assert finding.text == span
    assert [s.text for s in finding.suggestions] == [suggestion]


@pytest.mark.parametrize("sentence", [
    "Paketti tulee olemaan perillä huomenna.",  # future with the MA-infinitive
    "Tulen hakemaan paketin huomenna.",
    "Kun tulee aika maksaa, lähetämme laskun.",  # a noun between: not the necessive
    "Ne tulevat nähdä sen.",  # plural: the necessive is always 3rd singular
])
def test_tulla_without_the_necessive_is_not_flagged(sentence: str, profile: str) -> None:
    assert jargon(sentence, profile) == []


def test_genitive_wildcard_binds_the_word_right_before_the_postposition(profile: str) -> None:
    [finding] = jargon("Sopimus purkautuu hallituksen päätöksen johdosta.", profile)
    assert finding.text == "päätöksen johdosta"
    assert finding.suggestions[0].text == "päätöksen vuoksi"


def test_suggestion_keeps_a_lowercase_sentence_start() -> None:
    text = "Hei,\n\nreklamaatiosi on käsitelty. Reklamaation käsittely kesti viikon."
    found = {f.text: [s.text for s in f.suggestions] for f in jargon(text)}
    assert found["reklamaatiosi"][0][:1].islower()
    assert found["Reklamaation"][0][:1].isupper()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Teemme päätöksen viikon kuluessa.", ["Teemme päätöksen"]),
    ("Päätöksen tekeminen kestää viikon.", ["Päätöksen tekeminen"]),
    # the genitive belongs to the noun or postposition after it, not to the verb
    ("Oikaisu on tehtävä 30 päivän kuluessa päätöksen tiedoksisaannista.", []),
    ("Päätöksen jälkeen teemme muutoksen.", []),
])
def test_pattern_noun_must_be_the_verbs_object(sentence: str, expected: list[str], profile: str) -> None:
    assert texts(jargon(sentence, profile)) == expected


@pytest.mark.parametrize(("first", "then", "span"), [
    ("Lisää 5 ml vettä ja sekoita.", "Hinta on hyvä. Ml. kuljetus.", "Ml."),
    ("Lisää 5 ml vettä ja sekoita.", "Hinta 20 €, ml. kuljetus.", "ml."),
    ("Hinta sisältää kuljetuksen, ks sivu 3.", "Hinta on hyvä. Sis. kuljetuksen.", "Sis."),
])
def test_a_form_that_matched_nothing_alone_still_matches_glued_to_its_dot(first, then, span, profile) -> None:
    """The rule remembers forms that match nothing (a quick skip), but not where the same form,
    glued to a dot, is an abbreviation of the list."""
    jargon(first, profile)
    assert span in texts(jargon(then, profile))
