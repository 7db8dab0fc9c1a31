#!/usr/bin/env python3
"""Dump every suggestion plainfinnish makes on a corpus, with its sentence, for an editor to judge.

    .venv/bin/python bench/suggestion_review.py ../shared/corpus/dev > /tmp/review.tsv

One row per finding that carries a suggestion: file, rule, safe/review/advice, the flagged text,
the first suggestion, and the source line around it. The method for judging the rows and the
resulting table are in docs/suggestions.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(corpus: str) -> int:
    texts = sorted((Path(corpus) / "texts").iterdir())
    proc = subprocess.run([str(ROOT / ".venv/bin/plainfinnish"), "check", "--format", "json", "--no-cache",
                           *map(str, texts)], capture_output=True, text=True)
    report = json.loads(proc.stdout)
    rows = 0
    for entry in report["files"]:
        lines = Path(entry["path"]).read_text(encoding="utf-8").split("\n")
        for f in entry["findings"]:
            fixes = f.get("fixes") or []
            if not fixes:
                continue
            first = fixes[0]
            kind = "advice" if not first["applicable"] else ("safe" if first["safe"] else "review")
            context = lines[f["line"] - 1].strip()[:300]
            print("\t".join([Path(entry["path"]).name, f["rule"], kind, f["text"].replace("\n", " ")[:200],
                             first["text"].replace("\n", " ")[:300], context]))
            rows += 1
    print(f"{rows} findings with a suggestion", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared/corpus/dev")))
