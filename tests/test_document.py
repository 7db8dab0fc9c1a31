"""Decoding source files and mapping offsets to lines and columns."""

from __future__ import annotations

import codecs

import pytest

from plainfinnish.document import MessageBuilder, SourceText
from plainfinnish.errors import InputError

TEXT = "Hei Äiti,\nkiitos tilauksesta 😀 ja näkemiin.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom"],
)
def test_decodes_utf8_and_utf16_with_and_without_bom(data, encoding):
    source = SourceText.from_bytes("viesti.txt", data)
    assert source.text == TEXT
    assert source.encoding == encoding


def test_invalid_utf8_names_the_file_byte_and_line():
    with pytest.raises(InputError) as err:
        SourceText.from_bytes("muistutus.txt", b"Hei\nmaksa " + b"\xe4\xe4")
    message = str(err.value)
    assert message.startswith("muistutus.txt: not UTF-8")
    assert "line 2" in message and "0xe4" in message


def test_binary_file_is_refused():
    with pytest.raises(InputError, match="binary"):
        SourceText.from_bytes("kuva.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")


def test_positions_are_one_based_code_points():
    source = SourceText(path="x", text="ab\ncd😀ef\r\ngh")
    assert source.position(0) == (1, 1)
    assert source.position(3) == (2, 1)
    assert source.position(source.text.index("e")) == (2, 4)  # the emoji is one column
    assert source.position(source.text.index("g")) == (3, 1)
    assert source.line_text(2) == "cd😀ef"
    assert source.offset(3, 1) == source.text.index("g")


def test_builder_maps_every_character_back():
    source = SourceText(path="x", text="Hei {{ nimi }}, &auml;iti!")
    builder = MessageBuilder()
    builder.text("Hei ", 0)
    builder.placeholder(4, 14)
    builder.text(", ", 14)
    builder.char("ä", 16, 22)
    builder.text("iti!", 22)
    message = builder.build()
    assert message.text == "Hei Xph, äiti!"
    start, end = message.source_span(message.text.index("äiti"), message.text.index("!"))
    assert source.text[start:end] == "&auml;iti"
    start, end = message.source_span(4, 7)
    assert source.text[start:end] == "{{ nimi }}"
    assert message.is_placeholder(4, 7) and not message.is_placeholder(9, 13)
