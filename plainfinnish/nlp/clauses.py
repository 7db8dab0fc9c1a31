"""Clause facts of a sentence, computed once: where clauses begin, which are main clauses, which
could stand as sentences of their own.

A sentence is cut into stretches at commas and coordinators ("ja", "mutta", …) outside quotes and
parentheses. Each stretch is classified from its first word (a subordinator, a relative pronoun,
an interrogative) and its verbs (finite or not, person, mood). One left-to-right pass; the result
is cached on the Doc per sentence, so every rule asking gets the same answer for free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plainfinnish.nlp.components import analyses_of, best_analysis, facts, profile_of, span_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


FINITE_MOODS = {"indicative", "conditional", "imperative", "potential"}
_QUOTES = {'"', "”", "“", "«", "»"}
_NOMINALS = {"nimisana", "asemosana", "etunimi", "sukunimi", "paikannimi", "nimi", "lyhenne"}
_CACHE_KEY = "plainfinnish.clauses"


def _data() -> dict[str, Any]:
    from plainfinnish import datafiles

    return datafiles.load("structure")["splitting"]


def is_finite(token: "Token") -> bool:
    """A finite verb: VerbForm=Fin from the tagger (accurate), else from Voikko's reading."""
    if profile_of(token.doc) == "accurate" and token.morph.get("VerbForm"):
        return "Fin" in token.morph.get("VerbForm")
    a = best_analysis(token)
    if a is None:
        return False
    if a.word_class == "kieltosana":
        return True
    if a.word_class != "teonsana":
        return False
    # without a tagger, 'toimittaa' (3sg or A-infinitive) counts when any verb reading is finite
    readings = (a,) if profile_of(token.doc) == "accurate" else analyses_of(token)
    return any(r.word_class == "teonsana" and r.mood in FINITE_MOODS and r.person is not None for r in readings)


def finite_here(token: "Token") -> bool:
    """is_finite, and in the fast profile also a 3rd-person verb reading right after a nominative
    noun, where Voikko's first reading is a noun ('korttisi lakkaa': varnish, or 'stops'): a
    nominative noun is not followed by a partitive of its own phrase, but a verb follows its subject."""
    if is_finite(token):
        return True
    if profile_of(token.doc) == "accurate" or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    pa = best_analysis(prev)
    if pa is None or pa.case != "nimento" or pa.word_class not in _NOMINALS:
        return False
    return any(r.word_class == "teonsana" and r.person == "3" and r.mood == "indicative" for r in analyses_of(token))


def _may_be_infinitive(token: "Token") -> bool:
    """'maksaa', 'lähettää': a 3rd-person form that is also the A-infinitive."""
    return any(r.mood == "A-infinitive" for r in analyses_of(token))


def protected(sentence: "Span") -> set[int]:
    """Token indices inside quotes or parentheses: never split there."""
    inside: set[int] = set()
    depth = 0
    quoted = False
    for t in span_tokens(sentence):
        if t.text in _QUOTES and t.text != "“":
            quoted = not quoted
        elif t.text == "“":
            quoted = True
        elif t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        if quoted or depth:
            inside.add(t.i)
    return inside


@dataclass
class Clause:
    """A stretch of a sentence between commas and coordinators, and what kind of clause it is."""

    start: int  # token index of its first word (after the separator and the coordinator)
    end: int  # token index after its last token
    sep: "Token | None" = None  # the comma before it
    conj: "Token | None" = None  # the coordinator that opens it
    #: "main", "subordinate" (että, jos, kun…), "relative" (joka…), "question" (indirect), "fragment" (no finite verb)
    kind: str = "fragment"
    opener: "Token | None" = None  # the subordinator, relative or interrogative word
    words: list["Token"] = field(default_factory=list)
    stands: bool = False  # a main clause that reads as a sentence on its own (own subject, 1st/2nd person, passive, imperative)
    listed: bool = False  # after a colon, or an item continuing a list of nouns ("lumen, loskan ja jään …")
    #: why it cannot start a sentence of its own (for advice), "" when it can
    bound: str = ""

    @property
    def main(self) -> bool:
        return self.kind == "main"


def _opening_kind(t: "Token", data: dict[str, Any]) -> tuple[str, bool]:
    """What a clause's first word makes it: ('subordinate' | 'relative' | 'question' | '', is_opener)."""
    a = best_analysis(t)
    base = a.baseform.lower() if a else t.lower_
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    # the tokenizer cuts "ellei", "ettei", "jottei", "jollei" into "ell" + "ei"
    fused = t.lower_ + nxt.lower_ if nxt is not None and nxt.lower_ == "ei" and not t.whitespace_ else ""
    if t.lower_ in data["subordinators"] or fused in data["subordinators"]:
        return "subordinate", True
    if base in data["interrogatives"] or (a is not None and a.kysymysliite):
        return "question", True
    if base in data["relatives"] and a is not None and a.word_class == "asemosana":
        return "relative", True
    return "", False


_NEGATIVE_CONJUNCTIONS = {"eikä", "enkä", "etkä", "emmekä", "ettekä", "eivätkä", "vaan", "tai", "vai", "sekä"}


def _stands(clause: Clause) -> bool:
    """Can the main clause start a sentence: a 1st/2nd person, passive or imperative verb, or a
    subject of its own. "… ja saapuu huomenna" shares the subject before it; in "… ja maksaa
    tuotteet" the verb may be an infinitive coordinated with one before ("voit tilata ja maksaa"),
    so a noun after such a verb is no subject."""
    if not clause.words or clause.listed:
        return False
    first = clause.words[0]
    if first.lower_ in _NEGATIVE_CONJUNCTIONS or (best_analysis(first) is not None and best_analysis(first).word_class == "sidesana"):
        return False  # ", eikä …", ", vaan …": joined to the clause before by its first word
    accurate = profile_of(first.doc) == "accurate"
    seen_finite = False
    ambiguous = False
    for t in clause.words:
        if accurate and t.dep_ in ("nsubj", "nsubj:cop", "csubj"):
            return True
        a = best_analysis(t)
        if a is None:
            if facts(t.doc).placeholder[t.i] and not (seen_finite and ambiguous):
                return True
            continue
        if finite_here(t):
            if a.word_class == "teonsana" and (a.person in ("1", "2", "4") or a.mood == "imperative") and not _may_be_infinitive(t):
                return True
            if not seen_finite:
                seen_finite = True
                ambiguous = _may_be_infinitive(t)
            continue
        if a.case == "nimento" and a.word_class in _NOMINALS and not (seen_finite and ambiguous):
            return True
    return False


def _continues_list(before: "Token | None", after: "Token | None") -> bool:
    """'lumen, loskan ja jään': the word after the coordinator can be a noun in the case of the noun
    before it, so it may be the next item of a list ('jään' is also 'I stay')."""
    if before is None or after is None:
        return False
    # Nouns and noun-adjectives ('viranomainen'); the number may differ ('torjunta sekä lumityöt').
    nouns = ("nimisana", "nimisana_laatusana")
    a = best_analysis(before)
    if a is None or a.word_class not in nouns or a.case is None:
        return False
    return any(r.word_class in nouns and r.case == a.case for r in analyses_of(after))


def _split(sentence: "Span") -> list[Clause]:
    data = _data()
    coordinators = data["coordinators"]
    inside = protected(sentence)
    doc = sentence.doc
    clauses: list[Clause] = []
    current = Clause(sentence.start, sentence.start)
    finite = False
    colon = False
    toks = span_tokens(sentence)
    last = max((t.i for t in toks if not t.is_space), default=sentence.start)
    for t in toks:
        if t.i in inside:
            current.end = t.i + 1
            continue
        if t.text in (",", ";") or (t.text in (".", "!", "?", ":") and t.i < last):
            current.end = t.i
            clauses.append(_close(current, finite))
            # after a full stop the sentencer kept inside ("37 cm. 18.2. …") no joint is known
            current, finite = Clause(t.i + 1, t.i + 1, sep=t if t.text in (",", ";") else None), False
            colon = colon or t.text == ":"
            # "myyjä, rahoittaja tai vakuutusyhtiö päättää": a comma between nouns in
            # one case is a list, not a joint
            after = next((n for n in doc[t.i + 1:min(t.i + 3, sentence.end)] if not n.is_space), None)
            before = doc[t.i - 1] if t.i > sentence.start and t.text == "," else None
            current.listed = colon or _continues_list(before, after)
            continue
        first = not current.words
        prev = doc[t.i - 1] if t.i > sentence.start else None
        # "kevät- ja syyskaudella": the coordinator joins the parts of a compound, not clauses
        hyphen_joined = prev is not None and len(prev.text) > 1 and prev.text.endswith("-")
        nxt = doc[t.i + 1] if t.i + 1 < sentence.end else None
        # "käyttö ja valvonta -yksikkö": the coordination is the first part of a spaced-hyphen compound
        second = doc[t.i + 2] if t.i + 2 < sentence.end else None
        hyphen_joined = hyphen_joined or (second is not None and len(second.text) > 1 and second.text.startswith("-"))
        # "…, sillä on takuu": 'sillä' is the pronoun ('it has'), not the conjunction 'for'
        pronoun = t.lower_ == "sillä" and nxt is not None and best_analysis(nxt) is not None and best_analysis(nxt).baseform == "olla"
        if t.lower_ in coordinators and not hyphen_joined and not pronoun:
            if first and current.conj is None:
                current.conj = t
                current.start = t.i + 1
                continue
            if not first:  # a coordinator without a comma: "… on lähetetty ja saat …"
                current.end = t.i
                clauses.append(_close(current, finite))
                current, finite = Clause(t.i + 1, t.i + 1, conj=t), False
                current.listed = colon or _continues_list(prev, nxt)
                continue
        if first and not t.is_punct:
            kind, is_opener = _opening_kind(t, data)
            if is_opener:
                current.kind, current.opener = kind, t
        if not t.is_punct and not t.is_space:
            current.words.append(t)
        finite = finite or finite_here(t)
        current.end = t.i + 1
    clauses.append(_close(current, finite))
    clauses = [c for c in clauses if c.words or c.conj]
    _bind(clauses)
    return clauses


def _close(clause: Clause, finite: bool) -> Clause:
    if clause.kind == "fragment" and clause.opener is None:
        clause.kind = "main" if finite else "fragment"
    elif not finite and clause.kind in ("relative", "question"):
        clause.kind = "fragment"
    if clause.kind == "main":
        clause.stands = _stands(clause)
    return clause


def _bind(clauses: list[Clause]) -> None:
    """Why each clause cannot begin a sentence; a coordinated clause without a comma after a
    subordinate or relative clause continues that clause ("jos paketti katoaa ja saat …")."""
    previous_kind = ""
    for c in clauses:
        if c.kind == "main" and c.conj is not None and c.sep is None and previous_kind in ("subordinate", "relative", "question"):
            c.kind = previous_kind  # continues the clause before it
            c.stands = False
            c.bound = "continues"
        elif c.kind == "main" and (c.listed or (not c.stands and c.words and _may_be_infinitive(c.words[0]))):
            c.bound = "fragment"  # a list item, or the next infinitive of a list ('oikeus saada …, vaatia …')
        elif c.kind == "main" and not c.stands:
            c.bound = "shared-subject"
        elif c.kind != "main":
            c.bound = c.kind
        previous_kind = c.kind if c.kind != "fragment" else previous_kind


def clauses(sentence: "Span") -> list[Clause]:
    """The clauses of a sentence (cached on its Doc)."""
    cache = sentence.doc.user_data.setdefault(_CACHE_KEY, {})
    key = (sentence.start, sentence.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _split(sentence)
    return found


def has_finite_verb(sentence: "Span") -> bool:
    return any(c.kind != "fragment" for c in clauses(sentence))
