"""Custom spaCy components: Finnish sentence boundaries and Voikko morphology on every token.

Registered with `@Language.factory`; `plainfinnish.nlp.pipeline` builds the profiles from them.
Voikko analyses are exposed as `Token._.analyses` (all readings) and `Token._.analysis` (the
reading that agrees with the token's part of speech and morphology), computed on demand from a
per-word-form cache, so a rule that needs no morphology costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from plainfinnish.document import PLACEHOLDER_WORD
from plainfinnish.nlp import voikko
from plainfinnish.nlp.memo import UNSET
from plainfinnish.nlp.voikko import Analysis

# Voikko attribute values -> Universal Dependencies features.
CASES = {
    "nimento": "Nom", "omanto": "Gen", "osanto": "Par", "sisaolento": "Ine", "sisaeronto": "Ela",
    "sisatulento": "Ill", "ulkoolento": "Ade", "ulkoeronto": "Abl", "ulkotulento": "All",
    "olento": "Ess", "tulento": "Tra", "vajanto": "Abe", "seuranto": "Com", "keinonto": "Ins",
    "kohdanto": "Acc",
}
MOODS = {"indicative": "Ind", "conditional": "Cnd", "imperative": "Imp", "potential": "Pot"}
INFINITIVES = {"A-infinitive": "1", "E-infinitive": "2", "MA-infinitive": "3"}
TENSES = {"present_simple": "Pres", "past_imperfective": "Past"}
NUMBERS = {"singular": "Sing", "plural": "Plur"}
POSSESSIVES = {"1s": ("Sing", "1"), "2s": ("Sing", "2"), "1p": ("Plur", "1"), "2p": ("Plur", "2"), "3": (None, "3")}
PARTICIPLES = {"present_active": ("Pres", "Act"), "present_passive": ("Pres", "Pass"),
               "past_active": ("Past", "Act"), "past_passive": ("Past", "Pass"),
               "agent": (None, None), "negation": (None, None)}


def ud_features(analysis: Analysis) -> dict[str, str]:
    """The UD morphological features of one Voikko analysis."""
    feats: dict[str, str] = {}
    if analysis.case in CASES:
        feats["Case"] = CASES[analysis.case]
    if analysis.number in NUMBERS:
        feats["Number"] = NUMBERS[analysis.number]
    if analysis.mood in MOODS:
        feats["Mood"] = MOODS[analysis.mood]
        feats["VerbForm"] = "Fin"
    elif analysis.mood in INFINITIVES:
        feats["VerbForm"] = "Inf"
        feats["InfForm"] = INFINITIVES[analysis.mood]
    if analysis.tense in TENSES:
        feats["Tense"] = TENSES[analysis.tense]
    if analysis.person in ("1", "2", "3"):
        feats["Person"] = analysis.person
        feats["Voice"] = "Act"
    elif analysis.person == "4":
        feats["Voice"] = "Pass"
    if analysis.possessive in POSSESSIVES:
        number, person = POSSESSIVES[analysis.possessive]
        if number:
            feats["Number[psor]"] = number
        feats["Person[psor]"] = person
    if analysis.focus in ("kin", "kaan"):
        feats["Clitic"] = analysis.focus.capitalize()
    if analysis.participle in PARTICIPLES:
        tense, voice = PARTICIPLES[analysis.participle]
        feats["VerbForm"] = "Part"
        if tense:
            feats["Tense"] = tense
        if voice:
            feats["Voice"] = voice
    if analysis.negative == "true" and analysis.pos in ("VERB", "AUX") and analysis.person:
        feats["Polarity"] = "Neg"
    return feats


def best_analysis(token: Token) -> Analysis | None:
    """The Voikko reading that agrees best with the token's POS and morphology."""
    return facts(token.doc).analysis[token.i]


def _best(text: str, analyses: tuple[Analysis, ...], pos: int, morph: str) -> Analysis | None:
    if not analyses:
        return None
    if len(analyses) == 1 or not pos:
        return analyses[0]
    return analyses[_best_index(text, POS_NAMES[pos], morph)]


@lru_cache(maxsize=100_000)
def _best_index(text: str, pos_: str, morph: str) -> int:
    """Which reading of a (non-placeholder) word form agrees best with a POS and a FEATS string;
    cached because rules ask for `token._.analysis` many times per token."""
    analyses = voikko.analyze(text)
    morph_dict = dict(f.split("=", 1) for f in morph.split("|")) if morph and morph != "_" else {}
    pos = "VERB" if pos_ == "AUX" else pos_

    def agreement(i: int) -> int:
        a = analyses[i]
        apos = a.pos
        score = 3 if apos == pos or (pos == "PROPN" and apos == "NOUN") else 0
        feats = ud_features(a)
        score += sum(1 for k in ("Case", "Number", "Person", "Mood", "VerbForm", "Voice") if k in morph_dict and feats.get(k) == morph_dict[k])
        return score

    return max(range(len(analyses)), key=agreement)


def analyses_of(token: Token) -> tuple[Analysis, ...]:
    """All Voikko readings of the token (none for spaces, punctuation and placeholders): `token._.analyses`
    without the accessor object it builds."""
    return facts(token.doc).analyses[token.i]


def _is_placeholder(token: Token) -> bool:
    text = token.text
    if not text.startswith(PLACEHOLDER_WORD):  # cheap test first: most tokens are not
        return False
    message = token.doc._.message
    if message is None:
        return text == PLACEHOLDER_WORD
    return message.is_placeholder(token.idx, token.idx + len(text))


# --- Per-token facts the rules share, computed once per Doc --------------------------------------
#
# Rules ask "is this verb negated?", "where does its sentence start?", "what word came before?"
# for many tokens. Walking back over the sentence for each token is quadratic in one long
# sentence (a run of '!' or an unpunctuated list of 20,000 words), and `Token.sent` scans too.
# These arrays answer each question in O(1) after one linear pass over the Doc.

#: Forms of the negation verb (and the negative imperative) that make a following verb a connegative.
NEGATION_FORMS = frozenset({"en", "et", "ei", "emme", "ette", "eivät", "älä", "älkää"})
#: Tokens that end a clause inside a sentence.
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "-"})
#: How many words before a verb a negation verb may stand ("en ole vielä saanut": 'saanut' is within 3).
NEGATION_REACH = 3


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Per-token indices and flags, one list entry per token of the Doc."""

    sent_start: list[int]  # the first token of the token's sentence
    sent_end: list[int]  # one past the last token of the token's sentence
    prev_word: list[int]  # the previous non-space token in the same sentence, or -1
    negated: list[bool]  # a negation verb among the NEGATION_REACH words before, in the same sentence
    analyses: list[tuple[Analysis, ...]]  # every Voikko reading (none for spaces, punctuation, placeholders)
    analysis: list[Analysis | None]  # the reading that agrees with the token's POS and morphology
    placeholder: list[bool]  # a template placeholder ("{name}", "{{ date }}") stands here
    finite: list[bool]  # some reading is a finite verb (indicative, conditional, imperative, potential)
    word: list[bool]  # neither a space nor punctuation (`Token.is_space`, `Token.is_punct`)
    profile: str  # "fast" or "accurate": which tagger set POS and morphology
    memo: dict  # name -> per-token list of a rule's derived values (`token_memo`)


#: The last Doc asked about and its facts: rules ask for one Doc's facts millions of times in a
#: row, and a dict lookup in `Doc.user_data` per question is most of the cost of the answer.
_last: list = [None, None]


def facts(doc: Doc) -> DocFacts:
    """The Doc's per-token facts (computed on first use, then kept with the Doc)."""
    if _last[0] is doc and len(_last[1].sent_start) == len(doc):
        return _last[1]
    found = doc.user_data.get("plainfinnish.facts")
    if found is None or len(found.sent_start) != len(doc):
        found = doc.user_data["plainfinnish.facts"] = _compute_facts(doc)
    _last[0], _last[1] = doc, found
    return found


def token_memo(doc: Doc, name: str) -> list:
    """A per-token list (filled with UNSET) in which a rule keeps a value it derives from a token,
    so that each value is computed once per Doc however often the rule asks:

        memo = token_memo(token.doc, "my-rule.lemmas")
        value = memo[token.i]
        if value is UNSET:
            value = memo[token.i] = compute(token)
    """
    memos = facts(doc).memo
    found = memos.get(name)
    if found is None:
        found = memos[name] = [UNSET] * len(doc)
    return found


def tokens(doc: Doc) -> list[Token]:
    """The Doc's Token objects, made once: iterating or indexing a Doc makes a new Token object
    each time, and the rules would otherwise make each token twenty times over."""
    memo = facts(doc).memo
    found = memo.get("tokens")
    if found is None:
        found = memo["tokens"] = list(doc)
    return found


def span_tokens(span: Span | Doc) -> list[Token]:
    """The tokens of a sentence or other span (or the Doc), from `tokens`: no new Token objects."""
    start = getattr(span, "start", None)
    if start is None:
        return tokens(span)
    return tokens(span.doc)[start: span.end]


def is_placeholder(token: Token) -> bool:
    """A template placeholder stands at the token (as `Token._.is_placeholder`, without the accessor)."""
    return facts(token.doc).placeholder[token.i]


def profile_of(doc: Doc) -> str:
    """The Doc's profile (as `Doc._.profile`, without building the accessor object)."""
    return facts(doc).profile


#: (orth, POS, morphology) of a word -> (its readings, the reading chosen, a finite reading?): the
#: same word with the same tags recurs in every message
_word_facts: dict[tuple[int, int, int], tuple[tuple[Analysis, ...], Analysis | None, bool]] = {}


def _compute_facts(doc: Doc) -> DocFacts:
    n = len(doc)
    rows = doc.to_array([SENT_START, IS_SPACE, IS_PUNCT, LOWER, LEMMA, ORTH, POS, MORPH]).tolist() if n else []
    strings = doc.vocab.strings
    negators = {strings.add(w) for w in NEGATION_FORMS}
    lemma_ei = strings.add("ei")
    sent_start = [0] * n
    sent_end = [n] * n
    prev_word = [-1] * n
    negated = [False] * n
    readings: list[tuple[Analysis, ...]] = [()] * n
    chosen: list[Analysis | None] = [None] * n
    placeholder = [False] * n
    finite = [False] * n
    word = [False] * n
    start = 0
    last = -1  # the last non-space token of the current sentence
    recent: list[bool] = []  # negation flags of the last words in the current sentence
    for i, (is_start, is_space, is_punct, lower, lemma, orth, pos, morph) in enumerate(rows):
        if i and is_start == 1:
            for j in range(start, i):
                sent_end[j] = i
            start, last, recent = i, -1, []
        sent_start[i] = start
        prev_word[i] = last
        negated[i] = any(recent)
        if is_space:
            continue
        last = i
        if is_punct:
            continue
        word[i] = True
        recent.append(lemma == lemma_ei or lower in negators)
        if len(recent) > NEGATION_REACH:
            recent.pop(0)
        key = (orth, pos, morph)
        known = _word_facts.get(key)
        if known is None:
            text = strings[orth]
            if text.startswith(PLACEHOLDER_WORD) and _is_placeholder(doc[i]):
                placeholder[i] = True
                continue
            found = voikko.analyze(text)
            known = (found, _best(text, found, pos, strings[morph] if morph else ""),
                     any(a.mood in MOODS for a in found))
            if not text.startswith(PLACEHOLDER_WORD):  # whether one is a placeholder depends on the message
                if len(_word_facts) >= 200_000:
                    _word_facts.clear()
                _word_facts[key] = known
        readings[i], chosen[i], finite[i] = known
    return DocFacts(sent_start, sent_end, prev_word, negated, readings, chosen, placeholder, finite, word,
                    doc._.profile, {})


def join_facts(whole: Doc, parts: list[Doc]) -> None:
    """Give a Doc made of `parts` end to end (no spaces added) the facts of its parts, shifted,
    instead of computing them again: every fact stays within a sentence, and no sentence crosses
    from one part into the next. The language server joins paragraph Docs this way per edit."""
    known = [facts(p) for p in parts]
    offset = 0
    joined: dict[str, list] = {name: [] for name in (
        "sent_start", "sent_end", "prev_word", "negated", "analyses", "analysis", "placeholder", "finite", "word")}
    for part, f in zip(parts, known):
        joined["sent_start"].extend(x + offset for x in f.sent_start)
        joined["sent_end"].extend(x + offset for x in f.sent_end)
        joined["prev_word"].extend(x + offset if x >= 0 else -1 for x in f.prev_word)
        for name in ("negated", "analyses", "analysis", "placeholder", "finite", "word"):
            joined[name].extend(getattr(f, name))
        offset += len(part)
    if offset != len(whole):
        return  # not a join of these parts: facts(whole) computes its own
    profile = known[0].profile if known else whole._.profile
    whole.user_data["plainfinnish.facts"] = DocFacts(**joined, profile=profile, memo={})


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` joins every token on each access, so a rule
    that reads it per finding is quadratic in a long message."""
    text = doc.user_data.get("plainfinnish.text")
    if text is None:
        text = doc.user_data["plainfinnish.text"] = doc.text
    return text


def seen_in_clause(doc: Doc, words: frozenset[str]) -> list[bool]:
    """Per token: does one of `words` (lower-case forms) stand before it in its clause (since the
    sentence start or the last comma, semicolon, colon or dash)? Cached per Doc and word set."""
    key = ("plainfinnish.seen_in_clause", words)
    found = doc.user_data.get(key)
    if found is not None and len(found) == len(doc):
        return found
    out = [False] * len(doc)
    seen = False
    for token in tokens(doc):
        if token.is_sent_start:
            seen = False
        out[token.i] = seen
        if token.text in CLAUSE_BREAKS:
            seen = False
        elif token.lower_ in words:
            seen = True
    doc.user_data[key] = out
    return out


def register_extensions() -> None:
    if not Doc.has_extension("message"):
        Doc.set_extension("message", default=None)
        Doc.set_extension("profile", default="fast")
        Token.set_extension("is_placeholder", getter=_is_placeholder)
        Token.set_extension("analyses", getter=analyses_of)
        Token.set_extension("analysis", getter=best_analysis)
        Token.set_extension("negated", getter=lambda t: facts(t.doc).negated[t.i])
        Token.set_extension("sent_bounds", getter=lambda t: (facts(t.doc).sent_start[t.i], facts(t.doc).sent_end[t.i]))


register_extensions()


@Language.factory("plainfinnish_voikko", default_config={"set_pos": True, "set_lemma": True})
def make_voikko_tagger(nlp: Language, name: str, set_pos: bool, set_lemma: bool) -> "VoikkoTagger":
    return VoikkoTagger(set_pos=set_pos, set_lemma=set_lemma)


_KEEP = -1  # in a tagger entry: leave the attribute as the previous components set it
_MISSING = object()


class VoikkoTagger:
    """Lemma, POS and morphology from Voikko.

    In the fast profile (no neural tagger) it sets all three from the first reading; after the
    neural tagger (accurate profile on the pure-pip backend, where the model's own lemmatizer
    cannot run) it only sets the lemma of the reading that agrees with the tagger.

    The result depends only on the word form and the POS/morphology already set, except for
    placeholders (a property of the message), so it is computed once per (form, POS, morph) and
    written to the Doc in bulk with `Doc.from_array`: no Token objects, no per-token setters.
    """

    MAX_ENTRIES = 200_000

    def __init__(self, set_pos: bool, set_lemma: bool) -> None:
        self.set_pos = set_pos
        self.set_lemma = set_lemma
        # (orth, pos, morph) -> (pos, lemma, morph) hashes or _KEEP; None for a placeholder candidate
        self._entries: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        attrs = [POS, LEMMA, MORPH]
        current = doc.to_array([ORTH, POS, LEMMA, MORPH])
        entries = self._entries
        if len(entries) > self.MAX_ENTRIES:
            entries.clear()
        out = current[:, 1:].copy()
        rows = current.tolist()
        for i, (orth, pos, _lemma, morph) in enumerate(rows):
            key = (orth, pos, morph)
            entry = entries.get(key, _MISSING)
            if entry is _MISSING:
                entry = entries[key] = self._entry(doc.vocab, orth, pos, morph)
            if entry is None:  # starts like a placeholder: decide from the message
                token = doc[i]
                if _is_placeholder(token):
                    if self.set_pos:
                        out[i, 0] = POS_IDS["PROPN"]
                    out[i, 1] = orth
                    continue
                entry = self._entry(doc.vocab, orth, pos, morph, placeholder_form=False)
            new_pos, new_lemma, new_morph = entry  # type: ignore[misc]
            if new_pos != _KEEP:
                out[i, 0] = new_pos
            if new_lemma != _KEEP:
                out[i, 1] = new_lemma
            if new_morph != _KEEP:
                out[i, 2] = new_morph
        doc.from_array(attrs, out)
        return doc

    def _entry(self, vocab, orth: int, pos: int, morph: int,
               placeholder_form: bool = True) -> tuple[int, int, int] | None:
        """What the tagger writes for a word form (given the POS/morph already set)."""
        text = vocab.strings[orth]
        lex = vocab[orth]
        if lex.is_space:
            return (_KEEP, _KEEP, _KEEP)
        if placeholder_form and text.startswith(PLACEHOLDER_WORD):
            return None
        strings = vocab.strings
        if lex.is_punct or not any(c.isalpha() for c in text):
            new_pos = POS_IDS["PUNCT" if lex.is_punct else ("NUM" if lex.like_num else "SYM")] if self.set_pos else _KEEP
            return (new_pos, orth if self.set_lemma else _KEEP, _KEEP)
        analyses = voikko.analyze(text)
        if not analyses:
            new_pos = POS_IDS["X"] if self.set_pos and not pos else _KEEP
            return (new_pos, strings.add(text.lower(), allow_transient=False) if self.set_lemma else _KEEP, _KEEP)
        if len(analyses) == 1 or not pos:
            analysis = analyses[0]
        else:
            analysis = analyses[_best_index(text, POS_NAMES[pos], strings[morph] if morph else "")]
        new_pos = new_morph = _KEEP
        if self.set_pos:
            new_pos = POS_IDS[analysis.pos]
            feats = ud_features(analysis)
            new_morph = vocab.morphology.add(feats) if feats else 0
        new_lemma = strings.add(analysis.baseform, allow_transient=False) if self.set_lemma else _KEEP
        return (new_pos, new_lemma, new_morph)


# --- Sentence boundaries ----------------------------------------------------------------------

_FINAL = re.compile(r"^(?:[.!?…]+|[.!?]+[\"'”’»)]*)$")
_ORDINAL = re.compile(r"^\d{1,3}\.$")
_BULLET = {"-", "–", "—", "•", "*", "·", "▪", "►"}
_OPENERS = {'"', "”", "“", "«", "»", "'", "(", "["}
_CLOSERS = {'"', "”", "’", "»", "'", ")"}


def _is_list_number(token: Token, starts: list[int]) -> bool:
    """'1' in '1. Täytä lomake' at the start of a line or sentence: a list marker, not a sentence."""
    return token.text.isdigit() and len(token.text) <= 3 and not token.whitespace_ and starts[token.i] == 1


def _abbreviation_stem(token: Token) -> bool:
    """'nr' in 'nr. 5', 'sis' in 'sis. alv': a short word that Voikko does not know as a word
    (or knows as an abbreviation) written right before a '.' token: the dot is an abbreviation's."""
    text = token.text
    if not text.isalpha() or len(text) > 4 or token.whitespace_:
        return False
    analyses = voikko.analyze(text)
    return not analyses or all(a.word_class == "lyhenne" for a in analyses)


def _sentence_final_abbreviations() -> frozenset[str]:
    from plainfinnish.nlp.splitting import structure_data

    return frozenset(a.lower() for a in structure_data()["sentences"]["sentence_final_abbreviations"])


@Language.factory("plainfinnish_sentences")
def make_sentencer(nlp: Language, name: str) -> "FinnishSentencer":
    return FinnishSentencer()


class FinnishSentencer:
    """Sentence boundaries for Finnish service texts.

    A blank line (a block boundary from the reader) always ends a sentence. A single line break
    ends one unless the next line continues in lowercase (a wrapped line), so headings, list
    items and lines without punctuation stand alone. Terminal punctuation ends a sentence when
    the next word starts a new one (capital, digit, quote); abbreviations (esim., mm., klo),
    dates (15.1.2026) and ordinals ("3. kerroksessa") are single tokens followed by lowercase or
    digits and so do not end sentences. A closing quote right after the terminal mark belongs to
    the sentence it closes; a lone '.' after a full word ends a sentence even before lowercase.
    """

    def __init__(self) -> None:
        self.final_abbreviations = _sentence_final_abbreviations()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = [-1] * len(doc)  # SENT_START values: 1 starts a sentence, -1 does not
        previous: Token | None = None
        gap = ""
        line_start = True  # the previous word began a line
        sentence_len = 0
        toks = list(doc)  # each Token object made once
        final_abbreviations = self.final_abbreviations
        for token in toks:
            if token.is_space:
                gap += token.text
                continue
            gap += toks[token.i - 1].whitespace_ if token.i else ""
            if previous is None:
                start = True
            elif "\n" not in gap and (text := previous.text).isalpha() and text.lower() not in final_abbreviations:
                start = False  # a word, not a line break, a full stop or an abbreviation, before: no sentence starts
            else:
                start = self._starts(previous, token, gap, line_start, sentence_len, starts)
            if start:
                starts[token.i] = 1
            sentence_len = 1 if start else sentence_len + 1
            line_start = "\n" in gap or previous is None
            previous = token
            gap = ""
        starts[0] = 1
        # Written in one go: spaCy's per-token `is_sent_start` setter scans the whole Doc each time.
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc

    @staticmethod
    def _begins_sentence(token: Token) -> bool:
        first = token.text[0]
        return first.isupper() or first.isdigit() or first in _OPENERS or first in _BULLET or token._.is_placeholder

    def _starts(self, prev: Token, token: Token, gap: str, prev_line_start: bool, sentence_len: int,
                starts: list[int]) -> bool:
        if "\n" in gap:
            if gap.count("\n") >= 2:
                return True
            if token.text in _BULLET and token.whitespace_:
                return True  # a list item on its own line
            if prev.text in {"–", "-", "ja", "tai", "sekä"}:
                return False
            return not token.text[0].islower()
        before = prev.doc[prev.i - 1] if prev.i > 0 else None
        if prev.text == "." and before is not None and _is_list_number(before, starts):
            return False
        if not gap and token.text in _CLOSERS and _FINAL.match(prev.text):
            return False  # '?”' : the quote closes the sentence it follows
        if prev.text in _CLOSERS and before is not None and not before.whitespace_ and _FINAL.match(before.text):
            return token.text[0].isupper() or token._.is_placeholder
        if _FINAL.match(prev.text) or prev.text.endswith(("!", "?")) and len(prev.text) > 1 and not prev.text[0].isalnum():
            if prev.text == "." and before is not None and not before.whitespace_ and before.text[-1:].isalpha():
                if _abbreviation_stem(before):
                    return token.text[0].isupper() or token._.is_placeholder  # 'nr. 5', 'sis. alv'
                if token.text[0].islower() and token.text.isalpha():
                    return True  # 'asioista. nuorissa': a full word, then a full stop
            return self._begins_sentence(token)
        if prev.lower_ in self.final_abbreviations:
            return token.text[0].isupper() and token.text.isalpha()  # '… teetä jne. Seuraavaksi'
        if _ORDINAL.match(prev.text):
            # "1. Täytä lomake" (a numbered item) vs "tilaus 3. Saat …" (a sentence end)
            return not prev_line_start and sentence_len > 1 and token.text[0].isupper()
        return False
