"""Build the data prepared ahead from the shipped wordlists:

- plainfinnish/data/paradigms.bin: the verified forms of every wordlist alternative;
- plainfinnish/data/wordlists.json: the shipped wordlists parsed and schema-checked, so that a run
  need not parse their TOML (`wordlists.compile_shipped`);
- plainfinnish/data/inflection_classes.txt.gz: the inflection generator's word list by reversed word
  (`inflect.encode_word_classes`), so that a run need not import the generator module, which
  parses its whole list on import.

    .venv/bin/python scripts/build_paradigms.py                     # rebuild the shipped files
    .venv/bin/python scripts/build_paradigms.py --out /tmp/paradigms.bin --wordlists-out /tmp/w.json

Run it with native libvoikko (PLAINFINNISH_VOIKKO=native) after editing a shipped wordlist or the
generation in plainfinnish/nlp/inflect.py; tests/test_paradigm_data.py fails until then (a run stays
correct meanwhile: an edited wordlist is parsed from its TOML, a word outside the table generated).

For each word a suggestion can inflect (`suggestion_words`: the head of every alternative of every
shipped wordlist entry, as `fit` and `inflect` choose it, the whole alternative, and the word of a
category name that the message puts in the partitive), `inflect.generate_paradigm` is run in every
group `inflect.paradigm_groups` says can differ, exactly as at run time, and the forms are written
as data; for the wordlists' own words and everyday verbs and nouns (`prepared_words`), which other
rules inflect, the groups those rules ask for. The header records the Voikko they were verified with; at run time the table is used only
under that same Voikko (plainfinnish/nlp/inflect.py, "Paradigms prepared ahead").
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plainfinnish import wordlists  # noqa: E402
from plainfinnish.nlp import inflect  # noqa: E402

DEFAULT_OUT = inflect.PARADIGM_PATH
#: Words other rules inflect on every run ("olla" for a perfect tense: nominal-style).
EXTRA_WORDS = ("olla",)
#: Everyday words whose paradigms the other rules ask for in almost any message (nominal-style,
#: passive-voice and address-consistency inflect the text's own verbs and nouns): the words Voikko
#: reads as the base form of a verb at or above VERB_ZIPF, or of a noun or an adjective at or
#: above NOUN_ZIPF (plainfinnish/data/zipf_fi.tsv.gz).
VERB_ZIPF = 3.0
NOUN_ZIPF = 4.0
_NOMINAL_CLASSES = ("nimisana", "laatusana", "nimisana_laatusana")
#: The groups the other rules ask of a verb (its present, its 3rd infinitive): the only ones prepared
#: for a verb that is no suggestion's word.
OTHER_RULES_GROUPS = ("N", "MA-infinitive")


def alternative_words(alternative: str) -> list[str]:
    """The words `fit` may ask `paradigm` about for one alternative: the whole alternative (a
    compound part's or an abbreviated attribute's replacement), and its head both as a verb phrase
    (the verb) and as a noun phrase (the last word)."""
    words = alternative.split()
    return list(dict.fromkeys([alternative, words[inflect._head_index(words, True)], words[-1]]))


def frequent_words() -> list[str]:
    """The everyday verbs, nouns and adjectives (VERB_ZIPF, NOUN_ZIPF) in their base forms."""
    from plainfinnish.nlp.frequency import _table
    from plainfinnish.nlp.voikko import analyze

    out = []
    for line in _table().decode("utf-8").splitlines():
        word, _, value = line.partition("\t")
        zipf = int(value) / 100
        if zipf < min(VERB_ZIPF, NOUN_ZIPF):
            continue
        classes = {a.word_class for a in analyze(word) if a.baseform == word}
        if ("teonsana" in classes and zipf >= VERB_ZIPF) or (zipf >= NOUN_ZIPF and classes & set(_NOMINAL_CLASSES)):
            out.append(word)
    return out


def suggestion_words(lexicon: wordlists.Lexicon | None = None) -> list[str]:
    """The words jargon's suggestions inflect (every group of a verb is prepared), sorted."""
    lexicon = lexicon or wordlists.load()
    out: set[str] = set(EXTRA_WORDS)
    for entry in lexicon.entries:
        for alternative in entry.alternatives:
            out.update(alternative_words(alternative))
        if entry.category_fi.split():
            out.add(entry.category_fi.split()[-1])  # jargon's _category_label: "Virkakieltä"
    return sorted(out)


def prepared_words(lexicon: wordlists.Lexicon | None = None) -> list[str]:
    """Every word the table holds, sorted: the suggestions' words, the wordlists' own words (other
    rules inflect a flagged word too: "reklamaationne" -> "reklamaatiosi") and the everyday words."""
    lexicon = lexicon or wordlists.load()
    out: set[str] = set(suggestion_words(lexicon)) | set(frequent_words())
    for entry in lexicon.entries:
        if entry.lemma:
            out.add(entry.lemma)
        out.update(w for w in entry.pattern if w.lower() not in inflect.PATTERN_WILDCARDS)
    return sorted(out)


def build() -> dict:
    identity = inflect.voikko_identity()
    if identity["backend"] != "libvoikko" or "unknown" in identity["dictionary"]:
        raise SystemExit(f"build with native libvoikko and a known voikko-fi dictionary (PLAINFINNISH_VOIKKO=native); got {identity}")
    index: dict[inflect.Signature, int] = {}
    paradigms: dict[str, dict[str, str]] = {}
    suggested = set(suggestion_words())
    for word in prepared_words():
        groups: dict[str, str] = {}
        first_of: dict[str, str] = {}  # encoded forms -> the first group that has them
        kinds = inflect.paradigm_groups(word)
        if kinds != inflect.VERB_GROUPS:
            kinds = (inflect.ANY_GROUP,)  # the same forms whatever the group
        elif word not in suggested:
            kinds = OTHER_RULES_GROUPS
        for group in kinds:
            encoded = inflect.encode_forms(inflect.generate_paradigm(word, "N" if group == inflect.ANY_GROUP else group), index)
            groups[group] = encoded if encoded not in first_of else "@" + first_of[encoded]
            first_of.setdefault(encoded, group)
        paradigms[word] = groups
    signatures = sorted(index, key=index.__getitem__)
    return {
        "header": {
            "built_by": "scripts/build_paradigms.py",
            "voikko": identity,
            "generator": inflect.generator_identity(),
            "words": len(paradigms),
        },
        "signatures": [list(s) for s in signatures],
        "paradigms": paradigms,
    }


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def write(data: dict, out: Path) -> None:
    """The table's file format (plainfinnish/nlp/inflect.py, PARADIGM_DATA): an index line, then
    one zlib-compressed object per word. The same data gives the same bytes."""
    blobs: list[bytes] = []
    index: dict[str, list[int]] = {}
    offset = 0
    for word in sorted(data["paradigms"]):
        blob = zlib.compress(_json(data["paradigms"][word]), 9)
        index[word] = [offset, len(blob)]
        blobs.append(blob)
        offset += len(blob)
    line = _json({"header": data["header"], "signatures": data["signatures"], "index": index})
    out.write_bytes(line + b"\n" + b"".join(blobs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--wordlists-out", type=Path, default=wordlists.COMPILED_PATH)
    parser.add_argument("--classes-out", type=Path, default=inflect.INFLECTION_CLASSES_PATH)
    args = parser.parse_args()
    problems = wordlists.validate(wordlists.shipped_paths())
    if problems:
        raise SystemExit("the shipped wordlists have problems (plainfinnish wordlists check):\n" + "\n".join(problems))
    args.wordlists_out.write_bytes(_json(wordlists.compile_shipped()) + b"\n")
    print(f"{args.wordlists_out}: {len(wordlists.shipped_paths())} wordlists, {args.wordlists_out.stat().st_size} bytes")
    from voikko import inflect_word

    args.classes_out.write_bytes(inflect.encode_word_classes(inflect_word.WORD_CLASSES))
    print(f"{args.classes_out}: {len(inflect_word.WORD_CLASSES)} words, {args.classes_out.stat().st_size} bytes")
    data = build()
    write(data, args.out)
    forms = sum(len(v.split(" ")) for groups in data["paradigms"].values() for v in groups.values() if v and v[0] != "@")
    print(f"{args.out}: {data['header']['words']} words, {forms} forms, {len(data['signatures'])} signatures, "
          f"{args.out.stat().st_size} bytes; verified with {data['header']['voikko']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
