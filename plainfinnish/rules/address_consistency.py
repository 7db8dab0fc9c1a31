"""address-consistency: a message that mixes the sinä-form and the te-form of address."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainfinnish.nlp.components import DocFacts
    from plainfinnish.nlp.voikko import Analysis

SINA, TE = "sinä", "te"
_QUOTES = {'"', "”", "“", "«", "»"}


def form_of(a: "Analysis") -> str | None:
    """'sinä' or 'te' when the word addresses the reader (verb person 2, pronoun, possessive suffix)."""
    if a.word_class in ("teonsana", "kieltosana") and a.person == "2":
        return SINA if a.number == "singular" else TE if a.number == "plural" else None
    if a.word_class == "asemosana" and a.baseform.lower() in (SINA, TE):
        return SINA if a.baseform.lower() == SINA else TE
    if a.possessive == "2s":
        return SINA
    if a.possessive == "2p":
        return TE
    return None


def switched(token: "Token", a: "Analysis", target: str) -> str | None:
    """The word in the other form of address, generated and verified with Voikko."""
    from plainfinnish.nlp.inflect import follow_case, paradigm, signature, verified
    from plainfinnish.nlp.splitting import structure_data

    if a.word_class == "asemosana":
        pronouns: dict[str, str] = structure_data()["address"]["pronouns"]
        reverse = {v: k for k, v in pronouns.items() if k not in ("sun", "sulle")}
        table = pronouns if target == TE else reverse
        new = table.get(token.lower_)
        return follow_case(token.text, new) if new else None
    number = "plural" if target == TE else "singular"
    # the word's own form with only the address changed: the possessive, or a verb's number
    own = signature(a)
    wanted = (*own[:7], "2p" if target == TE else "2s", *own[8:]) if a.possessive else (*own[:2], number, *own[3:])
    # the other ending on the word's own stem first: one look-up, and the writer's own stem
    # ("lapsillenne" -> "lapsillesi"); else that form in the base word's paradigm
    candidate = _same_stem(token.text.lower(), a, number)
    if candidate is not None and any(sig == wanted for sig, _ in verified([candidate], a.baseform)):
        return follow_case(token.text, candidate)
    form = paradigm(a.baseform).get(wanted)
    if form is not None:
        return follow_case(token.text, form)
    if a.word_class == "teonsana" and a.person == "2":
        form = _verb_person_2(a, number)
        return follow_case(token.text, form) if form else None
    return None


_POSSESSIVE_2 = {"2s": "si", "2p": "nne"}


def _same_stem(word: str, a: "Analysis", number: str) -> str | None:
    """The word with its 2nd-person ending swapped for the other number's, on the same stem: a
    possessive suffix ("tilauksenne" <-> "tilauksesi") or a finite verb's ending ("voit" <->
    "voitte", "tilaisit" <-> "tilaisitte", "et" <-> "ette"). Unverified; None when there is no
    such ending to swap (or a clitic after it)."""
    if a.focus or a.kysymysliite:
        return None
    if a.possessive in _POSSESSIVE_2:
        own = _POSSESSIVE_2[a.possessive]
        other = _POSSESSIVE_2["2p" if number == "plural" else "2s"]
        return word[: -len(own)] + other if word.endswith(own) else None
    if a.person == "2" and a.mood in ("indicative", "conditional", "potential"):
        if number == "plural" and word.endswith("t"):
            return word + "te"
        if number == "singular" and word.endswith("tte"):
            return word[:-2]
    return None


_PERSON_2_ENDINGS = {"plural": ("tte", "kaa", "kää"), "singular": ("t", "")}


def _verb_person_2(a: "Analysis", number: str) -> str | None:
    """Candidates from the stems of the verb's verified forms plus a 2nd person ending, kept only
    when Voikko reads exactly the wanted person, number, mood and tense ('ota' -> 'ottakaa')."""
    from plainfinnish.nlp.inflect import paradigm
    from plainfinnish.nlp.voikko import analyze

    seen: set[str] = set()
    for form in paradigm(a.baseform).values():
        for cut in range(0, 5):
            stem = form[: len(form) - cut] if cut else form
            for ending in _PERSON_2_ENDINGS[number]:
                cand = stem + ending
                if cand in seen or not stem:
                    continue
                seen.add(cand)
                for r in analyze(cand):
                    if (r.baseform == a.baseform and r.person == "2" and r.number == number and r.mood == a.mood
                            and r.tense == a.tense and not r.focus and not r.kysymysliite):
                        return cand
    return None


def _connegative(known: "DocFacts", i: int, a: "Analysis") -> bool:
    """'tule' in 'ei tule' reads like an imperative; the negation verb carries the person."""
    if a.word_class != "teonsana" or a.mood != "imperative" or a.number != "singular":
        return False
    before = known.analysis[max(known.sent_start[i], i - 3):i]
    return any(b is not None and b.word_class == "kieltosana" for b in before)


class AddressConsistency(Rule):
    id = "address-consistency"
    name_fi = "Sinuttelu ja teitittely sekaisin"
    name_en = "Mixed forms of address"
    default_severity = "warning"
    scope = "document"
    options = {}
    doc_fi = RuleDoc(
        title="Sinuttelu ja teitittely sekaisin",
        what="Merkitsee viestin, jossa lukijaa puhutellaan sekä sinä- että te-muodossa (verbit ”voit”/”voitte”, "
        "pronominit ”sinä”/”te”, omistusliitteet ”tilauksesi”/”tilauksenne”, käskymuodot ”ota”/”ottakaa”). "
        "Vähemmistönä olevat muodot merkitään, ja ehdotus on enemmistön muoto, taivutettuna ja Voikolla "
        "tarkistettuna. Lainausmerkkien sisällä olevaa tekstiä ei lasketa, eikä virkettä, jossa te-muoto "
        "puhuttelee joukkoa (”kaikki”, ”molemmat”, ”hyvät asukkaat”).",
        why="Vaihteleva puhuttelu hämmentää: lukija ei tiedä, puhutaanko hänelle vai jollekulle muulle. "
        "Selkokeskus suosittaa sinä-muotoa; tärkeintä on pysyä yhdessä muodossa.",
        example="Voit seurata tilaustanne verkossa. Ottakaa yhteyttä, jos paketti ei tule.",
        use_instead="Voit seurata tilaustasi verkossa. Ota yhteyttä, jos paketti ei tule.",
        fix_safety="Epävarma: vaihdettu muoto voi vaatia muutoksia muualla virkkeessä.",
        references=("Selkokeskus, selkokirjoitusohjeet: rakenteet",),
    )
    doc_en = RuleDoc(
        title="Mixed forms of address",
        what="Flags a message that addresses the reader both in the sinä-form and the te-form (voit/voitte, sinä/te, "
        "tilauksesi/tilauksenne, ota/ottakaa). The minority forms are flagged with the majority form as the "
        "suggestion, generated and verified with Voikko. Quoted text does not count, nor a sentence where the "
        "te-form speaks to a group ('kaikki', 'molemmat', 'hyvät asukkaat').",
        why="Switching the form of address confuses the reader. Selkokeskus recommends the sinä-form; above all, "
        "keep to one.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Unsafe: the switched form may need changes elsewhere in the sentence.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from plainfinnish.nlp.components import facts
        from plainfinnish.nlp.splitting import protected, structure_data

        group_cues = set(structure_data()["address"]["group"]["cues"])
        known = facts(doc)
        uses: list[tuple["Token", "Analysis", str]] = []
        start = 0
        while start < len(doc):
            end = known.sent_end[start]
            # the words that address the reader, from the shared readings (most sentences have none);
            # quotes and group cues are looked at only in a sentence that has some
            found = [(i, a, form) for i, a in enumerate(known.analysis[start:end], start)
                     if a is not None and not known.placeholder[i] and (form := form_of(a)) is not None]
            if found:
                sentence = doc[start:end]
                quoted = protected(sentence)
                group = any(t.lower_ in group_cues for t in sentence)
                for i, a, form in found:
                    if i in quoted or (form == TE and group) or _connegative(known, i, a):
                        continue
                    uses.append((doc[i], a, form))
            start = end
        sina = sum(1 for u in uses if u[2] == SINA)
        te = len(uses) - sina
        if not sina or not te:
            return
        majority = SINA if sina >= te else TE  # a tie goes to the sinä-form (Selkokeskus)
        for token, a, form in uses:
            if form == majority:
                continue
            message = context.say(
                f"Viestissä on sekä sinä- että te-muotoa ({sina} / {te}). Käytä yhtä: ”{token.text}” on {form}-muoto.",
                f"The message mixes the sinä- and te-form ({sina} / {te}). Keep to one: '{token.text}' is the {form}-form.",
            )
            new = switched(token, a, majority)
            suggestions = [Suggestion(new, safe=False)] if new else []
            yield self.finding(context, token.idx, token.idx + len(token.text), message, suggestions=suggestions,
                               data={"form": form, "majority": majority, "sina": sina, "te": te})


RULE = AddressConsistency
