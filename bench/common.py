"""Shared helpers for the benchmarks: corpora, a generated content repo, and fresh child processes
whose wall time and peak memory (RSS) are measured from outside."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UD_TEST = SHARED / "corpus" / "ud" / "fi_tdt-ud-test.conllu"
DEV_TEXTS = SHARED / "corpus" / "dev" / "texts"
PYTHON = sys.executable
PLAINFINNISH = str(Path(PYTHON).with_name("plainfinnish"))


#: Our own customer-message sentences (not corpus strings) for generated messages.
SENTENCES = [
    "Kiitos tilauksestasi, käsittelemme sen mahdollisimman pian.",
    "Lähetämme sinulle sähköpostin, kun paketti on lähtenyt varastoltamme.",
    "Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa, pyydämme sinua ottamaan yhteyttä asiakaspalveluumme.",
    "Voit seurata lähetystä verkkosivuillamme tilausnumerolla.",
    "Laskun eräpäivä on neljätoista päivää laskun päiväyksestä.",
    "Jos olet jo maksanut laskun, tämä viesti on aiheeton.",
    "Reklamaation käsittely kestää yleensä noin viikon, minkä jälkeen saat päätöksen sähköpostiisi.",
    "Palautuksen voit tehdä kolmenkymmenen päivän kuluessa tuotteen vastaanottamisesta.",
    "Älä missaa tätä tarjousta, sillä vain muutama tuote on enää jäljellä!",
    "Hakemuksesi tiedot tarkistetaan ennen päätöksen tekemistä.",
]


def ud_texts() -> list[str]:
    """The raw sentences of UD Finnish-TDT test (`# text =` lines)."""
    prefix = "# text = "
    with UD_TEST.open(encoding="utf-8") as f:
        return [line[len(prefix):].rstrip("\n") for line in f if line.startswith(prefix)]


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if len(line.split()) >= 3 and not line.startswith(("<", "{", "#", "msgid", "msgstr")):
            out.append(line)
    return out


def generate_repo(folder: Path, files: int = 120, seed: int = 9) -> Path:
    """A content repo of Markdown messages: headings, paragraphs, lists and template
    placeholders, built from UD-TDT sentences (varied vocabulary) and the dev corpus's plain-text
    messages (service-message vocabulary). Deterministic for a seed."""
    rng = random.Random(seed)
    pool = ud_texts()
    for path in sorted(DEV_TEXTS.glob("*.txt")):
        pool += _sentences(path.read_text(encoding="utf-8"))
    placeholders = ["{{ name }}", "{{ order_id }}", "{{ date }}", "{{ amount }} €"]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        lines = [f"# {rng.choice(pool).rstrip('.')}", "", f"Hei {placeholders[0]},", ""]
        for _ in range(rng.randint(3, 6)):
            lines += [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 4))), ""]
        lines += [f"- {rng.choice(pool)}" for _ in range(rng.randint(2, 4))]
        lines += ["", f"Viite {rng.choice(placeholders[1:])}.", ""]
        (folder / f"message-{i:03d}.md").write_text("\n".join(lines), encoding="utf-8")
    return folder


@dataclass
class Child:
    seconds: float
    cpu: float  # user + system seconds of the child
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_measured(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Child:
    """Run a command in a fresh process: wall time and that child's own peak RSS (os.wait4;
    Linux reports ru_maxrss in KiB).
    Output goes to temporary files so the child can never block on a full pipe."""
    import tempfile

    full_env = {**os.environ, **(env or {})}
    # An installed package runs from compiled bytecode (pip compiles it); a shell that sets
    # PYTHONDONTWRITEBYTECODE would make every child compile all our modules again (~50 ms).
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env=full_env, cwd=cwd, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, out.read(), err.read())


def json_child(args: list[str], env: dict[str, str] | None = None) -> tuple[dict, Child]:
    child = run_measured(args, env)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({child.returncode}):\n{child.stderr[-2000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1]), child


def median(values: list[float]) -> float:
    return statistics.median(values)
