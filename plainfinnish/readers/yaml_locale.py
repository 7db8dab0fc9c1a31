"""YAML locale files (Rails, Mastodon, Discourse `fi.yml`): every string value is text.

ruamel.yaml's round-trip loader gives the line and column where each scalar starts; from there
the scalar's characters are aligned with its source (quotes, `''`, escapes like `\\"` and `\\u00e4`,
line folding, block scalar indentation), so every character maps back to the file. Keys are never
text; key paths (`fi.devise.mailer.reset_password_instructions.subject`) name the strings, and
siblings are grouped into one message (see `grouping`). Aliases are not read twice, and shared
nodes are visited once, so an alias bomb ("billion laughs") costs nothing. `# plainfinnish: ...`
comments carry suppressions.
"""

from __future__ import annotations

import re
from typing import Any

from plainfinnish.document import Directive, ReadResult, SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers.grouping import LocaleString, build_messages, is_prose, join_key, parent_key, reader_options
from plainfinnish.readers.templates import Mapped, directive_in_comment

_COMMENT = re.compile(r"(?:^|[ \t])#(?P<body>[^\n]*)", re.MULTILINE)
_PREFIX = re.compile(r"(?:[&!][^\s]*[ \t]+)*")  # anchors and tags before a value
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
            "P": "\u2029"}
_HEX = {"x": 2, "u": 4, "U": 8}
MAX_NODES = 200_000  # more scalars and collections than any locale file has: refuse, do not hang


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    settings = reader_options(options, "yaml", {"group": str})
    yaml = YAML(typ="rt", pure=True)
    try:
        documents = list(yaml.load_all(source.text))
    except YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise InputError(source.path, f"{where}invalid YAML: {problem}") from None
    walker = _Walker(source)
    for document in documents:
        walker.walk(document, [])
    directives: list[Directive] = []
    for match in _COMMENT.finditer(source.text):
        body = directive_in_comment(match.group("body"))
        if body is not None:
            line, column = source.position(match.start("body") - 1)
            directives.append(Directive(line, line, column, body))
    messages = build_messages(walker.strings, source, directives, settings.get("group", "parent"))
    return ReadResult(messages=messages, directives=directives, comment_style=("# ", ""))


class _Walker:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.strings: list[LocaleString] = []
        self.seen_nodes: set[int] = set()
        self.seen_positions: set[int] = set()

    def walk(self, node: Any, path: list[str]) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        stack: list[tuple[Any, list[str]]] = [(node, path)]
        while stack:
            node, path = stack.pop()
            if id(node) in self.seen_nodes:
                continue  # an alias of a collection already read
            self.seen_nodes.add(id(node))
            if len(self.seen_nodes) > MAX_NODES:
                raise InputError(self.source.path, f"more than {MAX_NODES} YAML nodes; not a locale file")
            children: list[tuple[Any, list[str], tuple[int, int] | None]] = []
            if isinstance(node, CommentedMap):
                own = getattr(node, "_ok", None)
                for key in node:
                    if own is not None and key not in own:
                        continue  # merged in from `<<: *base`; read where it is defined
                    try:
                        where = node.lc.value(key)
                    except (KeyError, TypeError, AttributeError):
                        where = None
                    children.append((node[key], path + [str(key)], where))
            elif isinstance(node, CommentedSeq):
                for index, item in enumerate(node):
                    try:
                        where = node.lc.item(index)
                    except (KeyError, IndexError, TypeError, AttributeError):
                        where = None
                    children.append((item, path + [f"[{index}]"], where))
            for child, child_path, where in children:
                value = getattr(child, "value", child)  # a tagged scalar
                if isinstance(value, str) and where is not None:
                    self.scalar(value, child_path, where)
            stack.extend((child, child_path) for child, child_path, _ in reversed(children)
                         if isinstance(child, (CommentedMap, CommentedSeq)))
        self.strings.sort(key=lambda s: s.text.start(0))

    def scalar(self, value: str, path: list[str], where: tuple[int, int]) -> None:
        source = self.source
        start = source.offset(where[0] + 1, where[1] + 1)
        prefix = _PREFIX.match(source.text, start)
        pos = prefix.end() if prefix else start
        if pos in self.seen_positions or source.text[pos : pos + 1] == "*":
            return  # an alias: the string is read where its anchor is
        self.seen_positions.add(pos)
        if not is_prose(value):
            return
        self.strings.append(LocaleString(join_key(path), parent_key(path), align(source.text, pos, value)))


def align(text: str, pos: int, value: str) -> Mapped:
    """Map each character of a scalar's value to its source, starting at the scalar's first character."""
    style = text[pos : pos + 1]
    if style in ('"', "'"):
        pos += 1
    elif style in ("|", ">"):
        newline = text.find("\n", pos)
        pos = len(text) if newline < 0 else newline + 1
    else:
        style = ""
    mapped = Mapped()
    length = len(text)
    for index, char in enumerate(value):
        while True:
            if pos >= length:
                mapped.add(value[index:], length, length)
                return mapped.done()
            here = text[pos]
            if style == '"' and here == "\\":
                decoded, end = _escape(text, pos)
                if decoded == "":  # an escaped line break joins the lines
                    pos = end
                    while pos < length and text[pos] in " \t":
                        pos += 1
                    continue
                if decoded == char:
                    mapped.add(char, pos, end)
                    pos = end
                    break
            if style == "'" and char == "'" and text.startswith("''", pos):
                mapped.add(char, pos, pos + 2)
                pos += 2
                break
            if here == char:
                mapped.add_verbatim(char, pos)
                pos += 1
                break
            if char in " \n" and here in " \t\r\n":
                end = pos
                while end < length and text[end] in " \t\r\n":
                    end += 1
                mapped.add(char, pos, end)  # a folded line break
                pos = end
                break
            if here in " \t\r\n":
                pos += 1  # indentation
                continue
            # Cannot align (should not happen): keep the rest at this position rather than guess.
            mapped.add(value[index:], pos, pos)
            return mapped.done()
    return mapped.done()


def _escape(text: str, pos: int) -> tuple[str, int]:
    kind = text[pos + 1 : pos + 2]
    if kind in ("\n", "\r"):
        end = pos + 2 if text[pos + 1 : pos + 3] != "\r\n" else pos + 3
        return "", end
    if kind in _HEX:
        digits = text[pos + 2 : pos + 2 + _HEX[kind]]
        try:
            return chr(int(digits, 16)), pos + 2 + _HEX[kind]
        except ValueError:
            return kind, pos + 2
    return _ESCAPES.get(kind, kind), pos + 2
