"""--fix, --unsafe-fixes and --diff: what is applied, what is never touched, and how it is written.

The fixes come from a small rule defined here (registered for these tests only), so the fix
machinery is tested on its own terms whatever the real rules suggest: it flags a few words with a
safe, an unsafe or a deliberately bad suggestion. Everything else is real: readers, the spaCy
pipeline, Voikko, the re-lint, the atomic write.
"""

from __future__ import annotations

import codecs
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from plainfinnish.rules.base import Finding, Rule, RuleContext, RuleDoc, Suggestion

if TYPE_CHECKING:
    from spacy.tokens import Doc

RULE_ID = "test-replace"
HERE = Path(__file__).resolve().parent


class ReplaceWords(Rule):
    """reklamaatio → valitus (safe); asiakaspalvelupiste → asiakaspalvelu (needs review);
    asiakasnumeronne: only its first part replaced (a suggestion with its own span); hakemus: a
    replacement reaching over the next word (a placeholder in the tests); hinta → maksu and
    maksu → hinta (a fix that never removes its finding). Every safe fix here passes the
    verification gate (known words in the same form), so the fixer itself is what is tested."""

    id = RULE_ID
    name_fi = name_en = "Test replacements"
    doc_fi = doc_en = RuleDoc("Test", "Replaces test words.", "Testing.", "reklamaatio", "valitus", "Safe.")

    def check(self, doc: "Doc", context: RuleContext) -> Iterator[Finding]:
        for token in doc:
            word = token.lower_
            start, end = token.idx, token.idx + len(token.text)
            if word == "reklamaatio":
                new = "Valitus" if token.text[0].isupper() else "valitus"
                yield self.finding(context, start, end, "test", suggestions=[Suggestion(new, safe=True)])
            elif word == "asiakaspalvelupiste":
                yield self.finding(context, start, end, "test", suggestions=[Suggestion("asiakaspalvelu")])
            elif word == "asiakasnumeronne":
                yield self.finding(context, start, end, "test",
                                   suggestions=[Suggestion("tilausnumeronne", safe=True, start=start, end=start + 7,
                                                           replacement="tilaus")])
            elif word == "hakemus" and token.i + 1 < len(doc):
                nxt = doc[token.i + 1]
                yield self.finding(context, start, end, "test",
                                   suggestions=[Suggestion("hakemuksesi", safe=True, start=start, end=nxt.idx + len(nxt.text))])
            elif word in ("hinta", "maksu"):
                yield self.finding(context, start, end, "test",
                                   suggestions=[Suggestion("maksu" if word == "hinta" else "hinta", safe=True)])


RULE = ReplaceWords


def register() -> None:
    from plainfinnish.rules import REGISTRY, available

    REGISTRY[RULE_ID] = __name__
    available.cache_clear()


@pytest.fixture(autouse=True)
def test_rule() -> Iterator[None]:
    from plainfinnish.rules import REGISTRY, available

    register()
    yield
    REGISTRY.pop(RULE_ID, None)
    available.cache_clear()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`plainfinnish check ARGS` in this process (the test rule is registered only here)."""
    from typer.testing import CliRunner

    from plainfinnish.cli import app

    result = CliRunner().invoke(app, ["check", "--no-cache", "--select", RULE_ID, *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_fix_applies_safe_fixes_only(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut. Vie paketti asiakaspalvelupiste lähimpään.\n", encoding="utf-8")
    code, out, err = run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Kiitos, valitus on saapunut. Vie paketti asiakaspalvelupiste lähimpään.\n"
    assert code == 1, (out, err)  # the unsafe one is still reported
    assert "asiakaspalvelupiste" in out and "fixed 1 finding(s) in 1 file(s)" in err


def test_unsafe_fixes_apply_those_needing_review(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut. Vie paketti asiakaspalvelupiste lähimpään.\n", encoding="utf-8")
    code, out, err = run("--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == "Kiitos, valitus on saapunut. Vie paketti asiakaspalvelu lähimpään.\n"
    assert code == 0, (out, err)


def test_diff_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "viesti.md"
    original = "# Otsikko\n\nKiitos, reklamaatio on saapunut.\n"
    path.write_text(original, encoding="utf-8")
    code, out, _ = run("--diff", str(path))
    assert path.read_text(encoding="utf-8") == original
    assert code == 1
    assert f"--- a/{path}" in out and "-Kiitos, reklamaatio on saapunut.\n+Kiitos, valitus on saapunut.\n" in out
    code, out, _ = run("--diff", str(tmp_path / "viesti.md"), "--ignore", RULE_ID, "--select", "long-sentence")
    assert code == 0 and out == ""


def test_suggestion_with_its_own_span_replaces_only_that(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kirjoita asiakasnumeronne viestiin.\n", encoding="utf-8")
    run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == "Kirjoita tilausnumeronne viestiin.\n"


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", codecs.BOM_UTF8, "\r\n"), ("utf-8", b"", "\r\n"), ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
     ("utf-16-be", codecs.BOM_UTF16_BE, "\n"), ("utf-8", b"", "\n")],
)
def test_fix_keeps_encoding_bom_and_line_endings(tmp_path: Path, encoding: str, bom: bytes, newline: str) -> None:
    lines = ["Hei Äijä!", "", "Kiitos, reklamaatio on saapunut.", "Käsittelemme sen viikossa.", ""]
    path = tmp_path / "viesti.txt"
    path.write_bytes(bom + newline.join(lines).encode(encoding))
    code, _, err = run("--fix", str(path))
    assert code == 0, err
    expected = bom + newline.join(lines).replace("reklamaatio", "valitus").encode(encoding)
    assert path.read_bytes() == expected


def test_fix_never_touches_markup_or_placeholders(tmp_path: Path) -> None:
    md = tmp_path / "viesti.md"
    # The flagged word is split by emphasis markup: its source span is not the flagged text.
    md_text = "Kiitos, rekla**maatio** on saapunut.\n"
    md.write_text(md_text, encoding="utf-8")
    tpl = tmp_path / "viesti.txt"
    # The suggestion for "hakemus" would swallow the placeholder after it.
    tpl_text = "Kiitos, hakemus {{ numero }} on saapunut.\n"
    tpl.write_text(tpl_text, encoding="utf-8")
    code, out, _ = run("--fix", str(md), str(tpl))
    assert md.read_text(encoding="utf-8") == md_text
    assert tpl.read_text(encoding="utf-8") == tpl_text
    assert code == 1 and out.count(RULE_ID) == 2


def test_fix_that_does_not_remove_its_finding_is_reverted(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    original = "Kiitos, hinta on oikein. Reklamaatio käsitellään.\n"
    path.write_text(original, encoding="utf-8")
    code, _, err = run("--fix", str(path))
    # hinta → maksu is flagged again, so it is dropped; the good fix beside it stays.
    assert path.read_text(encoding="utf-8") == "Kiitos, hinta on oikein. Valitus käsitellään.\n"
    assert "1 fix(es) not applied" in err
    assert code == 1


def test_fix_keeps_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut.\n", encoding="utf-8")
    path.chmod(0o640)
    run("--fix", str(path))
    assert "valitus" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["viesti.txt"]  # no temporary file left behind


def test_read_only_file_is_an_error_not_a_write(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    original = "Kiitos, reklamaatio on saapunut.\n"
    path.write_text(original, encoding="utf-8")
    path.chmod(0o444)
    code, _, err = run("--fix", str(path))
    assert code == 2
    assert f"{path}: file is read-only; fixes not written" in err
    assert path.read_text(encoding="utf-8") == original


def test_unparsable_file_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    data = b"Kiitos, reklamaatio on saapunut.\n" + b"\xff\n"
    path.write_bytes(data)
    code, _, err = run("--fix", str(path))
    assert code == 2 and "not UTF-8" in err
    assert path.read_bytes() == data


def test_stale_file_is_not_written(tmp_path: Path) -> None:
    from plainfinnish import fix

    path = tmp_path / "viesti.txt"
    path.write_text("Kiitos, reklamaatio on saapunut.\n", encoding="utf-8")
    state = fix.FileState.of(path.stat(), path.read_bytes())
    path.write_text("Kiitos, reklamaatio on saapunut!\n", encoding="utf-8")  # someone saved meanwhile
    with pytest.raises(fix.InputError, match="changed on disk"):
        fix.write_atomic(path, b"Kiitos, valitus on saapunut.\n", state)
    assert path.read_text(encoding="utf-8") == "Kiitos, reklamaatio on saapunut!\n"
    # The same size and the same mtime do not fool it: the content hash is compared too.
    os.utime(path, ns=(state.mtime_ns, state.mtime_ns))
    path.write_bytes(b"Kiitos, reklamaatio on saapunut?\n")
    os.utime(path, ns=(state.mtime_ns, state.mtime_ns))
    with pytest.raises(fix.InputError, match="changed on disk"):
        fix.write_atomic(path, b"x", state)


def test_source_span_maps_only_verbatim_text() -> None:
    from plainfinnish.document import MessageBuilder, SourceText
    from plainfinnish.fix import source_span

    source = SourceText(path="x", text="Hei &auml;iti {{ x }} loppu")
    b = MessageBuilder()
    b.text("Hei ", 0)
    b.char("ä", 4, 10)
    b.text("iti ", 10)
    b.placeholder(14, 21)
    b.text(" loppu", 21)
    message = b.build()
    assert message.text == "Hei äiti Xph loppu"
    assert source_span(message, source, 0, 3) == (0, 3)
    assert source_span(message, source, 4, 8) is None  # starts with a decoded entity
    assert source_span(message, source, 5, 8) == (10, 13)
    assert source_span(message, source, 9, 12) is None  # the placeholder
    assert source_span(message, source, 13, 18) == (22, 27)
    assert source_span(message, source, 3, 3) == (3, 3)  # an insertion between verbatim characters


def _fix_command(path: Path) -> list[str]:
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); import test_fix; test_fix.register(); "
            "from plainfinnish.cli import main; "
            f"sys.argv = ['plainfinnish', 'check', '--no-cache', '--fix', '--select', {RULE_ID!r}, {str(path)!r}]; main()")
    return [sys.executable, "-c", code]


@pytest.mark.slow
def test_process_killed_mid_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "viesti.txt"
    original = ("Kiitos, reklamaatio on saapunut.\n" + "Käsittelemme sen viikossa.\n" * 2000).encode()
    path.write_bytes(original)
    proc = subprocess.Popen(_fix_command(path), env={**os.environ, "PLAINFINNISH_TEST_WRITE_DELAY": "30"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".viesti.txt.*.plainfinnish-tmp")):
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the fixer never started writing"
            time.sleep(0.05)
        time.sleep(0.2)  # half of the new content is in the temporary file now
        tmp = next(tmp_path.glob(".viesti.txt.*.plainfinnish-tmp"))
        assert 0 < tmp.stat().st_size < len(original)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert path.read_bytes() == original  # the old file, whole

    # Run to completion: the new file, whole.
    done = subprocess.run(_fix_command(path), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == original.replace(b"reklamaatio", b"valitus")


def test_plain_fix_never_applies_what_the_gate_rejects(tmp_path: Path) -> None:
    """The real jargon rule with an organisation's alternative that doubles a compound part: the
    rule asks for "safe", the verification gate says no, so only --unsafe-fixes applies it."""
    from typer.testing import CliRunner

    from plainfinnish.cli import app

    (tmp_path / ".plainfinnish.toml").write_text(
        '[rules.jargon.alternatives]\ntiketti = ["tukitukipyyntö"]\nreklamaatio = ["valitus"]\n', encoding="utf-8")
    path = tmp_path / "viesti.txt"
    path.write_text("Tikettisi on suljettu. Reklamaatiosi on käsitelty.\n", encoding="utf-8")
    args = ["check", "--no-cache", "--select", "jargon", "--fix", str(path)]
    CliRunner().invoke(app, args)
    assert path.read_text(encoding="utf-8") == "Tikettisi on suljettu. Valituksesi on käsitelty.\n"
    CliRunner().invoke(app, [*args, "--unsafe-fixes"])
    assert path.read_text(encoding="utf-8") == "Tukitukipyyntösi on suljettu. Valituksesi on käsitelty.\n"
