"""JSON locale files (i18next, vue-i18n, Shopify `locales/fi.json`, ARB): every string value is text.

`json.loads` decides validity (its error names line and column); a small scanner then walks the
text again to find each string value's exact source span and decode its escapes character by
character (`\\n`, `\\"`, `\\u00e4`, surrogate pairs), so findings map back to the file. Keys are never
text; a key path (`checkout.thank_you`, `steps[2]`) names each string. ARB metadata (`"@key": {...}`)
is skipped. Strings are grouped into messages by parent object (see `grouping`).
"""

from __future__ import annotations

import json

from plainfinnish.document import Directive, ReadResult, SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers.grouping import LocaleString, build_messages, is_prose, join_key, parent_key, reader_options
from plainfinnish.readers.templates import Mapped

_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WHITE = " \t\r\n"


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    settings = reader_options(options, "json", {"group": str})
    text = source.text
    try:
        json.loads(text, parse_int=str, parse_float=str)  # only validity matters: no digit limit
    except json.JSONDecodeError as err:
        raise InputError(source.path, f"line {err.lineno}: invalid JSON: {err.msg} (column {err.colno})") from None
    strings: list[LocaleString] = []
    scanner = _Scanner(source, strings)
    scanner.value(scanner.skip(0), [])
    directives: list[Directive] = []  # JSON has no comments
    messages = build_messages(strings, source, directives, settings.get("group", "parent"))
    return ReadResult(messages=messages, directives=directives, comment_style=("", ""))


class _Scanner:
    """Walks valid JSON text, collecting string values with their key paths and source spans."""

    def __init__(self, source: SourceText, out: list[LocaleString]) -> None:
        self.text = source.text
        self.source = source
        self.out = out

    def skip(self, pos: int) -> int:
        text = self.text
        while pos < len(text) and text[pos] in _WHITE:
            pos += 1
        return pos

    def value(self, pos: int, path: list[str]) -> int:
        """Scan the value at pos; returns the offset after it."""
        char = self.text[pos]
        if char == "{":
            return self.obj(pos, path)
        if char == "[":
            return self.array(pos, path)
        if char == '"':
            mapped, end = self.string(pos)
            if path and is_prose(mapped.text) and not any(p.startswith("@") for p in path):
                self.out.append(LocaleString(join_key(path), parent_key(path), mapped))
            return end
        end = pos
        while end < len(self.text) and self.text[end] not in ",]}" + _WHITE:
            end += 1
        return end

    def obj(self, pos: int, path: list[str]) -> int:
        pos = self.skip(pos + 1)
        if self.text[pos] == "}":
            return pos + 1
        while True:
            key, pos = self.string(pos)
            pos = self.skip(pos)
            pos = self.skip(pos + 1)  # the colon
            pos = self.skip(self.value(pos, path + [key.text]))
            if self.text[pos] == "}":
                return pos + 1
            pos = self.skip(pos + 1)  # the comma

    def array(self, pos: int, path: list[str]) -> int:
        pos = self.skip(pos + 1)
        if self.text[pos] == "]":
            return pos + 1
        index = 0
        while True:
            pos = self.skip(self.value(pos, path + [f"[{index}]"]))
            index += 1
            if self.text[pos] == "]":
                return pos + 1
            pos = self.skip(pos + 1)

    def string(self, pos: int) -> tuple[Mapped, int]:
        """Decode the string starting at the quote at pos; returns it and the offset after it."""
        text = self.text
        mapped = Mapped()
        pos += 1
        run = pos
        while True:
            char = text[pos]
            if char == '"' or char == "\\":
                if run < pos:
                    mapped.add_verbatim(text[run:pos], run)
                if char == '"':
                    return mapped.done(), pos + 1
                kind = text[pos + 1]
                if kind == "u":
                    code = int(text[pos + 2 : pos + 6], 16)
                    end = pos + 6
                    if 0xD800 <= code < 0xDC00 and text[end : end + 2] == "\\u":
                        low = int(text[end + 2 : end + 6], 16)
                        if 0xDC00 <= low < 0xE000:
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            end += 6
                    mapped.add(chr(code), pos, end)
                    pos = end
                else:
                    mapped.add(_ESCAPES.get(kind, kind), pos, pos + 2)
                    pos += 2
                run = pos
            else:
                pos += 1
