"""long-word: compounds too long to take in at a glance, with a paraphrase of genitive attributes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainfinnish.nlp.voikko import Analysis, Part


def _established() -> frozenset[str]:
    from plainfinnish.nlp.splitting import structure_data

    return frozenset(structure_data()["long_word"]["established"])


def _zipf(word: str) -> float:
    from plainfinnish.nlp.frequency import zipf  # a shipped table: no wordfreq load at run time

    return zipf(word)


def _threshold(name: str) -> float:
    from plainfinnish.nlp.splitting import structure_data

    return float(structure_data()["long_word"][name])


def group_parts(parts: "tuple[Part, ...]", established: frozenset[str]) -> list[tuple[str, str]]:
    """Base forms of the compound's pieces, keeping established or common compounds ("asiakaspalvelu",
    "ajoneuvo") whole; never the whole word itself."""
    groups: list[tuple[str, str]] = []
    group_zipf = _threshold("group_zipf")
    i = 0
    while i < len(parts):
        for j in range(len(parts) - (1 if i == 0 else 0), i + 1, -1):  # the longest run first
            run = "".join(p.surface for p in parts[i:j - 1]) + parts[j - 1].lemma
            if run.lower() in established or _zipf(run.lower()) >= group_zipf:
                groups.append((run.lower(), "".join(p.surface for p in parts[i:j]).lower()))
                i = j
                break
        else:
            groups.append((parts[i].lemma.lower(), parts[i].surface.lower()))
            i += 1
    return groups


def _genitive(lemma: str, surface: str, plural: frozenset[str]) -> str | None:
    """The attribute form: a part already in the genitive ("henkilötietojen") stays as it is; a
    noun Voikko does not know as a noun gets none."""
    from plainfinnish.nlp.inflect import noun_form
    from plainfinnish.nlp.voikko import analyze

    if surface != lemma and any(a.case == "omanto" and a.baseform.lower() == lemma for a in analyze(surface)):
        return surface
    if not any(a.word_class == "nimisana" and a.baseform.lower() == lemma for a in analyze(lemma)):
        return None
    number = "plural" if any(lemma.endswith(p) for p in plural) else "singular"
    return noun_form(lemma, "omanto", number)


def _idiomatic(groups: list[tuple[str, str]], baseform: str) -> bool:
    """A genitive chain reads as Finnish only when every later part takes a genitive complement
    and no term of law or name of an institution is taken apart (see structure.toml)."""
    data = _long_word_data()
    heads = set(data["genitive_heads"])
    if any(lemma not in heads for lemma, _ in groups[1:]):
        return False
    return not any(term in baseform and not any(term in g for g, _ in groups) for term in data["legal_terms"])


def _long_word_data() -> dict:
    from plainfinnish.nlp.splitting import structure_data

    return structure_data()["long_word"]


def paraphrase(analysis: "Analysis", established: frozenset[str]) -> tuple[str | None, list[str]]:
    """'asiakaspalvelukanavavalinta' -> 'asiakaspalvelun kanavan valinta' (every word generated and
    verified by Voikko), and the established terms kept inside it. None when a form fails or the
    chain would not be idiomatic."""
    from plainfinnish.nlp.inflect import inflect

    groups = group_parts(analysis.parts, established)
    kept = [g for g, _ in groups if g in established]
    if len(groups) < 2 or not _idiomatic(groups, analysis.baseform.lower()):
        return None, kept
    plural = frozenset(_long_word_data()["plural_attributes"])
    words = []
    for lemma, surface in groups[:-1]:
        form = _genitive(lemma, surface, plural)
        if form is None:
            return None, kept
        words.append(form)
    head = groups[-1][0]
    if analysis.case == "nimento" and analysis.number == "singular" and not analysis.possessive:
        form = head
    else:
        form = inflect(head, analysis)
    if form is None:
        return None, kept
    words.append(form)
    return " ".join(words), kept


def _skip(token: "Token") -> bool:
    from plainfinnish.nlp.components import is_placeholder

    text = token.text
    return (is_placeholder(token) or token.like_url or token.like_email or any(c in text for c in "/@:_.#")
            or any(c.isdigit() for c in text) or not any(c.isalpha() for c in text))


class LongWord(Rule):
    id = "long-word"
    name_fi = "Pitkä yhdyssana"
    name_en = "Long compound"
    default_severity = "info"
    scope = "sentence"
    options = {
        "max-chars": Option(20, "Yhdyssanan suurin sallittu merkkimäärä.", "Most characters allowed in a compound.", minimum=8),
        "max-parts": Option(3, "Yhdyssanan suurin sallittu osien määrä.", "Most parts allowed in a compound.", minimum=2),
    }
    doc_fi = RuleDoc(
        title="Pitkä yhdyssana",
        what="Merkitsee yhdyssanat, joissa on yli `max-chars` (oletus 20) merkkiä tai yli `max-parts` (oletus 3) osaa. "
        "Sanaliittoa, jossa alkuosat ovat genetiivimääritteitä, ehdotetaan vain, kun se on luontevaa suomea: jokainen "
        "myöhempi osa on sana, joka ottaa genetiivin (”asiakastietojen muutos”, ”lahjakortin saldo”), osat ovat Voikon "
        "tuntemia ja pääsana on oikeassa sijamuodossa. Lakitermejä ja laitosten nimiä (arvonlisäverovelvollisuus, "
        "kuluttajariitalautakunta) ei pureta, eikä mekaanista ketjua (”kevään alennuksen myynti”) tarjota: silloin "
        "ilmoitus neuvoo vain. Vakiintuneet ja yleiset sanat (terveyskeskus, sähköpostiosoite, henkilöllisyystodistus) "
        "eivät ole virheitä. Kaksiosaiselle yhdyssanalle (”toimitusvahvistus”) ei ehdoteta sanaliittoa, joka ei olisi "
        "selkeämpi, vaan annetaan huomautus. Sama sana merkitään viestissä kerran, eikä virkkeen keskellä isolla "
        "alkukirjaimella kirjoitettuja nimiä merkitä. Paikkamerkkejä ja verkko-osoitteita ei tarkasteta.",
        why="Pitkä yhdyssana on tiivis: lukija joutuu purkamaan sen osiin ennen kuin ymmärtää sen. Kotus varoittaa "
        "turhista yhdyssanoista (virkakielitesti, kysymys 21), ja Selkokeskus neuvoo suosimaan lyhyitä sanoja.",
        example="Asiakastietomuutoksen vahvistus lähetetään sähköpostiisi.",
        use_instead="Asiakastietojen muutoksen vahvistus lähetetään sähköpostiisi.",
        fix_safety="Ehdotus on epävarma: sanaliitto voi muuttaa painotusta, ja määritteiden järjestys kannattaa tarkistaa. "
        "Jokainen ehdotettu sanamuoto on tarkistettu Voikolla.",
        references=("Kotus, Virkakielitesti, kysymys 21", "Selkokeskus, selkokirjoitusohjeet: sanat"),
    )
    doc_en = RuleDoc(
        title="Long compound",
        what="Flags compounds of more than `max-chars` (default 20) characters or `max-parts` (default 3) parts. A "
        "phrase with genitive attributes is suggested only when it is idiomatic Finnish: every later part takes a "
        "genitive complement ('asiakastietojen muutos', 'lahjakortin saldo'), Voikko knows every part and the head "
        "keeps the compound's case. Legal terms and names of institutions are never taken apart and mechanical "
        "chains are never offered: the message then only advises. Established and common words are fine. A "
        "two-part compound ('toimitusvahvistus') gets a note, not a phrase that would be no plainer. The same word "
        "is reported once per message, and capitalised names in mid-sentence are not flagged. Placeholders and URLs "
        "are never checked.",
        why="A long compound is dense: the reader has to take it apart before understanding it. Kotus warns "
        "against needless compounds; Selkokeskus advises short words.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Unsafe: the phrase can shift emphasis, and the order of the attributes should be checked. Every "
        "suggested word form is verified with Voikko.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        max_chars = int(context.options["max-chars"])
        max_parts = int(context.options["max-parts"])
        established = _established()
        from plainfinnish.nlp.components import facts

        seen: set[str] = set()
        # Compounds first, from the Doc's shared readings: a Token object only for those
        for i, analysis in enumerate(facts(doc).analysis):
            if analysis is None or not analysis.is_compound:
                continue
            token = doc[i]
            if _skip(token) or "-" in token.text:
                continue
            if token.text[0].isupper() and not token.is_sent_start:
                continue  # a name in mid-sentence ("… Poliisiammattikorkeakoulu"): the writer cannot shorten it
            if analysis.baseform.lower() in seen:
                continue  # said once per message: the same word again adds nothing
            seen.add(analysis.baseform.lower())
            n_parts = len(analysis.parts)
            if len(token.text) <= max_chars and n_parts <= max_parts:
                continue
            if analysis.baseform.lower() in established or _zipf(analysis.baseform.lower()) >= _threshold("established_zipf"):
                continue
            # Two parts are how Finnish builds words ("toimitusvahvistus"); only a longer chain reads
            # better as a phrase, so a two-part compound gets the note alone.
            phrase, kept = paraphrase(analysis, established) if n_parts >= 3 else (None, [])
            note = ""
            if kept:
                note = context.say(f" ({', '.join(kept)} on vakiintunut termi.)", f" ({', '.join(kept)} is an established term.)")
            if phrase:
                message = context.say(
                    f"Pitkä yhdyssana ({len(token.text)} merkkiä, {n_parts} osaa). Pura se sanaliitoksi.",
                    f"Long compound ({len(token.text)} characters, {n_parts} parts). Break it into a phrase.",
                ) + note
            else:  # no phrase that reads as Finnish: say so instead of a mechanical one
                message = context.say(
                    f"Pitkä yhdyssana ({len(token.text)} merkkiä, {n_parts} osaa). Harkitse lyhyempää sanaa tai kirjoita "
                    "asia auki verbillä; osien ketjuttaminen genetiiveiksi ei tässä tuota luontevaa ilmausta.",
                    f"Long compound ({len(token.text)} characters, {n_parts} parts). Consider a shorter word or say it "
                    "with a verb; a chain of genitives would not read naturally here.",
                ) + note
            suggestions = []
            if phrase:
                from plainfinnish.nlp.inflect import follow_case

                suggestions.append(Suggestion(follow_case(token.text, phrase), safe=False))
            yield self.finding(context, token.idx, token.idx + len(token.text), message, suggestions=suggestions,
                               data={"chars": len(token.text), "parts": n_parts, "established": kept})


RULE = LongWord
