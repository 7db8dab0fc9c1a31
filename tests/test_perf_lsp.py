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


def test_document_rules_after_edits_match_a_full_check() -> None:
    """missing-next-step and address-consistency judge the whole message from the paragraphs'
    facts (joined, not recomputed): edits that change the verdict must give what a full check gives."""
    linter = IncrementalLinter()
    config = Config()
    paragraphs = [
        "Hei Maija,",
        "Varauksesi on vastaanotettu. Varausnumero:",
        "4471-22",
        "Käsittelemme varauksen kolmen arkipäivän kuluessa.",
        "Ystävällisin terveisin\nAsiakaspalvelu",
    ]
    verdicts = []
    for change in (None, (3, "Varaus on tärkeä meille."), (3, "Teidän varauksenne käsitellään pian."),
                   (3, "Käsittelemme varauksen kolmen arkipäivän kuluessa."), (2, "tiedossa")):
        if change is not None:
            paragraphs[change[0]] = change[1]
        source = SourceText(path="varaus.md", text="\n\n".join(paragraphs) + "\n")
        result = linter.lint(source, config, "markdown")
        assert _findings(result) == _findings(lint_source(source, config, "markdown"))
        verdicts.append(sorted({f.rule for f in result.findings} & {"missing-next-step", "address-consistency"}))
    # the edits did change the verdicts: no next step, then mixed sinä/te forms, then neither
    assert verdicts[0] == [] and "missing-next-step" in verdicts[1] and "address-consistency" in verdicts[2]
    assert verdicts[3] == []


def test_a_reference_number_in_the_next_paragraph_counts_after_edits() -> None:
    """The last sentence of a paragraph may look at the next one ("Tilausnumero:" + a blank line +
    the number): the joined message reads it again rather than reusing the paragraph's facts."""
    linter = IncrementalLinter()
    config = Config()
    for body in ("Tilauksesi tiedot ovat alla.", "Tilauksesi tiedot näkyvät alla."):
        source = SourceText(path="tilaus.md", text=f"Tilausnumero:\n\n55210\n\n{body}\n")
        full = lint_source(source, config, "markdown")
        assert "missing-next-step" in {f.rule for f in full.findings}  # the number makes it a service message
        assert _findings(linter.lint(source, config, "markdown")) == _findings(full)


def test_require_time_findings_point_at_the_statement_after_edits() -> None:
    """With require-time, a finding points at the next-step sentence: its offset in the message,
    not in its paragraph, however many paragraphs come before it."""
    linter = IncrementalLinter()
    config = Config(rules={"missing-next-step": {"require-time": True}})
    paragraphs = ["Hei Pekka,", "Kiitos tilauksestasi.", "Tilaus käsitellään. Kiitos odotuksesta.", "Terveisin\nMyymälä"]
    for first in ("Hei Pekka,", "Hei Pekka ja Liisa,"):
        paragraphs[0] = first
        source = SourceText(path="tilaus.md", text="\n\n".join(paragraphs) + "\n")
        result = linter.lint(source, config, "markdown")
        timed = [f for f in result.findings if f.rule == "missing-next-step"]
        assert timed and timed[0].text == "Tilaus käsitellään."
        assert _findings(result) == _findings(lint_source(source, config, "markdown"))


def test_joined_facts_equal_the_facts_of_the_joined_doc() -> None:
    """components.join_facts (the paragraphs' per-token facts, shifted) gives exactly what reading
    the joined Doc afresh gives."""
    from spacy.tokens import Doc

    from plainfinnish import engine
    from plainfinnish.document import PLACEHOLDER_WORD, Message
    from plainfinnish.lsp.analysis import paragraphs
    from plainfinnish.nlp import components

    # a template placeholder reaches the pipeline as a placeholder word, its span recorded
    text = (f"Hei,\n\nemme ole vielä saaneet maksuasi. Et ole maksanut.\n\nTilaus {PLACEHOLDER_WORD} ei ole "
            "lähtenyt, koska maksu puuttuu.\n")
    start = text.index(PLACEHOLDER_WORD)
    message = Message(text=text, starts=list(range(len(text))), ends=list(range(1, len(text) + 1)),
                      placeholders=[(start, start + len(PLACEHOLDER_WORD))])
    pieces = paragraphs(message)
    docs = list(engine.analyze_messages([p.message for p in pieces], "fast"))
    whole = Doc.from_docs(docs, ensure_whitespace=False, exclude=("user_data", "spans"))
    whole._.message = message
    components.join_facts(whole, docs)
    joined = components.facts(whole)
    fresh = components._compute_facts(whole)
    for name in ("sent_start", "sent_end", "prev_word", "negated", "analyses", "analysis", "placeholder", "finite", "word"):
        assert getattr(joined, name) == getattr(fresh, name), name
    assert any(joined.negated) and any(joined.placeholder) and len(set(joined.sent_start)) >= 4
