"""Finnish word frequencies (Zipf scale) from a small table shipped with the package.

The rules ask whether a compound or a run of its parts is a common word ("asiakaspalvelu" 4.1,
"palvelukanava" below 2). Importing `wordfreq` and loading its Finnish list for that cost
0.5 s and over 100 MB on the first long compound of a run; the table here is built ahead from
the same list (`python -m plainfinnish.nlp.frequency --build`, needs wordfreq) and holds every
alphabetic word of at least MIN_CHARS letters with Zipf >= MIN_ZIPF, exactly as
`wordfreq.zipf_frequency(word, "fi")` gives it. It stays a sorted byte string looked up by binary
search: about 1 MB compressed, 3.6 MB in memory (12 MB peak while it is unpacked), about
40 ms to load, no per-word objects.

Below MIN_ZIPF (or for a word with hyphens or digits) `zipf` answers 0.0: callers compare
against thresholds at or above MIN_ZIPF.
"""

from __future__ import annotations

import gzip
import sys
from functools import cache, lru_cache
from importlib.resources import files

MIN_ZIPF = 2.0
MIN_CHARS = 4
TABLE = "zipf_fi.tsv.gz"  # lines "word<TAB>round(zipf * 100)", sorted by their UTF-8 bytes


@cache
def _table() -> bytes:
    return gzip.decompress((files("plainfinnish") / "data" / TABLE).read_bytes())


@lru_cache(maxsize=50_000)
def zipf(word: str) -> float:
    """The Zipf frequency of a lower-case Finnish word (0.0 when below MIN_ZIPF or unknown)."""
    if len(word) < MIN_CHARS:
        return 0.0
    blob = _table()
    key = word.encode("utf-8")
    lo, hi = 0, len(blob)
    while lo < hi:  # lo and hi always sit at line starts
        mid = (lo + hi) // 2
        start = blob.rfind(b"\n", lo, mid) + 1 or lo
        end = blob.index(b"\n", start)
        entry, _, value = blob[start:end].partition(b"\t")
        if entry < key:
            lo = end + 1
        elif entry > key:
            hi = start
        else:
            return int(value) / 100
    return 0.0


def build(out_path: str) -> int:
    """Write the table from wordfreq's Finnish list; returns the number of words."""
    from wordfreq import get_frequency_dict, zipf_frequency

    rows = []
    for word in get_frequency_dict("fi", "best"):
        if len(word) >= MIN_CHARS and word.isalpha():
            z = zipf_frequency(word, "fi")
            if z >= MIN_ZIPF:
                rows.append((word.encode("utf-8"), round(z * 100)))
    rows.sort()
    data = b"".join(w + b"\t" + str(z).encode() + b"\n" for w, z in rows)
    with open(out_path, "wb") as f:
        f.write(gzip.compress(data, mtime=0))
    return len(rows)


if __name__ == "__main__":
    if sys.argv[1:2] != ["--build"]:
        sys.exit("usage: python -m plainfinnish.nlp.frequency --build [OUT]")
    target = sys.argv[2] if len(sys.argv) > 2 else str(files("plainfinnish") / "data" / TABLE)
    print(f"{build(target)} words -> {target}")
