#!/usr/bin/env python3
"""The suggestion-quality table of docs/suggestion-quality.md, from the editor's judgements.

    .venv/bin/python bench/suggestion_table.py bench/data/suggestion-judgements-dev.tsv [/tmp/review.tsv] \
        [../shared/corpus/dev/labels.jsonl]

The judgements TSV has one row per judged suggestion (file, rule, kind, flagged, suggestion,
grammatical y/n, meaning y/n, verdict as-is/edits/rejected, reason). With the review dump
(bench/suggestion_review.py) as the second argument, the "all" row weights each rule/kind stratum
by its size in the dump, since jargon's review and advice rows are a sample. With the corpus labels
as the third, a second table gives each rule's accepted share (as is + with edits) leaving one
source (repository or ref) out at a time: the lowest and highest.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter, defaultdict


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "–"


def _source(text: str) -> str:
    """The repository ('owner/name:path' -> 'owner/name') or the ref of an unnamed one."""
    ref = re.search(r"\(ref (\d+)\)", text)
    if ref:
        return "ref " + ref.group(1)
    repo = re.match(r"([\w.-]+/[\w.-]+)", text)
    return repo.group(1) if repo else text


def loso(rows: list[dict], labels_path: str) -> None:
    with open(labels_path, encoding="utf-8") as f:
        source = {(d := json.loads(line))["file"].rsplit("/", 1)[-1]: _source(d["source"]) for line in f if line.strip()}
    print("\n| rule | sources | accepted, all | accepted, leaving one source out (min – max) |")
    print("|---|---|---|---|")
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_rule[r["rule"]].append(r)
    for rule, group in sorted(by_rule.items()):
        sources = sorted({source.get(r["file"], r["file"]) for r in group})
        shares = []
        for left_out in sources:
            kept = [r for r in group if source.get(r["file"], r["file"]) != left_out]
            if kept:
                shares.append(sum(r["verdict"] != "rejected" for r in kept) / len(kept))
        accepted = sum(r["verdict"] != "rejected" for r in group) / len(group)
        spread = f"{100 * min(shares):.0f}% – {100 * max(shares):.0f}%" if shares else "–"
        print(f"| {rule} | {len(sources)} | {100 * accepted:.0f}% | {spread} |")


def main(judged_path: str, dump_path: str | None = None, labels_path: str | None = None) -> int:
    with open(judged_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    strata: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        strata[(r["rule"], r["kind"])].append(r)
    sizes = Counter()
    if dump_path:
        with open(dump_path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                sizes[(cols[1], cols[2])] += 1
    print("| rule | kind | judged / in dump | grammatical | meaning kept | accepted as is | with edits | rejected |"
          " safe fixes wrong |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals = Counter()
    for (rule, kind), group in sorted(strata.items()):
        n = len(group)
        g = sum(r["grammatical"] == "y" for r in group)
        m = sum(r["meaning"] == "y" for r in group)
        verdicts = Counter(r["verdict"] for r in group)
        wrong_safe = sum(kind == "safe" and (r["grammatical"] == "n" or r["meaning"] == "n") for r in group)
        size = sizes.get((rule, kind), n) if dump_path else n
        print(f"| {rule} | {kind} | {n} / {size} | {_pct(g, n)} | {_pct(m, n)} | {_pct(verdicts['as-is'], n)} |"
              f" {_pct(verdicts['edits'], n)} | {_pct(verdicts['rejected'], n)} |"
              f" {f'{wrong_safe} of {n}' if kind == 'safe' else ''} |")
        w = size / n
        totals["n"] += size
        for key, value in (("g", g), ("m", m), ("as-is", verdicts["as-is"]), ("edits", verdicts["edits"]),
                           ("rejected", verdicts["rejected"])):
            totals[key] += value * w
    n = totals["n"]
    label = "all (weighted by the dump)" if dump_path else "all judged"
    print(f"| {label} | | {len(rows)} / {n} | {_pct(round(totals['g']), n)} | {_pct(round(totals['m']), n)} |"
          f" {_pct(round(totals['as-is']), n)} | {_pct(round(totals['edits']), n)} | {_pct(round(totals['rejected']), n)} | |")
    if labels_path:
        loso(rows, labels_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
