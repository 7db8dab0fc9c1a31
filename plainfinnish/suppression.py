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
from dataclasses import dataclass

from plainfinnish.document import Directive
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
