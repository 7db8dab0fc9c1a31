"""The editor's "disable RULE for this line" comment leaves a file its own tools still accept:
`msgfmt -c` for gettext, YAML and Fluent parsers, an HTML parser, Markdown's renderer; JSON has
no comments, so no comment is offered there. The comment also really silences the finding."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
import yaml
from fluent.syntax import FluentParser, ast
from markdown_it import MarkdownIt

import plainfinnish
from plainfinnish.document import SourceText
from plainfinnish.readers import detect_format
from plainfinnish.suppression import comment_edit

# Our own long sentences (over 25 words), one per case.
LONG_A = ("Jos paketti ei ole tullut perille kahden viikon kuluessa tilauksesta, pyydämme sinua kertomaan siitä meille "
          "lomakkeella tai puhelimitse, jotta voimme etsiä lähetyksen yhdessä kuljetusyhtiön kanssa ja lähettää uuden.")
LONG_B = ("Kun olet lähettänyt hakemuksesi liitteineen, käsittelijä tarkistaa tiedot ja ottaa sinuun tarvittaessa "
          "yhteyttä sähköpostilla tai puhelimella, minkä jälkeen saat kirjallisen päätöksen kotiisi noin kolmen viikon kuluessa.")

CASES = {
    "single.po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  '#. Shown when the parcel is late\n#: mail/late.txt:4\nmsgid "Late parcel"\n'
                  f'msgstr "{LONG_A}"\n'),
    "wrapped.po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                   'msgid "Greeting"\nmsgstr "Hei!"\n\n'
                   'msgctxt "application"\nmsgid "Received"\nmsgstr ""\n'
                   f'"{LONG_B[:60]}"\n"{LONG_B[60:]}"\n'),
    "flat.yaml": f"fi:\n  toimitus:\n    otsikko: Paketti\n    viive: \"{LONG_A}\"\n",
    "block.yaml": f"fi:\n  hakemus:\n    vastaanotettu: |\n      Kiitos hakemuksesta.\n      {LONG_B}\n",
    "messages.ftl": f"otsikko = Paketti\ntoimitus-viive = {LONG_A}\n",
    "multiline.ftl": f"hakemus-vastaanotettu =\n    Kiitos hakemuksesta.\n    {LONG_B}\n",
    "mail.html": f"<html><body>\n<h1>Hakemus</h1>\n<p>Hei,\n{LONG_B}</p>\n<p>{LONG_A}</p>\n</body></html>\n",
    "faq.md": f"# Toimitus\n\nHei,\n{LONG_A}\n\n{LONG_B}\n",
    "table.md": f"| kysymys | vastaus |\n|---|---|\n| Missä paketti on? | {LONG_A} |\n",
    "messages.json": json.dumps({"toimitus": {"viive": LONG_A}}, ensure_ascii=False, indent=2) + "\n",
}
#: No comment can go there and keep the file (and its text) as it was.
NOT_OFFERED = {"messages.json"}
CONFIG = {"select": ["long-sentence"]}


def findings(name: str, text: str) -> list:
    return [f for f in plainfinnish.lint(text, filename=name, config=CONFIG) if f.rule == "long-sentence"]


def parses(name: str, before: str, after: str) -> None:
    """The format's own tool accepts the edited file and reads the same content from it."""
    suffix = name.rsplit(".", 1)[1]
    if suffix == "po":
        path = pytest.importorskip("pathlib").Path(TMP[0]) / name
        path.write_text(after, encoding="utf-8")
        proc = subprocess.run([shutil.which("msgfmt"), "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr + after
    elif suffix == "yaml":
        assert yaml.safe_load(after) == yaml.safe_load(before)
    elif suffix == "ftl":
        resource = FluentParser().parse(after)
        assert not [e for e in resource.body if isinstance(e, ast.Junk)], after

        def values(text: str) -> dict:
            return {m.id.name: m.value.to_json() for m in FluentParser(with_spans=False).parse(text).body
                    if isinstance(m, ast.Message)}
        assert values(after) == values(before)
    elif suffix == "html":
        assert html_events(after) == html_events(before)
    elif suffix == "md":
        strip = re.compile(r"\s*<!--.*?-->")
        render = MarkdownIt("commonmark").enable("table").render
        assert strip.sub("", render(after)) == strip.sub("", render(before))
    else:
        raise AssertionError(f"no parser for {name}")


def html_events(text: str) -> list:
    """Tags and text as an HTML parser sees them, comments left out."""
    events: list = []

    class Recorder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            events.append(("start", tag, attrs))

        def handle_endtag(self, tag):
            events.append(("end", tag))

        def handle_data(self, data):
            if not data.strip():
                return
            if events and events[-1][0] == "text":  # text on both sides of a comment is one text
                events[-1] = ("text", f"{events[-1][1]} {' '.join(data.split())}")
            else:
                events.append(("text", " ".join(data.split())))

    Recorder().feed(text)
    return events


TMP: list = []


@pytest.fixture(autouse=True)
def _tmp(tmp_path):
    TMP[:] = [tmp_path]


@pytest.mark.parametrize("name", list(CASES))
def test_disable_comment_keeps_the_file_valid_and_silences_the_finding(name: str) -> None:
    if name.endswith(".po") and shutil.which("msgfmt") is None:
        pytest.skip("msgfmt is not installed (Debian: apt-get install gettext)")
    text = CASES[name]
    found = findings(name, text)
    assert found, f"the case {name} should have a long sentence"
    fmt = detect_format(name)
    for finding in found:
        place = comment_edit(SourceText(name, text), fmt, {}, finding)
        if name in NOT_OFFERED:
            assert place is None
            continue
        if place is None:
            # Withheld: only where a comment has no place (a block scalar, a Fluent multi-line value).
            assert name in {"block.yaml", "multiline.ftl"}, (name, finding.line)
            continue
        offset, comment = place
        assert "plainfinnish: disable" in comment and "long-sentence" in comment
        after = text[:offset] + comment + text[offset:]
        parses(name, text, after)
        assert not [f for f in findings(name, after) if f.text == finding.text], after


def test_po_comment_is_a_translator_comment_above_the_entry() -> None:
    text = CASES["wrapped.po"]
    (finding,) = findings("wrapped.po", text)
    offset, comment = comment_edit(SourceText("wrapped.po", text), "po", {}, finding)
    after = text[:offset] + comment + text[offset:]
    assert '\n\n# plainfinnish: disable-next-line long-sentence\nmsgctxt "application"\n' in after


def test_paragraph_is_not_split_in_markdown() -> None:
    text = CASES["faq.md"]
    first = next(f for f in findings("faq.md", text) if LONG_A.startswith(f.text[:20]))
    offset, comment = comment_edit(SourceText("faq.md", text), "markdown", {}, first)
    after = text[:offset] + comment + text[offset:]
    assert f"Hei,\n{LONG_A} <!-- plainfinnish: disable-line long-sentence -->\n" in after
