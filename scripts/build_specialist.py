"""Build plainfinnish/data/specialist.json: the model behind the jargon rule's specialist-term judgement.

    .venv/bin/python scripts/build_specialist.py                    # rebuild the shipped file
    .venv/bin/python scripts/build_specialist.py --out /tmp/s.json  # build elsewhere (the test does)

Inputs: the labelled dev corpus (../shared/corpus/dev: labels.jsonl + texts/), the shipped
wordlists, wordfreq's Finnish table and Voikko. Every candidate word of every dev text (see
plainfinnish.nlp.specialist.candidate) is a training row: positive inside a one-word jargon label,
ignored inside an optional or a multi-word label, negative elsewhere; the single-word entries of
the specialist wordlists (legal, finance, insurance, IT, anglicisms) are positive rows too.
A logistic regression (L2, Newton's method: deterministic) is fitted; the threshold is chosen on
leave-one-source-out predictions (every dev source held out in turn, the model refitted on the
rest) as the lowest score whose flags on words no wordlist entry matches keep the precision
target. The method and the figures: docs/specialist.md.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plainfinnish.nlp import specialist  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
DEFAULT_OUT = ROOT / "plainfinnish" / "data" / specialist.DATA_NAME
SPECIALIST_CATEGORIES = ("legal", "finance", "insurance", "telecom-it", "anglicisms")
# Compound heads typical of officialese and legal text (issue 14 and the Kotus officialese test):
# a seed the wordlists' own compound heads are added to.
SEED_HEADS = ("vaatimus", "velvollisuus", "peruste", "menettely", "asetus", "määräys", "päätös", "oikeus",
              "seuraamus", "kelpoisuus", "käsittely", "ilmoitus", "selvitys", "toimenpide", "sitoumus")
PRECISION_TARGET = 0.85
CONFIDENT_TARGET = 0.95
L2 = 1.0
FALLBACK_THRESHOLD = 0.5
MIN_FLAGS = 5  # a precision over fewer flags says nothing
WORDLIST_WEIGHT = 0.5  # a wordlist lemma is evidence, but not a word in a real text


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip().casefold()


def inside(word: str, label: str) -> bool:
    """The word is a whole word of the label (the scorer's own notion of a hit)."""
    word, label = norm(word), norm(label)
    return len(word) >= 3 and re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", label) is not None


def source_group(source: str) -> str:
    """The repository (or the unnamed file's reference) a text came from."""
    ref = re.search(r"\(ref (\d+)\)", source)
    if ref:
        return "ref " + ref.group(1)
    return source.split(":")[0].split(" ")[0]


def wordlist_heads() -> list[str]:
    """The compound heads of officialese: the seed list only. Heads taken from the wordlists' own
    entries would make every compound entry a positive by construction (a leak into the fit)."""
    return sorted(set(SEED_HEADS))


def wordlist_rows(heads: frozenset[str]) -> list[dict]:
    """The specialist entries (positive) and their one-word alternatives (negative), as rows."""
    from plainfinnish import wordlists
    from plainfinnish.nlp.voikko import analyze

    rows, seen = [], set()
    for path in wordlists.shipped_paths():
        entries, _ = wordlists.parse_file(path)
        for entry in entries:
            if entry.category not in SPECIALIST_CATEGORIES or entry.pattern or " " in entry.label or entry.is_abbreviation:
                continue
            words = [(entry.label, 1.0)] + [(alt, 0.0) for alt in entry.alternatives if " " not in alt]
            for word, y in words:
                readings = [a for a in analyze(word) if a.word_class in specialist._NOMINAL and not a.participle]
                if readings and (word.lower(), y) not in seen:
                    seen.add((word.lower(), y))
                    a = min(readings, key=lambda r: len(r.parts))
                    rows.append({"group": "wordlists", "text": "", "word": word, "lemma": a.baseform.lower(),
                                 "x": specialist.lexical_features(a, word, heads), "y": y, "listed": True,
                                 "weight": WORDLIST_WEIGHT})
    return rows


def corpus_rows(corpus: Path, heads: frozenset[str]) -> list[dict]:
    """One row per candidate word of every dev text."""
    from plainfinnish import wordlists
    from plainfinnish.config import Config
    from plainfinnish.document import SourceText
    from plainfinnish.engine import analyze_messages, read_source, resolve_format
    from plainfinnish.rules.jargon import Jargon

    config = Config()
    lexicon = wordlists.load([])
    matcher = Jargon()
    rows = []
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label = json.loads(line)
        path = corpus / label["file"]
        source = SourceText.from_bytes(str(path), path.read_bytes())
        messages = [m for m in read_source(source, resolve_format(source.path, config)[0], config).messages if m.text.strip()]
        jargon, optional = label.get("jargon", []), label.get("jargon_optional", [])
        for doc in analyze_messages(messages, "fast"):
            for token in doc:
                reading = specialist.candidate(token)
                if reading is None:
                    continue
                if any(inside(token.text, o) for o in optional) or any(" " in norm(j) and inside(token.text, j) for j in jargon):
                    continue  # a fair call either way, or a word of a construction: no evidence
                rows.append({
                    "group": source_group(label["source"]), "text": label["id"], "word": token.text,
                    "lemma": reading.baseform.lower(), "x": specialist.lexical_features(reading, token.text, heads),
                    "y": 1.0 if any(inside(token.text, j) for j in jargon) else 0.0,
                    "listed": matcher._match_token(token, lexicon, set(), False) is not None, "weight": 1.0,
                })
    return rows


def model_vectors() -> Any:
    """The floret vector table of the Finnish model (rows of hashed n-grams)."""
    import spacy_fi_experimental_web_md as package
    from spacy.vocab import Vocab

    vocab_dir = next(Path(package.__file__).parent.glob("*/vocab"))
    return Vocab().from_disk(vocab_dir).vectors


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> np.ndarray:
    """Weighted L2 logistic regression by Newton's method (the bias is not penalised)."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + penalty * beta
        hess = (x.T * (w * p * (1 - p))) @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return beta


def predict(beta: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))


def arrays(rows: list[dict], vector: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.c_[np.array([r["x"] for r in rows]), vector]
    return x, np.array([r["y"] for r in rows]), np.array([r["weight"] for r in rows])


def direction(table: Any) -> np.ndarray:
    """The direction from plain words to jargon in the vector space: the mean difference of the
    wordlists' jargon → one-word alternative pairs (every category), as a unit vector. It sees no
    dev text, so it needs no refitting per held-out source."""
    from plainfinnish import wordlists

    jargon, plain = [], []
    for path in wordlists.shipped_paths():
        entries, _ = wordlists.parse_file(path)
        for entry in entries:
            if entry.pattern or " " in entry.label or entry.is_abbreviation:
                continue
            for alt in entry.alternatives:
                if " " not in alt:
                    jargon.append(entry.label.lower())
                    plain.append(alt.lower())
    diff = np.asarray(table.get_batch(jargon), dtype=np.float64) - np.asarray(table.get_batch(plain), dtype=np.float64)
    d = diff.mean(axis=0)
    return d / np.linalg.norm(d)


def loso(rows: list[dict], feature: np.ndarray) -> np.ndarray:
    """Each dev row's score from a model fitted without the row's source (wordlist rows always train)."""
    scores = np.zeros(len(rows))
    groups = np.array([r["group"] for r in rows])
    x, y, w = arrays(rows, feature)
    for group in sorted(set(groups) - {"wordlists"}):
        train = groups != group
        beta = fit(x[train], y[train], w[train], L2)
        scores[~train] = predict(beta, x[~train])
    return scores


def first_uses(rows: list[dict], scores: np.ndarray, listed_too: bool = False) -> list[tuple[float, dict]]:
    """The first use of each word (lemma) in each text that no wordlist entry matches: the
    scorer flags a term where it should be explained, once. (With listed_too, the listed words
    as well: how well the model ranks jargon at all.)"""
    seen, out = set(), []
    for s, r in zip(scores, rows):
        if r["group"] == "wordlists" or (r["text"], r["lemma"]) in seen:
            continue
        seen.add((r["text"], r["lemma"]))
        if listed_too or not r["listed"]:
            out.append((float(s), r))
    return out


def auc(judged: list[tuple[float, dict]]) -> float:
    """The chance that a jargon word scores above a plain one (ties count half)."""
    pos = [s for s, r in judged if r["y"] == 1.0]
    neg = [s for s, r in judged if r["y"] == 0.0]
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def curve(judged: list[tuple[float, dict]]) -> list[dict]:
    """Precision and recall of the flags at each threshold (LOSO scores)."""
    positives = sum(1 for _, r in judged if r["y"] == 1.0)
    out = []
    for t in np.round(np.arange(0.05, 1.0, 0.01), 2):
        flagged = [r for s, r in judged if s >= t]
        tp = sum(1 for r in flagged if r["y"] == 1.0)
        out.append({"threshold": float(t), "flags": len(flagged), "hits": tp,
                    "precision": round(tp / len(flagged), 3) if flagged else 1.0,
                    "recall": round(tp / positives, 3) if positives else 0.0})
    return out


def choose(points: list[dict], target: float) -> float | None:
    """The lowest threshold at which the flags, and those of every higher threshold with enough
    flags to judge, keep the precision target; None when no threshold does."""
    chosen = None
    for point in reversed(points):
        if point["flags"] < MIN_FLAGS:
            continue
        if point["precision"] < target:
            break
        chosen = point["threshold"]
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the model file (the vectors go beside it)")
    parser.add_argument("--show", action="store_true", help="print the LOSO scores of the first uses of unlisted words")
    args = parser.parse_args()
    if not (args.corpus / "labels.jsonl").exists():
        print(f"{args.corpus}: no labels.jsonl (the labelled dev corpus is needed)", file=sys.stderr)
        return 2

    heads = wordlist_heads()
    head_set = frozenset(heads)
    rows = wordlist_rows(head_set) + corpus_rows(args.corpus, head_set)
    table = model_vectors()
    # the vector feature is read from the shipped (float16) projection exactly as the linter reads it
    projected = (np.asarray(table.data, dtype=np.float64) @ direction(table)).astype(np.float16)
    buffer = io.BytesIO()
    np.save(buffer, projected, allow_pickle=False)
    from spacy.vectors import Vectors

    lookup = Vectors(data=projected.astype(np.float32).reshape(-1, 1), **specialist.FLORET)
    feature = np.asarray(lookup.get_batch([r["lemma"] for r in rows]), dtype=np.float64)[:, 0]

    scores = loso(rows, feature)
    judged = first_uses(rows, scores)
    points = curve(judged)
    threshold = choose(points, PRECISION_TARGET)
    default_on = threshold is not None
    if threshold is None:  # off by default; for those who turn it on, the model's own boundary (even odds)
        threshold = FALLBACK_THRESHOLD
    confident = choose(points, CONFIDENT_TARGET) or 1.0
    at = next(p for p in points if p["threshold"] == threshold)
    beta = fit(*arrays(rows, feature), L2)
    vectors_out = args.out.with_name(specialist.VECTORS_NAME)

    data = {
        "about": "Specialist-term model of the jargon rule; built by scripts/build_specialist.py (docs/specialist.md).",
        "features": list(specialist.FEATURES),
        "weights": [round(float(b), 6) for b in beta],
        "threshold": threshold,
        "confident": confident,
        "default_on": default_on,
        "precision_target": PRECISION_TARGET,
        "head_classes": heads,
        "vectors_sha256": hashlib.sha256(buffer.getvalue()).hexdigest(),
        "training": {
            "dev_texts": len({r["text"] for r in rows if r["text"]}),
            "dev_sources": len({r["group"] for r in rows}) - 1,
            "dev_rows": sum(1 for r in rows if r["text"]),
            "dev_positive_rows": sum(1 for r in rows if r["text"] and r["y"] == 1.0),
            "wordlist_rows": sum(1 for r in rows if not r["text"]),
            "inputs_sha256": inputs_digest(args.corpus),
            "wordlists_sha256": specialist.wordlists_digest(),
        },
        "loso": {"at_threshold": at, "first_uses_judged": len(judged),
                 "auc_unlisted": auc(judged), "auc_all": auc(first_uses(rows, scores, listed_too=True)),
                 "first_uses_positive": sum(1 for _, r in judged if r["y"] == 1.0),
                 "curve": [p for p in points if round(p["threshold"] * 100) % 5 == 0]},
    }
    data["sha256"] = specialist.payload_digest(data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    vectors_out.write_bytes(buffer.getvalue())
    print(f"{args.out}: threshold {threshold} (on by default: {default_on}); LOSO, first uses of unlisted words: "
          f"{at['hits']}/{at['flags']} flags right (P {at['precision']}, R {at['recall']})")
    if args.show:
        for s, r in sorted(judged, key=lambda sr: -sr[0])[:60]:
            print(f"{s:.2f} {'+' if r['y'] else '-'} {r['text']} {r['word']} ({r['lemma']})")
    return 0


def inputs_digest(corpus: Path) -> str:
    """What the model was built from: the dev labels and the shipped wordlists."""
    from plainfinnish import wordlists

    digest = hashlib.sha256((corpus / "labels.jsonl").read_bytes())
    for path in sorted(wordlists.shipped_paths()):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
