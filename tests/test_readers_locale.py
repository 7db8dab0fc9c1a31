"""JSON and YAML locale files: every string value is text with its key path and exact position."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import span_text
from plainfinnish.document import SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers import read

DATA = Path(__file__).parent / "data" / "formats"
JSON = (DATA / "fi.json").read_text(encoding="utf-8")
YAML = (DATA / "fi.yml").read_text(encoding="utf-8")
STRICT = {"long-sentence": {"max-words": 5}}


def _read(text: str, fmt: str, options: dict | None = None):
    source = SourceText(path=f"fi.{fmt}", text=text)
    return source, read(source, fmt, options)


@pytest.mark.parametrize(("name", "text"), [("fi.json", JSON), ("fi.yml", YAML)])
def test_findings_point_at_the_source_characters(lint, name, text):
    findings = lint(text, filename=name, select=["long-sentence"], rules=STRICT)
    assert len(findings) >= 4
    for finding in findings:
        assert span_text(text, finding) == finding.text


def test_json_findings_carry_the_key_of_their_string(lint):
    findings = lint(JSON, filename="fi.json", select=["long-sentence"], rules=STRICT)
    assert {f.key for f in findings} >= {"checkout.thank_you", "checkout.quote", "errors.payment_failed", "steps[1]"}


def test_json_escapes_markup_and_icu():
    source, result = _read(JSON, "json")
    by_key = {key: m for m in result.messages for _, key in (m.segment_keys or [(0, m.key)])}
    checkout = by_key["checkout.thank_you"]
    assert "Kiitos tilauksestasi, Xph!\nLähetämme" in checkout.text
    a_umlaut = checkout.text.index("ä", checkout.text.index("Lähetämme"))
    assert source.text[slice(*checkout.source_span(a_umlaut, a_umlaut + 1))] == "\\u00e4"
    assert 'Valitse "Nouto", jos haluat noutaa tilauksen myymälästä itse' in checkout.text  # <strong> is markup
    assert "Ostoskorissasi on Xph tuotetta, ja voit" in checkout.text  # ICU other branch in the sentence
    texts = " ".join(m.text for m in result.messages)
    assert "https://" not in texts and "Checkout strings" not in texts  # URLs and ARB metadata
    assert "thank_you" not in texts and "checkout" not in texts  # keys are never text


def test_sibling_strings_are_one_message_unless_grouping_is_off():
    _, grouped = _read(JSON, "json")
    assert [m.key for m in grouped.messages] == ["checkout", "errors.payment_failed", "steps"]
    _, single = _read(JSON, "json", {"json": {"group": "none"}})
    assert "checkout.thank_you" in [m.key for m in single.messages]
    assert len(single.messages) == 7


def test_yaml_block_folded_quoted_and_alias():
    source, result = _read(YAML, "yaml")
    keys = [key for m in result.messages for _, key in (m.segment_keys or [(0, m.key)])]
    assert "fi.devise.mailer.reset_password_instructions.subject" in keys
    assert "fi.notifications.reminder_again" not in keys  # an alias is read where its anchor is
    texts = "\n".join(m.text for m in result.messages)
    assert "''vahvan''" not in texts and "'vahvan'" in texts
    assert "tilin palveluumme.\nVahvista" in texts  # literal block keeps its line break
    assert "annettiin rekisteröitymisen" in texts  # folded block folds it
    assert "lähetetty" in texts and "\\u00e4" not in texts


def test_yaml_comment_suppresses_the_next_line(lint):
    line = next(i for i, l in enumerate(YAML.split("\n"), 1) if "explanation:" in l)
    assert line not in {f.line for f in lint(YAML, filename="fi.yml", select=["long-sentence"], rules=STRICT)}
    assert line in {f.line for f in lint(YAML.replace("plainfinnish:", "note:"), filename="fi.yml",
                                         select=["long-sentence"], rules=STRICT)}


def test_yaml_alias_bomb_is_read_in_linear_time():
    levels = ['a: &a ["Hei maailma", "Hei maailma", "Hei maailma"]']
    for prev, name in zip("abcdefghij", "bcdefghijk"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    _, result = _read("\n".join(levels) + "\n", "yaml")
    assert sum(m.text.count("Hei maailma") for m in result.messages) == 3


@pytest.mark.parametrize(("fmt", "text", "problem"), [
    ("json", '{\n  "a": "b",\n  "c": \n}\n', r"line 4: invalid JSON"),
    ("json", '{"a": "b"', r"line 1: invalid JSON"),
    ("yaml", 'fi:\n  a: "b\n  c: d\n', r"invalid YAML"),
    ("yaml", 'fi:\n  a: b\n   c: d\n', r"line 3: invalid YAML"),
])
def test_invalid_files_name_the_line(fmt, text, problem):
    with pytest.raises(InputError, match=problem):
        _read(text, fmt)
