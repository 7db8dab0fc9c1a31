"""Sentence-boundary F1 of both profiles against the gold boundaries of UD Finnish-TDT (test set).

The raw text is rebuilt from the `# text =` lines: a new document (sent_id prefix) starts after a
blank line; a sentence without terminal punctuation (a title, a heading, a line of a list) is
followed by a line break, as it stood on its own line in the source; other sentences are joined
with a space. A boundary counts as found when our sentence starts at the same character offset.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import shared_path

TARGET_F1 = 0.95
_TERMINAL = re.compile(r"[.!?…:;]['\"”’»)]*$")


def rebuild(conllu: Path) -> tuple[list[str], list[set[int]]]:
    """Documents as raw text and, for each, the gold offsets where sentences start."""
    texts: list[str] = []
    starts: list[set[int]] = []
    doc_id = None
    parts: list[str] = []
    gold: set[int] = set()
    offset = 0
    sent_id = ""
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
            this_doc = sent_id.rsplit(".", 1)[0]
            if this_doc != doc_id and parts:
                texts.append("".join(parts))
                starts.append(gold)
                parts, gold, offset = [], set(), 0
            doc_id = this_doc
            gold.add(offset)
            sep = " " if _TERMINAL.search(text) else "\n"
            parts.append(text + sep)
            offset += len(text) + 1
    if parts:
        texts.append("".join(parts))
        starts.append(gold)
    return texts, starts


def boundary_f1(profile: str) -> tuple[float, float, float, list[tuple[str, str]]]:
    from plainfinnish.nlp import pipeline

    texts, gold_starts = rebuild(shared_path("corpus", "ud", "fi_tdt-ud-test.conllu"))
    nlp = pipeline.load(profile)
    tp = fp = fn = 0
    errors: list[tuple[str, str]] = []
    for text, gold, doc in zip(texts, gold_starts, nlp.pipe(texts, batch_size=16)):
        ours = {next(t.idx for t in s if not t.is_space) for s in doc.sents if any(not t.is_space for t in s)}
        tp += len(ours & gold)
        for o in sorted(ours - gold):
            fp += 1
            errors.append(("extra", text[max(0, o - 40):o] + "|" + text[o:o + 30]))
        for g in sorted(gold - ours):
            fn += 1
            errors.append(("missed", text[max(0, g - 40):g] + "|" + text[g:g + 30]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, errors


@pytest.mark.parametrize("profile", ["fast", "accurate"])
def test_sentence_boundary_f1_on_ud_tdt_test(profile: str) -> None:
    precision, recall, f1, errors = boundary_f1(profile)
    shown = "\n".join(f"{kind}: {ctx!r}" for kind, ctx in errors[:30])
    assert f1 >= TARGET_F1, f"{profile}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}\n{shown}"


def test_rebuilt_text_keeps_every_gold_sentence() -> None:
    texts, starts = rebuild(shared_path("corpus", "ud", "fi_tdt-ud-test.conllu"))
    assert sum(len(s) for s in starts) == 1555
    assert all(max(s) < len(t) for t, s in zip(texts, starts))


# Service-text cases the UD set has few of: each text with the sentences it must give.
CASES = [
    ("Toimitamme tilauksen esim. kotiin. Saat viestin klo 8.30 mennessä.",
     ["Toimitamme tilauksen esim. kotiin.", "Saat viestin klo 8.30 mennessä."]),
    ("Maksu erääntyy 15.1.2026. Toimistomme on 3. kerroksessa.",
     ["Maksu erääntyy 15.1.2026.", "Toimistomme on 3. kerroksessa."]),
    ("Käytämme mm. postia ja ns. pakettiautomaatteja. Toimitus kestää n. 5 päivää, ks. ehdot.",
     ["Käytämme mm. postia ja ns. pakettiautomaatteja.", "Toimitus kestää n. 5 päivää, ks. ehdot."]),
    ("Tilauksesi tiedot\nTilausnumero 12345\n\nToimitusosoite",
     ["Tilauksesi tiedot", "Tilausnumero 12345", "Toimitusosoite"]),
    ("Toimi näin:\n1. Kirjaudu palveluun.\n2. Valitse tilaus.\n- Tarkista osoite\n- Vahvista",
     ["Toimi näin:", "1. Kirjaudu palveluun.", "2. Valitse tilaus.", "- Tarkista osoite", "- Vahvista"]),
    ("Myymme kahvia, teetä jne. Seuraavaksi lähetämme kuitin. Hän sanoi: \"Tulen huomenna.\" Sitten hän lähti.",
     ["Myymme kahvia, teetä jne.", "Seuraavaksi lähetämme kuitin.", "Hän sanoi: \"Tulen huomenna.\"", "Sitten hän lähti."]),
    ("Hinta on 25 e (sis. alv. 24 %). Paketti lähtee varastolta\ntänään iltapäivällä.",
     ["Hinta on 25 e (sis. alv. 24 %).", "Paketti lähtee varastolta\ntänään iltapäivällä."]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[1][0][:20] for c in CASES])
def test_service_text_sentences(text: str, expected: list[str], profile: str) -> None:
    from plainfinnish.nlp import pipeline

    doc = pipeline.load(profile)(text)
    got = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert got == expected
