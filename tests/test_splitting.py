"""long-sentence split suggestions: split at clause boundaries, never inside quotes, parentheses
or placeholders; say so when no clean split exists. Every suggested sentence must be Finnish that
Voikko knows, word by word."""

from __future__ import annotations

import re

import pytest

from plainfinnish.nlp.voikko import analyze

NO_SPLIT = "Selvää jakokohtaa ei löytynyt"


def unknown_words(text: str) -> list[str]:
    """Words of a generated rewrite that Voikko does not know (placeholders shown as {…} skipped)."""
    words = re.findall(r"[A-Za-zÅÄÖåäö][\w-]*", text.replace("{…}", ""))
    return [w for w in words if not analyze(w)]


def split_of(lint, text: str, profile: str = "fast") -> str:
    """The split sentence as shown (an applied split must give exactly that text, and is never
    safe); with no clean joint, the note in the message and no applicable suggestion."""
    findings = lint(text, profile=profile, select=["long-sentence"], rules={"long-sentence": {"max-words": 8}})
    assert len(findings) == 1, findings
    (finding,) = findings
    if not finding.suggestions:
        assert NO_SPLIT in finding.message
        return finding.message[finding.message.index(NO_SPLIT):]
    (suggestion,) = finding.suggestions
    assert not suggestion.safe and not suggestion.advice
    assert not unknown_words(suggestion.text), unknown_words(suggestion.text)
    applied = text[:suggestion.start] + suggestion.new_text + text[suggestion.end:]
    assert applied == suggestion.text, (applied, suggestion.text)
    return suggestion.text


def test_split_at_coordinators_between_main_clauses(lint, profile) -> None:
    text = ("Olemme vastaanottaneet tilauksesi ja käsittelemme sen mahdollisimman pian, ja saat "
            "sähköpostiisi vahvistuksen, kun paketti on lähtenyt varastoltamme.")
    assert split_of(lint, text, profile) == (
        "Olemme vastaanottaneet tilauksesi. Käsittelemme sen mahdollisimman pian. "
        "Saat sähköpostiisi vahvistuksen, kun paketti on lähtenyt varastoltamme.")


def test_split_at_comma_between_main_clauses(lint, profile) -> None:
    text = "Tilaus on lähetetty, saat seurantakoodin tekstiviestinä ja voit seurata pakettia verkossa."
    assert split_of(lint, text, profile) == (
        "Tilaus on lähetetty. Saat seurantakoodin tekstiviestinä. Voit seurata pakettia verkossa.")


def test_mutta_starts_the_second_sentence(lint, profile) -> None:
    text = "Asiakaspalvelumme vastaa kysymyksiin arkisin, mutta viikonloppuisin palvelu on suljettu kokonaan."
    assert split_of(lint, text, profile) == (
        "Asiakaspalvelumme vastaa kysymyksiin arkisin. Mutta viikonloppuisin palvelu on suljettu kokonaan.")


def test_relative_clause_becomes_a_sentence_repeating_its_antecedent(lint, profile) -> None:
    text = "Lähetimme sinulle eilen tilaamasi paketin, joka saapuu lähimpään noutopisteeseen kahden arkipäivän kuluessa."
    assert split_of(lint, text, profile) == (
        "Lähetimme sinulle eilen tilaamasi paketin. Paketti saapuu lähimpään noutopisteeseen kahden arkipäivän kuluessa.")


def test_relative_pronoun_case_is_kept(lint) -> None:
    text = "Voit hakea tilaamasi paketin tästä noutopisteestä, jossa sitä säilytetään kahden viikon ajan ennen palautusta."
    assert split_of(lint, text).startswith("Voit hakea tilaamasi paketin tästä noutopisteestä. Noutopisteessä sitä säilytetään")


@pytest.mark.parametrize("text", [
    "Hyvitämme kaikki kulut, jotka syntyvät palautuksesta varastoomme kuluttajansuojalain mukaisesti.",
    "Voit hakea paketin noutopisteestä, jossa sitä säilytetään kahden viikon ajan ennen palautusta.",
])
def test_restrictive_relative_clause_is_not_made_a_claim(lint, text) -> None:
    assert split_of(lint, text).startswith(NO_SPLIT + ". Virkkeen voisi katkaista kohdasta ”jo")


def test_subordinate_clause_is_not_cut_off(lint, profile) -> None:
    # "Jos …" cannot stand alone and "jotta …" neither: no clean split
    text = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa, pyydämme sinua ottamaan yhteyttä "
            "asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen.")
    assert split_of(lint, text, profile).startswith(NO_SPLIT)


def test_clause_without_own_subject_is_not_split(lint, profile) -> None:
    text = "Paketti lähtee varastolta tänään iltapäivällä ja saapuu perille huomenna aamupäivällä."
    assert split_of(lint, text, profile).startswith(NO_SPLIT)


def test_never_inside_quotes(lint) -> None:
    text = 'Asiakas kirjoitti meille: "Tilaus on myöhässä, ja paketti on kadonnut matkalla" eilen illalla.'
    assert split_of(lint, text).startswith(NO_SPLIT)


def test_never_inside_parentheses(lint) -> None:
    text = "Maksa lasku eräpäivään mennessä (voit maksaa sen verkkopankissa, saat kuitin sähköpostiin) kiitos."
    assert split_of(lint, text).startswith(NO_SPLIT)


def test_placeholder_is_kept_whole(lint) -> None:
    text = "Tilauksesi {{ order_id }} on lähetetty tänään, ja {{ carrier }} toimittaa sen noutopisteeseen kahdessa päivässä."
    findings = lint(text, filename="viesti.txt", select=["long-sentence"], rules={"long-sentence": {"max-words": 8}})
    (suggestion,) = findings[0].suggestions
    assert suggestion.text.count("{…}") == 2
    assert "Xph" not in suggestion.text


def test_numbers_and_dates_stay_in_one_piece(lint) -> None:
    text = "Lasku 1 234,50 euroa erääntyy 15.1.2026, ja voit maksaa sen klo 8.30 alkaen verkkopankissa."
    assert "1 234,50 euroa erääntyy 15.1.2026." in split_of(lint, text)


@pytest.mark.parametrize("text,reason", [
    ("Voit tilata ja maksaa tuotteet verkkokaupassamme ympäri vuorokauden myös puhelimella.", "taivutettua verbiä"),
    ("Tarjous on voimassa kevät- ja syyskaudella kaikissa myymälöissämme sekä verkkokaupassa.", "taivutettua verbiä"),
    ("Kerromme sinulle, että paketti on lähtenyt varastolta ja saat koodin tekstiviestinä huomenna.", "jatkaa edellistä sivulausetta"),
    ("Jos paketti ei saavu viikon kuluessa, ota yhteyttä asiakaspalveluumme ja selvitämme asian nopeasti.", "toista ehto"),
    ("Paketti lähtee varastolta tänään iltapäivällä ja saapuu perille huomenna aamupäivällä.", "omaa tekijää"),
])
def test_no_joint_gives_advice_saying_where_and_why(lint, text, reason) -> None:
    advice = split_of(lint, text)
    assert advice.startswith(NO_SPLIT) and reason in advice, advice


def test_advice_points_at_a_clause_before_a_list_item(lint) -> None:
    # the list joints ("loskan ja jään") are no place to cut; the että clause is
    text = ("Pyryn aikana tulee lumen, loskan ja jään poistamisesta huolehtia huolellisesti siten, "
            "että kerroksen paksuus ei kasva kulkuväylillä yli viiden senttimetrin missään vaiheessa päivää.")
    advice = split_of(lint, text)
    assert advice.startswith(NO_SPLIT) and "”että" in advice and "sivulause" in advice, advice


def test_a_list_gets_the_advice_to_write_it_as_bullet_points(lint) -> None:
    text = ("Hakemukseen tarvitaan seuraavat liitteet: palkkatodistus, vuokrasopimus, kopio henkilöllisyystodistuksesta, "
            "tiliote kolmelta kuukaudelta, verotuspäätös viime vuodelta sekä lääkärintodistus tarvittaessa.")
    advice = split_of(lint, text)
    assert advice.startswith(NO_SPLIT) and "luettelomerkein" in advice, advice


def test_clause_facts_are_computed_once_per_sentence(lint) -> None:
    import plainfinnish
    from plainfinnish.nlp.clauses import clauses

    doc = plainfinnish.analyze("Tilaus on lähetetty, ja saat koodin, kun paketti lähtee, jonka löydät sivulta.")
    (sentence,) = doc.sents
    found = clauses(sentence)
    assert clauses(sentence) is found
    assert [c.kind for c in found] == ["main", "main", "subordinate", "relative"]
    assert [c.stands for c in found[:2]] == [True, True]


@pytest.mark.parametrize("text", [
    # a list after a colon, though one item has a verb of its own
    "Syitä viivästykseen ovat: varaston muutto, kuljettajat ovat lomalla, sääolot ja suuri tilausmäärä.",
    # 'jään' is also 'I stay': after 'lumen, loskan ja' it is the next noun of the list
    "Huolehdimme pihalla lumen, loskan ja jään poistamisesta aamuisin ennen seitsemää.",
    # ', eikä …' joins the clause before it
    "Tilaus peruttiin, koska maksua ei saatu, eikä tuotetta ole lähetetty varastolta.",
])
def test_never_inside_lists_or_negated_coordination(lint, text) -> None:
    assert split_of(lint, text).startswith(NO_SPLIT)


def test_no_joint_after_a_full_stop_inside_the_sentence(lint) -> None:
    # the sentencer keeps "37 cm. 18.2. …" together; the split must not cut the verbless part off
    text = "Lunta oli aamulla 37 cm ja illalla 37 cm. 18.2. klo 10 lunta on ollut 37 cm pihalla."
    findings = lint(text, select=["long-sentence"], rules={"long-sentence": {"max-words": 8}})
    for f in findings:
        assert "Illalla 37 cm." not in " ".join(s.text for s in f.suggestions)


def test_silla_as_pronoun_keeps_its_place(lint) -> None:
    # ', sillä on takuu' is 'it has a warranty': the pronoun stays ('Sillä on …'), nothing is dropped
    text = "Lähetimme sinulle uuden laitteen viime viikolla, sillä on kahden vuoden takuu ja ilmainen huolto."
    assert split_of(lint, text) == ("Lähetimme sinulle uuden laitteen viime viikolla. "
                                    "Sillä on kahden vuoden takuu ja ilmainen huolto.")


@pytest.mark.parametrize("text", [
    # a comma between nouns in one case is a list of subjects, not a joint
    "Jos asiakas, myyjä tai kuljetusliike huomaa vaurion paketissa, ilmoitus on tehtävä heti kirjallisesti asiakaspalveluumme sähköpostilla.",
    # the coordination is the first part of a spaced-hyphen compound ("hankinta ja laskutus -tiimi")
    "Mikäli hankinta ja laskutus -tiimin käsittelijä hyväksyy hakemuksen, lähetämme sinulle päätöksen ja maksuohjeet kahden viikon kuluessa sähköpostiisi.",
])
def test_advice_never_points_inside_a_list_or_a_compound_name(lint, text) -> None:
    advice = split_of(lint, text)
    assert "”myyjä tai" not in advice and "”laskutus" not in advice and "”ja laskutus" not in advice, advice


def test_coordinated_infinitives_are_a_list_not_a_verb_without_subject(lint) -> None:
    # 'vaatia', 'vastustaa' continue 'oikeus saada': infinitives of one list, not 3rd-person verbs
    text = ("Sinulla on oikeus saada tiedot itsestäsi, vaatia virheellisen tiedon korjaamista ja vastustaa "
            "tietojen käsittelyä markkinointia varten milloin tahansa ilman erillistä perustetta.")
    advice = split_of(lint, text)
    assert "omaa tekijää" not in advice and "taivutettua verbiä" in advice, advice
