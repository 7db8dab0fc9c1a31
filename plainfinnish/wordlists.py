"""Jargon wordlists: loading, schema validation, the lookup index, and `plainfinnish wordlists check`.

A wordlist is one TOML file per category (see docs/wordlists.md for the schema). Loading checks
the schema (keys, types, source keys) and raises `ConfigError` naming the file and the entry;
`validate_cli` also checks the entries against Voikko (lemma known, alternatives inflect, no
duplicates, no entry that is another entry's alternative). Loaded wordlists are cached per process,
keyed by the files and their modification times, and indexed so that matching costs one dict
lookup per word, not a scan of every entry.
"""

from __future__ import annotations

import os
import stat
import sys
import tomllib
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from plainfinnish.document import read_regular
from plainfinnish.errors import ConfigError

SHIPPED_DIR = Path(__file__).resolve().parent / "data" / "wordlists"
SEVERITIES = ("error", "warning", "info")
UD_POS = ("NOUN", "VERB", "ADJ", "ADV", "ADP", "CCONJ", "SCONJ", "PRON", "PROPN", "NUM", "INTJ", "AUX", "DET", "X")

HEADER_KEYS: dict[str, type] = {"category": str, "name_fi": str, "name_en": str, "description": str}
ENTRY_KEYS: dict[str, type | tuple[type, ...]] = {
    "lemma": str, "pattern": str, "surface": list, "pos": str, "alternatives": list, "explanation": str,
    "severity": str, "source": str, "compound": bool, "note": str, "safe": bool, "advice": str,
    "senses": (str, dict), "explanation_en": str, "note_en": str, "advice_en": str,
}
# English renderings for `--language en`: a shipped entry has one for each Finnish text it has;
# a user's entry may leave them out and the Finnish text is shown instead
ENGLISH_KEYS = {"explanation": "explanation_en", "note": "note_en", "advice": "advice_en"}
REQUIRED_ENTRY_KEYS = ("alternatives", "explanation", "severity", "source")
SENSE_TEXT_KEYS = ("jargon", "everyday")  # short Finnish descriptions of the flagged and the spared sense
SENSE_LEMMA_KEYS = ("if_near", "unless_near", "if_message", "unless_message")


@dataclass(frozen=True)
class Senses:
    """A reviewed word with an everyday sense besides the jargon one, and the context that tells them apart.

    `*_near` lemmas are looked up in the sentence of the match, `*_message` lemmas in the whole message;
    both sets hold every word's lemma and the base forms of its compound parts ("opintosuoritus" holds
    "opinto"), so a condition word counts inside compounds too.
    """

    jargon: str
    everyday: str
    if_near: frozenset[str] = frozenset()
    unless_near: frozenset[str] = frozenset()
    if_message: frozenset[str] = frozenset()
    unless_message: frozenset[str] = frozenset()
    #: alternative -> lemmas that make it the fitting one in this sentence ("maksaa" beside "lasku")
    prefer: tuple[tuple[str, frozenset[str]], ...] = ()

    def preferred(self, near: Set[str]) -> str | None:
        """The alternative that fits this sentence's context, if the entry names one."""
        return next((alt for alt, lemmas in self.prefer if not lemmas.isdisjoint(near)), None)

    def fits(self, near: Set[str], message: Set[str]) -> bool:
        """Whether a match is in the jargon sense, from the lemmas of its sentence and of its message."""
        if not self.unless_near.isdisjoint(near) or not self.unless_message.isdisjoint(message):
            return False
        if self.if_near and self.if_near.isdisjoint(near):
            return False
        return not self.if_message or not self.if_message.isdisjoint(message)

    @property
    def lemmas(self) -> frozenset[str]:
        return self.if_near | self.unless_near | self.if_message | self.unless_message


@dataclass(frozen=True)
class Entry:
    """One wordlist entry: a lemma, a multi-word pattern, or surface forms of a word Voikko lacks."""

    file: str
    index: int  # 0-based position among the file's [[entry]] tables
    category: str
    category_fi: str
    category_en: str
    alternatives: tuple[str, ...]
    explanation: str
    severity: str
    source: str
    lemma: str | None = None
    pattern: tuple[str, ...] = ()
    surface: tuple[str, ...] = ()
    pos: str | None = None
    compound: bool = True
    note: str | None = None
    safe: bool | None = None  # None: the default (safe for single words, not for patterns)
    advice: str | None = None  # a rewrite hint instead of a replacement ("Kerro tekijä: {jonkun} tekee …")
    senses: Senses | str | None = None  # "one": reviewed, only the jargon sense; None: not reviewed (user lists)
    source_text: str = ""  # the [sources] text of this entry's own file
    explanation_en: str | None = None
    note_en: str | None = None
    advice_en: str | None = None
    shipped: bool = False  # from the reviewed lists of this package (their lemmas are Voikko base forms)

    def say(self, key: str, language: str) -> str | None:
        """The entry's `explanation`, `note` or `advice` in the output language (Finnish when no English is given)."""
        finnish = getattr(self, key)
        if language == "en" and finnish is not None:
            return getattr(self, f"{key}_en") or finnish
        return finnish

    def in_sense(self, near: Set[str], message: Set[str]) -> bool:
        """Whether a match of this entry is in its jargon sense (lowercased lemma sets of sentence and message)."""
        return not isinstance(self.senses, Senses) or self.senses.fits(near, message)

    @property
    def label(self) -> str:
        """How an entry is named in messages: its lemma, pattern or first surface form."""
        if self.lemma:
            return self.lemma
        if self.pattern:
            return " ".join(self.pattern)
        return self.surface[0] if self.surface else "?"

    @property
    def where(self) -> str:
        return f"entry {self.index + 1} ({self.label!r})"

    @property
    def key(self) -> str:
        """The lookup key used by `allow` and `alternatives` in the configuration."""
        return self.label.lower()

    @property
    def is_safe(self) -> bool:
        if self.safe is not None:
            return self.safe
        return not self.pattern

    @property
    def is_abbreviation(self) -> bool:
        lemma = self.lemma or ""
        return self.category == "abbreviations" or lemma.endswith(".") or (len(lemma) > 1 and lemma.isupper())


@dataclass
class Lexicon:
    """All entries of a set of wordlists, indexed for matching."""

    entries: list[Entry] = field(default_factory=list)
    by_lemma: dict[str, list[Entry]] = field(default_factory=dict)  # lowercased lemma -> entries
    by_pattern_word: dict[str, list[Entry]] = field(default_factory=dict)  # a pattern's word -> its patterns
    literal_surface: dict[str, list[Entry]] = field(default_factory=dict)  # lowercased surface -> entries
    surface_forms: list[tuple[str, Entry]] = field(default_factory=list)  # (surface form with '*', entry)
    sources: dict[str, str] = field(default_factory=dict)  # an entry's (namespaced) source key -> its text
    # a user's lemma as written: it may be a word form ("viipymättä", read as viipyä) or a word Voikko
    # lacks, and is then matched only as written
    by_form: dict[str, list[Entry]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.lemma:
            # a later file (the organisation's own list) overrides the shipped entry of the same lemma
            self.by_lemma.setdefault(entry.lemma.lower(), []).insert(0, entry)
            if not entry.shipped:
                self.by_form.setdefault(entry.lemma.lower(), []).insert(0, entry)
        elif entry.pattern:
            for word in set(entry.pattern):
                self.by_pattern_word.setdefault(word.lower(), []).append(entry)
        for form in entry.surface:
            if "*" in form:
                self.surface_forms.append((form, entry))
            else:
                self.literal_surface.setdefault(form.lower(), []).append(entry)

    @property
    def surface_patterns(self) -> list[tuple[Any, Entry]]:
        """(compiled RE2, entry) for every surface form with '*', compiled on first use (most
        messages have no word Voikko lacks, so most runs never compile them)."""
        compiled = self.__dict__.get("_surface_patterns")
        if compiled is None or len(compiled) != len(self.surface_forms):
            compiled = self.__dict__["_surface_patterns"] = [(compile_surface(form, entry), entry)
                                                            for form, entry in self.surface_forms]
        return compiled

    def surface_entries(self, word: str) -> list[Entry]:
        """Entries whose surface forms match a word Voikko does not know (whole word, any case)."""
        lower = word.lower()
        found = list(self.literal_surface.get(lower, ())) + list(self.by_form.get(lower, ()))
        if not self.surface_forms or not self._any_surface_pattern().fullmatch(lower):
            return found  # one RE2 pass over all the patterns instead of one per pattern
        for regex, entry in self.surface_patterns:
            if entry not in found and regex.fullmatch(lower):
                found.append(entry)
        return found

    def _any_surface_pattern(self) -> Any:
        """All surface patterns as one alternation (built once; the lexicon is loaded once)."""
        import re2

        combined = self.__dict__.get("_any_surface")
        if combined is None or combined[0] != len(self.surface_forms):
            regex = re2.compile("|".join(f"(?:{r.pattern})" for r, _ in self.surface_patterns))
            combined = self.__dict__["_any_surface"] = (len(self.surface_forms), regex)
        return combined[1]


def compile_surface(form: str, entry: Entry) -> Any:
    """A surface form with `*` (any word characters) as a linear-time RE2 regex, case-insensitive."""
    import re2

    if not form or not all(c.isalnum() or c in "*-'’.:" for c in form):
        raise ConfigError(entry.file, f"{entry.where}: surface pattern {form!r} may hold only letters, digits, - ' . : and * (any word characters)")
    body = "".join(r"\w*" if part == "*" else re2.escape(part) for part in _split_star(form))
    try:
        return re2.compile(f"(?i)(?:{body})")
    except Exception as err:  # noqa: BLE001 - re2 raises its own error type
        raise ConfigError(entry.file, f"{entry.where}: surface pattern {form!r} does not compile: {err}") from None


def _split_star(form: str) -> list[str]:
    out: list[str] = []
    for i, chunk in enumerate(form.split("*")):
        if i:
            out.append("*")
        if chunk:
            out.append(chunk)
    return out


# --- Loading -----------------------------------------------------------------------------------


def shipped_paths() -> list[Path]:
    try:
        found = SHIPPED_DIR.stat()
    except OSError:
        return []
    if not stat.S_ISDIR(found.st_mode):
        return []
    return list(_listing(str(SHIPPED_DIR), found.st_mtime_ns))


@lru_cache(maxsize=16)
def _listing(folder: str, mtime: int) -> tuple[Path, ...]:
    """The TOML files of a folder, listed once per version of the folder (adding, removing or
    replacing a file changes its modification time)."""
    return tuple(sorted(p for p in Path(folder).iterdir() if p.suffix == ".toml" and p.is_file()))


def _type_name(expected: type | tuple[type, ...]) -> str:
    return {str: "a string", list: "a list of strings", bool: "true or false"}.get(expected, str(expected))  # type: ignore[arg-type]


def is_shipped(path: Path) -> bool:
    try:
        return path.resolve().parent == _real_folder(str(SHIPPED_DIR))
    except OSError:
        return False


@lru_cache(maxsize=16)
def _real_folder(folder: str) -> Path:
    return Path(folder).resolve()


def parse_file(path: Path) -> tuple[list[Entry], dict[str, str]]:
    """Entries and sources of one wordlist file, schema-checked. Raises ConfigError naming file and entry.

    Source keys are local to their file (every file may define `plainfinnish`), so each entry's `source`
    is namespaced as `<file>#<key>` and the returned sources use the same keys.
    """
    where = str(path)
    try:
        raw = tomllib.loads(read_regular(path).decode("utf-8"))  # never /dev/zero or a FIFO
    except FileNotFoundError:
        raise ConfigError(where, "wordlist file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(where, f"invalid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(where, f"cannot read wordlist: {getattr(err, 'strerror', None) or err}") from None
    unknown = set(raw) - {"wordlist", "sources", "entry"}
    if unknown:
        raise ConfigError(where, f"unknown top-level key(s): {', '.join(sorted(unknown))} (expected [wordlist], [sources], [[entry]])")
    header = raw.get("wordlist")
    if not isinstance(header, dict):
        raise ConfigError(where, "missing [wordlist] table (category, name_fi, name_en, description)")
    for key, expected in HEADER_KEYS.items():
        if not isinstance(header.get(key), expected):
            raise ConfigError(where, f"[wordlist].{key} must be {_type_name(expected)}")
    extra = set(header) - set(HEADER_KEYS)
    if extra:
        raise ConfigError(where, f"[wordlist]: unknown key(s): {', '.join(sorted(extra))}")
    sources = raw.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise ConfigError(where, "[sources] must be a table of key = \"description\"")
    tables = raw.get("entry", [])
    if not isinstance(tables, list):
        raise ConfigError(where, "entries must be [[entry]] tables")
    shipped = is_shipped(path)
    entries = [_parse_entry(t, i, where, header, sources, shipped) for i, t in enumerate(tables)]
    return entries, {f"{where}#{key}": text for key, text in sources.items()}


def _parse_entry(table: Any, index: int, where: str, header: dict[str, str], sources: dict[str, str],
                 shipped: bool = False) -> Entry:
    name = table.get("lemma") or table.get("pattern") or (table.get("surface") or ["?"])[0] if isinstance(table, dict) else "?"
    at = f"entry {index + 1} ({name!r})"
    if not isinstance(table, dict):
        raise ConfigError(where, f"{at}: must be a table")
    for key, value in table.items():
        if key not in ENTRY_KEYS:
            raise ConfigError(where, f"{at}: unknown key {key!r} (known: {', '.join(ENTRY_KEYS)})")
        expected = ENTRY_KEYS[key]
        if not isinstance(value, expected) or (expected is list and not all(isinstance(v, str) and v.strip() for v in value)):
            raise ConfigError(where, f"{at}: {key!r} must be {_type_name(expected)}")
    kinds = [k for k in ("lemma", "pattern") if k in table]
    if len(kinds) > 1:
        raise ConfigError(where, f"{at}: give either 'lemma' or 'pattern', not both")
    if not kinds and "surface" not in table:
        raise ConfigError(where, f"{at}: needs 'lemma', 'pattern' or 'surface'")
    for key in REQUIRED_ENTRY_KEYS:
        if key == "alternatives" and "advice" in table:
            continue  # a construction with no word-for-word replacement gives advice only
        if key not in table:
            raise ConfigError(where, f"{at}: missing required key {key!r}")
    if "advice" in table and not table["advice"].strip():
        raise ConfigError(where, f"{at}: 'advice' is empty")
    for key in ("advice", "advice_en"):
        if key in table and "{" in table[key].replace("{jonkun}", ""):
            raise ConfigError(where, f"{at}: '{key}' may hold only the placeholder {{jonkun}} (the pattern's genitive word)")
    for key, english in ENGLISH_KEYS.items():
        if english in table and key not in table:
            raise ConfigError(where, f"{at}: '{english}' renders '{key}', which the entry does not have")
        if english in table and not table[english].strip():
            raise ConfigError(where, f"{at}: '{english}' is empty")
    if "advice" not in table and not table["alternatives"]:
        raise ConfigError(where, f"{at}: 'alternatives' must name at least one plain alternative")
    if table["severity"] not in SEVERITIES:
        raise ConfigError(where, f"{at}: severity must be \"error\", \"warning\" or \"info\", not {table['severity']!r}")
    if table["source"] not in sources:
        raise ConfigError(where, f"{at}: source {table['source']!r} is not defined in [sources]")
    if "pos" in table and table["pos"] not in UD_POS:
        raise ConfigError(where, f"{at}: pos {table['pos']!r} is not a UD tag ({', '.join(UD_POS)})")
    pattern = tuple(table["pattern"].split()) if "pattern" in table else ()
    if "pattern" in table and len(pattern) < 2:
        raise ConfigError(where, f"{at}: a pattern needs at least two words (use 'lemma' for one word)")
    if "lemma" in table and not table["lemma"].strip():
        raise ConfigError(where, f"{at}: 'lemma' is empty")
    if shipped and "senses" not in table:
        raise ConfigError(where, f"{at}: a shipped entry must say its reviewed 'senses' (\"one\" or a table)")
    senses = _parse_senses(table["senses"], where, at) if "senses" in table else None
    for key, english in ENGLISH_KEYS.items():
        if shipped and key in table and english not in table:
            raise ConfigError(where, f"{at}: a shipped entry needs '{english}', the English of '{key}' (for --language en)")
    entry = Entry(
        file=where, index=index, category=header["category"], category_fi=header["name_fi"],
        category_en=header["name_en"], alternatives=tuple(a.strip() for a in table.get("alternatives", ())),
        explanation=table["explanation"].strip(), severity=table["severity"], source=f"{where}#{table['source']}",
        lemma=table["lemma"].strip() if "lemma" in table else None, pattern=pattern,
        surface=tuple(s.strip() for s in table.get("surface", ())), pos=table.get("pos"),
        compound=table.get("compound", True), note=table.get("note"), safe=table.get("safe"),
        advice=table["advice"].strip() if "advice" in table else None, senses=senses,
        source_text=sources[table["source"]], shipped=shipped,
        **{english: table[english].strip() for english in ENGLISH_KEYS.values() if english in table},
    )
    for form in entry.surface:
        compile_surface(form, entry)  # a bad pattern is an error naming file and entry
    return entry


def _parse_senses(value: Any, where: str, at: str) -> Senses | str:
    if isinstance(value, str):
        if value != "one":
            raise ConfigError(where, f"{at}: 'senses' must be \"one\" or a table (jargon, everyday, if_near, …), not {value!r}")
        return value
    unknown = set(value) - set(SENSE_TEXT_KEYS) - set(SENSE_LEMMA_KEYS) - {"prefer"}
    if unknown:
        raise ConfigError(where, f"{at}: unknown key(s) in 'senses': {', '.join(sorted(unknown))} "
                                 f"(known: {', '.join(SENSE_TEXT_KEYS + SENSE_LEMMA_KEYS)})")
    for key in SENSE_TEXT_KEYS:
        if not isinstance(value.get(key), str) or not value[key].strip():
            raise ConfigError(where, f"{at}: 'senses.{key}' must describe the {key} sense (a non-empty string)")
    lemmas: dict[str, frozenset[str]] = {}
    for key in SENSE_LEMMA_KEYS:
        words = value.get(key, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in words):
            raise ConfigError(where, f"{at}: 'senses.{key}' must be a list of single-word lemmas")
        lemmas[key] = frozenset(w.strip().lower() for w in words)
    if not any(lemmas.values()):
        raise ConfigError(where, f"{at}: 'senses' needs at least one of {', '.join(SENSE_LEMMA_KEYS)} to tell the senses apart")
    prefer = value.get("prefer", {})
    if not isinstance(prefer, dict) or not all(
            isinstance(ws, list) and ws and all(isinstance(w, str) and w.strip() and " " not in w.strip() for w in ws)
            for ws in prefer.values()):
        raise ConfigError(where, f"{at}: 'senses.prefer' must be a table alternative = [lemmas that call for it]")
    return Senses(jargon=value["jargon"].strip(), everyday=value["everyday"].strip(), **lemmas,
                  prefer=tuple((alt, frozenset(w.strip().lower() for w in ws)) for alt, ws in prefer.items()))


# --- Word senses in a message ------------------------------------------------------------------


def keep_in_sense(matches: list[Any], doc: Any) -> list[Any]:
    """The matches (anything with `.entry` and `.head`) whose entry is in its jargon sense here.

    The lemma sets of each sentence and of the message are built once per Doc, and only when some
    match's entry has sense conditions: linear in the length of the message.
    """
    if not any(isinstance(m.entry.senses, Senses) for m in matches):
        return matches
    near, message = _lemma_sets(doc)
    kept = [m for m in matches if m.entry.in_sense(near[m.head.i], message)]
    for m in kept:
        if isinstance(m.entry.senses, Senses) and m.entry.senses.prefer:
            # the verb's own arguments stand close to it ("suorittaa laskun", "Lasku tulee suorittaa");
            # a word further off in the sentence ("laskussa" at its end) is another matter
            start, end = m.head._.sent_bounds
            lo, hi = max(start, m.head.i - 3), min(end, m.head.i + 4)
            close = set().union(*(_token_lemmas(doc[i]) for i in range(lo, hi)))
            m.preferred = m.entry.senses.preferred(close)
    return kept


def _lemma_sets(doc: Any) -> tuple[list[frozenset[str]], frozenset[str]]:
    """For every token the lemma set of its sentence, and the lemma set of the whole Doc."""
    from plainfinnish.nlp.components import span_tokens

    per_token: list[frozenset[str]] = [frozenset()] * len(doc)
    message: set[str] = set()
    for sentence in doc.sents:
        lemmas: set[str] = set()
        for token in span_tokens(sentence):
            lemmas.update(_token_lemmas(token))
        frozen = frozenset(lemmas)
        for i in range(sentence.start, sentence.end):
            per_token[i] = frozen
        message |= lemmas
    return per_token, frozenset(message)


#: A compound this frequent in general Finnish (Zipf; "asiakaspalvelu" is 4.0) is one everyday word:
#: its parts say nothing of a sense ("asiakas" in it is no customer being received).
EVERYDAY_COMPOUND_ZIPF = 3.5


def _token_lemmas(token: Any) -> frozenset[str]:
    """The token's lemma, every Voikko reading's base form, and the base forms of its compound parts
    (a rare compound is read through its parts: "opintosuoritus" holds "opinto")."""
    from plainfinnish.nlp.components import facts

    text, lemma = token.text, token.lemma_
    analyses = facts(token.doc).analyses[token.i]
    known = _TOKEN_LEMMAS.get((text, lemma))
    if known is None or known[0] is not analyses:
        if len(_TOKEN_LEMMAS) > 100_000:
            _TOKEN_LEMMAS.clear()
        known = _TOKEN_LEMMAS[(text, lemma)] = (analyses, frozenset(_lemmas_of(text, lemma, analyses)))
    return known[1]


#: (text, spaCy lemma) -> (the analyses they were worked out from, the lemma set): a form recurs
_TOKEN_LEMMAS: dict[tuple[str, str], tuple[Any, frozenset[str]]] = {}


def _lemmas_of(text: str, lemma: str, analyses: Any) -> set[str]:
    from plainfinnish.nlp.frequency import zipf

    out = {lemma.lower(), text.lower()}
    for a in analyses:
        base = a.baseform.lower()
        out.add(base)
        if len(a.parts) > 1 and zipf(base) < EVERYDAY_COMPOUND_ZIPF:
            out.update(p.lemma.lower() for p in a.parts)
    return out


def load(paths: Sequence[Path] | None = None) -> Lexicon:
    """The shipped wordlists plus `paths` (from the configuration), loaded once per set of files."""
    files = [*shipped_paths(), *(paths or [])]
    key = []
    for p in files:
        try:
            mtime = p.stat().st_mtime_ns
        except OSError:
            raise ConfigError(str(p), "wordlist file not found") from None
        key.append((_resolved(str(p), "" if p.is_absolute() else os.getcwd(), mtime), mtime))
    return _load(tuple(key))


@lru_cache(maxsize=1024)
def _resolved(path: str, cwd: str, mtime: int) -> str:
    """The real path of a wordlist file, worked out once per file version (resolving costs a
    system call per path component, on every check)."""
    return str(Path(path).resolve())


@lru_cache(maxsize=16)
def _load(key: tuple[tuple[str, int], ...]) -> Lexicon:
    lexicon = Lexicon()
    for path, _mtime in key:
        entries, sources = _shipped_file(Path(path), resolved=True) or parse_file(Path(path))
        lexicon.sources.update(sources)
        for entry in entries:
            lexicon.add(entry)
    return lexicon


# --- The shipped wordlists, parsed and checked ahead ---------------------------------------------
#
# Parsing the shipped TOML files and checking their schema on every start costs about 0.15 s.
# scripts/build_paradigms.py writes them parsed (`compile_shipped`) to COMPILED_PATH with the
# SHA-256 of each file; a shipped file whose bytes still have that digest is read from there,
# any other (edited since, or a user's list) is parsed and checked as before. The schema and Voikko
# checks of the shipped lists run in the tests and in `plainfinnish wordlists check`.

COMPILED_PATH = Path(__file__).resolve().parent / "data" / "wordlists.json"
#: Entry fields stored per entry; the others come from the file (its path, its header, its sources).
_STORED = ("index", "alternatives", "explanation", "severity", "lemma", "pattern", "surface", "pos", "compound",
           "note", "safe", "advice", "explanation_en", "note_en", "advice_en")
_HEADER = ("category", "category_fi", "category_en")
_TUPLES = ("alternatives", "pattern", "surface")


def compile_shipped(paths: Sequence[Path] | None = None) -> dict[str, Any]:
    """The shipped wordlists parsed and schema-checked, as COMPILED_PATH stores them."""
    import hashlib

    out: dict[str, Any] = {}
    for path in paths or shipped_paths():
        entries, sources = parse_file(path)
        where = str(path)
        stored = []
        for entry in entries:
            row: dict[str, Any] = {name: getattr(entry, name) for name in _STORED}
            row["source"] = entry.source.removeprefix(f"{where}#")
            row["senses"] = _senses_data(entry.senses)
            stored.append({k: list(v) if isinstance(v, tuple) else v for k, v in row.items() if v is not None})
        header = {name: getattr(entries[0], name) for name in _HEADER} if entries else {}
        out[path.name] = {"sha256": hashlib.sha256(read_regular(path)).hexdigest(), "header": header,
                          "entries": stored, "sources": {key.removeprefix(f"{where}#"): text for key, text in sources.items()}}
    return {"built_by": "scripts/build_paradigms.py", "files": out}


def _senses_data(senses: Senses | str | None) -> Any:
    if not isinstance(senses, Senses):
        return senses
    data: dict[str, Any] = {"jargon": senses.jargon, "everyday": senses.everyday}
    for key in SENSE_LEMMA_KEYS:
        if getattr(senses, key):
            data[key] = sorted(getattr(senses, key))
    if senses.prefer:
        data["prefer"] = [[alt, sorted(lemmas)] for alt, lemmas in senses.prefer]
    return data


def _senses_from(data: Any) -> Senses | str | None:
    if not isinstance(data, dict):
        return data
    return Senses(jargon=data["jargon"], everyday=data["everyday"],
                  **{key: frozenset(data.get(key, ())) for key in SENSE_LEMMA_KEYS},
                  prefer=tuple((alt, frozenset(lemmas)) for alt, lemmas in data.get("prefer", ())))


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    import json

    try:
        return json.loads(COMPILED_PATH.read_bytes())["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _shipped_file(path: Path, resolved: bool = False) -> tuple[list[Entry], dict[str, str]] | None:
    """A shipped file's entries and sources from COMPILED_PATH, when its bytes are the ones compiled
    (`resolved`: the path is already a real path, as `load` gives it)."""
    import hashlib

    if not (path.parent == _real_folder(str(SHIPPED_DIR)) if resolved else is_shipped(path)):
        return None
    stored = _compiled().get(path.name)
    if stored is None:
        return None
    try:
        if hashlib.sha256(read_regular(path)).hexdigest() != stored["sha256"]:
            return None
    except OSError:
        return None
    where = str(path)
    entries = []
    header, sources = stored["header"], stored["sources"]
    for row in stored["entries"]:
        values = {k: tuple(v) if k in _TUPLES else v for k, v in row.items() if k not in ("source", "senses")}
        entries.append(Entry(file=where, source=f"{where}#{row['source']}", senses=_senses_from(row.get("senses")),
                             source_text=sources[row["source"]], shipped=True, **header, **values))
    return entries, {f"{where}#{key}": text for key, text in stored["sources"].items()}


# --- Validation against Voikko ------------------------------------------------------------------


def unmatchable(paths: Sequence[Path]) -> list[str]:
    """What `check` tells about the user's own wordlists, one line each naming the file and the entry,
    so that no entry is dropped silently: a lemma Voikko does not know (and no `surface` forms) is
    matched only exactly as written, not in its inflected forms."""
    from plainfinnish.nlp.voikko import analyze

    problems = []
    for path in paths:
        entries, _ = parse_file(Path(path))
        for entry in entries:
            if entry.lemma and not entry.surface and not analyze(entry.lemma):
                problems.append(f"{entry.file}: {entry.where}: Voikko does not know {entry.lemma!r}, so it is matched "
                                f"only exactly as written; give 'surface' forms (such as {entry.lemma + '*'!r}) for its other forms")
    return problems


def validate(paths: Iterable[Path]) -> list[str]:
    """Every problem of the wordlists, one line each, naming file and entry (empty: all good)."""
    from plainfinnish.nlp import inflect
    from plainfinnish.nlp.voikko import analyze

    problems: list[str] = []
    entries: list[Entry] = []
    for path in paths:
        try:
            file_entries, _ = parse_file(path)
        except ConfigError as err:
            problems.append(str(err))
            continue
        entries.extend(file_entries)

    seen: dict[str, Entry] = {}
    for entry in entries:
        at = f"{entry.file}: {entry.where}"
        key = entry.key
        if key in seen:
            other = seen[key]
            problems.append(f"{at}: duplicate of {other.file}: {other.where}")
        else:
            seen[key] = entry
        if entry.lemma:
            analyses = analyze(entry.lemma)
            if not analyses:
                if not entry.surface:
                    problems.append(f"{at}: Voikko does not know {entry.lemma!r}; give 'surface' forms for a word Voikko lacks")
            elif not any(a.baseform.lower() == entry.lemma.lower() for a in analyses) and entry.shipped:
                # a user's word form ("viipymättä") is fine: it is matched as written
                bases = sorted({a.baseform for a in analyses})
                problems.append(f"{at}: {entry.lemma!r} is not a Voikko base form (Voikko gives {', '.join(bases)})")
            elif entry.pos and not any(a.baseform.lower() == entry.lemma.lower() and _pos_fits(a.pos, entry.pos) for a in analyses):
                problems.append(f"{at}: Voikko has no {entry.pos} reading of {entry.lemma!r}")
        elif entry.pattern:
            for word in entry.pattern:
                if word.lower() in inflect.PATTERN_WILDCARDS:
                    continue
                if not any(a.baseform.lower() == word.lower() for a in analyze(word)) and not analyze(word):
                    problems.append(f"{at}: pattern word {word!r} is unknown to Voikko")
        elif entry.surface:
            known = [s for s in entry.surface if "*" not in s and analyze(s)]
            if known:
                problems.append(f"{at}: Voikko knows {', '.join(known)}; use 'lemma' (surface forms are only for words Voikko lacks)")
        if isinstance(entry.senses, Senses):
            for word in sorted(entry.senses.lemmas):
                if not _sense_word_known(word, analyze):
                    problems.append(f"{at}: sense word {word!r} is not a Voikko base form (of a word or a compound part)")
        if entry.lemma:
            inflects = not _does_not_inflect(entry.lemma, analyze(entry.lemma))
        else:  # surface forms of an abbreviation Voikko lacks ("ml.") do not inflect either
            inflects = not (entry.surface and all(s.endswith(".") for s in entry.surface))
        for alternative in entry.alternatives:
            problem = inflect.check_alternative(alternative, inflects=inflects)
            if problem:
                problems.append(f"{at}: alternative {alternative!r}: {problem}")
    lemmas = {e.key: e for e in entries}
    for entry in entries:
        for alternative in entry.alternatives:
            other = lemmas.get(alternative.lower())
            if other is not None and other is not entry:
                problems.append(f"{entry.file}: {entry.where}: alternative {alternative!r} is itself flagged by {other.file}: {other.where}")
    return problems


def _sense_word_known(word: str, analyze: Any) -> bool:
    """A sense condition word is a base form Voikko gives, of a whole word or of a compound's first part
    (a plurale tantum such as "opinto" is known only as the part of "opintotieto" or as "opinnot")."""
    analyses = analyze(word)
    if not analyses:
        return True  # a word Voikko lacks is matched by its text ("the", "your": an English sentence)
    if any(a.baseform.lower() == word for a in analyses):
        return True
    return any(a.parts and a.parts[0].lemma.lower() == word for a in analyze(word + "tieto"))


_FIXED_CLASSES = ("seikkasana", "sidesana", "huudahdussana")  # adverbs, conjunctions, particles


def _does_not_inflect(lemma: str, analyses: Sequence[Any]) -> bool:
    """An abbreviation with a dot, an adverb, a conjunction or a particle: its alternative replaces it
    as a fixed phrase ("jne." -> "ja niin edelleen"), so the alternative need not inflect."""
    from plainfinnish.nlp.inflect import is_uninflected

    own = [a for a in analyses if a.baseform.lower() == lemma.lower()]
    if not own:
        return False
    return all((a.word_class == "lyhenne" and lemma.endswith(".")) or a.word_class in _FIXED_CLASSES or is_uninflected(a)
               for a in own)


def _pos_fits(voikko_pos: str, wanted: str) -> bool:
    if wanted in ("SCONJ", "CCONJ"):
        return voikko_pos in ("CCONJ", "SCONJ", "ADV")
    if wanted == "ADP":
        return voikko_pos in ("ADP", "ADV")
    if wanted == "ADJ":
        return voikko_pos in ("ADJ", "NOUN")
    return voikko_pos == wanted or (wanted == "AUX" and voikko_pos == "VERB")


def validate_cli(paths: list[Path]) -> int:
    """`plainfinnish wordlists check [PATHS]`: print problems, exit status 1 when there are any."""
    files = list(paths) or shipped_paths()
    if not files:
        print("no wordlist files found", file=sys.stderr)
        return 1
    problems = validate(files)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {len(files)} wordlist file(s)", file=sys.stderr)
        return 1
    count = sum(len(parse_file(p)[0]) for p in files)
    print(f"{count} entries in {len(files)} wordlist file(s): no problems")
    return 0
