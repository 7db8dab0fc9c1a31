"""HTML e-mail templates: visible text only, exact positions, markup never counts as words."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, shared_path, span_text
from plainfinnish.document import SourceText
from plainfinnish.errors import InputError
from plainfinnish.readers import detect_format, read

DATA = Path(__file__).parent / "data" / "formats"
STRICT = {"long-sentence": {"max-words": 5}}


def _read(text: str, name: str = "mail.html"):
    source = SourceText(path=name, text=text)
    return source, read(source, "html")


def test_every_finding_points_at_its_source_characters(lint, profile):
    src = (DATA / "order-shipped.html").read_text(encoding="utf-8")
    findings = lint(src, filename="order-shipped.html", select=["long-sentence"], rules=STRICT, profile=profile)
    assert len(findings) >= 5
    for finding in findings:
        assert span_text(src, finding) == finding.text
    texts = " ".join(f.text for f in findings)
    # The attribute texts are checked; script, style and comments are not.
    assert 'alt="Kaupan logo' not in texts and "Kaupan logo, jossa on sininen kassi" in texts
    assert "Ei n&auml;y" not in texts and "color" not in texts and "Layout table" not in texts


def test_suppression_comments_html_and_jinja(lint):
    src = (DATA / "order-shipped.html").read_text(encoding="utf-8")
    lines = {f.line for f in lint(src, filename="order-shipped.html", select=["long-sentence"], rules=STRICT)}
    h1 = next(i for i, l in enumerate(src.split("\n"), 1) if "<h1>" in l)
    automatic = next(i for i, l in enumerate(src.split("\n"), 1) if "automaattinen viesti" in l)
    assert h1 not in lines and automatic not in lines
    unsuppressed = src.replace("plainfinnish:", "note:")
    lines = {f.line for f in lint(unsuppressed, filename="order-shipped.html", select=["long-sentence"], rules=STRICT)}
    assert h1 in lines and automatic in lines


def test_thirty_words_across_tags_and_placeholders_count_as_thirty(lint):
    words = "Tilauksesi numero on valmis ja lähetämme sen huomenna aamulla postin kautta lähimpään noutopisteeseen josta voit hakea sen kahden viikon kuluessa kun olet saanut tekstiviestin noutokoodin kanssa puhelimeesi aivan pian".split()
    assert len(words) == 29
    html = ("<p>" + " ".join(words[:2]) + " <b>{{ order.id }}</b> " + " ".join(words[2:10]) + " <em>"
            + " ".join(words[10:20]) + "</em> <a href='{{ url }}'>" + " ".join(words[20:]) + "</a>.</p>")
    flagged = lint(html, filename="a.html", select=["long-sentence"], rules={"long-sentence": {"max-words": 29}})
    assert [f.data["words"] for f in flagged] == [30]
    assert not lint(html, filename="a.html", select=["long-sentence"], rules={"long-sentence": {"max-words": 30}})


def test_blocks_break_sentences_inline_elements_do_not():
    _, result = _read("<div>Ensimmäinen lause<br>toinen rivi <b>lihavoitu</b> jatkuu</div><table><tr><td>A</td><td>B</td></tr></table>")
    text = result.messages[0].text
    assert text == "Ensimmäinen lause\n\ntoinen rivi lihavoitu jatkuu\n\nA\n\nB"


def test_entities_are_decoded_and_mapped_to_the_entity():
    source, result = _read("<p>Hinta 5&nbsp;&euro; &ndash; ilmainen toimitus &amp; palautus</p>")
    message = result.messages[0]
    assert message.text == "Hinta 5 € – ilmainen toimitus & palautus"
    euro = message.text.index("€")
    assert source.text[slice(*message.source_span(euro, euro + 1))] == "&euro;"


def test_control_tags_keep_the_sentence_and_placeholders_are_opaque():
    source, result = _read("<p>Tilaus {% if paid %}on maksettu{% else %}odottaa maksua{% endif %}, {{ name }}.</p>")
    message = result.messages[0]
    assert message.text == "Tilaus on maksettu odottaa maksua, Xph."
    assert [source.text[slice(*message.source_span(*p))] for p in message.placeholders] == ["{{ name }}"]


def test_broken_html_is_read_best_effort():
    _, result = _read("<p>Avoin kappale <b>lihava <i>kursiivi\n<div>Toinen < 5 kohta</p></span>")
    assert result.messages[0].text == "Avoin kappale lihava kursiivi\n\nToinen < 5 kohta"


def test_unterminated_template_tag_names_the_line():
    with pytest.raises(InputError, match=r"line 2: unterminated template tag '\{%'"):
        _read("<p>Hei</p>\n<p>Tilaus {% if paid on valmis.</p>")


@pytest.mark.parametrize(("name", "fmt"), [
    ("mail.html", "html"), ("mail.htm", "html"), ("mail.jinja", "html"), ("mail.j2", "html"), ("m.liquid", "html"),
    ("m.hbs", "html"), ("m.mustache", "html"), ("m.html.erb", "html"), ("mail.txt.j2", "text"), ("fi.po", "po"),
    ("fi.pot", "po"), ("fi.ftl", "fluent"), ("fi.json", "json"), ("fi.yml", "yaml"), ("fi.yaml", "yaml"),
])
def test_format_detection(name, fmt):
    assert detect_format(name) == fmt


def test_dev_corpus_reads_without_errors():
    texts = shared_path("corpus", "dev", "texts")
    proc = run_cli("check", "--format", "json", *sorted(str(p) for p in texts.iterdir()))
    assert proc.stderr == ""
    assert proc.returncode in (0, 1)
