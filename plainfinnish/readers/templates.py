"""Template syntax inside text: placeholders, control tags, template comments, ICU plurals.

Every reader passes its text runs through `add_text_with_templates`, so `{{ order.id }}`,
`%(name)s` or `{0}` become one opaque placeholder word in the sentence, control tags
(`{% if %}`, `{{#each}}`) vanish without breaking the sentence, and template comments can carry
`plainfinnish:` suppression directives. ICU MessageFormat plurals and selects
(`{n, plural, one {# tuote} other {# tuotetta}}`) keep their sentence: the `other` branch (or the
last one) stays in place, every other branch is checked as a block of its own after the text.

Readers of locale formats decode escapes first; the decoded text and the source span of each of
its characters travel together as a `Mapped` text, so everything here works on decoded text and
still maps every character back to the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from plainfinnish.document import Directive, MessageBuilder, SourceText
from plainfinnish.errors import InputError

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
        | %<[A-Za-z_]\w*>[-+ #0]*\d*(?:\.\d+)?[sdif]  # Ruby %<name>s
        | \{\s*[A-Za-z_]\w*\s*,\s*(?:number|date|time|spellout|ordinal|duration)\s*(?:,[^{}\n]{0,60})?\}  # ICU {n, number}
        | \$t\([^()\n]{1,120}\)           # i18next nesting $t(key)
        | (?<![\w$])\$[A-Za-z_][A-Za-z0-9_]*(?:->\w+|\.\w+)*  # PHP, shell, Perl $name, $order->id
        | @:[\w.]+                       # vue-i18n linked message @:key
        | \ue000                         # a placeable a reader has already cut out (Fluent)
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


#: (opener, closer) of the tags whose pattern scans ahead for the closer (`.*?`).
_SCANNING_TAGS = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"), ("<%", "%>"))


def scan(text: str, start: int = 0, end: int | None = None) -> Iterator[TemplateTag]:
    """The template tags in text[start:end], in order."""
    end = len(text) if end is None else end
    searched = _mask_doomed_openers(text, start, end)
    for match in _TEMPLATE.finditer(searched, start, end):
        kind = match.lastgroup or "placeholder"
        yield TemplateTag(kind, match.start(), match.end(), text[match.start():match.end()])


def _mask_doomed_openers(text: str, start: int, end: int) -> str:
    """The text with the first character of each opener that has no closer after it replaced by
    NUL, when there are many. Such an opener never matches, but the regex scans to the end for
    its closer from each one: quadratic on `{{ {{ {{ …` (a hostile or broken file). A few are
    left alone (cost: a few scans) so that ordinary files read exactly as they always did."""
    masked: set[int] = set()
    for opener, closer in _SCANNING_TAGS:
        last = text.rfind(closer, start, end)
        pos = text.find(opener, max(start, last - len(opener) + 1) if last >= 0 else start, end)
        while pos >= 0:
            # the second brace of a '{{' that does match must stay ('{{#each}}' with no '#}' after)
            if not (pos > start and text[pos - 1] == "{" and opener[0] == "{" and pos - 1 not in masked
                    and text.startswith("{{", pos - 1)):
                masked.add(pos)
            pos = text.find(opener, pos + 1, end)
    if len(masked) <= _DOOMED_SCANS_ALLOWED:
        return text
    chars = list(text)
    for pos in masked:
        chars[pos] = "\0"
    return "".join(chars)


#: Openers without a closer that may each cost a scan to the end before masking kicks in.
_DOOMED_SCANS_ALLOWED = 32


def directive_in_comment(comment: str) -> str | None:
    """The directive in a comment's inner text, if it is a plainfinnish comment."""
    match = _DIRECTIVE.search(comment.strip())
    if not match:
        return None
    # No rule id holds "--": it is the rest of a comment closer (an unclosed `<!-- … --`), and what
    # follows it is text, not rule names.
    return match.group("body").split("--", 1)[0].rstrip()


def strip_comment_markers(comment: str) -> str:
    for opener, closer in (("{#", "#}"), ("{{!--", "--}}"), ("{{!", "}}"), ("<%#", "%>"), ("<!--", "-->")):
        if comment.startswith(opener) and comment.endswith(closer):
            return comment[len(opener) : len(comment) - len(closer)]
    return comment



#: ICU MessageFormat plural/select argument: `{name, plural,` (the branches follow).
_ICU_START = re.compile(r"\{\s*[A-Za-z_][\w.]*\s*,\s*(?:plural|select|selectordinal)\s*,")
_ICU_BRANCH = re.compile(r"\s*(?:offset:\s*\d+\s*)?(=?[\w-]+)\s*\{")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")
_UNTERMINATED = re.compile(r"\{%|\{\{")
#: HTML markup inside a locale string: a tag, an end tag or a comment.
_LOOKS_LIKE_HTML = re.compile(r"<(?:[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>|/[A-Za-z][\w:-]*\s*>|!--)")


class Mapped:
    """Decoded text with the source span of each character.

    `Mapped.identity(text, start, end)` is a stretch of the source file as it is (no arrays);
    readers that decode escapes build one with `add()` per decoded character or run.
    """

    __slots__ = ("text", "_starts", "_ends", "_base", "_parts")

    def __init__(self) -> None:
        self.text = ""
        self._parts: list[str] = []
        self._starts: list[int] | None = []
        self._ends: list[int] | None = []
        self._base = 0

    @classmethod
    def identity(cls, text: str, start: int = 0, end: int | None = None) -> "Mapped":
        mapped = cls()
        mapped.text = text[start : len(text) if end is None else end]
        mapped._starts = mapped._ends = None
        mapped._base = start
        return mapped

    def add(self, chars: str, source_start: int, source_end: int) -> None:
        """Decoded characters standing for source[start:end]."""
        assert self._starts is not None and self._ends is not None
        self._parts.append(chars)
        self._starts.extend([source_start] * len(chars))
        self._ends.extend([source_end] * len(chars))

    def add_verbatim(self, text: str, source_start: int) -> None:
        """Characters copied as they are from source offset `source_start`."""
        assert self._starts is not None and self._ends is not None
        self._parts.append(text)
        self._starts.extend(range(source_start, source_start + len(text)))
        self._ends.extend(range(source_start + 1, source_start + len(text) + 1))

    def done(self) -> "Mapped":
        if self._parts:
            self.text += "".join(self._parts)
            self._parts = []
        return self

    def __len__(self) -> int:
        return len(self.text)

    def start(self, index: int) -> int:
        """Source offset where text[index] begins (the end of the text for index == len)."""
        if self._starts is None:
            return self._base + index
        if not self._starts:
            return 0
        if index >= len(self._starts):
            return self._ends[-1]  # type: ignore[index]
        return self._starts[index]

    def end(self, index: int) -> int:
        """Source offset where text[index - 1] ends."""
        if self._starts is None:
            return self._base + index
        if not self._ends:
            return 0
        return self._ends[max(index - 1, 0)] if index > 0 else self._starts[0]  # type: ignore[index]

    def emit(self, builder: MessageBuilder, start: int, end: int) -> None:
        """Copy text[start:end] into the builder, each character with its own source span."""
        if start >= end:
            return
        if self._starts is None:
            builder.text(self.text[start:end], self._base + start)
            return
        starts, ends = self._starts, self._ends
        assert ends is not None
        run = start
        for i in range(start, end + 1):
            verbatim = i < end and ends[i] == starts[i] + 1 and (i == run or starts[i] == ends[i - 1])
            if verbatim:
                continue
            if run < i:
                builder.text(self.text[run:i], starts[run])
            if i < end:
                builder.char(self.text[i], starts[i], ends[i])
            run = i + 1


def looks_like_html(text: str) -> bool:
    return _LOOKS_LIKE_HTML.search(text) is not None


def add_text_with_templates(
    builder: MessageBuilder,
    source: SourceText,
    start: int,
    end: int,
    directives: list[Directive] | None = None,
) -> None:
    """Copy source.text[start:end] into the builder, turning template syntax into placeholders."""
    add_mapped(builder, Mapped.identity(source.text, start, end), source, directives, html_markup=False)


def add_mapped(
    builder: MessageBuilder,
    mapped: Mapped,
    source: SourceText,
    directives: list[Directive] | None = None,
    html_markup: bool | None = None,
) -> None:
    """Add a (decoded) text with template syntax; with `html_markup` (None: detect) tags are markup.

    Branches of ICU plurals/selects other than the one kept in the sentence follow as blocks.
    """
    if html_markup is None:
        html_markup = looks_like_html(mapped.text)
    if html_markup:
        from plainfinnish.readers.html import add_html

        add_html(builder, mapped, source, directives)
        return
    add_inline(builder, mapped, 0, len(mapped), source, directives, html_text=False)


def add_inline(
    builder: MessageBuilder,
    mapped: Mapped,
    start: int,
    end: int,
    source: SourceText,
    directives: list[Directive] | None,
    html_text: bool,
) -> None:
    """Text run mapped.text[start:end] with templates; deferred ICU branches become blocks."""
    deferred: list[tuple[int, int, bool]] = []
    _inline(builder, mapped, start, end, source, directives, html_text, False, deferred)
    while deferred:
        branch_start, branch_end, plural = deferred.pop(0)
        builder.block()
        _inline(builder, mapped, branch_start, branch_end, source, directives, html_text, plural, deferred)
        builder.block()


def _inline(
    builder: MessageBuilder,
    mapped: Mapped,
    start: int,
    end: int,
    source: SourceText,
    directives: list[Directive] | None,
    html_text: bool,
    plural: bool,
    deferred: list[tuple[int, int, bool]],
) -> None:
    text = mapped.text
    pos = start
    next_icu = _ICU_START.search(text, pos, end)
    for tag in scan(text, start, end):
        if tag.start < pos:
            continue  # inside an ICU argument already handled
        while next_icu is not None and next_icu.start() < tag.start:
            icu_end = _icu(builder, mapped, next_icu, pos, end, source, directives, html_text, deferred)
            pos = icu_end
            next_icu = _ICU_START.search(text, pos, end)
        if tag.start < pos:
            continue
        _plain(builder, mapped, pos, tag.start, source, html_text, plural)
        if tag.kind == "placeholder":
            builder.placeholder(mapped.start(tag.start), mapped.end(tag.end))
        elif tag.kind == "control":
            # Branches `a{% else %}b` are alternatives: keep their words apart.
            following = text[tag.end : tag.end + 1]
            if following.isalnum() and builder.last_char.isalnum():
                builder.char(" ", mapped.start(tag.start), mapped.end(tag.end))
        elif tag.kind == "comment" and directives is not None:
            body = directive_in_comment(strip_comment_markers(tag.text))
            if body is not None:
                line, column = source.position(mapped.start(tag.start))
                directives.append(Directive(line, source.position(max(mapped.end(tag.end) - 1, 0))[0], column, body))
        pos = tag.end
        if next_icu is not None and next_icu.start() < pos:
            next_icu = _ICU_START.search(text, pos, end)
    while next_icu is not None:
        pos = _icu(builder, mapped, next_icu, pos, end, source, directives, html_text, deferred)
        next_icu = _ICU_START.search(text, pos, end)
    _plain(builder, mapped, pos, end, source, html_text, plural)


def _icu(builder: MessageBuilder, mapped: Mapped, match: re.Match[str], pos: int, end: int, source: SourceText,
         directives: list[Directive] | None, html_text: bool, deferred: list[tuple[int, int, bool]]) -> int:
    """Handle one ICU plural/select argument; returns where the text continues."""
    text = mapped.text
    _plain(builder, mapped, pos, match.start(), source, html_text, False)
    plural = "select," not in re.sub(r"\s", "", match.group())
    branches: list[tuple[str, int, int]] = []
    cursor = match.end()
    while True:
        branch = _ICU_BRANCH.match(text, cursor, end)
        if branch is None:
            break
        close = _matching_brace(text, branch.end() - 1, end)
        if close < 0:
            break
        branches.append((branch.group(1), branch.end(), close))
        cursor = close + 1
    while cursor < end and text[cursor].isspace():
        cursor += 1
    if not branches or cursor >= end or text[cursor] != "}":
        # Not a well-formed ICU argument: an opaque placeholder up to its closing brace.
        close = _matching_brace(text, match.start(), end)
        stop = close + 1 if close >= 0 else match.end()
        builder.placeholder(mapped.start(match.start()), mapped.end(stop))
        return stop
    primary = next((b for b in branches if b[0] == "other"), branches[-1])
    _inline(builder, mapped, primary[1], primary[2], source, directives, html_text, plural, deferred)
    deferred.extend((b[1], b[2], plural) for b in branches if b is not primary)
    return cursor + 1


def _matching_brace(text: str, open_at: int, end: int) -> int:
    return _brace_pairs(text, end).get(open_at, -1)


@lru_cache(maxsize=4)
def _brace_pairs(text: str, end: int) -> dict[int, int]:
    """Every '{' of text[:end] with its closing '}', in one pass (searching from each opening
    brace on its own was quadratic on `{n, plural, one {` repeated without closing)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    pos = text.find("{", 0, end)
    close = text.find("}", 0, end)
    while pos >= 0 or close >= 0:
        if pos >= 0 and (close < 0 or pos < close):
            stack.append(pos)
            pos = text.find("{", pos + 1, end)
        else:
            if stack:
                pairs[stack.pop()] = close
            close = text.find("}", close + 1, end)
    return pairs


def _plain(builder: MessageBuilder, mapped: Mapped, start: int, end: int, source: SourceText, html_text: bool,
           plural: bool) -> None:
    """Text without template tags: entities and white space (HTML), `#` in plural branches."""
    if start >= end:
        return
    text = mapped.text
    stray = _UNTERMINATED.search(text, start, end)
    if stray is not None:
        line, column = source.position(mapped.start(stray.start()))
        raise InputError(source.path, f"line {line}: unterminated template tag '{stray.group()}' (column {column})")
    if plural and "#" in text[start:end]:
        pos = start
        for i in range(start, end):
            if text[i] == "#":
                _plain(builder, mapped, pos, i, source, html_text, False)
                builder.placeholder(mapped.start(i), mapped.end(i + 1))
                pos = i + 1
        _plain(builder, mapped, pos, end, source, html_text, False)
        return
    if not html_text:
        mapped.emit(builder, start, end)
        return
    pos = start
    space: re.Match[str] | None = None
    amp = -1
    while pos < end:
        if space is None or space.start() < pos:  # searched again only once passed: linear
            space = _SPACE.search(text, pos, end)
        if amp < pos:
            amp = text.find("&", pos, end)
        if space is None and amp < 0:
            mapped.emit(builder, pos, end)
            return
        if amp >= 0 and (space is None or amp < space.start()):
            mapped.emit(builder, pos, amp)
            entity = _ENTITY.match(text, amp, end)
            decoded = html.unescape(entity.group()) if entity else "&"
            if entity is None or decoded == entity.group():
                mapped.emit(builder, amp, amp + 1)
                pos = amp + 1
                continue
            if decoded.isspace():
                builder.space(mapped.start(amp), mapped.end(entity.end()))
            else:
                builder.char(decoded, mapped.start(amp), mapped.end(entity.end()))
            pos = entity.end()
            continue
        assert space is not None
        mapped.emit(builder, pos, space.start())
        builder.space(mapped.start(space.start()), mapped.end(space.end()))
        pos = space.end()
