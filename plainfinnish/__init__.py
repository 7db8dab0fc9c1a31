"""plainfinnish: a plain-language linter for Finnish customer messages.

    >>> import plainfinnish
    >>> findings = plainfinnish.lint("Reklamaationne käsittely kestää viikon.")
    >>> [(f.rule, f.text) for f in findings]  # doctest: +SKIP
    [('jargon', 'Reklamaationne'), ('missing-next-step', …)]

`lint` works on plain strings and returns plain data, so it scales out with any executor
(see docs/scaling.md). Nothing here imports spaCy until text is analysed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plainfinnish.rules.base import Finding, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from plainfinnish.config import Config

__version__ = "0.1.0"
__all__ = ["Finding", "Suggestion", "analyze", "lint", "__version__"]


def lint(text: str, *, filename: str | None = None, config: "Config | dict[str, Any] | None" = None) -> list[Finding]:
    """Lint a text and return its findings (with line and column in `text`).

    `filename` selects the format by its extension (default: plain text); `config` is a
    `Config` or a dict shaped like `[tool.plainfinnish]` (e.g. `{"rules": {"long-sentence":
    {"max-words": 20}}}`).
    """
    from plainfinnish.config import Config, from_table
    from plainfinnish.document import SourceText
    from plainfinnish.engine import lint_source, resolve_format

    if config is None:
        resolved = Config()
    elif isinstance(config, dict):
        resolved = from_table(config, None)
    else:
        resolved = config
    name = filename or "<text>"
    fmt, _ = resolve_format(name, resolved)
    source = SourceText(path=name, text=text)
    return lint_source(source, resolved, fmt).findings


def analyze(text: str, *, profile: str = "fast") -> "Doc":
    """The analysed spaCy Doc of a plain text: sentences, lemmas, morphology, Voikko analyses
    (`token._.analyses`, `token._.analysis`)."""
    from array import array

    from plainfinnish.document import Message
    from plainfinnish.engine import analyze_messages

    message = Message(text=text, starts=array("q", range(len(text))), ends=array("q", range(1, len(text) + 1)))
    return next(analyze_messages([message], profile))
