"""The two analysis profiles, built from spaCy components and loaded once per process.

- `fast`: `spacy.blank("fi")` tokenizer + our sentence splitter + Voikko lemma/POS/morphology.
  No neural model; about as fast as tokenising and looking words up.
- `accurate`: the Finnish model `spacy-fi-experimental-web-md` (tagger, morphologizer, parser)
  with our sentence splitter before the parser. Its lemmatizer needs native libvoikko; on the
  pure-pip backend our Voikko component takes its place. NER is not loaded: no rule needs it.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types
from typing import TYPE_CHECKING, Any

from plainfinnish.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

PROFILES = ("fast", "accurate")
MODEL = "spacy_fi_experimental_web_md"
MODEL_DISTRIBUTION = "spacy-fi-experimental-web-md"

_cache: dict[str, "Language"] = {}
_lock = threading.Lock()


def load(profile: str) -> "Language":
    """The spaCy pipeline of a profile (built on first use, then shared)."""
    if profile not in PROFILES:
        raise ConfigError(None, f"unknown profile {profile!r}; expected one of: {', '.join(PROFILES)}")
    with _lock:
        if profile not in _cache:
            _cache[profile] = _build(profile)
        return _cache[profile]


class _DeferredSpacyCli(types.ModuleType):
    """Stands in for `spacy.cli` until something asks for it, then becomes the real package."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (e.g. __path__): not a use
            raise AttributeError(name)
        return getattr(_real_spacy_cli(), name)


def _real_spacy_cli() -> types.ModuleType:
    for name in ("spacy.cli.info", "spacy.cli"):
        if isinstance(sys.modules.get(name), _DeferredSpacyCli):
            del sys.modules[name]
    real = importlib.import_module("spacy.cli")
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = real  # type: ignore[attr-defined]
    return real


def _info(*args: Any, **kwargs: Any) -> Any:
    return _real_spacy_cli().info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, without the command-line package its `__init__` imports only for
    `spacy.info` (weasel, typer apps, requests, httpx: about 0.3 s and 18 MB of a cold start).
    `spacy.cli` and `spacy.info` still work: the first use imports the real package."""
    if "spacy" not in sys.modules and os.environ.get("PLAINFINNISH_EAGER_SPACY_CLI") != "1":
        spec = importlib.util.find_spec("spacy")
        if spec is not None and spec.origin:
            cli = _DeferredSpacyCli("spacy.cli")
            cli.__path__ = [os.path.join(os.path.dirname(spec.origin), "cli")]
            info = _DeferredSpacyCli("spacy.cli.info")
            info.info = _info  # type: ignore[attr-defined]
            sys.modules.setdefault("spacy.cli", cli)
            sys.modules.setdefault("spacy.cli.info", info)
    import spacy

    stub = sys.modules.get("spacy.cli")
    if isinstance(stub, _DeferredSpacyCli):
        spacy.__dict__.setdefault("cli", stub)
    return spacy


def _build(profile: str) -> "Language":
    spacy = import_spacy()

    from plainfinnish.nlp import (
        components,  # noqa: F401  (registers the factories)
        voikko,
    )

    if profile == "fast":
        nlp = spacy.blank("fi")
        nlp.add_pipe("plainfinnish_sentences")
        nlp.add_pipe("plainfinnish_voikko", config={"set_pos": True, "set_lemma": True})
        return nlp

    native = voikko.backend().name == "libvoikko"
    exclude = ["ner"] + ([] if native else ["lemmatizer"])
    try:
        nlp = spacy.load(MODEL, exclude=exclude)
    except OSError as err:
        raise ConfigError(None, f"the accurate profile needs the Finnish model ({MODEL_DISTRIBUTION}): {err}") from None
    nlp.add_pipe("plainfinnish_sentences", before="parser")
    if not native:
        nlp.add_pipe("plainfinnish_voikko", config={"set_pos": False, "set_lemma": True})
    return nlp


def model_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(MODEL_DISTRIBUTION)
    except PackageNotFoundError:
        return None
