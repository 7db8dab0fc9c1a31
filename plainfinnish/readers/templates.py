"""Template syntax inside text: placeholders, control tags and template comments.

Every reader passes its text runs through `add_text_with_templates`, so `{{ order.id }}`,
`%(name)s` or `{0}` become one opaque placeholder word in the sentence, control tags
(`{% if %}`, `{{#each}}`) vanish without breaking the sentence, and template comments can carry
`plainfinnish:` suppression directives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from plainfinnish.document import Directive, MessageBuilder, SourceText

# Our own fixed patterns (not user input); every alternative is bounded, no nested quantifiers.
_TEMPLATE = re.compile(
    r"""
      (?P<comment>\{\#.*?\#\}|\{\{!--.*?--\}\}|\{\{![^}]*\}\}|<%\#.*?%>)
    | (?P<control>\{%-?.*?-?%\}|\{\{\s*[\#/^][^}]*\}\}|\{\{\s*else\s*\}\}|<%-?(?![=\#]).*?-?%>)
    | (?P<placeholder>
          \{\{\{.*?\}\}\}                 # Handlebars raw
        | \{\{.*?\}\}                     # Jinja, Django, Liquid, Mustache, Vue
        | <%=.*?%>                        # ERB
        | %\{[A-Za-z_][\w.]*\}            # Ruby i18n %{name}
        | %\([A-Za-z_]\w*\)[-+ #0]*\d*(?:\.\d+)?[sdifrxXeEgGc]  # Python %(name)s
        | %\d+\$[-+ #0]*\d*(?:\.\d+)?[sdifxXeEgGc@]            # printf %1$s
        | %[-+ #0]*\d*(?:\.\d+)?[sdifxXc@](?![a-zA-ZåäöÅÄÖ])  # printf %s, %d
        | \$\{[^{}\n]{1,80}\}             # JS template ${x}
        | \{[A-Za-z_$][\w.$]*(?:\([^(){}\n]{0,40}\))?(?:\.[\w$]+(?:\([^(){}\n]{0,40}\))?)*\}  # {name}, {a.b()}
        | \{\d+\}                         # {0}
        | \[%[\w.]+%\]                    # [%name%]
      )
    """,
    re.VERBOSE | re.DOTALL,
)

_DIRECTIVE = re.compile(r"plainfinnish\s*:\s*(?P<body>.*?)\s*$", re.DOTALL)


class TemplateTag(NamedTuple):
    kind: str  # "placeholder", "control" or "comment"
    start: int
    end: int
    text: str


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[TemplateTag]:
    """The template tags in text[start:end], in order."""
    for match in _TEMPLATE.finditer(text, start, len(text) if end is None else end):
        kind = match.lastgroup or "placeholder"
        yield TemplateTag(kind, match.start(), match.end(), match.group())


def directive_in_comment(comment: str) -> str | None:
    """The directive in a comment's inner text, if it is a plainfinnish comment."""
    match = _DIRECTIVE.search(comment.strip())
    return match.group("body") if match else None


def strip_comment_markers(comment: str) -> str:
    for opener, closer in (("{#", "#}"), ("{{!--", "--}}"), ("{{!", "}}"), ("<%#", "%>"), ("<!--", "-->")):
        if comment.startswith(opener) and comment.endswith(closer):
            return comment[len(opener) : len(comment) - len(closer)]
    return comment


def add_text_with_templates(
    builder: MessageBuilder,
    source: SourceText,
    start: int,
    end: int,
    directives: list[Directive] | None = None,
) -> None:
    """Copy source.text[start:end] into the builder, turning template syntax into placeholders."""
    text = source.text
    pos = start
    for tag in scan(text, start, end):
        builder.text(text[pos : tag.start], pos)
        if tag.kind == "placeholder":
            builder.placeholder(tag.start, tag.end)
        elif tag.kind == "comment" and directives is not None:
            body = directive_in_comment(strip_comment_markers(tag.text))
            if body is not None:
                line, column = source.position(tag.start)
                directives.append(Directive(line, source.position(tag.end - 1)[0], column, body))
        pos = tag.end
    builder.text(text[pos:end], pos)
