"""`make bench`: every figure of docs/performance.md in one table, each also as a ratio to the floor.

    .venv/bin/python bench/run.py [--quick] [--json results.json]

Everything runs in fresh child processes (one per figure), so caches and loaded models never leak
from one measurement into another; peak memory is each child's own RSS high-water mark.
Throughput is tokens per CPU second of the child (steadier than wall time on a shared machine;
wall time is shown too). The floor is spaCy's blank Finnish tokenizer plus the cached Voikko
analysis of every token, measured in the same run on the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV_TEXTS, PLAINFINNISH, PYTHON, ROOT, generate_repo, json_child, median, run_measured  # noqa: E402

HERE = Path(__file__).resolve().parent
TARGETS = {"fast_ratio": 0.40, "accurate_ratio": 0.80, "cold_fast": 1.5, "cache_hit": 0.4,
           "rss_fast": 200.0, "rss_accurate": 600.0}


def native_available() -> bool:
    from plainfinnish.nlp.voikko import native_available as available

    return available()


def throughput(mode: str, corpus: str, backend: str, passes: int) -> dict:
    result, child = json_child([PYTHON, str(HERE / "throughput.py"), mode, corpus, "--passes", str(passes)],
                               {"PLAINFINNISH_VOIKKO": backend})
    result["rss"] = child.peak_rss_mb
    for p in result["passes"]:
        p["tok_s_cpu"] = p["tokens"] / p["cpu"]
        p["tok_s_wall"] = p["tokens"] / p["seconds"]
    return result


def check_runs(args: list[str], backend: str, repeat: int, cache_dir: str | None = None) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds and max peak RSS (MB) of `plainfinnish check …`
    in fresh processes."""
    cache = ["--cache-dir", cache_dir] if cache_dir else ["--no-cache"]
    times, cpus, rss = [], [], []
    for _ in range(repeat):
        child = run_measured([PLAINFINNISH, "check", *cache, *args], {"PLAINFINNISH_VOIKKO": backend})
        if child.returncode not in (0, 1):
            raise RuntimeError(f"check {args} failed ({child.returncode}): {child.stderr[-1500:]}")
        times.append(child.seconds)
        cpus.append(child.cpu)
        rss.append(child.peak_rss_mb)
    return median(times), median(cpus), max(rss)


def spacy_imported(args: list[str]) -> tuple[bool, float]:
    """Does this command import spaCy? (python -X importtime) And its wall time."""
    child = run_measured([PYTHON, "-X", "importtime", "-m", "plainfinnish", *args])
    modules = {line.rsplit("|", 1)[-1].strip() for line in child.stderr.splitlines() if line.startswith("import time:")}
    return "spacy" in modules, child.seconds


def fmt_rate(value: float) -> str:
    return f"{value / 1000:,.1f}k"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="native backend only, 3 cold starts instead of 5")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    opts = parser.parse_args()
    backends = ["native", "pure"] if native_available() else ["pure"]
    if opts.quick:
        backends = backends[:1]
    repeat = 3 if opts.quick else 5
    raw: dict = {"backends": {}}
    rows: list[tuple[str, ...]] = []
    ok: list[tuple[str, bool, str]] = []

    with tempfile.TemporaryDirectory(prefix="pf-bench-") as tmp:
        repo = str(generate_repo(Path(tmp) / "repo"))
        small = Path(tmp) / "small.md"
        small.write_text("# Tilaus lähetetty\n\nHei {{ name }},\n\ntilauksesi on lähetetty. Saat sen perille kahden arkipäivän kuluessa.\n", encoding="utf-8")
        empty = Path(tmp) / "empty.md"
        empty.write_text("<!-- no text -->\n", encoding="utf-8")

        for backend in backends:
            figures: dict = {}
            print(f"… measuring on the {backend} Voikko backend", file=sys.stderr)
            for corpus, label in (("ud", "UD-TDT test"), (repo, "content repo")):
                floor = throughput("floor", corpus, backend, 2)
                fast = throughput("fast", corpus, backend, 2)
                accurate = throughput("accurate", corpus, backend, 1)
                model = throughput("model", corpus, backend, 1) if backend == "native" or corpus == "ud" else None
                figures[label] = {"floor": floor, "fast": fast, "accurate": accurate, "model": model}
                f1, f2 = floor["passes"][0]["tok_s_cpu"], floor["passes"][1]["tok_s_cpu"]
                for name, r in (("floor", floor), ("fast", fast)):
                    p1, p2 = r["passes"][0], r["passes"][1]
                    rows.append((backend, label, name, fmt_rate(p1["tok_s_cpu"]), fmt_rate(p1["tok_s_wall"]),
                                 f"{p1['tok_s_cpu'] / f1:.0%}", fmt_rate(p2["tok_s_cpu"]), f"{p2['tok_s_cpu'] / f2:.0%}",
                                 f"{r['rss']:.0f}"))
                ratio = fast["passes"][0]["tok_s_cpu"] / f1
                ok.append((f"fast ≥ 40% of floor ({backend}, {label}, cold cache)", ratio >= TARGETS["fast_ratio"], f"{ratio:.0%}"))
                a = accurate["passes"][0]
                rows.append((backend, label, "accurate", fmt_rate(a["tok_s_cpu"]), fmt_rate(a["tok_s_wall"]),
                             f"{a['tok_s_cpu'] / f1:.1%}", "", "", f"{accurate['rss']:.0f}"))
                if model:
                    m = model["passes"][0]
                    rows.append((backend, label, "model nlp.pipe", fmt_rate(m["tok_s_cpu"]), fmt_rate(m["tok_s_wall"]),
                                 f"{m['tok_s_cpu'] / f1:.1%}", "", "", f"{model['rss']:.0f}"))
                    ratio = a["tok_s_cpu"] / m["tok_s_cpu"]
                    ok.append((f"accurate ≥ 80% of the model's nlp.pipe ({backend}, {label})", ratio >= TARGETS["accurate_ratio"], f"{ratio:.0%}"))
                for name, r in (("fast", fast), ("accurate", accurate)):
                    limit = TARGETS[f"rss_{name}"]
                    ok.append((f"peak RSS {name} ≤ {limit:.0f} MB ({backend}, {label})", r["rss"] <= limit, f"{r['rss']:.0f} MB"))

            # Start-up and the cache, on one small file, in fresh processes.
            cold_fast, cpu_fast, rss_fast = check_runs(["--profile", "fast", str(small)], backend, repeat)
            cold_acc, cpu_acc, rss_acc = check_runs(["--profile", "accurate", str(small)], backend, max(3, repeat - 2))
            cache_dir = str(Path(tmp) / f"cache-{backend}")
            check_runs(["--profile", "fast", str(small)], backend, 1, cache_dir)  # fill
            hit, cpu_hit, rss_hit = check_runs(["--profile", "fast", str(small)], backend, repeat, cache_dir)
            figures["start"] = {"cold_fast": cold_fast, "cold_accurate": cold_acc, "cache_hit": hit,
                                "cpu_fast": cpu_fast, "cpu_accurate": cpu_acc, "cpu_hit": cpu_hit,
                                "rss_cold_fast": rss_fast, "rss_cold_accurate": rss_acc, "rss_hit": rss_hit}
            ok.append((f"cold start fast ≤ 1.5 s ({backend})", cold_fast <= TARGETS["cold_fast"], f"{cold_fast:.2f} s"))
            ok.append((f"cache hit ≤ 0.4 s ({backend})", hit <= TARGETS["cache_hit"], f"{hit:.2f} s"))
            ok.append((f"peak RSS check fast ≤ 200 MB ({backend}, small file)", rss_fast <= TARGETS["rss_fast"], f"{rss_fast:.0f} MB"))
            ok.append((f"peak RSS check accurate ≤ 600 MB ({backend}, small file)", rss_acc <= TARGETS["rss_accurate"], f"{rss_acc:.0f} MB"))

            # Rules included: `check --format json` on the whole dev corpus, per profile.
            full = {}
            for profile in ("fast", "accurate"):
                child = run_measured([PLAINFINNISH, "check", "--no-cache", "--format", "json", "--profile", profile, str(DEV_TEXTS)],
                                     {"PLAINFINNISH_VOIKKO": backend})
                report = json.loads(child.stdout)
                words = sum(f.get("stats", {}).get("words", 0) for f in report["files"])
                full[profile] = {"seconds": child.seconds, "cpu": child.cpu, "words": words, "files": len(report["files"]),
                                 "rss_main": child.peak_rss_mb}
            figures["check_dev"] = full
            raw["backends"][backend] = figures

        imports = {" ".join(a) or "(none)": spacy_imported(a) for a in (["--help"], ["rules"], ["explain", "long-sentence"])}
        # a cache hit and a file with no text, same check
        cache_dir = str(Path(tmp) / "cache-imports")
        run_measured([PLAINFINNISH, "check", "--cache-dir", cache_dir, str(small)])
        imports["check (cache hit)"] = spacy_imported(["check", "--cache-dir", cache_dir, str(small)])
        imports["check (file with no text)"] = spacy_imported(["check", "--no-cache", str(empty)])
        raw["imports"] = imports

    print("\n## Throughput (tokens/s; ratio = fast or accurate ÷ floor, same corpus, same backend)\n")
    header = ("backend", "corpus", "pipeline", "pass 1 tok/s (CPU)", "pass 1 tok/s (wall)", "÷ floor",
              "pass 2 tok/s (CPU)", "÷ floor", "peak RSS MB")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n## Start-up, cache, whole check\n")
    print("Wall seconds (median of fresh processes), CPU seconds (user+system) in brackets.\n")
    print("| backend | cold check fast | cold check accurate | cache hit | RSS fast / accurate / hit (MB) | dev corpus check fast | dev corpus check accurate |")
    print("|---|---|---|---|---|---|---|")
    for backend, f in raw["backends"].items():
        s, c = f["start"], f["check_dev"]
        dev = {p: f"{c[p]['seconds']:.1f} s ({c[p]['cpu']:.1f} s CPU) · {c[p]['words'] / c[p]['seconds']:,.0f} words/s" for p in c}
        print(f"| {backend} | {s['cold_fast']:.2f} s ({s['cpu_fast']:.2f}) | {s['cold_accurate']:.2f} s ({s['cpu_accurate']:.2f}) | "
              f"{s['cache_hit']:.2f} s ({s['cpu_hit']:.2f}) | "
              f"{s['rss_cold_fast']:.0f} / {s['rss_cold_accurate']:.0f} / {s['rss_hit']:.0f} | {dev['fast']} | {dev['accurate']} |")
    print(f"\n(dev corpus: {c['fast']['files']} files, {c['fast']['words']} words; wall time of the whole command, start-up included)")
    print("\n## Does it import spaCy? (python -X importtime)\n")
    print("| command | imports spaCy | wall |")
    print("|---|---|---|")
    for name, (imported, seconds) in imports.items():
        print(f"| {name} | {'yes' if imported else 'no'} | {seconds:.2f} s |")
        ok.append((f"no spaCy import: {name}", not imported, "yes" if imported else "no"))
    print("\n## Targets\n")
    for name, passed, value in ok:
        print(f"- [{'x' if passed else ' '}] {name}: {value}")
    for script in ("precommit.py", "lsp_latency.py"):  # owned by other engineers; shown when present
        if (HERE / script).exists():
            child = run_measured([PYTHON, str(HERE / script)], cwd=ROOT)
            print(f"\n## bench/{script}\n\n{child.stdout.strip() or child.stderr.strip()[-800:]}")
    if opts.json:
        opts.json.write_text(json.dumps(raw, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
