"""Applying suggestions to source files: plan, verify by re-linting, write atomically.

A suggestion becomes an edit of the source only when the span it replaces is verbatim text of the
message: every character copied one-to-one from the source, no markup, entity, escape or
placeholder inside it. Edits are applied from the end of the file backwards so earlier offsets stay
valid, and the result is linted again: an edit that does not remove its finding, or that brings a
new one, is dropped. The new bytes keep the file's encoding, BOM and line endings, and are written
through a temporary file in the same folder (fsync, rename), so a killed run leaves either the old
file or the new one. A file that changed on disk since it was read is not written.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from plainfinnish.document import Message, SourceText
from plainfinnish.errors import InputError, PlainfinnishError
from plainfinnish.rules.base import Finding, Suggestion

if TYPE_CHECKING:
    from plainfinnish.engine import FileResult

_BOM_ENCODINGS = {
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}


@dataclass(frozen=True)
class FileState:
    """What a file was when it was read: a write goes ahead only if it is still that."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> "FileState":
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())


@dataclass
class Edit:
    start: int  # source offsets [start, end)
    end: int
    text: str
    finding: Finding
    safe: bool


@dataclass
class FixOutcome:
    text: str | None  # the fixed source text, None when nothing changed
    applied: list[Edit] = field(default_factory=list)
    rejected: list[tuple[Edit, str]] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)  # fixes that could not be planned
    after: "FileResult | None" = None  # the lint of the fixed text


def applicable(suggestion: Suggestion, unsafe: bool) -> bool:
    return not suggestion.advice and (suggestion.safe or unsafe)


def has_fixes(findings: list[Finding], unsafe: bool) -> bool:
    return any(applicable(s, unsafe) for f in findings for s in f.suggestions)


def _verbatim(message: Message, source: SourceText, i: int) -> bool:
    """Is character i of the message copied one-to-one from the source?"""
    s = message.starts[i]
    return message.ends[i] == s + 1 and s < len(source.text) and source.text[s] == message.text[i]


def source_span(message: Message, source: SourceText, start: int, end: int) -> tuple[int, int] | None:
    """The source span of message text [start, end) when it is verbatim source text, else None."""
    text = message.text
    if not 0 <= start <= end <= len(text) or not text:
        return None
    if start == end:  # an insertion: between two verbatim characters with nothing between them
        if message.is_placeholder(start, start + 1) and message.is_placeholder(start - 1, start):
            return None
        before = start > 0 and _verbatim(message, source, start - 1)
        after = start < len(text) and _verbatim(message, source, start)
        if before and after and message.ends[start - 1] != message.starts[start]:
            return None
        if before:
            return message.ends[start - 1], message.ends[start - 1]
        if after:
            return message.starts[start], message.starts[start]
        return None
    if message.is_placeholder(start, end):
        return None
    first = message.starts[start]
    for i in range(start, end):
        if message.starts[i] != first + (i - start) or not _verbatim(message, source, i):
            return None
    return first, first + (end - start)


def message_of(finding: Finding, messages: list[Message]) -> Message | None:
    """The message a located finding came from: same key, and its span maps to the finding's."""
    for message in messages:
        # In a grouped message (sibling strings of a locale file) the finding carries the key of
        # its own string, not the group's.
        if message.key_at(finding.start) != finding.key or not 0 <= finding.start < finding.end <= len(message.text):
            continue
        if message.source_span(finding.start, finding.end) == (finding.source_start, finding.source_end):
            return message
    return None


def plan(result: "FileResult", unsafe: bool) -> tuple[list[Edit], list[tuple[Finding, str]]]:
    """The edits for a freshly linted file (it needs the messages), and the findings whose
    suggestion cannot be applied safely, with why."""
    assert result.source is not None and result.read_result is not None
    source = result.source
    edits: list[Edit] = []
    skipped: list[tuple[Finding, str]] = []
    for finding in result.findings:
        suggestion = next((s for s in finding.suggestions if applicable(s, unsafe)), None)
        if suggestion is None:
            continue
        message = message_of(finding, result.read_result.messages)
        if message is None:
            skipped.append((finding, "its text is not in one message"))
            continue
        # A suggestion with its own span (a split at one joint) needs only that span verbatim;
        # one that replaces the finding needs the whole finding verbatim.
        if suggestion.start is None and source_span(message, source, finding.start, finding.end) is None:
            skipped.append((finding, "the flagged text spans markup or a placeholder"))
            continue
        start = finding.start if suggestion.start is None else suggestion.start
        end = finding.end if suggestion.end is None else suggestion.end
        span = source_span(message, source, start, end)
        if span is None:
            skipped.append((finding, "the text to replace spans markup or a placeholder"))
            continue
        new = suggestion.new_text
        if "\n" in new:
            new = new.replace("\r\n", "\n").replace("\n", source.newline)
        if source.text[span[0]:span[1]] == new:
            continue
        edits.append(Edit(span[0], span[1], new, finding, suggestion.safe))
    edits.sort(key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for edit in edits:  # overlapping edits: the first wins; the other waits for the next run
        if kept and (edit.start < kept[-1].end or (edit.start == kept[-1].start == kept[-1].end)):
            if (edit.start, edit.end, edit.text) != (kept[-1].start, kept[-1].end, kept[-1].text):
                skipped.append((edit.finding, "overlaps another fix"))
            continue
        kept.append(edit)
    return kept, skipped


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits from the end backwards, so offsets stay valid."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def _shift(edits: list[Edit]) -> Callable[[int], int]:
    ordered = sorted(edits, key=lambda e: e.start)

    def mapped(offset: int) -> int:
        delta = 0
        for e in ordered:
            if e.end <= offset:
                delta += len(e.text) - (e.end - e.start)
            elif e.start < offset:
                return e.start + delta + min(offset - e.start, len(e.text))
            else:
                break
        return offset + delta

    return mapped


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an empty span touches what is at or around it
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def problems(before: list[Finding], edits: list[Edit], after: list[Finding]) -> tuple[set[int], bool]:
    """The edits (by index) that did not remove their finding or brought a new one, and whether a
    new finding could not be tied to any edit."""
    mapped = _shift(edits)
    new_spans = []
    for edit in edits:
        start = mapped(edit.start)
        new_spans.append((start, start + len(edit.text)))
    targeted = {id(e.finding) for e in edits}
    bad: set[int] = set()
    for i, (edit, span) in enumerate(zip(edits, new_spans)):
        if any(f.rule == edit.finding.rule and _overlaps((f.source_start, f.source_end), span) for f in after):
            bad.add(i)
    old = [(f.rule, (mapped(f.source_start), mapped(f.source_end))) for f in before if id(f) not in targeted]
    unattributed = False
    for f in after:
        span = (f.source_start, f.source_end)
        if any(rule == f.rule and _overlaps(span, o) for rule, o in old):
            continue
        if any(f.rule == e.finding.rule and _overlaps(span, s) for e, s in zip(edits, new_spans)):
            continue  # the finding an edit failed to remove: counted above
        culprits = {i for i, s in enumerate(new_spans) if _overlaps(span, s)}
        if culprits:
            bad |= culprits
        else:
            unattributed = True
    return bad, unattributed


def fix_file(result: "FileResult", unsafe: bool, lint: Callable[[SourceText], "FileResult"]) -> FixOutcome:
    """Plan the fixes of a freshly linted file and keep those that re-linting confirms."""
    source = result.source
    assert source is not None
    edits, skipped = plan(result, unsafe)
    outcome = FixOutcome(text=None, skipped=skipped)
    if not edits:
        return outcome

    def attempt(chosen: list[Edit]) -> tuple[str, "FileResult | None", set[int], bool]:
        text = apply_edits(source.text, chosen)
        try:
            after = lint(SourceText(path=source.path, text=text, encoding=source.encoding, bom=source.bom,
                                    newline=source.newline))
        except PlainfinnishError:
            return text, None, set(range(len(chosen))), True
        bad, unattributed = problems(result.findings, chosen, after.findings)
        return text, after, bad, unattributed

    text, after, bad, unattributed = attempt(edits)
    if bad or unattributed:
        good = []
        for edit in edits:  # find the culprits one by one
            _, _, one_bad, one_unattributed = attempt([edit])
            if one_bad or one_unattributed:
                outcome.rejected.append((edit, "re-linting found the finding still there or a new one"))
            else:
                good.append(edit)
        if not good:
            return outcome
        text, after, bad, unattributed = attempt(good)
        if bad or unattributed:
            outcome.rejected.extend((e, "together with the other fixes it brought a new finding") for e in good)
            return outcome
        edits = good
    outcome.text, outcome.applied, outcome.after = text, edits, after
    return outcome


def encode(source: SourceText, text: str) -> bytes:
    """Bytes in the file's own encoding, with its BOM."""
    encoding = _BOM_ENCODINGS.get(source.bom, source.encoding)
    try:
        return source.bom + text.encode(encoding)
    except UnicodeEncodeError as err:  # a fix in a Latin-1 .po file, or a lone surrogate
        raise InputError(source.path, f"the fixed text has {err.object[err.start]!a}, which {encoding} cannot hold; "
                                      "fixes not written") from None


#: Temporaries are named `.<file>.<pid>.<random>.plainfinnish-tmp`; the pid tells a stale one.
TMP_SUFFIX = ".plainfinnish-tmp"


def remove_stale_temporaries(folder: Path) -> int:
    """Remove temporaries a killed `--fix` left in a folder (their process is gone); how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TMP_SUFFIX)) or not entry.is_file(follow_symlinks=False):
            continue
        parts = name[: -len(TMP_SUFFIX)].rsplit(".", 2)
        if len(parts) != 3 or not parts[1].isdigit() or _alive(int(parts[1])):
            continue
        try:
            os.unlink(entry.path)
            removed += 1
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


def unified_diff(display: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{display}", tofile=f"b/{display}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes, expected: FileState, display: str | None = None) -> None:
    """Replace a file's content atomically, keeping its mode; refuse when it is read-only or has
    changed since `expected` was taken."""
    name = display or str(path)
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
        current = real.read_bytes()
    except OSError as err:
        raise InputError(name, f"cannot re-read before writing fixes: {err.strerror or err}") from None
    if (st.st_mtime_ns, st.st_size) != (expected.mtime_ns, expected.size) or \
            hashlib.sha256(current).hexdigest() != expected.sha256:
        raise InputError(name, "changed on disk while it was being checked; fixes not written")
    mode = stat.S_IMODE(st.st_mode)
    # root passes os.access, so look at the mode bits too: a read-only file is a decision to respect.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        raise InputError(name, "file is read-only; fixes not written")
    if st.st_nlink > 1:
        _write_in_place(real, data, name)
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.{os.getpid()}.", suffix=TMP_SUFFIX, dir=real.parent)
    except OSError as err:
        raise InputError(name, f"cannot write fixes next to the file: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            delay = float(os.environ.get("PLAINFINNISH_TEST_WRITE_DELAY", "0") or 0)
            if delay:  # test hook: a window in which the tests kill the process mid-write
                out.write(data[: len(data) // 2])
                out.flush()
                time.sleep(delay)
                out.write(data[len(data) // 2:])
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        os.replace(tmp, real)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise InputError(name, f"cannot write fixes: {err.strerror or err}") from None
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(real.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


def _write_in_place(real: Path, data: bytes, name: str) -> None:
    """A file with other hard links is rewritten in its own inode (as editors do), since a rename
    would leave the other names with the old text. One write, then truncate and fsync."""
    try:
        with open(real, "r+b") as out:
            out.write(data)
            out.truncate()
            out.flush()
            os.fsync(out.fileno())
    except OSError as err:
        raise InputError(name, f"cannot write fixes: {err.strerror or err}") from None
