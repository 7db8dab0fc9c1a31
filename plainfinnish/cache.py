"""The result cache: a file's findings, keyed by everything that can change them.

The key is a hash of the file's bytes, its display path (rules may look at it), its reader
format, the configuration fingerprint, the contents of the wordlists (shipped and extra), the
plainfinnish version and code, the Voikko backend and the profile. A hit needs none of the NLP
machinery: this module imports nothing heavier than hashlib and json, so a re-run over an
unchanged repository never loads spaCy.

One JSON file per entry under `<cache dir>/v1/ab/abcdef….json`, written to a temporary file in
the same folder and renamed into place, so concurrent runs never see half an entry; a damaged
entry is a miss.
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

from plainfinnish.rules.base import Finding, Suggestion

FORMAT_VERSION = "v1"
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
                    self._wordlist_hashes[path] = content_hash(path.read_bytes())
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
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            findings = [finding_from_json(f) for f in entry["findings"]]
            stats = entry["stats"]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings, stats

    def put(self, key: str, findings: list[Finding], stats: dict[str, Any]) -> None:
        if self.directory is None:
            return
        path = self._path(key)
        data = json.dumps({"findings": [finding_to_json(f) for f in findings], "stats": stats},
                          ensure_ascii=False, separators=(",", ":"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
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


def finding_from_json(data: dict[str, Any]) -> Finding:
    values = {k: v for k, v in data.items() if k in _FINDING_FIELDS}
    values["suggestions"] = [Suggestion(**{k: v for k, v in s.items() if k in _SUGGESTION_FIELDS})
                             for s in values.get("suggestions", [])]
    return Finding(**values)
