"""Fluent (.ftl, Mozilla's localisation format) through fluent.syntax, with its source spans.

Each message's value and attributes are text; terms (`-brand-name = …`) are names, not prose, and
are skipped. Placeables `{ $var }`, `{ -term }`, `{ NUMBER($n) }` and message references are
opaque placeholders; a select expression keeps its default variant (`*[other]`) in the sentence
and the other variants are checked as strings of their own (key `id[one]`). Multi-line patterns are dedented by the
parser, so text elements are aligned back to their spans. Messages sharing an id prefix
(`subscriptionReminder-title`, `subscriptionReminder-content`) form one message for document-level
rules (`[tool.plainfinnish.readers.fluent] group = "none"` to keep them apart). Comments carry
suppressions; a syntax error (Junk) is reported with its line.
"""

from __future__ import annotations

import re

from plainfinnish.document import Directive, ReadResult, SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers.grouping import LocaleString, build_messages, reader_options
from plainfinnish.readers.templates import Mapped, directive_in_comment

#: Stands for a placeable in the decoded text; `templates` reads it as one placeholder.
PLACEABLE = "\ue000"
_COMMENT = re.compile(r"^#{1,3}(?P<body>[^\n]*)", re.MULTILINE)
_ID_PREFIX = re.compile(r"^(?P<prefix>.+?)[-_.][^-_.]+$")


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    from fluent.syntax import FluentParser, ast

    settings = reader_options(options, "fluent", {"group": str})
    resource = FluentParser(with_spans=True).parse(source.text)
    strings: list[LocaleString] = []
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            line, _ = source.position(entry.span.start if entry.span else 0)
            problem = entry.annotations[0].message if entry.annotations else "syntax error"
            if entry.annotations and entry.annotations[0].span is not None:
                line, _ = source.position(entry.annotations[0].span.start)
            raise InputError(source.path, f"line {line}: invalid Fluent: {problem}")
        if not isinstance(entry, ast.Message):
            continue
        ident = entry.id.name
        match = _ID_PREFIX.match(ident)
        group = match.group("prefix") if match else ident
        patterns = [(ident, entry.value)] if entry.value is not None else []
        patterns += [(f"{ident}.{attribute.id.name}", attribute.value) for attribute in entry.attributes]
        for key, pattern in patterns:
            for variant_key, mapped in _pattern(source.text, key, pattern, ast):
                strings.append(LocaleString(variant_key, group, mapped))
    directives: list[Directive] = []
    for comment in _COMMENT.finditer(source.text):
        body = directive_in_comment(comment.group("body"))
        if body is not None:
            line, column = source.position(comment.start())
            directives.append(Directive(line, line, column, body))
    messages = build_messages(strings, source, directives, settings.get("group", "parent"))
    return ReadResult(messages=messages, directives=directives, comment_style=("# ", ""))


def _pattern(text: str, key: str, pattern, ast) -> list[tuple[str, Mapped]]:  # noqa: ANN001 - fluent AST
    """The pattern as decoded text, then each non-default select variant as a text of its own."""
    mapped = Mapped()
    later: list = []
    _elements(text, pattern.elements, mapped, later, ast)
    out = [(key, mapped.done())]
    while later:
        variant = later.pop(0)
        mapped = Mapped()
        _elements(text, variant.value.elements, mapped, later, ast)
        name = getattr(variant.key, "name", None) or getattr(variant.key, "value", "")
        out.append((f"{key}[{name}]", mapped.done()))
    return out


def _elements(text: str, elements: list, mapped: Mapped, later: list, ast) -> None:  # noqa: ANN001
    for element in elements:
        if isinstance(element, ast.TextElement):
            _align(text, element.value, element.span.start, element.span.end, mapped)
            continue
        expression = element.expression
        if isinstance(expression, ast.SelectExpression):
            default = next((v for v in expression.variants if v.default), expression.variants[-1])
            _elements(text, default.value.elements, mapped, later, ast)
            later.extend(v for v in expression.variants if v is not default)
        elif isinstance(expression, ast.StringLiteral) and expression.value in ("{", "}", "[", "*", "."):
            mapped.add(expression.parse()["value"], element.span.start, element.span.end)  # an escaped character
        else:
            mapped.add(PLACEABLE, element.span.start, element.span.end)


def _align(text: str, value: str, start: int, end: int, mapped: Mapped) -> None:
    """Map a dedented text element to its source span, skipping the indentation the parser removed."""
    pos = start
    for char in value:
        while pos < end and text[pos] != char and text[pos] in " \t\r":
            pos += 1
        if pos < end and text[pos] == char:
            mapped.add_verbatim(char, pos)
            pos += 1
        else:
            mapped.add(char, pos, pos)
