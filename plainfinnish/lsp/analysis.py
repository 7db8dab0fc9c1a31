"""Linting an open document again after each edit, re-analysing only the paragraphs that changed.

The same steps as `engine.lint_source` (read, analyse, rules, suppressions, map positions), with
two caches in between:

- A message is cut into paragraphs at its block breaks (a blank line, which always ends a
  sentence), so no sentence crosses a cut. Each paragraph's spaCy Doc is cached by its text
  and placeholders; an edit re-runs the pipeline on the edited paragraph only.
- Sentence-scope rules see one sentence at a time, so they run per paragraph and their
  findings are cached per paragraph (and per configuration).
- Document-scope rules (missing next step, readability, …) judge the whole message: they run on
  a Doc joined from the cached paragraph Docs (`Doc.from_docs`, no re-analysis), cached by
  the whole message's text. Joining costs milliseconds; the pipeline is what costs.

The accurate profile's neural tagger sees each paragraph on its own rather than the whole
text: its context window is a few tokens, and a paragraph break is a hard boundary anyway.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from plainfinnish import engine
from plainfinnish.config import Config
from plainfinnish.document import Message, SourceText
from plainfinnish.rules import available
from plainfinnish.rules.base import Finding
from plainfinnish.suppression import Suppressions

if TYPE_CHECKING:
    from spacy.tokens import Doc

_BLOCK_BREAK = re.compile(r"\n\n+")


class _LRU(OrderedDict):
    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_item(self, key: Any) -> Any:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def put(self, key: Any, value: Any) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


@dataclass
class Paragraph:
    start: int  # offset in the message text
    message: Message  # the paragraph as a message of its own (placeholders relative to it)

    @property
    def key(self) -> tuple:
        return (self.message.text, tuple(self.message.placeholders))


def paragraphs(message: Message) -> list[Paragraph]:
    """The message cut after each block break; the pieces joined give the message text back."""
    cuts = [m.end() for m in _BLOCK_BREAK.finditer(message.text)]
    bounds = [0, *cuts, len(message.text)]
    out = []
    for start, end in zip(bounds, bounds[1:]):
        if start >= end:
            continue
        sub = Message(
            text=message.text[start:end],
            starts=message.starts[start:end],
            ends=message.ends[start:end],
            placeholders=[(a - start, b - start) for a, b in message.placeholders if start <= a < end],
            key=message.key,
            settings=message.settings,
        )
        out.append(Paragraph(start, sub))
    return out


def _shifted(finding: Finding, by: int) -> Finding:
    """A fresh copy of a cached finding, moved `by` characters (the engine mutates findings)."""
    suggestions = [
        replace(s, start=None if s.start is None else s.start + by, end=None if s.end is None else s.end + by)
        for s in finding.suggestions
    ]
    return replace(finding, start=finding.start + by, end=finding.end + by, suggestions=suggestions,
                   data=dict(finding.data))


def _concatenated(docs: list["Doc"]) -> "Doc":
    """`Doc.from_docs(docs, ensure_whitespace=False)` without user_data or spans, from each
    paragraph Doc's words, spaces and attribute array kept with it: an edit changes one paragraph,
    so the others are not read token by token again."""
    import numpy
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    attrs = [*Doc._get_array_attrs(), SPACY]
    words: list[str] = []
    spaces: list[bool] = []
    arrays = []
    for doc in docs:
        kept = doc.user_data.get("plainfinnish.join-parts")
        if kept is None:
            kept = doc.user_data["plainfinnish.join-parts"] = (
                [t.text for t in doc], [bool(t.whitespace_) for t in doc], doc.to_array(attrs))
        words.extend(kept[0])
        spaces.extend(kept[1])
        arrays.append(kept[2])
    whole = Doc(docs[0].vocab, words=words, spaces=spaces)
    whole.from_array(attrs, numpy.concatenate(arrays))
    return whole


class IncrementalLinter:
    """Lints documents, keeping paragraph analyses between calls. Not thread-safe: use it from
    one thread (the server's analysis thread)."""

    def __init__(self, max_paragraphs: int = 20_000) -> None:
        self._docs = _LRU(max_paragraphs)  # (profile, paragraph key) -> Doc
        self._sentence_findings = _LRU(max_paragraphs)  # (profile, paragraph key, config...) -> findings
        self._document_findings = _LRU(256)  # (profile, message key, config...) -> findings
        self.analysed = 0  # paragraphs run through the pipeline (for tests and the benchmark)
        self.reused = 0  # paragraphs whose analysis was reused

    def clear(self) -> None:
        self._docs.clear()
        self._sentence_findings.clear()
        self._document_findings.clear()

    def lint(self, source: SourceText, config: Config, fmt: str) -> engine.FileResult:
        result = engine.read_source(source, fmt, config)
        config = engine.effective_config(config, result.settings, source.path)
        if any(len(m.text) > engine.MAX_MESSAGE_CHARS for m in result.messages):  # as lint_source: no spaCy E088
            result.messages = [piece for m in result.messages for piece in engine.split_long(m)]
        if any(len(m.text) > engine.MAX_MESSAGE_CHARS for m in result.messages):
            # as in the CLI: spaCy refuses texts over 1,000,000 characters (E088), and memory grows with a Doc
            result.messages = [piece for m in result.messages for piece in engine.split_long(m)]
        findings: list[Finding] = []
        for message in result.messages:
            if not message.text.strip():
                continue
            message_config = engine.effective_config(config, message.settings, source.path) if message.settings else config
            for finding in self._lint_message(message, message_config, source.path):
                findings.append(engine.locate(finding, message, source))
        suppressions = Suppressions(result.directives, set(available()), source.path)
        findings = [f for f in findings if not suppressions.suppressed(f)]
        for problem in suppressions.problems:
            findings.append(engine.locate(problem, None, source))
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return engine.FileResult(path=source.path, findings=findings, source=source, read_result=result)

    def _lint_message(self, message: Message, config: Config, path: str) -> list[Finding]:
        profile = config.profile
        fingerprint = (config.fingerprint(), message.key, path)
        pieces = paragraphs(message)
        docs = self._docs_for(pieces, profile)
        findings: list[Finding] = []
        for piece, doc in zip(pieces, docs):
            key = (profile, piece.key, fingerprint)
            cached = self._sentence_findings.get_item(key)
            if cached is None:
                doc._.message = piece.message
                cached = engine.run_rules(doc, config, piece.message, path, scope="sentence")
                self._sentence_findings.put(key, cached)
            findings.extend(_shifted(f, piece.start) for f in cached)
        if any(rule.scope == "document" and config.rule_enabled(rule_id) for rule_id, rule in available().items()):
            key = (profile, message.text, tuple(message.placeholders), fingerprint)
            cached = self._document_findings.get_item(key)
            if cached is None:
                whole = self._joined(docs, message, profile)
                cached = engine.run_rules(whole, config, message, path, scope="document")
                self._document_findings.put(key, cached)
            findings.extend(_shifted(f, 0) for f in cached)
        return findings

    def _docs_for(self, pieces: list[Paragraph], profile: str) -> list["Doc"]:
        docs: list[Any] = [self._docs.get_item((profile, p.key)) for p in pieces]
        missing = [i for i, d in enumerate(docs) if d is None]
        self.reused += len(pieces) - len(missing)
        self.analysed += len(missing)
        if missing:
            analysed = engine.analyze_messages([pieces[i].message for i in missing], profile)
            for i, doc in zip(missing, analysed):
                docs[i] = doc
                self._docs.put((profile, pieces[i].key), doc)
        return docs

    def _joined(self, docs: list["Doc"], message: Message, profile: str) -> "Doc":
        """One Doc for the whole message from the paragraph Docs (no re-analysis)."""

        if len(docs) == 1:
            whole = docs[0]
        else:
            whole = _concatenated(docs)
        if whole.text != message.text:  # cannot happen by construction; analyse afresh if it does
            whole = next(engine.analyze_messages([message], profile))
        whole.user_data["plainfinnish.text"] = message.text  # components.doc_text: built once
        whole._.message = message
        whole._.profile = profile
        if whole is not docs[0] and len(whole) == sum(len(d) for d in docs):
            # what the paragraphs know, shifted, rather than reading the whole message again
            from plainfinnish.nlp.components import join_facts

            join_facts(whole, docs)
            for rule in available().values():
                join = getattr(rule, "join_parts", None)
                if join is not None:
                    join(whole, docs)
        return whole
