"""The verification gate for safe fixes: a suggestion stays safe only if the rewritten text checks out.

Every rule's safe suggestions pass through `gate` (the engine calls it after the rules run), so a
rule can only ask for "safe"; this module decides. The rewritten words are re-analysed with Voikko,
never assumed:

- every changed word is a form Voikko knows;
- a word replaced one-for-one carries the same slot: word group (noun-like or verb), case, number,
  possessive suffix, clitic, person, tense, mood, polarity and participle — for each reading of
  the replaced word's lemma that the word before allows (`in_context`: an ambiguous
  "informoimme", present or past, needs a word that is ambiguous the same way);
- the words around still agree: an attribute stays an attribute-like word before its head (case
  and number follow from the slot), a replaced verb has no neighbouring complement in a case it
  may govern differently (no valency data to verify it);
- a compound has no part doubled ("tukitukipyyntö");
- capitalisation at a sentence start and placeholders are kept;
- a rewrite that changes the number of inflected words is never safe (its arguments and agreement
  cannot be verified word for word).

A failing suggestion keeps its text for review (`--unsafe-fixes`) but is no longer safe; the reason
is in the finding's data (`fix_review`). Analyses are cached per form, so the gate is cheap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from plainfinnish.nlp.voikko import Analysis, analyze

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plainfinnish.rules.base import Finding

#: A word of the rewritten text: letters and digits with inner hyphens, colons and apostrophes ("ALV:n").
_WORD = re.compile(r"[^\W_](?:[\w'’:-]*[^\W_])?")
_NOMINAL_CLASSES = {"nimisana", "laatusana", "nimisana_laatusana", "asemosana", "lukusana", "etunimi", "sukunimi",
                    "nimi", "paikannimi", "lyhenne"}
_ATTRIBUTE_CLASSES = {"laatusana", "nimisana_laatusana", "asemosana", "lukusana"}
#: The cases of a verb's object or subject, which any transitive verb takes alike, and the -sti
#: adverb ("huolellisesti"), which no verb governs.
_OBJECT_CASES = {"nimento", "omanto", "kerrontosti", None}
_CLITIC_TAILS = ("han[Ef]", "hän[Ef]", "pa[Ef]", "pä[Ef]")

Slot = tuple


def gate(doc: "Doc", finding: "Finding") -> None:
    """Withdraw the safe mark from each of the finding's suggestions that fails verification."""
    for i, suggestion in enumerate(finding.suggestions):
        if not suggestion.safe or suggestion.advice:
            continue
        start = finding.start if suggestion.start is None else suggestion.start
        end = finding.end if suggestion.end is None else suggestion.end
        reason = verify(doc, start, end, suggestion.new_text)
        if reason is not None:
            finding.suggestions[i] = replace(suggestion, safe=False)
            finding.data.setdefault("fix_review", reason)


def verify(doc: "Doc", start: int, end: int, new: str) -> str | None:
    """None when replacing doc.text[start:end] with `new` passes the gate, else why not (English)."""
    from plainfinnish.nlp.components import doc_text

    text = doc_text(doc)  # built once per Doc, not per suggestion
    if not 0 <= start <= end <= len(text):
        return "the span is outside the text"
    message = doc._.message if doc.has_extension("message") else None
    if message is not None and message.placeholders:
        for p_start, p_end in message.placeholders:
            if start < p_end and p_start < end and text[p_start:p_end] not in new:
                return "the rewrite changes a placeholder"
    # widen to whole words, so that a changed part of a word is judged as the whole word
    lo, hi = start, end
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    old_matches = list(_WORD.finditer(text, lo, hi))
    old_words = [m.group() for m in old_matches]
    new_words = _WORD.findall(text[lo:start] + new + text[end:hi])
    at_start = _sentence_start(doc, lo)
    ops = SequenceMatcher(None, [w.lower() for w in old_words], [w.lower() for w in new_words], autojunk=False)
    for tag, i1, i2, j1, j2 in ops.get_opcodes():
        if tag == "equal":
            continue
        olds, news = old_words[i1:i2], new_words[j1:j2]
        for word in news:
            if not _known(word):
                return f"Voikko does not know {word!r}"
        if tag == "replace" and len(olds) == len(news):
            for k, (old, new_word) in enumerate(zip(olds, news)):
                where = old_matches[i1 + k]
                if text[where.end():where.end() + 1] == "." and _abbreviation_for_word(old + ".", new_word):
                    continue  # "n." -> "noin": an abbreviation of a word that never inflects
                reason = _check_pair(old, new_word, at_start and i1 + k == 0, _token_at(doc, where.start(), where.end()))
                if reason is not None:
                    return reason
            tokens = [_token_at(doc, m.start(), m.end()) for m in old_matches[i1:i2]]
            if any(_is_verb(o, t) for o, t in zip(olds, tokens)) and _governed_neighbour(doc, lo, hi):
                return "a replaced verb has a complement whose case it may govern differently"
            if _attribute_becomes_noun(doc, hi, olds[-1], news[-1]):
                return "an attribute would be replaced by a word that does not agree as an attribute"
        elif not all(_uninflected(w) for w in (*olds, *news)):
            return "the rewrite changes the number of inflected words"
    return None


#: Forms of the negation verb after which a verb is a connegative ("emme prosessoi").
_NEGATION_FORMS = frozenset({"en", "et", "ei", "emme", "ette", "eivät", "älä", "älkää"})


def in_context(token, readings: tuple) -> tuple:
    """The readings of a word the word before it allows (one look back, so linear): a connegative
    ("(emme) prosessoi", "(ei) reklamoida") only right after a negation verb, and there only the
    connegative; an imperative only where a clause can begin."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
    plain = {a.baseform for a in readings if a is not None and a.participle != "agent"}
    readings = tuple(a for a in readings if a is None or a.participle != "agent" or a.baseform not in plain)
    negated = prev is not None and prev.lower_ in _NEGATION_FORMS
    mid_clause = prev is not None and not prev.is_punct and prev.lower_ not in ("ja", "tai", "sekä")
    # "varaa", "prosessoi": one reading stands for the 3rd person present and the connegative or
    # imperative; the context picks one, a clause start leaves both
    readings = tuple(b for a in readings for b in _split_both(a, negated, mid_clause))
    # after a negation verb every reading of the word is a candidate (a tagger may have picked the
    # past tense of "(emme) prosessoi"): the negation decides
    pool = readings + tuple(b for a in token._.analyses for b in _split_both(a, True, True)) if negated else readings
    # Voikko reads a connegative as the passive's negative form or as the 2nd person imperative
    connegative = [a for a in pool if a is not None and (a.negative == "true" or (
        a.mood == "imperative" and a.person == "2" and a.number != "plural" and a.negative == "both"))
        and not (a.person == "4" and prev is not None and prev.lower_ != "ei")]  # "emme/älä toimita": not the passive
    if negated and connegative:
        return tuple(dict.fromkeys(connegative))
    kept = tuple(a for a in readings
                 if a is None or not (a.negative == "true" or (mid_clause and a.mood == "imperative")))
    if prev is not None and any(a is not None and a.mood == "A-infinitive" for a in kept) and _finite_verb(prev):
        # "Voit suorittaa": after a finite verb the word is its infinitive, not a 3rd person form
        kept = tuple(a for a in kept if a is not None and a.mood == "A-infinitive")
    return tuple(dict.fromkeys(kept or readings))


def _finite_verb(token) -> bool:
    """The word reads as a finite verb ("voit", "haluamme", "kannattaa"); a rival noun reading ("voit",
    the plural of butter) hardly ever stands before an infinitive-or-3rd-person word."""
    return any(a.word_class == "teonsana" and a.person is not None and a.mood != "A-infinitive"
               for a in token._.analyses)


def _is_both(a: Analysis | None) -> bool:
    return a is not None and a.negative == "both" and a.mood == "indicative" and a.person == "3" \
        and a.tense == "present_simple"


def _split_both(a: Analysis | None, negated: bool, mid_clause: bool) -> tuple:
    if not _is_both(a):
        return (a,)
    assert a is not None
    imperative = replace(a, mood="imperative", person="2")
    present = replace(a, negative="false")
    if negated:
        return (imperative,)
    return (present,) if mid_clause else (imperative, present)


def _check_pair(old: str, new: str, sentence_start: bool, token=None) -> str | None:
    if sentence_start and old[:1].isupper() and not new[:1].isupper():
        return f"{new!r} does not keep the capital letter at the sentence start"
    groups, new_slots = _slots(old) if token is None else _context_slots(token), _all_slots(new)
    if not groups:
        return f"{old!r} has no reading to compare with"
    if not any(slots <= new_slots for slots in groups):
        missing = min((slots - new_slots for slots in groups), key=len)
        return f"{new!r} does not carry the form of {old!r} ({_describe(sorted(missing, key=str)[0])})"
    return _doubled_part(old, new)


def _abbreviation_for_word(abbreviation: str, new: str) -> bool:
    from plainfinnish.nlp.inflect import never_inflects

    readings = _readings(abbreviation)
    return bool(readings) and all(a.word_class == "lyhenne" for a in readings) and never_inflects(new)


@lru_cache(maxsize=16384)
def _known(word: str) -> bool:
    return word.isdigit() or bool(analyze(word)) or bool(analyze(word.lower()))


def _readings(word: str) -> tuple[Analysis, ...]:
    return analyze(word) or analyze(word.lower())


def _slot(a: Analysis) -> Slot:
    from plainfinnish.nlp.inflect import signature

    group, case, number, person, mood, tense, negative, possessive, participle, comparison = signature(a)
    clitic = (a.focus, a.kysymysliite, a.fstoutput.endswith(_CLITIC_TAILS))
    if case == "kerrontosti":  # "lähtökohtaisesti" is an adverb: it fills the slot of "yleensä"
        return (group, None, None, None, None, None, None, None, None, None, clitic)
    degree = comparison if comparison not in (None, "positive") else None  # pronouns have none
    return (group, case, number, person, mood, tense, negative, possessive, participle, degree, clitic)


@lru_cache(maxsize=16384)
def _slots(word: str) -> tuple[frozenset[Slot], ...]:
    """The slots the word fills, one set per lemma: the replacement must fill every slot of the
    replaced word's lemma (the rule chose the lemma; its own readings may still be ambiguous)."""
    return _by_lemma(_readings(word))


def _by_lemma(readings) -> tuple[frozenset[Slot], ...]:
    by_lemma: dict[str, list[Analysis]] = {}
    for a in readings:
        by_lemma.setdefault(a.baseform.lower(), []).append(a)
    out = []
    for group in by_lemma.values():
        # "maksutapahtuma" is also read as an agent participle of "tapahtua": a derivation, not a
        # second form of the noun, when a plain reading of the same word exists
        plain = [a for a in group if a.participle != "agent"]
        out.append(frozenset(_slot(a) for a in (plain or group)))
    return tuple(out)


def _context_slots(token) -> tuple[frozenset[Slot], ...]:
    return _by_lemma([a for a in in_context(token, tuple(token._.analyses)) if a is not None]) or _slots(token.text)


@lru_cache(maxsize=16384)
def _all_slots(word: str) -> frozenset[Slot]:
    """Every slot a word can fill ("varaa": the 3rd person present, the connegative, the imperative)."""
    return frozenset(_slot(b) for a in _readings(word) for b in (a, *_split_both(a, False, False)))


def _describe(slot: Slot) -> str:
    names = ("group", "case", "number", "person", "mood", "tense", "negative", "possessive", "participle", "degree",
             "clitic")
    return ", ".join(f"{n}={v}" for n, v in zip(names, slot) if v not in (None, (None, False, False)))


def _doubled_part(old: str, new: str) -> str | None:
    """A compound part that the new word has more often than the old word had it (at least once)."""
    old_parts = Counter(p.lemma.lower() for a in _simplest(old) for p in a.parts)
    for a in _simplest(new):
        for lemma, n in Counter(p.lemma.lower() for p in a.parts).items():
            if n > max(1, old_parts.get(lemma, 0)):
                return f"{new!r} repeats the compound part {lemma!r}"
    return None


def _simplest(word: str) -> list[Analysis]:
    readings = _readings(word)
    fewest = min((len(a.parts) for a in readings), default=0)
    return [a for a in readings if len(a.parts) == fewest][:1]


def _uninflected(word: str) -> bool:
    """A word with no inflection to agree (conjunctions, adverbs, particles), in all its readings."""
    from plainfinnish.nlp.inflect import is_uninflected

    readings = _readings(word)
    return bool(readings) and all(is_uninflected(a) and a.word_class != "lyhenne" for a in readings)


def _is_verb(word: str, token=None) -> bool:
    """A verb form that may govern a complement: finite or infinitive, or a participle in a verb
    chain after 'olla' ("olet lukeutunut"); an attribute participle ("kryptattua viestiä") is not."""
    readings = _readings(word)
    if any(a.word_class == "teonsana" for a in readings):
        return True
    if token is None or token.i == 0 or not any(a.participle for a in readings):
        return False
    return any(a.baseform == "olla" for a in token.doc[token.i - 1]._.analyses)


def _token_at(doc: "Doc", start: int, end: int):
    """The token that is exactly text[start:end], or None."""
    span = doc.char_span(start, end)
    return span[0] if span is not None and len(span) == 1 else None


def _tokens(doc: "Doc", lo: int, hi: int):
    """The tokens covering [lo, hi) (spaCy finds them by bisection: no walk over the doc)."""
    return doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None


def _sentence_start(doc: "Doc", offset: int) -> bool:
    from plainfinnish.nlp.components import doc_text

    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].idx == offset and span[0].is_sent_start


def _neighbours(doc: "Doc", lo: int, hi: int) -> list:
    """The words right before and right after [lo, hi) in the same sentence (punctuation stops)."""
    span = _tokens(doc, lo, hi)
    if span is None or not len(span):
        return []
    out = []
    if span.start > 0 and not span[0].is_sent_start:
        before = doc[span.start - 1]
        if not before.is_punct and not before.is_space:
            out.append(before)
    if span.end < len(doc):
        after = doc[span.end]
        if not after.is_punct and not after.is_space and not after.is_sent_start:
            out.append(after)
    return out


def _governed_neighbour(doc: "Doc", lo: int, hi: int) -> bool:
    """A noun phrase word next to a replaced verb in a case other than a subject's or an object's
    (nominative, genitive-accusative): the old verb may govern it ("informoimme asiakasta") where
    the new one would not. Without valency data, such a fix is left for review."""
    for token in _neighbours(doc, lo, hi):
        readings = [a for a in token._.analyses if a.word_class in _NOMINAL_CLASSES and not a.participle]
        if readings and not any(a.case in _OBJECT_CASES for a in readings):
            return True
    return False


def _attribute_becomes_noun(doc: "Doc", hi: int, old: str, new: str) -> bool:
    """An adjective, pronoun or numeral that agrees as an attribute with the next word must not be
    replaced by a noun ("kyseisen tuotteen": the replacement must be attribute-like too)."""
    old_readings = _readings(old)
    if not old_readings or not all(a.word_class in _ATTRIBUTE_CLASSES or a.participle for a in old_readings):
        return False
    span = _tokens(doc, max(0, hi - 1), hi)
    after = doc[span.end] if span is not None and len(span) and span.end < len(doc) else None
    if after is None or after.is_punct or after.is_sent_start or not after._.analyses:
        return False
    cases = {(a.case, a.number) for a in old_readings}
    if not any((a.case, a.number) in cases and a.word_class == "nimisana" for a in after._.analyses):
        return False
    return not any(a.word_class in _ATTRIBUTE_CLASSES or a.participle for a in _readings(new))
