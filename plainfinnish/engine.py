"""From a source file to located findings: read, analyse, run the rules, suppress, map positions.

    SourceText --reader--> messages --pipeline--> spaCy Docs --rules--> findings --map--> lines/columns

The one place where positions are mapped: rules work on message offsets; findings leave here with
the source file's line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plainfinnish import readers
from plainfinnish.budget import Budget, BudgetExceeded
from plainfinnish.config import Config, validate_rules
from plainfinnish.document import Message, ReadResult, SourceText, readable
from plainfinnish.errors import ConfigError, InputError, PlainfinnishError
from plainfinnish.nlp.verify import gate
from plainfinnish.rules import available
from plainfinnish.rules.base import Finding, RuleContext, severity_rank
from plainfinnish.suppression import Suppressions

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    source: SourceText | None = None
    read_result: ReadResult | None = None


def resolve_format(path: str, config: Config, explicit: str | None = None) -> tuple[str, bool]:
    """The reader format for a path and whether it was known (unknown → plain text)."""
    if explicit:
        if explicit not in readers.FORMATS:
            raise ConfigError(None, f"unknown input format {explicit!r}; expected one of: {', '.join(readers.FORMATS)}")
        return explicit, True
    from fnmatch import fnmatch

    for glob, fmt in config.formats.items():
        if fnmatch(path, glob) or fnmatch(path.rsplit("/", 1)[-1], glob):
            if fmt not in readers.FORMATS:
                raise ConfigError(str(config.path), f"'formats': unknown format {fmt!r} for {glob!r}; expected one of: {', '.join(readers.FORMATS)}")
            return fmt, True
    fmt = readers.detect_format(path)
    return (fmt, True) if fmt else ("text", False)


def read_source(source: SourceText, fmt: str, config: Config) -> ReadResult:
    try:
        return readers.read(source, fmt, config.readers)
    except (InputError, ConfigError):
        raise
    except RecursionError:
        raise InputError(source.path, f"nested too deeply to read as {fmt}") from None
    except Exception as err:  # noqa: BLE001 - a reader bug must not crash a whole run
        raise InputError(source.path, f"cannot read as {fmt}: {type(err).__name__}: {err}") from None


def load_once(profile: str) -> None:
    """The one-time loads every file needs (the pipeline; the Voikko dictionary, seconds on the
    pure-pip backend): done before a file's time budget starts, so they are no file's time."""
    from plainfinnish.nlp import pipeline, voikko

    pipeline.load(profile)
    voikko.backend()


def settle_after_load() -> None:
    """For the command line and the language server, once the pipeline is loaded (not for the
    library, whose caller owns the process): the pipeline, wordlists and rule data live to the end,
    and what a check makes per message is freed by reference counting. Freezing what is loaded
    keeps the cyclic collector from scanning it again and again (it took about a fifth of a whole
    check's CPU), lets forked workers share those pages, and the collector runs less often."""
    import gc

    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    gc.enable()  # the command line turns it off for its start-up


def over_budget(path: str, phase: str, budget: Budget) -> InputError:
    return InputError(path, f"{phase} took over {budget.total:g} s (the time budget per file, "
                            "PLAINFINNISH_TIME_BUDGET); not checked")


def effective_config(config: Config, settings: dict[str, Any], path: str) -> Config:
    """Apply per-file settings (Markdown front matter `plainfinnish:`) on top of a config."""
    if not settings:
        return config
    from dataclasses import replace

    unknown = set(map(str, settings)) - {"rules", "profile", "language"}
    if settings.get("profile", "fast") not in ("fast", "accurate"):
        raise ConfigError(path, f"front matter: 'plainfinnish.profile' must be \"fast\" or \"accurate\", not {settings['profile']!r}")
    if settings.get("language", "fi") not in ("fi", "en"):
        raise ConfigError(path, f"front matter: 'plainfinnish.language' must be \"fi\" or \"en\", not {settings['language']!r}")
    if unknown:
        raise ConfigError(path, f"front matter: unknown plainfinnish key(s): {', '.join(sorted(unknown))} (known: rules, profile, language)")
    rules = {k: dict(v) for k, v in config.rules.items()}
    if "rules" in settings:
        if not isinstance(settings["rules"], dict):
            raise ConfigError(path, "front matter: 'plainfinnish.rules' must be a table")
        for rule_id, values in validate_rules(settings["rules"], path, "plainfinnish.").items():
            rules.setdefault(rule_id, {}).update(values)
    return replace(config, rules=rules, profile=settings.get("profile", config.profile),
                   language=settings.get("language", config.language))


def analyze_messages(messages: list[Message], profile: str) -> Iterator["Doc"]:
    """spaCy Docs for messages, batched; each Doc knows its Message (for placeholders)."""
    from plainfinnish.nlp import pipeline

    nlp = pipeline.load(profile)

    def docs() -> Iterator["Doc"]:  # made as the pipe asks for them: a big file's Docs never all live at once
        for message in messages:
            doc = nlp.make_doc(tokenizable(message.text))
            doc._.message = message
            doc._.profile = profile
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size(messages, profile))


#: A run without white space longer than this is no word: spaCy's tokenizer peels punctuation
#: off it one character at a time (quadratic: 200,000 '<' took minutes), so it is analysed as
#: letters of the same length, which keeps every offset.
MAX_RUN_CHARS = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def tokenizable(text: str) -> str:
    text = readable(text)  # no lone surrogate reaches spaCy (a Message made by the API may hold one)
    if len(text) <= MAX_RUN_CHARS:
        return text
    return _LONG_RUN.sub(lambda m: "x" * len(m.group()), text)


#: Characters of text per neural batch: the accurate model's activations grow with a batch's
#: total length, so long messages go in small batches (120 one-page files: 810 MB peak at 64
#: per batch, 450 MB at 8, and no slower).
BATCH_CHARS = 16_000


#: The same for the fast profile, whose memory per character is far smaller.
FAST_BATCH_CHARS = 400_000


def batch_size(messages: list[Message], profile: str) -> int:
    if not messages:
        return 64
    mean = sum(len(m.text) for m in messages) / len(messages)
    budget = FAST_BATCH_CHARS if profile == "fast" else BATCH_CHARS
    return max(1, min(64, int(budget / max(mean, 1.0))))


#: The longest text analysed as one spaCy Doc: spaCy refuses texts over 1,000,000 characters and
#: memory grows with a Doc's length, so a longer message is cut, at a paragraph break when it can.
MAX_MESSAGE_CHARS = 100_000


def split_long(message: Message, limit: int = MAX_MESSAGE_CHARS) -> list[Message]:
    """A message cut into pieces of at most `limit` characters: after the last blank line, else
    line break, else space within the limit, else (a run with no space at all) at the limit.
    Never inside a placeholder. Each piece maps to the source like the whole did."""
    text = message.text
    if len(text) <= limit:
        return [message]
    pieces: list[Message] = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                at = text.rfind(sep, start + 1, end)
                if at > start:
                    end = at + len(sep)
                    break
            for p_start, p_end in message.placeholders:
                if p_start < end < p_end and p_start > start:
                    end = p_start
        keys = [(0, key) for offset, key in message.segment_keys if offset <= start][-1:]
        keys += [(offset - start, key) for offset, key in message.segment_keys if start < offset < end]
        pieces.append(Message(
            text=text[start:end], starts=message.starts[start:end], ends=message.ends[start:end],
            placeholders=[(a - start, b - start) for a, b in message.placeholders if start <= a and b <= end],
            key=message.key, settings=message.settings, segment_keys=keys,
        ))
        start = end
    return pieces


def run_rules(doc: "Doc", config: Config, message: Message, path: str | None = None,
              scope: str | None = None) -> list[Finding]:
    """Run the enabled rules (only those of `scope`, "sentence" or "document", when given)."""
    findings: list[Finding] = []
    for rule_id, rule_cls in available().items():
        if not config.rule_enabled(rule_id) or (scope is not None and rule_cls.scope != scope):
            continue
        context = RuleContext(
            options=config.rule_options(rule_id),
            severity=config.rule_severity(rule_id),
            language=config.language,
            profile=config.profile,
            settings={"config": config},
            message_key=message.key,
            path=path,
        )
        rule = _instance(rule_cls)
        for finding in rule.check(doc, context):
            if message.placeholders and finding.end - finding.start <= len("Xph") and message.is_placeholder(finding.start, finding.end):
                continue  # never flag a placeholder
            gate(doc, finding)  # a rule asks for "safe"; the verification gate decides
            findings.append(finding)
    return findings


_instances: dict[type, Any] = {}


def _instance(rule_cls: type) -> Any:
    if rule_cls not in _instances:
        _instances[rule_cls] = rule_cls()
    return _instances[rule_cls]


def locate(finding: Finding, message: Message | None, source: SourceText) -> Finding:
    """Fill in the finding's source position and text from the message's source map."""
    if message is None:  # located by line and column already (a suppression comment)
        start = source.offset(finding.line, finding.column)
        end = source.offset(finding.end_line, finding.end_column)
    else:
        start, end = message.source_span(finding.start, finding.end)
    finding.source_start, finding.source_end = start, end
    finding.line, finding.column = source.position(start)
    finding.end_line, finding.end_column = source.position(end)
    finding.text = source.text[start:end]
    finding.path = source.path
    if finding.key is None and message is not None:
        finding.key = message.key_at(finding.start)
    return finding


def lint_source(source: SourceText, config: Config, fmt: str | None = None) -> FileResult:
    """Lint one decoded file. Raises InputError/ConfigError for input the user must fix."""
    fmt = fmt or resolve_format(source.path, config)[0]
    budget = Budget()
    try:
        with budget.running():
            result = read_source(source, fmt, config)
    except BudgetExceeded:
        raise over_budget(source.path, f"reading as {fmt}", budget) from None
    config = effective_config(config, result.settings, source.path)
    if any(len(m.text) > MAX_MESSAGE_CHARS for m in result.messages):
        result.messages = [piece for m in result.messages for piece in split_long(m)]  # the fixer maps into these
    messages = [m for m in result.messages if m.text.strip()]
    findings: list[Finding] = []
    stats_per_message = []
    if messages:
        load_once(config.profile)
        try:
            with budget.running():
                for message, doc in zip(messages, analyze_messages(messages, config.profile)):
                    message_config = effective_config(config, message.settings, source.path) if message.settings else config
                    for finding in run_rules(doc, message_config, message, source.path):
                        findings.append(locate(finding, message, source))
                    stats_per_message.append(doc_stats(doc))
        except BudgetExceeded:
            raise over_budget(source.path, "checking", budget) from None
        except PlainfinnishError:
            raise
        except Exception as err:  # noqa: BLE001 - a bug in a rule must not lose the other files' report
            raise PlainfinnishError(source.path, f"internal error while checking: {type(err).__name__}: {err} "
                                                 "(please report it)") from err
    suppressions = Suppressions(result.directives, set(available()), source.path)
    findings = [f for f in findings if not suppressions.suppressed(f)]
    for problem in suppressions.problems:
        findings.append(locate(problem, None, source))
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return FileResult(path=source.path, findings=findings, stats=merge_stats(stats_per_message),
                      source=source, read_result=result)


def doc_stats(doc: "Doc") -> dict[str, Any]:
    """Basic counts every report carries, and the readability measures (rule enabled or not)."""
    from plainfinnish.rules.readability import counts

    words, measures = counts(doc)
    return {"words": words, "sentences": measures["sentences"], "readability": measures}


def merge_stats(stats: Iterable[dict[str, Any]]) -> dict[str, Any]:
    stats = list(stats)
    out: dict[str, Any] = {"messages": len(stats), "words": sum(s["words"] for s in stats),
                           "sentences": sum(s["sentences"] for s in stats)}
    out["avg_sentence_words"] = round(out["words"] / out["sentences"], 1) if out["sentences"] else 0.0
    readability = [s["readability"] for s in stats if "readability" in s]
    if len(readability) == 1:
        out["readability"] = readability[0]
    elif readability:
        out["readability"] = readability
    return out


def worst_severity(findings: Iterable[Finding]) -> str | None:
    worst = None
    for f in findings:
        if worst is None or severity_rank(f.severity) > severity_rank(worst):
            worst = f.severity
    return worst
