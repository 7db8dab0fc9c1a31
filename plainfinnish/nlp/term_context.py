"""Where a word is no jargon finding, whatever it is: computed once per message.

- inside a quotation, a statute's title ("laki sähköisen viestinnän palveluista (917/2014)") or a
  definition ("(jäljempänä Palvelu)", "Palvelulla tarkoitetaan …"): the word is *protected*;
- a term defined in the message is not jargon anywhere in it (*defined* lemmas);
- a term explained where it stands ("reklamaatio eli valitus …", "valitusohje
  (valitusosoitus)") is *explained* from there on, whether or not a wordlist matched that use.

One left-to-right pass over the Doc; the data (marker words, limits) is plainfinnish/data/term_context.toml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CACHE_KEY = "plainfinnish.term_context"
_DEFINING_STEMS = ("tarkoit",)  # the forms of "tarkoittaa" (explaining_verbs) all begin so
_ELATIVE = "sisaeronto"


@cache
def _data() -> dict[str, Any]:
    """plainfinnish/data/term_context.toml, parsed once; its word lists as sets."""
    from plainfinnish import datafiles

    return {k: frozenset(v) if isinstance(v, list) and k != "law_suffixes" else v
            for k, v in datafiles.load("term_context").items()}


def _analyses(token: "Token") -> tuple:
    from plainfinnish.nlp.components import analyses_of

    return analyses_of(token)


#: What the pass below asks of a word form, kept across messages (the readings of a form, and so
#: its lemmas, never change): (lemmas, a law's name by its suffix, a law's head word, an
#: explaining verb's lemma).
_FORMS: dict[str, tuple[frozenset[str], bool, bool, bool]] = {}


@dataclass(frozen=True)
class TermContext:
    protected: frozenset[int]  # token indices never flagged
    defined: frozenset[str]  # lower-case lemmas of the terms the message defines
    explained: dict[str, int]  # lower-case lemma -> index of the first word of it explained where it stands


def term_context(doc: "Doc") -> TermContext:
    found = doc.user_data.get(_CACHE_KEY)
    if found is None or found[0] != len(doc):
        found = doc.user_data[_CACHE_KEY] = (len(doc), _compute(doc))
    return found[1]


def _lemmas(token: "Token") -> set[str]:
    return {a.baseform.lower() for a in _analyses(token)} or {token.lower_}


def _defining(token: "Token", verbs: set[str]) -> bool:
    """'tarkoittaa' / 'tarkoitetaan' stating a meaning (3rd person or passive), not "tarkoitat"."""
    return any(a.baseform.lower() in verbs and a.person in ("3", "4") for a in _analyses(token))


def _compute(doc: "Doc") -> TermContext:
    from plainfinnish.nlp.components import facts, tokens

    data = _data()
    protected: set[int] = set()
    defined: set[str] = set()
    explained: dict[str, int] = {}
    n = len(doc)
    quotes: list[int] = []
    law_heads = data["law_heads"]
    law_suffixes = tuple(data["law_suffixes"])
    markers = data["definition_markers"]
    verbs = data["explaining_verbs"]
    # is_explained only where an explanation can begin: next to a bracket, a separator or an
    # explainer, or before a form of a defining verb (a cheap look at the neighbours' text)
    near = {"(", ")", *data["explainers"], *data["separators"]}
    toks = tokens(doc)
    texts = [t.lower_ for t in toks]
    known = facts(doc)
    no_form: tuple[frozenset[str], bool, bool, bool] = (frozenset(), False, False, False)
    quote_marks, glossary_marks = data["quotes"], data["glossary_marks"]
    for i, token in enumerate(toks):
        text = token.text
        if text in quote_marks:
            quotes.append(i)
            continue
        if text in glossary_marks:
            words = _glossary_term(doc, i, data["max_definiendum_words"])
            protected.update(words)
            defined.update(lemma for j in words for lemma in _lemmas(doc[j]))
            continue
        form = no_form
        if token.is_alpha:
            if known.placeholder[i]:
                form = (frozenset({texts[i]}), False, False, False)
            else:
                form = _FORMS.get(text) or _form(text, texts[i], known.analyses[i], law_suffixes, law_heads, verbs)
        lemmas, law_named, law_head, explaining = form
        nxt = texts[i + 1] if i + 1 < n else ""
        prev = texts[i - 1] if i else ""
        if lemmas and (prev in near or nxt in near or nxt.startswith(_DEFINING_STEMS)) and is_explained(token):
            for lemma in lemmas:
                explained.setdefault(lemma, i)
        if law_named:
            protected.add(i)  # "kuluttajansuojalaki"
        if law_head:
            protected.update(_title(doc, i, data["max_title_words"]))
        if texts[i] in markers and i > 0 and doc[i - 1].text == "(":
            # "(jäljempänä 'Palvelu')": the parenthesis defines the words in it
            close = next((j for j in range(i + 1, min(n, i + 8)) if doc[j].text == ")"), None)
            if close is not None:
                protected.update(range(i - 1, close + 1))
                defined.update(lemma for j in range(i + 1, close) if doc[j].is_alpha for lemma in _lemmas(doc[j]))
        if explaining and not token.is_sent_start and _defining(token, verbs):
            # "Tässä sopimuksessa palvelulla tarkoitetaan …": the words right before the verb in the
            # adessive, nominative or genitive name the defined term ("sopimuksessa" does not)
            first = known.sent_start[i]
            words: list[int] = []
            for j in range(i - 1, max(first, i - data["max_definiendum_words"]) - 1, -1):
                if not doc[j].is_alpha or not {a.case for a in known.analyses[j]} & _DEFINIENDUM_CASES:
                    break
                words.append(j)
            protected.update(words)
            defined.update(lemma for j in words for lemma in _lemmas(doc[j]))
    # a quotation: the words between two marks, when the marks pair up within a short reach
    for open_, close_ in zip(quotes[::2], quotes[1::2]):
        if close_ - open_ <= data["max_quote_tokens"]:
            protected.update(range(open_ + 1, close_))
    return TermContext(frozenset(protected), frozenset(defined), explained)


def _form(text: str, lower: str, analyses: tuple, law_suffixes: tuple[str, ...], law_heads: frozenset[str],
          verbs: frozenset[str]) -> tuple[frozenset[str], bool, bool, bool]:
    lemmas = frozenset({a.baseform.lower() for a in analyses} or {lower})
    found = (lemmas, any(lemma.endswith(law_suffixes) for lemma in lemmas), bool(lemmas & law_heads), bool(lemmas & verbs))
    if len(_FORMS) >= 100_000:
        _FORMS.clear()
    _FORMS[text] = found
    return found


_DEFINIENDUM_CASES = {"ulkoolento", "nimento", "omanto"}
_NOMINAL = {"nimisana", "laatusana", "nimisana_laatusana", "asemosana", "lyhenne"}


def _nominal(token: "Token") -> bool:
    analyses = _analyses(token)
    return bool(analyses) and all(a.word_class in _NOMINAL and not a.participle for a in analyses)


def _glossary_term(doc: "Doc", i: int, reach: int) -> list[int]:
    """A glossary line "Omavastuu: osuus, jonka maksat itse": the words from the sentence start to
    the colon or dash are a term, when they are nominal and what follows is a noun phrase (no
    finite verb before a comma or a relative clause). A heading with an instruction or a statement
    after it ("Palautukset: lähetä …", "Palautukset: käsittelemme ne …") defines nothing."""
    from plainfinnish.nlp.clauses import is_finite
    from plainfinnish.nlp.components import facts

    first = facts(doc).sent_start[i]
    words = list(range(first, i))
    if not 0 < len(words) <= reach or not all(doc[j].is_alpha and _nominal(doc[j]) for j in words):
        return []
    after = [t for t in doc[i + 1: min(len(doc), i + 1 + 3 * reach)] if not t.is_space]
    if not after or not after[0].is_alpha or not _nominal(after[0]):
        return []
    for t in after:
        if t.is_sent_start or t.text == "," or t.lower_ in _data()["relatives"]:
            break
        if is_finite(t):
            return []
    return words


def _title(doc: "Doc", i: int, reach: int) -> range:
    """A statute's title from its head word over genitive attributes to the elative topic word
    ("laki sähköisen viestinnän palveluista"), and the statute number after it ("(917/2014)");
    only the head when the words after it are no such title ("lain mukaan")."""
    end = i
    for j in range(i + 1, min(len(doc), i + reach + 1)):
        cases = {a.case for a in _analyses(doc[j])} if doc[j].is_alpha else set()
        if _ELATIVE in cases:
            end = j
            break
        if "omanto" not in cases:
            break  # only genitive attributes stand between ("sähköisen viestinnän"): no title
    if end > i and end + 3 < len(doc) and doc[end + 1].text == "(" and doc[end + 3].text == ")" \
            and any(c.isdigit() for c in doc[end + 2].text):
        end += 3
    return range(i, end + 1)


def is_explained(token: "Token") -> bool:
    """The word is glossed where it stands: 'arvonlisävero (alv)', 'alv (arvonlisävero)',
    'oikaisuvaatimus eli pyyntö …', '… eli oikaisuvaatimus', 'X:llä tarkoitetaan …'."""
    data = _data()
    doc = token.doc
    i = token.i
    explainers = data["explainers"]
    prev = doc[i - 1] if i > 0 else None
    prev2 = doc[i - 2] if i > 1 else None
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    nxt2 = doc[i + 2] if i + 2 < len(doc) else None
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and prev2 is not None and prev2.is_alpha:
        return True  # "selitys (termi)": a lone term in brackets names what the words before it describe
    if nxt is not None and nxt.text == "(" and nxt2 is not None and nxt2.is_alpha:
        # "termi (selitys)": a short gloss in the term's own case, not an aside
        # ("rekisterinpitäjälle (tietojen siirrettävyys)" names a right; it explains nothing)
        close = next((j for j in range(i + 2, min(len(doc), i + 3 + data["max_gloss_words"])) if doc[j].text == ")"), None)
        if close is None:
            return False
        gloss = [doc[j] for j in range(i + 2, close)]
        if gloss[0].lower_ in explainers:
            return True  # "reklamaatio (eli valitus)"
        if _abbreviation(token) or (len(gloss) == 1 and _abbreviation(gloss[0])):
            return True  # "ALV (arvonlisävero)", "arvonlisävero (alv)"
        return any(g.is_alpha and _agree(token, g) for g in gloss)
    verbs = data["explaining_verbs"]
    if nxt is not None and nxt.text in data["separators"] and nxt2 is not None:
        # "reklamaatio, eli …", "reklamaatio – eli …", "reklamaatio, joka tarkoittaa …"
        nxt3 = doc[i + 3] if i + 3 < len(doc) else None
        if nxt2.lower_ in data["relatives"] and nxt3 is not None and _defining(nxt3, verbs):
            return True
        nxt = nxt2
    if nxt is not None and (nxt.lower_ in explainers or _defining(nxt, verbs)):
        return True
    return prev is not None and prev.lower_ in explainers and prev2 is not None and prev2.is_alpha


def _agree(a: "Token", b: "Token") -> bool:
    """Two words can stand for each other: they share a case ("häiriötilanteessa (sähkökatkossa)";
    a verb or a number is no gloss)."""
    cases = {r.case for r in _analyses(a) if r.case}
    return bool(cases & {r.case for r in _analyses(b) if r.case})


def _abbreviation(token: "Token") -> bool:
    analyses = _analyses(token)
    return any(a.word_class == "lyhenne" for a in analyses) or (not analyses and token.text.isupper())


def is_praise(noun: "Token") -> bool:
    """The noun has a praising attribute right before it ("hyvän valinnan", "erinomainen päätös")."""
    if noun.i == 0:
        return False
    return bool(_lemmas(noun.doc[noun.i - 1]) & _data()["praise"])
