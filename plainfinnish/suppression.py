"""Inline suppression comments, in each format's own comment syntax.

    <!-- plainfinnish: disable-next-line jargon -->      the next line
    <!-- plainfinnish: disable-line jargon -->           the comment's own line
    <!-- plainfinnish: disable long-sentence -->  …  <!-- plainfinnish: enable long-sentence -->
    <!-- plainfinnish: disable-file -->                  the whole file

With no rule names a directive covers every rule. Readers find the comments (HTML/Markdown
comments, template comments, .po translator comments, YAML/Fluent comments); this module
applies them to the findings, and reports directives it does not understand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from plainfinnish.document import Directive, SourceText
from plainfinnish.errors import PlainfinnishError
from plainfinnish.rules.base import Finding

ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_SPLIT = re.compile(r"[\s,]+")
ALL = "*"


@dataclass
class _Range:
    rules: frozenset[str]
    first: int
    last: int  # inclusive


class Suppressions:
    def __init__(self, directives: list[Directive], known_rules: set[str], path: str | None) -> None:
        self.ranges: list[_Range] = []
        self.problems: list[Finding] = []
        open_ranges: dict[str, int] = {}
        for directive in sorted(directives, key=lambda d: d.line):
            words = [w for w in _SPLIT.split(directive.text.strip()) if w]
            if not words or words[0] not in ACTIONS:
                self._problem(directive, path,
                              f"Tuntematon plainfinnish-kommentti: '{directive.text.strip()}'. "
                              f"Käytä: {', '.join(ACTIONS)}.")
                continue
            action, names = words[0], words[1:]
            unknown = [n for n in names if n not in known_rules]
            for name in unknown:
                self._problem(directive, path, f"Tuntematon sääntö '{name}' plainfinnish-kommentissa.")
            rules = frozenset(n for n in names if n in known_rules) or frozenset({ALL})
            if names and not (set(names) - set(unknown)):
                continue  # only unknown names: suppress nothing
            if action == "disable-next-line":
                self.ranges.append(_Range(rules, directive.end_line + 1, directive.end_line + 1))
            elif action == "disable-line":
                self.ranges.append(_Range(rules, directive.line, directive.end_line))
            elif action == "disable-file":
                self.ranges.append(_Range(rules, 0, 1 << 31))
            elif action == "disable":
                for rule in rules:
                    open_ranges.setdefault(rule, directive.line)
            elif action == "enable":
                targets = open_ranges.keys() if ALL in rules else rules
                for rule in list(targets):
                    if rule in open_ranges:
                        self.ranges.append(_Range(frozenset({rule}), open_ranges.pop(rule), directive.line))
        for rule, first in open_ranges.items():
            self.ranges.append(_Range(frozenset({rule}), first, 1 << 31))

    def _problem(self, directive: Directive, path: str | None, message: str) -> None:
        self.problems.append(
            Finding(rule="invalid-suppression", severity="warning", message=message, start=0, end=0,
                    path=path, line=directive.line, column=directive.column,
                    end_line=directive.line, end_column=directive.column + 1)
        )

    def suppressed(self, finding: Finding) -> bool:
        for r in self.ranges:
            if (ALL in r.rules or finding.rule in r.rules) and r.first <= finding.line <= r.last:
                return True
        return False


def comment_edit(source: SourceText, fmt: str, reader_options: dict, finding: Finding) -> tuple[int, str] | None:
    """Where to insert a comment that silences `finding`, and the comment: `(offset, text)`, or None
    when no place is safe.

    Each candidate is tried on a copy of the file and kept only if the format's reader still reads
    the same messages from it (the comment did not land inside a string, a block scalar, an
    attribute or the middle of a paragraph) and its directive covers the finding. In `.po` only a
    translator comment above the entry will do (`msgfmt` takes no comment inside an entry);
    elsewhere, in order, a comment line above the finding's line when the line above is blank (or
    the syntax has no closing marker), the end of the line, a line above. JSON has no comments, so
    nothing is offered there.
    """
    from plainfinnish import readers

    try:
        before = readers.read(source, fmt, reader_options)
    except PlainfinnishError:
        return None
    opener, closer = before.comment_style
    opener, closer = opener.strip(), closer.strip()
    if not opener or not finding.line:
        return None
    text = source.text
    lines = text.split("\n")
    index = finding.line - 1
    if index >= len(lines):
        return None
    line_start = sum(len(line) + 1 for line in lines[:index])
    current = lines[index].rstrip("\r")
    newline = "\r\n" if lines[index].endswith("\r") else "\n"
    tail = f" {closer}" if closer else ""
    above = f"{opener} plainfinnish: disable-next-line {finding.rule}{tail}"
    indent = current[: len(current) - len(current.lstrip())]
    previous_blank = index == 0 or not lines[index - 1].strip()

    # (offset, inserted text, the finding's line after the insertion)
    own_line = (line_start, indent + above + newline, finding.line + 1)
    end_of_line = (line_start + len(current), f" {opener} plainfinnish: disable-line {finding.rule}{tail}", finding.line)
    if fmt == "po":
        first = index
        while first > 0 and lines[first - 1].strip():  # the entry begins after a blank line
            first -= 1
        candidates = [(sum(len(line) + 1 for line in lines[:first]), above + newline, finding.line + 1)]
    elif previous_blank or not closer:
        candidates = [own_line, end_of_line]
    else:
        candidates = [end_of_line, own_line]

    def same_messages(read: Any) -> bool:
        return [(m.key, m.text) for m in read.messages] == [(m.key, m.text) for m in before.messages]

    from plainfinnish.rules import available

    known = set(available())
    problems = len(Suppressions(before.directives, known, None).problems)
    for offset, inserted, new_line in candidates:
        edited = replace(source, text=text[:offset] + inserted + text[offset:])
        try:
            after = readers.read(edited, fmt, reader_options)
        except PlainfinnishError:
            continue
        moved = replace(finding, line=new_line, end_line=finding.end_line + new_line - finding.line)
        suppressions = Suppressions(after.directives, known, None)
        if same_messages(after) and suppressions.suppressed(moved) and len(suppressions.problems) == problems:
            return offset, inserted
    return None
