"""Plain text and text templates (.txt, .text, unknown extensions): the whole file is one message."""

from __future__ import annotations

import re

from plainfinnish.document import Directive, MessageBuilder, ReadResult, SourceText
from plainfinnish.readers.templates import add_text_with_templates, directive_in_comment

_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    builder = MessageBuilder()
    directives: list[Directive] = []
    pos = 0
    # Plain-text templates have no comment syntax of their own; HTML-style comments and
    # template comments are both honoured for suppressions.
    # up to the last '-->': past it no comment can close, and each '<!--' would scan to the end
    for match in _HTML_COMMENT.finditer(source.text, 0, source.text.rfind("-->") + 3):
        add_text_with_templates(builder, source, pos, match.start(), directives)
        body = directive_in_comment(match.group(1))
        if body is not None:
            line, column = source.position(match.start())
            directives.append(Directive(line, source.position(match.end() - 1)[0], column, body))
        pos = match.end()
    add_text_with_templates(builder, source, pos, len(source.text), directives)
    return ReadResult(messages=[builder.build()], directives=directives, comment_style=("<!--", "-->"))
