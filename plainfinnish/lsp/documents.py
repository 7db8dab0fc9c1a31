"""Open documents: text, version, and LSP position <-> character offset conversion.

LSP positions count UTF-16 code units on a 0-based line; Python strings index code points.
A character outside the Basic Multilingual Plane (an emoji, 𝄞) is one code point but two UTF-16
units, so columns differ after it. Every position from a client is clamped into the document:
an out-of-range edit or request never raises.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lsprotocol import types

from plainfinnish.document import line_starts


def utf16_len(text: str) -> int:
    """Length of text in UTF-16 code units."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int = 0
    language_id: str = ""
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
        offset = start
        while offset < end and units > 0:
            units -= 2 if ord(self.text[offset]) > 0xFFFF else 1
            offset += 1
        return offset

    def position_at(self, offset: int) -> types.Position:
        """The LSP position of a character offset."""
        offset = min(max(offset, 0), len(self.text))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line]
        return types.Position(line=line, character=utf16_len(self.text[start:offset]))

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
