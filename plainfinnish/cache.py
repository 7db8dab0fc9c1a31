"""The result cache: a file's findings, keyed by everything that can change them.

The key is a hash of the file's bytes, its display path (rules may look at it), its reader
format, the configuration fingerprint, the contents of the wordlists (shipped and extra), the
plainfinnish version and code, the Voikko backend and the profile. A hit needs none of the NLP
machinery: this module imports nothing heavier than hashlib and json, so a re-run over an
unchanged repository never loads spaCy.

One JSON file per entry under `<cache dir>/v1/ab/abcdef….json`, written to a temporary file in
the same folder and renamed into place, so concurrent runs never see half an entry. An entry
names the key it was stored under and every field is type-checked on load: a damaged, foreign
or hand-made entry of any shape is a miss, never a crash or a wrong report.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import Any

from plainfinnish.document import read_regular
from plainfinnish.rules.base import Finding, Suggestion

FORMAT_VERSION = "v2"  # v2: entries carry their key
MAX_ENTRY = 50_000_000  # bytes; a bigger entry is not one we wrote
_PACKAGE = Path(__file__).resolve().parent
_FINDING_FIELDS = {f.name for f in fields(Finding)}
_SUGGESTION_FIELDS = {f.name for f in fields(Suggestion)}


def default_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("plainfinnish", appauthor=False))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def code_fingerprint() -> str:
    """The version plus the size and mtime of every module: an edited checkout (editable
    install) invalidates the cache without a version bump."""
    from plainfinnish import __version__

    h = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(_PACKAGE)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


@cache
def shipped_wordlists_hash() -> str:
    h = hashlib.sha256()
    root = _PACKAGE / "data"
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


@cache
def voikko_backend_name() -> str:
    """Which Voikko backend a lint would use, without building the pure-pip one."""
    choice = os.environ.get("PLAINFINNISH_VOIKKO", "auto")
    if choice == "pure":
        return "pyvoikko"
    from plainfinnish.nlp import voikko

    return "libvoikko" if choice == "native" or voikko.native_available() else "pyvoikko"


class Cache:
    """Read and write result entries. `None` directory: a cache that never hits."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory / FORMAT_VERSION if directory is not None else None
        self._wordlist_hashes: dict[Path, str] = {}
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def _wordlists_hash(self, paths: list[Path]) -> str:
        parts = []
        for path in paths:
            if path not in self._wordlist_hashes:
                try:
                    self._wordlist_hashes[path] = content_hash(read_regular(path))  # never /dev/zero or a FIFO
                except OSError:
                    self._wordlist_hashes[path] = "missing"
            parts.append(f"{path}={self._wordlist_hashes[path]}")
        return "\n".join(parts)

    def key(self, data_hash: str, display: str, fmt: str, config: Any) -> str:
        h = hashlib.sha256()
        for part in (
            FORMAT_VERSION, code_fingerprint(), data_hash, display, fmt, config.fingerprint(), config.profile,
            shipped_wordlists_hash(), self._wordlists_hash(list(config.wordlists)), voikko_backend_name(),
        ):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Finding], dict[str, Any]] | None:
        if self.directory is None:
            return None
        try:
            entry = json.loads(read_regular(self._path(key), MAX_ENTRY).decode("utf-8"))
            if not isinstance(entry, dict) or entry.get("key") != key or not _valid_stats(entry.get("stats")) \
                    or not isinstance(entry.get("findings"), list):
                raise ValueError("not an entry for this key")
            findings = [finding_from_json(f) for f in entry["findings"]]
            stats = entry["stats"]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            self.misses += 1
            return None
        self.hits += 1
        return findings, stats

    def put(self, key: str, findings: list[Finding], stats: dict[str, Any]) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        data = json.dumps({"key": key, "findings": [finding_to_json(f) for f in findings], "stats": stats},
                          separators=(",", ":"))  # ASCII: a lone surrogate in a finding cannot break the write
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".tmp-{os.getpid()}-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="ascii") as out:
                    out.write(data)
                os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or this one
            except BaseException:
                _unlink(tmp)
                raise
        except OSError:
            pass  # a cache that cannot be written is only slower; never fail a run for it


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def finding_to_json(finding: Finding) -> dict[str, Any]:
    out = asdict(finding)
    out.pop("path", None)  # the path is part of the key; set again on load
    return out


#: The type of every field an entry may hold; anything else is a miss. (`None` allowed where the
#: dataclass allows it.)
_FINDING_TYPES: dict[str, tuple[type, ...]] = {
    "rule": (str,), "severity": (str,), "message": (str,), "start": (int,), "end": (int,),
    "suggestions": (list,), "data": (dict,), "line": (int,), "column": (int,), "end_line": (int,),
    "end_column": (int,), "text": (str,), "key": (str, type(None)), "source_start": (int,), "source_end": (int,),
}
_SUGGESTION_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,), "safe": (bool,), "start": (int, type(None)), "end": (int, type(None)),
    "replacement": (str, type(None)), "advice": (bool,),
}
_SEVERITIES = ("error", "warning", "info")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _valid_stats(stats: Any) -> bool:
    """The shape the reporters read: counts are numbers, each readability measure a table of numbers."""
    if not isinstance(stats, dict) or not all(_number(stats[k]) for k in ("messages", "words", "sentences") if k in stats):
        return False
    measures = stats.get("readability") or []
    for m in measures if isinstance(measures, list) else [measures]:
        if not isinstance(m, dict):
            return False
        if m.get("wiio") is not None and not all(_number(m.get(k)) for k in ("words", "sentences", "wiio", "lix", "long_word_share")):
            return False
    return True


def _checked(data: Any, types: dict[str, tuple[type, ...]]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError("not an object")
    values = {k: v for k, v in data.items() if k in types}
    for name, value in values.items():
        expected = types[name]
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
            raise TypeError(f"{name}: {type(value).__name__}")
    return values


def finding_from_json(data: Any) -> Finding:
    """A Finding from a cache entry; TypeError/ValueError/KeyError when the entry is not one."""
    values = _checked(data, _FINDING_TYPES)
    if values.get("severity") not in _SEVERITIES:
        raise ValueError(f"severity {values.get('severity')!r}")
    values["suggestions"] = [Suggestion(**_checked(s, _SUGGESTION_TYPES)) for s in values.get("suggestions", [])]
    return Finding(**values)
