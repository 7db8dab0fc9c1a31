"""Fluent .ftl: messages, attributes and variants are text; placeables are opaque; positions exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import span_text
from plainfinnish.document import SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers import read

DATA = Path(__file__).parent / "data" / "formats"
SRC = (DATA / "fi.ftl").read_text(encoding="utf-8")
STRICT = {"long-sentence": {"max-words": 5}}


def _read(text: str, options: dict | None = None):
    source = SourceText(path="fi.ftl", text=text)
    return source, read(source, "fluent", options)


def test_findings_point_at_the_source_characters(lint):
    findings = lint(SRC, filename="fi.ftl", select=["long-sentence"], rules=STRICT)
    assert len(findings) >= 3
    for finding in findings:
        assert span_text(SRC, finding) == finding.text
    assert "subscriptionReminder-content[one]" in {f.key for f in findings}


def test_placeables_are_placeholders_and_terms_are_not_text():
    source, result = _read(SRC)
    reminder = result.messages[0]
    assert reminder.key == "subscriptionReminder"
    assert [k for _, k in reminder.segment_keys] == [
        "subscriptionReminder-title", "subscriptionReminder-content", "subscriptionReminder-content[one]",
        "subscriptionReminder-content.title", "subscriptionReminder-footer"]
    spans = [source.text[slice(*reminder.source_span(*p))] for p in reminder.placeholders]
    assert spans == ["{ $name }", "{ -brand-name }", "{ $days }"]
    assert "Voit perua tilauksen tilisi asetuksista" in reminder.text  # markup is not text
    assert "Lehtitilaus" not in "\n".join(m.text for m in result.messages)


def test_multiline_pattern_maps_past_the_removed_indentation():
    source, result = _read(SRC)
    message = result.messages[0]
    start = message.text.index("Voit perua")
    assert source.text[slice(*message.source_span(start, start + 10))] == "Voit perua"


def test_grouping_off_gives_one_message_per_id():
    _, result = _read(SRC, {"fluent": {"group": "none"}})
    assert "subscriptionReminder-title" in [m.key for m in result.messages]


def test_comment_suppresses_the_next_line(lint):
    line = next(i for i, l in enumerate(SRC.split("\n"), 1) if l.startswith("subscriptionReminder-footer"))
    assert line not in {f.line for f in lint(SRC, filename="fi.ftl", select=["long-sentence"], rules=STRICT)}


def test_syntax_error_names_the_line():
    with pytest.raises(InputError, match=r"line 2: invalid Fluent"):
        _read("hello = Hei\nbroken { = x\n")
