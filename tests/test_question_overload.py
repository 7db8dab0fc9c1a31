"""question-overload: too many questions, and questions in confirmations."""

from __future__ import annotations

RULE = "question-overload"


def findings(lint, text: str, **kwargs):
    return [f for f in lint(text, select=[RULE], **kwargs) if f.rule == RULE]


MARKETING = ("Haluatko säästää? Etsitkö uutta puhelinta? Tarvitsetko suojakuoren? Entä laturin? "
             "Katso tarjoukset verkkokaupasta.")


def test_more_questions_than_the_limit_is_flagged(lint, profile):
    found = findings(lint, MARKETING, profile=profile)
    assert [(f.severity, f.data["questions"]) for f in found] == [("warning", 4)]
    assert found[0].text == "Entä laturin?"  # from the first question over the limit


def test_three_questions_are_within_the_default(lint):
    assert findings(lint, "Haluatko säästää? Etsitkö uutta puhelinta? Tarvitsetko suojakuoren?") == []


def test_limit_is_an_option(lint):
    assert findings(lint, MARKETING, rules={RULE: {"max-questions": 4}}) == []
    assert [f.data["limit"] for f in findings(lint, MARKETING, rules={RULE: {"max-questions": 2}})] == [2]


def test_faq_headings_in_the_customers_voice_are_not_counted(lint, profile):
    faq = ("Voinko muuttaa osoitetta? Voit, jos tilausta ei ole lähetetty.\n\n"
           "Miten voin perua tilauksen? Peru se omilla sivuillasi.\n\n"
           "Milloin saan tilaukseni? Toimitus kestää 2–4 arkipäivää.\n\n"
           "Voinko palauttaa tuotteen? Voit palauttaa sen 14 päivän kuluessa.\n")
    assert findings(lint, faq, profile=profile) == []


def test_question_in_a_confirmation_is_info(lint, profile):
    text = "Kiitos! Hakemuksesi on vastaanotettu. Käsittelemme sen viikon kuluessa. Onko sinulla kysyttävää?"
    found = findings(lint, text, profile=profile)
    assert [(f.severity, f.data["kind"], f.text) for f in found] == [
        ("info", "confirmation-question", "Onko sinulla kysyttävää?")]
    assert found[0].suggestions[0].advice and "Jos sinulla on kysyttävää" in found[0].suggestions[0].text


def test_question_outside_a_confirmation_is_fine(lint):
    assert findings(lint, "Jäikö jotain mieleen? Ostoskorisi odottaa.") == []


def test_confirmation_questions_can_be_turned_off(lint):
    text = "Tilauksesi on vastaanotettu. Lähetämme sen huomenna. Haluatko muistutuksen?"
    assert findings(lint, text)
    assert findings(lint, text, rules={RULE: {"confirmations": False}}) == []


def test_rule_page():
    from plainfinnish.rules import get

    rule = get(RULE)
    assert rule.options["max-questions"].default == 3 and rule.doc_en.title == "Question overload"


def test_faq_page_with_headings_is_not_a_confirmation(lint, profile):
    faq = ("# Usein kysytyt kysymykset: palautukset\n\n## Mitä palautus maksaa?\n\n"
           "Palautus on maksuton, kun käytät tilauksen mukana tullutta palautuslappua.\n")
    assert lint(faq, filename="ukk.md", profile=profile, select=["question-overload", "missing-next-step"]) == []
