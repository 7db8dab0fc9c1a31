"""`--language en` (issue 18 item 12): English throughout, with only the checked Finnish text quoted.

The real CLI as a subprocess on Finnish messages that trigger every rule. A heuristic: outside quotes,
source excerpts and suggested Finnish rewrites, the output holds no Finnish function words."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run_cli
from plainfinnish.rules import available

# Finnish words that are not English words too ("on" is both, so it is not listed)
FINNISH_WORDS = frozenset(
    "ja tai että kun jos ei eikä sekä mutta kirjoita kerro sana sanaa sanoo virke virkkeessä viesti viestissä lause "
    "ole olla tämä joka mikä myös kuin sinun meidän suomeksi esimerkiksi riittää tutumpi huomautusta "
    "huomautus tiedostossa tiedosto luettavuus sanoja varoitusta ehdotus raja jaa käytä sano".split())

# Two messages of our own: one with officialese, a long sentence, mixed address, a hiding passive,
# a -minen noun, a long compound, false urgency, scarcity and too many questions; one that leaves
# the customer without a next step. Readability is switched on with low limits.
MESSAGE = """Hei,

Mikäli haluat tehdä reklamaation koskien toimitusta, ota yhteyttä asiakaspalveluumme kahden viikon kuluessa laskun vastaanottamisesta, jotta voimme selvittää asian nopeasti ja hyvittää summan tilillenne ilman ylimääräisiä kuluja tai viivästyksiä.

Tilauksenne on vastaanotettu, ja se käsitellään. Maksun suorittaminen tapahtuu laskun saavuttua. Saat meiltä viestin paketin lähettämisestä. Asiakastyytyväisyyskyselyvastausten perusteella kehitämme palveluamme.

Tarjous on voimassa vain tänään! Vain 3 kappaletta jäljellä.

Haluatko lisätä tuotteen? Onko osoite oikein? Tarvitsetko kuitin? Haluatko uutiskirjeen? Onko kaikki hyvin?

Ystävällisin terveisin
Asiakaspalvelu
"""
NO_NEXT_STEP = "Hei,\n\nHakemuksesi on saapunut meille. Kiitos.\n"
CONFIG = """[tool.plainfinnish.rules.readability]
enabled = true
max-lix = 20
max-wiio = 3
min-words = 5
"""


def _project(tmp_path):
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "message.txt").write_text(MESSAGE, encoding="utf-8")
    (tmp_path / "received.txt").write_text(NO_NEXT_STEP, encoding="utf-8")
    return ["message.txt", "received.txt"]


def _unquoted(text: str) -> str:
    """The text without its quoted stretches ('…', "…", “…”) and inline code: the Finnish being discussed."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r'"[^"]*"|“[^”]*”|”[^”]*”', " ", text)
    return re.sub(r"(?<!\w)'[^']*'(?!\w)", " ", text)


def _finnish_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", _unquoted(text))} & FINNISH_WORDS


def test_every_rule_speaks_english(tmp_path):
    files = _project(tmp_path)
    proc = run_cli("check", "--format", "json", "--no-cache", "--language", "en", *files, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    findings = [f for file in json.loads(proc.stdout)["files"] for f in file["findings"]]
    assert {f["rule"] for f in findings} == set(available()), "the messages should trigger every rule"
    for f in findings:
        assert not _finnish_words(f["message"]), (f["rule"], f["message"])
        for key in ("reason", "note", "advice", "category_name"):
            value = f["data"].get(key)
            if isinstance(value, str):
                assert not _finnish_words(value), (f["rule"], key, value)


def test_the_text_report_speaks_english(tmp_path):
    """Messages, severities, notes, the readability table and the summary; source excerpts and the
    suggested Finnish rewrites aside."""
    files = _project(tmp_path)
    proc = run_cli("check", "--no-cache", "--language", "en", *files, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    prose = [line for line in proc.stdout.splitlines()
             if not re.match(r"\s*\d*\s*\|", line) and not line.strip().startswith("suggestion:")]
    assert "Readability" in proc.stdout and re.search(r"\d+ findings in 2 files", proc.stdout)
    leaks = [(line, _finnish_words(line)) for line in prose if _finnish_words(line)]
    assert not leaks, leaks
    assert "[warning]" in proc.stdout and "[varoitus]" not in proc.stdout


def test_finnish_output_is_still_finnish(tmp_path):
    """The same check without --language: the wordlist reasons are the Finnish ones."""
    files = _project(tmp_path)
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "jargon", *files, cwd=tmp_path)
    reasons = [f["data"]["reason"] for file in json.loads(proc.stdout)["files"] for f in file["findings"]]
    assert any("Mikäli on virkakieltä" in r for r in reasons), reasons


@pytest.mark.parametrize("rule", sorted(available()))
def test_rule_pages_speak_english(rule):
    """`explain RULE --language en`: the page's prose (code blocks, quoted and bracketed Finnish examples aside)."""
    proc = run_cli("explain", rule, "--language", "en")
    assert proc.returncode == 0, proc.stderr
    # a page on Finnish grammar names its words ("an että clause", "että/jos/kun clauses"): a line
    # of prose leaks only with two or more Finnish words in it
    prose = re.sub(r"```.*?```|\([^()]*\)|\w+(?:/\w+)+", " ", proc.stdout, flags=re.S)
    leaks = [(line, _finnish_words(line)) for line in prose.splitlines() if len(_finnish_words(line)) > 1]
    assert not leaks, leaks


def test_the_rules_table_speaks_english():
    proc = run_cli("rules", "--language", "en")
    assert proc.returncode == 0, proc.stderr
    assert not _finnish_words(proc.stdout), proc.stdout


def test_the_help_says_the_input_is_finnish():
    proc = run_cli("check", "--help")
    flat = " ".join(proc.stdout.split())
    assert re.search(r"--language <fi\|en>\s+Language of the output", flat), flat
    assert "the checked text is Finnish" in flat


def test_editor_hover_speaks_english():
    """Hover in the language server: the category's English name and the English reason, with language = "en"."""
    import plainfinnish
    from plainfinnish.config import from_table
    from plainfinnish.lsp.server import hover_text

    config = from_table({"language": "en", "select": ["jargon"]}, None)
    finding = plainfinnish.lint("Mikäli haluat, lähetämme kuitin.", config=config)[0]
    hover = hover_text(finding, config)
    assert "Mikäli" in hover and "Officialese" in hover, hover
    assert not _finnish_words(hover.split("**Alternatives:**")[0]), hover  # the alternatives are Finnish words
    assert "Luokka" not in hover and "Syy" not in hover
