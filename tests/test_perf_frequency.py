"""The shipped Zipf table gives what wordfreq gives, and long-word no longer loads wordfreq."""

from __future__ import annotations

import subprocess
import sys

import pytest

from plainfinnish.nlp import frequency


@pytest.mark.parametrize("word", ["asiakaspalvelu", "ajoneuvo", "sähköposti", "henkilöllisyystodistus",
                                  "tietosuoja", "valvontaviranomainen", "lasku", "tilaus"])
def test_the_table_agrees_with_wordfreq(word: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    expected = wordfreq.zipf_frequency(word, "fi")
    assert frequency.zipf(word) == (expected if expected >= frequency.MIN_ZIPF else 0.0)


@pytest.mark.parametrize("word", ["palvelukanavavalinta", "xyzzyqwerty", "", "a", "ääkkösvirheinen-sana", "2025"])
def test_rare_unknown_and_odd_words_are_zero(word: str) -> None:
    assert frequency.zipf(word) == 0.0


def test_the_first_and_last_entries_are_found() -> None:
    table = frequency._table()
    first = table[: table.index(b"\t")].decode()
    last = table[table.rindex(b"\n", 0, len(table) - 1) + 1:].split(b"\t")[0].decode()
    assert frequency.zipf(first) >= frequency.MIN_ZIPF and frequency.zipf(last) >= frequency.MIN_ZIPF


def test_a_long_compound_does_not_import_wordfreq() -> None:
    code = ("import sys, plainfinnish\n"
            "found = plainfinnish.lint('Valitse asiakaspalvelukanavavalintajärjestelmä ja työttömyysturvaetuushakemus.',"
            " filename='x.txt', config={'select': ['long-word']})\n"
            "assert any(f.rule == 'long-word' for f in found), found\n"
            "print('wordfreq' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
