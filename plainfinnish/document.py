"""Source files, the messages read from them, and the map from every character back to the source.

A reader turns a `SourceText` (the decoded file) into `Message`s: the text a writer's reader
sees, with markup removed, entities and escapes decoded and placeholders replaced by one opaque
word. Every character of a message's text remembers the source span it came from, so a finding
on any span of the text maps back to an exact line and column of the original file.
"""

from __future__ import annotations

import bisect
import codecs
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plainfinnish.errors import InputError

#: What a placeholder looks like to the NLP pipeline: one capitalised word that Voikko does not
#: know, so it is tokenised as one word, never flagged and never inflected.
PLACEHOLDER_WORD = "Xph"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_LINE_BREAK = re.compile(r"\r\n?|\n")
#: A lone surrogate (from an escape like "\\udfff" in JSON or YAML, or an editor's buffer) cannot
#: be encoded, so spaCy and every writer would fail on it: the text sees U+FFFD instead.
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CR = re.compile(r"\r(?=[^\n])")  # a CR at the end of a piece may be half of a CRLF


def readable(text: str) -> str:
    """Text safe for the pipeline, same length: lone surrogates become U+FFFD and a lone CR a line
    break (CR-only files keep their paragraphs)."""
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    return _SURROGATE.sub("\ufffd", text)


def line_starts(text: str) -> list[int]:
    """The offset at which each line of a text starts. Lines end at "\n", "\r\n" or a lone "\r"
    (old Mac files; the LSP counts all three), so CR-only files get their real line numbers."""
    if "\r" in text:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


@dataclass
class SourceText:
    """A decoded source file: its text, how it was encoded, and a line index."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = line_starts(self.text)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> "SourceText":
        """Decode a file: a BOM decides the encoding, otherwise it must be UTF-8."""
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError as err:
                    raise InputError(path, f"not valid {encoding.upper()} despite its byte-order mark ({err.reason} at byte {err.start})") from None
                text = text.lstrip("\ufeff")
                return cls._checked(path, text, encoding, bom)
        if b"\x00" in data[:8192] and not _looks_like_bomless_utf16(data):
            raise InputError(path, "binary file (contains NUL bytes); not checked")
        if _looks_like_bomless_utf16(data):
            encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
            try:
                return cls._checked(path, data.decode(encoding), encoding, b"")
            except UnicodeDecodeError:
                raise InputError(path, "binary file (contains NUL bytes); not checked") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            declared = _gettext_charset(data)
            if declared:  # a .po file says its own encoding in its header
                try:
                    return cls._checked(path, data.decode(declared), declared, b"")
                except UnicodeDecodeError as bad:
                    raise InputError(path, f"not valid {declared} as its header says ({bad.reason} at byte {bad.start})") from None
            line = data.count(b"\n", 0, err.start) + 1
            raise InputError(path, f"not UTF-8: invalid byte 0x{data[err.start]:02x} on line {line}; save the file as UTF-8") from None
        return cls._checked(path, text, "utf-8", b"")

    @classmethod
    def _checked(cls, path: str, text: str, encoding: str, bom: bytes) -> "SourceText":
        if "\x00" in text:
            raise InputError(path, "binary file (contains NUL characters); not checked")
        head = text[:65536]
        newline = "\r\n" if "\r\n" in head else "\r" if "\r" in head and "\n" not in head else "\n"
        return cls(path=path, text=text, encoding=encoding, bom=bom, newline=newline)

    @classmethod
    def read(cls, path: Path, display: str | None = None) -> "SourceText":
        name = display or str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except IsADirectoryError:
            raise InputError(name, "is a directory") from None
        except PermissionError:
            raise InputError(name, "permission denied; cannot read the file") from None
        except OSError as err:
            raise InputError(name, f"cannot read: {err.strerror or err}") from None
        return cls.from_bytes(name, data)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and column."""
        return self._line_starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


_GETTEXT_CHARSET = re.compile(rb'^"Content-Type: *text/plain; *charset=([A-Za-z0-9_.:-]{1,40})', re.M)


def _gettext_charset(data: bytes) -> str | None:
    """The charset a gettext header declares (`"Content-Type: text/plain; charset=ISO-8859-1\\n"`),
    when Python knows it and it is a single-byte or ASCII-compatible one; else None."""
    match = _GETTEXT_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    # Only encodings that keep ASCII as ASCII: the header itself must read the same in them.
    return name if "ab".encode(name, "ignore") == b"ab" and name not in ("utf-8", "utf-7") else None


#: Configuration and wordlist files are small; a bigger one is a mistake (or /dev/zero).
MAX_DATA_FILE = 10_000_000


def read_regular(path: Path, limit: int = MAX_DATA_FILE) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A pipe, device or socket raises
    OSError at once (opened without blocking, so a FIFO never hangs), and so does a bigger file."""
    import errno
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)")
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"file is {st.st_size:,} bytes, over the limit of {limit:,}")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
        if len(data) > limit:
            raise OSError(errno.EFBIG, f"file is over the limit of {limit:,} bytes")
        return data
    finally:
        os.close(fd)


def read_limited(stream: Any, limit: int, name: str) -> bytes:
    """At most `limit` bytes of a stream (standard input, a pipe): more is an error, read no
    further, so `check - < /dev/zero` ends at once instead of filling memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(name, f"input is over the limit of {limit:,} bytes (max-file-size); not checked")
    return data


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """UTF-16 text without a BOM: every other byte NUL in a mostly-ASCII sample."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.05 * len(even)) or (
        even.count(0) > 0.7 * len(even) and odd.count(0) < 0.05 * len(odd)
    )


@dataclass
class Message:
    """One text to analyse, with each character mapped back to the source.

    A plain text or Markdown file is one message; a locale file holds many (one per string, or
    one per group of sibling strings that form one e-mail). Blocks inside a message (paragraphs,
    headings, list items, separate strings) are separated by a blank line, which ends a sentence.
    """

    text: str
    starts: array  # source offset of each character of text
    ends: array  # source end offset (exclusive) of each character of text
    placeholders: list[tuple[int, int]] = field(default_factory=list)  # spans in text
    key: str | None = None  # key path for locale files, msgid context for .po, …
    settings: dict[str, Any] = field(default_factory=dict)  # per-message settings (front matter)
    #: (text offset, key) where each string of a grouped message begins (locale files)
    segment_keys: list[tuple[int, str]] = field(default_factory=list)

    def key_at(self, offset: int) -> str | None:
        """The key of the string a text offset is in (the message key when not grouped)."""
        if not self.segment_keys:
            return self.key
        index = bisect.bisect_right([start for start, _ in self.segment_keys], offset) - 1
        return self.segment_keys[max(index, 0)][1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets [start, end) of the text span [start, end)."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], max(self.ends[end - 1], self.starts[start])

    def is_placeholder(self, start: int, end: int) -> bool:
        """Does the text span [start, end) overlap a placeholder?"""
        spans = self.placeholders
        if len(spans) < 16:
            return any(p_start < end and start < p_end for p_start, p_end in spans)
        # Asked for every token: a scan of all placeholders was quadratic on a text made of them.
        index = self.__dict__.get("_placeholder_index")
        if index is None or index[0] != len(spans):
            ordered = sorted(spans)
            index = (len(spans), ordered, [p_end for _, p_end in ordered],
                     all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])))
            self.__dict__["_placeholder_index"] = index
        _, ordered, ends, disjoint = index
        if not disjoint:
            return any(p_start < end and start < p_end for p_start, p_end in spans)
        i = bisect.bisect_right(ends, start)  # the first placeholder ending after `start`
        return i < len(ordered) and ordered[i][0] < end


class MessageBuilder:
    """Builds a `Message` piece by piece while keeping the source map.

    Readers call `text()` for runs copied verbatim from the source, `char()` for a decoded
    escape or entity, `space()` for collapsed white space, `placeholder()` for template syntax
    and `block()` between paragraphs.
    """

    def __init__(self, key: str | None = None) -> None:
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")
        self._placeholders: list[tuple[int, int]] = []
        self._length = 0
        self._last_end = 0
        self.key = key
        self.settings: dict[str, Any] = {}
        self._segment_keys: list[tuple[int, str]] = []

    def __len__(self) -> int:
        return self._length

    @property
    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def text(self, text: str, source_start: int) -> None:
        """Text copied verbatim from source offset `source_start`."""
        if not text:
            return
        self._parts.append(readable(text))
        self._starts.extend(range(source_start, source_start + len(text)))
        self._ends.extend(range(source_start + 1, source_start + len(text) + 1))
        self._length += len(text)
        self._last_end = source_start + len(text)

    def char(self, char: str, source_start: int, source_end: int) -> None:
        """Decoded characters (an entity, an escape) standing for source[start:end]."""
        if not char:
            return
        self._parts.append(readable(char))
        self._starts.extend([source_start] * len(char))
        self._ends.extend([source_end] * len(char))
        self._length += len(char)
        self._last_end = source_end

    def space(self, source_start: int, source_end: int) -> None:
        """White space (collapsed to one space) unless the text already ends in white space."""
        if self._length and not self.last_char.isspace():
            self.char(" ", source_start, source_end)

    def placeholder(self, source_start: int, source_end: int) -> None:
        """An opaque template placeholder: one word in the sentence, never flagged."""
        start = self._length
        self.char(PLACEHOLDER_WORD, source_start, source_end)
        self._placeholders.append((start, self._length))

    def block(self) -> None:
        """End the current paragraph: a blank line, which always ends a sentence."""
        if not self._length:
            return
        # Trim trailing white space of the block so the break is clean.
        while self._length and self.last_char in " \t" and self._parts:
            last = self._parts[-1]
            self._parts[-1] = last[:-1]
            if not self._parts[-1]:
                self._parts.pop()
            self._starts.pop()
            self._ends.pop()
            self._length -= 1
        if self._length and not self.text_so_far().endswith("\n\n"):
            at = self._ends[-1] if self._length else self._last_end
            suffix = "\n" if self.last_char == "\n" else "\n\n"
            self.char(suffix, at, at)

    def segment(self, key: str) -> None:
        """The text added from here on is the string `key` (one string of a grouped message)."""
        self._segment_keys.append((self._length, key))

    def text_so_far(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def build(self) -> Message:
        text = self.text_so_far()
        # Trailing block separators carry no text.
        stripped = len(text.rstrip("\n "))
        return Message(
            text=text[:stripped],
            starts=self._starts[:stripped],
            ends=self._ends[:stripped],
            placeholders=[p for p in self._placeholders if p[1] <= stripped],
            key=self.key,
            settings=dict(self.settings),
            segment_keys=list(self._segment_keys),
        )


@dataclass
class Directive:
    """A suppression comment found by a reader: `plainfinnish: disable-next-line jargon`."""

    line: int  # 1-based source line of the comment
    end_line: int  # last line the comment occupies
    column: int
    text: str  # the comment's content after "plainfinnish:"


@dataclass
class ReadResult:
    """What a reader returns for one file."""

    messages: list[Message]
    directives: list[Directive] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # file-level settings (front matter)
    comment_style: tuple[str, str] = ("<!--", "-->")  # how to write a suppression comment
