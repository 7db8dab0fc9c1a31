"""question-overload: too many questions to the customer, or a question in a confirmation.

Questions in the customer's own voice ("Miten voin perua tilauksen?", "Voinko muuttaa
osoitetta?") are FAQ headings, not questions asked of the customer, and are not counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc, Suggestion
from plainfinnish.rules.missing_next_step import classify, readings, trimmed, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def is_question(sentence: "Span") -> bool:
    toks = [t for t in sentence if not t.is_space]
    return any(t.text.endswith("?") or t.text.startswith("?") for t in toks[-3:]) if toks else False


def customer_voice(sentence: "Span") -> bool:
    """A question the customer asks ('Voinko …?', 'Miten voin …?'): an FAQ heading."""
    return any(f.get("Person") == "1" and f.get("Number") == "Sing" for t in words(sentence) for f in readings(t))


class QuestionOverload(Rule):
    id = "question-overload"
    name_fi = "Liikaa kysymyksiä"
    name_en = "Question overload"
    default_severity = "warning"
    scope = "document"
    options = {
        "max-questions": Option(3, "Suurin sallittu määrä asiakkaalle esitettyjä kysymyksiä viestissä.",
                                "Most questions to the customer allowed in one message.", minimum=1),
        "confirmations": Option(True, "Merkitse (info) kysymys vahvistus- tai kuittausviestissä.",
                                "Flag (info) a question in a confirmation or receipt."),
    }
    doc_fi = RuleDoc(
        title="Liikaa kysymyksiä",
        what="Merkitsee viestin, jossa asiakkaalta kysytään enemmän kuin `max-questions` (oletus 3) asiaa, ja "
        "(info) kysymyksen vahvistus- tai kuittausviestissä (”Hakemuksesi on vastaanotettu. Onko sinulla "
        "kysyttävää?”), jossa kysymystä ei tarvita. Asiakkaan omalla äänellä kirjoitettuja UKK-otsikoita "
        "(”Voinko muuttaa toimitusosoitetta?”) ei lasketa.",
        why="Turhat kysymykset väsyttävät ja vievät huomion pois siitä, mitä asiakkaan pitää tietää. Vahvistuksessa "
        "kysymys saa asiakkaan miettimään, pitääkö hänen vastata. Kerro asia väitelauseella ja anna ohje.",
        example="Kiitos tilauksestasi! Onko sinulla kysyttävää? Haluatko uutiskirjeen? Tiesitkö, että meillä on "
        "myös lahjakortteja? Mitä pidit palvelusta?",
        use_instead="Kiitos tilauksestasi! Lähetämme tilauksesi 2 arkipäivän kuluessa. Jos sinulla on kysyttävää, "
        "vastaa tähän viestiin.",
        fix_safety="Korjausta ei tehdä automaattisesti; ehdotus näyttää, miten kysymyksen voi muuttaa ohjeeksi.",
        references=("GOV.UK Design System: Confirmation pages", "Selkokeskus, selkokirjoitusohjeet: rakenteet"),
    )
    doc_en = RuleDoc(
        title="Question overload",
        what="Flags a message that asks the customer more than `max-questions` (default 3) questions, and (info) a "
        "question in a confirmation or receipt, where none is needed (\"Your application has been received. Do "
        "you have questions?\"). FAQ headings in the customer's own voice (\"Can I change my address?\") are not "
        "counted.",
        why="Needless questions tire the customer and distract from what they need to know. In a confirmation a "
        "question makes the customer wonder whether they must reply. State the fact and give an instruction.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Never applied automatically; the suggestion shows how to turn the question into an instruction.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from plainfinnish.nlp.components import doc_text

        text = doc_text(doc)
        if "?" not in text:  # most messages ask nothing: no pass over their sentences
            return
        questions = [s for s in doc.sents if is_question(s) and not customer_voice(s)]
        if not questions:
            return
        limit = int(context.options["max-questions"])
        if len(questions) > limit:
            first, last = questions[limit], questions[-1]
            start, end = trimmed(first.start_char, last.end_char, text)
            message = context.say(
                f"Viestissä on {len(questions)} kysymystä asiakkaalle (raja {limit}). Karsi turhat kysymykset ja "
                "kerro asiat väitelauseina.",
                f"The message asks the customer {len(questions)} questions (limit {limit}). Cut the needless ones "
                "and state things as statements.",
            )
            yield self.finding(context, start, end, message, data={"questions": len(questions), "limit": limit})
        if context.options["confirmations"] and classify(doc).confirmation:
            for sentence in questions:
                start, end = trimmed(sentence.start_char, sentence.end_char, text)
                yield Finding(
                    rule=self.id, severity="info", start=start, end=end,
                    message=context.say(
                        "Vahvistusviestissä kysymys voi hämmentää: asiakas ei tiedä, pitääkö hänen vastata. "
                        "Kerro asia tai anna ohje.",
                        "A question in a confirmation may confuse: the customer does not know whether to reply. "
                        "State the fact or give an instruction.",
                    ),
                    suggestions=[Suggestion(context.say("Jos sinulla on kysyttävää, [kerro mihin ja miten].",
                                                        "If you have questions, [say where and how]."), advice=True)],
                    data={"kind": "confirmation-question"},
                )


RULE = QuestionOverload
