"""Template syntax inside text: placeholders are one opaque word, ICU branches are text."""

from __future__ import annotations

import pytest

from plainfinnish.document import MessageBuilder, SourceText
from plainfinnish.readers.templates import Mapped, add_mapped


def _message(text: str, html: bool | None = False):
    source = SourceText(path="t.txt", text=text)
    builder = MessageBuilder()
    directives: list = []
    add_mapped(builder, Mapped.identity(text), source, directives, html_markup=html)
    return source, builder.build(), directives


@pytest.mark.parametrize("tag", [
    "{{ order.id }}", "{{{ raw_html }}}", "<%= @order.id %>", "%s", "%d", "%(name)s", "%1$s", "%{count}", "%<count>d",
    "{0}", "{name}", "{user.name}", "${total}", "[%name%]", "{price, number}", "$t(common.shop)", "@:common.shop",
    "$order_id", "$order->id",
])
def test_placeholder_is_one_opaque_word(tag):
    source, message, _ = _message(f"Tilaus {tag} on valmis.")
    assert message.text == "Tilaus Xph on valmis."
    assert [source.text[slice(*message.source_span(*p))] for p in message.placeholders] == [tag]


def test_percent_in_prose_is_not_a_placeholder():
    _, message, _ = _message("Alennus on 20 % kaikista tuotteista.")
    assert message.placeholders == []


def test_dollar_amount_is_not_a_placeholder():
    _, message, _ = _message("Hinta on 5 $ tai US$ 5 kuukaudessa.")
    assert message.placeholders == []


def test_icu_plural_keeps_other_branch_in_the_sentence_and_checks_the_rest():
    source, message, _ = _message("Korissa on {count, plural, =0 {ei tuotteita} one {# tuote} other {# tuotetta}} nyt.")
    assert message.text == "Korissa on Xph tuotetta nyt.\n\nei tuotteita\n\nXph tuote"
    assert [source.text[slice(*message.source_span(*p))] for p in message.placeholders] == ["#", "#"]


def test_icu_select_branch_hash_is_text():
    _, message, _ = _message("{gender, select, female {Hän #1} other {He}} tulivat.")
    assert message.text == "He tulivat.\n\nHän #1"


def test_template_comment_carries_a_directive():
    _, message, directives = _message("Hei {# plainfinnish: disable jargon #}maailma\n{{!-- plainfinnish: enable --}}")
    assert [d.text for d in directives] == ["disable jargon", "enable"]
    assert [d.line for d in directives] == [1, 2]
    assert message.text.startswith("Hei maailma")


def test_markup_in_a_decoded_string_is_not_text():
    _, message, _ = _message("Lue <a href=\"/ehdot\">ehdot</a> ja <b>hyväksy</b> ne.", html=None)
    assert message.text == "Lue ehdot ja hyväksy ne."
