"""How specialised a word is: a small logistic model over word frequency, Voikko's analysis and
one direction in the Finnish model's floret vectors.

`scripts/build_specialist.py` fits the model and writes two small files beside the code:
`plainfinnish/data/specialist.json` (weights, threshold, compound-head classes, the
leave-one-source-out figures) and `specialist_vectors.npy` (each floret n-gram row of
spacy-fi-experimental-web-md projected onto the learned direction: one number per row, 100 kB).
A floret word vector is the mean of its n-gram rows, so the mean of the projected rows is the
word's projection, exactly, without loading the 69 MB vector table. See docs/specialist.md.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from plainfinnish.errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from plainfinnish.nlp.voikko import Analysis

DATA_NAME = "specialist.json"
VECTORS_NAME = "specialist_vectors.npy"
#: The floret settings of spacy-fi-experimental-web-md (its vocab/vectors.cfg).
FLORET = {"mode": "floret", "minn": 4, "maxn": 5, "hash_count": 2, "hash_seed": 2166136261, "bow": "<", "eow": ">"}

#: The feature names, in the order of the model's weights (the data file repeats them).
FEATURES = (
    "bias", "zipf_lemma", "zipf_form", "zipf_min_part", "zipf_head", "parts", "unseen_compound", "minen",
    "derivations", "foreign_letters", "head_class", "adjective", "length", "vector",
)
# Letters that occur in Finnish words mostly through loans ("geokoodaus", "tokeni").
_FOREIGN = frozenset("bcdfgqwxzšžå")
_LOAN_LETTERS = _FOREIGN - {"d"}  # "d" is native in "liukkauden", "lähde": no sign of a loan by itself
_NOMINAL = {"nimisana": "NOUN", "laatusana": "ADJ", "nimisana_laatusana": "ADJ"}


@dataclass(frozen=True)
class Judgement:
    """A word's specialist score and the kind of term it looks like."""

    score: float
    lemma: str
    kind: str  # "loan", "compound" (a rare compound), "derived", "rare"


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency as plainfinnish.nlp.frequency gives it: 0.0 below 2.0, for words under four
    letters and for words with other characters than letters (so both sources give one answer)."""
    try:
        from plainfinnish.nlp.frequency import zipf as table_zipf
    except ImportError:
        table_zipf = None
    if table_zipf is not None:
        return table_zipf(word)
    from wordfreq import zipf_frequency

    if len(word) < 4 or not word.isalpha():
        return 0.0
    z = zipf_frequency(word, "fi")
    return round(z * 100) / 100 if z >= 2.0 else 0.0


def candidate(token: "Token") -> "Analysis | None":
    """The reading to judge, or None: the scorer judges nouns and adjectives only (verbs and
    participles are officialese the wordlists handle with their senses), and never names,
    placeholders, abbreviations, a capitalised word inside a sentence (a name or a defined term
    such as "Palvelu") or a word Voikko does not know (typos, names and English text alike)."""
    if token._.is_placeholder or not token.is_alpha or len(token.text) < 4 or token.text.isupper():
        return None
    if token.text[:1].isupper() and not token.is_sent_start:
        return None
    analyses = token._.analyses
    if not analyses or any(a.word_class not in _NOMINAL or a.participle for a in analyses):
        return None  # a verb, a name, a pronoun … in some reading: leave it
    best = token._.analysis if token._.analysis in analyses else None
    return best or min(analyses, key=lambda a: len(a.parts))


def lexical_features(a: "Analysis", form: str, heads: frozenset[str]) -> list[float]:
    """Every feature but the vector one (see FEATURES)."""
    lemma = a.baseform.lower()
    parts = [p.lemma.lower() for p in a.parts] or [lemma]
    z_lemma = zipf(lemma)
    part_z = [zipf(p) for p in parts]
    fst = a.fstoutput
    return [
        1.0,
        z_lemma,
        zipf(form.lower()),
        min(part_z),
        part_z[-1],
        float(min(len(parts), 3)),
        float(len(parts) > 1 and z_lemma == 0.0),
        float("[Tn4]" in fst),
        float(min(fst.count("[Xj]") + fst.count("[Tn4]"), 3)),
        float(any(c in _FOREIGN for c in lemma)),
        float(len(parts) > 1 and parts[-1] in heads),
        float(_NOMINAL.get(a.word_class) == "ADJ"),
        min(len(lemma), 24) / 8.0,
    ]


def kind_of(a: "Analysis") -> str:
    if any(c in _LOAN_LETTERS for c in a.baseform.lower()):
        return "loan"
    if len(a.parts) > 1:
        return "compound"
    if "[Xj]" in a.fstoutput or "[Tn4]" in a.fstoutput:
        return "derived"
    return "rare"


def _root():  # type: ignore[no-untyped-def]
    return files("plainfinnish") / "data"


@cache
def model() -> dict[str, Any]:
    """The shipped model; a ConfigError when it is missing or malformed."""
    path = _root() / DATA_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise ConfigError(str(path), f"cannot read the specialist model: {err}") from None
    problems = validate_data(data, vectors_digest())
    if problems:
        raise ConfigError(str(path), "; ".join(problems))
    return data


def vectors_digest() -> str | None:
    try:
        return hashlib.sha256((_root() / VECTORS_NAME).read_bytes()).hexdigest()
    except OSError:
        return None


@cache
def _projection() -> Any:
    """spaCy's floret lookup over the projected rows: get_batch(words) -> one number per word."""
    import io

    import numpy as np
    from spacy.vectors import Vectors

    rows = np.load(io.BytesIO((_root() / VECTORS_NAME).read_bytes())).astype("float32").reshape(-1, 1)
    return Vectors(data=rows, **FLORET)


def vector_feature(lemma: str) -> float:
    return float(_projection().get_batch([lemma.lower()])[0, 0])


@cache
def _heads() -> frozenset[str]:
    return frozenset(model()["head_classes"])


@lru_cache(maxsize=65536)
def _judge(a: "Analysis", form: str) -> Judgement:
    data = model()
    x = [*lexical_features(a, form, _heads()), vector_feature(a.baseform)]
    z = sum(w * v for w, v in zip(data["weights"], x))
    return Judgement(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), a.baseform, kind_of(a))


def judge(token: "Token") -> Judgement | None:
    """The token's judgement, or None when it is not a candidate."""
    a = candidate(token)
    return None if a is None else _judge(a, token.text.lower())


def payload_digest(data: dict[str, Any]) -> str:
    """A checksum of everything in the file but the checksum itself."""
    body = {k: v for k, v in data.items() if k != "sha256"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def validate_data(data: Any, vectors_sha256: str | None) -> list[str]:
    """Problems with the model file's shape and checksums ([] when it is sound)."""
    if not isinstance(data, dict):
        return ["the model is not a JSON object"]
    problems = []
    if data.get("features") != list(FEATURES):
        problems.append("'features' does not match the feature list of plainfinnish.nlp.specialist")
    weights = data.get("weights")
    if not isinstance(weights, list) or len(weights) != len(FEATURES) or not all(
            isinstance(w, int | float) and math.isfinite(w) for w in weights):
        problems.append(f"'weights' must be {len(FEATURES)} finite numbers")
    for key in ("threshold", "confident"):
        value = data.get(key)
        if not isinstance(value, int | float) or not 0.0 < value <= 1.0:
            problems.append(f"'{key}' must be a number in (0, 1]")
    if not isinstance(data.get("default_on"), bool):
        problems.append("'default_on' must be true or false")
    heads = data.get("head_classes")
    if not isinstance(heads, list) or not all(isinstance(h, str) and h for h in heads) or heads != sorted(set(heads)):
        problems.append("'head_classes' must be a sorted list of distinct words")
    if vectors_sha256 is None:
        problems.append(f"{VECTORS_NAME} is missing")
    elif data.get("vectors_sha256") != vectors_sha256:
        problems.append(f"{VECTORS_NAME} does not match 'vectors_sha256'")
    if data.get("sha256") != payload_digest(data):
        problems.append("the checksum does not match the contents (edited by hand? re-run scripts/build_specialist.py)")
    return problems


def check_cli() -> int:
    """`plainfinnish wordlists check`: the shipped model's problems, each naming the file; exit status."""
    path = _root() / DATA_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        problems = [f"cannot read the specialist model: {err}"]
    else:
        problems = validate_data(data, vectors_digest())
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"specialist-term model ({DATA_NAME}, {VECTORS_NAME}): no problems")
        if data.get("training", {}).get("wordlists_sha256") != wordlists_digest():
            print(f"note: {DATA_NAME} was built from other wordlists; re-run scripts/build_specialist.py")
    return 1 if problems else 0


def wordlists_digest() -> str:
    """A digest of the shipped wordlists (the model records the one it was built from)."""
    from plainfinnish import wordlists

    digest = hashlib.sha256()
    for path in sorted(wordlists.shipped_paths()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
