"""gettext .po/.pot: each msgstr is a message, msgid never text, escapes and continuation lines exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import span_text
from plainfinnish.document import SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers import read

DATA = Path(__file__).parent / "data" / "formats"
SRC = (DATA / "fi.po").read_text(encoding="utf-8")
STRICT = {"long-sentence": {"max-words": 5}}


def _messages(text: str, options: dict | None = None):
    source = SourceText(path="fi.po", text=text)
    return source, read(source, "po", options)


def test_findings_point_at_msgstr_characters_across_lines_and_escapes(lint):
    findings = lint(SRC, filename="fi.po", select=["long-sentence"], rules=STRICT)
    assert findings
    for finding in findings:
        assert span_text(SRC, finding) == finding.text
    first = findings[0]
    assert first.key.startswith("Your order %(order_id)s")
    assert '\\"noutokoodilla\\"' in first.text  # spans the escaped quotes and two continuation lines


def test_msgid_header_fuzzy_and_obsolete_are_not_text():
    _, result = _messages(SRC)
    texts = [m.text for m in result.messages]
    assert not any("Your order" in t or "Project-Id" in t for t in texts)
    assert not any("Kiitos palautteestasi" in t for t in texts)  # fuzzy
    assert not any("Vanha tervetuloteksti" in t for t in texts)  # obsolete
    assert [m.key for m in result.messages if m.key.startswith("One product")] == [
        "One product in your cart[0]", "One product in your cart[1]"]
    assert "button: Track" in [m.key for m in result.messages]


def test_fuzzy_entries_included_on_request():
    _, result = _messages(SRC, {"po": {"include-fuzzy": True}})
    assert any("Kiitos palautteestasi" in m.text for m in result.messages)


def test_escapes_are_decoded():
    source, result = _messages(SRC)
    message = result.messages[0]
    assert '"noutokoodilla".\nSäilytämme' in message.text
    newline = message.text.index("\nSäilytämme")
    assert source.text[slice(*message.source_span(newline, newline + 1))] == "\\n"


def test_translator_comment_suppresses_the_whole_entry(lint):
    lines = {f.line for f in lint(SRC, filename="fi.po", select=["long-sentence"], rules=STRICT)}
    invoice = next(i for i, l in enumerate(SRC.split("\n"), 1) if l.startswith('"Lasku on'))
    assert invoice not in lines
    lines = {f.line for f in lint(SRC.replace("plainfinnish:", "note:"), filename="fi.po", select=["long-sentence"], rules=STRICT)}
    assert invoice in lines


def test_placeholders_are_never_flagged(lint):
    for finding in lint(SRC, filename="fi.po"):
        assert finding.text not in ("%(order_id)s", "%(count)d")


@pytest.mark.parametrize(("text", "problem"), [
    ('msgid "a"\nmsgstr "b\n', r"line 2: unterminated string"),
    ('msgstr "b"\n', r"line 1: msgstr without a msgid"),
    ('msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', r"line 1: entry has a msgid but no msgstr"),
    ('msgid "a"\nmsgstr "b"\nhello "x"\n', r"line 3: unexpected 'hello'"),
    ('msgid "a"\nmsgstr "b" x\n', r"line 2: unexpected text after the closing quote"),
    ('msgid "a"\nmsgstr "\\q"\n', r"line 2: unknown escape"),
])
def test_broken_entries_name_the_line(text, problem):
    with pytest.raises(InputError, match=problem):
        _messages(text)
