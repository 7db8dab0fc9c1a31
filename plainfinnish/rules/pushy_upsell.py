"""pushy-upsell: pressure wording — false urgency, scarcity, confirmshaming, FOMO, social proof,
imperative pressure, piled exclamation marks, forced consent and pressured upselling.

Categories follow Mathur et al. 2019 ("Dark Patterns at Scale"), the EU Unfair Commercial
Practices Directive (Annex I point 7) and KKV's "pimeät käytännöt". Matching is by lemma and
morphology (imperative mood, negation, numbers), so inflected and reworded variants are found;
the words live in data/pushy.toml. A concrete date or time makes an offer's end information,
and information is never flagged ("Tarjous on voimassa 31.1. asti").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from plainfinnish import datafiles
from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion
from plainfinnish.rules.missing_next_step import (
    _DATE,
    analyses,
    classify,
    feat,
    is_imperative,
    is_negated,
    lemmas,
    readings,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
    return raw


@dataclass
class Hit:
    start: int  # token indices into the sentence's word list, inclusive
    end: int
    category: str
    signal: str


def forms(token: "Token") -> set[str]:
    """Lemmas and the lower-case surface form (for adverbs Voikko leaves as they are)."""
    return lemmas(token) | {token.lower_}


def compound_parts(token: "Token") -> set[str]:
    return {p.lemma.lower() for a in analyses(token) for p in a.parts}


def has(token: "Token", key: str) -> bool:
    words = data()["words"][key]
    return bool(forms(token) & words) or bool(compound_parts(token) & words)


def is_number(token: "Token") -> bool:
    return token.like_num or any(c.isdigit() for c in token.text) or any(a.word_class == "lukusana" for a in analyses(token))


def first_person_singular(token: "Token") -> bool:
    return any(f.get("Person") == "1" and f.get("Number") == "Sing" for f in readings(token)) or token.lower_ in {"minä", "en", "minun", "minulle"}


def concrete_time(ws: list["Token"]) -> bool:
    return any(_DATE.match(t.text) or t.lower_ in {"klo", "kello"} for t in ws)


def find(ws: list["Token"], key: str, start: int = 0, stop: int | None = None) -> int | None:
    for j in range(start, len(ws) if stop is None else min(stop, len(ws))):
        if has(ws[j], key):
            return j
    return None


def phrase_start(ws: list["Token"], i: int) -> int:
    """Extend a phrase back to a directly preceding 'älä' / negation or an imperative that
    carries the pressure ('Varmista omasi ennen kuin ne loppuvat')."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if any(t.is_punct for t in ws[j].doc[ws[j].i + 1: ws[i].i]):
            break  # not across a comma or a dash
        if ws[j].lower_ in {"älä", "älkää", "jottet", "ettet", "jotta", "ettei"} or ws[j].lemma_ == "ei" or is_imperative(ws[j]):
            # The tokenizer splits "jottet" into "jott" + "et": keep the word whole.
            while j > 0 and ws[j - 1].i == ws[j].i - 1 and not ws[j - 1].whitespace_ and ws[j - 1].text.isalpha():
                j -= 1
            return j
    return i


# --- The matchers: one per signal, each over a sentence's words ---------------------------------

def urgency(ws: list["Token"], service: bool) -> Iterator[Hit]:
    w = data()["words"]
    concrete = concrete_time(ws)
    for i, t in enumerate(ws):
        # "vain tänään", "ainoastaan tämän viikonlopun"
        if t.lower_ in w["only"]:
            j = find(ws, "limited_times", i + 1, i + 4)
            if j is not None and not concrete:
                yield Hit(i, j, "false-urgency", "limited-time")
        # A countdown: "enää 2 päivää", "vain 48 tuntia aikaa"; not "toimitus kestää vain 2 päivää".
        # A vague one about an offer ("Tarjous voimassa vain muutaman päivän") is pressure too.
        if t.lower_ in w["only"] and i + 2 < len(ws) and has(ws[i + 2], "countdown_units"):
            vague = has(ws[i + 1], "vague_quantities") and any(has(x, "offer_nouns") for x in ws)
            after = ws[i + 3].lower_ if i + 3 < len(ws) else ""
            if (ws[i + 1].like_num or vague) and (vague or t.lower_ == "enää" or after in w["countdown_words"]) \
                    and not concrete:
                yield Hit(i, i + 3 if after in w["countdown_words"] else i + 2, "false-urgency", "countdown")
        # "viimeinen mahdollisuus"
        if has(t, "last_words") and i + 1 < len(ws) and has(ws[i + 1], "chance_nouns"):
            yield Hit(i, i + 1, "false-urgency", "last-chance")
        # "rajoitetun ajan" (urgency) / "rajoitettu erä" (scarcity)
        if has(t, "limited") and i + 1 < len(ws) and has(ws[i + 1], "limited_nouns"):
            cat = "false-urgency" if "aika" in forms(ws[i + 1]) else "scarcity"
            yield Hit(i, i + 1, cat, "limited")
        # "Tarjous päättyy pian" — with a date it is information.
        if has(t, "end_verbs") and not is_negated(t) and not concrete:
            offer = find(ws, "offer_nouns", max(0, i - 4), i)
            when = find(ws, "vague_times", i + 1, i + 4)
            if offer is not None and when is not None:
                yield Hit(offer, when, "false-urgency", "ending-soon")
        # "Tämä hinta ei palaa huomenna"
        if has(t, "return_verbs") and is_negated(t):
            offer = find(ws, "offer_nouns", max(0, i - 4), i)
            if offer is not None:
                end = i + 1 if i + 1 < len(ws) and has(ws[i + 1], "vague_times") else i
                yield Hit(offer, end, "false-urgency", "not-returning")


def scarcity(ws: list["Token"], service: bool) -> Iterator[Hit]:
    w = data()["words"]
    for i, t in enumerate(ws):
        if has(t, "dwindle_verbs"):
            start = i - 1 if i > 0 and ws[i - 1].pos_ in {"NOUN", "PROPN"} else i
            end = i + 1 if i + 1 < len(ws) and has(ws[i + 1], "fast_adverbs") else i
            yield Hit(start, end, "scarcity", "dwindling")
        elif "loppua" in lemmas(t) and not has(t, "offer_nouns"):
            before = [x.lower_ for x in ws[max(0, i - 4): i]]
            fast = find(ws, "fast_adverbs", i + 1, i + 3)
            if "ennen" in before and "kuin" in before:
                ennen = i - (len(before) - before.index("ennen"))
                yield Hit(phrase_start(ws, ennen), i, "scarcity", "run-out")
            elif fast is not None and find(ws, "offer_nouns", max(0, i - 4), i) is None:
                yield Hit(max(0, i - 1), fast, "scarcity", "run-out")
        # "Viimeiset kappaleet myynnissä!", "viimeiset paikat"
        if has(t, "last_words") and feat(t, "Number") != "Sing" and i + 1 < len(ws) and has(ws[i + 1], "stock_nouns") \
                and any(a.number == "plural" for a in analyses(ws[i + 1])):
            yield Hit(i, i + 1, "scarcity", "last-items")
        if t.lower_ in w["scarce_words"]:
            stock = find(ws, "stock_nouns", max(0, i - 3), i + 3)
            if stock is not None:
                yield Hit(min(stock, i), max(stock, i), "scarcity", "low-stock")
        # "Enää 2 jäljellä!", "vain 3 kpl jäljellä"
        if t.lower_ in w["only"]:
            num = next((j for j in range(i + 1, min(i + 3, len(ws))) if is_number(ws[j])), None)
            if num is not None:
                left = next((j for j in range(num + 1, min(num + 4, len(ws))) if ws[j].lower_ == w["left_word"]), None)
                if left is not None and not any(has(x, "left_exclude") for x in ws[num + 1: left]):
                    yield Hit(i, left, "scarcity", "count-left")


def fomo(ws: list["Token"], service: bool) -> Iterator[Hit]:
    w = data()["words"]
    stay, beside = sorted(w["fomo_pair"], key=lambda x: x != "jäädä")
    for i, t in enumerate(ws):
        unknown_miss = not analyses(t) and t.lower_.startswith(tuple(w["fomo_unknown_prefixes"]))
        if has(t, "fomo_verbs") or unknown_miss:
            yield Hit(phrase_start(ws, i), i, "fomo", "miss")
        if stay in lemmas(t):
            j = next((k for k in range(i + 1, min(i + 4, len(ws))) if ws[k].lower_ == beside), None)
            if j is not None:
                yield Hit(phrase_start(ws, i), j, "fomo", "miss-out")


def confirmshaming(ws: list["Token"], service: bool) -> Iterator[Hit]:
    lead = " ".join(x.lower_ for x in ws[:3] if x.text != ",")
    if any(lead.startswith(r.replace(",", "")) for r in data()["words"]["refusal_lead"]):
        if any(first_person_singular(x) for x in ws[2:]):
            yield Hit(0, len(ws) - 1, "confirmshaming", "refusal")


def social_proof(ws: list["Token"], service: bool) -> Iterator[Hit]:
    for i, t in enumerate(ws):
        # "+34 viimeisen 24h aikana"
        counter = t.text.startswith("+") and (any(c.isdigit() for c in t.text) or (i + 1 < len(ws) and is_number(ws[i + 1])))
        if counter:
            recent = find(ws, "recent_words", i + 1, i + 4)
            if recent is not None:
                end = next((k for k in range(recent, min(recent + 4, len(ws))) if ws[k].lower_ in {"aikana", "sisällä"}), recent)
                yield Hit(i, end, "social-proof", "counter")
        # "Liity tuhansien tyytyväisten asiakkaiden joukkoon"
        if has(t, "crowd_verbs") and is_imperative(t):
            crowd = find(ws, "crowd_numbers", i + 1, i + 4)
            if crowd is not None or any(x.like_num and x.text.replace(" ", "").isdigit() and int(x.text.replace(" ", "")) >= 100 for x in ws[i + 1: i + 4]):
                yield Hit(i, len(ws) - 1 if not ws[-1].is_punct else len(ws) - 2, "social-proof", "crowd")
        # "57 ihmistä katsoo tätä juuri nyt"
        if is_number(t) and i + 1 < len(ws) and has(ws[i + 1], "crowd_nouns"):
            verb = find(ws, "activity_verbs", i + 2, i + 6)
            if verb is not None and find(ws, "recent_words", i, len(ws)) is not None:
                yield Hit(i, verb, "social-proof", "activity")


def pressure(ws: list["Token"], service: bool) -> Iterator[Hit]:
    exclaimed = any(x.text.startswith("!") or x.text.endswith("!") for x in ws[-2:])
    for i, t in enumerate(ws):
        if not is_imperative(t):
            continue
        if has(t, "hurry_verbs") or ("pitää" in lemmas(t) and i + 1 < len(ws) and ws[i + 1].lower_ == "kiirettä"):
            yield Hit(i, i + 1 if "pitää" in lemmas(t) else i, "pressure", "hurry")
            continue
        adverb = find(ws, "urgency_adverbs", i + 1, i + 3)
        if adverb is None:
            continue
        if has(t, "act_verbs") or (has(t, "buy_verbs") and exclaimed):
            yield Hit(i, adverb, "pressure", "act-now")


def forced_consent(ws: list["Token"], service: bool) -> Iterator[Hit]:
    for i, t in enumerate(ws):
        if has(t, "necessity") or t.lower_ == "pakko":
            verb = find(ws, "consent_verbs", i + 1, i + 4)
            if verb is not None:
                obj = find(ws, "consent_objects", verb + 1, verb + 4)
                if obj is not None:
                    start = i - 1 if i > 0 and feat(ws[i - 1], "Case") == "Gen" and ws[i - 1].pos_ == "PRON" else i
                    yield Hit(start, obj, "forced-consent", "must-accept")


def upsell(ws: list["Token"], service: bool) -> Iterator[Hit]:
    w = data()["words"]
    for i, t in enumerate(ws):
        if not is_imperative(t):
            continue
        # "Lisää 12 € → ilmainen toimitus!"
        if has(t, "threshold_verbs"):
            money = next((j for j in range(i + 1, min(i + 5, len(ws))) if forms(ws[j]) & w["currency"] or ws[j].text.endswith("€")), None)
            if money is not None:
                lure = find(ws, "lures", money + 1, money + 5)
                if lure is not None:
                    end = lure + 1 if lure + 1 < len(ws) and ws[lure + 1].pos_ in {"NOUN", "X"} else lure
                    yield Hit(i, end, "upsell", "threshold")
                    continue
        # An add-on pushed inside a service message: "Osta tilaukseesi myös lisätakuu!",
        # "Lisää tilaukseen lahjapaketointi vain 4,90 eurolla!"
        if service and has(t, "buy_verbs"):
            addon = find(ws, "addon_nouns", i + 1, i + 6)
            price = next((j for j in range(i + 1, min(i + 8, len(ws))) if forms(ws[j]) & w["currency"]
                          or ws[j].text.endswith("€")), None)
            if addon is not None or price is not None:
                yield Hit(i, addon if addon is not None else price, "upsell", "add-on")


MATCHERS = (urgency, scarcity, fomo, confirmshaming, social_proof, pressure, forced_consent, upsell)
_PILED = re.compile(r"[!?]*(?:!!|\?!|!\?)[!?]*")


class PushyUpsell(Rule):
    id = "pushy-upsell"
    name_fi = "Painostava myynti"
    name_en = "Pushy selling"
    default_severity = "warning"
    scope = "sentence"
    options = {}
    doc_fi = RuleDoc(
        title="Painostava myynti",
        what="Merkitsee painostavat ilmaukset luokittain: keinotekoinen kiire (”vain tänään”, ”tarjous päättyy pian”, "
        "”viimeinen mahdollisuus”, ”hinta ei palaa”), niukkuus (”enää 2 jäljellä”, ”rajoitettu erä”, ”varasto hupenee”), "
        "kieltäytymisellä syyllistäminen (”Ei kiitos, en halua säästää”), paitsi jäämisen pelko (”älä jää paitsi”), "
        "joukon painostus (”+34 viimeisen 24 h aikana”, ”liity tuhansien joukkoon”), käskevä painostus (”Osta heti!”, "
        "”Kiirehdi!”), huutomerkkien kasauma (”!!!”), pakotettu suostumus (”Sinun täytyy hyväksyä evästeet”) ja "
        "lisämyynti (”Lisää 12 € → ilmainen toimitus!”, lisäpalvelun tyrkyttäminen palveluviestissä). Ilmaukset "
        "tunnistetaan perusmuodon ja muotojen (käskymuoto, kielto, luvut) avulla, joten taivutetut ja muotoillut "
        "versiot löytyvät. Todellinen määräaika (”Maksathan laskun 15.1. mennessä”, ”Linkki on voimassa 24 tuntia”, "
        "”Etu on voimassa 31.1. asti”) on tietoa, eikä sitä merkitä.",
        why="Painostus vie asiakkaalta harkinta-ajan ja heikentää luottamusta. EU:n sopimattomia kaupallisia "
        "menettelyjä koskevan direktiivin liitteen I kohta 7 kieltää aina väitteen, että tuote tai ehdot ovat "
        "saatavilla vain hyvin lyhyen ajan, jos se ei pidä paikkaansa. KKV varoittaa pimeistä käytännöistä, joille "
        "ikääntyneet ja lapset ovat erityisen alttiita. Mathur ym. (2019) löysivät 11 000 verkkokaupasta 1 818 "
        "pimeää käytäntöä, joista yleisimpiä olivat kiire, niukkuus ja harhaanohjaus.",
        example="Kiirehdi! Tarjous päättyy pian – enää 2 jäljellä!!!",
        use_instead="Tarjous on voimassa 31.1. asti. Tuotetta on varastossa 2 kpl.",
        fix_safety="Huutomerkkien kasauman voi korvata yhdellä huutomerkillä turvallisesti. Muut ehdotukset ovat "
        "mallilauseita, jotka kirjoittaja täyttää todellisilla tiedoilla (päivämäärä, määrä).",
        references=("Mathur ym. 2019, Dark Patterns at Scale (Proc. ACM HCI, CSCW)",
                    "Direktiivi 2005/29/EY sopimattomista kaupallisista menettelyistä, liite I, kohta 7",
                    "KKV: Pimeät käytännöt verkkokaupassa"),
    )
    doc_en = RuleDoc(
        title="Pushy selling",
        what="Flags pressure wording by category: false urgency (\"only today\", \"offer ends soon\", \"last chance\", "
        "\"this price won't come back\"), scarcity (\"only 2 left\", \"limited batch\", \"stock running low\"), "
        "confirmshaming (\"No thanks, I don't want to save\"), fear of missing out (\"don't miss out\"), social proof "
        "(\"+34 in the last 24 h\", \"join thousands\"), imperative pressure (\"Buy now!\", \"Hurry!\"), piled "
        "exclamation marks, forced consent (\"You must accept cookies\") and upselling (\"Add €12 → free delivery!\", "
        "add-ons pushed in a service message). Matching uses base forms and morphology (imperative, negation, "
        "numbers), so inflected and reworded variants are found. A true deadline (\"Please pay by 15 Jan\", "
        "\"The link is valid for 24 hours\", \"valid until 31 Jan\") is information and is not flagged.",
        why="Pressure takes away the customer's time to think and erodes trust. The EU Unfair Commercial Practices "
        "Directive, Annex I point 7, always forbids falsely claiming that a product or terms are available only "
        "for a very limited time. KKV (Finnish Competition and Consumer Authority) warns about dark patterns, to "
        "which older people and children are most vulnerable. Mathur et al. (2019) found 1,818 dark patterns on "
        "11K shopping sites, urgency, scarcity and misdirection among the most common.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="Replacing piled exclamation marks with one is safe. Other suggestions are template sentences "
        "the writer completes with true facts (date, quantity).",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        cats = data()["categories"]
        service = None
        spans: list[tuple[int, int, str, str]] = []
        for sentence in doc.sents:
            ws = [t for t in sentence if not t.is_space and not (t.is_punct and t.text not in {"!", "?", "+"})]
            if not ws:
                continue
            if service is None and any(t.is_sent_start for t in ws):
                service = classify(doc).is_service
            for matcher in MATCHERS:
                for hit in matcher(ws, bool(service)):
                    a, b = ws[hit.start], ws[hit.end]
                    spans.append((a.idx, b.idx + len(b.text), hit.category, hit.signal))
        text = doc.text  # built once: Doc.text joins every token
        for m in _PILED.finditer(text):
            spans.append((m.start(), m.end(), "exclamations", "piled"))
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, category, signal in spans:
            if start < last_end:
                continue  # one finding per stretch of text
            last_end = end
            # Keep the span on words: drop quotes or markup the tokenizer glued on.
            while end > start and text[end - 1] in "'\"`,;":
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
