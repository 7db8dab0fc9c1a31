"""readability: Finnish readability measures per message (Wiio, LIX, sentence and word length).

Wiio's simple formula as Voikko's statistics tool computes it: grade = 2.7 + 30 × (words whose base
form has 4 or more syllables) / words, syllables from Voikko's hyphenation of the base form. LIX =
words/sentences + 100 × (words of more than 6 letters)/words. No Flesch and no textstat syllables:
they are tuned for English. The measures go into every report's `stats`; the rule flags a message
over the configured limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plainfinnish.nlp.voikko import Analysis


def base_syllables(analysis: "Analysis | None", lower: str) -> int:
    """Syllables of a word's base form (its chosen reading; the form itself when Voikko has none);
    a compound is hyphenated part by part, as Voikko does."""
    from plainfinnish.nlp.voikko import syllables

    return sum(syllables(x) for x in _base_strings(analysis, lower))


def _base_strings(analysis: "Analysis | None", lower: str) -> list[str]:
    """The strings whose syllables make the base form's: the parts of a compound before its last
    as written, and the last part's base form."""
    if analysis is None:
        return [lower]
    if analysis.is_compound:
        parts = analysis.parts
        return [*(p.surface for p in parts[:-1]), parts[-1].lemma]
    return [analysis.baseform]


_LETTERS = re.compile(r"[a-zåäö]+")
_VOWELS = frozenset("aeiouyåäö")
_VOWEL_RUN = re.compile(r"[aeiouyåäö]+")


def polysyllabic_word(analysis: "Analysis | None", lower: str, least: int) -> bool:
    """`base_syllables(analysis, lower) >= least`, hyphenating only when it is in doubt: Voikko
    hyphenates a Finnish word only between syllables, and every syllable has a vowel, so a
    word of plain letters with fewer than `least` vowels has fewer syllables (most words); one
    with more runs of vowels than that has more (Voikko leaves a few words it does not know,
    "usa", a hyphen short, never two)."""
    strings = [x.lower() for x in _base_strings(analysis, lower)]
    if all(_LETTERS.fullmatch(x) for x in strings):
        if sum(max(1, sum(c in _VOWELS for c in x)) for x in strings) < least:
            return False
        if sum(len(_VOWEL_RUN.findall(x)) for x in strings) >= least + 1:
            return True  # a syllable at least per run of vowels, with one to spare for Voikko's odd word
    from plainfinnish.nlp.voikko import syllables

    return sum(syllables(x) for x in strings) >= least


def counts(doc: "Doc") -> tuple[int, dict[str, Any]]:
    """(words as every report counts them, the readability measures), in one pass over the
    message, kept with the Doc: every report carries both, rule enabled or not."""
    found = doc.user_data.get("plainfinnish.readability")
    if found is None:
        found = doc.user_data["plainfinnish.readability"] = _counts(doc)
    return found


def measure(doc: "Doc") -> dict[str, Any]:
    """The readability measures of one message."""
    return counts(doc)[1]


@lru_cache(maxsize=100_000)
def _shape(text: str) -> tuple[bool, int]:
    """(has a letter or digit, how many letters): the same word forms recur in every message."""
    return any(c.isalnum() for c in text), sum(c.isalpha() for c in text)


#: word form -> (the reading counted, the syllable limit, has a letter or digit, letters,
#: polysyllabic? (None until asked))
_word_counts: dict[str, tuple] = {}


def _counts(doc: "Doc") -> tuple[int, dict[str, Any]]:
    from plainfinnish.nlp.components import facts, tokens
    from plainfinnish.nlp.splitting import structure_data

    data = structure_data()["readability"]
    long_letters = int(data["long_word_letters"])
    wiio_syllables = int(data["wiio_syllables"])
    known = facts(doc)
    counted = n = polysyllabic = long_words = 0
    sentences: set[int] = set()  # the sentences with a word (by their first token)
    word, sent_start, placeholder, chosen = known.word, known.sent_start, known.placeholder, known.analysis
    for t in tokens(doc):
        i = t.i
        if not word[i]:
            continue
        # what a word form counts for, kept with the reading it was made from (the form recurs)
        text = t.text
        analysis = chosen[i]
        kept = _word_counts.get(text)
        if kept is None or kept[0] is not analysis or kept[1] != wiio_syllables:
            if len(_word_counts) > 100_000:
                _word_counts.clear()
            has_alnum, letters = _shape(text)
            kept = _word_counts[text] = (analysis, wiio_syllables, has_alnum, letters, None)
        if not kept[2]:  # long_sentence.is_word: markup is no word
            continue
        counted += 1
        sentences.add(sent_start[i])
        letters = kept[3]
        if not letters:
            continue
        n += 1
        if placeholder[i]:
            continue
        if kept[4] is None:  # the syllables only for a word that is no placeholder
            kept = _word_counts[text] = (*kept[:4], polysyllabic_word(analysis, t.lower_, wiio_syllables))
        if kept[4]:
            polysyllabic += 1
        if letters > long_letters:
            long_words += 1
    if not n or not sentences:
        return counted, {"words": n, "sentences": len(sentences), "wiio": None, "lix": None,
                         "avg_sentence_words": 0.0, "long_word_share": 0.0}
    return counted, {
        "words": n,
        "sentences": len(sentences),
        "wiio": round(2.7 + 30 * polysyllabic / n, 1),
        "lix": round(n / len(sentences) + 100 * long_words / n, 1),
        "avg_sentence_words": round(n / len(sentences), 1),
        "long_word_share": round(long_words / n, 3),
    }


class Readability(Rule):
    id = "readability"
    name_fi = "Luettavuus"
    name_en = "Readability"
    # Formulas misjudge long but easy Finnish words (Kotus): the measures are always reported in
    # the stats and the summary table; a finding only when a team opts in with its own limits.
    enabled_by_default = False
    default_severity = "info"
    scope = "document"
    options = {
        "max-wiio": Option(9.0, "Suurin sallittu Wiion luokka (koululuokka 1–12).", "Highest Wiio grade allowed (school grade 1–12).", minimum=1),
        "max-lix": Option(60.0, "Suurin sallittu LIX-luku (suomen sanat ovat pitkiä: selkeäkin teksti saa usein 45–55).", "Highest LIX allowed (Finnish words are long: plain Finnish often scores 45–55).", minimum=10),
        "max-average-sentence": Option(20.0, "Suurin sallittu virkkeen keskipituus sanoina.", "Longest average sentence allowed, in words.", minimum=3),
        "min-words": Option(30, "Lyhyempiä viestejä ei arvioida.", "Shorter messages are not judged.", minimum=1),
    }
    doc_fi = RuleDoc(
        title="Luettavuus",
        what="Laskee jokaisesta viestistä Wiion yksinkertaisen kaavan (kuten Voikon oma tilastotyökalu: 2,7 + 30 × "
        "perusmuodoltaan vähintään nelitavuiset sanat / sanat; tavut Voikon tavutuksesta), LIX-luvun, virkkeen "
        "keskipituuden ja pitkien sanojen osuuden. Luvut ovat raportin `stats`-kentässä ja tekstiraportin "
        "yhteenvedossa. Huomautus tulee, kun viesti ylittää rajat (`max-wiio` 9, `max-lix` 60, "
        "`max-average-sentence` 20). Huomautukset ovat valinnaisia (`enabled = true`), koska kaavat arvioivat "
        "suomea helposti liian ankarasti; luvut lasketaan aina. Flesch-kaavoja ei käytetä: ne on laadittu englannille.",
        why="Pitkät sanat ja pitkät virkkeet tekevät tekstistä raskaan. Kaavat ovat suuntaa antavia: ne "
        "arvioivat väärin pitkiä mutta helppoja sanoja (terveyskeskus), joten tulos on vihje, ei tuomio.",
        example="Asiakaspalvelukanavavalintojen yhdenmukaistamistoimenpiteiden toteuttamisen aikataulutus "
        "edellyttää organisaatiokohtaisten resursointiratkaisujen läpikäyntiä.",
        use_instead="Yhtenäistämme tavat ottaa meihin yhteyttä. Sitä ennen katsomme, kuka tekee mitäkin.",
        fix_safety="Ei korjausta: tekstin selkeyttäminen on kirjoittajan työtä.",
        references=("Voikko, voikkostatistics (Wiion kaava)", "Kotus, Ymmärrettävyyttä etsimässä"),
    )
    doc_en = RuleDoc(
        title="Readability",
        what="Computes, per message, Wiio's simple formula (as Voikko's statistics tool: 2.7 + 30 × words whose base "
        "form has 4+ syllables / words; syllables from Voikko's hyphenation), LIX, average sentence length and the "
        "share of long words. They appear in the report's `stats` and in the text summary. A finding when a message "
        "exceeds the limits (`max-wiio` 9, `max-lix` 60, `max-average-sentence` 20). The findings are opt-in "
        "(`enabled = true`) because the formulas easily judge Finnish too harshly; the measures are always computed. "
        "No Flesch: it is for English.",
        why="Long words and long sentences make text heavy. Formulas misjudge long but easy words (terveyskeskus): "
        "treat the numbers as a hint, not a verdict.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="No fix: making a text clear is the writer's work.",
        references=doc_fi.references,
    )

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        stats = measure(doc)
        if stats["words"] < int(context.options["min-words"]) or stats["wiio"] is None:
            return
        over = []
        if stats["wiio"] > float(context.options["max-wiio"]):
            over.append(context.say(f"Wiion luokka {stats['wiio']:g} (raja {context.options['max-wiio']:g})",
                                    f"Wiio grade {stats['wiio']:g} (limit {context.options['max-wiio']:g})"))
        if stats["lix"] > float(context.options["max-lix"]):
            over.append(f"LIX {stats['lix']:g} ({context.say('raja', 'limit')} {context.options['max-lix']:g})")
        if stats["avg_sentence_words"] > float(context.options["max-average-sentence"]):
            over.append(context.say(
                f"virkkeen keskipituus {stats['avg_sentence_words']:g} sanaa (raja {context.options['max-average-sentence']:g})",
                f"average sentence {stats['avg_sentence_words']:g} words (limit {context.options['max-average-sentence']:g})"))
        if not over:
            return
        tokens = [t for t in doc if not t.is_space]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        message = context.say("Teksti on raskasta luettavaa: ", "The text is hard to read: ") + "; ".join(over) + "."
        yield self.finding(context, start, end, message, data=stats)


RULE = Readability
