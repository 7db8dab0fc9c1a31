"""Inflecting a plain alternative to fit the sentence, verified by Voikko.

Forms are never built by hand and trusted. The PyPI `voikko` package (Voikko's own inflection
generator) gives a noun's 25 case/number forms and a verb's principal parts. From those, candidate
forms are built (possessive suffixes on case forms; verb endings on the stems of the principal
parts) and each candidate is analysed with Voikko: a candidate is kept only when one of its
analyses has exactly the wanted base form and features (case, number, person, mood, tense,
polarity, possessive, participle). The verified forms of a word make its paradigm, cached per word.
When no candidate verifies, the caller offers the base form and says it must be inflected.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from plainfinnish.nlp.voikko import Analysis, analyze

#: The features a replacement must share with the word it replaces (clitics are handled apart).
Signature = tuple[str, str | None, str | None, str | None, str | None, str | None, str | None, str | None, str | None, str | None]

#: Pattern words standing for "any genitive noun phrase" ("jonkun toimesta").
GENITIVE_WILDCARDS = {"joku", "jonkun", "jokin", "jonkin"}
#: A pattern word standing for "any verb in the 1st infinitive" right after the pattern's verb
#: ("tulla A-infinitiivi": "asiakkaan tulee toimittaa").
INFINITIVE_WILDCARD = "a-infinitiivi"
PATTERN_WILDCARDS = GENITIVE_WILDCARDS | {INFINITIVE_WILDCARD}

CLITICS = ("kaan", "kään", "kin", "han", "hän", "pa", "pä", "ko", "kö")
_BACK = str.maketrans("äöy", "aou")
_FRONT = str.maketrans("aou", "äöy")
_LEMMA_IN_FST = re.compile(r"\[L[a-z]\]\[Xp\]([^\[]*)\[X\]")

# Verb endings in their back-vowel shape; candidates are tried on every stem and verified.
# Verb endings in their back-vowel shape, by the kind of form they make; candidates are tried on
# every stem of the principal parts and kept only when Voikko verifies them.
_VERB_ENDINGS: dict[str, tuple[str, ...]] = {
    "present": ("", "n", "t", "mme", "tte", "vat"),  # (+ the lengthened vowel of the 3rd person)
    "past": ("in", "it", "i", "imme", "itte", "ivat", "si", "sin", "sit", "simme", "sitte", "sivat"),
    "conditional": ("isin", "isit", "isi", "isimme", "isitte", "isivat", "sisin", "sisi"),
    "imperative": ("", "kaa", "koon", "kaamme", "koot", "ka", "ko"),
    "potential": ("nen", "net", "nee", "nemme", "nette", "nevat"),
    "passive": ("aan", "taan", "daan", "tiin", "ttiin", "ettiin", "taisiin", "ttaisiin", "daisiin", "aisiin",
                "ta", "tta", "da", "a", "takoon", "ttakoon"),
    "A-infinitive": ("a", "da", "ta", "la", "ra", "na"),
    "E-infinitive": ("essa", "en", "ssa", "dessa", "tessa", "lessa", "ressa", "nessa", "den", "ten", "len"),
    "MA-infinitive": ("maan", "massa", "masta", "malla", "matta", "man", "maisillaan"),
    "participle": ("va", "nut", "nyt", "lut", "rut", "sut", "tu", "ttu", "du", "lu", "ru", "nu", "tava", "ttava", "dava",
                   "ma", "maton", "neet", "vat"),
    "MINEN-infinitive": ("minen",),
}
_POSSESSIVE_SUFFIXES = ("ni", "si", "mme", "nne", "nsa", "nsä", "sa", "sä")


def signature(a: Analysis) -> Signature:
    group = "V" if a.word_class in ("teonsana", "kieltosana") else "N"
    # the backends differ in NEGATIVE on nouns and clitic forms; only a verb's polarity matters
    negative = a.negative if group == "V" and a.negative in ("true", "both") else None
    case = a.case
    if a.mood == "E-infinitive" and case is None:
        # Voikko gives no case for the 2nd infinitive: tell "käyttäen" (instructive) from "käyttäessä" (inessive)
        case = "keinonto" if a.fstoutput.rsplit("[Tn2]", 1)[-1].startswith("en") else "sisaolento"
    return (group, case, a.number, a.person, a.mood, a.tense, negative, a.possessive, a.participle, a.comparison)


def verb_lemma(a: Analysis) -> str:
    """The verb behind an analysis: its base form, or for a participle or MINEN noun the verb it is made from."""
    if a.word_class == "teonsana":
        return a.baseform
    if not a.participle or a.is_compound:
        return a.baseform  # a derived noun ("toimitus") is a word of its own
    m = _LEMMA_IN_FST.search(a.fstoutput)
    if m and a.fstoutput.startswith("[Lt]"):
        return m.group(1).replace("=", "")
    return a.baseform


def _is_front(word: str) -> bool:
    """Front harmony: the last harmonic vowel decides, so a compound follows its last part
    ("tukipyynnössä" + "kään"); a word of neutral vowels only ("tiketti") is front."""
    for c in reversed(word.lower()):
        if c in "aou":
            return False
        if c in "äöy":
            return True
    return True


def harmonise(ending: str, word: str) -> str:
    return ending.translate(_FRONT) if _is_front(word) else ending.translate(_BACK)


def _generated(word: str) -> list[dict[str, list[str]]]:
    """The generator's forms of `word`: one dict (form name -> forms) per inflection class, as
    `voikko.inflect_word.generate_forms` gives them for the classes `_inflection_classes` picks."""
    classes = _word_classes()
    chosen = _inflection_classes(word)
    if chosen is None and classes.shipped:
        chosen = _generator_choice(word, classes)
    if chosen is None or not classes.shipped:
        from voikko import inflect_word  # its own choice (a few short words), or no shipped list

        try:
            return inflect_word.generate_forms(word, infl_classes=chosen)
        except Exception:  # noqa: BLE001 - the generator guesses classes and can fail on odd words
            return []
    try:
        return [forms for forms in (_inflect_with_class(word, c) for c in chosen) if forms is not None]
    except Exception:  # noqa: BLE001 - as above
        return []


class _WordClasses:
    """The generator's word list (its sanat.txt: word -> inflection classes, in the file's order),
    by reversed word: `get` a word's classes, and `reversed_words`, sorted, for the nearest ending.
    `shipped`: read from the copy in plainfinnish/data (INFLECTION_CLASSES), made for the installed
    generator: then the generator module itself, which parses its 46,000-word file and its affix
    files on import (about 0.07 s), is not imported."""

    def __init__(self, reversed_words: list[str], classes: list[str], shipped: bool) -> None:
        self.reversed_words = reversed_words
        self.classes = classes  # each word's classes joined by spaces
        self.shipped = shipped

    def get(self, word: str) -> list[str] | None:
        from bisect import bisect_left

        key = word[::-1]
        at = bisect_left(self.reversed_words, key)
        if at < len(self.reversed_words) and self.reversed_words[at] == key:
            return self.classes[at].split(" ")
        return None


#: The generator's word list, prepared by scripts/build_paradigms.py: gzip of a JSON line
#: {"generator": generator_identity()}, then the reversed words sorted, one per line, a blank line,
#: and each word's classes (space-separated) in the same order.
INFLECTION_CLASSES = "inflection_classes.txt.gz"
INFLECTION_CLASSES_PATH = Path(__file__).resolve().parent.parent / "data" / INFLECTION_CLASSES


@lru_cache(maxsize=1)
def _word_classes() -> _WordClasses:
    shipped = _read_word_classes()
    if shipped is not None:
        return shipped
    from voikko import inflect_word

    return word_classes_of(inflect_word.WORD_CLASSES, shipped=False)


def word_classes_of(table: dict[str, list[str]], shipped: bool = True) -> _WordClasses:
    """A `_WordClasses` of the generator's table (word -> classes)."""
    words = sorted(table, key=lambda w: w[::-1])
    return _WordClasses([w[::-1] for w in words], [" ".join(table[w]) for w in words], shipped)


def encode_word_classes(table: dict[str, list[str]]) -> bytes:
    """The INFLECTION_CLASSES file for the generator's table (the same table gives the same bytes)."""
    import gzip
    import json

    index = word_classes_of(table)
    text = json.dumps({"generator": generator_identity()}) + "\n" + "\n".join(index.reversed_words) + "\n\n" + \
        "\n".join(index.classes)
    return gzip.compress(text.encode("utf-8"), 9, mtime=0)


def _read_word_classes() -> _WordClasses | None:
    import gzip
    import json

    try:
        text = gzip.decompress(INFLECTION_CLASSES_PATH.read_bytes()).decode("utf-8")
        head, _, body = text.partition("\n")
        words, _, classes = body.partition("\n\n")
        if json.loads(head).get("generator") != generator_identity():
            return None  # made for another generator version: its own list decides
    except (OSError, ValueError, EOFError):
        return None
    return _WordClasses(words.split("\n"), classes.split("\n"), shipped=True)


def _generator_choice(word: str, classes: _WordClasses) -> list[str] | None:
    """The classes `generate_forms` picks itself when given none: a listed word's, or by its
    suffix rules; None for the rest (its similarity sort over the whole list)."""
    listed = classes.get(word)
    if listed is not None:
        return listed
    if len(word) > 3 and word[-3:] in ("ttu", "tty"):
        return ["subst-valo-av1"]
    if len(word) > 3 and word[-3:] in ("uus", "yys"):
        return ["subst-kalleus"]
    if len(word) > 3 and word[-2:] in ("ja", "jä"):
        return ["subst-kulkija"]
    if len(word) > 4 and word[-3:] in ("ton", "tön"):
        return ["subst-onneton-av2"]
    return None


@lru_cache(maxsize=1)
def _inflection_types() -> dict[str, list]:
    """The generator's noun and verb inflection types, read from its affix files."""
    from voikko import voikkoinfl

    folder = Path(voikkoinfl.__file__).resolve().parent
    return {"subst": voikkoinfl.readInflectionTypes(str(folder / "subst.aff")),
            "verbi": voikkoinfl.readInflectionTypes(str(folder / "verb.aff"))}


def _inflect_with_class(word: str, full_class: str) -> dict[str, list[str]] | None:
    """What `generate_forms` gives for one class ("subst-valo-av1"): form name -> forms."""
    from voikko import voikkoinfl

    parts = full_class.split("-")
    if len(parts) not in (2, 3) or parts[0] not in ("subst", "verbi"):
        return None  # the generator would exit the process on such a class
    forms: dict[str, list[str]] = {}
    for inflected in voikkoinfl.inflectWord(word, "-".join(parts[1:]), _inflection_types()[parts[0]]):
        found = forms.setdefault(inflected.formName, [])
        if inflected.inflectedWord not in found:
            found.append(inflected.inflectedWord)
    return forms


def _inflection_classes(word: str) -> list[str] | None:
    """The inflection classes for a word the generator's word list lacks.

    The generator would otherwise sort its whole word list (46,000 words) by ending similarity on
    every call. A compound inflects like its last part, so that part's classes are taken; failing
    that, the listed word with the longest common ending (found by bisection over reversed words,
    the same choice the generator makes). None lets the generator decide (listed words and its own
    suffix rules)."""
    from bisect import bisect_left

    classes = _word_classes()
    if classes.get(word) is not None or (len(word) > 3 and word[-3:] in ("ttu", "tty", "uus", "yys", "ton", "tön")) or (
        len(word) > 3 and word[-2:] in ("ja", "jä")
    ):
        return None
    for analysis in analyze(word):
        if analysis.is_compound:
            found = classes.get(analysis.parts[-1].lemma)
            if found is not None:
                return found
    reversed_word = word[::-1]
    words = classes.reversed_words
    at = bisect_left(words, reversed_word)

    def shared(k: int) -> tuple[int, int]:
        candidate, n = words[k], 0
        for a, b in zip(reversed_word, candidate):
            if a != b:
                break
            n += 1
        return n, -len(candidate)

    neighbours = range(max(0, at - 2), min(len(words), at + 2))
    if not neighbours:
        return None
    return classes.classes[max(neighbours, key=shared)].split(" ")


def _same_lemma(a: Analysis, lemma: str) -> bool:
    low = lemma.lower()
    return a.baseform.lower() == low or verb_lemma(a).lower() == low


def form_group(sig: Signature) -> str:
    """Which kind of form a signature is, so that only the candidates of that kind are built."""
    group, case, _number, person, mood, tense, _neg, _poss, participle, _comp = sig
    if participle:
        return "participle"
    if group == "N" or mood is None:
        return "N"
    if mood == "MINEN-infinitive":
        return "MINEN-infinitive"
    if mood in ("A-infinitive", "E-infinitive", "MA-infinitive"):
        return mood
    if person == "4":
        return "passive"
    if mood == "indicative":
        return "past" if tense == "past_imperfective" else "present"
    if mood in ("conditional", "imperative", "potential"):
        return mood
    return "present"


@lru_cache(maxsize=8192)
def paradigm(lemma: str, group: str = "N") -> dict[Signature, str]:
    """The verified forms of one kind (`form_group`) of a word: signature -> surface form.

    From the shipped table (`PARADIGM_DATA`) when the word is in it and the running Voikko is the
    one the table was verified with; else generated and verified now (`generate_paradigm`)."""
    shipped = _shipped_paradigm(lemma, group)
    if shipped is not None:
        return shipped
    if len(_generated_paradigms) > 8192:  # as many as the cache keeps
        _generated_paradigms.clear()
    _generated_paradigms.add((lemma, group))
    return generate_paradigm(lemma, group)


#: (lemma, group) pairs `paradigm` has generated (and keeps): `first_form` reads those whole.
_generated_paradigms: set[tuple[str, str]] = set()


#: The groups a verb's paradigm is generated in (`form_group`); "N" asks for the present.
VERB_GROUPS = ("N", "present", "past", "conditional", "imperative", "potential", "passive", "A-infinitive",
               "E-infinitive", "MA-infinitive", "participle", "MINEN-infinitive")


def paradigm_groups(lemma: str) -> tuple[str, ...]:
    """The groups whose paradigms of `lemma` can differ: every verb group for a verb, else only "N"
    (a noun's, a pronoun's and the negation verb's paradigms do not depend on the group)."""
    readings = _own_readings(lemma)
    if not readings or any(a.word_class == "kieltosana" for a in readings) or lemma.lower() in _PRONOUNS:
        return ("N",)
    return VERB_GROUPS if any(a.word_class == "teonsana" for a in readings) else ("N",)


def generate_paradigm(lemma: str, group: str = "N") -> dict[Signature, str]:
    """`paradigm` generated and verified with the running Voikko (about 10 ms a call on libvoikko).

    The first verified candidate of a signature wins. Verbs are generated by kind of form so that
    only a few hundred candidates are analysed at a time (the pure-pip backend is slow)."""
    forms: dict[Signature, str] = {}
    readings = _own_readings(lemma)
    if not readings:
        return forms
    if any(a.word_class == "kieltosana" for a in readings):
        # the negative verb and its conjunction forms (ei, ellei, jollei) inflect only in person
        stem = lemma[:-1]
        _verify_into(forms, [stem + e for e in ("n", "t", "i", "mme", "tte", harmonise("ivat", "ä"))], lemma)
        return forms
    if lemma.lower() in _PRONOUNS:
        # the generator inflects pronouns as nouns ("tämää"); their forms are listed, and still verified
        for base, candidates in _PRONOUNS[lemma.lower()].items():
            _verify_into(forms, candidates.split(), base)
        return forms
    candidates, group = _candidates(lemma, group, readings)
    _verify_into(forms, candidates, lemma)
    if group in ("participle", "MINEN-infinitive"):
        # participles and -minen nouns inflect like nouns: expand each verified nominative
        bases = [f for sig, f in forms.items() if sig[1] == "nimento" and sig[2] == "singular" and not sig[7]]
        for base in bases:
            _verify_into(forms, _noun_candidates(base), lemma)
    elif group in ("A-infinitive", "E-infinitive", "MA-infinitive"):
        # infinitives take possessive suffixes ("maksaakseni", "maksaessasi", "maksamassaan")
        infinitives = [f for s, f in forms.items() if not s[7]]
        extra = [lemma + harmonise(e, lemma) for e in ("kseni", "ksesi", "kseen", "ksemme", "ksenne")]
        _verify_into(forms, [*extra, *_with_possessives(infinitives)], lemma)
    return forms


def _own_readings(lemma: str) -> list[Analysis]:
    """The readings of a word whose base form it is."""
    return [a for a in analyze(lemma) if a.baseform.lower() == lemma.lower()]


#: The verb groups `generate_paradigm` builds in two passes (forms made from the first pass's forms).
_TWO_PASS_GROUPS = ("participle", "MINEN-infinitive", "A-infinitive", "E-infinitive", "MA-infinitive")


def _candidates(lemma: str, group: str, readings: list[Analysis]) -> tuple[list[str], str]:
    """The candidates of `generate_paradigm`'s first pass over a noun or a verb (the only pass but
    for `_TWO_PASS_GROUPS`), and the group they are of ("N" for a noun, whatever was asked)."""
    if not any(a.word_class == "teonsana" for a in readings):
        return _noun_candidates(lemma), "N"
    if group == "N":
        group = "present"
    endings = _VERB_ENDINGS.get(group, _VERB_ENDINGS["present"])
    return _verb_candidates(lemma, endings, lengthen=group == "present"), group


# --- Paradigms prepared ahead ---------------------------------------------------------------------
#
# Generating and verifying a paradigm costs about 10 ms (hundreds of candidates, each analysed).
# scripts/build_paradigms.py does it once for every word a wordlist alternative needs (and for the
# wordlists' own words and everyday verbs and nouns, which other rules inflect) and ships the
# verified forms; at run time they are read (once, and only when a suggestion needs a form) when the
# running Voikko is the one they were verified with. Any other word, or another Voikko (pyvoikko, another
# dictionary version, which may read words differently), is generated and verified as before.

#: The shipped table, plainfinnish/data/<PARADIGM_DATA>: one line of JSON, then one zlib-compressed
#: JSON object per word. The line holds the "header" (the Voikko the forms were verified with,
#: `voikko_identity`, and the generator of the candidates, `generator_identity`), the "signatures"
#: (each distinct one once) and the "index" (word -> [offset, length] of its object after the
#: line), so that reading the table costs a small parse and each
#: word is decompressed only when asked for. A word's object maps a group to its forms; a word whose
#: paradigm does not depend on the group (`paradigm_groups`) has only ANY_GROUP, a verb the groups
#: that were prepared for it (a group missing is generated). Forms are "<signature index>:<form>"
#: items joined by spaces, in the order `generate_paradigm` gives them; "@<group>" stands for
#: another group's identical forms.
PARADIGM_DATA = "paradigms.bin"
ANY_GROUP = "*"
PARADIGM_PATH = Path(__file__).resolve().parent.parent / "data" / PARADIGM_DATA
#: Where libvoikko looks for its dictionary after $VOIKKO_DICTIONARY_PATH (its documented order).
_DICTIONARY_DIRS = ("~/.voikko", "~/.config/voikko", "/etc/voikko", "/usr/lib/voikko", "/usr/share/voikko",
                    "/usr/local/lib/voikko", "/usr/local/share/voikko")


def voikko_identity() -> dict[str, str]:
    """The running Voikko as the table's header records it: backend, its version and its dictionary."""
    from plainfinnish.nlp.voikko import backend

    running = backend()
    return {"backend": running.name, "version": running.version, "dictionary": _dictionary_version(running.name)}


def generator_identity() -> str:
    """The inflection generator the candidates come from (recorded too: another version could
    offer other candidates, so the first verified form of a signature could differ)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"voikko (PyPI inflection generator) {version('voikko')}"
    except PackageNotFoundError:
        return "missing"


def _dictionary_version(backend_name: str) -> str:
    """The voikko-fi version libvoikko reads ("voikko-fi 2.5, built …"); pyvoikko's own transducer
    comes with the package, whose version the backend's names."""
    if backend_name != "libvoikko":
        return "bundled with the backend"
    dirs = [d for d in os.environ.get("VOIKKO_DICTIONARY_PATH", "").split(os.pathsep) if d]
    for folder in (*dirs, *_DICTIONARY_DIRS):
        index = Path(folder).expanduser() / "5" / "mor-standard" / "index.txt"
        try:
            text = index.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        version = fields.get("SM-Version", "").strip() or "unknown"
        return f"voikko-fi {version}, built {fields.get('Build-Date', '').strip() or 'unknown'}"
    return "unknown"


class _Table:
    """The shipped table, read once: the index parsed, each word's forms decoded on first use."""

    def __init__(self, data: bytes) -> None:
        import json

        line, _, self.blobs = data.partition(b"\n")
        head = json.loads(line)
        self.header: dict = head["header"]
        self.signatures: list[Signature] = [tuple(s) for s in head["signatures"]]  # type: ignore[misc]
        self.index: dict[str, list[int]] = head["index"]

    def groups(self, word: str) -> dict[str, str] | None:
        import json
        import zlib

        at = self.index.get(word)
        if at is None:
            return None
        return json.loads(zlib.decompress(self.blobs[at[0]: at[0] + at[1]]))


_table: list = []  # [the _Table] once read; [None] when it is missing or made with another Voikko or generator


def _paradigm_table() -> _Table | None:
    if not _table:
        _table.append(_read_table())
    return _table[0]


def _read_table() -> _Table | None:
    try:
        table = _Table(PARADIGM_PATH.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no table (a source checkout before the build): generate
    header = table.header
    return table if header.get("voikko") == voikko_identity() and header.get("generator") == generator_identity() else None


def _shipped_paradigm(lemma: str, group: str) -> dict[Signature, str] | None:
    """`lemma`'s paradigm of `group` from the shipped table; None when the table does not have it."""
    table = _paradigm_table()
    groups = table.groups(lemma) if table is not None else None
    if groups is None:
        return None
    encoded = groups.get(group)
    if encoded is None:
        encoded = groups.get(ANY_GROUP)
        if encoded is None:
            return None  # a verb's group that was not prepared
    if encoded.startswith("@"):
        encoded = groups[encoded[1:]]
    return decode_forms(encoded, table.signatures)  # type: ignore[union-attr]


def encode_forms(forms: dict[Signature, str], index: dict[Signature, int]) -> str:
    """Forms as the table stores them (`index` numbers the signatures; new ones are added)."""
    items = []
    for sig, form in forms.items():
        if not form or any(c.isspace() for c in form):
            raise ValueError(f"a form the table cannot hold: {form!r}")
        items.append(f"{index.setdefault(sig, len(index))}:{form}")
    return " ".join(items)


def decode_forms(encoded: str, signatures: list[Signature]) -> dict[Signature, str]:
    forms: dict[Signature, str] = {}
    for item in encoded.split(" ") if encoded else ():
        number, _, form = item.partition(":")
        forms[signatures[int(number)]] = form
    return forms


#: Demonstrative pronouns as alternatives ("kyseinen" -> "tämä"): their case forms, by the base
#: form Voikko gives them (the plural of "tämä" is read as "nämä").
_PRONOUNS: dict[str, dict[str, str]] = {
    "tämä": {"tämä": "tämä tämän tätä tässä tästä tähän tällä tältä tälle tänä täksi",
             "nämä": "nämä näiden näitä näissä näistä näihin näillä näiltä näille näinä näiksi"},
    "se": {"se": "se sen sitä siinä siitä siihen sillä siltä sille sinä siksi",
           "ne": "ne niiden niitä niissä niistä niihin niillä niiltä niille niinä niiksi"},
}


def noun_form(lemma: str, case: str, number: str = "singular") -> str | None:
    """A plain case form of a noun (no possessive), verified; None when none verifies."""
    return first_form(lemma, "N", lambda sig: sig[0] == "N" and sig[1] == case and sig[2] == number
                      and not sig[7] and not sig[8])


def first_form(lemma: str, group: str, accept: Callable[[Signature], bool]) -> str | None:
    """The form of the first signature `accept` takes in `paradigm(lemma, group)`, in its order:
    exactly `next(f for s, f in paradigm(...).items() if accept(s))`. A word outside the shipped
    table is not generated whole for it: its candidates are verified in order only up to the
    first that Voikko reads with such a signature (a rare noun has thousands of candidates)."""
    if _shipped_paradigm(lemma, group) is None and (lemma, group) not in _generated_paradigms:
        readings = _own_readings(lemma)
        two_pass = group in _TWO_PASS_GROUPS and any(a.word_class == "teonsana" for a in readings)
        if readings and not two_pass and lemma.lower() not in _PRONOUNS \
                and not any(a.word_class == "kieltosana" for a in readings):
            candidates, _group = _candidates(lemma, group, readings)
            return next((cand for sig, cand in verified(candidates, lemma) if accept(sig)), None)
    return next((form for sig, form in paradigm(lemma, group).items() if accept(sig)), None)


def verified(candidates: Iterable[str], lemma: str) -> Iterator[tuple[Signature, str]]:
    """(signature, candidate) for each reading of each new candidate that Voikko verifies, in order."""
    seen: set[str] = set()
    for cand in candidates:
        if not cand or cand in seen:
            continue
        seen.add(cand)
        for a in analyze(cand):
            if _same_lemma(a, lemma) and not a.focus and not a.kysymysliite and not _has_clitic_tail(a):
                yield signature(a), cand


def _verify_into(forms: dict[Signature, str], candidates: Iterable[str], lemma: str) -> None:
    for sig, cand in verified(candidates, lemma):
        forms.setdefault(sig, cand)


def _has_clitic_tail(a: Analysis) -> bool:
    return a.fstoutput.endswith(("han[Ef]", "hän[Ef]", "pa[Ef]", "pä[Ef]"))


def _noun_candidates(lemma: str) -> list[str]:
    case_forms: list[str] = [lemma]
    # a compound inflects in its last part: generate that part's forms and keep the rest
    prefix, last = "", lemma
    for a in analyze(lemma):
        if a.is_compound and a.baseform.lower() == lemma.lower():
            prefix = "".join(p.surface for p in a.parts[:-1])
            if lemma.lower().startswith(prefix.lower()):
                prefix, last = lemma[: len(prefix)], a.parts[-1].lemma
                break
            prefix = ""
    for homonym in _generated(last):
        for variants in homonym.values():
            case_forms.extend(prefix + v for v in variants)
    if prefix:
        for homonym in _generated(lemma):
            for variants in homonym.values():
                case_forms.extend(variants)
    return case_forms + _with_possessives(case_forms)


def _with_possessives(forms: list[str]) -> list[str]:
    out = []
    for form in forms:
        for cut in (0, 1, 2):
            stem = form[: len(form) - cut] if cut else form
            if not stem:
                continue
            # the lengthened vowel first: "valituksessaan", not the archaic "valituksessansa"
            for suffix in (stem[-1] + "n", *_POSSESSIVE_SUFFIXES):
                out.append(stem + suffix)
    return out


def _verb_candidates(lemma: str, ending_set: tuple[str, ...], lengthen: bool) -> list[str]:
    parts: dict[str, list[str]] = {}
    for homonym in _generated(lemma):
        for name, variants in homonym.items():
            parts.setdefault(name, []).extend(variants)
    stems: list[str] = []

    def add(stem: str) -> None:
        if stem and stem not in stems:
            stems.append(stem)

    for p in parts.get("preesens_yks_1", []):
        add(p[:-1])
    for p in parts.get("kondit_yks_3", []):
        add(p[:-3])
    for p in parts.get("imperatiivi_yks_3", []):
        add(p[:-4])
    for p in parts.get("imperfekti_yks_3", []):
        add(p[:-1])
    for p in parts.get("partisiippi_2", []):
        add(p[:-3])
    for p in parts.get("imperfekti_pass", []):
        for cut in (4, 5, 6):
            add(p[:-cut])
    for cut in (1, 2, 3):
        add(lemma[:-cut])
    for stem in list(stems):
        add(stem[:-1])
        if stem and stem[-1] not in "aeiouyäö":
            for vowel in "aeiou":
                add(stem + harmonise(vowel, lemma))
    out = [lemma, *(v for vs in parts.values() for v in vs)]
    endings = [harmonise(e, lemma) for e in ending_set]
    for stem in stems:
        out.extend(stem + e for e in endings)
        if lengthen and stem[-1:] in "aeiouyäö":
            out.append(stem + stem[-1])  # 3rd person singular present: the vowel lengthens
    return out


# --- Fitting an alternative into the place of a word ---------------------------------------------


def clitic_of(surface: str, analysis: Analysis) -> tuple[str, str]:
    """(the word without its clitic, the clitic) — the clitic only when Voikko agrees it is one."""
    lower = surface.lower()
    sig = signature(analysis)
    for clitic in CLITICS:
        if lower.endswith(clitic) and len(lower) > len(clitic) + 1:
            stem = surface[: -len(clitic)]
            if any(a.baseform == analysis.baseform and signature(a) == sig for a in analyze(stem)):
                return stem, surface[-len(clitic):]
    return surface, ""


def follow_case(original: str, new: str) -> str:
    """Capitalisation follows the original: ALL CAPS, Capitalised or as written."""
    if len(original) > 1 and original.isupper():
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def inflect(lemma: str, target: Analysis) -> str | None:
    """`lemma` in the form of `target` (a verified form), or None."""
    sig = signature(target)
    forms = paradigm(lemma, form_group(sig))
    if sig in forms:
        return forms[sig]
    group, case, number, person, mood, tense, negative, *rest = sig
    if (mood, person, tense) in (("imperative", "2", "present_simple"), ("indicative", "3", "present_simple")) \
            and negative in ("both", None):
        # a contracted verb's "varaa" is read once, as the 3rd person present that is also the
        # connegative and the imperative: look for the other verb's form under that reading too
        both = (group, case, number, "3", "indicative", tense, "both", *rest)
        form = paradigm(lemma, "present").get(both)
        if form is not None:
            return form
    if sig[-1] in (None, "positive"):
        # an adjective's positive degree and a pronoun's no degree fill the same slot ("kyseisen" -> "tämän")
        return forms.get((*sig[:-1], "positive" if sig[-1] is None else None))
    return None


def _add_clitic(form: str, clitic: str, lemma: str) -> str | None:
    if not clitic:
        return form
    new = form + harmonise(clitic.lower(), form)
    # the same base form as the form without the clitic ("näissä" and "näissäkin" are both "nämä")
    bases = {a.baseform.lower() for a in analyze(form)} | {lemma.lower()}
    return new if any(a.baseform.lower() in bases or _same_lemma(a, lemma) for a in analyze(new)) else None


def _head_index(words: list[str], verb: bool) -> int:
    """Which word of a multi-word alternative carries the inflection: the verb, else the last word."""
    if verb:
        for i, w in enumerate(words):
            if any(a.word_class == "teonsana" and a.baseform == w for a in analyze(w)):
                return i
    return len(words) - 1


def never_inflects(word: str) -> bool:
    """A word whose reading as written is uninflected ("noin", "vuoksi" the postposition)."""
    return any(is_uninflected(a) and a.baseform.lower() == word.lower() for a in analyze(word))


def is_uninflected(a: Analysis) -> bool:
    """Words with no inflection to carry over (conjunctions, adverbs, particles, abbreviations with a dot)."""
    return not any((a.case, a.person, a.mood, a.possessive, a.participle))


def as_attribute(analysis: Analysis, alternative: str) -> Analysis:
    """The slot of an attributive participle ("edellä mainitun") for a nominal alternative: its case and
    number, not its verb form ("tämän"); a participle alternative keeps its own kind ("seuraavalta")."""
    word = alternative.split()[-1]
    if not (analysis.participle and analysis.case) or any(a.word_class == "teonsana" for a in analyze(word)):
        return analysis
    from dataclasses import replace

    own = next((a.participle for a in analyze(word) if a.case and a.baseform.lower() == word.lower()), None)
    return replace(analysis, participle=own)


def fit(alternative: str, surface: str, analysis: Analysis | None, part_start: int = 0, part_end: int | None = None) -> tuple[str, bool]:
    """The alternative shaped to replace `surface` (whose reading is `analysis`), and whether that form
    was verified. For a compound, parts[part_start:part_end] are replaced and the other parts kept."""
    if analysis is None:
        return alternative, False
    parts = analysis.parts
    part_end = len(parts) if part_end is None else part_end
    whole = part_start == 0 and part_end >= len(parts)
    abbreviation = analysis.word_class == "lyhenne"
    if abbreviation:
        if whole and all(never_inflects(w) for w in alternative.split()):
            return follow_case(surface, alternative), True  # "n." -> "noin": no form to carry over
        if surface.endswith(".") or not whole:
            return alternative, False  # "ko. tuotteen": the abbreviation does not show the case needed
        surface = surface.lower()  # "ALV:n" -> "arvonlisäveron"; the rule capitalises at a sentence start
    words = alternative.split()
    if is_uninflected(analysis) and whole:
        return follow_case(surface, alternative), all(analyze(w) for w in words)
    if not whole and (len(words) > 1 or "".join(p.surface for p in parts).lower() != surface.lower()):
        return alternative, False
    stripped, clitic = clitic_of(surface, analysis)
    if not whole:
        return _fit_compound(alternative, surface, analysis, part_start, part_end, clitic)
    head = _head_index(words, analysis.word_class == "teonsana" or bool(analysis.participle))
    form = inflect(words[head], analysis)
    if form is None:
        return alternative, False
    form = _add_clitic(form, clitic, words[head])
    if form is None:
        return alternative, False
    words[head] = form
    # a multi-word noun alternative agrees only in its head: safe only for verb phrases
    verified = len(words) == 1 or analysis.word_class == "teonsana"
    return follow_case(surface, " ".join(words)), verified


def _fit_compound(alternative: str, surface: str, analysis: Analysis, start: int, end: int, clitic: str) -> tuple[str, bool]:
    parts = analysis.parts
    start = _shared_lead(parts[:start], alternative)
    prefix = "".join(p.surface for p in parts[:start])
    sig = signature(analysis)
    if end >= len(parts):
        # the alternative takes the place of the head: it carries the inflection
        form = inflect(alternative, analysis)
        if form is None:
            return alternative, False
        new = prefix + form
    else:
        run = "".join(p.surface for p in parts[start:end])
        run_lemma = "".join(p.surface for p in parts[start:end - 1]) + parts[end - 1].lemma
        if run.lower() != run_lemma.lower():
            return alternative, False  # the part is itself inflected inside the compound
        new = prefix + alternative + "".join(p.surface for p in parts[end:])
        if clitic:
            new = new[: -len(clitic)]
    new = new.lower() if not prefix and surface[:1].isupper() else new
    if not any(signature(a) == sig for a in analyze(new)):
        return alternative, False
    if clitic:
        with_clitic = new + harmonise(clitic.lower(), new)
        if not analyze(with_clitic):
            return alternative, False
        new = with_clitic
    return follow_case(surface, new), True


def _shared_lead(kept: tuple, alternative: str) -> int:
    """How many of the kept leading parts stay when the alternative itself begins with the last of
    them ("tuki|tiketti" -> "tukipyyntö", not "tukitukipyyntö")."""
    alt_parts = min((a.parts for a in analyze(alternative) if a.baseform.lower() == alternative.lower()),
                    key=len, default=())
    lemmas = [p.lemma.lower() for p in alt_parts]
    for n in range(min(len(kept), len(lemmas) - 1), 0, -1):
        if [p.lemma.lower() for p in kept[len(kept) - n:]] == lemmas[:n]:
            return len(kept) - n
    return len(kept)


def check_alternative(alternative: str, inflects: bool = True) -> str | None:
    """A problem with an alternative for `wordlists check` (None: it is known and inflects).

    With `inflects=False` (the flagged word never inflects: "jne.", "mikäli") the alternative is a
    fixed phrase ("ja niin edelleen") and only needs every word known to Voikko."""
    for word in alternative.split():
        if not analyze(word) and not analyze(word.lower()):  # pyvoikko knows "ely-keskus", not "ELY-keskus"
            return f"Voikko does not know {word!r}"
    if not inflects:
        return None
    words = alternative.split()
    head = words[_head_index(words, True)]
    readings = [a for a in analyze(head) or analyze(head.lower()) if a.baseform.lower() == head.lower()]
    if not readings:
        return f"{head!r} is not a base form (give alternatives as base forms)"
    if all(is_uninflected(a) for a in readings):
        return None
    if not _verified_any(head):
        return f"no inflected form of {head!r} could be generated and verified"
    return None


def _verified_any(lemma: str) -> bool:
    """At least one verified form other than the base form (nouns: case forms; verbs: the present)."""
    return any(form.lower() != lemma.lower() for form in paradigm(lemma, "N").values())
