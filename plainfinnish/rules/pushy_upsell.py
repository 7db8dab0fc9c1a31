"""pushy-upsell: pressure wording, by the categories of LABELLING.md — false urgency (an offer,
plan or price ending with no date), price-rise threats, loss framing, scarcity, social proof,
nagging questions, imperative pressure, confirmshaming, fear of missing out, piled exclamation
marks, forced consent and consent nudges, upselling inside a service message and a downsell inside
a cancellation.

Categories follow Mathur et al. 2019 ("Dark Patterns at Scale"), the EU Unfair Commercial
Practices Directive (Annex I point 7), KKV's "pimeät käytännöt" and EDPB's guidance on consent.
Each is a construction over a sentence's words — base forms (participles through their verb),
mood, person, negation, questions, numbers and template placeholders — so inflected and reworded
variants are found; the words live in data/pushy.toml. What a construction needs to know about the
whole message (a service message, a cancellation, a consent banner, an offer) is decided once per
message, and a sentence's word classes once per sentence, so the rule stays linear. A concrete
date or time makes an offer's end or a price change information, and information is never
flagged ("Tarjous on voimassa 31.1. asti", "Hinnat nousevat 1.3. alkaen").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from plainfinnish import datafiles
from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion
from plainfinnish.rules.missing_next_step import (
    _DATE,
    analyses,
    classify,
    clause_start,
    contracted_imperative,
    feat,
    is_imperative,
    lemmas,
    person_form,
    readings,
    second_person_owner,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from plainfinnish.nlp.components import DocFacts


@cache
def data() -> dict[str, Any]:
    """plainfinnish/data/pushy.toml, parsed once and checked."""
    from plainfinnish.errors import ConfigError

    path = "plainfinnish/data/pushy.toml"
    raw = datafiles.load("pushy")
    for name, cat in raw.get("categories", {}).items():
        missing = {"name_fi", "name_en", "why_fi", "why_en", "rewrite_fi", "rewrite_en"} - set(cat)
        if missing:
            raise ConfigError(str(path), f"category {name!r} lacks {', '.join(sorted(missing))}")
    raw["words"] = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw["words"].items()}
    # word -> the word classes (keys of [words]) it belongs to: a word's classes are then a few
    # dict lookups, and "is word i an offer noun?" a set membership
    classes: dict[str, set[str]] = {}
    for key, words in raw["words"].items():
        if isinstance(words, frozenset):
            for word in words:
                classes.setdefault(word, set()).add(key)
    raw["classes"] = {word: frozenset(keys) for word, keys in classes.items()}
    raw["classes_of_forms"] = {}  # a word's forms -> their classes, kept with the data they come from
    return raw


@dataclass
class Hit:
    start: int  # token indices into the sentence's word list, inclusive
    end: int
    category: str
    signal: str


_DAY_MONTH = re.compile(r"^\d{1,2}\.\d{1,2}\.?$")
_VERB_BASE = re.compile(r"\[Xp\]([^\[]+)\[X\]")


@lru_cache(maxsize=50_000)
def _forms(lower: str, lemma: str, readings: tuple) -> frozenset[str]:
    """Base forms, compound parts and, for a participle, its verb ("ostaneet" → ostaa)."""
    out = {lower, lemma}
    for a in readings:
        out.add(a.baseform.lower())
        out.update(p.lemma.lower() for p in a.parts)
        if a.participle:
            out.update(m.lower() for m in _VERB_BASE.findall(a.fstoutput))
    return frozenset(out)


_NO_CLASS: frozenset[str] = frozenset()

#: (form, lemma) hashes -> (readings, lower case, `_forms`, `_classes`) of a word: what a Sentence
#: reads of each word, kept while the readings are the same object (the analyser's cached tuple)
_WORDS: dict[tuple[int, ...], tuple[tuple, str, frozenset[str], frozenset[str]]] = {}


def _word(key: tuple[int, ...], token: "Token", readings: tuple) -> tuple[tuple, str, frozenset[str], frozenset[str]]:
    kept = _WORDS.get(key)
    if kept is None or kept[0] is not readings:
        if len(_WORDS) >= 100_000:
            _WORDS.clear()
        lower = token.lower_
        forms = _forms(lower, token.lemma_.lower(), readings)
        kept = _WORDS[key] = (readings, lower, forms, _classes(forms))
    return kept


def _classes(forms: frozenset[str]) -> frozenset[str]:
    """The word classes of data/pushy.toml that one of the forms belongs to."""
    words = data()
    known = words["classes_of_forms"]
    found = known.get(forms)
    if found is None:
        if len(known) >= 50_000:
            known.clear()
        index = words["classes"]
        parts = [index[f] for f in forms if f in index]
        found = known[forms] = frozenset().union(*parts) if parts else _NO_CLASS
    return found


def is_number(token: "Token", readings: tuple, placeholder: bool) -> bool:
    """A numeral, digits or a template placeholder ("{count}") standing for a number."""
    text = token.text
    return token.like_num or (not text.isalpha() and any(c.isdigit() for c in text)) or placeholder or \
        any(a.word_class == "lukusana" for a in readings)


def first_person_singular(token: "Token") -> bool:
    return any(f.get("Person") == "1" and f.get("Number") == "Sing" for f in readings(token)) or token.lower_ in {"minä", "en", "minun", "minulle"}


def second_person(token: "Token") -> bool:
    """A finite verb in the 2nd person ("päätit", "Etkö", "Oletko"), the customer as subject: by
    the tagger or by any Voikko reading, so both profiles agree on short questions."""
    if feat(token, "Person") == "2" and feat(token, "VerbForm") == "Fin":
        return True
    return any(a.person == "2" and a.mood in ("indicative", "conditional", "potential") for a in analyses(token))


_NEGATORS = ("en", "et", "ei", "emme", "ette", "eivät", "älä", "älkää")


def negated_in_clause(doc: "Doc") -> list[bool]:
    """Per token: a negation verb ('en', 'ei', 'älä', …) among the three words before it, within
    its clause. Unlike the shared `is_negated`, not across a comma ("Jos et tilaa nyt, joudut
    maksamaan"). One pass over the Doc, keeping the last words' flags since the last punctuation."""
    from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, SENT_START

    strings = doc.vocab.strings
    negators = {strings.add(w) for w in _NEGATORS}
    lemma_ei = strings.add("ei")
    out = [False] * len(doc)
    recent: list[bool] = []  # negation flags of the words since the sentence start or the last punctuation
    for i, (start, space, punct, lower, lemma) in enumerate(doc.to_array([SENT_START, IS_SPACE, IS_PUNCT, LOWER, LEMMA]).tolist()):
        if start == 1:
            recent = []
        out[i] = any(recent[-3:])
        if punct:
            recent = []
        elif not space:
            recent.append(lemma == lemma_ei or lower in negators)
    return out


def imperative(token: "Token", readings: tuple, negated: bool, profile: str) -> bool:
    """A 2nd-person imperative at the start of its clause. In the accurate profile the tagger
    often reads a short headline ("Varaa paikkasi heti!", "Toimi nopeasti!") as an indicative;
    Voikko's readings decide there too, so both profiles find the same pressure."""
    if is_imperative(token):
        return True
    if profile != "accurate" or negated or not clause_start(token):
        return False
    return any(a.mood == "imperative" and a.person == "2" for a in readings) or contracted_imperative(token)


def comparative(readings: tuple) -> bool:
    return any(a.comparison == "comparative" for a in readings)


def comparative_or_more(readings: tuple) -> bool:
    return any(a.comparison in ("comparative", "superlative") for a in readings)


class PerWord:
    """A value per word of a sentence, computed on first use: the matchers ask about the same
    words many times ("is word 3 an imperative?"), each answer is computed once."""

    __slots__ = ("compute", "values")

    def __init__(self, compute: "Callable[[int], Any]", n: int) -> None:
        self.compute = compute
        self.values: list[Any] = [_UNSET] * n

    def __getitem__(self, i: int) -> Any:
        value = self.values[i]
        if value is _UNSET:
            value = self.values[i] = self.compute(i)
        return value


_UNSET = object()


class Sentence:
    """One sentence's words with their forms and word classes, computed once; `where(key)` lists
    the positions of a word class (indexed in one pass), so every matcher stays linear in the
    sentence length. `num`, `imp`, `you`, `neg` and `an` answer per word (a number, an imperative, a
    2nd-person verb, negated, the Voikko readings), each computed at most once."""

    def __init__(self, ws: list["Token"], known: "DocFacts", negated: list[bool], keys: list[list[int]]) -> None:
        self.ws = ws
        # a word's own readings when Voikko knows it, else those `analyses` finds for the bare word
        found = [_word(tuple(keys[t.i]), t, known.analyses[t.i] or analyses(t)) for t in ws]
        self.an = [w[0] for w in found]
        self.lower = [w[1] for w in found]
        self.forms = [w[2] for w in found]
        self.classes = [w[3] for w in found]
        self.neg = negated
        self.profile = known.profile
        # (the functions refer to the word lists, not to the Sentence: no reference cycle, so a
        # Sentence is freed as soon as the check is done, without the garbage collector)
        an, profile = self.an, known.profile
        self.num = PerWord(lambda i: is_number(ws[i], an[i], known.placeholder[ws[i].i]), len(ws))
        self.imp = PerWord(lambda i: imperative(ws[i], an[i], negated[i], profile), len(ws))
        self.you = PerWord(lambda i: second_person(ws[i]), len(ws))
        texts = self.lower  # the tests below read digits, dots and '?', which have no case
        self.question = any(x.endswith("?") for x in texts[-2:])
        # a date or a clock time makes an end or a limit information: "31.1.", "klo 24", "10.3" at a
        # sentence end (the tokenizer leaves the final dot apart), "15. tammikuuta"; both patterns
        # begin with a digit, so other words skip them
        self.concrete = any((x[:1].isdigit() and (_DATE.match(x) or _DAY_MONTH.match(x))) or low in {"klo", "kello"}
                            or (low.endswith("kuuta") and i and texts[i - 1][:1].isdigit())
                            for i, (x, low) in enumerate(zip(texts, self.lower)))
        # positions per word class, in one pass over the words (most words are of no class)
        self._where: dict[str, list[int]] = {}
        for i, classes in enumerate(self.classes):
            for key in classes:
                self._where.setdefault(key, []).append(i)
        self.followed_by_date = False  # the next sentence is a date: "Tarjous päättyy" / "31.1."

    @cached_property
    def has_imperative(self) -> bool:
        return any(self.imp[i] for i in range(len(self.ws)))

    @cached_property
    def addressed(self) -> bool:
        """The customer is spoken to: a 2nd-person verb or the customer's own ("sinun tilauksesi")."""
        return any(self.you[i] or second_person_owner(t) for i, t in enumerate(self.ws))

    @cached_property
    def unless(self) -> bool:
        """'jos et toimi', 'ellet tilaa': a condition that the customer does not act."""
        low = self.lower
        return any(w in {"ellet", "ellette"} or (w in {"jos", "mikäli"} and k + 1 < len(low) and low[k + 1] in {"et", "ette"})
                   for k, w in enumerate(low))

    def __len__(self) -> int:
        return len(self.ws)

    def has(self, i: int, key: str) -> bool:
        return key in self.classes[i]

    def where(self, key: str) -> list[int]:
        """The positions of a word class's words (the list is shared: do not modify it)."""
        return self._where.get(key) or []

    def within(self, key: str, lo: int, hi: int) -> list[int]:
        """Positions of a word class in [lo, hi], by bisection: a window costs its own size, not
        the sentence's, so a long sentence full of offer words stays linear."""
        found = self.where(key)
        return found[bisect_left(found, lo): bisect_right(found, hi)] if found else found

    def find(self, key: str, start: int = 0, stop: int | None = None) -> int | None:
        stop = len(self.ws) if stop is None else min(stop, len(self.ws))
        found = self.within(key, max(start, 0), stop - 1)
        return found[0] if found else None

    def near(self, key: str, i: int, before: int, after: int) -> int | None:
        """The nearest word of a class within a window around i."""
        found = [j for j in self.within(key, i - before, i + after) if j != i]
        return min(found, key=lambda j: abs(j - i)) if found else None

    def starts(self, keys: frozenset[str], words: frozenset[str] = frozenset()) -> list[int]:
        """Positions of the words of any of the classes `keys` or with one of the `words` among
        their forms: a matcher whose constructions all start from such words skips the others."""
        if keys.isdisjoint(self._where) and (not words or words.isdisjoint(self.all_forms)):
            return []  # no word of those classes, no such word: most sentences
        return [i for i, (c, f) in enumerate(zip(self.classes, self.forms))
                if not keys.isdisjoint(c) or (words and not words.isdisjoint(f))]

    @cached_property
    def all_forms(self) -> frozenset[str]:
        """Every form of every word (`forms`)."""
        return frozenset().union(*self.forms)


@dataclass
class Context:
    """What a matcher needs to know about the whole message."""

    service: bool  # a receipt, notice, reminder, reply: no marketing belongs here
    cancellation: bool  # the message is about cancelling or ending a service
    consent: bool  # the message asks for consent (cookies, tracking, marketing)
    offer: bool = False  # the message speaks of an offer, a discount or a campaign


def phrase_start(s: Sentence, i: int) -> int:
    """Extend a phrase back to a directly preceding 'älä' / negation or an imperative that
    carries the pressure ('Nappaa omasi, ennen kuin varasto tyhjenee')."""
    ws = s.ws
    for j in range(i - 1, max(-1, i - 4), -1):
        if any(t.is_punct for t in ws[j].doc[ws[j].i + 1: ws[i].i]):
            break  # not across a comma or a dash
        if ws[j].lower_ in {"älä", "älkää", "jottet", "ettet", "jotta", "ettei"} or ws[j].lemma_ == "ei" or s.imp[j]:
            # The tokenizer splits "jottet" into "jott" + "et": keep the word whole.
            while j > 0 and ws[j - 1].i == ws[j].i - 1 and not ws[j - 1].whitespace_ and ws[j - 1].text.isalpha():
                j -= 1
            return j
    return i


def conditional(s: Sentence, i: int) -> bool:
    """A 'jos'/'kun' clause before the word: a condition, not a claim ("Jos hinta nousee, …")."""
    return any(w in {"jos", "mikäli", "kun", "jollei", "ellei"} for w in s.lower[max(0, i - 4): i])


# --- The matchers: one per category, each over a sentence's words -------------------------------

#: The word classes (and words) that every urgency construction starts from.
_URGENCY_STARTS = frozenset({"only", "still_words", "countdown_words", "last_words", "limited", "end_verbs",
                             "return_verbs", "still_time_verbs"}), frozenset({"liian"})


def urgency(s: Sentence, ctx: Context) -> Iterator[Hit]:
    w = data()["words"]
    ws, concrete = s.ws, s.concrete
    for i in s.starts(*_URGENCY_STARTS):
        t = ws[i]
        low = s.lower[i]
        # "vain tänään", "ainoastaan tämän viikonlopun"
        if low in w["only"]:
            j = s.find("limited_times", i + 1, i + 4)
            if j is None:  # "vain tämän viikon", "ainoastaan tämän kuun": not "vain viikon" (a duration)
                j = next((k for k in range(i + 2, min(i + 4, len(ws))) if s.has(k, "this_periods")
                          and "tämä" in s.forms[k - 1] and s.where("offer_nouns")), None)
            if j is not None and not concrete:
                yield Hit(i, j, "false-urgency", "limited-time")
        # A countdown: "enää 2 päivää", "vain 48 tuntia aikaa"; not "toimitus kestää vain 2 päivää".
        # A vague one about an offer ("Tarjous voimassa vain muutaman päivän") is pressure too.
        if low in w["only"] and i + 2 < len(ws) and s.has(i + 2, "countdown_units"):
            after = s.lower[i + 3] if i + 3 < len(ws) else ""
            vague = s.has(i + 1, "vague_quantities") and (bool(s.where("offer_nouns")) or after in w["countdown_words"])
            if (ws[i + 1].like_num or vague) and (vague or low == "enää" or after in w["countdown_words"]) \
                    and not concrete:
                yield Hit(i, i + 3 if after in w["countdown_words"] else i + 2, "false-urgency", "countdown")
        # "Etu voimassa vielä {hours} h", "Tarjous voimassa enää 2 pv": a countdown on an offer
        if low in w["still_words"] and low not in w["only"] and not concrete and i + 2 < len(ws) \
                and s.num[i + 1] and s.has(i + 2, "countdown_units") and s.where("offer_nouns"):
            offer = s.near("offer_nouns", i, 3, 0)
            yield Hit(offer if offer is not None else i, i + 2, "false-urgency", "countdown")
        # "Aikaa jäljellä: {countdown}" in an offer: a running clock
        if low in w["countdown_words"] and i and "aika" in s.forms[i - 1] and ctx.offer and not ctx.service \
                and i + 1 < len(ws) and s.num[i + 1] and not concrete:
            unit = i + 2 < len(ws) and s.has(i + 2, "countdown_units")
            yield Hit(i - 1, i + 2 if unit else i + 1, "false-urgency", "countdown")
        # "Kampanjaa on jäljellä {days} päivää", "Tarjousaikaa jäljellä 3 päivää": time left on an offer
        if low in w["countdown_words"] and not concrete and i + 2 < len(ws) and s.where("offer_nouns") \
                and (s.num[i + 1] or s.has(i + 1, "vague_quantities")) and s.has(i + 2, "countdown_units"):
            offer = s.near("offer_nouns", i, 3, 0)
            yield Hit(offer if offer is not None else i, i + 2, "false-urgency", "countdown")
        # "hinta pätee enää hetken", "etu on voimassa vielä hetken": an undated, short time left
        if low in w["still_words"] and not concrete and i + 1 < len(ws):
            short = next((j for j in range(i + 1, min(i + 3, len(ws))) if s.has(j, "short_times")), None)
            offer = s.near("offer_nouns", i, 5, 0)
            if short is not None and offer is not None:
                yield Hit(offer, short + (1 if s.lower[short] == "lyhyen" and short + 1 < len(ws) else 0),
                          "false-urgency", "short-time-left")
        # "viimeinen mahdollisuus", "viimeiset tunnit"
        if s.has(i, "last_words") and i + 1 < len(ws) and s.has(i + 1, "chance_nouns"):
            yield Hit(i, i + 1, "false-urgency", "last-chance")
        elif s.has(i, "last_words") and i + 1 < len(ws) and feat(ws[i + 1], "Number") == "Plur" \
                and s.lower[i + 1] in w["last_periods"]:
            yield Hit(i, i + 1, "false-urgency", "last-hours")
        # "Aikaa on enää vähän": little time left, no date
        if low in w["still_words"] and i + 1 < len(ws) and s.lower[i + 1] in w["little_words"] and not concrete \
                and not (i + 2 < len(ws) and (s.lower[i + 2] in {"yli", "alle"} or s.num[i + 2])):
            time = s.near("time_nouns", i, 3, 0)
            if time is not None:
                yield Hit(time, i + 1, "false-urgency", "little-time")
        # "ennen kuin on liian myöhäistä"
        if low == "liian" and i + 1 < len(ws) and s.lower[i + 1].startswith(("myöhä", "myöhään")) \
                and any(x in {"ennen", "kunnes"} for x in s.lower[max(0, i - 4): i]):  # not "esitti liian myöhään"
            yield Hit(phrase_start(s, i), i + 1, "false-urgency", "too-late")
        # "rajoitetun ajan" (urgency) / "rajoitettu erä" (scarcity)
        if s.has(i, "limited") and i + 1 < len(ws) and s.has(i + 1, "limited_nouns"):
            cat = "false-urgency" if s.forms[i + 1] & {"aika", "tarjous"} else "scarcity"
            yield Hit(i, i + 1, cat, "limited")
        # An offer, plan or price ends with no date: "Tarjous päättyy pian", "Kohta etu katoaa",
        # and a headline with no subject at all: "Päättyy tänään!".
        if s.has(i, "end_verbs") and not s.neg[i] and not concrete and not conditional(s, i):
            when = s.near("vague_times", i, 3, 3)
            # a countdown: "päättyy {h} tunnin kuluttua", "loppuu 3 päivän päästä"
            rel = next((j + 2 for j in range(i + 1, min(i + 3, len(ws) - 2)) if s.num[j]
                        and s.has(j + 1, "countdown_units") and s.lower[j + 2] in {"kuluttua", "päästä", "sisällä"}), None)
            when = when if when is not None else rel
            offer = s.near("offer_nouns", i, 5, 3)
            headline = offer is None and len(ws) <= 4 and i <= 1 and person_form(t, "3")
            if when is not None and (offer is not None or headline):
                span = [when, i] + ([offer] if offer is not None else [])
                yield Hit(min(span), max(span), "false-urgency", "ending-soon")
            # "Etusi katoaa, jos et toimi nyt": the offer is lost unless the customer acts
            elif when is None and offer is not None and s.unless:
                yield Hit(min(offer, i), max(offer, i), "loss-framing", "lost-unless")
            # A headline "Tarjous päättyy!" with no date, or over a countdown placeholder: the
            # end is announced and the date withheld. A date on the next line makes it information.
            elif when is None and offer is not None and offer < i and len(ws) <= 4 and person_form(t, "3") \
                    and not s.followed_by_date:
                yield Hit(offer, i, "false-urgency", "ending-undated")
        # "Etu ei tule enää takaisin": an offer that will not return
        if s.has(i, "return_verbs") and s.neg[i]:
            offer = s.near("offer_nouns", i, 4, 0)
            if offer is not None:
                end = i + 1 if i + 1 < len(ws) and s.has(i + 1, "vague_times") else i
                yield Hit(offer, end, "loss-framing", "not-returning")
        # "Ehdit vielä mukaan!" in marketing
        if not ctx.service and s.has(i, "still_time_verbs") and s.you[i] and not concrete \
                and i + 1 < len(ws) and s.lower[i + 1] in {"vielä", "enää"}:
            yield Hit(i, i + 1, "false-urgency", "still-time")


def price_threat(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """Threats that prices rise: "Hinnat nousevat pian", "joudumme korottamaan hintoja",
    "Tilaa ennen hinnankorotusta", "vielä vanhaan hintaan". A dated price change is information."""
    if s.concrete:
        return
    ws = s.ws
    for i in s.where("rise_words"):
        tenses = {f.get("Tense") for f in readings(ws[i])}
        if s.neg[i] or conditional(s, i) or ("Past" in tenses and "Pres" not in tenses):
            continue  # "hinnat nousivat viime vuonna" reports, it does not threaten
        price = s.near("price_nouns", i, 4, 3) if not s.has(i, "price_nouns") else i
        if price is None:
            continue
        triggers = s.within("rise_triggers", i - 3, i + 3)
        before = [j for j in range(max(0, i - 3), i) if s.lower[j] == "ennen"]
        # in marketing an undated "next week" or an order beside it presses too:
        # "Osta nyt – hinnat nousevat ensi viikolla"
        soon = [j + 1 for j in range(i + 1, min(i + 3, len(ws) - 1)) if s.lower[j] == "ensi"]
        pressed = not ctx.service and (soon or s.has_imperative)
        if not triggers and not before and not pressed:
            continue
        span = [i, price] + triggers + before + soon
        yield Hit(phrase_start(s, min(span)), max(span), "price-threat", "rise")
        return
    # "Huomenna hinta on jo korkeampi": a higher price tomorrow
    for i in s.where("higher_words"):
        if comparative(s.an[i]) and not s.neg[i]:
            price = s.near("price_nouns", i, 4, 2)
            trigger = s.near("rise_triggers", i, 5, 3)
            if price is not None and trigger is not None:
                span = [i, price, trigger]
                yield Hit(min(span), max(span), "price-threat", "higher")
                return
    # "Tilaa vielä vanhaan hintaan": the old price is about to go
    for i in s.where("old_words"):
        if i + 1 < len(ws) and s.has(i + 1, "price_nouns"):
            still = s.near("rise_triggers", i, 3, 0)
            if still is not None:
                yield Hit(phrase_start(s, still), i + 1, "price-threat", "old-price")
                return


def loss(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """Loss framing in marketing: a negated future of the offer, losing it, paying more later.
    In a service message the same words state a consequence ("Jos et maksa, menetät etusi")."""
    if ctx.service:
        return
    ws = s.ws
    offers = sorted(set(s.where("offer_nouns") + s.where("chance_nouns")))
    for i in s.starts(frozenset({"loss_neg_verbs", "lose_verbs", "pay_verbs"})):
        # "Tätä hintaa et saa enää", "Tällaista tarjousta ei tule uudelleen"
        if s.has(i, "loss_neg_verbs") and s.neg[i] and ws[i].pos_ in {"VERB", "AUX"}:
            again = s.near("again_words", i, 3, 3)
            offer = next(iter(offers[bisect_left(offers, i - 5): bisect_right(offers, i + 5)]), None)
            if again is None:  # "Et saa toista tilaisuutta", "ei tule toista kertaa"
                again = next((j for j in range(i + 1, min(i + 3, len(ws))) if "toinen" in s.forms[j] and (
                    j + 1 < len(ws) and (s.has(j + 1, "chance_nouns") or s.lower[j + 1] == "kertaa"))), None)
            if again is not None and offer is not None:
                neg = next((j for j in range(i - 1, max(-1, i - 4), -1) if ws[j].lemma_ == "ei"), i)
                if again + 1 < len(ws) and s.lower[again + 1] == "kertaa":
                    again += 1
                span = [neg, i, again, offer]
                yield Hit(min(span), max(span), "loss-framing", "never-again")
                return
        # "Menetät etusi", "Älä menetä tätä tilaisuutta"
        if s.has(i, "lose_verbs") and (not s.neg[i] or any(x in {"älä", "älkää"} for x in s.lower[max(0, i - 2): i])):
            offer = next(iter(offers[bisect_right(offers, i): bisect_right(offers, i + 3)]), None)
            if offer is not None:
                yield Hit(phrase_start(s, i), offer, "loss-framing", "lose")
                return
        # "joudut maksamaan täyden hinnan", "maksat myöhemmin normaalihinnan", "joudut aloittamaan alusta"
        if s.has(i, "pay_verbs") and (s.you[i] or "joutua" in s.forms[i]) and not s.neg[i]:
            cost = next((j for j in range(i + 1, min(i + 5, len(ws))) if s.has(j, "full_price")
                         and ("hinta" in s.forms[j] or j + 1 < len(ws) and "hinta" in s.forms[j + 1]
                              or s.lower[j] in {"enemmän", "normaalihinnan", "normaalihintaa"})), None)
            over = next((j for j in range(i + 1, min(i + 4, len(ws))) if s.lower[j] in {"alusta", "uudestaan"}
                         and "aloittaa" in s.forms[j - 1] | (s.forms[j - 2] if j >= 2 else frozenset())), None)
            end = cost if cost is not None else over
            if end is not None:
                if cost is not None and end + 1 < len(ws) and "hinta" in s.forms[end + 1]:
                    end += 1
                yield Hit(i, end, "loss-framing", "pay-more" if cost is not None else "start-over")
                return


#: The word classes (and words) that every scarcity construction starts from.
_SCARCITY_STARTS = frozenset({"dwindle_verbs", "last_words", "scarce_words", "only", "limited_adverbs", "few_words"}), \
    frozenset({"loppua", "nopea", "loppuunmyyty", "loppu", "loppuun"})


def scarcity(s: Sentence, ctx: Context) -> Iterator[Hit]:
    w = data()["words"]
    ws = s.ws
    for i in s.starts(*_SCARCITY_STARTS):
        t = ws[i]
        if s.has(i, "dwindle_verbs"):
            start = i - 1 if i > 0 and ws[i - 1].pos_ in {"NOUN", "PROPN"} else i
            end = i + 1 if i + 1 < len(ws) and s.has(i + 1, "fast_adverbs") else i
            yield Hit(start, end, "scarcity", "dwindling")
        elif "loppua" in s.forms[i] and not s.has(i, "offer_nouns"):
            before = s.lower[max(0, i - 4): i]
            fast = s.find("fast_adverbs", i + 1, i + 3)
            if "ennen" in before and "kuin" in before:
                ennen = i - (len(before) - before.index("ennen"))
                yield Hit(phrase_start(s, ennen), i, "scarcity", "run-out")
            elif fast is not None and s.near("offer_nouns", i, 4, 0) is None:
                yield Hit(max(0, i - 1), fast, "scarcity", "run-out")
        # "Viimeiset kappaleet myynnissä!", "viimeiset paikat"
        if s.has(i, "last_words") and feat(t, "Number") != "Sing" and i + 1 < len(ws) and s.has(i + 1, "stock_nouns") \
                and any(a.number == "plural" for a in s.an[i + 1]):
            yield Hit(i, i + 1, "scarcity", "last-items")
        if s.lower[i] in w["scarce_words"]:
            stock = s.near("stock_nouns", i, 3, 2)
            if stock is not None:
                yield Hit(min(stock, i), max(stock, i), "scarcity", "low-stock")
        # "Enää 2 jäljellä!", "vain {count} kpl jäljellä", "Enää {count} paikkaa vapaana",
        # "Muutama paikka vielä jäljellä": a counted or vague quantity pressed by 'only' or 'left'.
        # "Vain 10 ensimmäistä tilaajaa", "Nopeimmat ehtivät mukaan": first come, first served
        if s.lower[i] in w["only"] and i + 3 < len(ws) and s.num[i + 1] and s.lower[i + 2].startswith("ensimmäi") \
                and s.has(i + 3, "crowd_nouns"):  # not "vain 2 ensimmäistä kuukautta" (a price term)
            yield Hit(i, i + 3, "scarcity", "first-n")
        if "nopea" in s.forms[i] and any(a.comparison == "superlative" for a in s.an[i]) and feat(t, "Number") == "Plur" \
                and i + 1 < len(ws) and "ehtiä" in s.forms[i + 1]:
            yield Hit(i, i + 1, "scarcity", "fastest")
        # "Paikkoja on rajoitetusti"
        if s.lower[i] in w["limited_adverbs"] and not s.concrete:
            stock = s.near("stock_nouns", i, 3, 2)
            if stock is not None:
                yield Hit(min(stock, i), max(stock, i), "scarcity", "limited-stock")
        # "Lähes loppuunmyyty!", "myydään nopeasti loppuun": sold out soon, not a plain "loppuunmyyty"
        if ("loppuunmyyty" in s.forms[i] or s.lower[i] == "loppu" or (s.lower[i] == "loppuun" and i and "myydä" in s.forms[i - 1])
                or (s.lower[i] == "loppuun" and i > 1 and "myydä" in s.forms[i - 2])):
            soon = next((j for j in range(max(0, i - 2), i) if s.lower[j] in w["almost_words"] or s.has(j, "fast_adverbs")), None)
            if soon is not None:
                yield Hit(soon, i, "scarcity", "selling-out")
        only = s.lower[i] in w["only"]
        few = s.has(i, "few_words") and not only
        if only or few:
            first = i + 1 if only else i
            num = next((j for j in range(first, min(first + 2, len(ws))) if s.num[j] or s.has(j, "few_words")), None)
            if num is None:
                continue
            stock_words = w["stock_words"] if only else {w["left_word"]}
            left = next((j for j in range(num + 1, min(num + 5, len(ws))) if s.lower[j] in stock_words), None)
            if left is None and only:  # "Vapaita paikkoja enää 3", "Paikkoja on enää vähän"
                left = next((j for j in range(max(0, i - 3), i) if s.lower[j] in w["stock_words"]
                             or s.lower[j] in {"vapaita", "vapaata"}
                             or (s.has(num, "few_words") and s.has(j, "stock_nouns"))), None)
            if left is not None and not any(s.has(k, "left_exclude") for k in range(min(num, left) + 1, max(num, left))):
                yield Hit(min(i, left), max(num, left), "scarcity", "count-left")


def fomo(s: Sentence, ctx: Context) -> Iterator[Hit]:
    w = data()["words"]
    ws = s.ws
    stay, beside = sorted(w["fomo_pair"], key=lambda x: x != "jäädä")
    prefixes = tuple(w["fomo_unknown_prefixes"])
    for i in range(len(ws)):
        unknown_miss = not s.an[i] and s.lower[i].startswith(prefixes)
        if s.has(i, "fomo_verbs") or unknown_miss:
            yield Hit(phrase_start(s, i), i, "fomo", "miss")
        # "Älä anna tilaisuuden mennä ohi", "etu lipuu ohi"
        if s.lower[i] == "ohi" and s.within("pass_verbs", i - 3, i - 1):
            chance = next((j for j in range(max(0, i - 5), i) if s.has(j, "chance_nouns") or s.has(j, "offer_nouns")), None)
            if chance is not None:
                yield Hit(phrase_start(s, chance), i, "fomo", "pass-by")
        if stay in s.forms[i]:
            j = next((k for k in range(i + 1, min(i + 4, len(ws))) if s.lower[k] == beside
                      # "älä jää ilman": left without, as a warning
                      or (s.lower[k] == "ilman" and any(x in {"älä", "älkää"} for x in s.lower[max(0, i - 2): i]))), None)
            if j is not None:
                yield Hit(phrase_start(s, i), j, "fomo", "miss-out")


def confirmshaming(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """A refusal in the customer's voice that belittles it: "Ei kiitos, en halua säästää",
    "Jatkan ilman alennusta". A plain refusal ("Ei kiitos, en tarvitse lisätakuuta") is a choice."""
    ws = s.ws
    forms = s.all_forms
    belittled = bool(s.where("benefit_words")) or ("hyvä" in forms and any(
        "hyvä" in f and comparative_or_more(an) for f, an in zip(s.forms, s.an))) or (
        "maksaa" in forms and "enemmän" in s.lower)  # "olen tyytyväinen maksamaan enemmän"
    if not belittled:
        return
    lead = " ".join(x for x in s.lower[:3] if x != ",")
    refusal = any(lead.startswith(r.replace(",", "")) for r in data()["words"]["refusal_lead"])
    # asked last: the customer's own voice costs a look at every word's readings
    own_voice = any(first_person_singular(x) for x in ws[2 if refusal else 0:])
    if refusal and own_voice:
        yield Hit(0, len(ws) - 1 if not ws[-1].is_punct else len(ws) - 2, "confirmshaming", "refusal")
    elif not refusal and len(ws) <= 7 and own_voice and not s.question:
        # a button with no polite refusal first: "Jätän edun käyttämättä", "Jatkan ilman etuja"
        negated = any(x in {"en", "ilman"} for x in s.lower)
        if negated and s.lower[0] in {"en", "jatkan", "ohitan", "maksan", "haluan"}:
            yield Hit(0, len(ws) - 1 if not ws[-1].is_punct else len(ws) - 2, "confirmshaming", "refusal")


def social_proof(s: Sentence, ctx: Context) -> Iterator[Hit]:
    ws = s.ws
    # Only where one of the constructions below can start (in order: a later one may end the search)
    starts = {i for i, x in enumerate(s.lower) if x[:1] == "+"} | set(s.where("crowd_verbs")) | {
        j - 1 for key in ("satisfied_words", "order_nouns") for j in s.where(key) if j} | {
        j - 1 for j, x in enumerate(s.lower) if j and x == "kertaa"}
    # "Sinulla on jo 3 tilausta" counts the customer's own orders, not others'
    for i in sorted(starts):
        t = ws[i]
        # "+34 viimeisen 24h aikana"
        counter = t.text.startswith("+") and (any(c.isdigit() for c in t.text) or (i + 1 < len(ws) and s.num[i + 1]))
        if counter:
            recent = s.find("recent_words", i + 1, i + 4)
            if recent is not None:
                end = next((k for k in range(recent, min(recent + 4, len(ws))) if s.lower[k] in {"aikana", "sisällä"}), recent)
                yield Hit(i, end, "social-proof", "counter")
        # "Liity tuhansien tyytyväisten asiakkaiden joukkoon"
        if s.has(i, "crowd_verbs") and s.imp[i]:
            crowd = s.find("crowd_numbers", i + 1, i + 4)
            if crowd is not None or any(x.like_num and x.text.replace(" ", "").isdigit() and int(x.text.replace(" ", "")) >= 100 for x in ws[i + 1: i + 4]):
                yield Hit(i, len(ws) - 1 if not ws[-1].is_punct else len(ws) - 2, "social-proof", "crowd")
                continue
        # "Yli 2 000 tyytyväistä asiakasta", "tuhannet tyytyväiset käyttäjät": a counted crowd's praise
        # (here and below the words after come first: whether a word is a number costs more)
        if i + 2 < len(ws) and s.has(i + 1, "satisfied_words") and s.has(i + 2, "crowd_nouns") \
                and (s.num[i] or s.has(i, "crowd_numbers")):
            start = i
            while start and s.num[start - 1]:
                start -= 1
            yield Hit(start, i + 2, "social-proof", "satisfied-crowd")
            return
        # "Tänään jo 58 tilausta!", "tätä ostettiin 300 kertaa"
        if i + 1 < len(ws) and (s.has(i + 1, "order_nouns") or s.lower[i + 1] == "kertaa") and s.num[i] \
                and (s.where("proof_triggers") or s.lower[i + 1] == "kertaa" and s.where("activity_verbs")) \
                and not ctx.service and not s.addressed:
            verb = s.near("activity_verbs", i, 4, 0)
            yield Hit(verb if verb is not None and s.lower[i + 1] == "kertaa" else i, i + 1, "social-proof", "count")
            return
    # Counted activity: "jo 5 000 asiakasta on tilannut", "12 henkilöä katsoo tätä nyt",
    # "Muutkin ovat jo varanneet", "Tuhannet suomalaiset ovat jo vaihtaneet meille".
    # "muutkin", "muitakin", "muut asiakkaat ostivat myös": others do it too
    also = "myös" in s.lower
    others = [i for i in s.where("crowd_nouns") if "muu" in s.forms[i] and (
        feat(ws[i], "Clitic") == "Kin" or (i + 1 < len(ws) and s.has(i + 1, "crowd_nouns") and also))]
    live = any(w in s.lower for w in ("nyt", "juuri", "tänään"))
    other_set = set(others)
    if not s.where("proof_triggers") and not others:
        return
    for i in range(len(ws)):
        counted = (i + 1 < len(ws) and s.has(i + 1, "crowd_nouns") and s.num[i]) or \
            (s.has(i, "crowd_numbers") and ws[i].pos_ in {"NOUN", "PRON", "NUM", "ADJ"}) or \
            ("muu" in s.forms[i] and ws[i].pos_ in {"PRON", "ADJ"} and ((i > 0 and s.num[i - 1]) or i in other_set))
        if not counted:
            continue
        verb = s.near("activity_verbs", i, 4, 6)
        if verb is None or s.has(verb, "crowd_nouns") or s.imp[verb] or s.neg[verb]:
            continue
        if ctx.service and not live:
            continue  # a service message reporting figures
        start, end = min(i, verb), max(i, verb)
        while start and s.num[start - 1]:  # "5 000" is two tokens
            start -= 1
        if end + 1 < len(ws) and end == i and s.num[i] and s.has(i + 1, "crowd_nouns"):
            end += 1  # "katsoo nyt 8 muuta"
        yield Hit(start, end, "social-proof", "activity")
        return


def nagging(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """Questions that doubt the customer's decision: "Joko päätit?", "Mietitkö vielä?",
    "Etkö ole vielä tilannut?". Not "Unohditko salasanasi?", nor a plain cart reminder."""
    if not s.question:
        return
    ws = s.ws
    nag = s.where("nag_adverbs")
    you = any(s.you[k] for k in range(len(ws)))
    decide = s.where("decide_verbs")
    words_only = [x for x in ws if not x.is_punct]
    if decide and you and (nag or len(words_only) <= 3):
        yield Hit(0, max(decide + [j for j in nag if j < len(words_only)]), "nagging", "doubt")
        return
    # "Etkö ole vielä tilannut?", "Joko varasit?": doubt, unlike a plain "Oletko jo varannut paikkasi?"
    buy = [j for j in s.where("now_buy_verbs") if not s.imp[j]]
    doubt = [j for j in nag if s.lower[j] in {"joko", "vieläkään", "vieläkö", "yhäkö"}] or (
        nag and any(x.lemma_ == "ei" and x.lower_.endswith(("kö", "ko")) for x in ws))
    if buy and you and doubt and not ctx.service:
        yield Hit(0, max(buy + nag), "nagging", "not-yet")
    # A plain cart reminder ("Unohtuiko jotain ostoskoriin?", "Jätit tuotteita koriin – haluatko
    # jatkaa?") asks no doubt of the customer's decision: it is not nagging.


def pressure(s: Sentence, ctx: Context) -> Iterator[Hit]:
    ws = s.ws
    # A service message's "Toimi heti, jos korttisi katoaa" ties the action to a condition: advice.
    advice = ctx.service and any(w in {"jos", "mikäli"} for w in s.lower)
    exclaimed = any(x.text.startswith("!") or x.text.endswith("!") for x in ws[-2:])
    # Only where a construction below can be: a worth or hurry verb, "aika" or "pitää", or an
    # urgency adverb one or two words on
    starts = set(s.where("worth_verbs")) | set(s.where("hurry_verbs")) | {
        j - d for j in s.where("urgency_adverbs") for d in (1, 2) if j >= d}
    for form in ("aika", "pitää"):
        if form in s.all_forms:
            starts.update(i for i, forms in enumerate(s.forms) if form in forms)
    for i in sorted(starts):
        # "nyt kannattaa toimia", "Nyt on aikasi tilata"
        if (s.has(i, "worth_verbs") or ("aika" in s.forms[i] and i and s.lower[i - 1] in {"on", "oikea"})) \
                and not s.neg[i]:
            now = s.near("now_words", i, 3, 2)
            inf = next((j for j in range(i + 1, min(i + 4, len(ws))) if s.has(j, "now_buy_verbs")
                        and any(a.mood == "A-infinitive" for a in s.an[j])), None)
            if now is not None and inf is not None:
                yield Hit(min(now, i), inf, "pressure", "now-is-the-time")
                continue
        # An imperative that hurries or has an urgency adverb: the word tests before the
        # imperative's, which cost more.
        hurry = s.has(i, "hurry_verbs") or ("pitää" in s.forms[i] and i + 1 < len(ws) and s.lower[i + 1] == "kiirettä")
        adverb = None if hurry else s.find("urgency_adverbs", i + 1, i + 3)
        if (not hurry and adverb is None) or not s.imp[i]:
            continue
        if hurry:
            yield Hit(i, i + 1 if "pitää" in s.forms[i] else i, "pressure", "hurry")
            continue
        # "Tee tilaus nyt", "Tee päätös heti": a light verb with a buying noun
        if "tehdä" in s.forms[i] and i + 1 < len(ws) and s.has(i + 1, "order_nouns") and not ctx.service:
            yield Hit(i, adverb, "pressure", "act-now")
            continue
        # In marketing "Tilaa jo tänään" presses without an exclamation mark; in a service message
        # only with one ("Osta heti!"), since "Vahvista tilisi heti" is an instruction.
        if (s.has(i, "act_verbs") or (s.has(i, "buy_verbs") and exclaimed) or
                (not ctx.service and s.has(i, "now_buy_verbs"))) and not advice:
            yield Hit(i, adverb, "pressure", "act-now")


def forced_consent(s: Sentence, ctx: Context) -> Iterator[Hit]:
    ws = s.ws
    for i in s.starts(frozenset({"necessity"}), frozenset({"pakko"})):
        if s.has(i, "necessity") or s.lower[i] == "pakko":
            verb = s.find("consent_verbs", i + 1, i + 4)
            if verb is not None:
                obj = s.find("consent_objects", verb + 1, verb + 4)
                if obj is not None:
                    start = i - 1 if i > 0 and feat(ws[i - 1], "Case") == "Gen" and ws[i - 1].pos_ == "PRON" else i
                    yield Hit(start, obj, "forced-consent", "must-accept")


def consent_nudge(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """A consent choice worded so that refusing sounds wrong: "Suosittelemme hyväksymään kaikki",
    "Parhaan kokemuksen saat sallimalla evästeet", "Vain välttämättömät (huonompi kokemus)"."""
    if not ctx.consent:
        return
    ws = s.ws
    consent = s.where("consent_verbs")
    for i in s.where("recommend_verbs"):
        verb = next((j for j in consent if i < j <= i + 4), None)
        if verb is not None and not s.neg[i]:
            end = verb + 1 if verb + 1 < len(ws) and s.lower[verb + 1] in {"kaikki", "kaikkia", "kaikkien"} else verb
            yield Hit(i, end, "consent-nudge", "recommend-accept")
            return
    # "Hylkää (sivusto ei toimi kunnolla)": the refusal button itself threatens a broken site
    refuse = s.where("refuse_words")
    if refuse and len(ws) <= 8 and not any(w in {"jos", "mikäli", "kun"} for w in s.lower):  # not a plain "Jos estät …"
        broken = next((j for j in range(len(ws)) if "toimia" in s.forms[j] and s.neg[j]), None)
        if broken is not None:
            yield Hit(min(refuse[0], broken), max(refuse[0], broken), "consent-nudge", "broken-if-refused")
            return
    conditioned = any(x in {"jos", "kun"} for x in s.lower)
    for i in s.where("experience_nouns"):
        j = i - 1 if i and (s.has(i - 1, "good_experience") or s.has(i - 1, "bad_experience")) else None
        if j is None:
            continue
        if s.has(j, "bad_experience") and (comparative(s.an[j]) or s.lower[j].startswith("rajoitet")):
            yield Hit(j, i, "consent-nudge", "worse-if-refused")
            return
        graded = "hyvä" not in s.forms[j] or any(a.comparison in ("comparative", "superlative") for a in s.an[j])
        if s.has(j, "good_experience") and graded and consent and not conditioned:
            verb = min(consent, key=lambda k: abs(k - i))
            yield Hit(min(j, verb), max(i, verb), "consent-nudge", "best-if-accepted")
            return


def upsell(s: Sentence, ctx: Context) -> Iterator[Hit]:
    w = data()["words"]
    ws = s.ws
    for i in s.starts(frozenset({"threshold_verbs", "buy_verbs"})):
        if not (s.has(i, "threshold_verbs") or (ctx.service and s.has(i, "buy_verbs"))) or not s.imp[i]:
            continue
        # "Lisää 12 € → ilmainen toimitus!"
        if s.has(i, "threshold_verbs"):
            money = next((j for j in range(i + 1, min(i + 5, len(ws))) if s.forms[j] & w["currency"] or ws[j].text.endswith("€")), None)
            if money is not None:
                lure = s.find("lures", money + 1, money + 5)
                if lure is not None:
                    end = lure + 1 if lure + 1 < len(ws) and ws[lure + 1].pos_ in {"NOUN", "X"} else lure
                    yield Hit(i, end, "upsell", "threshold")
                    continue
        # An add-on pushed inside a service message: "Osta tilaukseesi myös lisätakuu!",
        # "Lisää tilaukseen lahjapaketointi vain 4,90 eurolla!"
        if ctx.service and s.has(i, "buy_verbs"):
            addon = s.find("addon_nouns", i + 1, i + 6)
            price = next((j for j in range(i + 1, min(i + 8, len(ws))) if s.forms[j] & w["currency"]
                          or ws[j].text.endswith("€")), None)
            if addon is not None or price is not None:
                yield Hit(i, addon if addon is not None else price, "upsell", "add-on")
                return
    # Cross-sell inside a service message: "Katso myös nämä tuotteet", "Saatat pitää myös näistä",
    # "Tutustu lisäksi syksyn uutuuksiin".
    if not ctx.service or not s.where("also_words"):
        return
    for i in s.where("browse_verbs"):
        invited = s.imp[i] or s.has(i, "recommend_verbs") or (s.you[i] and not s.neg[i]) or (
            i and (s.you[i - 1] or s.has(i - 1, "worth_verbs")) and not s.neg[i - 1])
        if not invited or conditional(s, i):
            continue
        also = s.near("also_words", i, 1, 3)
        # the first noun after the verb is what is offered: "Katso myös ohjeet tuotteen käyttöön" is help
        first_noun = next((j for j in range(i + 1, min(i + 6, len(ws))) if ws[j].pos_ in {"NOUN", "PROPN"}
                           and feat(ws[j], "Case") != "Gen" and not s.has(j, "also_words")), None)
        product = first_noun if first_noun is not None and s.has(first_noun, "product_nouns") else None
        liking = "pitää" in s.forms[i] and also is not None and i + 2 < len(ws) and ws[also + 1].pos_ == "PRON" \
            if also is not None and also + 1 < len(ws) else False
        if also is not None and (product is not None or liking):
            start = i if s.imp[i] or s.has(i, "recommend_verbs") or s.you[i] else i - 1
            yield Hit(start, product if product is not None else also + 1, "upsell", "cross-sell")
            return


def downsell(s: Sentence, ctx: Context) -> Iterator[Hit]:
    """A cheaper plan, a discount or a pause offered while the customer cancels: "Ennen kuin
    peruutat, kokeile edullisempaa pakettia", "Haluatko sen sijaan pitää tauon?"."""
    if not ctx.cancellation:
        return
    ws = s.ws
    cancel = set(s.where("cancel_words"))
    # whole words only: "osapuoli" is no "puoli"; "peruuttaa ilmaiseksi" states the terms
    cheap = [j for j in s.where("cheaper_words") if comparative(s.an[j]) or s.lower[j].startswith(("kevyemp", "halvemp"))]
    lure = [j for j in cheap or s.where("offer_back") if lemmas(ws[j]) & data()["words"]["offer_back"] or j in cheap]
    lure = [j for j in lure if j - 1 not in cancel]
    if not lure:
        return
    asks = [j for j, t in enumerate(ws) if (s.imp[j] or (s.you[j] and not s.neg[j]))
            and j not in cancel and not (j + 1 < len(ws) and j + 1 in cancel)]
    if not asks and not s.question:
        return
    anchor = min(asks) if asks else 0
    end = max(lure)
    if end + 1 < len(ws) and ws[end + 1].pos_ in {"NOUN", "PROPN"}:
        end += 1
    yield Hit(min(anchor, min(lure)), end, "downsell", "cheaper-instead")


MATCHERS = (urgency, price_threat, loss, scarcity, fomo, confirmshaming, social_proof, nagging, pressure,
            forced_consent, consent_nudge, upsell, downsell)
_PILED = re.compile(r"[!?]*(?:!!|\?!|!\?)[!?]*")


def context_of(doc: "Doc", sentences: list[Sentence]) -> Context:
    w = data()["words"]
    cancellation = consent = offer = False
    for s in sentences:
        for f in s.forms:
            cancellation = cancellation or bool(f & w["cancel_words"])
            consent = consent or bool(f & w["consent_objects"])
            offer = offer or bool(f & w["offer_nouns"])
    return Context(classify(doc).is_service, cancellation, consent, offer)


class PushyUpsell(Rule):
    id = "pushy-upsell"
    name_fi = "Painostava myynti"
    name_en = "Pushy selling"
    default_severity = "warning"
    scope = "sentence"
    options = {}
    doc_fi = RuleDoc(
        title="Painostava myynti",
        what="Merkitsee painostavat ilmaukset luokittain (Mathur ym. 2019, KKV, EU:n direktiivi 2005/29/EY): "
        "keinotekoinen kiire (tarjouksen, paketin tai hinnan päättyminen ilman päivämäärää tai epämääräisellä "
        "ajalla: ”pian”, ”kohta”, ”enää hetken”, ”vain tänään”, ”viimeinen mahdollisuus”), hinnannousulla uhkailu, "
        "menetyksellä pelottelu (kielteinen tulevaisuus: ”tätä hintaa et saa enää”, ”menetät etusi”, ”joudut "
        "maksamaan täyden hinnan”), niukkuus luvulla, määrää ilmaisevalla sanalla tai paikkamerkillä (”enää "
        "{count} paikkaa vapaana”, ”varasto hupenee”), joukon painostus (”jo 5 000 asiakasta on tilannut”, ”muutkin "
        "ovat jo varanneet”), jankuttava kysely (”Joko päätit?”), käskevä painostus markkinoinnissa (”Tilaa jo "
        "tänään”, ”nyt kannattaa toimia”), kieltäytymisellä syyllistäminen, paitsi jäämisen pelko, huutomerkkien "
        "kasauma, pakotettu suostumus ja suostumukseen ohjailu (”suosittelemme hyväksymään kaikki”), lisämyynti "
        "palveluviestissä (tilausvahvistus, toimitusilmoitus, muistutus: ”Katso myös nämä tuotteet”) ja "
        "irtisanomisen jarruttaminen halvemmalla vaihtoehdolla. Rakenteet tunnistetaan perusmuotojen ja muotojen "
        "(käskymuoto, persoona, kielto, kysymys, luvut, paikkamerkit) avulla, joten taivutetut ja eri sanoin "
        "muotoillut versiot löytyvät. Todellinen määräaika (”Maksathan laskun 15.1. mennessä”, ”Etu on voimassa "
        "31.1. asti”, ”Hinnat nousevat 1.3. alkaen”), neutraali toimintakehotus (”Lue lisää”) ja tosiasiallinen "
        "varastotieto (”Varastossa 12 kpl”) ovat tietoa, eikä niitä merkitä. Jokainen huomautus kertoo, miksi "
        "luokan keino maksaa asiakkaan luottamuksen.",
        why="Painostus vie asiakkaalta harkinta-ajan ja heikentää luottamusta. EU:n sopimattomia kaupallisia "
        "menettelyjä koskevan direktiivin liitteen I kohta 7 kieltää aina väitteen, että tuote tai ehdot ovat "
        "saatavilla vain hyvin lyhyen ajan, jos se ei pidä paikkaansa. KKV varoittaa pimeistä käytännöistä, joille "
        "ikääntyneet ja lapset ovat erityisen alttiita. Mathur ym. (2019) löysivät 11 000 verkkokaupasta 1 818 "
        "pimeää käytäntöä, joista yleisimpiä olivat kiire, niukkuus ja harhaanohjaus.",
        example="Keinotekoinen kiire: Etu katoaa kohta – tarjous on voimassa enää hetken.\n"
        "Hinnannousulla uhkailu: Hinnat nousevat pian, joten tilaa ennen hinnankorotusta.\n"
        "Menetyksellä pelottelu: Tätä hintaa et saa enää koskaan.\n"
        "Niukkuudella painostaminen: Enää {count} paikkaa vapaana!\n"
        "Joukon painostus: Jo 5 000 asiakasta on tilannut tämän.\n"
        "Jankuttava kysely: Joko päätit?\n"
        "Käskevä painostus: Kiirehdi! Tilaa jo tänään.\n"
        "Kieltäytymisellä syyllistäminen: Ei kiitos, en halua säästää.\n"
        "Paitsi jäämisen pelko: Älä jää paitsi!\n"
        "Huutomerkkien kasauma: Upea tarjous!!!\n"
        "Pakotettu suostumus: Sinun täytyy hyväksyä evästeet.\n"
        "Suostumukseen ohjailu: Suosittelemme hyväksymään kaikki evästeet. Vain välttämättömät (huonompi kokemus)\n"
        "Lisämyynnillä painostaminen: Tilauksesi on vastaanotettu. Katso myös nämä tuotteet!\n"
        "Irtisanomisen jarruttaminen: Ennen kuin peruutat, kokeile edullisempaa pakettia.",
        use_instead="Tarjous on voimassa 31.1. asti.\n"
        "Hinta muuttuu 1.3. alkaen 12 eurosta 14 euroon.\n"
        "Etu on voimassa 31.1. asti. Sen jälkeen hinta on 49 €.\n"
        "Vapaita paikkoja: {count}.\n"
        "(Kerro, mitä tuote tekee.)\n"
        "Ostoskorisi on tallessa. Voit jatkaa tilausta tästä.\n"
        "Voit tilata tästä.\n"
        "Ei kiitos\n"
        "Lue lisää: mitä saat.\n"
        "Upea tarjous!\n"
        "Voit hyväksyä tai hylätä evästeet.\n"
        "Hyväksy kaikki / Vain välttämättömät\n"
        "Tilauksesi on vastaanotettu. Lähetämme sen 2 arkipäivän kuluessa.\n"
        "Irtisanomisesi on vastaanotettu. Palvelu päättyy 31.1.",
        fix_safety="Huutomerkkien kasauman voi korvata yhdellä huutomerkillä turvallisesti. Muut ehdotukset ovat "
        "mallilauseita, jotka kirjoittaja täyttää todellisilla tiedoilla (päivämäärä, määrä).",
        references=("Mathur ym. 2019, Dark Patterns at Scale (Proc. ACM HCI, CSCW)",
                    "Direktiivi 2005/29/EY sopimattomista kaupallisista menettelyistä, liite I, kohta 7",
                    "KKV: Pimeät käytännöt verkkokaupassa",
                    "EDPB Guidelines 03/2022 on deceptive design patterns; 05/2020 on consent"),
    )
    doc_en = RuleDoc(
        title="Pushy selling",
        what="Flags pressure wording by category (Mathur et al. 2019, KKV, EU Directive 2005/29/EC): false urgency "
        "(an offer, plan or price ending with no date or a vague near time: \"soon\", \"for a moment longer\", "
        "\"only today\", \"last chance\"), price-rise threats, loss framing (a negated future: \"you will never get "
        "this price again\", \"you lose your discount\", \"you will pay the full price\"), scarcity with a number, a "
        "quantifier or a template placeholder (\"only {count} places left\", \"stock running low\"), social proof "
        "(\"5,000 customers have already ordered\", \"others have booked already\"), nagging questions (\"Decided "
        "yet?\"), imperative pressure in marketing (\"Order today\", \"now is the time to act\"), confirmshaming, "
        "fear of missing out, piled exclamation marks, forced consent and consent nudges (\"we recommend accepting "
        "all\"), cross-selling inside a service message (an order confirmation, a delivery notice, a reminder: \"See "
        "these products too\") and a downsell inside a cancellation. The constructions are recognised from base forms "
        "and morphology (imperative, person, negation, questions, numbers, placeholders), so inflected and reworded "
        "variants are found. A true deadline (\"Please pay by 15 Jan\", \"valid until 31 Jan\", \"prices rise from "
        "1 March\"), a neutral call to action (\"Read more\") and a factual stock line (\"12 in stock\") are "
        "information and are not flagged. Each finding says why its category costs the customer's trust.",
        why="Pressure takes away the customer's time to think and erodes trust. The EU Unfair Commercial Practices "
        "Directive, Annex I point 7, always forbids falsely claiming that a product or terms are available only "
        "for a very limited time. KKV (Finnish Competition and Consumer Authority) warns about dark patterns, to "
        "which older people and children are most vulnerable. Mathur et al. (2019) found 1,818 dark patterns on "
        "11K shopping sites, urgency, scarcity and misdirection among the most common.",
        example="False urgency: Etu katoaa kohta – tarjous on voimassa enää hetken.\n"
        "Price-rise threat: Hinnat nousevat pian, joten tilaa ennen hinnankorotusta.\n"
        "Loss framing: Tätä hintaa et saa enää koskaan.\n"
        "Scarcity pressure: Enää {count} paikkaa vapaana!\n"
        "Social-proof pressure: Jo 5 000 asiakasta on tilannut tämän.\n"
        "Nagging: Joko päätit?\n"
        "Imperative pressure: Kiirehdi! Tilaa jo tänään.\n"
        "Confirmshaming: Ei kiitos, en halua säästää.\n"
        "Fear of missing out: Älä jää paitsi!\n"
        "Piled exclamation marks: Upea tarjous!!!\n"
        "Forced consent: Sinun täytyy hyväksyä evästeet.\n"
        "Consent nudge: Suosittelemme hyväksymään kaikki evästeet. Vain välttämättömät (huonompi kokemus)\n"
        "Pressured upselling: Tilauksesi on vastaanotettu. Katso myös nämä tuotteet!\n"
        "Downsell in a cancellation: Ennen kuin peruutat, kokeile edullisempaa pakettia.",
        use_instead=doc_fi.use_instead,
        fix_safety="Replacing piled exclamation marks with one is safe. Other suggestions are template sentences "
        "the writer completes with true facts (date, quantity).",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from spacy.attrs import LEMMA, ORTH

        from plainfinnish.nlp.components import doc_text, facts, tokens

        cats = data()["categories"]
        known = facts(doc)
        negated = negated_in_clause(doc)
        # The sentences' words in one pass over the Doc (no `doc.sents` spans): spaces and
        # punctuation other than '!', '?' and '+' are no words here.
        groups: list[list[Token]] = []
        current = -1
        word, sent_start = known.word, known.sent_start
        for t in tokens(doc):
            if sent_start[t.i] != current:
                current = sent_start[t.i]
                groups.append([])
            if word[t.i] or (t.is_punct and t.text in {"!", "?", "+"}):
                groups[-1].append(t)
        keys = doc.to_array([ORTH, LEMMA]).tolist() if len(doc) else []
        sentences = [Sentence(ws, known, [negated[t.i] for t in ws], keys) for ws in groups if ws]
        for s, nxt in zip(sentences, sentences[1:]):
            s.followed_by_date = nxt.concrete and len(nxt) <= 4
        ctx = context_of(doc, sentences) if sentences else None
        spans: list[tuple[int, int, str, str]] = []
        for s in sentences:
            for matcher in MATCHERS:
                for hit in matcher(s, ctx):
                    a, b = s.ws[hit.start], s.ws[hit.end]
                    spans.append((a.idx, b.idx + len(b.text), hit.category, hit.signal))
        text = doc_text(doc)  # built once: Doc.text joins every token
        for m in _PILED.finditer(text):
            spans.append((m.start(), m.end(), "exclamations", "piled"))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, category, signal in spans:
            if start < last_end:
                continue  # one finding per stretch of text
            last_end = end
            # Keep the span on words: drop quotes or markup the tokenizer glued on.
            while end > start and text[end - 1] in "'\"`,;.":
                end -= 1
            cat = cats[category]
            name, why = context.say(cat["name_fi"], cat["name_en"]), context.say(cat["why_fi"], cat["why_en"])
            rewrite = context.say(cat["rewrite_fi"], cat["rewrite_en"])
            message = context.say(data()["messages"]["finding_fi"], data()["messages"]["finding_en"]).format(name=name, why=why)
            if category == "exclamations":
                suggestion = Suggestion(rewrite, safe=True)
            else:
                suggestion = Suggestion(rewrite, advice=True)
            yield self.finding(context, start, end, message, suggestions=[suggestion],
                               data={"category": category, "signal": signal})


RULE = PushyUpsell
