"""Markdown: what counts as text, and exact positions for every finding."""

from __future__ import annotations

import pytest

from conftest import span_text
from plainfinnish.document import SourceText
from plainfinnish.readers import markdown

DOC = """---
title: Tilausvahvistus
plainfinnish:
  rules:
    long-sentence:
      max-words: 12
---
# Tilauksesi  on **vastaanotettu** ja käsittelemme sen pian, kiitos että valitsit meidät jälleen tänään

Kiitos tilauksestasi, {{ asiakas.nimi }}! Tilauksesi numero on `ABC-123` ja voit seurata
sen etenemistä [tilaussivulta](https://kauppa.example/tilaukset/{{ id }}) milloin tahansa haluat &amp; ehdit.

- Toimitamme *tilauksen* kolmen arkipäivän kuluessa ja lähetämme sinulle \\*seurantakoodin\\* tekstiviestillä heti.

```
Tämä koodilohko on pitkä mutta sitä ei lueta tekstinä koska se on koodia eikä viestiä asiakkaalle lainkaan.
```

| Tuote | Tila |
|---|---|
| Villasukat ja pipo samassa paketissa jotka lähtevät varastolta heti kun maksu on saapunut tilillemme | Odottaa |
"""


def read(text: str):
    return markdown.read(SourceText(path="t.md", text=text))


def test_code_blocks_front_matter_and_link_targets_are_not_text():
    message = read(DOC).messages[0]
    assert "koodilohko" not in message.text
    assert "title" not in message.text
    assert "https" not in message.text and "kauppa.example" not in message.text
    assert "tilaussivulta" in message.text
    assert "ABC-123" not in message.text  # an inline code span is an opaque word
    assert "**" not in message.text and "*tilauksen*" not in message.text
    assert "& ehdit" in message.text  # entity decoded
    assert "*seurantakoodin*" in message.text  # escapes decoded


def test_front_matter_settings_are_read():
    result = read(DOC)
    assert result.settings == {"rules": {"long-sentence": {"max-words": 12}}}


def test_every_sentence_maps_back_to_its_source_characters():
    source = SourceText(path="t.md", text=DOC)
    message = markdown.read(source).messages[0]
    for phrase in ("Tilauksesi  on **vastaanotettu", "milloin tahansa haluat &amp; ehdit", "\\*seurantakoodin\\*", "Odottaa"):
        decoded = phrase.replace("**", "").replace("&amp;", "&").replace("\\*", "*")
        at = message.text.index(decoded)
        start, end = message.source_span(at, at + len(decoded))
        assert source.text[start:end] == phrase


def test_findings_text_equals_source_at_line_and_column(lint, profile):
    findings = lint(DOC, filename="viesti.md", profile=profile, select=["long-sentence"])
    assert findings, "the front matter lowers max-words to 12, so several sentences are long"
    for finding in findings:
        assert finding.text == span_text(DOC, finding)
        assert "```" not in finding.text and "title:" not in finding.text
    first_lines = sorted({f.line for f in findings})
    assert first_lines[0] == 8  # the heading, right after the front matter


@pytest.mark.parametrize("text", ["", "---\na: 1\n---\n", "```\nkoodi\n```\n", "<div>\n</div>\n", "[]()\n"])
def test_documents_without_text(text, lint):
    assert lint(text, filename="tyhja.md", select=["long-sentence"]) == []


def test_invalid_front_matter_is_a_clear_error(tmp_path):
    from conftest import check_json

    (tmp_path / "rikki.md").write_text("---\nplainfinnish: [\n---\nTeksti.\n")
    _, proc = check_json(str(tmp_path / "rikki.md"))
    assert proc.returncode == 2
    assert "rikki.md: invalid YAML front matter" in proc.stderr
