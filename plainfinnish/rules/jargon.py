"""jargon: officialese, legal, finance and other jargon, matched by lemma and suggested in the right form."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from plainfinnish.errors import ConfigError
from plainfinnish.rules.base import Finding, Option, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from plainfinnish.nlp.voikko import Analysis
    from plainfinnish.wordlists import Entry, Lexicon

# Where one clause ends and another begins: a multi-word pattern never reaches across these.
_CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")", "ja", "tai", "mutta", "sekä", "että", "kun", "jos", "koska", "joka",
                  "jotka", "mikä", "mitkä", "kuin", "eli"}


@dataclass
class Match:
    entry: "Entry"
    tokens: list["Token"]  # the words matched, in text order
    head: "Token"  # the word whose form the alternative takes
    analysis: "Analysis | None"  # the head's reading
    part_start: int = 0
    part_end: int | None = None  # compound parts replaced (None: the whole word)
    others: tuple["Analysis", ...] = ()  # other readings of the head that match the same entry (fast profile)
    kept: frozenset[int] = frozenset()  # matched words that stay in the suggestion (a pattern's "jonkun")
    surface: str | None = None  # the word when the tokenizer split it ("joll|ei")
    preferred: str | None = None  # the alternative the sentence's context calls for (entry's senses.prefer)

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


class Jargon(Rule):
    id = "jargon"
    name_fi = "Erikoiskieli ja kapulakieli"
    name_en = "Jargon"
    default_severity = "warning"
    scope = "sentence"
    options = {
        "allow": Option(
            [], "Sanat (perusmuodossa), joita ei koskaan merkitä, esim. organisaation omat termit ja tuotenimet.",
            "Words (base forms) never flagged, e.g. the organisation's own terms and product names.",
        ),
        "alternatives": Option(
            {}, "Taulukko perusmuoto = [\"vaihtoehto\", …], joka korvaa sanaluettelon vaihtoehdot.",
            "A table lemma = [\"alternative\", …] that overrides the wordlists' alternatives.",
        ),
        "specialist": Option(
            "auto", "Erikoistermimalli sanaluetteloiden ulkopuolisille sanoille: \"on\", \"off\" tai \"auto\" (päällä, "
            "jos mallin kehitysaineistolla mitattu tarkkuus riittää; docs/specialist.md).",
            "The specialist-term model for words outside the wordlists: \"on\", \"off\" or \"auto\" (on when the "
            "model's measured precision meets its target; docs/specialist.md).",
        ),
    }
    doc_fi = RuleDoc(
        title="Erikoiskieli ja kapulakieli",
        what="Merkitsee virkakielen, lakikielen, talous- ja perintäkielen, vakuutus- ja IT-alan termit, turhat "
        "anglismit, lyhenteet ja raskaat nominaalirakenteet sanaluetteloiden (`wordlists/`) perusteella. Sanat "
        "tunnistetaan perusmuodon kautta Voikon analyysilla: kaikki taivutusmuodot, liitepartikkelit (-kin, -kaan, "
        "-han, -pa), omistusliitteet ja yhdyssanat, joiden osana sana on (`reklamaationne`, "
        "`reklamaatiolomakkeella`, `asiakasreklamaatio`). Monisanaiset rakenteet (`suorittaa maksu`) löytyvät "
        "missä tahansa taivutusmuodossa ja suomen sallimassa sanajärjestyksessä saman lauseen sisältä. Termiä tai "
        "lyhennettä ei merkitä siellä, missä se selitetään, eikä sen jälkeen (`arvonlisävero (alv)`, `reklamaatio eli "
        "valitus`, `X:llä tarkoitetaan …`). Määritelty termi (`(jäljempänä Palvelu)`), lain nimi (`laki sähköisen "
        "viestinnän palveluista`), lainaus ja asiakkaan valinnan kehuminen (`Teit hyvän päätöksen`) jätetään rauhaan. "
        "Asetuksella `specialist = \"on\"` sääntö vihjaa myös sanaluetteloiden ulkopuolisista erikoistermeistä "
        "(docs/specialist.md). Ilmoitus kertoo sanan "
        "luokan ja syyn; ehdotus on taivutettu korvattavan sanan muotoon. Rakenteista, joille ei ole sanasta sanaan "
        "sopivaa korvaajaa, annetaan neuvo (`Postin toimesta` → `Kerro tekijä: Posti tekee …`). Velvoitusta "
        "ilmaiseva `tulla` + perusmuoto (`hakemus tulee lähettää`) ehdotetaan muotoon `pitää lähettää`.",
        why="Asiakas ei tunne alan sisäistä sanastoa. Kotuksen virkakielitesti ja Selkokeskuksen ohjeet neuvovat "
        "käyttämään lukijan tuntemia sanoja ja selittämään välttämättömät termit. Sanaston tunnistus taivutetuista "
        "muodoista on suomessa välttämätöntä: pelkkä merkkijonohaku ei löydä sanaa `reklamaationne`.",
        example="Mikäli reklamaationne koskee ko. tuotetta, maksun suorittaminen siirtyy.",
        use_instead="Jos valituksenne koskee kyseistä tuotetta, maksaminen siirtyy.",
        fix_safety="Yksittäisen sanan ehdotus on turvallinen, kun Voikko on vahvistanut taivutetun muodon (sama "
        "sija, luku, persoona, tapaluokka ja omistusliite) eikä sanaluettelo merkitse sanaa harkintaa vaativaksi "
        "(`safe = false`) ja kun korjattu virke läpäisee tarkistuksen (docs/suggestions.md: tunnettu sana, sama "
        "muoto, ympäröivät sanat sopivat yhä, yhdyssanan osa ei toistu). Jos muotoa ei saada vahvistettua, ilmoitus "
        "kertoo perusmuodon ja että se on taivutettava, eikä korjausta tarjota; monisanaisten rakenteiden ja "
        "lyhenteiden ehdotukset on aina tarkistettava. Neuvoa (`Kerro tekijä: …`) ei "
        "sovelleta automaattisesti.\n\n"
        "Asetukset: `allow` (lista perusmuotoja, joita ei merkitä), `alternatives` (taulukko perusmuoto → "
        "vaihtoehdot) ja ylätason `wordlists` (organisaation omat sanaluettelot).",
        references=(
            "Kotus, Virkakielitesti",
            "Kotus, Kielitoimiston ohjepankki: virkakieli",
            "Selkokeskus, selkokirjoitusohjeet: sanasto",
            "plainfinnish: docs/wordlists.md (sanaluetteloiden muoto) ja wordlists/README.md (luokat ja valintaperiaatteet)",
        ),
    )
    doc_en = RuleDoc(
        title="Jargon",
        what="Flags officialese, legal, finance and debt-collection, insurance and IT terms, needless "
        "anglicisms, abbreviations and heavy nominal constructions from the wordlists (`wordlists/`). Words are "
        "matched by lemma through Voikko: every inflected form, clitics (-kin, -kaan, -han, -pa), possessive "
        "suffixes and compounds containing the word (`reklamaationne`, `reklamaatiolomakkeella`, "
        "`asiakasreklamaatio`). Multi-word constructions (`suorittaa maksu`) are found in any inflection and any "
        "word order Finnish allows within one clause. A term or abbreviation "
        "explained where it stands is not flagged there or after (`arvonlisävero (alv)`, `reklamaatio eli valitus`, "
        "`X:llä tarkoitetaan …`). A defined term (`(jäljempänä Palvelu)`), a statute's title (`laki sähköisen "
        "viestinnän palveluista`), quoted text and praise of the customer's choice (`Teit hyvän päätöksen`) are left "
        "alone. With `specialist = \"on\"` the rule also hints at specialist terms outside the wordlists "
        "(docs/specialist.md). The message names the category and the reason; the "
        "suggestion is inflected to the form of the word it replaces. Constructions with no word-for-word "
        "replacement get advice instead (`Postin toimesta` → `Kerro tekijä: Posti tekee …`). The necessive `tulla` + "
        "1st infinitive (`hakemus tulee lähettää`) is suggested as `pitää lähettää`.",
        why="Customers do not know an industry's internal vocabulary. Kotus' officialese test and Selkokeskus "
        "advise words the reader knows and explaining the terms that are needed. In Finnish, matching must see "
        "through inflection: a string search does not find `reklamaationne`.",
        example=doc_fi.example,
        use_instead=doc_fi.use_instead,
        fix_safety="A single-word suggestion is safe when Voikko has verified the inflected form (same case, "
        "number, person, mood and possessive suffix) and the wordlist does not mark the entry as needing "
        "judgement (`safe = false`), and when the rewritten sentence passes the verification gate "
        "(docs/suggestions.md: a known word, the same form, the words around still agree, no compound part "
        "doubled). When no form verifies, the message names the base form and says to inflect it, and no fix is "
        "offered; suggestions for multi-word constructions and abbreviations always need review. Advice "
        "(`Kerro tekijä: …`) is never applied automatically.\n\n"
        "Options: `allow` (base forms never flagged), `alternatives` (table lemma → alternatives) and the "
        "top-level `wordlists` (the organisation's own wordlists).",
        references=(*doc_fi.references[:-1],
                    "plainfinnish: docs/wordlists.md (the wordlist format) and wordlists/README.md (categories and review policy)"),
    )

    # --- entry point --------------------------------------------------------------------------

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        from plainfinnish import wordlists
        from plainfinnish.nlp.components import facts, tokens
        from plainfinnish.nlp.term_context import term_context

        config = context.settings.get("config")
        lexicon = wordlists.load(list(getattr(config, "wordlists", []) or []))
        allow = {str(w).lower() for w in context.options.get("allow", [])}
        overrides = self._overrides(context.options.get("alternatives", {}), config)
        doc_facts = facts(doc)
        accurate = (doc_facts.profile or context.profile) == "accurate"
        severity_fixed = bool(config is not None and config.rules.get(self.id, {}).get("severity"))

        memo = _memo(lexicon, allow)
        toks = tokens(doc)  # each Token object made once
        matches: list[Match] = []
        quiet = memo.quiet
        analyses = doc_facts.analyses
        for sentence in doc.sents:
            words = toks[sentence.start: sentence.end]
            single = []
            for t in words:
                # most words can match nothing: one look-up settles them (`_Memo.quiet`), unless
                # glued to a dot (an abbreviation) or to a word (a split word) after them
                q = quiet.get(t.text)
                if q is not None:
                    if q is True:
                        continue
                    if q is analyses[t.i]:
                        if t.whitespace_ or t.i + 1 == len(toks):
                            continue
                        nxt = toks[t.i + 1]
                        if nxt.text != "." and not nxt.is_alpha:
                            continue
                m = self._match_word(t, toks, doc_facts, memo, lexicon, allow, accurate)
                if m is not None:
                    single.append(m)
            multi = self._match_patterns(sentence, words, doc_facts, memo, lexicon, allow, accurate)
            taken = {t.i for m in multi for t in m.tokens}
            matches.extend(multi)
            matches.extend(m for m in single if m.head.i not in taken)
        listed = {t.i for m in matches for t in m.tokens}
        # the message's quotations, definitions and explanations: read only when something matched
        terms = term_context(doc) if matches else None
        matches = [m for m in matches if not _in_definition_or_quote(m, terms)]
        matches = self._drop_explained(matches, terms)
        matches = wordlists.keep_in_sense(matches, doc)  # an entry's everyday sense is not jargon
        matches.sort(key=lambda m: m.start)
        for match in matches:
            yield self._finding(match, context, overrides, severity_fixed, lexicon)
        if self._specialist_on(context.options.get("specialist", "auto"), config):
            yield from self._specialist(doc, context, listed, terms or term_context(doc), allow, severity_fixed)

    @staticmethod
    def _overrides(table: Any, config: Any) -> dict[str, list[str]]:
        where = str(getattr(config, "path", None) or "configuration")
        out: dict[str, list[str]] = {}
        for lemma, alternatives in (table or {}).items():
            if isinstance(alternatives, str):
                alternatives = [alternatives]
            if not isinstance(alternatives, list) or not alternatives or not all(isinstance(a, str) and a.strip() for a in alternatives):
                raise ConfigError(where, f"'rules.jargon.alternatives.{lemma}' must be a non-empty list of strings")
            out[str(lemma).lower()] = [a.strip() for a in alternatives]
        return out

    # --- single words -------------------------------------------------------------------------

    def _match_token(self, token: "Token", lexicon: "Lexicon", allow: set[str], accurate: bool) -> Match | None:
        """The entry one word matches on its own, if any (scripts/build_specialist.py asks this)."""
        from plainfinnish.nlp.components import facts

        doc = token.doc
        return self._match_word(token, doc, facts(doc), _memo(lexicon, allow), lexicon, allow, accurate)

    def _match_word(self, token: "Token", toks: "Sequence[Token]", doc_facts: Any, memo: "_Memo", lexicon: "Lexicon",
                    allow: set[str], accurate: bool) -> Match | None:
        """`_match_token` given the Doc's tokens (a list, or the Doc), facts and the word-form memo."""
        text = token.text
        i = token.i
        if doc_facts.placeholder[i]:
            return None
        if token.is_space or token.is_punct or not any(c.isalpha() for c in text):
            memo.quiet[text] = True
            return None
        raw = doc_facts.analyses[i]
        # the readings of a word form and which entry each matches, worked out once per form
        known = memo.readings.get(text)
        if known is None or known[0] is not raw:
            found_by = {id(a): self._match_reading(a, lexicon, allow) for a in raw}
            known = memo.readings[text] = (raw, _plain_readings(raw), found_by,
                                           any(f is not None for f in found_by.values()))
        _raw, analyses, found_by, any_found = known
        written = [e for e in lexicon.by_form.get(text.lower(), ()) if e.key not in allow] if lexicon.by_form else []
        if analyses and not any_found and not written:
            # no reading and no written form is an entry: only a word glued to the next (below) can match
            memo.quiet[text] = raw
        if written and analyses and not any(a.baseform.lower() == written[0].key for a in analyses):
            return Match(written[0], [token], token, None)  # a user's word form ("viipymättä") as written
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and not token.whitespace_ and nxt.text == ".":
            # the tokenizer splits an abbreviation from its dot at a sentence start ("Ko." -> "Ko" ".")
            abbreviation = self._match_abbreviation(token, toks, doc_facts, memo, lexicon, allow)
            if abbreviation is not None:
                return abbreviation
        prev = toks[i - 1] if i > 0 else None
        if nxt is not None and not token.whitespace_ and nxt.is_alpha:
            # the tokenizer splits some words: "jollei" -> "joll" "ei"
            from plainfinnish.nlp.voikko import analyze

            joined = text + nxt.text
            for a in analyze(joined):
                found = self._match_reading(a, lexicon, allow)
                if found is not None and found[1] == 0 and found[2] is None:
                    return Match(found[0], [token, nxt], token, a, surface=joined)
            if prev is not None and not prev.whitespace_ and prev.is_alpha:
                return None  # the second half of such a word
        elif prev is not None and not prev.whitespace_ and prev.is_alpha and token.is_alpha:
            return None  # "ei" of "joll|ei" is not a word of its own
        if not analyses:
            if text.endswith(".") and _ends_sentence(token) and raw == () and _known(text[:-1]):
                return None  # "5 ml." at a sentence end: a known word and the full stop
            for entry in lexicon.surface_entries(text):
                if entry.key not in allow:
                    return Match(entry, [token], token, None)
            if not written:
                memo.quiet[text] = raw  # an unknown word no list writes out: as a quiet known word
            return None
        if not any_found:
            return None  # no reading of the word is an entry: nothing below can match
        doc = token.doc
        if accurate:
            best = doc_facts.analysis[i]
            if best is not None and best not in analyses:
                # the tagger chose a spurious derived reading: take the plain noun of the same form
                best = next((a for a in analyses if a.case == best.case and a.number == best.number), best)
            readings = [best] if best is not None else []
        else:
            # Voikko often splits a simple word into a fanciful compound too ("kuuluu" = kuu+luu)
            readings = _possible_here(token, list(analyses))
        found = [found_by[id(a)] for a in readings]
        if not accurate:
            prev = doc[token.i - 1] if token.i > 0 and not token.is_sent_start else None
            after_verb = prev is not None and any(a.word_class == "teonsana" for a in doc_facts.analyses[prev.i])
            readings, found = _drop_spurious(readings, found, token.text, after_verb)
        whole = [f for f in found if f is not None and f[1] == 0 and f[2] is None]
        if whole and all(f is not None for f in found) and all(f[0] is whole[0][0] for f in whole):
            # a reading that is a whole-word entry wins over readings that only hit a compound part
            # ("perintätoimenpide" as a whole, not its part "toimenpide")
            readings = [a for a, f in zip(readings, found) if f in whole]
            found = [f for f in found if f in whole]
        first = found[0] if found else None
        # when in doubt, do not flag: every reading must point at the same entry
        if first is None or any(f is None or f[0] is not first[0] for f in found):
            return None
        entry, start, end = first
        reading = readings[found.index(first)]
        # the tagger decides only between Voikko's readings; it does not overrule an unambiguous word
        ambiguous = len({a.pos for a in analyses}) > 1
        if accurate and ambiguous and entry.pos and not _pos_fits(token.pos_, entry.pos, reading):
            return None
        others = tuple(a for a, f in zip(readings, found) if a is not reading and f == first)
        return Match(entry, [token], token, reading, start, end, others)

    def _match_abbreviation(self, token: "Token", toks: "Sequence[Token]", doc_facts: Any, memo: "_Memo",
                            lexicon: "Lexicon", allow: set[str]) -> Match | None:
        """An abbreviation split from its dot ("Ko" "." / "Sis" "."), matched as the joined word
        through Voikko ("ko.") or the surface forms of one Voikko lacks ("sis.", "ml.")."""
        i = token.i
        dot = toks[i + 1]
        if i > 0 and not toks[i - 1].whitespace_ and toks[i - 1].is_alpha:
            return None
        if doc_facts.analyses[i] and _ends_sentence(dot):
            return None  # "5 ml." : a known word, and the dot ends the sentence
        joined = token.text + "."
        found = memo.abbreviations.get(joined, memo)
        if found is memo:  # the entry of a joined form does not depend on where it stands
            found = memo.abbreviations[joined] = self._abbreviation_entry(joined, lexicon, allow)
        return None if found is None else Match(found[0], [token, dot], token, found[1], surface=joined)

    def _abbreviation_entry(self, joined: str, lexicon: "Lexicon", allow: set[str]) -> tuple["Entry", "Analysis | None"] | None:
        from plainfinnish.nlp.voikko import analyze

        for form in dict.fromkeys((joined, joined.lower())):
            for a in analyze(form):
                found = self._match_reading(a, lexicon, allow)
                if found is not None and found[1] == 0 and found[2] is None:
                    return found[0], a
        for entry in lexicon.surface_entries(joined):
            if entry.key not in allow:
                return entry, None
        return None

    @staticmethod
    def _match_reading(a: "Analysis", lexicon: "Lexicon", allow: set[str]) -> tuple["Entry", int, int | None] | None:
        from plainfinnish.nlp.inflect import verb_lemma

        if a.baseform.lower() in allow:
            return None
        n = len(a.parts)
        for key, via_verb in ((a.baseform.lower(), False), (verb_lemma(a).lower(), True)):
            for entry in lexicon.by_lemma.get(key, ()):
                if entry.key in allow:
                    continue
                if entry.pos and not (via_verb and entry.pos == "VERB") and not _reading_pos_fits(a, entry.pos):
                    continue
                if not entry.compound and n > 1 and key != entry.key:
                    continue
                return entry, 0, None
        if n < 2:
            return None
        surfaces = [p.surface for p in a.parts]
        # the longest run of compound parts that is an entry ("asiakas|reklamaatio|lomake")
        for length in range(n - 1, 0, -1):
            for start in range(0, n - length + 1):
                end = start + length
                run = "".join(surfaces[start:end - 1]) + a.parts[end - 1].lemma
                for entry in lexicon.by_lemma.get(run.lower(), ()):
                    if entry.compound and entry.key not in allow and entry.pos in (None, "NOUN", "ADJ"):
                        return entry, start, end
        return None

    # --- multi-word patterns ------------------------------------------------------------------

    def _match_patterns(self, sentence: "Span", tokens: list["Token"], doc_facts: Any, memo: "_Memo", lexicon: "Lexicon",
                        allow: set[str], accurate: bool) -> list[Match]:
        if not lexicon.by_pattern_word:
            return []
        words = [t for t in tokens if not t.is_space]
        lemma_sets: list[dict[str, "Analysis | None"]] = []
        candidates: list["Entry"] = []
        seen: set[int] = set()
        for t in words:
            # a word form's lemma set and the patterns it may belong to, worked out once per form
            analyses = doc_facts.analyses[t.i]
            chosen = doc_facts.analysis[t.i] if accurate else None
            text = t.text
            known = memo.lemmas.get(text)
            if known is None or known[0] is not analyses or known[1] is not chosen or known[2] != accurate:
                lemmas = _pattern_lemmas(t.lower_, analyses, chosen, accurate)
                entries = [e for lemma in lemmas for e in lexicon.by_pattern_word.get(lemma, ()) if e.key not in allow]
                known = memo.lemmas[text] = (analyses, chosen, accurate, lemmas, entries)
            lemma_sets.append(known[3])
            for entry in known[4]:
                if id(entry) not in seen:
                    seen.add(id(entry))
                    candidates.append(entry)
        if not candidates:
            return []
        # an entry can be placed only where every word of its pattern may stand: mostly nowhere
        present = set().union(*lemma_sets)
        patterns = memo.patterns
        for entry in candidates:
            if id(entry) not in patterns:
                lowered = [w.lower() for w in entry.pattern]
                patterns[id(entry)] = (lowered, frozenset(lowered))
        candidates = [e for e in candidates if patterns[id(e)][1] <= present]
        if not candidates:
            return []
        from plainfinnish.nlp.components import facts

        # Doc.has_annotation scans every token: once per Doc, not once per sentence
        shared = facts(sentence.doc).memo
        has_deps = shared.get("jargon.has-deps")
        if has_deps is None:
            has_deps = shared["jargon.has-deps"] = sentence.doc.has_annotation("DEP")
        where: dict[str, list[int]] = {}  # a lemma -> the positions of the words that may be it, in order
        for i, lemmas in enumerate(lemma_sets):
            for lemma in lemmas:
                where.setdefault(lemma, []).append(i)
        out: list[Match] = []
        used: set[int] = set()
        for entry in candidates:
            match = self._place_pattern(entry, patterns[id(entry)][0], words, lemma_sets, where, has_deps, used)
            if match is not None:
                out.append(match)
                used.update(t.i for t in match.tokens)
        return out

    def _place_pattern(self, entry: "Entry", pattern: list[str], words: list["Token"],
                       lemma_sets: list[dict[str, "Analysis | None"]], where: dict[str, list[int]], has_deps: bool,
                       used: set[int]) -> Match | None:
        """Where `entry` (its pattern in lower case) stands in the sentence, if anywhere."""
        from plainfinnish.nlp.inflect import INFINITIVE_WILDCARD, PATTERN_WILDCARDS

        if any(w not in where for w in pattern):
            return None  # a word of the pattern is nowhere in the sentence
        positions = [[i for i in where[w] if words[i].i not in used] for w in pattern]
        if any(not p for p in positions):
            return None
        window = len(pattern) + 2
        for anchor in positions[0]:
            chosen = [anchor]
            for word, options in zip(pattern[1:], positions[1:]):
                # the infinitive follows its verb: an infinitive before it is another clause's
                after = chosen[-1] if word == INFINITIVE_WILDCARD else -1
                near = sorted((i for i in options if i not in chosen and abs(i - anchor) <= window and i > after),
                              key=lambda i: abs(i - anchor))
                if not near:
                    break
                chosen.append(near[0])
            if len(chosen) != len(pattern):
                continue
            lo, hi = min(chosen), max(chosen)
            between = [words[i] for i in range(lo + 1, hi) if i not in chosen]
            if any(t.lower_ in _CLAUSE_BREAKS or t.is_punct for t in between):
                continue
            if INFINITIVE_WILDCARD in pattern and not _infinitive_follows(pattern, chosen, words, lemma_sets):
                continue
            if any(w in PATTERN_WILDCARDS and w != INFINITIVE_WILDCARD and j + 1 < len(pattern) and chosen[j + 1] != chosen[j] + 1
                   for j, w in enumerate(pattern)):
                continue  # "jonkun johdosta": the genitive right before the postposition, not one further back
            verb_pattern = any(_is_verb_lemma(w) for w in pattern)
            if verb_pattern and any(_genitive_attribute(i, w, chosen, words) for i, w in zip(chosen, pattern)):
                continue  # "tehtävä … päätöksen tiedoksisaannista": the genitive belongs to the next noun
            if verb_pattern and any(_not_object(words[i], w, lemma_sets[i].get(w)) for i, w in zip(chosen, pattern)):
                continue  # "päätöksestä voi tehdä valituksen": the noun belongs to another construction
            if verb_pattern and _attributive_participle(pattern, chosen, words, lemma_sets):
                continue  # "kunnan tekemä päätös": a noun phrase, no verb to replace
            tokens = [words[i] for i in chosen]
            if has_deps and not _connected(tokens) and hi - lo + 1 != len(chosen):
                continue
            head_index = self._pattern_head(entry, pattern, [lemma_sets[i] for i in chosen])
            head_pos = chosen[head_index]
            analysis = lemma_sets[head_pos].get(pattern[head_index])
            analysis = _reading_here(words[head_pos], pattern[head_index], analysis)
            kept = frozenset(words[i].i for i, w in zip(chosen, pattern) if w in PATTERN_WILDCARDS)
            return Match(entry, sorted(tokens, key=lambda t: t.i), words[head_pos], analysis, kept=kept)
        return None

    @staticmethod
    def _pattern_head(entry: "Entry", pattern: list[str], lemma_sets: list[dict[str, "Analysis | None"]]) -> int:
        """The pattern word the alternative replaces: the verb when the alternative is a verb, else the first noun."""
        from plainfinnish.nlp.voikko import analyze

        alt_words = entry.alternatives[0].split() if entry.alternatives else []
        alt_verb = any(a.word_class == "teonsana" for w in alt_words[:1] for a in analyze(w))
        from plainfinnish.nlp.inflect import PATTERN_WILDCARDS

        for i, word in enumerate(pattern):
            if word in PATTERN_WILDCARDS:
                continue  # "jonkun" stands for the writer's own words: they stay
            reading = lemma_sets[i].get(word)
            if reading is not None and (reading.word_class == "teonsana" or reading.participle) == alt_verb \
                    and (alt_verb or reading.word_class in _ATTRIBUTE_CLASSES | {"nimisana"}):
                return i
        if not alt_verb:
            # "yllä mainitut": the participle carries the phrase's case and number, not the adverb
            for i, word in enumerate(pattern):
                reading = lemma_sets[i].get(word)
                if word not in PATTERN_WILDCARDS and reading is not None and reading.participle and reading.case:
                    return i
        return next((i for i, w in enumerate(pattern) if w not in PATTERN_WILDCARDS), 0)

    # --- terms explained at first use ----------------------------------------------------------

    @staticmethod
    def _drop_explained(matches: list[Match], terms: Any) -> list[Match]:
        """A term explained where it stands ("arvonlisävero (alv)", "reklamaatio eli valitus") is not
        flagged there or after; an unexplained earlier use still is."""
        from plainfinnish.nlp.term_context import is_explained

        explained_at: dict[int, int] = {}  # id(entry) -> token index of its first explanation
        for m in matches:
            if len(m.tokens) == 1 and is_explained(m.head):
                explained_at[id(m.entry)] = min(explained_at.get(id(m.entry), m.head.i), m.head.i)

        def explained(m: Match) -> bool:
            if m.head.i >= explained_at.get(id(m.entry), len(m.head.doc)):
                return True
            lemmas = {m.entry.key, *(a.baseform.lower() for a in (m.analysis, *m.others) if a is not None)}
            return any(terms.explained.get(lemma, m.head.i + 1) <= m.head.i for lemma in lemmas)

        return [m for m in matches if not explained(m)]

    # --- specialist terms beyond the wordlists --------------------------------------------------

    @staticmethod
    def _specialist_on(setting: Any, config: Any) -> bool:
        from plainfinnish.nlp import specialist

        if setting not in ("auto", "on", "off"):
            where = str(getattr(config, "path", None) or "configuration")
            raise ConfigError(where, f"'rules.jargon.specialist' must be \"auto\", \"on\" or \"off\", not {setting!r}")
        return setting == "on" or (setting == "auto" and bool(specialist.model()["default_on"]))

    def _specialist(self, doc: "Doc", context: RuleContext, listed: set[int], terms: Any, allow: set[str],
                    severity_fixed: bool) -> Iterator[Finding]:
        """Words no wordlist holds that the specialist model judges a term (docs/specialist.md): at
        their first use in the message, with advice and no rewrite (nothing verified to offer)."""
        from plainfinnish.nlp import specialist
        from plainfinnish.nlp.term_context import is_explained

        model = specialist.model()
        seen: set[str] = set()
        for token in doc:
            if token.i in listed or token.i in terms.protected:
                continue
            judgement = specialist.judge(token)
            if judgement is None or judgement.score < model["threshold"]:
                continue
            lemma = judgement.lemma.lower()
            if lemma in seen or lemma in allow or lemma in terms.defined:
                continue
            seen.add(lemma)
            if is_explained(token):
                continue
            kind_fi, kind_en = _KINDS[judgement.kind]
            message = context.say(
                f"Erikoistermiltä näyttävä sana: '{token.text}' ({kind_fi}). Selitä se ensimmäisellä käyttökerralla "
                "tai sano asia lukijalle tutummin sanoin.",
                f"Looks like a specialist term: '{token.text}' ({kind_en}). Explain it at first use or say it in "
                "words the reader knows.",
            )
            finding = self.finding(
                context, token.idx, token.idx + len(token.text), message,
                data={"category": "specialist", "lemma": judgement.lemma, "kind": judgement.kind,
                      "score": round(judgement.score, 3), "alternatives": []},
            )
            if not severity_fixed:
                finding.severity = "warning" if judgement.score >= model["confident"] else "info"
            yield finding

    # --- findings -----------------------------------------------------------------------------

    def _finding(self, match: Match, context: RuleContext, overrides: dict[str, list[str]], severity_fixed: bool,
                 lexicon: "Lexicon") -> Finding:
        entry = match.entry
        alternatives = overrides.get(entry.key, list(entry.alternatives))
        if match.preferred in alternatives:  # "suorittaa laskun": maksaa, not tehdä
            alternatives.remove(match.preferred)
            alternatives.insert(0, match.preferred)
        suggestions: list[Suggestion] = []
        if entry.advice and entry.key not in overrides:
            return self._advice_finding(match, context, severity_fixed, lexicon)
        for alt in alternatives:
            for suggestion in self._suggest(match, alt):
                if all(s.text != suggestion.text for s in suggestions):
                    suggestions.append(suggestion)
        doc = match.head.doc
        original = doc.char_span(match.start, match.end, alignment_mode="expand").text if match.end > match.start else ""
        shown = " tai ".join(f"'{s.text}'" for s in suggestions) if context.language != "en" else " or ".join(f"'{s.text}'" for s in suggestions)
        # A base-form alternative that could not be fitted (or a word Voikko does not know, whose
        # form is unknown) must be inflected by the writer: say so.
        orphan = _orphans_attribute(match) if len(match.tokens) > 1 else None
        unverified = orphan is None and any(s.advice for s in suggestions)
        category = _category_label(entry, context)
        message = context.say(
            f"{category}: '{original}' – kirjoita {shown}." + (" Taivuta se lauseeseen sopivaksi: muotoa ei voitu "
                                                              "vahvistaa, joten korjausta ei tehdä automaattisesti." if unverified else ""),
            f"{category}: '{original}' – write {shown}." + (" Inflect it to fit the sentence: its form could not be "
                                                          "verified, so no fix is applied." if unverified else ""),
        )
        if orphan is not None:
            message += context.say(f" Muotoile virke niin, että myös '{orphan.text}' sopii siihen; korjausta ei tehdä "
                                   "automaattisesti.",
                                   f" Rephrase the sentence so that '{orphan.text}' still fits; no fix is applied.")
        reason, note = entry.say("explanation", context.language), entry.say("note", context.language)
        message += f" {reason}" + (f" ({note})" if note else "")
        finding = self.finding(
            context, match.start, match.end, message,
            suggestions=suggestions,
            data={
                "category": entry.category,
                "category_name": entry.category_en if context.language == "en" else entry.category_fi,
                "reason": reason, "lemma": entry.label, "alternatives": alternatives,
                "source": lexicon.sources.get(entry.source, entry.source), "wordlist": entry.file,
                **({"note": note} if note else {}),
            },
        )
        if not severity_fixed:
            finding.severity = entry.severity  # the wordlist decides unless the configuration does
        return finding

    def _advice_finding(self, match: Match, context: RuleContext, severity_fixed: bool, lexicon: "Lexicon") -> Finding:
        """A construction with no word-for-word replacement ("Postin toimesta"): advice to rewrite,
        with the pattern's genitive word in its base form ("Kerro tekijä: Posti tekee …")."""
        from plainfinnish.nlp.inflect import follow_case

        entry = match.entry
        doc = match.head.doc
        kept = sorted(match.kept)
        agent = ""
        if kept:
            token = doc[kept[0]]
            reading = next((a for a in token._.analyses if a.case == "omanto"), None)
            agent = follow_case(token.text, reading.baseform) if reading is not None else token.text
        advice = (entry.say("advice", context.language) or "").replace("{jonkun}", agent or "…")
        from plainfinnish.nlp.components import doc_text  # Doc.text would join every token per match
        original = doc_text(doc)[match.start:match.end]
        category = _category_label(entry, context)
        message = context.say(f"{category}: '{original}' – {advice}", f"{category}: '{original}' – {advice}")
        reason, note = entry.say("explanation", context.language), entry.say("note", context.language)
        message += f" {reason}" + (f" ({note})" if note else "")
        finding = self.finding(
            context, match.start, match.end, message, suggestions=[Suggestion(advice, advice=True)],
            data={
                "category": entry.category,
                "category_name": entry.category_en if context.language == "en" else entry.category_fi,
                "reason": reason, "lemma": entry.label, "alternatives": [], "advice": advice,
                "source": lexicon.sources.get(entry.source, entry.source), "wordlist": entry.file,
                **({"note": note} if note else {}),
            },
        )
        if not severity_fixed:
            finding.severity = entry.severity
        return finding

    def _suggest(self, match: Match, alternative: str) -> list[Suggestion]:
        """The alternative in the form of the word it replaces. When the word's readings differ
        ("kontaktoimme": present or past), one suggestion per form, none of them safe."""
        from plainfinnish.nlp.inflect import as_attribute, fit
        from plainfinnish.nlp.verify import in_context

        agreed = _agreeing_form(match, alternative)
        if agreed is not None:
            return [self._shape(match, agreed, False)]
        forms: list[tuple[str, bool]] = []
        for reading in in_context(match.head, (match.analysis, *match.others)):
            if len(match.tokens) > 1 and reading is not None:
                reading = as_attribute(reading, alternative)  # "edellä mainituista" -> "näistä"
            form = fit(alternative, match.surface or match.head.text, reading, match.part_start, match.part_end)
            if form not in forms:
                forms.append(form)
        if len({text for text, _ in forms}) > 1:
            return [self._shape(match, text, False, self._must_inflect(match, alternative, text, verified))
                    for text, verified in dict.fromkeys(forms)]
        text, verified = forms[0]
        return [self._shape(match, text, verified, self._must_inflect(match, alternative, text, verified))]

    @staticmethod
    def _must_inflect(match: Match, alternative: str, text: str, verified: bool) -> bool:
        """Inflect or withhold: the alternative left in its base form where the slot needs another
        form (or an unknown word's form is not known) is advice, never an applicable fix."""
        if verified or text.lower() != alternative.lower():
            return False
        if match.analysis is not None and _is_uninflected(match.analysis):
            return False
        return not _fixed_phrase(alternative)  # a word that never inflects has no form to get wrong

    def _shape(self, match: Match, text: str, verified: bool, advice: bool = False) -> Suggestion:
        from plainfinnish.nlp.inflect import follow_case

        head = match.head
        # Capitalisation follows the original: a sentence that starts in lowercase (a greeting line
        # "Hei,\n\ntikettisi on …") keeps its lowercase start.
        if head.is_sent_start and text[:1].islower() and match.tokens[0] is head and head.text[:1].isupper():
            text = text[:1].upper() + text[1:]
        if advice:
            return Suggestion(text, advice=True)
        safe = verified and match.entry.is_safe
        if len(match.tokens) == 1:
            return Suggestion(text, safe=safe)
        # a construction: the head takes the alternative, the other matched words go, words between stay
        doc = head.doc
        if _orphans_attribute(match) is not None:
            return Suggestion(text, advice=True)  # "Teemme lopullisen päätöksen": not "Päätämme lopullisen"
        pieces: list[str] = []
        matched = {t.i for t in match.tokens}
        for t in doc[match.tokens[0].i: match.tokens[-1].i + 1]:
            if t.i == head.i:
                pieces.append(text + t.whitespace_)
            elif t.i not in matched or t.i in match.kept:
                pieces.append(t.text_with_ws)
        replacement = "".join(pieces).rstrip()
        if match.tokens[0].is_sent_start:
            replacement = follow_case(match.tokens[0].text, replacement)
        return Suggestion(replacement, safe=safe)


class _Memo:
    """What the rule works out from a word form alone, kept across messages for one wordlist set
    and `allow` list: most words are no entry, and a form recurs (the same analyses object)."""

    def __init__(self, lexicon: "Lexicon") -> None:
        self.lexicon = lexicon  # kept alive, so the id in the key stays its own
        # text -> (analyses, plain readings, id(reading) -> entry match, whether any reading matches)
        self.readings: dict[str, tuple] = {}
        # text -> (analyses, chosen reading, accurate profile, pattern lemma set, the pattern entries it starts)
        self.lemmas: dict[str, tuple] = {}
        # a word and the dot after it ("ko.") -> (entry, reading) or None
        self.abbreviations: dict[str, tuple | None] = {}
        # forms that match no entry wherever they stand -> True; forms that match none unless glued
        # to the next token ("joll|ei", "ko|.") -> their analyses (the object, as in `readings`)
        self.quiet: dict[str, Any] = {}
        # id(entry) -> (its pattern in lower case, the set of its words)
        self.patterns: dict[int, tuple[list[str], frozenset[str]]] = {}


_MEMOS: dict[tuple[int, frozenset[str]], _Memo] = {}
_MEMO_LIMIT = 100_000  # word forms kept per table before it starts afresh


def _memo(lexicon: "Lexicon", allow: set[str]) -> _Memo:
    key = (id(lexicon), frozenset(allow))
    memo = _MEMOS.get(key)
    if memo is None or memo.lexicon is not lexicon:
        if len(_MEMOS) > 16:
            _MEMOS.clear()
        memo = _MEMOS[key] = _Memo(lexicon)
    if len(memo.readings) > _MEMO_LIMIT:
        memo.readings.clear()
    if len(memo.lemmas) > _MEMO_LIMIT:
        memo.lemmas.clear()
    if len(memo.abbreviations) > _MEMO_LIMIT:
        memo.abbreviations.clear()
    if len(memo.quiet) > _MEMO_LIMIT:
        memo.quiet.clear()
    return memo


def _pattern_lemmas(lower: str, analyses: tuple["Analysis", ...], chosen: "Analysis | None",
                    accurate: bool) -> dict[str, "Analysis | None"]:
    """The words a pattern may name at a token: its form, its readings' base forms and verbs, and the
    wildcards it can stand for (a genitive noun phrase, an infinitive), each with its reading."""
    from plainfinnish.nlp.inflect import GENITIVE_WILDCARDS, INFINITIVE_WILDCARD, verb_lemma

    readings = ([chosen] if chosen is not None else []) if accurate else list(analyses)
    lemmas: dict[str, Analysis | None] = {lower: None}
    for a in readings:
        lemmas.setdefault(verb_lemma(a).lower(), a)
        lemmas[a.baseform.lower()] = a if a.baseform.lower() not in lemmas or lemmas[a.baseform.lower()] is None else lemmas[a.baseform.lower()]
        if a.case == "omanto" and a.word_class in ("nimisana", "asemosana", "etunimi", "sukunimi", "nimi", "paikannimi"):
            for w in GENITIVE_WILDCARDS:
                lemmas.setdefault(w, a)
    for a in analyses:
        # every reading, also in the accurate profile: the tagger often calls "lähettää" finite
        if a.mood == "A-infinitive" and a.word_class == "teonsana" and not a.possessive and not a.focus:
            lemmas.setdefault(INFINITIVE_WILDCARD, a)
    return lemmas


_ATTRIBUTE_CLASSES = {"laatusana", "nimisana_laatusana", "asemosana", "lukusana"}


def _orphans_attribute(match: Match) -> "Token | None":
    """Would dropping a matched noun leave its attribute behind? A word between the matched words
    that is adjective-, pronoun- or numeral-like and agrees with a dropped noun after it (or is a
    numeral before its partitive) belongs to that noun ("lopullisen päätöksen", "kaksi maksua")."""
    doc = match.head.doc
    matched = {t.i for t in match.tokens}
    dropped = [t for t in match.tokens if t.i != match.head.i and t.i not in match.kept]
    for noun in dropped:
        forms = {(a.case, a.number) for a in noun._.analyses if a.case}
        if not forms:
            continue
        partitive = any(case == "osanto" for case, _ in forms)
        for t in doc[match.tokens[0].i: noun.i]:
            if t.i in matched or t.is_punct or t.is_space:
                continue
            if t.like_num and partitive:
                return t
            if any((a.word_class in _ATTRIBUTE_CLASSES or a.participle) and
                   ((a.case, a.number) in forms or (a.word_class == "lukusana" and partitive))
                   for a in t._.analyses):
                return t
    return None


def _category_label(entry: "Entry", context: RuleContext) -> str:
    """'Virkakieltä', 'Lakikieltä': the category name in the partitive, verified by Voikko."""
    if context.language == "en":
        name = entry.category_en
        return name[:1].upper() + name[1:]
    from plainfinnish.nlp.inflect import noun_form

    words = entry.category_fi.split()
    form = noun_form(words[-1], "osanto") if words else None
    label = " ".join([*words[:-1], form]) if form else entry.category_fi
    return label[:1].upper() + label[1:]


def _agreeing_form(match: Match, alternative: str) -> str | None:
    """An abbreviated attribute shows no case ("ko. tuotteen"): its alternative takes the case and
    number of the noun right after it ("tämän tuotteen"), when that noun has only one."""
    from dataclasses import replace

    from plainfinnish.nlp.inflect import follow_case, inflect

    surface = match.surface or match.head.text
    if match.analysis is None or match.analysis.word_class != "lyhenne" or not surface.endswith("."):
        return None
    doc = match.head.doc
    after = match.tokens[-1].i + 1
    if after >= len(doc) or doc[after].is_sent_start:
        return None
    nouns = [a for a in doc[after]._.analyses if a.word_class == "nimisana" and a.case]
    # a possessive suffix hides the case ("tilauksesi": nominative or genitive, singular or plural)
    if not nouns or any(a.possessive for a in nouns) or len({(a.case, a.number) for a in nouns}) != 1:
        return None
    target = replace(nouns[0], possessive=None, focus=None, kysymysliite=False, participle=None, comparison=None)
    form = inflect(alternative, target)
    return follow_case(surface, form) if form else None


def _fixed_phrase(alternative: str) -> bool:
    """An alternative made only of words that never inflect ("jos", "ja niin edelleen")."""
    from plainfinnish.nlp.inflect import never_inflects

    return all(never_inflects(w) for w in alternative.split())


def _plain_readings(analyses: tuple["Analysis", ...]) -> tuple["Analysis", ...]:
    """The readings without Voikko's spurious -inen adjectives: "perintätoimenpiteisiin" is also read
    as the plural of "perintätoimenpiteinen", a derivation no one writes. Such a reading is dropped
    only when a noun reading of the same case and number exists; an -inen adjective standing alone
    ("sähköisiin") keeps its reading."""
    derived = [a for a in analyses if a.word_class in ("laatusana", "nimisana_laatusana") and _is_inen_derivation(a)]
    if not derived:
        return analyses
    nouns = [a for a in analyses if a.word_class == "nimisana"]
    return tuple(a for a in analyses if a not in derived
                 or not any(n.case == a.case and n.number == a.number and n.possessive == a.possessive for n in nouns))


def _possible_here(token: "Token", readings: list["Analysis"]) -> list["Analysis"]:
    """A connegative reading ("(ei) toimita") only right after a negation verb: "Toimita kuitti"
    is the imperative of toimittaa; and the passive's only after "ei" ("emme toimita" is toimittaa).
    One look back, so linear."""
    from plainfinnish.nlp.verify import _NEGATION_FORMS

    doc = token.doc
    prev = doc[token.i - 1].lower_ if token.i > 0 and not token.is_sent_start else ""
    if prev == "ei":
        return readings
    negated = prev in _NEGATION_FORMS
    kept = [a for a in readings if a.negative != "true" or (negated and a.person != "4")]
    if prev and not negated and _only_finite(doc[token.i - 1]):
        # two finite verbs do not stand side by side: after "on", "voit" the word is a participle or
        # an infinitive ("on ilmennyt" is not ilmentyä's 2nd person)
        kept = [a for a in kept if a.person is None or a.mood == "A-infinitive"] or kept
    return kept or readings


def _reading_here(token: "Token", lemma: str, chosen: "Analysis | None") -> "Analysis | None":
    """A pattern head's reading that the word before allows: in "Voit suorittaa maksun" the verb is
    an infinitive, so its rewrite is "maksaa", the infinitive, not the 3rd person."""
    from plainfinnish.nlp.inflect import verb_lemma

    same = [a for a in token._.analyses if lemma in (a.baseform.lower(), verb_lemma(a).lower())]
    here = _possible_here(token, same) if same else []
    infinitive = next((a for a in here if a.mood == "A-infinitive"), None)
    doc = token.doc
    if infinitive is not None and token.i > 0 and not token.is_sent_start and any(
            a.word_class == "teonsana" and a.person is not None for a in doc[token.i - 1]._.analyses):
        return infinitive  # a verb before it can govern the infinitive ("voit", "pitää", "haluatko")
    return chosen if not here or chosen in here else here[0]


def _only_finite(token: "Token") -> bool:
    readings = token._.analyses
    return bool(readings) and all(a.word_class == "teonsana" and a.person is not None and a.mood != "A-infinitive"
                                  for a in readings)


def _drop_spurious(readings: list["Analysis"], found: list, surface: str,
                   after_verb: bool) -> tuple[list["Analysis"], list]:
    """Drop Voikko's fanciful readings of a word before the readings must agree on one entry.
    A reading with more compound parts than the simplest one is fanciful ("kuuluu" = kuu+luu)
    unless it is a listed compound. Against a listed compound read whole, a reading with no entry
    is fanciful when it splits the word into the same pieces with another lemma ("tiekartta" as
    tie+karsi, "virhetilanne" as virhetila + possessive, "perintäkulut" as perintä+kulku), or when the
    word is written exactly in the compound's base form and the other reading is a derivation
    ("toimivalta" as the ablative of the participle toimiva) not right after a verb ("näyttää
    toimivalta" is the participle). A rival of the same base form is the same word read twice
    (a participle and the adjective made of it). Real homographs keep competing."""
    fewest = min(len(a.parts) for a in readings)
    listed = next((a for a, f in zip(readings, found)
                   if f is not None and f[1] == 0 and f[2] is None and len(a.parts) > 1), None)

    matched = {a.baseform.lower() for a, f in zip(readings, found) if f is not None}

    def fanciful(a: "Analysis") -> bool:
        if a.baseform.lower() in matched:
            return True  # the same word read twice ("suorittava": the participle and the adjective)
        if listed is None:
            return len(a.parts) > fewest
        pieces = [p.surface.lower() for p in a.parts]
        if len(a.parts) > 1 and pieces == [p.surface.lower() for p in listed.parts]:
            return True
        dictionary_form = listed.baseform.lower() == surface.lower() and not after_verb
        return len(a.parts) > len(listed.parts) or (dictionary_form and (
            a.participle is not None or _is_inen_derivation(a)))

    keep = [i for i, (a, f) in enumerate(zip(readings, found))
            if (a is listed or len(a.parts) == fewest or f is None) and (f is not None or not fanciful(a))]
    return [readings[i] for i in keep], [found[i] for i in keep]


def _ends_sentence(token: "Token") -> bool:
    doc = token.doc
    return token.i + 1 >= len(doc) or doc[token.i + 1].is_sent_start


def _known(word: str) -> bool:
    from plainfinnish.nlp.voikko import analyze

    return bool(analyze(word))


def _is_inen_derivation(a: "Analysis") -> bool:
    """The last compound part is a noun made into an adjective with -inen ("toimenpide" -> "toimenpiteinen")."""
    last = a.fstoutput.rsplit("[Bc]", 1)[-1]
    return "[Xj]inen[X]" in last and last.count("[Xp]") == 1


def _is_uninflected(a: "Analysis") -> bool:
    from plainfinnish.nlp.inflect import is_uninflected

    return is_uninflected(a) and a.word_class != "lyhenne"


def _reading_pos_fits(a: "Analysis", wanted: str) -> bool:
    pos = a.pos
    if wanted in ("SCONJ", "CCONJ"):
        return pos in ("CCONJ", "SCONJ", "ADV")
    if wanted == "ADP":
        return pos in ("ADP", "ADV")
    if wanted == "ADJ":
        return pos in ("ADJ", "NOUN") or bool(a.participle)
    if wanted == "AUX":
        return pos in ("AUX", "VERB")
    return pos == wanted


def _pos_fits(tagger_pos: str, wanted: str, reading: "Analysis") -> bool:
    """The tagger agrees with the entry's part of speech (closely related tags pass)."""
    if not tagger_pos or tagger_pos == wanted:
        return True
    related = {"NOUN": {"PROPN", "ADJ"}, "ADJ": {"NOUN", "VERB"}, "VERB": {"AUX", "ADJ", "NOUN"}, "AUX": {"VERB"},
               "SCONJ": {"CCONJ", "ADV"}, "CCONJ": {"SCONJ", "ADV"}, "ADV": {"ADP", "SCONJ", "CCONJ"}, "ADP": {"ADV"}}
    return tagger_pos in related.get(wanted, set())


def _is_verb_lemma(word: str) -> bool:
    """Is a pattern word a verb ("tehdä" in "tehdä päätös", not "oikeutettu" in "oikeutettu etu")?"""
    from plainfinnish.nlp.voikko import analyze

    return any(a.word_class == "teonsana" and a.baseform.lower() == word for a in analyze(word))


def _genitive_attribute(i: int, word: str, chosen: list[int], words: list["Token"]) -> bool:
    """Is the pattern noun at i, in the genitive, the complement of a postposition or of an
    unknown noun after it ("päätöksen jälkeen", "päätöksen tiedoksisaannista") rather than the
    object of the pattern's verb? Other nouns after it are left alone ("maksun eräpäivään
    mennessä" is object + adverbial): without a parse, when in doubt the pattern stands."""
    from plainfinnish.nlp.inflect import PATTERN_WILDCARDS

    if word in PATTERN_WILDCARDS or i + 1 >= len(words) or i + 1 in chosen:
        return False
    readings = [a for a in words[i]._.analyses if a.baseform.lower() == word or a.word_class == "nimisana"]
    if not readings or any(a.case != "omanto" for a in readings) or words[i].whitespace_ == "":
        return False
    from plainfinnish import datafiles

    nxt = words[i + 1]
    if nxt.lower_ in datafiles.load("structure")["grammar"]["genitive_postpositions"]:
        return True
    return not nxt._.analyses and nxt.text[:1].isalpha()  # an unknown word: a noun it modifies

def _not_object(token: "Token", word: str, reading: "Analysis | None") -> bool:
    """Is a verb pattern's noun (written in its base form: the verb's object or subject) here in a
    case no object or subject takes ("päätöksestä", "päätökseen")? Then it is not the pattern."""
    if reading is None or reading.word_class != "nimisana" or reading.baseform.lower() != word:
        return False
    return not any(a.baseform.lower() == word and a.case in ("nimento", "omanto", "osanto") for a in token._.analyses)


def _infinitive_follows(pattern: list[str], chosen: list[int], words: list["Token"],
                        lemma_sets: list[dict[str, "Analysis | None"]]) -> bool:
    """The infinitive wildcard depends on the verb before it: it follows that verb with at most
    adverbs or the necessive's genitive subject between ("tulee aina toimittaa", "tulee sinun
    toimittaa", "tulee hakijan viipymättä toimittaa"), and the verb is a 3rd person singular or
    connegative form, as in the necessive construction ("hakemukset tulee lähettää"; not "ne
    tulevat nähdä")."""
    from plainfinnish.nlp.inflect import INFINITIVE_WILDCARD, PATTERN_WILDCARDS, verb_lemma

    at = pattern.index(INFINITIVE_WILDCARD)
    verbs = [j for j, w in enumerate(pattern[:at]) if w not in PATTERN_WILDCARDS]
    if not verbs:
        return True
    verb_word, verb_at, inf_at = pattern[verbs[-1]], chosen[verbs[-1]], chosen[at]
    if not verb_at < inf_at <= verb_at + _NECESSIVE_REACH:
        return False
    if any(not _necessive_filler(words[i]) for i in range(verb_at + 1, inf_at)):
        return False
    after_negation = verb_at > 0 and any(a.word_class == "kieltosana" for a in words[verb_at - 1]._.analyses)
    for a in words[verb_at]._.analyses:
        if verb_lemma(a).lower() != verb_word or a.participle:
            continue
        if a.mood in ("indicative", "conditional", "potential") and a.person == "3" and a.number == "singular":
            return True
        if after_negation and a.negative in ("true", "both"):
            return True  # the connegative "(ei) tule"
    return False


def _attributive_participle(pattern: list[str], chosen: list[int], words: list["Token"],
                            lemma_sets: list[dict[str, "Analysis | None"]]) -> bool:
    """The pattern's verb stands as a participle attribute right before its noun, in the noun's
    case ("tehty päätös", "kunnan tekemä päätös"): a noun phrase, not the nominal construction
    "tehdä päätös" (which "on tehty päätös", with its auxiliary, still is)."""
    for j, word in enumerate(pattern):
        reading = lemma_sets[chosen[j]].get(word)
        at = chosen[j]
        if reading is None or reading.participle not in _ATTRIBUTE_PARTICIPLES or at + 1 not in chosen:
            continue
        noun = words[at + 1]
        if not any(a.case == reading.case and a.number == reading.number for a in noun._.analyses):
            continue
        before = words[at - 1] if at > 0 else None
        if before is None or not any(a.baseform in ("olla", "ei") for a in before._.analyses):
            return True
    return False


_ATTRIBUTE_PARTICIPLES = {"past_passive", "present_passive", "present_active", "agent"}


_NECESSIVE_REACH = 4  # "tulee + up to three words + infinitive"


def _necessive_filler(token: "Token") -> bool:
    """A word that may stand between necessive "tulee" and its infinitive: an adverb ("aina",
    "välittömästi", "viipymättä"), the genitive subject and its attributes ("sinun", "hankkeen
    loppupäivämäärän") or the emphatic "itse"."""
    return any(a.pos == "ADV" or a.case in ("kerrontosti", "omanto") or (a.mood == "MA-infinitive" and a.case == "vajanto")
               or a.baseform == "itse" for a in token._.analyses)


def _connected(tokens: list["Token"]) -> bool:
    """Each matched word is linked to another by one dependency (head or dependent)."""
    ids = {t.i for t in tokens}
    return all(t.head.i in ids or any(c.i in ids for c in t.children) for t in tokens)


def _in_definition_or_quote(match: Match, terms: Any) -> bool:
    """A match inside a quotation, a statute's title or a definition, a term the message defines,
    or a construction praising the customer's choice ("Teit hyvän valinnan")."""
    from plainfinnish.nlp.term_context import is_praise

    if any(t.i in terms.protected for t in match.tokens):
        return True
    if match.analysis is not None and match.analysis.baseform.lower() in terms.defined:
        return True
    return len(match.tokens) > 1 and any(is_praise(t) for t in match.tokens)


_KINDS = {
    "loan": ("lainasana", "a loan word"),
    "compound": ("harvinainen yhdyssana", "a rare compound"),
    "derived": ("harvinainen johdos", "a rare derivation"),
    "rare": ("harvinainen sana", "a rare word"),
}


RULE = Jargon
