"""Markdown (CommonMark + tables) through markdown-it-py, with exact source positions.

Headings, paragraphs, list items and table cells are blocks of text; emphasis markers, link
targets, images, HTML tags and code are not text (an inline code span is one opaque word in its
sentence); code blocks are skipped. YAML front matter is not text but can hold per-file settings
under `plainfinnish:`. markdown-it gives line ranges for blocks only, so inline text is aligned
back to the source character by character.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from plainfinnish.document import Directive, MessageBuilder, ReadResult, SourceText
from plainfinnish.errors import ConfigError, InputError
from plainfinnish.readers.templates import directive_in_comment, scan

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|\w{1,32});")
# Template tags are masked with same-length private-use runs before parsing, so that
# `[linkki]({{ url }})` is still a link to markdown-it and every offset stays valid.
_PLACEHOLDER_MASK = "\ue000"
_CONTROL_MASK = "\ue001"

_MASKED_RUN = re.compile(f"{_PLACEHOLDER_MASK}+|{_CONTROL_MASK}+")

_parser: MarkdownIt | None = None


def _markdown() -> MarkdownIt:
    global _parser
    if _parser is None:
        _parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    return _parser


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    text = source.text
    directives: list[Directive] = []
    settings: dict[str, Any] = {}
    body_start = 0
    front = _FRONT_MATTER.match(text)
    if front:
        settings = _front_matter_settings(source, front.group(1) or "")
        body_start = front.end()
    # Blank out the front matter (keeping line numbers) so markdown-it sees only the body.
    body = "\n" * text.count("\n", 0, body_start) + _mask_templates(text[body_start:], source, body_start, directives)
    masked = text[:body_start] + body[text.count("\n", 0, body_start):]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    builder = MessageBuilder()
    # up to the last '-->': past it no comment can close, and each '<!--' would scan to the end
    for comment in _HTML_COMMENT.finditer(text, body_start, text.rfind("-->") + 3):
        directive = directive_in_comment(comment.group(1))
        if directive is not None:
            line, column = source.position(comment.start())
            directives.append(Directive(line, source.position(comment.end() - 1)[0], column, directive))
    used: dict[int, int] = {}  # per source line: how far table cells have been consumed
    for token in _markdown().parse(body):
        if token.type != "inline" or token.map is None:
            continue
        offsets = _locate(masked, line_starts, token, used)
        builder.block()
        _Inline(source, builder, token.content, offsets, directives).walk(token.children or [])
    builder.block()
    message = builder.build()
    return ReadResult(messages=[message], directives=directives, settings=settings)


def _mask_templates(body: str, source: SourceText, offset: int, directives: list[Directive]) -> str:
    from plainfinnish.readers.templates import directive_in_comment as in_comment
    from plainfinnish.readers.templates import strip_comment_markers

    pieces = []
    pos = 0
    for tag in scan(body):
        pieces.append(body[pos:tag.start])
        mask = _PLACEHOLDER_MASK if tag.kind == "placeholder" else _CONTROL_MASK
        pieces.append(mask * (tag.end - tag.start))
        if tag.kind == "comment":
            directive = in_comment(strip_comment_markers(tag.text))
            if directive is not None:
                line, column = source.position(offset + tag.start)
                directives.append(Directive(line, source.position(offset + tag.end - 1)[0], column, directive))
        pos = tag.end
    pieces.append(body[pos:])
    return "".join(pieces)


def _front_matter_settings(source: SourceText, yaml_text: str) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(yaml_text)
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(source.path, f"invalid YAML front matter{where}: {getattr(err, 'problem', None) or err}") from None
    settings = data.get("plainfinnish", {}) if isinstance(data, dict) else {}
    if not isinstance(settings, dict):
        raise ConfigError(source.path, f"front matter: 'plainfinnish' must be a table (rules, profile, language), not {settings!r:.60}")
    return settings


def _locate(text: str, line_starts: list[int], token: Token, used: dict[int, int]) -> list[int]:
    """Source offset of every character of an inline token's content."""
    content = token.content
    first_line = token.map[0] if token.map else 0
    offsets: list[int] = []
    for i, piece in enumerate(content.split("\n")):
        line_no = first_line + i
        if line_no >= len(line_starts):
            line_no = len(line_starts) - 1
        line_start = line_starts[line_no]
        line_end = line_starts[line_no + 1] - 1 if line_no + 1 < len(line_starts) else len(text)
        line = text[line_start:line_end].rstrip("\r")
        search_from = used.get(line_no, 0)
        col = line.find(piece, search_from) if piece else len(line.rstrip())
        if col < 0:
            col = len(line) - len(line.lstrip())
        used[line_no] = col + len(piece)
        offsets.extend(range(line_start + col, line_start + col + len(piece)))
        if i < content.count("\n"):
            offsets.append(line_start + min(col + len(piece), len(line)))  # the line break
    return offsets


class _Inline:
    """Walks the inline children of one block, aligning each to the block's source content."""

    def __init__(self, source: SourceText, builder: MessageBuilder, content: str, offsets: list[int], directives: list[Directive]):
        self.source = source
        self.builder = builder
        self.content = content
        self.offsets = offsets
        self.directives = directives
        self.cursor = 0  # position in content

    def at(self, index: int) -> int:
        if not self.offsets:
            return 0
        return self.offsets[min(index, len(self.offsets) - 1)] + (1 if index >= len(self.offsets) else 0)

    def walk(self, children: list[Token]) -> None:
        link_depth = 0
        for child in children:
            kind = child.type
            if kind == "text":
                self.text(child.content)
            elif kind == "softbreak" or kind == "hardbreak":
                newline = self.content.find("\n", self.cursor)
                if newline >= 0:
                    self.builder.char("\n", self.at(newline), self.at(newline) + 1)
                    self.cursor = newline + 1
            elif kind == "code_inline":
                self.opaque(child.markup + child.content, child.markup)
            elif kind == "link_open":
                if child.markup == "autolink":
                    close = self.content.find(">", self.cursor)
                    start = self.content.find("<", self.cursor)
                    if start >= 0 and close > start:
                        self.builder.placeholder(self.at(start), self.at(close) + 1)
                        self.cursor = close + 1
                    link_depth += 1
                    continue
                bracket = self.content.find("[", self.cursor)
                if bracket >= 0:
                    self.cursor = bracket + 1
                link_depth += 1
            elif kind == "link_close":
                link_depth -= 1
                self.skip_link_target()
            elif kind == "image":
                start = self.content.find("![", self.cursor)
                if start >= 0:
                    self.cursor = start + 2
                    self.skip_link_target(after_label=True)
            elif kind == "html_inline":
                start = self.content.find(child.content, self.cursor)
                if start >= 0:
                    self.cursor = start + len(child.content)
                if child.content.lower().startswith(("<br", "<p", "</p", "<div", "</div")):
                    self.builder.char("\n", self.at(max(start, 0)), self.at(max(start, 0)))
            # emphasis and strong markers carry no text; the alignment below skips them

    def text(self, decoded: str) -> None:
        """Align decoded text (escapes and entities resolved) to the source content."""
        raw_start = self.content.find(decoded, self.cursor)
        if raw_start >= 0 and self._only_markup(self.cursor, raw_start):
            self.verbatim(raw_start, raw_start + len(decoded))
            return
        # Slow path: escapes (\*) or entities (&amp;) differ between source and decoded text.
        for char in decoded:
            pos = self.cursor
            while pos < len(self.content):
                if self.content[pos] == "\\" and pos + 1 < len(self.content) and self.content[pos + 1] == char:
                    self.builder.char(char, self.at(pos), self.at(pos + 1) + 1)
                    self.cursor = pos + 2
                    break
                if self.content[pos] == "&":
                    entity = _ENTITY.match(self.content, pos)
                    if entity and html.unescape(entity.group()) == char:
                        self.builder.char(char, self.at(pos), self.at(entity.end() - 1) + 1)
                        self.cursor = entity.end()
                        break
                if self.content[pos] == char:
                    self.builder.char(char, self.at(pos), self.at(pos) + 1)
                    self.cursor = pos + 1
                    break
                pos += 1
            else:
                return  # could not align; stop rather than point at the wrong place

    def _only_markup(self, start: int, end: int) -> bool:
        return all(c in "*_~[]!<>`#|\\ " for c in self.content[start:end])

    def verbatim(self, start: int, end: int) -> None:
        """Copy content[start:end], which equals the source there; masked template tags become
        placeholders (or vanish, for control tags and comments)."""
        pos = start
        for run in _MASKED_RUN.finditer(self.content, start, end):
            self._copy(pos, run.start())
            if run.group()[0] == _PLACEHOLDER_MASK:
                self.builder.placeholder(self.at(run.start()), self.at(run.end() - 1) + 1)
            pos = run.end()
        self._copy(pos, end)
        self.cursor = end

    def _copy(self, start: int, end: int) -> None:
        """Copy content[start:end] verbatim, keeping each character's own source offset."""
        run_start = start
        for i in range(start + 1, end + 1):
            # A run breaks where the source offsets are not consecutive (a line break).
            if i == end or self.offsets[i] != self.offsets[i - 1] + 1:
                chunk = self.content[run_start:i]
                if chunk:
                    self.builder.text(chunk, self.at(run_start))
                run_start = i

    def opaque(self, raw: str, fence: str) -> None:
        start = self.content.find(fence, self.cursor)
        if start < 0:
            return
        end = self.content.find(fence, start + len(fence))
        end = end + len(fence) if end >= 0 else start + len(raw)
        self.builder.placeholder(self.at(start), self.at(end - 1) + 1)
        self.cursor = end

    def skip_link_target(self, after_label: bool = False) -> None:
        """Move past `](url "title")` or `][ref]` after a link's or image's label."""
        content = self.content
        pos = self.cursor
        if after_label:
            depth = 1
            while pos < len(content) and depth:
                depth += {"[": 1, "]": -1}.get(content[pos], 0)
                pos += 1
            pos -= 1
        while pos < len(content) and content[pos] in "*_~":
            pos += 1
        if pos < len(content) and content[pos] == "]":
            pos += 1
            if pos < len(content) and content[pos] == "(":
                depth, pos = 1, pos + 1
                while pos < len(content) and depth:
                    depth += {"(": 1, ")": -1}.get(content[pos], 0)
                    pos += 1
            elif pos < len(content) and content[pos] == "[":
                close = content.find("]", pos)
                pos = close + 1 if close >= 0 else pos
        self.cursor = pos
