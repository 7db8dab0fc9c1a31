"""The shipped paradigm table (plainfinnish/data/paradigms.bin, built by scripts/build_paradigms.py):
it holds every word a wordlist alternative can need, its forms are exactly those generated and
verified at run time, and it is used only under the Voikko it was verified with."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from plainfinnish.nlp import inflect
from plainfinnish.nlp.voikko import backend

REBUILD = "run PLAINFINNISH_VOIKKO=native .venv/bin/python scripts/build_paradigms.py"


def build_script():
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_paradigms

    return build_paradigms


def native_table() -> inflect._Table:
    if backend().name != "libvoikko":
        pytest.skip("the table is built and used with native libvoikko (pyvoikko generates every paradigm)")
    table = inflect._paradigm_table()
    assert table is not None, f"the shipped paradigm table is missing or was built with another Voikko: {REBUILD}"
    return table


@pytest.fixture
def fresh_table(monkeypatch):
    """Read the table anew (from a path a test may change), and forget it afterwards."""
    monkeypatch.setattr(inflect, "_table", [])
    inflect.paradigm.cache_clear()
    yield
    inflect.paradigm.cache_clear()


def test_the_table_covers_every_wordlist_alternative() -> None:
    """Every word the build prepares is in the table, and a suggestion's verb with all its groups."""
    table = native_table()
    build = build_script()
    missing = [w for w in build.prepared_words() if w not in table.index]
    assert not missing, f"the wordlists changed since the paradigm table was built ({missing[:10]}): {REBUILD}"
    for word in build.suggestion_words():
        groups = table.groups(word)
        assert set(groups) in ({inflect.ANY_GROUP}, set(inflect.VERB_GROUPS)), (word, sorted(groups), REBUILD)


def test_the_header_records_the_voikko_the_forms_were_verified_with() -> None:
    table = native_table()
    identity = table.header["voikko"]
    assert identity == inflect.voikko_identity()
    assert identity["backend"] == "libvoikko" and identity["version"] and identity["dictionary"].startswith("voikko-fi ")
    assert table.header["generator"] == inflect.generator_identity() != "missing"


def test_shipped_paradigms_equal_freshly_generated_ones() -> None:
    """A sample of the words (every group each has): the same forms in the same order as
    `generate_paradigm` gives now. A change to the generation without a rebuild fails here."""
    table = native_table()
    words = sorted(table.index)
    sample = words[::15] + ["valitus", "maksaa", "tämä", "ei", "olla", "tilata"]
    for word in dict.fromkeys(w for w in sample if w in table.index):
        for group in table.groups(word):
            asked = "N" if group == inflect.ANY_GROUP else group
            shipped = inflect._shipped_paradigm(word, asked)
            assert shipped is not None, (word, group)
            assert list(shipped.items()) == list(inflect.generate_paradigm(word, asked).items()), \
                f"the shipped paradigm of {word!r} ({group}) differs from a fresh one: {REBUILD}"


def test_a_verb_has_its_groups_and_a_noun_one_for_all() -> None:
    table = native_table()
    assert set(table.groups("maksaa")) == set(inflect.VERB_GROUPS)  # an alternative: every group
    assert set(table.groups("valitus")) == {inflect.ANY_GROUP}
    # a noun's paradigm is the same whatever group a slot asks for
    assert inflect._shipped_paradigm("valitus", "participle") == inflect._shipped_paradigm("valitus", "N")
    # an everyday verb no suggestion offers: the groups other rules ask for; the others are generated
    assert set(table.groups("tilata")) == set(build_script().OTHER_RULES_GROUPS)
    assert inflect._shipped_paradigm("tilata", "past") is None


def test_words_outside_the_table_are_generated(fresh_table) -> None:
    word = "kirjahylly"  # no wordlist alternative
    table = inflect._paradigm_table()
    assert table is None or word not in table.index
    forms = inflect.paradigm(word, "N")
    assert list(forms.items()) == list(inflect.generate_paradigm(word, "N").items())
    assert "kirjahyllyssä" in forms.values()


def _ignored_with_header(header: dict, tmp_path, monkeypatch) -> None:
    """A table with this header is not used: the paradigm is generated with the Voikko at hand."""
    data = {"header": {**header, "words": 1}, "signatures": [], "paradigms": {"valitus": {inflect.ANY_GROUP: ""}}}
    path = tmp_path / inflect.PARADIGM_DATA
    build_script().write(data, path)
    monkeypatch.setattr(inflect, "PARADIGM_PATH", path)
    assert inflect._paradigm_table() is None
    assert "valituksessa" in inflect.paradigm("valitus", "N").values()


def test_the_table_is_used_only_under_its_own_voikko(fresh_table, tmp_path, monkeypatch) -> None:
    """A table verified with another Voikko (another dictionary version, or pyvoikko) is ignored:
    every paradigm is generated with the Voikko at hand, so its forms are the ones it verifies."""
    _ignored_with_header({"voikko": {"backend": "libvoikko", "version": "0.0", "dictionary": "voikko-fi 0.1"},
                          "generator": "test"}, tmp_path, monkeypatch)


def test_a_table_from_another_generator_version_is_ignored(fresh_table, tmp_path, monkeypatch) -> None:
    _ignored_with_header({"voikko": inflect.voikko_identity(), "generator": "voikko (PyPI inflection generator) 0.0"},
                         tmp_path, monkeypatch)


def test_pyvoikko_generates_every_paradigm() -> None:
    if backend().name == "libvoikko":
        pytest.skip("native libvoikko reads the shipped table")
    inflect._table.clear()
    assert inflect._paradigm_table() is None


def test_a_missing_table_means_generation(fresh_table, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(inflect, "PARADIGM_PATH", tmp_path / "none.bin")
    assert inflect._paradigm_table() is None
    assert "valitukseen" in inflect.paradigm("valitus", "N").values()


def test_the_build_writes_what_the_reader_reads(fresh_table, tmp_path, monkeypatch) -> None:
    build = build_script()
    index: dict = {}
    forms = inflect.generate_paradigm("valitus", "N")
    encoded = inflect.encode_forms(forms, index)
    data = {"header": {"voikko": inflect.voikko_identity(), "generator": inflect.generator_identity(), "words": 1},
            "signatures": [list(s) for s in sorted(index, key=index.__getitem__)],
            "paradigms": {"valitus": {inflect.ANY_GROUP: encoded}}}
    path = tmp_path / inflect.PARADIGM_DATA
    build.write(data, path)
    first = path.read_bytes()
    build.write(data, path)
    assert path.read_bytes() == first  # reproducible
    monkeypatch.setattr(inflect, "PARADIGM_PATH", path)
    assert list(inflect.paradigm("valitus", "N").items()) == list(forms.items())


# --- the shipped wordlists, parsed ahead (plainfinnish/data/wordlists.json) -----------------------

def test_the_compiled_wordlists_are_those_of_the_shipped_files() -> None:
    """Each shipped file is read from the compiled data, and that gives exactly what parsing its TOML
    gives. A wordlist edited without a rebuild fails here (a run still parses the edited TOML)."""
    from plainfinnish import wordlists

    for path in wordlists.shipped_paths():
        compiled = wordlists._shipped_file(path)
        assert compiled is not None, f"{path.name} changed since wordlists.json was built: {REBUILD}"
        assert compiled == wordlists.parse_file(path)
    assert set(wordlists._compiled()) == {p.name for p in wordlists.shipped_paths()}, REBUILD


def test_an_edited_or_unshipped_wordlist_is_parsed(tmp_path, monkeypatch) -> None:
    from plainfinnish import wordlists

    shipped = wordlists.shipped_paths()[0]
    copy = tmp_path / shipped.name  # the same bytes and name, but not a shipped file
    copy.write_bytes(shipped.read_bytes())
    assert wordlists._shipped_file(copy) is None
    stale = {name: {**data, "sha256": "0" * 64} for name, data in wordlists._compiled().items()}
    monkeypatch.setattr(wordlists, "_compiled", lambda: stale)
    assert wordlists._shipped_file(shipped) is None
    lexicon = wordlists._load.__wrapped__(((str(shipped), 0),))
    assert lexicon.entries == wordlists.parse_file(shipped)[0]


# --- The generator's word list, shipped by reversed word (inflect.INFLECTION_CLASSES) ---------------


def test_the_shipped_word_list_is_the_installed_generators() -> None:
    """The shipped copy holds exactly the installed generator's words and classes, in its order;
    with it a run never imports the generator module (which parses the list on import)."""
    from voikko import inflect_word

    shipped = inflect._read_word_classes()
    assert shipped is not None, f"the generator's word list is missing or was made for another generator: {REBUILD}"
    fresh = inflect.word_classes_of(inflect_word.WORD_CLASSES)
    assert shipped.reversed_words == fresh.reversed_words and shipped.classes == fresh.classes, REBUILD
    assert shipped.get("valitus") == inflect_word.WORD_CLASSES["valitus"]
    assert shipped.get("valituxx") is None


#: Our own words: listed nouns and verbs, compounds whose last part is listed, words the list lacks
#: (the nearest ending decides), suffix-rule words ("-ttu", "-uus", "-ja") and a short "-ton" word
#: (the generator's own similarity sort).
GENERATOR_WORDS = ("talo", "kirje", "lähettää", "odottaa", "asiakaspalvelu", "toimitusaika", "laskutusosoite",
                   "verkkokauppatilaus", "tilattu", "nopeus", "lukija", "vton", "Helsinki", "pakettiautomaatti",
                   "palautuslomake", "kuittaus", "karsinta", "huomauttaa", "noutopiste")


@pytest.mark.parametrize("word", GENERATOR_WORDS)
def test_forms_equal_the_generator_module(word) -> None:
    """`_generated` (from the shipped list and the generator's own inflection code) gives exactly
    what the generator module gives for the same classes."""
    from voikko import inflect_word

    assert inflect._word_classes().shipped, REBUILD
    chosen = inflect._inflection_classes(word)
    try:
        expected = inflect_word.generate_forms(word, infl_classes=chosen)
    except Exception:  # noqa: BLE001 - as `_generated`
        expected = []
    got = inflect._generated(word)
    assert got == expected
    if word in ("talo", "asiakaspalvelu", "lähettää"):
        assert got and any(got[0].values())
