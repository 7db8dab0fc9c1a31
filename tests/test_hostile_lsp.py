"""Hostile input, round two (issue 17), the language server as a subprocess: the position
encoding it agrees on and counts in (UTF-16 unless the client offers UTF-8 or UTF-32), broken
framing, `exit` without `shutdown`, lone surrogates, and documents that are one huge line or one
huge paragraph."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from test_hostile import distinct_sentences
from test_lsp_robustness import RawClient

pytestmark = pytest.mark.slow

#: ä, ö, an emoji (two UTF-16 units, four UTF-8 bytes) and a combining acute (e + U+0301).
LINE = "Äö 😀 e\u0301 — hyvä asiakas, reklamaationne käsittely kestää viikon."
WORD = "reklamaationne"


def units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def start(tmp: Path, offered: list[str] | None, env: dict[str, str] | None = None,
          monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[RawClient, dict[str, Any]]:
    if env and monkeypatch:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
    client = RawClient(tmp)
    client.root = tmp  # type: ignore[attr-defined]
    capabilities: dict[str, Any] = {"general": {"positionEncodings": offered}} if offered is not None else {}
    reply = client.request("initialize", {"processId": os.getpid(), "rootUri": tmp.as_uri(), "capabilities": capabilities,
                                          "initializationOptions": {"debounceMs": 20}})
    client.notify("initialized", {})
    return client, reply["result"]


def jargon_at(diagnostics: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    return [(d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["character"])
            for d in diagnostics if d["code"] == "jargon"]


@pytest.mark.parametrize(("offered", "agreed"), [
    (None, "utf-16"), (["utf-16"], "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-8"], "utf-8"),
    (["utf-32", "utf-16"], "utf-32"), (["x-bogus", "utf-16"], "utf-16"), (["x-bogus"], "utf-16"),
])
def test_positions_are_counted_in_the_agreed_encoding(tmp_path: Path, offered: list[str] | None, agreed: str) -> None:
    client, result = start(tmp_path, offered)
    try:
        assert result["capabilities"].get("positionEncoding", "utf-16") == agreed
        doc = (tmp_path / "viesti.txt").as_uri()
        text = "Hei.\n\n" + LINE + "\n"
        client.open(doc, text)
        column = units(LINE[: LINE.index(WORD)], agreed)
        assert jargon_at(client.wait_diagnostics(doc)) == [(2, column, column + len(WORD))]

        # An incremental edit after the emoji and the combining mark lands where the client meant it.
        insert_at = units(LINE[: LINE.index("—")], agreed)
        client.diagnostics.pop(doc, None)
        client.notify("textDocument/didChange", {"textDocument": {"uri": doc, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": insert_at}, "end": {"line": 2, "character": insert_at}},
             "text": "öö "}]})
        edited = LINE.replace("—", "öö —")
        column = units(edited[: edited.index(WORD)], agreed)
        diagnostics = client.wait_diagnostics(doc)
        assert jargon_at(diagnostics) == [(2, column, column + len(WORD))]

        # The quick fix replaces exactly the word, in the same units.
        diagnostic = next(d for d in diagnostics if d["code"] == "jargon")
        actions = client.request("textDocument/codeAction", {"textDocument": {"uri": doc}, "range": diagnostic["range"],
                                                             "context": {"diagnostics": [diagnostic]}})["result"]
        edits = [e for a in actions if a.get("edit") for e in a["edit"]["changes"][doc]
                 if e["newText"].lower().startswith("valitu")]
        assert edits and edits[0]["range"] == diagnostic["range"]
    finally:
        client.close()
    assert client.proc.returncode == 0


def test_lone_surrogate_in_a_document_gets_findings_not_an_internal_error(tmp_path: Path) -> None:
    client, _ = start(tmp_path, None)
    try:
        for name, text in (("a.txt", "Reklamaationne \udfff käsittely kestää viikon.\n"),
                           ("b.json", '{"a": "Reklamaationne \\udfff käsittely."}\n')):
            doc = (tmp_path / name).as_uri()
            client.open(doc, text)
            diagnostics = client.wait_diagnostics(doc)
            assert [d["code"] for d in diagnostics] == ["jargon"], diagnostics
    finally:
        client.close()


def framed(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def request(msg_id: int, method: str, params: Any = None) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}).encode()


@pytest.mark.parametrize("garbage", [
    b"Content-Length: 99999999999\r\n\r\n{}",  # far over any limit: skipped, not allocated
    b"Content-Length: 99999999999999999999999\r\n\r\n",
    framed(request(50, "plainfinnish/status", {}), 10),  # too short: the rest is junk before the next header
    framed(request(51, "plainfinnish/status", {}), 5000),  # too long: the next header shows where it ended
    b"\r\n\r\n" + request(52, "plainfinnish/status", {}),  # no Content-Length at all
    b"Content-Type: application/vscode-jsonrpc\r\n\r\n",  # headers without a length
    b"x" * 200_000,  # a line that never ends
    b"Content-Length: abc\r\n\r\n{}",
    bytes(range(256)) * 10,
])
def test_broken_framing_is_survived_and_the_next_message_answered(tmp_path: Path, garbage: bytes) -> None:
    client, _ = start(tmp_path, None)
    try:
        assert client.proc.stdin is not None
        client.proc.stdin.write(garbage)
        client.proc.stdin.flush()
        reply = client.request("plainfinnish/status", {}, timeout=30)
        assert "result" in reply
        rss = reply["result"]["rss_kb"]
        assert rss < 1_500_000
        client.request("shutdown", None, timeout=10)
        client.notify("exit", None)
        assert client.proc.wait(timeout=10) == 0
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait()


def test_exit_without_shutdown_exits_with_status_1(tmp_path: Path) -> None:
    client, _ = start(tmp_path, None)
    client.notify("exit", None)
    assert client.proc.wait(timeout=10) == 1


def test_shutdown_then_exit_exits_with_status_0(tmp_path: Path) -> None:
    client, _ = start(tmp_path, None)
    client.request("shutdown", None, timeout=10)
    client.notify("exit", None)
    assert client.proc.wait(timeout=10) == 0


def test_a_megabyte_on_one_line_gets_diagnostics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = start(tmp_path, None, {"PLAINFINNISH_TIME_BUDGET": "60"}, monkeypatch)
    try:
        strings = {f"k{i}": "Tilauksesi on lähetetty ja se saapuu huomenna." for i in range(20_000)}
        strings["z"] = "Reklamaationne käsittely kestää viikon."
        minified = json.dumps(strings, ensure_ascii=False, separators=(",", ":"))
        assert len(minified.encode()) > 1_000_000 and "\n" not in minified
        doc = (tmp_path / "fi.json").as_uri()
        started = time.monotonic()
        client.open(doc, minified)
        diagnostics = client.wait_diagnostics(doc, timeout=120)
        assert time.monotonic() - started < 90
        assert "jargon" in [d["code"] for d in diagnostics] or any("took over" in d["message"] for d in diagnostics)
        assert not any("internal error" in d["message"] for d in diagnostics)
    finally:
        client.close()


def test_one_paragraph_over_a_megabyte_is_findings_or_a_budget_error_never_e088(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = start(tmp_path, None, {"PLAINFINNISH_TIME_BUDGET": "20"}, monkeypatch)
    try:
        text = "Reklamaationne käsittely kestää viikon. " + "Tilaus on lähetetty. " * 55_000
        assert len(text) > 1_000_000
        doc = (tmp_path / "pitka.md").as_uri()
        started = time.monotonic()
        client.open(doc, text)
        diagnostics = client.wait_diagnostics(doc, timeout=120)
        assert time.monotonic() - started < 90
        messages = " ".join(d["message"] for d in diagnostics)
        assert "E088" not in messages and "internal error" not in messages, messages[:300]
        assert "jargon" in [d["code"] for d in diagnostics] or "took over 20 s" in messages
        assert "result" in client.request("plainfinnish/status", {}, timeout=30)  # still serving
    finally:
        client.close()


def test_time_budget_ends_an_analysis_that_would_run_for_minutes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = start(tmp_path, None, {"PLAINFINNISH_TIME_BUDGET": "8"}, monkeypatch)
    try:
        warm = (tmp_path / "alku.md").as_uri()  # the rules' data load on first use: not in the big one's budget
        client.open(warm, "Reklamaationne käsittely kestää viikon.\n")
        assert "jargon" in [d["code"] for d in client.wait_diagnostics(warm, timeout=60)]
        doc = (tmp_path / "iso.md").as_uri()
        # About 4.5 MB of short sentences: over a minute of analysis unbounded.
        client.open(doc, distinct_sentences(4200))
        started = time.monotonic()
        diagnostics = client.wait_diagnostics(doc, timeout=90)
        assert time.monotonic() - started < 60
        assert len(diagnostics) == 1 and "checking took over 8 s" in diagnostics[0]["message"], diagnostics
        small = (tmp_path / "pieni.md").as_uri()  # the server goes on with the next document
        client.open(small, "Kiitos viestistä. Reklamaationne käsittely kestää viikon.\n")
        assert "jargon" in [d["code"] for d in client.wait_diagnostics(small, timeout=30)]
    finally:
        client.close()


def test_other_headers_before_the_length_are_no_error(tmp_path: Path) -> None:
    client, _ = start(tmp_path, None)
    try:
        assert client.proc.stdin is not None
        body = request(60, "plainfinnish/status", {})
        client.proc.stdin.write(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + framed(body))
        client.proc.stdin.flush()
        assert "result" in client.response(60, timeout=30)
        assert "result" in client.request("plainfinnish/status", {}, timeout=30)
        errors = [m for m in list(client.messages.queue) if m.get("id") is None and "error" in m]
        assert not errors, errors
    finally:
        client.close()
