"""passive-voice: an impersonal passive that hides the sender's own action from the reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from plainfinnish.nlp.components import DocFacts
    from plainfinnish.nlp.voikko import Analysis


def _data() -> dict:
    from plainfinnish.nlp.splitting import structure_data

    return structure_data()["passive"]


def addresses_reader(readings: "list[Analysis | None]", pronouns: set[str]) -> bool:
    """Do a sentence's words (their chosen readings) speak to the reader about their own matter
    (sinä/te forms)?"""
    for a in readings:
        if a is None:
            continue
        if a.possessive in ("2s", "2p") or a.person == "2" or (a.word_class == "asemosana" and a.baseform.lower() in pronouns):
            return True
    return False


def me_form(lemma: str, mood: str | None, tense: str | None) -> str | None:
    """The 1st person plural ('käsittelemme') in the same mood and tense, verified by Voikko."""
    from plainfinnish.nlp.inflect import first_form, paradigm
    from plainfinnish.nlp.voikko import analyze

    found = first_form(lemma, "N", lambda sig: sig[0] == "V" and sig[3] == "1" and sig[2] == "plural" and sig[4] == mood
                       and (sig[5] == tense or mood != "indicative") and sig[6] != "true")
    if found is not None:
        return found
    for sig, form in paradigm(lemma).items():  # 'korjaisi' + 'mme', verified
        if sig[4] == mood == "conditional" and sig[3] == "3" and form.endswith("isi"):
            cand = form + "mme"
            if any(a.baseform == lemma and a.person == "1" and a.number == "plural" and a.mood == mood for a in analyze(cand)):
                return cand
    return None


def perfect_me_form(lemma: str) -> str | None:
    """'käsitelleet' for 'olemme käsitelleet' (past active participle, plural), verified."""
    from plainfinnish.nlp.inflect import first_form, paradigm
    from plainfinnish.nlp.voikko import analyze

    found = first_form(lemma, "N", lambda sig: sig[8] == "past_active" and sig[1] == "nimento" and sig[2] == "plural"
                       and not sig[7])
    if found is not None:
        return found
    for sig, form in paradigm(lemma).items():  # from the singular: 'käsitellyt' -> 'käsitelleet'
        if sig[8] == "past_active" and sig[1] == "nimento" and sig[2] == "singular" and form.endswith(("ut", "yt")):
            cand = form[:-2] + ("eet")
            if any(a.participle == "past_active" and a.number == "plural" and a.case == "nimento" for a in analyze(cand)):
                return cand
    return None


_NOMINAL = ("nimisana", "laatusana", "nimisana_laatusana", "asemosana", "etunimi", "sukunimi", "nimi", "paikannimi")
_OBJECT_CASES = ("nimento", "osanto", "omanto", "kohdanto")
_COORDINATING = {"ja", "tai", "sekä", "eli", "vai"}
_PERSONAL = {"minä", "sinä", "hän", "me", "te", "he"}
# A relative pronoun before the passive stays in place; as the object of the me-form the
# nominative singular turns accusative ('joka lähetetään' -> 'jonka lähetämme').
_RELATIVE_OBJECT = {"joka": "jonka", "mikä": "minkä"}


# Recipients before the passive verb move after the me-form ('sinulle lähetämme' is marked order).
_RECIPIENTS = {"sinulle", "teille"}


def _bare_nominative(a: "Analysis") -> bool:
    """A nominative singular without a possessive: the form that turns accusative as an object."""
    return a.case == "nimento" and a.number == "singular" and not a.possessive


def _nominal(t: "Token") -> bool:
    a = t._.analysis
    return a is not None and not t._.is_placeholder and a.word_class in _NOMINAL and a.case in _OBJECT_CASES


def _as_object(tokens: list["Token"], lower_first: bool) -> str | None:
    """A noun phrase as the object of an active verb. A nominative singular without a possessive
    turns accusative (= genitive form: 'Tilaus lähetetään' -> 'Lähetämme tilauksen'); a plural
    nominative, a partitive, a genitive attribute and a possessive form stay as they are."""
    from plainfinnish.nlp.inflect import follow_case, noun_form

    out = []
    for k, t in enumerate(tokens):
        a = t._.analysis
        assert a is not None
        if len({_bare_nominative(r) for r in t._.analyses if r.word_class in _NOMINAL}) > 1:
            return None  # the readings disagree on whether its case must change
        text = t.text.lower() if k == 0 and lower_first and a.pos != "PROPN" else t.text
        if a.case == "nimento" and a.number == "singular" and not a.possessive:
            if a.word_class == "asemosana" and a.baseform.lower() in _PERSONAL:
                return None  # 'hän' -> 'hänet': not the genitive form ('se' -> 'sen', 'tämä' -> 'tämän' are)
            form = noun_form(a.baseform, "omanto", "singular")
            if form is None:
                return None
            text = follow_case(text, form)
        out.append(text + (t.whitespace_ if k < len(tokens) - 1 else ""))
    return "".join(out)


def _phrase_before(sentence: "Span", verb: "Token") -> list["Token"] | None:
    """The noun phrase right before the verb ('Uusi laskusi | lähetetään'), up to four words;
    None when it is only part of a coordinated or listed phrase ('Tilaus ja lasku lähetetään').
    Looks back six words at most: the rule stays linear in the sentence."""
    doc = sentence.doc
    words = [t for t in doc[max(sentence.start, verb.i - 8):verb.i] if not t.is_space][-6:]
    k = len(words)
    while k > 0 and len(words) - k < 4 and _nominal(words[k - 1]):
        k -= 1
    phrase = words[k:]
    if k > 0 and (words[k - 1].text == "," or (words[k - 1].lower_ in _COORDINATING and (k < 2 or words[k - 2].text != ","))):
        return None  # listed, or a coordinated verb sharing its object ('käsitellään ja lähetetään')
    if k > 0 and _nominal(words[k - 1]):
        return None  # a longer phrase than four words
    # A participle in or right before the phrase may have its own complement further left
    # ('tilaukseen liittyvät tiedot', 'sinulle kuuluvat maksut'): moving the phrase would strand it.
    if k > 0 and words[k - 1].text != "," and any(r.participle for t in words[k - 1:] for r in t._.analyses):
        return None
    return phrase


def _phrase_after(sentence: "Span", verb: "Token") -> tuple[list["Token"], list["Token"]]:
    """(the words between, the noun phrase) after the verb: 'lähetetään | huomenna | uusi lasku'.
    Adverbs and recipients ('sinulle') may stand between; the phrase ends at the first other word."""
    doc = sentence.doc
    between: list["Token"] = []
    phrase: list["Token"] = []
    for t in doc[verb.i + 1:sentence.end]:
        if t.is_space:
            continue
        a = t._.analysis
        if not phrase and a is not None and len(between) < 3 and (
                a.word_class == "seikkasana" or (a.word_class == "asemosana" and a.case not in _OBJECT_CASES)):
            between.append(t)
            continue
        if len(phrase) < 4 and _nominal(t):
            phrase.append(t)
            continue
        break
    return between, phrase


def _open_nominative(sentence: "Span", verb: "Token", taken: list["Token"]) -> bool:
    """Is there a nominative singular noun in the verb's clause that the rewrite would leave in the
    wrong case (an object it did not find)?"""
    doc = sentence.doc
    for t in doc[verb.i + 1:sentence.end]:
        if t.text in (",", ";", ":") or t.lower_ in _COORDINATING:
            break
        if t not in taken and any(r.word_class in ("nimisana", "laatusana") and _bare_nominative(r) for r in t._.analyses):
            return True  # any reading: the fast profile's first reading may be the wrong one
    return False


def _names_one_of(a: "Analysis | None", names: set[str]) -> bool:
    """Is the word (its chosen reading, or the last part of a compound) one of `names`?"""
    return a is not None and (a.baseform.lower() in names or bool(a.parts) and a.parts[-1].lemma.lower() in names)


def _negated(known: "DocFacts", i: int) -> bool:
    """A negation verb among the three tokens before token i, in its sentence."""
    return any(a is not None and a.word_class == "kieltosana" for a in known.analysis[max(known.sent_start[i], i - 3):i])


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
        "virke puhuu lukijalle hänen omasta asiastaan (sinä- tai te-muoto, esim. ”hakemuksesi”). Me-muotoa ehdotetaan "
        "vain, kun toimija on todennäköisesti viestin lähettäjä: jos samassa tai edellisessä virkkeessä mainitaan muu "
        "toimija (tuomioistuin, viranomainen, myyjä, kuljetusyhtiö …), passiivia ei merkitä, ja jos toimija on lukija "
        "itse (”Lasku maksetaan eräpäivään mennessä”, ”Tuote palautetaan varastollemme”), neuvotaan puhuttelemaan "
        "häntä suoraan. Menneen ajan passiivi, joka kertoo muutoksesta lukijan omaan tiliin tai tilaukseen "
        "(”Salasanasi vaihdettiin”), ei saa me-muotoa: muutoksen on voinut tehdä lukija itse. Lukijan oman viestin tai "
        "hakemuksen lähettämistä (”Viestisi on lähetetty”) ei merkitä. Objekti saa aktiivin sijan: ”Tilaus lähetetään” → ”Lähetämme tilauksen”, ”Tuotteet "
        "lähetetään” → ”Lähetämme tuotteet”; partitiivi ja omistusliitteinen muoto pysyvät. Jos objektin sijaa ei voi "
        "varmistaa (paikkamerkki, rinnastus, partisiippimäärite, monitulkintainen muoto), uudelleenkirjoitusta ei tarjota. Yleisiä "
        "toteamuksia (”Evästeitä käytetään sivuston toimintaan”) ja sääntöjä kuvaavia verbejä (voidaan, pidetään, "
        "suositellaan) ei merkitä.",
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
        "sentence speaks to the reader about their own matter (a sinä/te form such as 'hakemuksesi'). The me-form is "
        "offered only when the sender is the likely actor: another party named in the sentence or the one before "
        "(a court, an authority, a seller, a carrier …) means no finding, and where the reader acts ('Lasku maksetaan "
        "eräpäivään mennessä') the advice is to address them directly. A past passive reporting a change to the "
        "reader's own account or order ('Salasanasi vaihdettiin') gets no me-form: the reader may have made it; the "
        "reader's own message or application sent ('Viestisi on lähetetty') is not flagged. The object takes the active's case "
        "('Tilaus lähetetään' -> 'Lähetämme tilauksen', 'Tuotteet lähetetään' -> 'Lähetämme tuotteet'; partitives and "
        "possessive forms stay); when that case cannot be verified (a placeholder, a coordination, a participle "
        "attribute, an ambiguous form) "
        "no rewrite is offered. General statements and rule-stating verbs (voidaan, pidetään, suositellaan) are not flagged.",
        why="The passive hides who acts. Kotus asks for the organisation or the me-form; Selkokeskus prefers "
        "structures in which someone does something.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Unsafe: only the writer knows whether the sender really is the actor; never applied automatically.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from spacy.attrs import LOWER

        from plainfinnish.nlp.components import facts

        data = _data()
        pronouns = set(data["reader_pronouns"])
        general = set(data["general_verbs"])
        others = set(data["other_actors"])
        customer_verbs = set(data["customer_verbs"])
        authored = set(data["reader_authored"])
        # Per token, from the Doc's arrays and shared facts: no Token object until a word is reported
        known = facts(doc)
        strings = doc.vocab.strings
        lower = [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []
        accurate = known.profile == "accurate"
        previous_names_actor = False
        start = 0
        while start < len(doc):
            end = known.sent_end[start]
            readings = known.analysis[start:end]
            # The actor is named here or just before ("kuljetusliikkeen toimesta", "Käräjäoikeus …"):
            # the passive hides no one, and the me-form would credit the wrong party.
            names_actor = any(low == "toimesta" or _names_one_of(a, others) for low, a in zip(lower[start:end], readings))
            nearby, previous_names_actor = names_actor or previous_names_actor, names_actor
            if nearby or not addresses_reader(readings, pronouns):
                start = end
                continue  # general statement, or someone else acts
            toward_us = toward_you = False
            for i in range(start, end):
                a = known.analysis[i]
                if a is None:
                    continue
                if lower[i] in ("sinut", "sinua", "teidät", "teitä"):
                    toward_you = True  # 'sinua pyydetään': the reader is the object, we act
                    break
                if lower[i] == "meille" or (a.possessive == "1p" and a.case in ("sisatulento", "ulkotulento")):
                    toward_us = True  # 'palautetaan varastollemme': the customer sends to us
                elif a.case == "ulkotulento" and (a.possessive in ("2s", "2p") or lower[i] in ("sinulle", "teille")):
                    toward_you = True  # 'sinulle lähetetään': we send to the customer
            toward_us = toward_us and not toward_you
            # 'Viestisi on lähetetty': the reader sent their own message (application, form); the
            # passive hides no one
            reader_authored = any(a is not None and a.possessive in ("2s", "2p") and _names_one_of(a, authored) for a in readings)
            skip = general | set(data["reader_sends_verbs"]) if reader_authored else general
            sentence = doc[start:end]
            for i in range(start, end):
                a = known.analysis[i]
                if a is None or known.placeholder[i]:
                    continue
                if a.word_class == "teonsana" and a.person == "4" and a.mood in ("indicative", "conditional") and not a.negative == "true":
                    if a.baseform in skip or _negated(known, i):
                        continue
                    customer = toward_us or (a.baseform in customer_verbs and not toward_you)
                    yield self._finite(context, sentence, doc[i], a, customer)
                elif accurate and a.participle == "past_passive" and doc[i].pos_ in ("VERB", "AUX", "ADJ"):
                    finding = self._perfect(context, doc[i], skip | customer_verbs)
                    if finding:
                        yield finding
            start = end

    def _finite(self, context: RuleContext, sentence: "Span", token: "Token", a, customer: bool) -> Finding:
        if customer:
            message = context.say(
                f"Passiivi ”{token.text}” ei kerro, kuka toimii. Tässä toimija näyttää olevan lukija itse: "
                "puhuttele häntä suoraan (esimerkiksi käskymuodolla), älä käytä me-muotoa.",
                f"The passive '{token.text}' does not say who acts. Here the reader seems to act: address them "
                "directly (an imperative, say), not with the me-form.",
            )
            return self.finding(context, token.idx, token.idx + len(token.text), message,
                                data={"verb": a.baseform, "actor": "reader"})
        if a.tense == "past_imperfective" and a.baseform in _data()["reader_may_act_past"]:
            # "Salasanasi vaihdettiin": the reader may have done it, so no "we" is put in their place
            message = context.say(
                f"Passiivi ”{token.text}” ei kerro, kuka toimi. Kerro, tekikö muutoksen lukija itse vai te "
                "(silloin me-muoto).",
                f"The passive '{token.text}' does not say who acted. Say whether the reader made the change or "
                "you did (then the me-form).",
            )
            return self.finding(context, token.idx, token.idx + len(token.text), message,
                                data={"verb": a.baseform, "actor": "unknown"})
        message = context.say(
            f"Passiivi ”{token.text}” ei kerro, kuka toimii. Jos toimija olette te, käytä me-muotoa.",
            f"The passive '{token.text}' does not say who acts. If it is you, use the me-form.",
        )
        form = me_form(a.baseform, a.mood, a.tense)
        rewrite = self._rewrite(sentence, token, form) if form else None
        suggestions = []
        if rewrite:
            start, end, text = rewrite
            suggestions.append(Suggestion(text, safe=False, start=start, end=end))
        return self.finding(context, token.idx, token.idx + len(token.text), message, suggestions=suggestions,
                            data={"verb": a.baseform, "me_form": form})

    @staticmethod
    def _rewrite(sentence: "Span", verb: "Token", form: str, last: "Token | None" = None) -> tuple[int, int, str] | None:
        """(start, end, text) of the me-form with its object in the active's case, or None when the
        object cannot be found and converted (a placeholder, a pronoun, a coordinated phrase).
        `verb` .. `last` is the passive ('lähetetään', or 'on lähetetty')."""
        from plainfinnish.nlp.inflect import follow_case

        doc = sentence.doc
        first_verb, verb = verb, last if last is not None else verb
        neighbours = [t for t in (doc[first_verb.i - 1] if first_verb.i > sentence.start else None,
                                  doc[verb.i + 1] if verb.i + 1 < sentence.end else None) if t is not None]
        if any(t._.is_placeholder for t in neighbours):
            return None  # '{tuote} lähetetään': its case cannot be changed
        if any(t.text == "$" for t in doc[max(sentence.start, first_verb.i - 2):min(verb.i + 3, sentence.end)]):
            return None  # '$hakukohde vahvistettiin': a template variable the reader did not mark, not a noun
        verb_end = verb.idx + len(verb.text)
        prev = next((t for t in reversed(doc[max(sentence.start, first_verb.i - 3):first_verb.i]) if not t.is_space), None)
        pa = prev._.analysis if prev is not None else None
        if prev is not None and pa is not None and pa.word_class == "asemosana" and pa.baseform.lower() in ("joka", "mikä"):
            if _open_nominative(sentence, verb, []):
                return None
            if prev.lower_ in _RELATIVE_OBJECT:
                return prev.idx, verb_end, f"{follow_case(prev.text, _RELATIVE_OBJECT[prev.lower_])} {form}"
            return first_verb.idx, verb_end, follow_case(first_verb.text, form)  # 'joita', 'jonka', 'jotka' stay
        rest = [t for t in doc[verb.i + 1:min(verb.i + 4, sentence.end)] if not t.is_space]
        if len(rest) > 1 and rest[0].lower_ in _COORDINATING and rest[1]._.analysis is not None \
                and rest[1]._.analysis.person == "4":
            return None  # 'käsitellään ja lähetetään': one object for both verbs
        before = _phrase_before(sentence, first_verb)
        if before is None:
            return None
        if before:
            # the phrase opens the sentence when no word comes before it ('"Tilauksesi on …' in a string)
            lead = next((t for t in reversed(doc[max(sentence.start, before[0].i - 3):before[0].i]) if not t.is_space), None)
            first = lead is None or not any(c.isalnum() for c in lead.text)
            obj = _as_object(before, lower_first=first)
            if obj is None or _open_nominative(sentence, verb, before):
                return None
            return before[0].idx, verb_end, f"{follow_case(before[0].text if first else first_verb.text, form)} {obj}"
        between, phrase = _phrase_after(sentence, verb)
        if phrase:
            after = doc[phrase[-1].i + 1] if phrase[-1].i + 1 < sentence.end else None
            obj = _as_object(phrase, lower_first=False)
            if obj is None or (after is not None and after._.is_placeholder) or _open_nominative(sentence, verb, phrase):
                return None
            from plainfinnish.nlp.components import doc_text  # Doc.text would join every token per match
            middle = doc_text(doc)[verb_end:phrase[0].idx]
            if prev is not None and prev.lower_ in _RECIPIENTS and prev.i == first_verb.i - 1:
                # 'sinulle lähetetään ilmoitus' -> 'lähetämme sinulle ilmoituksen': the verb leads again
                return (prev.idx, phrase[-1].idx + len(phrase[-1].text),
                        f"{follow_case(prev.text, form)} {prev.lower_}{middle}{obj}")
            return first_verb.idx, phrase[-1].idx + len(phrase[-1].text), follow_case(first_verb.text, form) + middle + obj
        if _open_nominative(sentence, verb, []):
            return None
        return first_verb.idx, verb_end, follow_case(first_verb.text, form)

    def _perfect(self, context: RuleContext, token: "Token", general: set[str]) -> Finding | None:
        """'on käsitelty' with no agent: 'olemme käsitelleet'."""
        from plainfinnish.nlp.components import facts
        from plainfinnish.nlp.inflect import verb_lemma

        aux = [c for c in token.children if c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_ == "olla"]
        if not aux or any(c.dep_ in ("obl:agent", "nmod:agent") for c in token.children):
            return None
        olla = aux[0]
        oa = olla._.analysis
        if oa is None or oa.person != "3" or oa.mood != "indicative" or _negated(facts(olla.doc), olla.i):
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
        known = facts(token.doc)  # the sentence from the Doc's facts: `Token.sent` scans for its bounds
        sentence = token.doc[known.sent_start[token.i]:known.sent_end[token.i]]
        rewrite = self._rewrite(sentence, olla, f"{olemme} {participle}", last=token) \
            if participle and olemme and olla.i == token.i - 1 else None
        if rewrite:
            r_start, r_end, text = rewrite
            suggestions.append(Suggestion(text, safe=False, start=r_start, end=r_end))
        return self.finding(context, start, end, message, suggestions=suggestions, data={"verb": lemma})


RULE = PassiveVoice
