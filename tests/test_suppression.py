"""Inline suppression comments and their errors."""

from __future__ import annotations

from test_cli import LONG


def rules_and_lines(findings):
    return [(f.rule, f.line) for f in findings]


def test_disable_next_line(lint):
    text = f"{LONG}\n\n<!-- plainfinnish: disable-next-line long-sentence -->\n{LONG}\n"
    assert rules_and_lines(lint(text, filename="a.md", select=["long-sentence"])) == [("long-sentence", 1)]


def test_disable_enable_range_and_all_rules(lint):
    text = (f"<!-- plainfinnish: disable long-sentence -->\n\n{LONG}\n\n<!-- plainfinnish: enable long-sentence -->\n\n{LONG}\n\n"
            f"<!-- plainfinnish: disable -->\n\n{LONG}\n")
    assert rules_and_lines(lint(text, filename="a.md", select=["long-sentence"])) == [("long-sentence", 7)]


def test_disable_file(lint):
    text = f"{LONG}\n\n<!-- plainfinnish: disable-file -->\n"
    assert lint(text, filename="a.md", select=["long-sentence"]) == []


def test_template_comment_in_plain_text(lint):
    text = f"{{# plainfinnish: disable-next-line long-sentence #}}\n{LONG}\n"
    assert lint(text, filename="a.txt", select=["long-sentence"]) == []


def test_unknown_rule_and_action_are_reported(lint):
    text = f"<!-- plainfinnish: disable-next-line long-sentense -->\n{LONG}\n<!-- plainfinnish: shush -->\n"
    findings = lint(text, filename="a.md", select=["long-sentence"])
    problems = [f for f in findings if f.rule == "invalid-suppression"]
    assert [(p.line, p.column) for p in problems] == [(1, 1), (3, 1)]
    assert "long-sentense" in problems[0].message
    assert problems[0].text == "<"
    assert any(f.rule == "long-sentence" for f in findings), "an unknown rule name suppresses nothing"
