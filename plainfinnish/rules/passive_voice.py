"""passive-voice: an impersonal passive that hides the sender's own action from the reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _data() -> dict:
    from plainfinnish.nlp.splitting import structure_data

    return structure_data()["passive"]


def addresses_reader(sentence: "Span", pronouns: set[str]) -> bool:
    """Does the sentence speak to the reader about their own matter (sinä/te forms)?"""
    for t in sentence:
        a = t._.analysis
        if a is None:
            continue
        if a.possessive in ("2s", "2p") or a.person == "2" or (a.word_class == "asemosana" and a.baseform.lower() in pronouns):
            return True
    return False


def me_form(lemma: str, mood: str | None, tense: str | None) -> str | None:
    """The 1st person plural ('käsittelemme') in the same mood and tense, verified by Voikko."""
    from plainfinnish.nlp.inflect import paradigm
    from plainfinnish.nlp.voikko import analyze

    forms = paradigm(lemma)
    for sig, form in forms.items():
        if sig[0] == "V" and sig[3] == "1" and sig[2] == "plural" and sig[4] == mood and (sig[5] == tense or mood != "indicative") and sig[6] != "true":
            return form
    for sig, form in forms.items():  # 'korjaisi' + 'mme', verified
        if sig[4] == mood == "conditional" and sig[3] == "3" and form.endswith("isi"):
            cand = form + "mme"
            if any(a.baseform == lemma and a.person == "1" and a.number == "plural" and a.mood == mood for a in analyze(cand)):
                return cand
    return None


def perfect_me_form(lemma: str) -> str | None:
    """'käsitelleet' for 'olemme käsitelleet' (past active participle, plural), verified."""
    from plainfinnish.nlp.inflect import paradigm
    from plainfinnish.nlp.voikko import analyze

    forms = paradigm(lemma)
    for sig, form in forms.items():
        if sig[8] == "past_active" and sig[1] == "nimento" and sig[2] == "plural" and not sig[7]:
            return form
    for sig, form in forms.items():  # from the singular: 'käsitellyt' -> 'käsitelleet'
        if sig[8] == "past_active" and sig[1] == "nimento" and sig[2] == "singular" and form.endswith(("ut", "yt")):
            cand = form[:-2] + ("eet")
            if any(a.participle == "past_active" and a.number == "plural" and a.case == "nimento" for a in analyze(cand)):
                return cand
    return None


def _object_as_active(tokens: list["Token"]) -> str | None:
    """The passive's fronted object as the object of an active verb: a nominative singular noun
    without a possessive turns genitive ('Hakemus käsitellään' -> 'Käsittelemme hakemuksen')."""
    from plainfinnish.nlp.inflect import noun_form

    out = []
    for t in tokens:
        a = t._.analysis
        if t._.is_placeholder:
            out.append(t.text + t.whitespace_)
            continue
        if a is None or a.word_class not in ("nimisana", "laatusana", "nimisana_laatusana", "asemosana", "etunimi", "sukunimi", "nimi"):
            return None
        if a.case == "nimento" and a.number == "singular" and not a.possessive:
            form = noun_form(a.baseform, "omanto", "singular")
            if form is None:
                return None
            out.append(form + t.whitespace_)
        elif a.case in ("nimento", "osanto", "omanto") or a.possessive:
            out.append(t.text.lower() + t.whitespace_ if t.i == t.sent.start and a.pos != "PROPN" else t.text + t.whitespace_)
        else:
            return None
    return "".join(out).strip()


class PassiveVoice(Rule):
    id = "passive-voice"
    name_fi = "Passiivi piilottaa tekijän"
    name_en = "Passive hides the actor"
    default_severity = "info"
    scope = "sentence"
    options = {}
    doc_fi = RuleDoc(
        title="Passiivi piilottaa tekijän",
        what="Merkitsee passiivin (”käsitellään”, ”lähetettiin”; tarkalla profiililla myös ”on käsitelty”), kun "
        "virke puhuu lukijalle hänen omasta asiastaan (sinä- tai te-muoto, esim. ”hakemuksesi”) ja tekijä on siis "
        "viestin lähettäjä. Ehdottaa me-muotoa, jonka verbi on taivutettu ja tarkistettu Voikolla. Yleisiä "
        "toteamuksia (”Evästeitä käytetään sivuston toimintaan”) ja sääntöjä kuvaavia verbejä (voidaan, pidetään, "
        "suositellaan) ei merkitä: niissä tekijä ei ole olennainen.",
        why="Passiivi jättää kertomatta, kuka toimii. Kotuksen virkakielitesti (kysymys 6) neuvoo nimeämään "
        "organisaation ja käyttämään me-muotoa; Selkokeskus suosii rakenteita, joissa joku tekee jotakin.",
        example="Hakemuksesi käsitellään kahden viikon kuluessa.",
        use_instead="Käsittelemme hakemuksesi kahden viikon kuluessa.",
        fix_safety="Epävarma: vain kirjoittaja tietää, onko tekijä todella lähettäjä. Ehdotusta ei tehdä automaattisesti.",
        references=("Kotus, Virkakielitesti, kysymys 6", "Selkokeskus, selkokirjoitusohjeet: rakenteet"),
    )
    doc_en = RuleDoc(
        title="Passive hides the actor",
        what="Flags the impersonal passive ('käsitellään'; with the accurate profile also 'on käsitelty') when the "
        "sentence speaks to the reader about their own matter (a sinä/te form such as 'hakemuksesi'), so the actor "
        "is the sender. Suggests the me-form, generated and verified with Voikko. General statements ('Evästeitä "
        "käytetään…') and rule-stating verbs (voidaan, pidetään, suositellaan) are not flagged: precision first.",
        why="The passive hides who acts. Kotus asks for the organisation or the me-form; Selkokeskus prefers "
        "structures in which someone does something.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Unsafe: only the writer knows whether the sender really is the actor; never applied automatically.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        data = _data()
        pronouns = set(data["reader_pronouns"])
        general = set(data["general_verbs"])
        for sentence in doc.sents:
            if not addresses_reader(sentence, pronouns) or any(t.lower_ == "toimesta" for t in sentence):
                continue  # general statement, or the actor is named ("kuljetusliikkeen toimesta")
            for token in sentence:
                a = token._.analysis
                if a is None or token._.is_placeholder:
                    continue
                if a.word_class == "teonsana" and a.person == "4" and a.mood in ("indicative", "conditional") and not a.negative == "true":
                    if a.baseform in general or self._negated(token):
                        continue
                    yield self._finite(context, sentence, token, a)
                elif doc._.profile == "accurate" and a.participle == "past_passive" and token.pos_ in ("VERB", "AUX", "ADJ"):
                    finding = self._perfect(context, token, general)
                    if finding:
                        yield finding

    @staticmethod
    def _negated(token: "Token") -> bool:
        return any(t._.analysis is not None and t._.analysis.word_class == "kieltosana"
                   for t in token.doc[max(token.sent.start, token.i - 3):token.i])

    def _finite(self, context: RuleContext, sentence: "Span", token: "Token", a) -> Finding:
        from plainfinnish.nlp.inflect import follow_case

        message = context.say(
            f"Passiivi ”{token.text}” ei kerro, kuka toimii. Jos toimija olette te, käytä me-muotoa.",
            f"The passive '{token.text}' does not say who acts. If it is you, use the me-form.",
        )
        form = me_form(a.baseform, a.mood, a.tense)
        suggestions = []
        start, end = token.idx, token.idx + len(token.text)
        if form:
            front = [t for t in sentence[: token.i - sentence.start] if not t.is_space]
            obj = _object_as_active(front) if 0 < len(front) <= 3 else None
            if obj:
                start = front[0].idx
                text = f"{follow_case(front[0].text, form)} {obj}"
            else:
                text = follow_case(token.text, form)
            suggestions.append(Suggestion(text, safe=False, start=start, end=end))
        return self.finding(context, token.idx, token.idx + len(token.text), message, suggestions=suggestions,
                            data={"verb": a.baseform, "me_form": form})

    def _perfect(self, context: RuleContext, token: "Token", general: set[str]) -> Finding | None:
        """'on käsitelty' with no agent: 'olemme käsitelleet'."""
        from plainfinnish.nlp.inflect import verb_lemma

        aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_ == "olla"]
        if not aux or any(c.dep_ in ("obl:agent", "nmod:agent") for c in token.children):
            return None
        olla = aux[0]
        oa = olla._.analysis
        if oa is None or oa.person != "3" or oa.mood != "indicative" or self._negated(olla):
            return None
        lemma = verb_lemma(token._.analysis)
        if lemma in general or lemma == token._.analysis.baseform:
            return None
        participle = perfect_me_form(lemma)
        olemme = me_form("olla", "indicative", oa.tense)
        message = context.say(
            f"Passiivi ”{olla.text} {token.text}” ei kerro, kuka toimi. Jos toimija olette te, käytä me-muotoa.",
            f"The passive '{olla.text} {token.text}' does not say who acted. If it was you, use the me-form.",
        )
        suggestions = []
        start, end = min(olla.idx, token.idx), max(olla.idx + len(olla.text), token.idx + len(token.text))
        if participle and olemme and olla.i == token.i - 1:
            from plainfinnish.nlp.inflect import follow_case

            suggestions.append(Suggestion(f"{follow_case(olla.text, olemme)} {participle}", safe=False, start=start, end=end))
        return self.finding(context, start, end, message, suggestions=suggestions, data={"verb": lemma})


RULE = PassiveVoice
