"""readability: Wiio (Voikko syllables of base forms), LIX, sentence length, in stats and output."""

from __future__ import annotations

import pytest

import plainfinnish
from conftest import check_json, run_cli
from plainfinnish.nlp.voikko import NativeBackend, _hyphenate_by_rule, native_available
from plainfinnish.rules.readability import measure

HEAVY = ("Asiakaspalvelukanavavalintojen yhdenmukaistamistoimenpiteiden toteuttamisen aikataulutus edellyttää "
         "organisaatiokohtaisten resursointiratkaisujen läpikäyntiä ennen vuodenvaihdetta sekä "
         "sidosryhmäyhteistyön järjestelyjen kokonaisvaltaista uudelleenarviointia ja dokumentointia.")
PLAIN = "Saimme tilauksesi. Lähetämme sen huomenna. Saat viestin, kun paketti on perillä. Kiitos!"


def test_wiio_counts_base_form_syllables() -> None:
    # Saimme(saada 2) tilauksesi(tilaus 3) Lähetämme(lähettää 3) sen huomenna(3) Saat viestin
    # kun paketti on perillä(perillä 3) Kiitos: no base form of 4+ syllables -> 2.7
    m = measure(plainfinnish.analyze(PLAIN))
    assert m["wiio"] == 2.7
    assert m["sentences"] == 4 and m["words"] == 12
    # more than 6 letters: tilauksesi Lähetämme huomenna viestin paketti perillä
    assert m["lix"] == pytest.approx(12 / 4 + 100 * 6 / 12, abs=0.05)


def test_long_base_forms_raise_wiio() -> None:
    m = measure(plainfinnish.analyze("Organisaatio toimittaa asiakaspalvelua."))
    # organisaatio (6), toimittaa (3), asiakaspalvelu (6): 2 of 3 words
    assert m["wiio"] == pytest.approx(2.7 + 30 * 2 / 3, abs=0.05)


@pytest.mark.skipif(not native_available(), reason="needs native libvoikko to compare with")
def test_rule_hyphenator_agrees_with_libvoikko_on_a_sample() -> None:
    native = NativeBackend()
    words = ("tilaus asiakaspalvelu maailma käyttöä henkilöä aiempi ainoa hakemuksesi lämpöä kuljetusliike "
             "vahvistus toimitusaika noutopiste tiedote perillä huomenna laskutus eräpäivä seurantakoodi").split()
    for w in words:
        assert native.hyphenate(w).count("-") == _hyphenate_by_rule(w).count("-"), w


def test_heavy_text_is_flagged_and_plain_is_not(lint, profile) -> None:
    (f,) = lint(HEAVY, profile=profile, select=["readability"], rules={"readability": {"min-words": 5}})
    assert "Wiion luokka" in f.message and "LIX" in f.message
    assert lint(PLAIN, profile=profile, select=["readability"], rules={"readability": {"min-words": 5}}) == []


def test_short_messages_are_not_judged(lint) -> None:
    assert lint(HEAVY, select=["readability"]) == []  # fewer than 30 words by default


def test_stats_in_json_and_table_in_text(tmp_path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text(HEAVY + "\n", encoding="utf-8")
    data, _ = check_json(str(path))
    stats = data["files"][0]["stats"]["readability"]
    assert stats["wiio"] > 9 and stats["lix"] > 50 and "flesch" not in str(stats).lower()
    out = run_cli("check", "--no-cache", str(path)).stdout
    assert "Luettavuus" in out and "Wiio" in out and "LIX" in out


def test_readability_findings_are_opt_in_but_stats_always_reported(lint):
    import plainfinnish
    from conftest import check_json  # noqa: F401  (same helpers as the CLI tests)

    text = " ".join(["Asiakaspalvelukanavavalintojen yhdenmukaistamistoimenpiteiden toteuttaminen edellyttää "
                     "organisaatiokohtaisten resursointiratkaisujen läpikäyntiä."] * 8)
    assert [f for f in plainfinnish.lint(text) if f.rule == "readability"] == []
    opted_in = plainfinnish.lint(text, config={"rules": {"readability": {"enabled": True}}})
    assert any(f.rule == "readability" for f in opted_in)
