"""missing-next-step: a service message that does not tell the customer what happens next.

Two decisions, both from the analysed text (person, mood, tense, voice, possessive suffixes and,
in the accurate profile, dependency relations), with the word lists in data/next_step.toml:

1. Is this a service message (a confirmation, receipt, notice, reminder, decision or reply)? A
   report on the customer's own case ("Hakemuksesi on vastaanotettu", "Olemme vastaanottaneet
   tilauksesi", "Kiitos tilauksestasi") decides it alone; a greeting, a sign-off, a reference
   number and template placeholders decide it together. Policies, cookie texts, FAQ entries,
   slogans and short UI strings are not service messages: flagging them is a false alarm.
2. Does it say what happens next? Me-form action verbs ("käsittelemme", "tulemme lähettämään"),
   what the customer gets or can do ("saat", "voit", imperatives, "sinun ei tarvitse tehdä
   mitään"), a named organisation acting, or a passive action with a time ("toimitetaan
   kesäkuussa"). What the message does decides too: a status that moves the case on ("Pakettisi
   on matkalla", "Tilauksesi on lähetetty", "odottaa noutoa"), a booking or a renewal with its
   date, the end of access after a cancellation and "otamme yhteyttä tarvittaessa" are next
   steps; a wish-conditional help offer ("Jos haluat muuttaa…"), an account option ("voit
   kirjautua ulos") and a promise of effort ("teemme parhaamme") are not. An overdue reminder
   must also say what happens if the bill stays unpaid.

The service-message classifier is shared with `pushy-upsell` and `question-overload`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from plainfinnish import datafiles
from plainfinnish.document import PLACEHOLDER_WORD
from plainfinnish.nlp.memo import UNSET
from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@cache
def data() -> dict[str, Any]:
    """plainfinnish/data/next_step.toml, with its lists as sets."""
    raw = datafiles.load("next_step")
    # Lists become sets for lookups; strings stay as they are.
    out = {section: {k: (frozenset(v) if isinstance(v, list) else v) for k, v in values.items()}
           for section, values in raw.items()}
    od = out["overdue"]
    # Every base form and word form an overdue or consequence reading starts from (`_overdue`).
    od["any_verb"] = od["words"] | od["unpaid_verbs"] | od["consequences"] | {"maksaa"}
    od["any_surface"] = od["surface"] | {"muuten"}
    return out


# --- Token helpers (shared with pushy-upsell and question-overload) -----------------------------

_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.(\d{2,4})?$|^\d{1,2}[:.]\d{2}$|^\d{1,2}\.$")
_COMPANY = {"oy", "oyj", "ab", "ry", "ky", "tmi", "ltd"}


def feat(token: "Token", name: str) -> str | None:
    values = token.morph.get(name)
    return values[0] if values else None


# components' per-Doc facts, imported on first use: this module is imported (for the rule list
# and docs) where spaCy need not load.
_components: list = []


def _c() -> Any:
    if not _components:
        from plainfinnish.nlp import components

        _components.append(components)
    return _components[0]


#: The Doc these helpers were last asked about, its facts (components.facts) and whether it is
#: in the fast profile: one message's words are asked about many times in a row, and finding its
#: facts anew for each question cost more than most answers.
_current: list = [None, None, False]


def facts(doc: "Doc") -> Any:
    if _current[0] is not doc:
        known = _c().facts(doc)
        _current[0], _current[1], _current[2] = doc, known, known.profile == "fast"
    return _current[1]


def profile_of(doc: "Doc") -> str:
    return facts(doc).profile


def is_placeholder(token: "Token") -> bool:
    return facts(token.doc).placeholder[token.i]


def _memo(token: "Token", name: str) -> tuple[list, int]:
    """The token's slot in the Doc's per-token list `name`: these helpers are asked about the same
    tokens many times per message, by several rules."""
    return _c().token_memo(token.doc, name), token.i


def per_form(compute: Any) -> Any:
    """Keep what `compute(token, *args)` says about a word by its form. In the fast profile a
    word's readings, lemma, part of speech and features all follow from its form (Voikko reads
    each form alone), so the answer is kept across messages: a content repo repeats its words
    endlessly. In the accurate profile (the tagger reads the context) and for placeholders it is
    kept per Doc and token. Only for questions about the word itself, never its neighbours."""
    by_form: dict[Any, Any] = {}
    name = f"next-step.{compute.__name__}"

    def answer(token: "Token", *args: Any) -> Any:
        doc = token.doc
        known = _current[1] if _current[0] is doc else facts(doc)
        if _current[2]:
            text = token.text
            if not (text.startswith(PLACEHOLDER_WORD) and known.placeholder[token.i]):
                key = (text, *args) if args else text
                found = by_form.get(key, UNSET)
                if found is UNSET:
                    if len(by_form) >= 200_000:
                        by_form.clear()
                    found = by_form[key] = compute(token, *args)
                return found
        memo, i = _memo(token, name + repr(args))
        found = memo[i]
        if found is UNSET:
            found = memo[i] = compute(token, *args)
        return found

    answer.__doc__, answer.__name__, answer.__wrapped__ = compute.__doc__, compute.__name__, compute  # type: ignore[attr-defined]
    return answer


def words(span: "Span | Doc") -> list["Token"]:
    """The words of a sentence (or Doc): no spaces, no punctuation. Kept per Doc for sentences,
    which several decisions read."""
    start = getattr(span, "start", None)
    if start is None:
        return [t for t in span if not t.is_space and not t.is_punct]
    known = facts(span.doc)
    kept = known.memo.setdefault("next-step.words", {})
    found = kept.get((start, span.end))
    if found is None:
        toks, word = _c().tokens(span.doc), known.word
        found = kept[(start, span.end)] = [toks[i] for i in range(start, span.end) if word[i]]
    return found


def attributive(token: "Token") -> bool:
    """Is the word followed by a noun it may modify ("kysytyt kysymykset")?"""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].is_space and not doc[i].is_sent_start:
        i += 1
    if i >= len(doc) or doc[i].is_sent_start:
        return False
    nxt = doc[i]
    return nxt.pos_ in ("NOUN", "PROPN") or any(a.pos == "NOUN" for a in analyses(nxt))


def previous_word(token: "Token") -> "Token | None":
    """The word before, within the sentence (from the Doc's facts: no walk back, no `token.sent`)."""
    from plainfinnish.nlp.components import facts

    i = facts(token.doc).prev_word[token.i]
    return token.doc[i] if i >= 0 else None


def analyses(token: "Token") -> tuple:
    """Voikko readings; for a word glued to quotes or punctuation by the tokenizer ("hylätty.'"
    in a PHP string) those of the bare word."""
    from plainfinnish.nlp.components import facts

    doc = token.doc
    known = _current[1] if _current[0] is doc else facts(doc)
    found = known.analyses[token.i]
    if found or known.placeholder[token.i]:
        return found
    return _bare_analyses(token.text)


@lru_cache(maxsize=20_000)
def _bare_analyses(text: str) -> tuple:
    bare = text.strip("'\"`.,;:!?()[]{}«»”“’")
    if bare and bare != text and bare.isalpha():
        from plainfinnish.nlp import voikko

        return voikko.analyze(bare)
    return ()


def lemmas(token: "Token") -> frozenset[str]:
    """All base forms a token may have (the chosen lemma and every Voikko reading)."""
    text = token.text
    if text.startswith(PLACEHOLDER_WORD) and is_placeholder(token):
        return frozenset({token.lemma_.lower()})
    return _lemmas(text, token.lemma_, token.is_punct or token.is_space)


@lru_cache(maxsize=100_000)
def _lemmas(text: str, lemma: str, skipped: bool) -> frozenset[str]:
    """`lemmas` of a word by its text (what `analyses` reads: Voikko's readings of the form, or
    of the bare word for a form glued to punctuation; spaces and punctuation have only the latter)."""
    from plainfinnish.nlp import voikko

    readings = (() if skipped else voikko.analyze(text)) or _bare_analyses(text)
    return frozenset({lemma.lower(), *(a.baseform.lower() for a in readings)})


class SentenceSummary(NamedTuple):
    """What most sentence decisions ask first, about the words of a sentence (`words`)."""

    owned: bool  # a word is the customer's own (`second_person_owner`)
    lemmas: frozenset[str]  # every base form a word may have (`lemmas`)
    verb_bases: frozenset[str]  # every word's `verb_bases`
    part_lemmas: frozenset[str]  # the base forms of the parts of every compound reading, lower case
    lowers: frozenset[str]  # the words in lower case
    own_nominative: bool  # a word is a nominative with the sender's possessive (`own_nominative`)


_NO_WORDS = SentenceSummary(False, frozenset(), frozenset(), frozenset(), frozenset(), False)


def sentence_summary(sentence: "Span") -> SentenceSummary:
    """The sentence's `SentenceSummary`, made for every sentence of the Doc in one pass."""
    doc, start = sentence.doc, sentence.start
    known = facts(doc)
    if start >= len(doc) or known.sent_start[start] != start or known.sent_end[start] != sentence.end:
        return _summary([_word_summary(t) for t in words(sentence)])  # a span that is no whole sentence
    found = known.memo.get("next-step.summaries")
    if found is None:
        found = known.memo["next-step.summaries"] = _summaries(doc, known)
    return found.get(start, _NO_WORDS)


#: (orth, lemma, morph) -> `_word_summary` of a word: it follows from these alone
_WORD_SUMMARIES: dict[tuple[int, int, int], tuple[bool, frozenset[str], frozenset[str], frozenset[str], str, bool]] = {}


def _word_summary(token: "Token") -> tuple[bool, frozenset[str], frozenset[str], frozenset[str], str, bool]:
    """(`second_person_owner`, `lemmas`, `verb_bases`, compound parts' base forms, lower case,
    `own_nominative`) of a word, the base forms in one pass over its readings."""
    readings, lemma, lower = analyses(token), token.lemma_, token.lower_
    owner, own = _owner(feat(token, "Person[psor]"), readings, lemma, lower), _own_nominative(readings)
    if is_placeholder(token):
        bases = lemmas(token)
        return owner, bases, bases, frozenset(), lower, own
    bases_: set[str] = {lemma.lower()}
    verbs: set[str] = set()
    parts: set[str] = set()
    for a in readings:  # the readings `lemmas` reads for a word (no space, no punctuation)
        bases_.add(a.baseform.lower())
        if a.participle:
            verbs.update(m.lower() for m in _VERB_BASE.findall(a.fstoutput))
        if len(a.parts) > 1:
            parts.update(p.lemma.lower() for p in a.parts)
    bases = frozenset(bases_)
    return owner, bases, bases | verbs if verbs else bases, frozenset(parts), lower, own


def _summary(found: list[tuple]) -> SentenceSummary:
    if not found:
        return _NO_WORDS
    owned, lemma_sets, verb_sets, part_sets, lowers, own = zip(*found)
    return SentenceSummary(any(owned), frozenset().union(*lemma_sets), frozenset().union(*verb_sets),
                           frozenset().union(*part_sets), frozenset(lowers), any(own))


def _summaries(doc: "Doc", known: Any) -> dict[int, SentenceSummary]:
    from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, MORPH, ORTH

    if len(_WORD_SUMMARIES) > 200_000:
        _WORD_SUMMARIES.clear()
    by_sentence: dict[int, list[tuple]] = {}
    rows = doc.to_array([ORTH, LEMMA, MORPH, IS_SPACE, IS_PUNCT]).tolist() if len(doc) else []
    placeholder, sent_start = known.placeholder, known.sent_start
    for i, (orth, lemma, morph, is_space, is_punct) in enumerate(rows):
        if is_space or is_punct:
            continue
        key = (orth, lemma, morph)
        word = None if placeholder[i] else _WORD_SUMMARIES.get(key)
        if word is None:
            word = _word_summary(doc[i])
            if not placeholder[i]:
                _WORD_SUMMARIES[key] = word
        found = by_sentence.get(sent_start[i])
        if found is None:
            found = by_sentence[sent_start[i]] = []
        found.append(word)
    return {start: _summary(found) for start, found in by_sentence.items()}


_VERB_BASE = re.compile(r"\[Xp\]([^\[]+)\[X\]")


@per_form
def verb_bases(token: "Token") -> frozenset[str]:
    """The verbs of a participle ("lähetetty" → lähettää) besides the token's lemmas."""
    out = lemmas(token)
    for a in analyses(token):
        if a.participle:
            out |= {m.lower() for m in _VERB_BASE.findall(a.fstoutput)}
    return out


def is_negated(token: "Token") -> bool:
    """A verb after 'en/et/ei/emme/ette/eivät' (or 'älä') within two words: a connegative."""
    from plainfinnish.nlp.components import facts

    return facts(token.doc).negated[token.i]  # one pass per Doc, not a walk back per token


def is_imperative(token: "Token") -> bool:
    """A positive 2nd-person imperative ("Valitse", "Lataa", "Kirjaudu"), not a connegative.

    The fast profile's tag is Voikko's first reading, so any imperative reading counts there,
    but only where an imperative can stand: at the start of a clause.
    """
    memo, i = _memo(token, "next-step.imperative")
    found = memo[i]
    if found is UNSET:
        found = memo[i] = _is_imperative(token)
    return found


def _is_imperative(token: "Token") -> bool:
    if is_negated(token) or token.pos_ in {"PUNCT", "NUM", "SYM"}:
        return False
    if profile_of(token.doc) == "accurate":
        ok = feat(token, "Mood") == "Imp" and feat(token, "Person") == "2"
    else:
        ok = any(a.mood == "imperative" and a.person == "2" for a in analyses(token)) or contracted_imperative(token)
    return ok and clause_start(token)


@per_form
def contracted_imperative(token: "Token") -> bool:
    """'Lisää', 'Tilaa', 'Varaa': in -ata/-ätä verbs the imperative equals the 3rd person, and
    Voikko gives only the 3rd-person reading."""
    for a in analyses(token):
        base = a.baseform.lower()
        if a.word_class == "teonsana" and a.person == "3" and base.endswith(("ata", "ätä")) and \
                token.lower_.endswith(base[-3] * 2) and token.lower_[:2] == base[:2]:
            return True
    return False


def clause_start(token: "Token") -> bool:
    prev = previous_word(token)
    if prev is None or token.is_sent_start:
        return True
    return prev.is_punct or not any(c.isalnum() for c in prev.text) or prev.lower_ in {"ja", "tai", "sekä", "niin", "sitten"}


def is_polite_request(token: "Token") -> bool:
    """'Täydennäthän', 'Maksathan': 2nd-person indicative with -han/-hän asks the reader to act."""
    return (token.lower_.endswith(("han", "hän")) and
            any(a.mood == "indicative" and a.person == "2" for a in analyses(token)))


@per_form
def readings(token: "Token") -> list[dict[str, str]]:
    """The token's possible UD feature sets: the tagger's in the accurate profile, every Voikko
    reading in the fast one (whose tag is only Voikko's first reading: "voit" is also past tense,
    "seurata" also a passive connegative). Shared between callers: do not modify."""
    if profile_of(token.doc) == "accurate":
        return [{k: v for k, v in token.morph.to_dict().items()}]
    from plainfinnish.nlp.components import ud_features

    return [ud_features(a) for a in analyses(token)] or [token.morph.to_dict()]


TENSES = {"present_simple": "Pres", "past_imperfective": "Past"}


def person_form(token: "Token", person: str, number: str | None = None, tense: str | None = "Pres") -> bool:
    """A finite, positive indicative verb in the given person (and number / tense)."""
    return _person_form(token, person, number, tense)


@per_form
def _person_form(token: "Token", person: str, number: str | None, tense: str | None) -> bool:
    for f in readings(token):
        if f.get("Person") != person or f.get("Mood") != "Ind" or f.get("VerbForm") != "Fin":
            continue
        if f.get("Connegative") == "Yes" or f.get("Polarity") == "Neg":
            continue
        if number and f.get("Number") != number:
            continue
        if tense is None or f.get("Tense") in (tense, None):
            return True
        # "perimme", "lähetimme"? In -iä verbs present and past look alike: the tagger picks one,
        # Voikko knows both.
        if profile_of(token.doc) == "accurate" and any(
                a.person == person and a.tense and TENSES.get(a.tense) == tense for a in analyses(token)):
            return True
    return False


def is_passive_finite(token: "Token", tense: str = "Pres") -> bool:
    return _passive_finite(token, tense)


@per_form
def _passive_finite(token: "Token", tense: str) -> bool:
    return any(f.get("Voice") == "Pass" and f.get("VerbForm") == "Fin" and f.get("Tense") == tense
               and f.get("Connegative") != "Yes" and f.get("Polarity") != "Neg" for f in readings(token))


@per_form
def is_past_passive_participle(token: "Token") -> bool:
    if feat(token, "VerbForm") == "Part" and feat(token, "Voice") == "Pass" and (
            feat(token, "Tense") == "Past" or feat(token, "PartForm") == "Past"):
        return True
    return any(a.participle == "past_passive" for a in analyses(token)) and token.pos_ in {"ADJ", "VERB", "AUX", "X"}


@per_form
def is_past_active_participle(token: "Token") -> bool:
    if feat(token, "VerbForm") == "Part" and feat(token, "Voice") == "Act" and (
            feat(token, "Tense") == "Past" or feat(token, "PartForm") == "Past"):
        return True
    return any(a.participle == "past_active" for a in analyses(token))


@per_form
def second_person_owner(token: "Token") -> bool:
    """'hakemuksesi', 'tilauksenne', 'sinun', 'teille': the customer's own."""
    return _owner(feat(token, "Person[psor]"), analyses(token), token.lemma_, token.lower_)


def _owner(psor: str | None, readings: tuple, lemma: str, lower: str) -> bool:
    """`second_person_owner` from the word's possessor feature, readings, lemma and lower case."""
    if psor == "2" or any(a.possessive in ("2s", "2p") for a in readings):
        return True
    return lemma in {"sinä", "te"} or lower.startswith(("sinu", "sinä", "teid", "teil", "teit", "teihin"))


def in_subordinate_clause(token: "Token") -> bool:
    """True when a subordinator ('kun', 'jos', …) opens the clause before the token."""
    from plainfinnish.nlp.components import seen_in_clause

    return seen_in_clause(token.doc, data()["service"]["subordinators"])[token.i]


def has_time(sentence: "Span") -> bool:
    time = data()["time"]
    summary = sentence_summary(sentence)  # a time word or conjunction (no punctuation is one)
    if summary.lemmas & time["lemmas"] or summary.lowers & time["lemmas"] or summary.lowers & time["conjunctions"]:
        return True
    for t in _c().span_tokens(sentence):
        if t.is_space:
            continue
        if _DATE.match(t.text) or (t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_ in time["lemmas"]):
            return True
        if is_placeholder(t) and dated_placeholder(t):
            return True
    return False


def dated_placeholder(token: "Token") -> bool:
    """A template placeholder that stands for a date: after a verb of a dated event
    ("uusiutuu {date}", "päättyy {{ end }}") or before a time postposition ("{date} asti")."""
    time = data()["time"]
    prev, nxt = previous_word(token), None
    for x in token.doc[token.i + 1: token.i + 3]:
        if not x.is_space:
            nxt = x
            break
    if nxt is not None and nxt.lower_ in time["postpositions"]:
        return True
    before = previous_word(prev) if prev is not None else None  # "uusiutuu automaattisesti {date}"
    return any(w is not None and bool(lemmas(w) & time["dated_verbs"]) for w in (prev, before))


def trimmed(start: int, end: int, text: str) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- Is this a service message? ------------------------------------------------------------------

@dataclass
class ServiceVerdict:
    is_service: bool
    confirmation: bool  # a report that something was received, sent, paid, cancelled, …
    reasons: list[str] = field(default_factory=list)


def status_sentence(sentence: "Span") -> bool:
    """'Hakemuksesi on vastaanotettu', 'Varauksesi on peruttu', 'Tilaus hylätty',
    'tunnistus poistettiin käytöstä tililtäsi': a report on the customer's own case."""
    service = data()["service"]
    owned = (summary := sentence_summary(sentence)).owned
    if not owned and not summary.lemmas & service["case_nouns"]:
        return False  # neither the customer's own nor a case noun: no subject for a report
    toks = words(sentence)
    # The case is the subject of the report: "Hakemuksesi on vastaanotettu", "Tilaus hylätty".
    subject = any((lemmas(t) & service["case_nouns"] or second_person_owner(t)) and
                  (feat(t, "Case") == "Nom" or any(a.case == "nimento" for a in analyses(t))) for t in toks)
    if not (owned or subject):
        return False
    for t in toks:
        if in_subordinate_clause(t):
            continue
        if is_passive_finite(t, "Past") and owned:
            return True
        if subject and is_past_passive_participle(t) and not is_past_active_participle(t) and feat(t, "Case") in ("Nom", None):
            prev = previous_word(t)
            if prev is not None and prev.lemma_ == "olla":
                return True
            # A verbless report ("Tilaus hylätty") has the case before the participle; a participle
            # followed by its noun is an attribute ("Usein kysytyt kysymykset"), not a report.
            if len(toks) <= 5 and not attributive(t) and any(
                lemmas(x) & service["case_nouns"] or second_person_owner(x) for x in toks if x.i < t.i
            ):
                return True
    return False


def me_perfect(sentence: "Span") -> "Token | None":
    """'Olemme vastaanottaneet', 'olemme lähettäneet': the participle of a me-form perfect."""
    toks = words(sentence)
    for a, b in zip(toks, toks[1:]):
        if a.lemma_ == "olla" and person_form(a, "1", "Plur", tense=None) and is_past_active_participle(b):
            return b
    return None


def thanks_for_case(sentence: "Span") -> bool:
    """'Kiitos tilauksestasi', 'Kiitos ostoksistasi': thanks for the customer's own case."""
    toks = words(sentence)
    if not toks or toks[0].lower_ not in {"kiitos", "kiitämme"}:
        return False
    service = data()["service"]
    return any(any(a.case == "sisaeronto" for a in analyses(t)) and lemmas(t) & service["case_nouns"]
               for t in toks[1:4])


def classify(doc: "Doc") -> ServiceVerdict:
    """Decide from content whether a message is a service message to the customer (once per
    Doc: missing-next-step, pushy-upsell and question-overload all ask)."""
    verdict = doc.user_data.get("plainfinnish.service")
    if verdict is None:
        verdict = doc.user_data["plainfinnish.service"] = _classify(doc)
    return verdict


def _classify(doc: "Doc") -> ServiceVerdict:
    reasons = [s.confirmation for s in sentence_facts(doc, "confirmation") if s.confirmation]
    if reasons:
        return ServiceVerdict(True, True, reasons)
    sentences = sentence_facts(doc, "letter")  # read only when no sentence reports on the case
    regret = set().union(*(s.regret for s in sentences))
    if any(s.not_service for s in sentences):
        return ServiceVerdict(False, False, ["policy"])
    kinds = {signal for s in sentences for signal in s.signals}
    if any(s.placeholder for s in sentences):
        kinds.add("placeholder")
    letter = kinds & {"greeting", "signoff", "reference"}
    is_service = len(kinds) >= 2 and bool(letter) and ("own-case" in kinds or "reference" in kinds or len(letter) >= 2)
    # A letter with nothing of the customer's own case that speaks of offers is a marketing e-mail
    # ("Hei, tässä kuun parhaat tarjoukset sinulle"): not a service message (LABELLING.md: n/a).
    if is_service and not kinds & {"own-case", "reference"} and any(s.marketing for s in sentences):
        is_service = False
        kinds |= {"marketing"}
    # Regret about the customer's case, addressed to them: a reply or a (negative) decision.
    if regret and (len(regret) >= 2 or letter or "own-case" in kinds):
        is_service = True
        kinds |= {"regret"}
    return ServiceVerdict(is_service, False, sorted(kinds))


# --- What each sentence tells, once: the message's verdicts combine these -------------------------

@dataclass(frozen=True, slots=True)
class ConfirmationFacts:
    """Whether one sentence reports on the customer's own case, which alone makes a service
    message (`classify`). Like every kind of sentence facts below, it depends only on the
    sentence (its words, their readings, its placeholders and the few words after it), so a
    message's verdict is combined from its sentences' facts, and the language server reuses the
    facts of the sentences an edit did not touch."""

    start: int  # the sentence's first character in the Doc
    confirmation: str | None  # "status", "me-perfect" or "thanks": a report on the customer's case


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """What one sentence tells the service-message decision when no sentence reports on the case."""

    start: int
    not_service: bool  # a policy, terms or cookie word
    signals: tuple[str, ...]  # letter signals: "greeting", "signoff", "reference", "own-case"
    placeholder: bool
    marketing: bool
    regret: frozenset[str]  # "apology", "regret"


@dataclass(frozen=True, slots=True)
class OverdueFacts:
    """Whether a sentence of a service message says a bill is overdue, and what happens if not paid."""

    start: int
    overdue: bool  # the bill is overdue / unpaid
    consequence: bool  # what happens if it stays unpaid


@dataclass(frozen=True, slots=True)
class StatementFacts:
    """The next step a sentence of a service message states, if any."""

    start: int
    statement: "Statement | None"  # a next step, its offsets relative to `start`


#: Per-sentence facts by kind (`_FACTS`), kept by (sentence text
#: and what follows, placeholder positions) in the fast profile only: there a word's reading does
#: not depend on the words around it. The accurate profile's tagger looks across sentence
#: boundaries, so its facts are computed per Doc.
_SENTENCE_CACHE: dict[str, dict[tuple, Any]] = {"confirmation": {}, "letter": {}, "overdue": {}, "statement": {}}
_SENTENCE_CACHE_SIZE = 20_000
#: How many tokens after a sentence its facts may look at (a reference number after a line
#: break, a time postposition after a placeholder).
_LOOKAHEAD = 3


def sentence_facts(doc: "Doc", kind: str) -> list[Any]:
    """The facts of each sentence of the Doc (computed once per Doc, and per sentence text)."""
    name = f"plainfinnish.sentence-facts.{kind}"
    found = doc.user_data.get(name)
    if found is None:
        found = doc.user_data[name] = [_facts_of(sentence, kind) for sentence in doc.sents]
    return found


def _facts_of(sentence: "Span", kind: str) -> Any:
    compute = _FACTS[kind]
    doc = sentence.doc
    known = facts(doc)
    if known.profile != "fast":
        return compute(sentence)
    keys = known.memo.setdefault("next-step.sentence-keys", {})
    key = keys.get((sentence.start, sentence.end))
    if key is None:  # the same for every kind of facts
        end = min(sentence.end + _LOOKAHEAD, len(doc))
        flags = tuple(i - sentence.start for i in range(sentence.start, end) if known.placeholder[i])
        key = keys[(sentence.start, sentence.end)] = (_text_of(doc, sentence.start, end), sentence.end - sentence.start, flags)
    kept = _SENTENCE_CACHE[kind]
    cached = kept.get(key)
    if cached is not None:
        return cached if cached.start == sentence.start_char else replace(cached, start=sentence.start_char)
    if len(kept) >= _SENTENCE_CACHE_SIZE:
        kept.clear()
    computed = kept[key] = compute(sentence)
    return computed


def _text_of(doc: "Doc", start: int, end: int) -> str:
    """`doc[start:end].text`, cut from the Doc's text (a Span joins its tokens' texts anew)."""
    components = _c()
    text, toks = components.doc_text(doc), components.tokens(doc)
    return text[toks[start].idx: toks[end].idx if end < len(toks) else len(text)]


def join_sentence_facts(whole: "Doc", parts: list["Doc"]) -> None:
    """The sentence facts of a Doc made of `parts` end to end, from the parts' own: only
    the last sentence of each part but the final one is read again, in the joined Doc, because its
    facts may look at the first words of the next part."""
    if sum(len(p) for p in parts) != len(whole):
        return
    for kind in _FACTS:
        joined: list[Any] = []
        chars = tokens = 0
        for k, part in enumerate(parts):
            own = sentence_facts(part, kind)
            joined.extend(s if not chars else replace(s, start=s.start + chars) for s in own)
            if own and k + 1 < len(parts):
                last = facts(part).sent_start[len(part) - 1]  # the part's last sentence: its start token
                joined[-1] = _facts_of(whole[tokens + last: tokens + len(part)], kind)
            if len(part):
                chars += part[-1].idx + len(part[-1].text_with_ws)  # len(part.text), without joining it
            tokens += len(part)
        whole.user_data[f"plainfinnish.sentence-facts.{kind}"] = joined


def _confirmation_facts(sentence: "Span") -> ConfirmationFacts:
    if status_sentence(sentence):
        confirmation: str | None = "status"
    elif me_perfect(sentence) is not None:
        confirmation = "me-perfect"
    elif thanks_for_case(sentence):
        confirmation = "thanks"
    else:
        confirmation = None
    return ConfirmationFacts(start=sentence.start_char, confirmation=confirmation)


def _letter_facts(sentence: "Span") -> LetterFacts:
    service = data()["service"]
    doc = sentence.doc
    ws = words(sentence)
    every = _c().tokens(doc)
    toks = [every[i] for i in range(sentence.start, sentence.end) if not every[i].is_space]
    summary = sentence_summary(sentence)  # of its words: its punctuation is in none of the word lists
    not_service = bool((summary.lemmas | summary.part_lemmas) & service["not_service_lemmas"])
    signals: list[str] = []
    if ws:
        if ws[0].lower_ in service["greetings"] and (len(ws) <= 5 or vocative(ws)):
            signals.append("greeting")
        text = sentence.text
        if "terveisin" in text.lower() or text.strip().lower().rstrip(",") in service["signoffs"]:
            signals.append("signoff")
        # the words below need a reference word, or the customer's own case noun, in the sentence
        references = bool(summary.lemmas & service["reference_words"])
        own_case = summary.owned and bool(summary.lemmas & service["case_nouns"])
        for t in ws if references or own_case else ():
            if references and lemmas(t) & service["reference_words"] and t.i + 1 < len(doc):
                nxt = [x for x in doc[t.i + 1: t.i + 4] if not x.is_space and x.text != ":"]
                if nxt and (is_placeholder(nxt[0]) or any(c.isdigit() for c in nxt[0].text)):
                    signals.append("reference")
            if own_case and second_person_owner(t) and lemmas(t) & service["case_nouns"]:
                signals.append("own-case")
    return LetterFacts(
        start=sentence.start_char,
        not_service=not_service,
        signals=tuple(signals),
        placeholder=any(facts(doc).placeholder[sentence.start: sentence.end]),
        marketing=bool(summary.lemmas & service["marketing_lemmas"]),
        regret=_regret(toks, summary),
    )


def _overdue_facts(sentence: "Span") -> OverdueFacts:
    overdue, consequence = _overdue(words(sentence), sentence_summary(sentence))
    return OverdueFacts(start=sentence.start_char, overdue=overdue, consequence=consequence)


def _statement_facts(sentence: "Span") -> StatementFacts:
    return StatementFacts(start=sentence.start_char,
                          statement=_statement(sentence, words(sentence), me_perfect(sentence)))


#: How each kind of sentence facts is computed.
_FACTS = {"confirmation": _confirmation_facts, "letter": _letter_facts, "overdue": _overdue_facts,
          "statement": _statement_facts}


def vocative(ws: list["Token"]) -> bool:
    """'Hyvä asiakas, valitettavasti …': a greeting that opens a longer sentence, addressing a
    name or a noun followed by a comma (not 'Hyvä tietää, että …')."""
    if len(ws) < 2 or ws[1].pos_ not in {"NOUN", "PROPN", "X"} and not is_placeholder(ws[1]):
        return False
    doc = ws[0].doc
    return any(t.text == "," for t in doc[ws[1].i + 1: ws[1].i + 3])


def _regret(toks: list["Token"], summary: SentenceSummary) -> frozenset[str]:
    """'valitettavasti' with a me-form, 'pahoittelemme': the sender regrets something about the
    customer's case ("Valitettavasti emme voi myöntää toivomaasi aikaa"). A FAQ line "Valitettavasti
    emme toimita ulkomaille" has the word too, so alone it does not make a service message."""
    found: set[str] = set()
    if "pahoitella" in summary.lemmas:
        found.add("apology")
    if any(t.lower_ == "valitettavasti" for t in toks):
        found.add("regret")
    return frozenset(found)


# --- What happens next ---------------------------------------------------------------------------

@dataclass
class Statement:
    start: int
    end: int
    kind: str  # "me", "customer", "organisation", "passive", "on-the-way", "sent"
    has_actor: bool
    has_time: bool


def generic_help(sentence: "Span") -> bool:
    """'Jos haluat kysyä lisää, soita meille': an offer of help, not a next step."""
    first = words(sentence)[:1]
    if not first or first[0].lower_ not in {"jos", "mikäli"}:
        return False
    conditions = data()["next_step"]["generic_help_conditions"]
    return any(lemmas(t) & conditions for t in _c().span_tokens(sentence))


def button_label(sentence: "Span") -> bool:
    """'Palaa alkuun', 'Lähetä hakemus': a short line without end punctuation is a button or link
    label, which names an action the customer may take, not what happens next."""
    toks = [t for t in _c().span_tokens(sentence) if not t.is_space]
    return len(words(sentence)) <= 3 and bool(toks) and toks[-1].text not in {".", "!", ":", "?"}


def infinitive_after(token: "Token") -> "Token | None":
    for t in token.doc[token.i + 1: min(token.i + 4, facts(token.doc).sent_end[token.i])]:
        if feat(t, "VerbForm") == "Inf" or any(a.mood == "A-infinitive" for a in analyses(t)):
            return t
    return None


def names_organisation(toks: list["Token"]) -> bool:
    """A company form or an acronym ("ARA", "KONE Oy") in the sentence, found once per sentence."""
    return any(t.lower_.strip(".") in _COMPANY or (len(t.text) >= 2 and t.text.isalpha() and t.text.isupper())
               for t in toks)


def named_actor(token: "Token", named: bool) -> bool:
    """A named organisation as subject of an action verb ('Huollon suorittaa KONE Oy'); `named`
    says whether the sentence names one at all (`names_organisation`)."""
    if profile_of(token.doc) == "accurate" and token.doc.has_annotation("DEP"):
        for child in token.children:
            if child.dep_.startswith("nsubj") and (
                child.pos_ == "PROPN" or child.lower_ in _COMPANY or
                    any(c.dep_.startswith("compound") and c.pos_ == "PROPN" for c in child.children)):
                return True
    # No parse, or the parser missed it: a company form or an acronym ("ARA", "KONE") names an actor.
    return named


def own_actor_at(toks: list["Token"]) -> int:
    """Where the first subject with the sender's possessive stands ('Asiakaspalvelumme vastaa …'),
    once per sentence; a verb after it has the sender's own unit as actor."""
    return next((x.i for x in toks if own_nominative(x)), len(toks[0].doc) if toks else 0)


@per_form
def own_nominative(token: "Token") -> bool:
    """'asiakaspalvelumme', 'tiimimme': a nominative with the sender's (we-form) possessive."""
    return _own_nominative(analyses(token))


def _own_nominative(readings: tuple) -> bool:
    return any(a.possessive == "1p" and a.case == "nimento" for a in readings)


def overdue_without_consequence(doc: "Doc") -> bool:
    """An overdue reminder ("Laskusi on erääntynyt", "emme ole saaneet maksuasi") that does not say
    what happens if the bill stays unpaid: no collection, late interest or cut-off, and no
    "Jos laskua ei makseta, …" clause."""
    sentences = sentence_facts(doc, "overdue")
    return any(s.overdue for s in sentences) and not any(s.consequence for s in sentences)


def _overdue(toks: list["Token"], summary: SentenceSummary) -> tuple[bool, bool]:
    """(the sentence of these words says a bill is overdue, it says what happens if it stays unpaid)."""
    od = data()["overdue"]
    overdue = consequence = False
    if not summary.verb_bases & od["any_verb"] and not summary.lowers & od["any_surface"]:
        return False, False  # none of the words either decision starts from
    conditional = bool(toks) and toks[0].lower_ in {"jos", "mikäli", "ellei", "muuten", "muussa"}
    bill = bool(summary.lemmas & od["bill_nouns"])
    for k, t in enumerate(toks):
        lem = verb_bases(t)
        if lem & od["words"] or (t.lower_ in od["surface"] and bill
                                 and any(x.lemma_ == "olla" for x in toks[max(0, k - 2): k])):
            overdue = True  # "on (vielä) maksamatta", not "voit jättää maksut maksamatta"
        elif lem & od["unpaid_verbs"] and is_negated(t) and any(
                lemmas(x) & od["unpaid_objects"] for x in toks[max(0, k - 6): k + 5]):
            overdue = True  # "Emme ole vielä saaneet maksuasi", "maksua ei ole kirjattu"
        if lem & od["consequences"] or (conditional and "maksaa" in lem and is_negated(t)) or t.lower_ == "muuten":
            consequence = True
    return overdue, consequence


def dated_next_event(toks: list["Token"], summary: SentenceSummary) -> bool:
    next_words = data()["next_step"]["next_words"]
    return bool(summary.lemmas & next_words) and any(_DATE.match(x.text) for x in toks)


def unknown_me_form(token: "Token") -> bool:
    """A word Voikko does not know that ends like a me-form verb, at the start of its clause."""
    low = token.lower_
    return (not analyses(token) and token.text.isalpha() and len(low) > 6 and low.endswith(("amme", "ämme"))
            and clause_start(token))


def dispatched(toks: list["Token"], summary: SentenceSummary) -> bool:
    """'Tilauksesi on lähetetty', 'Paketti on toimitettu noutopisteeseen': the case is on its way
    to the customer, which tells them what comes next (it arrives)."""
    ns = data()["next_step"]
    verbs = ns["dispatch_verbs"]
    if not summary.lemmas & ns["dispatch_subjects"]:
        return False
    # "Tilauksesi on lähetetty", "on nyt pakattu ja luovutettu Postille", "lähetettiin"
    perfect = any(t.lemma_ == "olla" and not is_negated(t) for t in toks)
    sent = any(((is_past_passive_participle(t) and perfect) or is_passive_finite(t, "Past")) and verb_bases(t) & verbs
               and not in_subordinate_clause(t) for t in toks)
    arrived = any((is_past_active_participle(t) or person_form(t, "3", tense="Past")) and verb_bases(t) & ns["arrival_verbs"]
                  and not is_negated(t) and not in_subordinate_clause(t) for t in toks)
    return sent or arrived


def appointment(toks: list["Token"], summary: SentenceSummary) -> bool:
    """A booking with its date or clock time: the customer's next step is to come then."""
    ns = data()["next_step"]
    return bool(summary.lemmas & ns["booking_nouns"]) and any(
        _DATE.match(t.text) or t.lower_ in {"klo", "kello"} for t in toks)


def ended(toks: list["Token"], summary: SentenceSummary) -> bool:
    """'Jäsenyytesi on päättynyt', 'Sopimuksesi päättyi': the customer's own service has ended."""
    final = data()["next_step"]["final_verbs"]
    return summary.owned and any(
        verb_bases(t) & final and (is_past_active_participle(t) or person_form(t, "3", tense="Past"))
        and not is_negated(t) and not in_subordinate_clause(t) for t in toks)


def next_steps(doc: "Doc") -> list[Statement]:
    """The message's next-step statements, with offsets in the Doc."""
    return [replace(s.statement, start=s.start + s.statement.start, end=s.start + s.statement.end)
            for s in sentence_facts(doc, "statement") if s.statement is not None]


def has_next_step(doc: "Doc") -> bool:
    """Does some sentence state a next step? Sentences are read only up to the first that does."""
    known = doc.user_data.get("plainfinnish.sentence-facts.statement")
    if known is not None:
        return any(s.statement is not None for s in known)
    return any(_facts_of(sentence, "statement").statement is not None for sentence in doc.sents)


def _statement(sentence: "Span", toks: list["Token"], perfect: "Token | None") -> Statement | None:
    """The next step the sentence states, if any (offsets relative to the sentence)."""
    ns = data()["next_step"]
    if generic_help(sentence):
        return None
    timed = has_time(sentence)
    summary = sentence_summary(sentence)
    tracking_only = bool(summary.lemmas & ns["tracking_verbs"])
    own_at = own_actor_at(toks) if summary.own_nominative else len(sentence.doc)  # once per sentence
    named = names_organisation(toks)
    customers = summary.owned
    dated_event: bool | None = None
    label: bool | None = None
    kind: str | None = None
    actor = True
    known = facts(sentence.doc)
    # In the fast profile a word's readings are all there is: a word Voikko reads only as a noun,
    # adjective, particle or infinite verb form is no finite verb, which every case below but
    # "olla" ("on ollut matkalla") and "tarvita" needs.
    nonverbal = [known.profile == "fast" and bool(known.analyses[t.i]) and not known.finite[t.i]
                 and t.lemma_ not in ("olla", "tarvita") for t in toks]
    for k, t in enumerate(toks):
        if nonverbal[k]:
            continue
        lem = lemmas(t)
        if person_form(t, "1", "Plur") and not is_negated(t) and not lem & ns["not_action_verbs"]:
            if not ("tehdä" in lem and any(x.lower_ in ns["vague_effort"] for x in toks[k + 1: k + 3])):
                kind = "me"  # but "teemme parhaamme" promises effort, not a step
                break  # nothing later overrides a me-form step
        elif unknown_me_form(t):
            kind = "me"  # a misspelt me-form verb ("Tiedoitamme asiasta viikon sisällä")
            break
        elif person_form(t, "2") and not is_negated(t) and lem & ns["customer_get_verbs"]:
            kind = kind or "customer"
        elif person_form(t, "2") and t.lemma_ == "voida" and not is_negated(t):
            inf = infinitive_after(t)
            if inf is not None and not lemmas(inf) & (ns["tracking_verbs"] | ns["option_verbs"]):
                kind = kind or "customer"
        elif t.lemma_ == "tarvita" and is_negated(t) and customers:
            kind = kind or "customer"
        elif (is_imperative(t) or is_polite_request(t)) and not tracking_only and not (
                label if label is not None else (label := button_label(sentence))):  # once per sentence
            kind = kind or "customer"
        elif (person_form(t, "3") or any(a.person == "3" and a.mood == "indicative" for a in analyses(t))) \
                and t.pos_ in {"VERB", "AUX"} and not lem & ns["not_action_verbs"] and (named_actor(t, named) or own_at < t.i):
            kind = kind or "organisation"
        elif timed and person_form(t, "3") and not is_negated(t) and not lem & ns["not_action_verbs"] \
                and not in_subordinate_clause(t):
            kind = kind or "timed"  # "Rahat näkyvät tililläsi 1–3 pankkipäivän kuluessa"
        elif is_passive_finite(t) and not is_negated(t) and not lem & ns["not_action_verbs"]:
            if kind is None:
                kind, actor = "passive", False
        elif t.lemma_ == "olla" and not is_negated(t):
            nxt = [x.lower_ for x in toks[k + 1: k + 4]]
            if any(n in ns["on_the_way"] for n in nxt[:2]):
                kind = kind or "on-the-way"
            elif any(n in ns["olla_actions"] for n in nxt):
                kind = kind or "contact"  # "Olemme sinuun yhteydessä tarvittaessa"
            elif timed and any(n in ns["valid_words"] for n in nxt[:2]):
                kind = kind or "valid-until"  # "Pääsysi on voimassa 31.1. asti"
            elif timed and (dated_event if dated_event is not None else (dated_event := dated_next_event(toks, summary))):
                kind = kind or "next-event"  # "Seuraava veloituspäivä on 1.2."
        elif lem & ns["waiting_verbs"] and person_form(t, "3") and any(
                lemmas(x) & ns["waiting_for"] for x in toks[k + 1: k + 3]):
            kind = kind or "waiting"  # "Tilauksesi odottaa noutoa"
    if kind is None and summary.lemmas & data()["overdue"]["consequence_nouns"]:
        kind = "consequence"  # "Laskuun lisätään viivästyskorko"
    if kind is None and appointment(toks, summary):
        kind = "appointment"  # "Ajanvarauksesi on vahvistettu: ma 3.3. klo 10"
    if kind is None and dispatched(toks, summary):
        kind = "dispatched"
    if kind is None and ended(toks, summary):
        kind = "ended"
    if kind is None and timed and toks and toks[0].lower_ in ns["welcome_words"]:
        kind = "welcome"  # "Tervetuloa hierontaan tiistaina 4.3. klo 14"
    if kind is None and perfect is not None and perfect.lemma_.lower().startswith(("lähettä", "toimitta", "välittä")):
        kind = "sent"
    if kind is None:
        return None
    text = sentence.text
    start, end = trimmed(0, len(text), text)
    return Statement(start, end, kind, actor and kind != "on-the-way", timed)


def last_paragraph(doc: "Doc") -> tuple[int, int]:
    """The finding's span: the whole message when short, else its last paragraph with words."""
    from plainfinnish.nlp.components import doc_text

    text = doc_text(doc)
    start, end = trimmed(0, len(text), text)
    if end - start <= 300:
        return start, end
    signoffs = data()["service"]["signoffs"]
    blocks = [m for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", text, re.DOTALL)]
    for m in reversed(blocks):
        block = m.group().strip().lower()
        if any(c.isalpha() for c in block) and not any(block.startswith(s) for s in signoffs):
            return m.start(), m.end()
    return start, end


def is_heading_key(key: str | None) -> bool:
    """A locale string whose key names a title, subject line or button ("shipped.title",
    "email.subject"): it heads a message whose body says the rest, so it is not judged alone."""
    if not key:
        return False
    last = re.split(r"[.:/\[\]]+", key.strip(".:/[]"))[-1].lower()
    return any(last == h or last.startswith(h + "_") or last.endswith("_" + h)
               for h in data()["service"]["heading_keys"])


class MissingNextStep(Rule):
    id = "missing-next-step"
    name_fi = "Seuraava vaihe puuttuu"
    name_en = "Missing next step"
    default_severity = "warning"
    scope = "document"
    options = {
        "include": Option([], "Polut (glob), joiden tiedostot ovat aina asiakasviestejä, esim. [\"emails/**\"].",
                          "Path globs whose files are always service messages, e.g. [\"emails/**\"]."),
        "exclude": Option([], "Polut (glob), joihin sääntöä ei sovelleta, esim. [\"faq/**\", \"ehdot/**\"].",
                          "Path globs the rule does not apply to, e.g. [\"faq/**\", \"terms/**\"]."),
        "require-time": Option(False, "Merkitse (info) myös viesti, jonka seuraava vaihe ei kerro aikaa tai tekijää "
                               "(esim. pelkkä passiivi ilman aikaa: ”hakemus käsitellään”).",
                               "Also flag (info) a message whose next step gives no time or hides the actor "
                               "(e.g. a bare passive without a time: \"hakemus käsitellään\")."),
    }
    doc_fi = RuleDoc(
        title="Seuraava vaihe puuttuu",
        what="Tunnistaa asiakasviestit (vahvistukset, kuitit, ilmoitukset, muistutukset, päätökset, vastaukset) "
        "tervehdyksestä, allekirjoituksesta, viitenumerosta, paikkamerkeistä ja lauseista kuten ”Hakemuksesi on "
        "vastaanotettu” tai ”Olemme vastaanottaneet tilauksesi”. Merkitsee viestin, joka ei kerro, mitä seuraavaksi "
        "tapahtuu: ei me-muotoista toimintaa (”käsittelemme”, ”lähetämme”), ei asiakkaalle osoitettua ohjetta "
        "(”saat”, ”voit”, ”valitse”, ”sinun ei tarvitse tehdä mitään”), ei nimettyä toimijaa eikä aikataulua. "
        "Viestin tehtävä ratkaisee: tilaa kertova tilannetieto (”Pakettisi on matkalla”, ”Tilauksesi on lähetetty”, "
        "”Tilaus odottaa noutoa”), uusimismuistutus veloituspäivineen, irtisanomisilmoitus palvelun päättymispäivineen "
        "ja ”otamme yhteyttä tarvittaessa” kertovat seuraavan vaiheen. Automaattinen kuittaus, joka kertoo vain viestin "
        "saapuneen, ja erääntyneen laskun muistutus, joka ei kerro, mitä tapahtuu, jos laskua ei makseta (perintä, "
        "viivästyskorko, palvelun katkaisu), eivät kerro. Toivetta koskeva ehto (”Jos haluat muuttaa hakemusta, "
        "lähetä sähköpostia”), tilin valinnat (”voit kirjautua ulos”) ja lupaus yrittää (”teemme parhaamme”) eivät "
        "ole seuraava vaihe. "
        "Seuraava vaihe pelkällä passiivilla tai ilman aikaa (”hakemus käsitellään”) riittää; asetuksella "
        "`require-time` sekin merkitään lievemmin (info). "
        "UKK-vastauksia, evästeilmoituksia, ehtoja, mainoslauseita ja lyhyitä käyttöliittymätekstejä ei merkitä. "
        "Asetuksilla `include` ja `exclude` (glob) voi rajata, mihin tiedostoihin sääntö koskee; yksittäisen "
        "Markdown-tiedoston voi ohittaa etuliitteellä `plainfinnish: {rules: {missing-next-step: {enabled: false}}}`.",
        why="Asiakas haluaa tietää, mitä tapahtuu seuraavaksi: kuka asiaa hoitaa, milloin ja tarvitseeko hänen "
        "tehdä jotain. Ilman tätä hän soittaa asiakaspalveluun tai jää odottamaan turhaan. GOV.UK:n "
        "vahvistussivumalli vaatii otsikon ”Mitä seuraavaksi tapahtuu”, ja hallintolain 23 a § velvoittaa "
        "viranomaiset kertomaan käsittelyajat. Kotuksen virkakielitesti neuvoo nimeämään toimijan ja käyttämään me-muotoa.",
        example="Kiitos! Hakemuksesi on vastaanotettu.",
        use_instead="Kiitos! Olemme vastaanottaneet hakemuksesi. Käsittelemme sen 5 arkipäivän kuluessa. "
        "Saat päätöksen sähköpostiisi. Sinun ei tarvitse tehdä mitään.",
        fix_safety="Korjausta ei tehdä automaattisesti. Ehdotus on mallivirke, jonka hakasulkeissa olevat kohdat "
        "kirjoittaja täyttää: vain hän tietää käsittelyajan ja seuraavan vaiheen.",
        references=("GOV.UK Design System: Confirmation pages (”What happens next”)",
                    "Hallintolaki 434/2003, 23 a § (käsittelyajat)",
                    "Kotus, Virkakielitesti, kysymys 6 (toimija näkyviin)"),
    )
    doc_en = RuleDoc(
        title="Missing next step",
        what="Recognises service messages (confirmations, receipts, notices, reminders, decisions, replies) from a "
        "greeting, a sign-off, a reference number, template placeholders and sentences such as \"Hakemuksesi on "
        "vastaanotettu\" (your application has been received). Flags a message that does not say what happens "
        "next: no me-form action (\"käsittelemme\", we will process), no instruction to the customer (\"saat\", "
        "\"voit\", an imperative, \"you need not do anything\"), no named actor, no time. A next step given only in "
        "the passive or without a time is enough; with the option `require-time` it is flagged softly (info). What "
        "the message does decides: a status that "
        "states the state (\"your parcel is on its way\", \"your order has been dispatched\", \"awaiting pick-up\"), a "
        "renewal reminder with the charge date, a cancellation notice with the end of access and \"we'll be in "
        "touch if needed\" give the next step; an auto-reply that only says a message arrived and an overdue reminder "
        "that does not say what happens if the bill stays unpaid (collection, late interest, cut-off) do not. An "
        "offer for a wish (\"if you want to change your application, e-mail us\"), account options (\"you can log "
        "out\") and a promise of effort (\"we do our best\") are not next steps. FAQ answers, cookie notices, terms, slogans "
        "and short UI strings are not flagged. Options `include` and `exclude` (globs) choose the files; front "
        "matter `plainfinnish: {rules: {missing-next-step: {enabled: false}}}` turns it off for one file.",
        why="A customer wants to know what happens next: who handles the matter, when, and whether they must do "
        "anything. Without it they call customer service or wait in vain. The GOV.UK confirmation page pattern "
        "has a \"What happens next\" heading; the Finnish Administrative Procedure Act 23 a § obliges authorities "
        "to state processing times; Kotus advises naming the actor and using the we-form.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Never applied automatically. The suggestion is a template sentence whose bracketed parts the "
        "writer fills in: only they know the processing time and the next step.",
        references=doc_fi.references,
    )

    @staticmethod
    def join_parts(whole: "Doc", parts: list["Doc"]) -> None:
        """Prepare a message Doc joined from paragraph Docs from what the paragraphs know (the
        language server re-reads only the edited paragraph)."""
        join_sentence_facts(whole, parts)

    def applies(self, context: RuleContext) -> bool | None:
        """True/False when the options decide for this path, None when the content decides."""
        path = (context.path or "").replace("\\", "/")
        if not path:
            return None

        def match(globs: list[str]) -> bool:
            return any(fnmatch(path, g) or fnmatch(path.rsplit("/", 1)[-1], g) for g in globs)

        if match(list(context.options.get("exclude", []))):
            return False
        if match(list(context.options.get("include", []))):
            return True
        return None

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        forced = self.applies(context)
        if forced is False:
            return
        if not any(not t.is_space and not t.is_punct for t in doc) or (
                forced is None and is_heading_key(context.message_key)):
            return
        verdict = classify(doc)
        if not (forced or verdict.is_service):
            return
        msgs = data()["messages"]
        template = context.say(msgs["template_fi"], msgs["template_en"])
        advice = [Suggestion(template, advice=True)]
        if overdue_without_consequence(doc):
            start, end = last_paragraph(doc)
            yield self.finding(context, start, end, context.say(msgs["overdue_fi"], msgs["overdue_en"]),
                               suggestions=advice, data={"kind": "overdue-no-consequence", "signals": verdict.reasons})
            return
        require_time = context.options.get("require-time")
        # Without require-time (LABELLING.md: a hidden actor or no time still counts as a next step)
        # one stated next step settles it, and the sentences after it need not be read.
        statements = next_steps(doc) if require_time else []
        if not (statements if require_time else has_next_step(doc)):
            start, end = last_paragraph(doc)
            yield self.finding(context, start, end, context.say(msgs["missing_fi"], msgs["missing_en"]),
                               suggestions=advice, data={"kind": "missing", "signals": verdict.reasons})
            return
        if not require_time:
            return
        if all(s.kind == "passive" and not s.has_time for s in statements):
            yield Finding(rule=self.id, severity="info", message=context.say(msgs["vague_fi"], msgs["vague_en"]),
                          start=statements[0].start, end=statements[0].end, suggestions=advice,
                          data={"kind": "passive-no-time"})
            return
        if not any(s.has_time and s.has_actor for s in statements):
            yield Finding(rule=self.id, severity="info", message=context.say(msgs["no_time_fi"], msgs["no_time_en"]),
                          start=statements[0].start, end=statements[0].end, suggestions=advice,
                          data={"kind": "no-time"})


RULE = MissingNextStep
