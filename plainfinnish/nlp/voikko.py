"""Voikko morphology behind one small interface, from native libvoikko or pure-pip pyvoikko.

libvoikko (Debian `libvoikko1` + `voikko-fi`) is fast and complete; pyvoikko + kfst-rs ships its
own copy of the voikko-fi transducer and installs from PyPI alone. Both give the same
transducer output (FSTOUTPUT), so analyses are normalised from it into `Analysis` objects.
Analyses are cached per word form across documents.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

# Voikko's Finnish class names -> Universal POS tags.
CLASS_TO_POS = {
    "nimisana": "NOUN",
    "laatusana": "ADJ",
    "nimisana_laatusana": "ADJ",
    "teonsana": "VERB",
    "seikkasana": "ADV",
    "asemosana": "PRON",
    "suhdesana": "ADP",
    "huudahdussana": "INTJ",
    "sidesana": "CCONJ",
    "etunimi": "PROPN",
    "sukunimi": "PROPN",
    "paikannimi": "PROPN",
    "nimi": "PROPN",
    "kieltosana": "AUX",
    "lyhenne": "NOUN",
    "lukusana": "NUM",
    "etuliite": "X",
}


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a compound word: its surface text and its base form."""

    surface: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a word form, with Voikko's own attribute names in English."""

    baseform: str
    word_class: str  # Voikko CLASS: nimisana, teonsana, …
    case: str | None = None  # SIJAMUOTO: nimento, omanto, …
    number: str | None = None  # singular / plural
    person: str | None = None  # 1, 2, 3, 4 (= passive)
    mood: str | None = None  # indicative, conditional, imperative, potential, A-infinitive, …
    tense: str | None = None
    negative: str | None = None
    possessive: str | None = None  # 1s, 2s, 3, 1p, 2p
    focus: str | None = None  # kin, kaan
    kysymysliite: bool = False  # the -ko/-kö clitic
    participle: str | None = None
    comparison: str | None = None
    parts: tuple[Part, ...] = ()
    fstoutput: str = ""

    @property
    def pos(self) -> str:
        return CLASS_TO_POS.get(self.word_class, "X")

    @property
    def is_compound(self) -> bool:
        return len(self.parts) > 1


class VoikkoBackend(Protocol):
    name: str
    version: str

    def raw(self, word: str) -> list[tuple[str, dict[str, str]]]:
        """(FSTOUTPUT, attributes) for each analysis of a word form."""

    def hyphenate(self, word: str) -> str:
        """The word with hyphenation points marked by '-'."""


#: libvoikko's longest word (LIBVOIKKO_MAX_WORD_CHARS).
NATIVE_MAX_WORD = 255


class NativeBackend:
    name = "libvoikko"

    def __init__(self) -> None:
        import libvoikko

        self._voikko = libvoikko.Voikko("fi")
        try:
            self.version = libvoikko.Voikko.getVersion()
        except Exception:  # noqa: BLE001 - old bindings lack getVersion
            self.version = "unknown"

    def raw(self, word: str) -> list[tuple[str, dict[str, str]]]:
        return [(a.get("FSTOUTPUT", ""), dict(a)) for a in self._voikko.analyze(word)]

    def hyphenate(self, word: str) -> str:
        if len(word) > NATIVE_MAX_WORD:  # libvoikko returns NULL past its limit; the binding then segfaults
            return _hyphenate_by_rule(word)
        return self._voikko.hyphenate(word)


class PureBackend:
    name = "pyvoikko"

    def __init__(self) -> None:
        from importlib.metadata import version

        import pyvoikko

        self._pyvoikko = pyvoikko
        self.version = f"pyvoikko {version('pyvoikko')}"
        try:
            import kfst_rs  # noqa: F401  (the fast lookup; pyvoikko works without it, slowly)

            self.version += f", kfst-rs {version('kfst-rs')}"
        except ImportError:
            self.version += ", kfst (pure Python)"

    def raw(self, word: str) -> list[tuple[str, dict[str, str]]]:
        results = self._pyvoikko.analyse(word)
        if not results and word[:1].isupper():
            # The transducer is case-sensitive; libvoikko lowercases a capitalised word itself.
            results = self._pyvoikko.analyse(word[0].lower() + word[1:])
            if not results and (word.isupper() or word.split(":", 1)[0].isupper()):  # "ALV:n"
                results = self._pyvoikko.analyse(word.lower())
        out = []
        for a in results:
            attrs = {k: v for k, v in a._asdict().items() if isinstance(v, str)}
            if "--" in attrs.get("BASEFORM", ""):
                # pyvoikko doubles the hyphen of a hyphenated compound ("tietosuoja--asetus"); libvoikko does not
                attrs["BASEFORM"] = re.sub("-{2,}", "-", attrs["BASEFORM"])
            out.append((a.FSTOUTPUT, attrs))
        return out

    def hyphenate(self, word: str) -> str:
        return _hyphenate_by_rule(word)


_VOWELS = set("aeiouyäöå")
_DIPHTHONGS = {"ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "iu", "ou", "ey", "iy", "äy", "öy", "ie", "uo", "yö"}


def _hyphenate_by_rule(word: str) -> str:
    """Finnish syllable division by rule, following libvoikko's hyphenator (the pure backend has
    none): a consonant before a vowel starts a syllable; a vowel pair splits unless it is a long
    vowel or a diphthong, or 'öä' after the first syllable ('käyt-töä'); a vowel after a long
    vowel or a diphthong starts a syllable ('maa-il-ma', 'ai-em-min'). Compound boundaries
    ('ko-ti-e-läin') are not known here."""
    lower = word.lower()
    out: list[str] = []
    syllable = 0  # index of the current syllable
    run = ""  # the vowels of the current syllable's nucleus so far
    for i, ch in enumerate(word):
        c = lower[i]
        if i > 0 and c in _VOWELS:
            prev = lower[i - 1]
            if prev not in _VOWELS:
                if i > 1 and any(v in _VOWELS for v in lower[:i - 1]):
                    out.insert(len(out) - 1, "-")
                    syllable += 1
                run = c
            else:
                pair = prev + c
                joins = len(run) == 1 and (prev == c or pair in _DIPHTHONGS or (syllable > 0 and pair == "öä"))
                if joins:
                    run += c
                else:
                    out.append("-")
                    syllable += 1
                    run = c
        elif c in _VOWELS:
            run = c
        out.append(ch)
    return "".join(out)


_backend: VoikkoBackend | None = None


def backend() -> VoikkoBackend:
    """The Voikko backend in use: native libvoikko when it works, else pyvoikko.

    PLAINFINNISH_VOIKKO=native|pure forces one (the test suite runs on both).
    """
    global _backend
    if _backend is None:
        choice = os.environ.get("PLAINFINNISH_VOIKKO", "auto")
        if choice not in ("auto", "native", "pure"):
            choice = "auto"
        if choice in ("auto", "native"):
            try:
                _backend = NativeBackend()
            except Exception as err:  # noqa: BLE001 - missing library or dictionary
                if choice == "native":
                    from plainfinnish.errors import ConfigError

                    raise ConfigError(None, f"native libvoikko was asked for but cannot be used: {err}") from None
        if _backend is None:
            _backend = PureBackend()
    return _backend


def native_available() -> bool:
    try:
        NativeBackend()
        return True
    except Exception:  # noqa: BLE001
        return False


_TAG = re.compile(r"\[[^\]]*\]")
_BASE = re.compile(r"\[Xp\]([^\[]*)\[X\]")
_LEXICAL = re.compile(r"\[X[a-z]\][^\[]*\[X\]")  # [Xp]lemma[X] and [Xj]derivation[X] segments


def _parts(fst: str, baseform: str) -> tuple[Part, ...]:
    """Compound parts from the transducer output: '[Ln][Xp]asiakas[X]asiaka[Sn][Ny]s[Bh][Bc]…'."""
    chunks = fst.split("[Bc]")
    if len(chunks) < 2:
        return (Part(baseform, baseform),)
    surfaces = [_TAG.sub("", _LEXICAL.sub("", chunk)) for chunk in chunks]
    parts = []
    consumed = 0
    plain_base = baseform.replace("-", "")
    for i, (chunk, surface) in enumerate(zip(chunks, surfaces)):
        if i == len(chunks) - 1:
            lemma = plain_base[consumed:] if plain_base.lower().startswith("".join(surfaces[:i]).lower()) else surface
        else:
            own = _BASE.search(chunk)
            derived = "[Xj]" in chunk
            lemma = surface if (own is None or derived) else own.group(1).replace("=", "")
            consumed += len(surface)
        parts.append(Part(surface, lemma or surface))
    return tuple(parts)


def _to_analysis(fst: str, attrs: dict[str, str]) -> Analysis:
    baseform = attrs.get("BASEFORM", "").replace("=", "")
    return Analysis(
        baseform=baseform,
        word_class=attrs.get("CLASS", ""),
        case=attrs.get("SIJAMUOTO"),
        number=attrs.get("NUMBER"),
        person=attrs.get("PERSON"),
        mood=attrs.get("MOOD"),
        tense=attrs.get("TENSE"),
        negative=attrs.get("NEGATIVE"),
        possessive=attrs.get("POSSESSIVE"),
        focus=attrs.get("FOCUS"),
        kysymysliite=attrs.get("KYSYMYSLIITE") == "true" or "[Fko]" in fst,
        participle=attrs.get("PARTICIPLE"),
        comparison=attrs.get("COMPARISON"),
        parts=_parts(fst, baseform),
        fstoutput=fst,
    )


@lru_cache(maxsize=200_000)
def analyze(word: str) -> tuple[Analysis, ...]:
    """All Voikko analyses of a word form (cached across documents)."""
    if not word or len(word) > 100 or not any(c.isalpha() for c in word):
        return ()
    seen: set[tuple] = set()
    out = []
    for fst, attrs in backend().raw(word):
        analysis = _to_analysis(fst, attrs)
        key = (analysis.baseform, analysis.word_class, analysis.case, analysis.number, analysis.person,
               analysis.mood, analysis.tense, analysis.possessive, analysis.participle, analysis.parts)
        if key not in seen:
            seen.add(key)
            out.append(analysis)
    return tuple(out)


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    """Syllables of a word: hyphenation points + 1."""
    if not word:
        return 0
    return backend().hyphenate(word.lower()).count("-") + 1


def is_known(word: str) -> bool:
    return bool(analyze(word))
