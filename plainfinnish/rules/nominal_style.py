"""nominal-style: -minen nouns, lauseenvastikkeet and padding postpositions where a verb would do."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainfinnish.nlp.voikko import Analysis

# Possessive suffix -> (person, number) of the verb in the clause that replaces the structure.
_PERSONS = {"1s": ("1", "singular"), "2s": ("2", "singular"), "1p": ("1", "plural"), "2p": ("2", "plural"),
            "3": ("3", "singular"), None: ("4", None)}
_PADDING_BASES = {"osalta": "osa", "kannalta": "kanta", "kohdalla": "kohta", "puitteissa": "puite", "suhteen": "suhde"}
_ATTRIBUTIVE = ("present_active", "present_passive", "past_passive", "agent")


class _Words:
    """What the rule asks of each token, listed once per Doc from its arrays and shared facts: no
    `token._` accessor is built, and a Token object only for a token the rule reports or tags."""

    def __init__(self, doc: "Doc") -> None:
        from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER

        from plainfinnish.nlp.components import facts

        known = facts(doc)
        self.doc = doc
        strings = doc.vocab.strings
        rows = doc.to_array([IS_SPACE, IS_PUNCT, LOWER]).tolist() if len(doc) else []
        self.space = [row[0] for row in rows]
        self.punct = [row[1] for row in rows]
        self.lower = [strings[row[2]] for row in rows]
        self.analysis = known.analysis  # the reading that agrees with the tagger, or None
        self.analyses = known.analyses  # every reading
        self.placeholder = known.placeholder
        self.sent_end = known.sent_end

    def __len__(self) -> int:
        return len(self.lower)

    def token(self, i: int) -> "Token":
        return self.doc[i]


#: What `_padding_key` looks at first: the spelling of a padding word ("nähden", "osalta", …).
_PADDING_PREFIXES = ("nähden", *(key[:5] for key in _PADDING_BASES))
#: The moods of the clause equivalents `_items` flags (besides past passive participles).
_CLAUSE_MOODS = frozenset({"E-infinitive", "A-infinitive", "MINEN-infinitive"})


@lru_cache(maxsize=4)
def _phrase_words(phrases: tuple[str, ...]) -> frozenset[str]:
    """Every word of the two-word phrases (`_items` builds a pair only around one of them)."""
    return frozenset(word for phrase in phrases for word in phrase.split(" "))


def _data() -> dict[str, Any]:
    from plainfinnish.nlp.splitting import structure_data

    return structure_data()["nominal"]


def finite_form(lemma: str, person: str, number: str | None) -> str | None:
    """Present indicative in a person ('teet', 'tehdään'), verified by Voikko."""
    from plainfinnish.nlp.inflect import first_form

    return first_form(lemma, "N", lambda sig: sig[0] == "V" and sig[3] == person and (number is None or sig[2] == number)
                      and sig[4] == "indicative" and sig[5] == "present_simple" and sig[6] != "true")


def perfect_form(lemma: str, person: str, number: str | None) -> str | None:
    """'olet tilannut' / 'on tilattu', verified by Voikko."""
    from plainfinnish.nlp.inflect import first_form

    olla = finite_form("olla", person, number)
    want_participle = "past_passive" if person == "4" else "past_active"
    want_number = "plural" if number == "plural" else "singular"
    if olla is None:
        return None
    form = first_form(lemma, "N", lambda sig: sig[8] == want_participle and sig[1] == "nimento"
                      and sig[2] == want_number and not sig[7])
    return f"{olla} {form}" if form is not None else None


# What the fitting structure expresses, for the message: (Finnish, English).
_FITS = {
    "past": ("ajan ilmaiseva sivulause", "a clause of time"), "since": ("ajan ilmaiseva sivulause", "a clause of time"),
    "time": ("ajan ilmaiseva sivulause", "a clause of time"),
    "temporal": ("ajan ilmaiseva sivulause", "a clause of time"), "before": ("ajan ilmaiseva sivulause", "a clause of time"),
    "cause": ("syyn ilmaiseva sivulause", "a clause of cause"), "purpose": ("tarkoituksen ilmaiseva sivulause", "a clause of purpose"),
    "final": ("tarkoituksen ilmaiseva sivulause", "a clause of purpose"), "condition": ("ehtoa ilmaiseva sivulause", "a condition"),
    "about": ("että-lause", "an 'että' clause"), "about-to": ("että-lause", "an 'että' clause"),
    "manner": ("tapaa ilmaiseva -malla-muoto", "the -malla form of manner"),
}


def _lead_words(i: int, start: int, w: "_Words", data: dict[str, Any]) -> str | None:
    """What the few words before an elative -minen noun (token i of a sentence that begins at
    token `start`) make of it (a fixed window, so linear): 'time' after a span of time ("kaksi
    päivää laskun lähettämisestä"), 'formula' after thanks, 'info' after a noun of instructions or
    information that governs it ("ohjeet … perumisesta"), 'title' in the title of a law ("…
    artiklan soveltamisesta")."""
    for j in range(i - 1, max(start, i - int(data["minen_lead_window"])) - 1, -1):
        ta = w.analysis[j]
        if w.punct[j] or ta is None:
            break
        base = ta.baseform.lower()
        # any reading: 'vuotta' is first read as a form of 'vuo'
        if w.lower[j] in data["minen_time_words"] or any(r.baseform.lower() in data["minen_time_words"] for r in w.analyses[j]):
            return "time"
        if base in data["minen_title_words"]:
            return "title"
        if base in data["formula_lemmas"]:
            return "formula"
        if ta.case != "omanto" and base.endswith(tuple(data["minen_info_nouns"])):
            return "info"
    return None


def _fits(context: RuleContext, kind: str) -> str:
    fi, en = _FITS.get(kind, ("", ""))
    return context.say(f" Sopiva rakenne on {fi}.", f" What fits is {en}.") if fi else ""


def _minen_clause(lemma: str, kind: str) -> str | None:
    """The clause that fits the construction, with the actor left for the writer: time 'kun [kuka]
    maksaa', past 'kun [kuka] on maksanut', cause 'koska', purpose 'jotta [kuka] voi maksaa'."""
    if kind in ("past", "since"):
        verb = perfect_form(lemma, "3", "singular")
        lead = "siitä, kun" if kind == "since" else "kun"
        return f"{lead} [kuka] {verb}" if verb else None
    if kind == "purpose":
        return f"jotta [kuka] voi {lemma}" if finite_form(lemma, "3", "singular") else None
    lead = {"time": "kun", "cause": "koska", "condition": "jos", "before": "ennen kuin", "about": "siitä, että",
            "about-to": "siihen, että"}.get(kind)
    verb = finite_form(lemma, "3", "singular") if lead else None
    return f"{lead} [kuka] {verb}" if verb else None


class NominalStyle(Rule):
    id = "nominal-style"
    name_fi = "Substantiivitauti"
    name_en = "Nominal style"
    default_severity = "info"
    scope = "sentence"
    options = {}
    doc_fi = RuleDoc(
        title="Substantiivitauti",
        what="Merkitsee rakenteet, joissa verbi on piilotettu: -minen-sanat sijamuodoissa ja "
        "postpositioiden kanssa (”tilaamisessa”, ”maksamisen jälkeen”), lauseenvastikkeet (”tehdessäsi”, "
        "”tilattuasi”, ”tehden”, ”tehdäkseen”, ”ottaen huomioon”) ja täytesanat osalta, kannalta, kohdalla, "
        "puitteissa, suhteen ja nähden genetiivin jäljessä. Virke, jossa tällaisia rakenteita ja partisiippeja on "
        "kasautunut kolme tai enemmän, merkitään kokonaan. Ehdottaa rakenteeseen sopivaa sivulausetta verbillä "
        "(Voikolla taivutettu ja tarkistettu): ajan (”maksamisen jälkeen” → ”kun [kuka] on maksanut”), syyn (”koska”), "
        "tarkoituksen (”jotta [kuka] voi”), ehdon (”jos”, myös ”halutessasi” → ”jos haluat”), että-lauseen tai tavan "
        "(”käyttäen” → ”käyttämällä”); aikamäärän jälkeen (”viikon kuluessa laskun lähettämisestä”) ajankohdan "
        "(”siitä, kun [kuka] on lähettänyt”). Rakenteelle, jolle ei ole yhtä sopivaa lausetta (”perusteella”, "
        "illatiivi ”parantamiseen”, ”ilmoittaen samalla”), annetaan vain huomautus. Ohjeiden ja tietojen aiheita "
        "(”ohjeet tilauksen perumisesta”), kiitoksia, lakien nimiä ja sanaa ”tapaaminen” ei merkitä. Määritelmiä "
        "(”X:llä tarkoitetaan …”, ”jäljempänä”), otsikoita ja kohteliaisuusfraaseja (”Kiitos tilaamisesta”) ei merkitä. Verbiheikot sanaparit (suorittaa maksu, tehdä päätös) ja ”toimesta” ovat jargon-säännön "
        "sanastossa, joten tämä sääntö ei merkitse niitä.",
        why="Kotuksen säädöskielen ohjeiden mukaan -minen-sanat kätkevät tekijän ja ajan, ja tehden-, tehdessä- "
        "ja ottaen huomioon -rakenteet ovat luettavampia sivulauseina. Kielikello: osalta, kannalta, kohdalla ja "
        "puitteissa pidentävät tekstiä turhaan. Selkokeskus neuvoo välttämään lauseenvastikkeita.",
        example="Tuotteen tilaamisessa on huomioitava toimitusajat. Tilattuasi tuotteen saat vahvistuksen.",
        use_instead="Kun tilaat tuotteen, huomaa toimitusajat. Kun olet tilannut tuotteen, saat vahvistuksen.",
        fix_safety="Ehdotus on neuvo: sivulauseen sanajärjestys ja tekijä on valittava itse.",
        references=("Kotus, säädöskielen ohjeita", "Kielikello: Virkakielen osalta", "Kotus, Virkakielitesti, kysymys 21",
                    "Selkokeskus, selkokirjoitusohjeet: rakenteet"),
    )
    doc_en = RuleDoc(
        title="Nominal style",
        what="Flags structures that hide a verb: -minen nouns in locative cases or before postpositions "
        "('tilaamisessa', 'maksamisen jälkeen'), participial clause equivalents ('tehdessäsi', 'tilattuasi', "
        "'tehden', 'tehdäkseen', 'ottaen huomioon') and the padding postpositions osalta, kannalta, kohdalla, "
        "puitteissa, suhteen, nähden after a genitive; a sentence piling three or more such structures and "
        "participles is flagged as a whole. Suggests the clause that fits the construction (generated and verified "
        "with Voikko): time ('kun … on maksanut'), cause ('koska'), purpose ('jotta … voi'), condition ('jos'), an "
        "että clause or manner ('käyttämällä'), after a span of time a starting point ('siitä, kun … on lähettänyt'); "
        "'halutessasi' is a condition ('jos haluat'). A construction with no one fitting clause ('perusteella', an "
        "illative -minen noun, 'ilmoittaen samalla') gets a note only. The topic of instructions ('ohjeet tilauksen "
        "perumisesta'), thanks, the titles of laws and 'tapaaminen' (a meeting) are not flagged. Definitions ('X:llä tarkoitetaan …'), headings and 'Kiitos tilaamisesta' are left alone. "
        "Verb-weak pairs (suorittaa maksu, tehdä päätös) and 'toimesta' belong to the jargon wordlist and are not "
        "flagged here.",
        why="Kotus: -minen nouns hide the actor and the time; tehden/tehdessä and 'ottaen huomioon' read better as "
        "subordinate clauses. Kielikello: osalta, kannalta, kohdalla, puitteissa lengthen text needlessly.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Advice only: the writer picks the clause's word order and actor.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from plainfinnish.nlp.clauses import has_finite_verb

        data = _data()
        definitions = set(data["definition_words"])
        w = _Words(doc)
        start = 0
        while start < len(doc):
            end = w.sent_end[start]
            words = [i for i in range(start, end) if not w.space[i]]
            # Not a definition (it names the thing it defines), nor a heading or a label without a
            # finite verb (a noun is what it should be).
            if words and not any(w.lower[i] in definitions for i in words) and (
                    w.token(words[-1]).text in (".", "!", "?", "…", ":") or has_finite_verb(doc[start:end])):
                yield from self._sentence(w, start, end, words, context, data)
            start = end

    def _sentence(self, w: _Words, start: int, end: int, words: list[int], context: RuleContext,
                  data: dict[str, Any]) -> Iterator[Finding]:
        items = list(self._items(w, start, end, context, data))
        yield from items
        participles = sum(1 for i in range(start, end) if self._attributive_participle(w, i))
        total = len(items) + participles
        if total >= int(data["pile_threshold"]) and total > len(items):
            first, last = w.token(words[0]), w.token(words[-1])
            message = context.say(
                f"Virkkeessä on {total} raskasta nominaalirakennetta (-minen-sanoja, lauseenvastikkeita, partisiippeja). "
                "Kirjoita se verbein, esimerkiksi kahtena virkkeenä.",
                f"The sentence piles up {total} nominal structures. Write it with verbs, perhaps as two sentences.",
            )
            yield self.finding(context, first.idx, last.idx + len(last.text), message,
                               data={"kind": "pile", "count": total})

    @staticmethod
    def _attributive_participle(w: _Words, i: int) -> bool:
        """A participle before a noun ("tilattu tuote"): the next token of the Doc, as it stands."""
        a = w.analysis[i]
        if a is None or a.participle not in _ATTRIBUTIVE or w.placeholder[i]:
            return False
        nxt = w.analysis[i + 1] if i + 1 < len(w) else None
        return nxt is not None and nxt.word_class in ("nimisana", "nimisana_laatusana")

    def _items(self, w: _Words, start: int, end: int, context: RuleContext, data: dict[str, Any]) -> Iterator[Finding]:
        phrases: dict[str, str] = data["phrases"]
        padding: dict[str, list[str]] = data["padding"]
        lower = w.lower
        phrase_words = _phrase_words(tuple(phrases))
        for i in range(start, end):
            a = w.analysis[i]
            if a is None or w.placeholder[i]:
                continue
            # most words are none of the constructions below: the cheap tests first
            if lower[i] not in phrase_words and not lower[i].startswith(_PADDING_PREFIXES) \
                    and a.mood not in _CLAUSE_MOODS and a.participle != "past_passive" \
                    and not any(r.mood == "MINEN-infinitive" for r in w.analyses[i]):
                continue
            nxt = i + 1 if i + 1 < end else None  # token indices of the neighbours in the sentence
            prev = i - 1 if i > start else None
            pair = f"{lower[i]} {lower[nxt]}" if nxt is not None else ""
            if pair in phrases:
                token, after = w.token(i), w.token(nxt)
                yield self._advice(context, token.idx, after.idx + len(after.text), pair, phrases[pair], "phrase")
                continue
            if prev is not None and f"{lower[prev]} {lower[i]}" in phrases:
                continue
            base = self._padding_key(w, i, a, prev)
            if base:
                token = w.token(i)
                fi, en = padding[base]
                message = context.say(f"”{token.text}” pidentää virkettä turhaan. {fi}", f"'{token.text}' pads the sentence. {en}")
                yield self.finding(context, token.idx, token.idx + len(token.text), message, data={"kind": "padding"})
                continue
            # the accurate tagger may pick a rarer noun reading ("maksamista" as "maksama"): a -minen
            # reading among Voikko's is the word's
            a = next((r for r in w.analyses[i] if r.mood == "MINEN-infinitive"), a)
            if a.mood == "MINEN-infinitive" and a.baseform not in data["jargon_verbs"]:
                if prev is not None and lower[prev] in data["formula_words"]:
                    continue  # "Kiitos tilaamisesta": a set phrase
                if any(lower[i].startswith(n[:-3]) for n in data["minen_nouns"]):
                    continue  # "tapaaminen" names a meeting, not the act of meeting
                templates = data["minen_templates"]
                post = w.token(nxt) if nxt is not None and (lower[nxt] in data["minen_postpositions"] or lower[nxt] in templates) else None
                token = w.token(i)
                if post is None and prev is not None and lower[prev] == "ennen" and a.case == "osanto":
                    yield self._minen(context, token, a, None, "before", start=w.token(prev).idx)
                elif a.case in data["minen_cases"] or post is not None:
                    kind = templates.get(lower[nxt] if post is not None else a.case, "")
                    if post is None and a.case == "sisaeronto":
                        near = _lead_words(i, start, w, data)
                        if near in ("formula", "info", "title"):
                            # "kiittää tilin luomisesta", "ohjeet paikan vastaanottamisesta": plain;
                            # "… artiklan soveltamisesta": the title of a law, quoted as it is
                            continue
                        if near == "time":
                            kind = "since"  # "viikon kuluessa laskun lähettämisestä": since when, not "siitä, että"
                    if kind in data["minen_note_only"]:
                        kind = ""
                    elif post is None and prev is not None and lower[prev] in data["relative_genitives"]:
                        kind = ""  # "jonka käyttämisestä": a clause cannot hang on a relative pronoun
                    elif post is None and nxt is not None and w.analysis[nxt] is not None \
                            and w.analysis[nxt].baseform in data["minen_duration_verbs"]:
                        kind = ""  # "kirjaamisessa menee kaksi päivää": how long it takes, not when
                    yield self._minen(context, token, a, post, kind)
                continue
            if a.word_class == "teonsana" and a.mood == "E-infinitive" and w.token(i).pos_ not in ("ADV", "ADP") \
                    and lower[i] not in data["lexicalised"]:
                yield self._clause(context, w.token(i), a, "temporal" if lower[i].rstrip("nisäamt").endswith(("ss", "ssä", "ssa")) or "ss" in lower[i][-6:] else "manner")
            elif a.participle == "past_passive" and a.case == "osanto" and a.possessive:
                yield self._clause(context, w.token(i), a, "past")
            elif a.word_class == "teonsana" and a.mood == "A-infinitive" and a.possessive and "ks" in lower[i]:
                yield self._clause(context, w.token(i), a, "final")

    @staticmethod
    def _padding_key(w: _Words, i: int, a: "Analysis", prev: int | None) -> str | None:
        if prev is None or w.analysis[prev] is None:
            return None
        pa = w.analysis[prev]
        lower = w.lower[i]
        if lower == "nähden":
            return "nähden" if pa.case in ("sisatulento", "ulkotulento") else None
        for key, base in _PADDING_BASES.items():
            # the spelling first: a look at every reading costs more
            if lower.startswith(key[:5]) and any(r.baseform.lower() == base for r in w.analyses[i]) and (pa.case == "omanto" or pa.possessive or w.lower[prev] in ("sinun", "teidän")):
                if key == "suhteen" and a.case != "omanto":
                    continue
                return key
        return None

    def _advice(self, context: RuleContext, start: int, end: int, phrase: str, instead: str, kind: str) -> Finding:
        message = context.say(f"”{phrase}” on lauseenvastike. Käytä sivulausetta.", f"'{phrase}' is a clause equivalent. Use a clause.")
        return self.finding(context, start, end, message, suggestions=[Suggestion(instead, advice=True)], data={"kind": kind})

    def _minen(self, context: RuleContext, token: "Token", a: "Analysis", postposition: "Token | None", kind: str,
               start: int | None = None) -> Finding:
        from plainfinnish.nlp.inflect import verb_lemma

        lemma = verb_lemma(a)
        # The -minen noun hides who acts, so the example leaves the actor for the writer to name
        # rather than guessing "you" ("kun synnyt" for "syntymisestä" would be absurd).
        clause = _minen_clause(lemma, kind)
        end = postposition.idx + len(postposition.text) if postposition is not None else token.idx + len(token.text)
        message = context.say(f"-minen-muoto ”{token.text}” piilottaa verbin ({lemma}). Kirjoita se verbillä.",
                              f"The -minen noun '{token.text}' hides the verb ({lemma}). Write it with the verb.")
        message += _fits(context, kind) if clause else ""
        suggestions = []
        if clause:
            en = clause.replace("[kuka]", "[who]")
            suggestions.append(Suggestion(context.say(f"Esimerkiksi: ”{clause} …”", f"For example: '{en} …'"), advice=True))
        return self.finding(context, token.idx if start is None else start, end, message, suggestions=suggestions,
                            data={"kind": "minen", "verb": lemma, "template": kind})

    def _clause(self, context: RuleContext, token: "Token", a: "Analysis", kind: str) -> Finding:
        from plainfinnish.nlp.inflect import verb_lemma

        lemma = verb_lemma(a)
        person, number = _PERSONS.get(a.possessive, ("4", None))
        if kind == "past":
            verb = perfect_form(lemma, person, number)
            clause = f"kun {verb}" if verb else None
        elif kind == "final":
            verb = finite_form("voida", person, number)
            # "voidaksesi käyttää" -> "jotta voit käyttää", never "jotta voit voida"
            clause = (f"jotta {verb}" if lemma == "voida" else f"jotta {verb} {lemma}") if verb else None
        elif kind == "temporal":
            verb = finite_form(lemma, person, number)
            # "halutessasi" is a condition ("jos haluat"), not a time ("kun haluat")
            lead = "jos" if lemma in _data()["temporal_condition_verbs"] else "kun"
            kind = "condition" if lead == "jos" else kind
            clause = f"{lead} {verb}" if verb else None
        elif token.lower_ in _data()["postposition_infinitives"]:
            clause = None  # 'liittyen' is 'concerning', not a manner: 'liittymällä' would mislead
        elif any(t.lower_ in _data()["manner_accompanying"] for t in token.doc[max(0, token.i - 1):token.i + 2]):
            clause = None  # 'ilmoittaen samalla syyn' is a second act ('ja kertoo'), not the manner
        else:  # manner: 'käyttäen' -> 'käyttämällä'
            from plainfinnish.nlp.inflect import paradigm

            forms = paradigm(lemma, "MA-infinitive")
            clause = next((f for sig, f in forms.items() if sig[0] == "V" and sig[1] == "ulkoolento" and sig[4] == "MA-infinitive"
                           and not sig[7]), None)
        message = context.say(f"”{token.text}” on lauseenvastike. Sivulause verbillä ({lemma}) on helpompi lukea.",
                              f"'{token.text}' is a clause equivalent. A clause with the verb ({lemma}) reads easier.")
        message += _fits(context, kind) if clause else ""
        suggestions = [Suggestion(context.say(f"Esimerkiksi: ”{clause} …”", f"For example: '{clause} …'"), advice=True)] if clause else []
        return self.finding(context, token.idx, token.idx + len(token.text), message, suggestions=suggestions,
                            data={"kind": f"lauseenvastike-{kind}", "verb": lemma})


RULE = NominalStyle
