"""`--fix` on a whole corpus, then a Voikko re-analysis of every changed word and a re-lint.

    .venv/bin/python bench/fix_check.py [--corpus DIR] [--unsafe] [--show]

The corpus (default: ../shared/corpus/dev/texts) is copied to a temporary folder and fixed by the
real CLI (`check --fix`, and with `--unsafe` a second copy with `--unsafe-fixes`). Each file is then
compared word by word with its original. For every changed word:

- unknown: Voikko has no reading for the new word;
- form changed: a word replaced one-for-one does not fill the slot of the word it replaced (case,
  number, possessive, clitic, person, tense, mood, polarity, participle — re-analysed);
- broken agreement: an attribute right before the word agreed with the old word in case and
  number but agrees with no reading of the new one, or a numeral before it asked for the singular
  partitive and the new word is not one;
- new finding: the re-lint reports a finding that overlaps the changed text.

A rewrite that changes the number of words is listed (it is never a safe fix). The counts are
printed as a table; the exit status is 1 when the safe run has any problem. Skips (exit 0) when the
corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEV_TEXTS, PLAINFINNISH  # noqa: E402

WORD = re.compile(r"[^\W_](?:[\w'’:-]*[^\W_])?")
ATTRIBUTE_CLASSES = {"laatusana", "nimisana_laatusana", "asemosana", "lukusana"}


@dataclass
class Report:
    mode: str
    files: int = 0
    changed_files: int = 0
    edits: int = 0
    changed_words: int = 0
    reworded: int = 0  # edits that change the number of words
    problems: dict[str, list[str]] = field(default_factory=lambda: {
        "unknown word": [], "form changed": [], "broken agreement": [], "new finding": []})
    findings_before: int = 0
    findings_after: int = 0


def lint(folder: Path) -> dict[str, list[dict]]:
    proc = subprocess.run([PLAINFINNISH, "check", "--format", "json", "--no-cache", str(folder)],
                          capture_output=True, text=True)
    data = json.loads(proc.stdout)
    return {str(Path(f["path"]).resolve().relative_to(folder.resolve())): f["findings"] for f in data["files"]}


def offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def run(corpus: Path, unsafe: bool, show: bool) -> Report:
    from plainfinnish.nlp.verify import _all_slots, _readings, _slots

    report = Report("--fix --unsafe-fixes" if unsafe else "--fix")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        shutil.copytree(corpus, folder, copy_function=shutil.copyfile)  # writable copies (the corpus is read-only)
        before_findings = lint(folder)
        args = [PLAINFINNISH, "check", "--no-cache", "--fix", *(["--unsafe-fixes"] if unsafe else []), str(folder)]
        subprocess.run(args, capture_output=True, text=True)
        after_findings = lint(folder)
        report.findings_before = sum(len(v) for v in before_findings.values())
        report.findings_after = sum(len(v) for v in after_findings.values())
        for path in sorted(corpus.rglob("*")):
            if not path.is_file():
                continue
            rel = str(path.relative_to(corpus))
            report.files += 1
            old_text = path.read_text(encoding="utf-8", errors="replace")
            new_text = (folder / rel).read_text(encoding="utf-8", errors="replace")
            if old_text == new_text:
                continue
            report.changed_files += 1
            old = list(WORD.finditer(old_text))
            new = list(WORD.finditer(new_text))
            changed_spans: list[tuple[int, int]] = []
            ops = SequenceMatcher(None, [m.group() for m in old], [m.group() for m in new], autojunk=False)
            for tag, i1, i2, j1, j2 in ops.get_opcodes():
                if tag == "equal":
                    continue
                report.edits += 1
                where = f"{rel}:{old_text.count(chr(10), 0, old[i1].start() if i1 < len(old) else len(old_text)) + 1}"
                olds, news = old[i1:i2], new[j1:j2]
                report.changed_words += len(news)
                if news:
                    changed_spans.append((news[0].start(), news[-1].end()))
                for m in news:
                    if not m.group().isdigit() and not _readings(m.group()):
                        report.problems["unknown word"].append(f"{where}: {m.group()!r}")
                if len(olds) != len(news):
                    report.reworded += 1
                    if show:
                        print(f"  reworded {where}: {' '.join(m.group() for m in olds)!r} -> "
                              f"{' '.join(m.group() for m in news)!r}")
                    continue
                for k, (o, n) in enumerate(zip(olds, news)):
                    pair = f"{where}: {o.group()!r} -> {n.group()!r}"
                    groups = _slots(o.group())
                    if groups and not any(g <= _all_slots(n.group()) for g in groups):
                        report.problems["form changed"].append(pair)
                    previous = new[j1 + k - 1].group() if j1 + k > 0 else None
                    if previous is not None and _agreement_broken(previous, o.group(), n.group()):
                        report.problems["broken agreement"].append(f"{pair} after {previous!r}")
            # a finding is new when its rule has more findings starting on that line than before
            # (a word swap keeps the lines; the finding's own text may have changed with it)
            had = Counter((f["rule"], f["line"]) for f in before_findings.get(rel, []))
            for finding in after_findings.get(rel, []):
                key = (finding["rule"], finding["line"])
                if had[key] > 0:
                    had[key] -= 1
                    continue
                start = offset(new_text, finding["line"], finding["column"])
                end = offset(new_text, finding["end_line"], finding["end_column"])
                if any(start < b and a < end for a, b in changed_spans):
                    report.problems["new finding"].append(f"{rel}:{finding['line']}: {finding['rule']} {finding['text']!r}")
    return report


def _agreement_broken(previous: str, old: str, new: str) -> bool:
    from plainfinnish.nlp.verify import _readings

    before = _readings(previous)
    old_r, new_r = _readings(old), _readings(new)
    if not before or not old_r or not new_r:
        return False
    if any(a.word_class == "lukusana" or a.baseform.isdigit() for a in before) or previous.isdigit():
        # "kolme reklamaatiota": a partitive singular after a numeral stays one
        if any(a.case == "osanto" and a.number == "singular" for a in old_r):
            return not any(a.case == "osanto" and a.number == "singular" for a in new_r)
        return False
    attributes = [a for a in before if a.word_class in ATTRIBUTE_CLASSES or a.participle]
    agreed = {(a.case, a.number) for a in attributes} & {(a.case, a.number) for a in old_r if a.case}
    if not agreed or len(attributes) != len(before):
        return False  # not (only) an attribute: nothing to agree with
    return not ({(a.case, a.number) for a in attributes} & {(a.case, a.number) for a in new_r if a.case})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEV_TEXTS)
    parser.add_argument("--unsafe", action="store_true", help="also run with --unsafe-fixes")
    parser.add_argument("--show", action="store_true", help="list every problem and reworded edit")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} is not available")
        return 0
    reports = [run(args.corpus, False, args.show)]
    if args.unsafe:
        reports.append(run(args.corpus, True, args.show))
    print("| run | files changed | edits | changed words | reworded | unknown word | form changed | broken agreement "
          "| new finding | findings before → after |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in reports:
        p = r.problems
        print(f"| `{r.mode}` | {r.changed_files}/{r.files} | {r.edits} | {r.changed_words} | {r.reworded} | "
              f"{len(p['unknown word'])} | {len(p['form changed'])} | {len(p['broken agreement'])} | "
              f"{len(p['new finding'])} | {r.findings_before} → {r.findings_after} |")
    for r in reports:
        for kind, items in r.problems.items():
            for item in items if args.show else items[:10]:
                print(f"{r.mode}: {kind}: {item}")
    safe = reports[0].problems
    return 1 if any(safe[k] for k in ("unknown word", "form changed", "broken agreement")) else 0


if __name__ == "__main__":
    raise SystemExit(main())
