"""missing-next-step: service messages that leave the customer wondering what happens next."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path

RULE = "missing-next-step"


def findings(lint, text: str, **kwargs):
    return [f for f in lint(text, select=[RULE], **kwargs) if f.rule == RULE]


@pytest.mark.parametrize("text", [
    "Kiitos! Hakemuksesi on vastaanotettu.",
    "Viestisi on lähetetty.",
    "Varauksesi on peruttu",
    "Valitettavasti varauksesi on hylätty.",
    "Ilmoittautumisesi on vastaanotettu.",
])
def test_bare_confirmation_is_flagged_with_a_template(lint, profile, text):
    found = findings(lint, text, profile=profile)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and f.data["kind"] == "missing"
    assert f.text == text.strip()  # a short message: the whole of it
    assert "seuraavaksi" in f.message
    assert f.suggestions and f.suggestions[0].advice and "[asian]" in f.suggestions[0].text


@pytest.mark.parametrize("text", [
    # me-form action verbs, with or without a time
    "Kiitos! Hakemuksesi on vastaanotettu. Käsittelemme sen 5 arkipäivän kuluessa.",
    "Olemme vastaanottaneet tilauksesi. Lähetämme sen huomenna.",
    "Kiitos tilauksestasi! Otamme sinuun yhteyttä mahdollisimman pian.",
    "Olemme vastaanottaneet hakemuksesi. Tulemme ilmoittamaan päätöksestä sähköpostitse.",
    # what the customer gets or can do
    "Tilauksesi on lähetetty. Saat sen pian.",
    "Hakemuksesi on vastaanotettu. Sinun ei tarvitse tehdä mitään.",
    "Tilauksesi on vastaanotettu. Täydennäthän vielä toimitusosoitteen.",
    "Salasanasi uusimista pyydettiin. Valitse uusi salasana klikkaamalla linkkiä.",
    "Käyttäjätilisi on avattu. Voit nyt kirjoittaa viestejä.",
    # a passive action with a time says what and when
    "Tilauksesi on luotu ja lähetetään heti kun maksusi on rekisteröity.",
    # GOV.UK: "We have sent you a confirmation email"
    "Varaus on vastaanotettu ja olemme lähettäneet vahvistuksen sähköpostiisi!",
])
def test_message_with_a_next_step_is_not_flagged(lint, profile, text):
    assert findings(lint, text, profile=profile) == []


def test_tracking_alone_is_not_a_next_step(lint):
    text = "Kiitos tilauksestasi! Tilauksesi on vastaanotettu. Voit seurata tilaustasi verkkokaupassa."
    assert [f.data["kind"] for f in findings(lint, text)] == ["missing"]


def test_generic_help_offer_is_not_a_next_step(lint):
    text = "Hakemuksesi on vastaanotettu. Jos sinulla on kysyttävää, ota yhteyttä asiakaspalveluun."
    assert [f.data["kind"] for f in findings(lint, text)] == ["missing"]


def test_button_labels_are_not_next_steps(lint, profile):
    text = "Tilauksesi on maksettu onnistuneesti. Kiitos tilauksestasi\n\nPalaa alkuun\nOmiin tilauksiin\n"
    assert [f.data["kind"] for f in findings(lint, text, profile=profile)] == ["missing"]


def test_passive_without_time_counts_and_is_flagged_softly_on_request(lint, profile):
    """LABELLING.md: a hidden actor or no time still counts as present; `require-time` asks more."""
    text = "Kiitos! Hakemuksesi on vastaanotettu. Hakemus käsitellään."
    assert findings(lint, text, profile=profile) == []
    found = findings(lint, text, profile=profile, rules={RULE: {"require-time": True}})
    assert [(f.severity, f.data["kind"]) for f in found] == [("info", "passive-no-time")]
    assert found[0].text == "Hakemus käsitellään."


def test_passive_with_time_is_not_flagged(lint):
    assert findings(lint, "Hakemuksesi on vastaanotettu. Hakemus käsitellään kahden viikon kuluessa.") == []


def test_named_organisation_as_actor_is_a_next_step(lint, profile):
    letter = "Hyvät asukkaat,\n\nHissin vuosihuolto on viikolla 11. {}\n\nYstävällisin terveisin,\nIsännöitsijä\n"
    assert findings(lint, letter.format("Huollon suorittaa KONE Oy."), profile=profile) == []
    # The same letter without anyone doing anything: a greeting and a sign-off make it a service message.
    found = findings(lint, letter.format("Pahoittelemme aiheutuvaa haittaa."), profile=profile)
    assert [f.data["kind"] for f in found] == ["missing"]
    assert found[0].text == letter.format("Pahoittelemme aiheutuvaa haittaa.").strip()  # short: the whole message


def test_long_message_finding_is_on_its_last_paragraph(lint):
    text = ("Hei,\n\nKiitos tilauksestasi! Tilauksesi on vastaanotettu. " + "Tilauksen tiedot löytyvät alta. " * 8
            + "\n\nTilauksen summa on 45 euroa.\n\nYstävällisin terveisin,\nKauppa\n")
    found = findings(lint, text)
    assert [f.text for f in found] == ["Tilauksen summa on 45 euroa."]


@pytest.mark.parametrize("text", [
    # glossary definition
    "Vakuutuskausi on aikaväli, jonka ajan vakuutus on voimassa. Vakuutusmaksu tarkistetaan kauden vaihtuessa.",
    # cookie text
    "Käytämme evästeitä parantaaksemme käyttökokemustasi ja analysoidaksemme sivuston liikennettä.",
    # slogan and short UI strings
    "Parasta kahvia jo vuodesta 1952!",
    "Tilaushistoria",
    "Peruutusehdot",
    # privacy statement
    "Rekisterinpitäjä käsittelee henkilötietojasi vain sopimuksen täyttämiseksi.",
    # FAQ answer
    "Miten voin perua kokeilun? Kokeilun voi perua asetuksista milloin tahansa.",
    # a status in a condition is not a report: an FAQ-style instruction
    "Kun tilauksesi on lähetetty, näet seurantakoodin sähköpostissa.",
])
def test_texts_that_are_not_service_messages_are_not_flagged(lint, profile, text):
    assert findings(lint, text, profile=profile) == []


def test_exclude_glob_switches_the_rule_off(lint):
    text = "Kiitos! Hakemuksesi on vastaanotettu."
    assert findings(lint, text, filename="viestit/vastaanotettu.txt")
    rules = {RULE: {"exclude": ["ukk/*"]}}
    assert findings(lint, text, filename="ukk/vastaanotettu.txt", rules=rules) == []
    assert findings(lint, text, filename="viestit/vastaanotettu.txt", rules=rules)


def test_include_glob_makes_any_message_a_service_message(lint):
    text = "Pahoittelemme viivästystä."
    assert findings(lint, text, filename="emails/viive.txt") == []
    found = findings(lint, text, filename="emails/viive.txt", rules={RULE: {"include": ["emails/*"]}})
    assert [f.data["kind"] for f in found] == ["missing"]


def test_front_matter_disables_the_rule(lint):
    body = "Kiitos! Hakemuksesi on vastaanotettu.\n"
    ours = lambda found: [f for f in found if f.rule == RULE]  # noqa: E731
    assert ours(lint(body, filename="viesti.md"))
    front = "---\nplainfinnish:\n  rules:\n    missing-next-step:\n      enabled: false\n---\n"
    assert ours(lint(front + body, filename="viesti.md")) == []


def test_require_time_flags_a_next_step_without_time(lint):
    text = "Tilauksesi on vastaanotettu. Lähetämme sen postitse."
    assert findings(lint, text) == []
    found = findings(lint, text, rules={RULE: {"require-time": True}})
    assert [(f.severity, f.data["kind"]) for f in found] == [("info", "no-time")]


def test_unknown_option_type_is_rejected(lint):
    from plainfinnish.errors import ConfigError

    with pytest.raises(ConfigError):
        lint("Viestisi on lähetetty.", rules={RULE: {"include": "emails/*"}})


def test_rule_page_exists_in_both_languages():
    from plainfinnish.rules import get

    rule = get(RULE)
    assert rule is not None and rule.scope == "document"
    assert "GOV.UK" in " ".join(rule.doc_fi.references) and rule.doc_en.title == "Missing next step"


def test_dev_corpus_f1():
    """On the labelled dev corpus: F1 of 'missing' vs. flagged is at least 0.75."""
    corpus = shared_path("corpus", "dev")
    import plainfinnish

    tp = fp = fn = 0
    for line in (corpus / "labels.jsonl").read_text().splitlines():
        label = json.loads(line)
        path = corpus / label["file"]
        flagged = bool([f for f in plainfinnish.lint(path.read_text(), filename=path.name,
                                                     config={"select": [RULE]}) if f.rule == RULE])
        missing = label["next_step"] == "missing"
        tp += flagged and missing
        fp += flagged and not missing
        fn += missing and not flagged
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.75, (tp, fp, fn)


@pytest.mark.parametrize("text", [
    # the sender's own unit as the actor
    "Kiitos yhteydenotostasi! Asiakaspalvelumme vastaa viestiisi kahden arkipäivän kuluessa.",
    # what will happen, and when, without a person
    "Palautuksesi on käsitelty ja hyvitys on maksettu. Rahat näkyvät tililläsi 1–3 pankkipäivän kuluessa.",
    # an appointment: the customer's next step is to come at the time given
    "Varauksesi on vahvistettu. Tervetuloa hierontaan tiistaina 4.3. klo 14.00.",
])
def test_other_next_steps_with_an_actor_or_a_time(lint, profile, text):
    assert findings(lint, text, profile=profile) == []


def test_timeless_third_person_statement_is_not_a_next_step(lint):
    assert len(findings(lint, "Kiitos! Hakemuksesi on vastaanotettu. Hakemus odottaa käsittelyä.")) == 1
