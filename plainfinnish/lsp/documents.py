"""Open documents: text, version, and LSP position <-> character offset conversion.

LSP positions count code units of the position encoding agreed at initialisation: UTF-16 (the
default), UTF-8 or UTF-32. Python strings index code points (= UTF-32 units). In UTF-16 a
character outside the Basic Multilingual Plane (an emoji, 𝄞) is two units; in UTF-8 every
non-ASCII character is two to four bytes (ä and ö two). Every position from a client is clamped
into the document: an out-of-range edit or request never raises.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lsprotocol import types

from plainfinnish.document import line_starts


def utf16_len(text: str) -> int:
    """Length of text in UTF-16 code units."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _units(char: str, encoding: str) -> int:
    """Code units of one character in a position encoding (a lone surrogate counts as in UTF-16)."""
    code = ord(char)
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    if encoding == "utf-32":
        return 1
    return 2 if code > 0xFFFF else 1


def units_len(text: str, encoding: str) -> int:
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return utf16_len(text)


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int = 0
    language_id: str = ""
    encoding: str = "utf-16"  # the position encoding agreed with the client
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._line_starts = line_starts(self.text)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def _line_bounds(self, line: int) -> tuple[int, int]:
        """Start offset and end offset (before the line break) of a 0-based line."""
        start = self._line_starts[line]
        end = self._line_starts[line + 1] - 1 if line + 1 < len(self._line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    def offset_at(self, position: types.Position) -> int:
        """The character offset of an LSP position, clamped into the document."""
        line = position.line
        if line < 0:
            return 0
        if line >= len(self._line_starts):
            return len(self.text)
        start, end = self._line_bounds(line)
        units = max(position.character, 0)
        if self.encoding == "utf-32":
            return min(start + units, end)
        offset = start
        while offset < end and units > 0:
            units -= _units(self.text[offset], self.encoding)
            offset += 1
        return offset

    def position_at(self, offset: int) -> types.Position:
        """The LSP position of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line]
        return types.Position(line=line, character=units_len(self.text[start:offset], self.encoding))

    def range_of(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position_at(start), end=self.position_at(end))

    def line_end(self, line: int) -> int:
        return self._line_bounds(min(max(line, 0), len(self._line_starts) - 1))[1]

    def line_start(self, line: int) -> int:
        return self._line_starts[min(max(line, 0), len(self._line_starts) - 1)]

    def apply(self, change: types.TextDocumentContentChangeEvent) -> None:
        """Apply a full or incremental change (positions clamped)."""
        if isinstance(change, types.TextDocumentContentChangePartial):
            start = self.offset_at(change.range.start)
            end = self.offset_at(change.range.end)
            if end < start:
                start, end = end, start
            self.text = self.text[:start] + change.text + self.text[end:]
        else:
            self.text = change.text
        self._reindex()
