"""Strings of locale files and how they become messages.

One customer e-mail is often several sibling strings (`devise.mailer.reset_password_instructions
.{subject,title,explanation,action}`, Fluent ids `reminder-title`, `reminder-body`). Document-level
rules (missing next step, readability) must see them together, so by default the strings under one
parent key (JSON/YAML) or with one id prefix (Fluent) form one message; each string is a block of
its own, so sentences never run from one string into the next, every character keeps its exact
source position, and a finding carries the key of the string it is in (`Message.segment_keys`).

Reader option `group`: "parent" (default) or "none" (every string its own message), e.g.

    [tool.plainfinnish.readers.json]
    group = "none"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plainfinnish.document import Directive, Message, MessageBuilder, SourceText
from plainfinnish.errors import ConfigError
from plainfinnish.readers.templates import Mapped, add_mapped

GROUP_MODES = ("parent", "none")
#: A value that is not prose: a URL, an e-mail address, a path or snake_case identifier, a colour.
_NOT_PROSE = re.compile(r"\A\s*(?:[a-z][\w+.-]*://\S*|[^\s@]+@[^\s@]+\.\w+|[\w.-]*[_/][\w./-]*|#[0-9a-f]{3,8})\s*\Z",
                        re.IGNORECASE)


@dataclass
class LocaleString:
    key: str  # the full key path, "checkout.thank_you"
    group: str  # the key of the message it belongs to when grouped
    text: Mapped


def reader_options(options: dict | None, fmt: str, known: dict[str, type]) -> dict:
    """This format's table of `[tool.plainfinnish.readers]`, validated."""
    table = (options or {}).get(fmt, {})
    if not isinstance(table, dict):
        raise ConfigError(None, f"readers.{fmt}: expected a table of options")
    for name, value in table.items():
        if name not in known:
            raise ConfigError(None, f"readers.{fmt}: unknown option {name!r} (known: {', '.join(sorted(known))})")
        if not isinstance(value, known[name]):
            raise ConfigError(None, f"readers.{fmt}.{name}: expected {known[name].__name__}, got {value!r}")
    if "group" in table and table["group"] not in GROUP_MODES:
        raise ConfigError(None, f"readers.{fmt}.group: expected one of {', '.join(GROUP_MODES)}, got {table['group']!r}")
    return table


def is_prose(text: str) -> bool:
    """Worth checking as language: has a letter and is not a URL, address, path or identifier."""
    return any(c.isalpha() for c in text) and not _NOT_PROSE.match(text)


def build_messages(strings: list[LocaleString], source: SourceText, directives: list[Directive],
                   group: str = "parent") -> list[Message]:
    """One message per group of strings (or per string), each string a block with its own key."""
    groups: dict[str, list[LocaleString]] = {}
    for string in strings:
        groups.setdefault(string.group if group == "parent" else string.key, []).append(string)
    messages = []
    for group_key, members in groups.items():
        builder = MessageBuilder(key=members[0].key if len(members) == 1 else (group_key or None))
        for string in members:
            builder.block()
            if len(members) > 1:
                builder.segment(string.key)
            add_mapped(builder, string.text, source, directives)
            builder.block()
        messages.append(builder.build())
    return messages


def parent_key(path: list[str]) -> str:
    return join_key(path[:-1])


def join_key(path: list[str]) -> str:
    key = ""
    for part in path:
        key += part if part.startswith("[") or not key else "." + part
    return key
