"""The language server's incremental linter: huge paragraphs, and what an edit re-analyses."""

from __future__ import annotations

from plainfinnish.config import Config
from plainfinnish.document import SourceText
from plainfinnish.engine import lint_source
from plainfinnish.lsp.analysis import IncrementalLinter

PARAGRAPHS = [
    "Kiitos tilauksestasi. Lähetämme paketin kahden arkipäivän kuluessa.",
    "Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
    "ystävällisesti ottamaan yhteyttä asiakaspalveluumme puhelimitse tai sähköpostitse, jotta voimme selvittää "
    "lähetyksen tilanteen kuljetusliikkeen kanssa mahdollisimman pian.",
    "Reklamaationne käsittely kestää noin viikon. Voit seurata tilannetta verkkosivuillamme.",
]


def _findings(result) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in result.findings]


def test_a_paragraph_over_a_million_characters_is_checked_in_pieces() -> None:
    # one line, no block break: spaCy alone would refuse it (E088)
    text = PARAGRAPHS[1] + " " + "tilaus " * 160_000 + PARAGRAPHS[2]
    assert len(text) > 1_000_000
    source = SourceText(path="huge.txt", text=text)
    result = IncrementalLinter().lint(source, Config(select=["long-sentence"]), "text")
    assert result.findings and result.findings[0].rule == "long-sentence" and result.findings[0].line == 1
    assert _findings(result) == _findings(lint_source(source, Config(select=["long-sentence"]), "text"))


def test_an_edit_reanalyses_only_its_paragraph_and_matches_a_full_check() -> None:
    linter = IncrementalLinter()
    config = Config()
    paragraphs = PARAGRAPHS * 4
    text = "# Tilauksesi\n\n" + "\n\n".join(paragraphs) + "\n"
    linter.lint(SourceText(path="viesti.md", text=text), config, "markdown")
    analysed = linter.analysed
    paragraphs[5] = "Huom. " + paragraphs[5]
    edited = SourceText(path="viesti.md", text="# Tilauksesi\n\n" + "\n\n".join(paragraphs) + "\n")
    result = linter.lint(edited, config, "markdown")
    assert linter.analysed == analysed + 1  # the edited paragraph only
    assert _findings(result) == _findings(lint_source(edited, config, "markdown"))
