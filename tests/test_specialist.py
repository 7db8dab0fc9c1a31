"""The specialist-term model: the shipped data is sound and reproducible, the features come from the
real Voikko analysis and floret projection, and the jargon rule's hints behave as documented
(docs/specialist.md). The words are our own, none from a corpus text."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

import plainfinnish
from conftest import ROOT, run_cli, shared_path
from plainfinnish import wordlists
from plainfinnish.errors import ConfigError
from plainfinnish.nlp import specialist

DATA = Path(__file__).parent / "data" / "wordlists"
TEST_LISTS = sorted(str(p) for p in DATA.glob("*.toml"))
# Rare compounds of administrative language we made up from everyday parts, and everyday words.
TERMS = ["täytäntöönpanoperuste", "kelpoisuusvaatimus", "muutoksenhakumenettely"]
EVERYDAY = ["kissa", "talo", "hinta", "paketti", "lasku"]


def data() -> dict:
    return json.loads((files("plainfinnish") / "data" / specialist.DATA_NAME).read_text(encoding="utf-8"))


def hints(text: str, setting: str = "on") -> list:
    config = {"select": ["jargon"], "wordlists": TEST_LISTS, "rules": {"jargon": {"specialist": setting}}}
    return [f for f in plainfinnish.lint(text, config=config) if f.data.get("category") == "specialist"]


@pytest.fixture(autouse=True)
def only_test_wordlists(monkeypatch, tmp_path):
    monkeypatch.setattr(wordlists, "SHIPPED_DIR", tmp_path / "none")


def test_the_shipped_model_has_its_shape_and_checksums() -> None:
    model = data()
    assert specialist.validate_data(model, specialist.vectors_digest()) == []
    assert model["features"] == list(specialist.FEATURES) and len(model["weights"]) == len(specialist.FEATURES)
    assert 0 < model["threshold"] <= model["confident"] <= 1
    rows = np.load(files("plainfinnish") / "data" / specialist.VECTORS_NAME)
    assert rows.shape == (50000,) and rows.dtype == np.float16  # one number per floret row of the model


@pytest.mark.parametrize("damage", ["weight", "threshold", "heads", "vectors"])
def test_a_damaged_model_is_reported(damage: str) -> None:
    model = data()
    digest = specialist.vectors_digest()
    if damage == "weight":
        model["weights"][1] += 0.5
    elif damage == "threshold":
        model["threshold"] = 1.5
    elif damage == "heads":
        model["head_classes"] = ["vaatimus", "asetus"]  # not sorted
    else:
        digest = "0" * 64
    assert specialist.validate_data(model, digest)


def test_wordlists_check_validates_the_model() -> None:
    proc = run_cli("wordlists", "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "specialist-term model" in proc.stdout and "no problems" in proc.stdout


def test_the_projection_is_the_mean_of_the_word_s_floret_rows() -> None:
    """The vector feature is exact: spaCy's floret lookup of the projected rows equals the mean of
    the rows the word hashes to (each row projected on its own)."""
    from spacy.vectors import Vectors

    rows = np.load(files("plainfinnish") / "data" / specialist.VECTORS_NAME).astype(np.float32)
    table = Vectors(data=np.c_[rows, np.arange(len(rows), dtype=np.float32)], **specialist.FLORET)
    for word in TERMS:
        value, _ = table.get_batch([word])[0]
        assert specialist.vector_feature(word) == pytest.approx(float(value), abs=1e-6)


def test_rare_administrative_compounds_score_above_everyday_words() -> None:
    doc = plainfinnish.analyze(" ".join(TERMS + EVERYDAY).capitalize() + ".")
    scores = {t.text.lower(): j.score for t in doc if (j := specialist.judge(t)) is not None}
    assert min(scores[w] for w in TERMS) > 5 * max(scores[w] for w in EVERYDAY)
    assert all(specialist.judge(t).kind == "compound" for t in doc if t.lower_ in TERMS)


@pytest.mark.parametrize(("text", "word"), [
    ("Lähetämme sen huomenna.", "Lähetämme"),  # a verb
    ("Paketti on lähetetty.", "lähetetty"),  # a participle
    ("Tervetuloa Helsinkiin!", "Helsinkiin"),  # a name
    ("Lue Kelpoisuusvaatimus ja muut oppaamme.", "Kelpoisuusvaatimus"),  # capitalised inside a sentence: a name
    ("Hei {name}, kiitos.", "name"),  # a placeholder
])
def test_what_the_model_never_judges(text: str, word: str) -> None:
    doc = plainfinnish.analyze(text)
    token = next(t for t in doc if t.text == word)
    assert specialist.judge(token) is None


def test_hints_flag_the_first_use_only_with_advice_and_no_rewrite() -> None:
    text = ("Täytäntöönpanoperuste näkyy päätöksessä. Jos täytäntöönpanoperuste muuttuu, kerromme siitä. "
            "Kelpoisuusvaatimukset ovat liitteessä.")
    found = hints(text)
    assert [f.text for f in found] == ["Täytäntöönpanoperuste", "Kelpoisuusvaatimukset"]
    for f in found:
        assert f.rule == "jargon" and f.suggestions == [] and f.severity in ("info", "warning")
        assert "Selitä" in f.message and f.data["kind"] == "compound"


@pytest.mark.parametrize("text", [
    "Täytäntöönpanoperuste eli syy, jonka vuoksi perintä alkaa, näkyy päätöksessä.",
    "Täytäntöönpanoperusteella tarkoitetaan päätöstä, jonka perusteella perintä alkaa.",
    "Perinnän syy (täytäntöönpanoperuste) näkyy päätöksessä.",
    'Päätöksen otsikko on "Täytäntöönpanoperuste ja muutoksenhakumenettely".',
])
def test_hints_respect_explanations_definitions_and_quotes(text: str) -> None:
    assert hints(text) == []


def test_hints_leave_everyday_text_alone() -> None:
    assert hints("Kiitos tilauksestasi! Paketti lähtee huomenna, ja lasku tulee sähköpostiisi.") == []


def test_the_setting_turns_hints_on_and_off() -> None:
    text = "Muutoksenhakumenettely kuvataan liitteessä."
    assert hints(text, "on") and not hints(text, "off")
    assert bool(hints(text, "auto")) == data()["default_on"]
    with pytest.raises(ConfigError, match="specialist"):
        hints(text, "sometimes")


def test_the_build_is_reproducible(tmp_path: Path, monkeypatch) -> None:
    """Rebuilding from the same inputs gives the same files, byte for byte. When the wordlists or
    the labels changed since the last build, the shipped model is stale: re-run the script."""
    monkeypatch.undo()  # the build reads the shipped wordlists
    corpus = shared_path("corpus", "dev")
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_specialist

    from plainfinnish.nlp.voikko import backend

    if backend().name != "libvoikko":
        pytest.skip("the model is built with native libvoikko (its Voikko features differ on pyvoikko)")
    if data()["training"]["inputs_sha256"] != build_specialist.inputs_digest(corpus):
        pytest.skip("the wordlists or dev labels changed since the model was built: "
                    "run .venv/bin/python scripts/build_specialist.py")
    out = tmp_path / specialist.DATA_NAME
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_specialist.py"), "--corpus", str(corpus),
                           "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    shipped = files("plainfinnish") / "data"
    assert out.read_bytes() == (shipped / specialist.DATA_NAME).read_bytes()
    assert (tmp_path / specialist.VECTORS_NAME).read_bytes() == (shipped / specialist.VECTORS_NAME).read_bytes()
