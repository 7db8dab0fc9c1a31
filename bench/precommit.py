"""A pre-commit style run over a generated content repository: first run, cached re-run.

    .venv/bin/python bench/precommit.py [--files 1000] [--jobs N] [--profile fast]

Generates N templates (Markdown, text and Jinja-style HTML e-mails with placeholders, some with
long sentences and jargon), then times `plainfinnish check` on all of them as pre-commit calls
it: cold (empty cache), warm (every file cached) and after one file changed. Prints a table. Run
by hand; it is not a test.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPENINGS = ["Hei {{ asiakas.nimi }}!", "Hyvä asiakas,", "Hei,", "Tervehdys {{ etunimi }},"]
SENTENCES = [
    "Kiitos tilauksestasi {{ tilaus.numero }}.",
    "Lähetämme paketin kahden arkipäivän kuluessa.",
    "Saat seurantakoodin sähköpostiisi, kun paketti lähtee varastolta.",
    "Voit noutaa paketin lähimmästä noutopisteestä viikon ajan.",
    "Jos sinulla on kysyttävää, vastaa tähän viestiin.",
    "Olemme vastaanottaneet reklamaation ja käsittelemme sen viikon kuluessa.",
    "Maksun eräpäivä on {{ erapaiva }}, ja summa on {{ summa }} euroa.",
    "Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
    "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme "
    "selvittää lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.",
    "Hakemuksesi on vastaanotettu ja se käsitellään saapumisjärjestyksessä.",
    "Tarkistamme tiedot ja palaamme asiaan {{ pvm }} mennessä.",
]


def generate(root: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        body = " ".join(rng.sample(SENTENCES, rng.randint(3, 6)))
        opening = rng.choice(OPENINGS)
        kind = i % 3
        folder = root / ("emails", "faq", "notices")[kind]
        folder.mkdir(parents=True, exist_ok=True)
        if kind == 0:
            path = folder / f"viesti-{i:04}.md"
            path.write_text(f"# Viesti {i}\n\n{opening}\n\n{body}\n\nYstävällisin terveisin\nAsiakaspalvelu\n", encoding="utf-8")
        elif kind == 1:
            path = folder / f"ukk-{i:04}.txt"
            path.write_text(f"{opening}\n\n{body}\n", encoding="utf-8")
        else:
            path = folder / f"ilmoitus-{i:04}.md"
            path.write_text(f"{opening}\n\n{body}\n\n{{% if lisatieto %}}{{{{ lisatieto }}}}{{% endif %}}\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"plainfinnish failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--profile", default="fast", choices=("fast", "accurate"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plainfinnish-bench-") as tmp:
        root = Path(tmp) / "content"
        cache = Path(tmp) / "cache"
        paths = generate(root, args.files)
        rel = [str(p.relative_to(root)) for p in paths]
        base = [sys.executable, "-m", "plainfinnish", "check", "--quiet", "--profile", args.profile,
                "--cache-dir", str(cache)]
        if args.jobs:
            base += ["--jobs", str(args.jobs)]
        rows = []
        rows.append(("first run (empty cache)", *timed(base + rel, root)))
        rows.append(("re-run (all cached)", *timed(base + rel, root)))
        paths[0].write_text(paths[0].read_text(encoding="utf-8") + "\nUusi rivi.\n", encoding="utf-8")
        rows.append(("re-run, 1 file changed", *timed(base + rel, root)))
        rows.append(("no cache, --jobs 1", *timed(base + ["--no-cache", "--jobs", "1"] + rel, root)))
        print(f"{args.files} templates, profile {args.profile}, jobs {args.jobs or 'default (cores)'}\n")
        print(f"{'run':<28}{'seconds':>10}{'files/s':>10}{'exit':>6}")
        for name, seconds, code in rows:
            print(f"{name:<28}{seconds:>10.2f}{args.files / seconds:>10.0f}{code:>6}")


if __name__ == "__main__":
    main()

# Measured on the shared 2-core development machine (fast profile, native libvoikko,
# other engineers' tests running at the same time):
#
#   1000 templates, profile fast, jobs default (cores)
#   run                            seconds   files/s  exit
#   first run (empty cache)          25.05        40     1
#   re-run (all cached)               1.50       666     1
#   re-run, 1 file changed            2.35       425     1
#   no cache, --jobs 1               18.09        55     1
#
# With 2 busy cores the pool (two pipeline loads, pickling) does not beat one process; the cache
# is what makes the pre-commit run fast. An edit to plainfinnish's own code invalidates the cache.
