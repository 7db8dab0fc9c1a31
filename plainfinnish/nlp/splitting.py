"""Where to split a long sentence, and the data file shared by the structure rules."""

from __future__ import annotations

from typing import Any


def structure_data() -> dict[str, Any]:
    """plainfinnish/data/structure.toml (shared by the structure rules and the splitter)."""
    from plainfinnish import datafiles

    return datafiles.load("structure")


# --- Split suggestions for long sentences ------------------------------------------------------
#
# A sentence is cut only at a joint where both sides stand as sentences (see nlp/clauses.py):
# before a main clause with its own subject (or a 1st/2nd person, passive or imperative verb), or
# before a final non-restrictive relative clause whose antecedent can be repeated in the relative
# pronoun's case. The suggestion replaces only the joints (", ja saat" -> ". Saat"), so the words
# between, placeholders included, stay exactly as written. Never safe: the writer checks the meaning.

from dataclasses import dataclass  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from plainfinnish.nlp.clauses import Clause, clauses, is_finite, protected  # noqa: E402,F401
from plainfinnish.nlp.components import facts, span_tokens  # noqa: E402
from plainfinnish.rules.base import RuleContext, Suggestion  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PLACEHOLDER_SHOWN = "{…}"
_TRAILING = {",", ";", "–", "-", ":"}
_SPECIFIC = {"tämä", "tuo", "nämä", "nuo", "sinun", "teidän", "meidän"}
# Subordinators of a fronted adverbial clause: it governs every main clause after it, so cutting
# one of those off would drop the condition ("Jos …, ota yhteyttä ja hyvitämme …").
_FRONTED_SCOPE = {"jos", "jollei", "ellei", "kun", "koska", "mikäli", "kunnes", "vaikka"}


@dataclass
class _Cut:
    start: int  # char offset where the replaced joint begins (end of the left piece's last word)
    end: int  # char offset where it ends
    text: str  # ". Saat", ". Paketti "


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _relative_opening(doc: "Doc", clause: Clause) -> str | None:
    """The antecedent noun in the relative pronoun's case ('paketin, joka' -> 'Paketti'), only
    when the relative clause adds to a known thing: a restrictive one ("kuluista, jotka syntyvät
    palautuksesta") narrows what the sentence claims, and as a new sentence it would widen it."""
    from plainfinnish.nlp.inflect import noun_form

    rel, sep = clause.opener, clause.sep
    if rel is None or sep is None or sep.i == 0:
        return None
    antecedent = doc[sep.i - 1]
    ra, na = rel._.analysis, antecedent._.analysis
    if ra is None or na is None or antecedent._.is_placeholder or na.word_class != "nimisana" or not ra.case:
        return None
    specific = bool(na.possessive)
    for t in doc[max(antecedent.sent.start, antecedent.i - 3):antecedent.i]:
        ta = t._.analysis
        if t.is_punct or ta is None:
            break
        if ta.possessive in ("2s", "2p", "1p") or ta.baseform.lower() in _SPECIFIC or t.lower_ in _SPECIFIC:
            specific = True
    if not specific:
        return None
    form = noun_form(na.baseform, ra.case, ra.number or "singular")
    return _capitalise(form) if form else None


def _joint(doc: "Doc", left_end: int, first: "Token", opening: str) -> _Cut | None:
    """Replace the joint between the left piece (ending before token `left_end`) and `first`."""
    last = left_end - 1
    while last >= 0 and (doc[last].is_space or doc[last].text in _TRAILING):
        last -= 1
    if last < 0:
        return None
    start = doc[last].idx + len(doc[last].text)
    if opening:
        return _Cut(start, first.idx, f". {opening} ")
    if first._.is_placeholder or first.text[:1].isupper():
        return _Cut(start, first.idx, ". ")
    return _Cut(start, first.idx + len(first.text), ". " + _capitalise(first.text))


def _render(doc: "Doc", start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    from plainfinnish.nlp.components import doc_text

    whole = doc_text(doc)  # Doc.text joins every token on each access: once per Doc, not per edit
    out, at = [], start
    for e_start, e_end, text in sorted(edits):
        if e_start < at or e_end > end:
            continue
        out.append(whole[at:e_start])
        out.append(text)
        at = e_end
    out.append(whole[at:end])
    return "".join(out)


def _cuts(sentence: "Span", found: list[Clause], min_words: int, coordinators: dict[str, str]) -> list[_Cut]:
    doc = sentence.doc
    rest = sum(len(c.words) for c in found)
    cuts: list[_Cut] = []
    piece_words, piece_main, fronted = 0, False, False
    for i, c in enumerate(found):
        cut = None
        if i and piece_main and not fronted and piece_words >= min_words and rest >= min_words and c.words:
            if c.main and c.stands and (c.sep is not None or c.conj is not None):
                opening = coordinators.get(c.conj.lower_, "") if c.conj is not None else ""
                left_end = (c.sep if c.sep is not None else c.conj).i  # type: ignore[union-attr]
                cut = _joint(doc, left_end, c.words[0], opening)
            elif c.kind == "relative" and i == len(found) - 1 and c.opener is not None and len(c.words) > 1:
                opening = _relative_opening(doc, c)
                if opening:
                    cut = _joint(doc, c.sep.i, c.words[1], opening)  # type: ignore[union-attr]
        if cut is not None:
            cuts.append(cut)
            piece_words, piece_main, fronted = 0, False, False
        if c.kind == "subordinate" and not piece_main and c.opener is not None and c.opener.lower_ in _FRONTED_SCOPE:
            fronted = True
        piece_main = piece_main or c.main
        piece_words += len(c.words)
        rest -= len(c.words)
    return cuts


def _why_not(sentence: "Span", found: list[Clause], context: RuleContext) -> str:
    """Where the sentence could be cut and what must change there (advice, no rewrite)."""
    head = context.say("Selvää jakokohtaa ei löytynyt", "No clean split was found")
    joints = [c for c in found[1:] if c.words and (c.sep is not None or c.conj is not None)]
    if not joints:
        return head + context.say(": kirjoita virke uudelleen niin, että kussakin virkkeessä on yksi asia.",
                                  ": rewrite it so that each sentence says one thing.")
    middle = (sentence.start + sentence.end) / 2
    # A joint with a clause of its own (a subordinate or relative clause, a verb without its subject)
    # tells the writer more than one inside a list or a coordination ("lumen, loskan ja jään …").
    c = min(joints, key=lambda j: (j.bound == "fragment", abs(j.start - middle)))
    shown = c.words[:3]
    first = c.conj if c.conj is not None else shown[0]
    lead = _render(sentence.doc, first.idx, shown[-1].idx + len(shown[-1].text),
                   [(t.idx, t.idx + len(t.text), _PLACEHOLDER_SHOWN) for t in shown if t._.is_placeholder])
    where = context.say(f". Virkkeen voisi katkaista kohdasta ”{lead} …”, mutta ", f". It could be cut before '{lead} …', but ")
    reasons = {
        "subordinate": ("siitä alkava sivulause ei ole virke yksinään: kirjoita se päälauseeksi, jos jaat.",
                        "the subordinate clause there is no sentence on its own: make it a main clause if you split."),
        "continues": ("se jatkaa edellistä sivulausetta: kirjoita molemmat osat päälauseiksi, jos jaat.",
                      "it continues the subordinate clause before it: make both parts main clauses if you split."),
        "relative": ("relatiivilause rajaa edeltävää sanaa: jaettuna se voisi muuttaa merkitystä.",
                     "the relative clause narrows the word before it: split off, it could change the meaning."),
        "question": ("siitä alkava kysymyslause kuuluu edeltävään verbiin.",
                     "the indirect question there belongs to the verb before it."),
        "shared-subject": ("sen verbillä ei ole omaa tekijää: lisää tekijä (esimerkiksi ”se” tai ”me”), jos jaat.",
                           "its verb has no subject of its own: add one if you split."),
        "fragment": ("siinä ei ole omaa taivutettua verbiä (se on luettelon osa tai jatkaa edellistä verbiä). "
                     "Pitkän luettelon voi kirjoittaa allekkain luettelomerkein; muuten lisää verbi, jos jaat.",
                     "it has no finite verb of its own (part of a list, or it continues the verb before it). "
                     "A long list can be written as bullet points; otherwise add a verb if you split."),
    }
    fi, en = reasons.get(c.bound, ("jako jättäisi ehdon tai liian lyhyen osan irralleen: jaa ja toista ehto.",
                                   "the split would leave a condition or too short a part behind: repeat the condition if you split."))
    return head + where + context.say(fi, en)


def suggest_split(sentence: "Span", context: RuleContext) -> list[Suggestion]:
    """Split a long sentence at its main-clause joints; none found -> advice saying where and why not."""
    data = structure_data()["splitting"]
    found = clauses(sentence)
    cuts = _cuts(sentence, found, int(data["min_piece_words"]), data["coordinators"])
    if not cuts:
        return [Suggestion(_why_not(sentence, found, context), advice=True)]
    doc = sentence.doc
    known = facts(sentence.doc)
    placeholders = [t for t in span_tokens(sentence) if known.placeholder[t.i]]
    # The replaced stretch runs from the first joint to the last; a placeholder inside it could not
    # be written back, so stop at the joint before one.
    kept = [cuts[0]]
    for cut in cuts[1:]:
        if any(kept[0].start <= p.idx < cut.end for p in placeholders):
            break
        kept.append(cut)
    edits = [(c.start, c.end, c.text) for c in kept]
    start, end = kept[0].start, kept[-1].end
    tokens = [t for t in sentence if not t.is_space]
    s0, s1 = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    shown = edits + [(p.idx, p.idx + len(p.text), _PLACEHOLDER_SHOWN) for p in placeholders
                     if not any(e[0] <= p.idx < e[1] for e in edits)]
    display = _render(doc, s0, s1, shown)
    if display and display[-1] not in ".!?…":
        display += "."
    return [Suggestion(display, safe=False, start=start, end=end, replacement=_render(doc, start, end, edits))]
