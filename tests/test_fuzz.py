"""Property-based tests: generated Finnish-like documents with markup and placeholders, for every
reader. Checking never raises; every finding's span lies inside the document and its text is the
source's at its line and column; `--fix` output reads again with the same reader.

Fixed seed (derandomize) and a small budget for CI; PLAINFINNISH_FUZZ_EXAMPLES=N runs N examples
per property instead (see docs/robustness.md).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainfinnish import fix, readers
from plainfinnish.config import Config
from plainfinnish.document import SourceText
from plainfinnish.engine import lint_source
from plainfinnish.errors import InputError

EXAMPLES = int(os.environ.get("PLAINFINNISH_FUZZ_EXAMPLES", "0") or 0)


def budget(default: int) -> settings:
    return settings(max_examples=EXAMPLES or default, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Real Finnish word forms of customer messages, inflected, with the jargon and officialese the
# rules look for, so findings (and fixes) actually happen.
WORDS = [
    "tilauksesi", "tilaus", "tilauksen", "tilausta", "toimitus", "toimituksen", "toimitetaan", "paketti",
    "paketin", "pakettisi", "lähetys", "lähetetty", "saapunut", "saapuu", "asiakas", "asiakkaamme",
    "asiakaspalvelu", "asiakaspalveluumme", "ota", "yhteyttä", "voit", "voitte", "seurata", "linkistä",
    "maksu", "maksun", "eräpäivä", "eräpäivään", "mennessä", "lasku", "laskusi", "reklamaatio",
    "reklamaationne", "käsittely", "käsittelemme", "kestää", "viikon", "arkipäivän", "kuluessa",
    "mikäli", "kyseinen", "kyseisen", "suoritetaan", "toimesta", "hakemus", "hakemuksesi", "on",
    "ei", "olemme", "vastaanottaneet", "kiitos", "hyvä", "ystävällisin", "terveisin", "ja", "tai",
    "että", "kun", "jos", "sinulle", "teille", "sinun", "pitää", "täytyy", "heti", "nyt", "osta",
    "tarjous", "vain", "tänään", "asap", "deadline", "esim.", "mm.", "klo", "12.3.2026", "49,90",
    "€", "ALV:n", "työpäivän", "käsittelyaika", "toimitusaika", "noutopisteeseen", "tekstiviestillä",
]
PUNCT = [".", ",", "!", "?", ":", " –", "…"]
PLACEHOLDERS = ["{{nimi}}", "{0}", "%(tilaus)s", "{order_id}", "%s", "${summa}", "{{order.date}}"]


@st.composite
def sentence(draw: st.DrawFn, placeholders: list[str]) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + placeholders), min_size=1, max_size=18))
    out = words[0][:1].upper() + words[0][1:]
    for word in words[1:]:
        out += draw(st.sampled_from(["", "", "", "", ","])) + " " + word
    return out + draw(st.sampled_from(PUNCT[:1] * 4 + PUNCT))


def paragraphs(placeholders: list[str] = PLACEHOLDERS, max_sentences: int = 4) -> st.SearchStrategy[list[str]]:
    para = st.lists(sentence(placeholders), min_size=1, max_size=max_sentences).map(" ".join)
    return st.lists(para, min_size=1, max_size=4)


@st.composite
def text_doc(draw: st.DrawFn) -> str:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return (newline * 2).join(draw(paragraphs())) + draw(st.sampled_from(["", newline]))


@st.composite
def markdown_doc(draw: st.DrawFn) -> str:
    blocks = []
    for para in draw(paragraphs()):
        kind = draw(st.sampled_from(["p", "h", "li", "quote", "em", "link", "code"]))
        words = para.split(" ")
        i = draw(st.integers(0, len(words) - 1))
        if kind == "h":
            para = "#" * draw(st.integers(1, 3)) + " " + para
        elif kind == "li":
            para = "\n".join(f"- {s}" for s in para.split(". "))
        elif kind == "quote":
            para = "> " + para
        elif kind == "em":
            words[i] = f"**{words[i]}**"
            para = " ".join(words)
        elif kind == "link":
            words[i] = f"[{words[i]}](https://example.fi/{i})"
            para = " ".join(words)
        elif kind == "code":
            words[i] = f"`{words[i]}`"
            para = " ".join(words)
        blocks.append(para)
    front = draw(st.sampled_from(["", "---\ntitle: Tilaus\n---\n\n"]))
    return front + "\n\n".join(blocks) + "\n"


@st.composite
def html_doc(draw: st.DrawFn) -> str:
    body = []
    for para in draw(paragraphs(PLACEHOLDERS[:2])):
        words = para.split(" ")
        i = draw(st.integers(0, len(words) - 1))
        if not words[i].isalpha():
            i = 0  # not inside a template tag
        words[i] = draw(st.sampled_from([f"<b>{words[i]}</b>", f"<a href='#'>{words[i]}</a>", words[i] + "&nbsp;",
                                         words[i].replace("ä", "&auml;"), words[i] + "<br>", words[i]]))
        tag = draw(st.sampled_from(["p", "div", "li", "h2", "td"]))
        control = draw(st.sampled_from([("", ""), ("{% if x %}", "{% endif %}"), ("{{#if x}}", "{{/if}}")]))
        body.append(f"{control[0]}<{tag}>{' '.join(words)}</{tag}>{control[1]}")
    return "<html><body>\n" + "\n".join(body) + "\n<!-- kommentti --></body></html>\n"


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


@st.composite
def po_doc(draw: st.DrawFn) -> str:
    entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for n, para in enumerate(draw(paragraphs(["%(tilaus)s", "%s", "{0}"]))):
        entries.append(f"#: mail.py:{n}\nmsgid \"key {n}\"\nmsgstr {_po_quote(para)}\n")
    return "\n".join(entries)


@st.composite
def json_doc(draw: st.DrawFn) -> str:
    paras = draw(paragraphs(["{name}", "{0}", "{{count}}", "{n, plural, one {# tuote} other {# tuotetta}}"]))
    data = {"mail": {f"p{i}": p for i, p in enumerate(paras)}, "subject": "Tilausvahvistus"}
    return json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 2])))


@st.composite
def yaml_doc(draw: st.DrawFn) -> str:
    lines = ["fi:", "  mail:"]
    for i, para in enumerate(draw(paragraphs(["%{name}", "%{count}", "{{x}}"]))):
        style = draw(st.sampled_from(["double", "single", "plain", "block"]))
        if style == "double":
            lines.append(f"    p{i}: " + json.dumps(para, ensure_ascii=False))
        elif style == "single":
            lines.append(f"    p{i}: '" + para.replace("'", "''") + "'")
        elif style == "plain" and not any(c in para for c in ":#{}[],&*!|>'\"%@`") and not para[0].isdigit():
            lines.append(f"    p{i}: {para}")
        else:
            lines.append(f"    p{i}: |\n      " + para)
    return "\n".join(lines) + "\n"


@st.composite
def fluent_doc(draw: st.DrawFn) -> str:
    out = []
    for i, para in enumerate(draw(paragraphs(["{ $name }", "{ $count }"]))):
        out.append(f"mail-p{i} = {para}")
    return "\n".join(out) + "\n"


DOCS = {
    "viesti.txt": text_doc(), "viesti.md": markdown_doc(), "viesti.html": html_doc(), "fi.po": po_doc(),
    "fi.json": json_doc(), "fi.yml": yaml_doc(), "fi.ftl": fluent_doc(),
}
CONFIG = Config(profile="fast")


def check_document(name: str, text: str) -> None:
    fmt = readers.detect_format(name)
    assert fmt is not None
    source = SourceText(path=name, text=text)
    result = lint_source(source, CONFIG, fmt)
    for finding in result.findings:
        assert 0 <= finding.source_start <= finding.source_end <= len(text), finding
        assert finding.text == text[finding.source_start:finding.source_end], finding
        assert source.offset(finding.line, finding.column) == finding.source_start, finding
        assert source.offset(finding.end_line, finding.end_column) == finding.source_end, finding
    outcome = fix.fix_file(result, True, lambda s: lint_source(s, CONFIG, fmt))
    if outcome.text is not None:
        assert outcome.text != text
        readers.read(SourceText(path=name, text=outcome.text), fmt)  # the fixed file reads again
        assert fix.encode(source, outcome.text).decode("utf-8") == outcome.text


@pytest.mark.parametrize("name", sorted(DOCS))
def test_generated_documents_check_and_fix_cleanly(name: str) -> None:
    @budget(15)
    @given(DOCS[name])
    def run(text: str) -> None:
        check_document(name, text)

    run()


@pytest.mark.parametrize("name", sorted(DOCS))
def test_mangled_documents_never_crash_a_reader(name: str) -> None:
    """Any edit of a valid document (cut, spliced, characters inserted) reads or is an InputError."""
    fmt = readers.detect_format(name)
    assert fmt is not None
    junk = st.text(alphabet=st.sampled_from(list("{}[]<>%#$\"'\\&;:-*_`|!\n\t ä\u00a0\ufeff\u2028")), max_size=12)

    @budget(100)
    @given(DOCS[name], st.integers(0, 10_000), st.integers(0, 10_000), junk)
    def run(text: str, cut: int, at: int, noise: str) -> None:
        cut, at = cut % (len(text) + 1), at % (len(text) + 1)
        mangled = text[:at] + noise + text[at:cut] if at < cut else text[:cut] + noise
        try:
            result = readers.read(SourceText(path=name, text=mangled), fmt)
        except InputError:
            return
        for message in result.messages:
            assert len(message.starts) == len(message.ends) == len(message.text)
            assert all(0 <= s <= e <= len(mangled) for s, e in zip(message.starts, message.ends))

    run()


@budget(200)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_a_clear_input_error(data: bytes) -> None:
    try:
        source = SourceText.from_bytes("x.txt", data)
    except InputError as err:
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
        return
    assert "\x00" not in source.text
