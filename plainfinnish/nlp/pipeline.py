"""The two analysis profiles, built from spaCy components and loaded once per process.

- `fast`: `spacy.blank("fi")` tokenizer + our sentence splitter + Voikko lemma/POS/morphology.
  No neural model; about as fast as tokenising and looking words up.
- `accurate`: the Finnish model `spacy-fi-experimental-web-md` (tagger, morphologizer, parser)
  with our sentence splitter before the parser. Its lemmatizer needs native libvoikko; on the
  pure-pip backend our Voikko component takes its place. NER is not loaded: no rule needs it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

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


def _build(profile: str) -> "Language":
    import spacy

    from plainfinnish.nlp import components  # noqa: F401  (registers the factories)
    from plainfinnish.nlp import voikko

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
