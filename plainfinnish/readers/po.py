"""gettext catalogues (.po, .pot): each Finnish `msgstr` / `msgstr[n]` is a message of its own.

A small line-keeping parser (polib gives no character positions): every quoted string piece is
decoded escape by escape (`\\n`, `\\"`, `\\t`, octal, hex) with the source span of each character, and
the pieces of a multi-line string are joined as gettext joins them. The English `msgid` is never
text; it (with `msgctxt`) is the message key. Translator comments carry suppressions
(`# plainfinnish: disable-next-line jargon` covers the whole entry below it). Fuzzy entries are
skipped unless `[tool.plainfinnish.readers.po] include-fuzzy = true`; obsolete (`#~`) entries and
the header are always skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plainfinnish.document import Directive, Message, MessageBuilder, ReadResult, SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers.grouping import reader_options
from plainfinnish.readers.templates import Mapped, add_mapped, directive_in_comment

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")


@dataclass
class _Entry:
    first_line: int
    last_line: int = 0
    fields: dict[str, list[Mapped]] = field(default_factory=dict)  # keyword -> string pieces
    order: list[str] = field(default_factory=list)
    fuzzy: bool = False
    obsolete: bool = False
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, directive)

    def value(self, keyword: str) -> str:
        return "".join(piece.text for piece in self.fields.get(keyword, []))


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    settings = reader_options(options, "po", {"include-fuzzy": bool})
    entries = _parse(source)
    messages: list[Message] = []
    directives: list[Directive] = []
    for entry in entries:
        for line, column, body in entry.comments:
            directives.append(_entry_directive(line, column, body, entry))
        if entry.obsolete or (entry.fuzzy and not settings.get("include-fuzzy", False)):
            continue
        msgid = entry.value("msgid")
        if not msgid and "msgctxt" not in entry.fields:
            continue  # the header
        context = entry.value("msgctxt")
        key = f"{context}: {msgid}" if "msgctxt" in entry.fields else msgid
        for keyword in entry.order:
            if not keyword.startswith("msgstr"):
                continue
            builder = MessageBuilder(key=key + keyword[len("msgstr"):])
            for piece in entry.fields[keyword]:
                add_mapped(builder, piece, source, directives)
            messages.append(builder.build())
    return ReadResult(messages=messages, directives=directives, comment_style=("# ", ""))


def _entry_directive(line: int, column: int, body: str, entry: _Entry) -> Directive:
    """A translator comment's `disable-next-line` / `disable-line` covers its whole entry."""
    words = body.split(None, 1)
    if words and words[0] in ("disable-next-line", "disable-line"):
        rest = words[1] if len(words) > 1 else ""
        return Directive(line, max(entry.last_line, line), column, f"disable-line {rest}".strip())
    return Directive(line, line, column, body)


def _parse(source: SourceText) -> list[_Entry]:
    text = source.text
    entries: list[_Entry] = []
    entry: _Entry | None = None
    current: str | None = None  # the keyword the next continuation string belongs to
    boundary = True  # a blank line was seen: a comment now starts a new entry
    offset = 0

    def new_entry(number: int) -> _Entry:
        if entry is not None:
            _check_complete(source, entry)
        fresh = _Entry(first_line=number)
        entries.append(fresh)
        return fresh

    for number, line in enumerate(text.split("\n"), start=1):
        line_start = offset
        offset += len(line) + 1
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped:
            current, boundary = None, True
            continue
        if stripped.startswith("#"):
            if entry is None or entry.order or boundary:
                entry = new_entry(number)
            current, boundary = None, False
            if stripped.startswith("#~"):
                entry.obsolete = True
            elif stripped.startswith("#,"):
                entry.fuzzy = entry.fuzzy or "fuzzy" in (f.strip() for f in stripped[2:].split(","))
            elif not stripped.startswith(("#:", "#|")):
                body = directive_in_comment(stripped[2:] if stripped.startswith("#.") else stripped[1:])
                if body is not None:
                    entry.comments.append((number, indent + 1, body))
            entry.last_line = number
            continue
        boundary = False
        if stripped.startswith('"'):
            if entry is None or current is None:
                raise InputError(source.path, f"line {number}: a quoted string without a keyword (msgid, msgstr, …) before it")
            entry.fields[current].append(_string(source, line_start + indent, number))
            entry.last_line = number
            continue
        keyword = next((k for k in _KEYWORDS if stripped.startswith(k)), None)
        rest_at = indent + len(keyword or "")
        if keyword is None or line[rest_at : rest_at + 1] not in (" ", "\t", '"', "["):
            word = stripped.split(None, 1)[0][:40]
            raise InputError(source.path, f"line {number}: unexpected {word!r}; expected msgctxt, msgid, msgstr or a comment")
        if keyword == "msgstr" and line[rest_at : rest_at + 1] == "[":
            close = line.find("]", rest_at)
            if close < 0 or not line[rest_at + 1 : close].strip().isdigit():
                raise InputError(source.path, f"line {number}: malformed plural index after msgstr")
            keyword = "msgstr[" + line[rest_at + 1 : close].strip() + "]"
            rest_at = close + 1
        if keyword == "msgctxt" and (entry is None or entry.order):
            entry = new_entry(number)
        elif keyword == "msgid" and (entry is None or any(k != "msgctxt" for k in entry.order)):
            entry = new_entry(number)
        if entry is None or keyword not in ("msgctxt", "msgid") and "msgid" not in entry.fields:
            raise InputError(source.path, f"line {number}: {keyword} without a msgid before it")
        if keyword in entry.fields:
            raise InputError(source.path, f"line {number}: {keyword} appears twice in one entry")
        quote = line.find('"', rest_at)
        if quote < 0 or line[rest_at:quote].strip():
            raise InputError(source.path, f"line {number}: expected a quoted string after {keyword}")
        entry.fields[keyword] = [_string(source, line_start + quote, number)]
        entry.order.append(keyword)
        entry.last_line = number
        current = keyword
    if entry is not None:
        _check_complete(source, entry)
    return entries


def _check_complete(source: SourceText, entry: _Entry) -> None:
    if "msgid" in entry.fields and not any(k.startswith("msgstr") for k in entry.order):
        raise InputError(source.path, f"line {entry.first_line}: entry has a msgid but no msgstr")


def _string(source: SourceText, start: int, number: int) -> Mapped:
    """Decode the quoted string whose opening quote is at `start` (one line)."""
    text = source.text
    mapped = Mapped()
    pos = start + 1
    run = pos
    while True:
        char = text[pos] if pos < len(text) else "\n"
        if char == "\n" or char == "\r" and text[pos + 1 : pos + 2] in ("\n", ""):
            raise InputError(source.path, f"line {number}: unterminated string (missing closing \")")
        if char == '"' or char == "\\":
            if run < pos:
                mapped.add_verbatim(text[run:pos], run)
            if char == '"':
                tail = text[pos + 1 : text.find("\n", pos) if "\n" in text[pos:] else len(text)].strip()
                if tail and not tail.startswith("#"):
                    raise InputError(source.path, f"line {number}: unexpected text after the closing quote: {tail[:30]!r}")
                return mapped.done()
            kind = text[pos + 1 : pos + 2]
            if kind in _ESCAPES:
                mapped.add(_ESCAPES[kind], pos, pos + 2)
                pos += 2
            elif kind == "x":
                end = pos + 2
                while end < len(text) and end < pos + 4 and text[end] in "0123456789abcdefABCDEF":
                    end += 1
                mapped.add(chr(int(text[pos + 2 : end] or "0", 16)), pos, end)
                pos = end
            elif kind.isdigit():
                end = pos + 1
                while end < len(text) and end < pos + 4 and text[end] in "01234567":
                    end += 1
                mapped.add(chr(int(text[pos + 1 : end], 8)), pos, end)
                pos = end
            else:
                raise InputError(source.path, f"line {number}: unknown escape '\\{kind}' in a string")
            run = pos
        else:
            pos += 1
