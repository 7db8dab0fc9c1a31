"""long-sentence: sentences with more words than a reader takes in at once."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def is_word(token: "Token") -> bool:
    """A word for counting: has a letter or digit; a placeholder is one word; markup is none."""
    return not token.is_space and not token.is_punct and any(c.isalnum() for c in token.text)


def sentence_words(sentence: "Span") -> list["Token"]:
    """The sentence's words (`is_word`), read from the Doc's facts and kept Token objects."""
    from plainfinnish.nlp.components import facts, span_tokens

    word = facts(sentence.doc).word
    return [t for t in span_tokens(sentence) if word[t.i] and _has_alnum(t.text)]


@lru_cache(maxsize=100_000)
def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def trimmed(sentence: "Span") -> tuple[int, int]:
    """Character span of a sentence without its surrounding white space."""
    tokens = [t for t in sentence if not t.is_space]
    if not tokens:
        return sentence.start_char, sentence.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


class LongSentence(Rule):
    id = "long-sentence"
    name_fi = "Pitkä virke"
    name_en = "Long sentence"
    default_severity = "warning"
    scope = "sentence"
    options = {
        "max-words": Option(25, "Suurin sallittu sanamäärä virkkeessä.", "Most words allowed in a sentence.", minimum=5),
    }
    doc_fi = RuleDoc(
        title="Pitkä virke",
        what="Merkitsee virkkeet, joissa on enemmän sanoja kuin `max-words` (oletus 25). Paikkamerkki "
        "(esim. `{{ tilausnumero }}`) lasketaan yhdeksi sanaksi, merkintäkieli ei lainkaan.",
        why="Kotuksen virkakielitestin mukaan yli 25 sanan virke on pitkä. Pitkä virke kantaa monta asiaa "
        "kerralla, ja lukija joutuu palaamaan alkuun. Selkokeskus neuvoo: yksi tärkeä asia virkkeessä.",
        example="Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme "
        "sinua ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen kuljetusliikkeen kanssa.",
        use_instead="Jos tilauksesi ei ole tullut kymmenessä arkipäivässä, ota yhteyttä asiakaspalveluumme. "
        "Selvitämme silloin lähetyksen tilanteen kuljetusliikkeen kanssa.",
        fix_safety="Jakoehdotus on aina epävarma (vain `--unsafe-fixes`): kirjoittajan on tarkistettava, että "
        "jaetut virkkeet sanovat saman asian. Virke jaetaan vain kohdasta, jossa kummallakin osalla on oma "
        "taivutettu verbi ja tekijä (tai käskymuoto); relatiivilauseen alkuun palautetaan edeltävä sana oikeassa "
        "sijamuodossa. Luetteloa, verbien tai infinitiivien rinnastusta, yhdysmerkillä yhdistettyjä sanoja, "
        "että-, jos-, kun- tai koska-lausetta ja rajaavaa relatiivilausetta ei koskaan katkaista. Jos sellaista "
        "kohtaa ei ole, ilmoitus kertoo, mistä virkkeen voisi katkaista ja mitä silloin pitää muuttaa; pitkän "
        "luettelon voi kirjoittaa allekkain luettelomerkein.",
        references=("Kotus, Virkakielitesti, kysymys 15", "Selkokeskus, selkokirjoitusohjeet: rakenteet"),
    )
    doc_en = RuleDoc(
        title="Long sentence",
        what="Flags sentences with more words than `max-words` (default 25). A placeholder "
        "(e.g. `{{ order_number }}`) counts as one word; markup counts as none.",
        why="Kotus' officialese test calls a sentence of more than 25 words long. A long sentence carries "
        "several things at once and makes the reader go back to its start. Selkokeskus: one important "
        "thing per sentence.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="A split is always unsafe (`--unsafe-fixes` only): the writer must check that the split "
        "sentences say the same thing. A sentence is cut only where both parts have their own finite verb and "
        "subject (or are imperatives); a relative clause gets its antecedent back in the right case. Lists, "
        "coordinated verbs or infinitives, hyphen-joined words, että/jos/kun/koska clauses and restrictive "
        "relative clauses are never cut. Where no such joint exists, the message says where the sentence "
        "could be cut and what would have to change; a long list can become bullet points.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        limit = int(context.options["max-words"])
        for sentence in doc.sents:
            words = sentence_words(sentence)
            if len(words) <= limit:
                continue
            start, end = trimmed(sentence)
            message = context.say(
                f"Virkkeessä on {len(words)} sanaa (raja {limit}). Jaa se lyhyemmiksi virkkeiksi.",
                f"The sentence has {len(words)} words (limit {limit}). Split it into shorter sentences.",
            )
            suggestions = self.suggest_split(sentence, context)
            # No clean joint: where it could be cut and why not belongs in the message, as a note,
            # not as a suggestion that looks applicable.
            notes = [s.text for s in suggestions if s.advice]
            if notes:
                message = " ".join([message, *notes])
            yield self.finding(
                context, start, end, message,
                suggestions=[s for s in suggestions if not s.advice],
                data={"words": len(words), "limit": limit},
            )

    def suggest_split(self, sentence: "Span", context: RuleContext) -> list:
        """Where to split the sentence; see plainfinnish.nlp.splitting (none when no clean split)."""
        try:
            from plainfinnish.nlp.splitting import suggest_split
        except ImportError:
            return []
        return suggest_split(sentence, context)


RULE = LongSentence
