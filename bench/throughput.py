"""One throughput measurement in this (fresh) process; prints one JSON line.

    python bench/throughput.py MODE CORPUS [--passes N]

MODE: floor (spacy.blank("fi") tokenizer + cached Voikko analysis of every token, nothing else),
fast / accurate (plainfinnish's pipeline through engine.analyze_messages), model (the Finnish
model's own nlp.pipe with the components the accurate profile keeps: no NER), model-full (all of
the model). CORPUS: ud (raw UD-TDT test sentences) or a folder (a content repo: every file read
with plainfinnish's readers; the floor and model modes get the same message texts).
Pass 1 starts with an empty Voikko cache; later passes show the warm cache. Each pass reports wall
and CPU seconds (CPU time is steadier on a machine shared with other work).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ud_texts  # noqa: E402


def messages_for(corpus: str) -> list:
    from array import array

    from plainfinnish.document import Message

    if corpus == "ud":
        return [Message(text=t, starts=array("q", range(len(t))), ends=array("q", range(1, len(t) + 1))) for t in ud_texts()]
    from plainfinnish import readers
    from plainfinnish.config import Config
    from plainfinnish.document import SourceText
    from plainfinnish.engine import resolve_format

    config = Config()
    out = []
    for path in sorted(Path(corpus).rglob("*")):
        if path.is_file():
            source = SourceText(path=str(path), text=path.read_text(encoding="utf-8"))
            fmt = resolve_format(str(path), config)[0]
            out += [m for m in readers.read(source, fmt, config.readers).messages if m.text.strip()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["floor", "fast", "accurate", "model", "model-full"])
    parser.add_argument("corpus")
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()

    messages = messages_for(args.corpus)
    texts = [m.text for m in messages]
    start = time.perf_counter()
    if args.mode == "floor":
        import spacy

        from plainfinnish.nlp import voikko

        nlp = spacy.blank("fi")
        voikko.backend()

        def one_pass() -> int:
            n = 0
            for doc in nlp.pipe(texts):
                for token in doc:
                    voikko.analyze(token.text)
                n += len(doc)
            return n
    elif args.mode in ("fast", "accurate"):
        from plainfinnish.engine import analyze_messages
        from plainfinnish.nlp import pipeline, voikko

        pipeline.load(args.mode)
        voikko.backend()

        def one_pass() -> int:
            return sum(len(doc) for doc in analyze_messages(messages, args.mode))
    else:
        import spacy

        from plainfinnish.nlp import voikko
        from plainfinnish.nlp.pipeline import MODEL

        # The model's lemmatizer needs native libvoikko: on the pure backend it cannot load.
        no_lemmatizer = [] if voikko.backend().name == "libvoikko" else ["lemmatizer"]
        nlp = spacy.load(MODEL, exclude=(["ner"] if args.mode == "model" else []) + no_lemmatizer)

        def one_pass() -> int:
            return sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    load = time.perf_counter() - start
    passes = []
    for _ in range(args.passes):
        t0, c0 = time.perf_counter(), time.process_time()
        tokens = one_pass()
        passes.append({"tokens": tokens, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0})
    print(json.dumps({"mode": args.mode, "corpus": args.corpus, "load": load, "passes": passes}))


if __name__ == "__main__":
    main()
