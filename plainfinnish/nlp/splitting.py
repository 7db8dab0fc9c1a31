"""Where to split a long sentence, and the data file shared by the structure rules."""

from __future__ import annotations

from typing import Any


def structure_data() -> dict[str, Any]:
    """plainfinnish/data/structure.toml (shared by the structure rules and the splitter)."""
    from plainfinnish import datafiles

    return datafiles.load("structure")


# --- Split suggestions for long sentences ------------------------------------------------------

from dataclasses import dataclass, field  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from plainfinnish.rules.base import RuleContext, Suggestion  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FINITE_MOODS = {"indicative", "conditional", "imperative", "potential"}
_QUOTES = {'"', "”", "“", "«", "»"}
_PLACEHOLDER_SHOWN = "{…}"


def is_finite(token: "Token") -> bool:
    """A finite verb: VerbForm=Fin from the tagger (accurate), else from Voikko's reading."""
    if token.doc._.profile == "accurate" and token.morph.get("VerbForm"):
        return "Fin" in token.morph.get("VerbForm")
    a = token._.analysis
    if a is None:
        return False
    if a.word_class == "kieltosana":
        return True
    if a.word_class != "teonsana":
        return False
    # without a tagger, 'toimittaa' (3sg or A-infinitive) counts when any verb reading is finite
    readings = (a,) if token.doc._.profile == "accurate" else token._.analyses
    return any(r.word_class == "teonsana" and r.mood in FINITE_MOODS and r.person is not None for r in readings)


def protected(sentence: "Span") -> set[int]:
    """Token indices inside quotes or parentheses: never split there."""
    inside: set[int] = set()
    depth = 0
    quoted = False
    for t in sentence:
        if t.text in _QUOTES and not (t.text == "“"):
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
class Chunk:
    """A stretch of the sentence between commas and coordinators."""

    start: int  # token index of the first word (after the separator)
    end: int  # token index after the last token
    sep: "Token | None"  # the comma before it, if any
    conj: "Token | None"  # the coordinator that begins it, if any
    finite: bool = False
    subordinate: bool = False
    relative: "Token | None" = None
    words: list["Token"] = field(default_factory=list)

    @property
    def main(self) -> bool:
        return self.finite and not self.subordinate and self.relative is None

    def has_subject(self) -> bool:
        """Can the clause stand alone: a 1st/2nd person or passive verb, or a subject of its own
        ("… ja saapuu huomenna" shares the subject of the clause before it and cannot)."""
        for t in self.words:
            if t.dep_ in ("nsubj", "nsubj:cop", "csubj") and t.doc._.profile == "accurate":
                return True
            a = t._.analysis
            if a is None:
                if t._.is_placeholder:
                    return True
                continue
            if is_finite(t) and (a.person in ("1", "2", "4") or a.mood == "imperative"):
                return True
            if a.case == "nimento" and a.word_class in (
                    "nimisana", "asemosana", "etunimi", "sukunimi", "paikannimi", "nimi", "lyhenne"):
                return True
        return False


def _chunks(sentence: "Span", inside: set[int]) -> list[Chunk]:
    data = structure_data()["splitting"]
    coordinators = data["coordinators"]
    subordinators = set(data["subordinators"])
    interrogatives = set(data["interrogatives"])
    relatives = set(data["relatives"])
    chunks: list[Chunk] = []
    current = Chunk(sentence.start, sentence.start, None, None)
    pending_sep: "Token | None" = None
    for t in sentence:
        if t.i in inside:
            current.end = t.i + 1
            continue
        if t.text == ",":
            current.end = t.i
            chunks.append(current)
            current = Chunk(t.i + 1, t.i + 1, t, None)
            pending_sep = t
            continue
        first = not current.words
        if t.lower_ in coordinators and (first or pending_sep is None):
            if not first:  # a coordinator without a comma: "… on lähetetty ja saat …"
                current.end = t.i
                chunks.append(current)
                current = Chunk(t.i + 1, t.i + 1, None, t)
            else:
                current.conj = t
                current.start = t.i + 1
            continue
        if first and not t.is_punct:
            a = t._.analysis
            base = a.baseform.lower() if a else t.lower_
            if t.lower_ in subordinators or base in interrogatives or (a is not None and a.kysymysliite):
                current.subordinate = True
            elif base in relatives and a is not None and a.word_class == "asemosana":
                current.relative = t
        if not t.is_punct and not t.is_space:
            current.words.append(t)
        if is_finite(t):
            current.finite = True
        current.end = t.i + 1
        pending_sep = None if not t.is_punct else pending_sep
    chunks.append(current)
    return [c for c in chunks if c.words or c.conj]


def _show(tokens: list["Token"]) -> str:
    out = []
    for t in tokens:
        out.append((_PLACEHOLDER_SHOWN if t._.is_placeholder else t.text) + t.whitespace_)
    return "".join(out).strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text and not text.startswith(_PLACEHOLDER_SHOWN) else text


def _relative_opening(chunk: Chunk, antecedent: "Token | None") -> str | None:
    """The antecedent noun in the relative pronoun's case: 'joka' after 'paketin' -> 'Paketti'."""
    from plainfinnish.nlp.inflect import noun_form

    rel = chunk.relative
    if rel is None or antecedent is None or antecedent._.is_placeholder:
        return None
    ra = rel._.analysis
    na = antecedent._.analysis
    if ra is None or na is None or na.word_class not in ("nimisana", "nimisana_laatusana") or not ra.case:
        return None
    form = noun_form(na.baseform, ra.case, ra.number or na.number or "singular")
    return _capitalise(form) if form else None


def suggest_split(sentence: "Span", context: RuleContext) -> list[Suggestion]:
    """Split a long sentence into main clauses; None found -> an advice saying so."""
    data = structure_data()["splitting"]
    min_words = int(data["min_piece_words"])
    coordinators: dict[str, str] = data["coordinators"]
    chunks = _chunks(sentence, protected(sentence))
    doc = sentence.doc
    pieces: list[str] = []
    piece_start = sentence.start
    opening = ""  # the word that starts the current piece instead of the coordinator / pronoun
    has_main = False
    words_in_piece = 0
    last_cut = None
    for i, chunk in enumerate(chunks):
        can_cut = False
        new_opening = ""
        skip_to = chunk.start
        if i and has_main and words_in_piece >= min_words:
            rest_words = sum(len(c.words) for c in chunks[i:])
            if rest_words >= min_words:
                if chunk.main and (chunk.sep is not None or chunk.conj is not None) and chunk.has_subject():
                    if chunk.conj is not None:
                        can_cut = True
                        new_opening = coordinators.get(chunk.conj.lower_, "")
                    elif chunk.sep is not None:
                        can_cut = True  # ", saat seurantakoodin": a main clause after a comma
                elif chunk.relative is not None and chunk.sep is not None and i == len(chunks) - 1 and chunk.finite:
                    antecedent = doc[chunk.sep.i - 1] if chunk.sep.i > sentence.start else None
                    repl = _relative_opening(chunk, antecedent)
                    if repl:
                        can_cut = True
                        new_opening = repl
                        skip_to = chunk.relative.i + 1
        if can_cut:
            end_tok = chunk.sep if chunk.sep is not None else chunk.conj
            assert end_tok is not None
            left = [t for t in doc[piece_start:end_tok.i]]
            pieces.append(_piece(left, opening))
            piece_start = skip_to
            opening = new_opening
            has_main = False
            words_in_piece = 0
            last_cut = chunk
        has_main = has_main or chunk.main
        words_in_piece += len(chunk.words)
    if last_cut is None:
        return [Suggestion(
            context.say("Selvää jakokohtaa ei löytynyt: kirjoita virke uudelleen niin, että kussakin virkkeessä on yksi asia.",
                        "No clean split was found: rewrite it so that each sentence says one thing."),
            advice=True)]
    tail = [t for t in doc[piece_start:sentence.end]]
    pieces.append(_piece(tail, opening))
    return [Suggestion(" ".join(pieces), advice=True)]


def _piece(tokens: list["Token"], opening: str) -> str:
    """One sentence of the split: the opening word, the tokens, a full stop."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[-1].text in {",", ";", "–", "-"}:
        tokens.pop()
    text = _show(tokens)
    if opening:
        text = opening + " " + text
    elif tokens and not tokens[0]._.is_placeholder:
        text = _capitalise(text)
    if text and text[-1] not in ".!?…":
        text += "."
    return text
