"""What a rule is, what it returns, and how it is documented.

A rule is one module holding one `Rule` subclass: a stable id, a default severity, typed options
with defaults, its documentation page (Finnish, with English) and `check(doc, context)`, which
sees an analysed spaCy `Doc` (one message) and yields `Finding`s with character offsets into the
doc's text. Rules never read files and never import spaCy at module level, so listing and
explaining rules stays instant.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEVERITIES = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """Higher is more severe: info < warning < error."""
    return {"info": 0, "warning": 1, "error": 2}[severity]


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its type, and what it does (for `explain` and validation)."""

    default: Any
    help_fi: str
    help_en: str
    minimum: float | None = None

    @property
    def type(self) -> type:
        return type(self.default)

    def validate(self, value: Any) -> str | None:
        """None when the value is acceptable, else what was expected."""
        expected = self.type
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return "a list of strings"
            return None
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            return {int: "an integer", float: "a number", bool: "true or false", str: "a string", dict: "a table"}.get(
                expected, expected.__name__
            )
        if self.minimum is not None and value < self.minimum:
            return f"a number of at least {self.minimum:g}"
        return None


@dataclass(frozen=True)
class RuleDoc:
    """A rule page in the shape of ruff's: what it does, why, example, use instead, fix safety."""

    title: str
    what: str
    why: str
    example: str
    use_instead: str
    fix_safety: str
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    """A replacement for a span of the message text.

    `start`/`end` default to the finding's span. `safe` fixes keep the meaning and the grammar and
    are applied by `--fix`; the others need the writer's review (`--unsafe-fixes`). An `advice`
    suggestion (a template sentence to adapt, a split to consider) is shown, never applied.
    """

    text: str
    safe: bool = False
    start: int | None = None
    end: int | None = None
    replacement: str | None = None  # what goes into the file, when it differs from text
    advice: bool = False

    @property
    def new_text(self) -> str:
        return self.replacement if self.replacement is not None else self.text


@dataclass
class Finding:
    """One problem. A rule fills in the offsets into the doc's text; the engine then adds where it
    is in the source file (1-based line, column in code points, exclusive end) and its text."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    suggestions: list[Suggestion] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # extra detail: category, reason, …
    # Filled in by the engine:
    path: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    text: str = ""
    key: str | None = None  # key path of the string in a locale file
    source_start: int = 0  # offsets into the source text (for fixes and editors)
    source_end: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "suggestions": [s.text for s in self.suggestions],
        }
        if self.key is not None:
            out["key"] = self.key
        if self.suggestions:
            out["fixes"] = [
                {"text": s.text, "safe": s.safe and not s.advice, "applicable": not s.advice}
                for s in self.suggestions
            ]
        if self.data:
            out["data"] = self.data
        return out


@dataclass
class RuleContext:
    """What a rule may know besides the doc: its options, the message language, the profile."""

    options: dict[str, Any]
    severity: str
    language: str = "fi"
    profile: str = "fast"
    settings: dict[str, Any] = field(default_factory=dict)  # {"config": Config} and per-message settings
    message_key: str | None = None  # key path of the message in a locale file
    path: str | None = None  # the checked file's path, as given on the command line

    def say(self, fi: str, en: str) -> str:
        return en if self.language == "en" else fi


class Rule:
    id: ClassVar[str]
    name_fi: ClassVar[str]
    name_en: ClassVar[str]
    default_severity: ClassVar[str] = "warning"
    #: "sentence" rules report spans; "document" rules judge a whole message.
    scope: ClassVar[str] = "sentence"
    options: ClassVar[dict[str, Option]] = {}
    doc_fi: ClassVar[RuleDoc]
    doc_en: ClassVar[RuleDoc]
    #: Applies only to the accurate profile's extra analyses (dependency parse); informational.
    needs_parser: ClassVar[bool] = False
    #: Off-by-default rules run only when configured (`enabled = true`) or selected (`--select`).
    enabled_by_default: ClassVar[bool] = True

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(self, context: RuleContext, start: int, end: int, message: str, **kwargs: Any) -> Finding:
        return Finding(rule=self.id, severity=context.severity, message=message, start=start, end=end, **kwargs)

    @classmethod
    def page(cls, language: str = "fi") -> RuleDoc:
        return cls.doc_en if language == "en" else cls.doc_fi
