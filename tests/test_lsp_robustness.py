"""The language server survives bad clients: malformed JSON-RPC, unknown methods, a 5 MB
document, 1,000 rapid edits, out-of-range edit positions and requests for closed documents."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

SERVER = [sys.executable, "-m", "plainfinnish", "lsp"]
LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme "
        "sinua ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen "
        "kuljetusliikkeen kanssa ja palauttaa rahat tilillesi.")


class RawClient:
    """A bare JSON-RPC client over the server's stdio, able to send anything at all."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     cwd=cwd, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()  # type: ignore[union-attr]

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            message = json.loads(stream.read(length or 0))
            if message.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            if "id" in message and "method" in message:  # a request from the server: accept it
                self.send_raw(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": None}).encode())
            self.messages.put(message)

    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", "method": method, "params": params}).encode())

    def request(self, method: str, params: Any, timeout: float = 60) -> dict[str, Any]:
        self._next_id += 1
        msg_id = self._next_id
        self.send_raw(json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}).encode())
        return self.response(msg_id, timeout)

    def response(self, msg_id: int, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = self.messages.get(timeout=0.1)
            except queue.Empty:
                assert self.proc.poll() is None, f"server exited with {self.proc.returncode}"
                continue
            if message.get("id") == msg_id and "method" not in message:
                return message
        raise AssertionError(f"no response to request {msg_id} within {timeout} s")

    def wait_diagnostics(self, uri: str, timeout: float = 60) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while uri not in self.diagnostics:
            assert time.monotonic() < deadline, f"no diagnostics for {uri}"
            assert self.proc.poll() is None, f"server exited with {self.proc.returncode}"
            time.sleep(0.02)
        return self.diagnostics[uri]

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}})

    def status(self) -> dict[str, Any]:
        return self.request("plainfinnish/status", {})["result"]

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.request("shutdown", None, timeout=10)
                self.notify("exit", None)
                self.proc.wait(timeout=10)
            except (AssertionError, BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> RawClient:
    root = tmp_path_factory.mktemp("robust")
    client = RawClient(root)
    reply = client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {},
                                          "initializationOptions": {"debounceMs": 30}})
    assert "capabilities" in reply["result"]
    client.notify("initialized", {})
    client.root = root  # type: ignore[attr-defined]
    yield client
    client.close()
    assert client.proc.returncode == 0


def uri(server: RawClient, name: str) -> str:
    return (server.root / name).as_uri()  # type: ignore[attr-defined]


def test_malformed_json_rpc_is_survived(server: RawClient):
    server.send_raw(b"{ this is not json")
    server.send_raw(b"[1, 2, 3]")
    server.send_raw(json.dumps({"jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", "params": {"bogus": 1}}).encode())
    server.send_raw(json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 5}}).encode())
    server.send_raw(b"Content-Length: 4\r\n\r\n{\"a\"")  # a frame inside a frame
    error = server.response(900)
    assert "error" in error and error["error"]["code"] in (-32602, -32603)
    assert server.status()["documents"] == 0  # still answering, nothing half-opened


def test_unknown_methods_get_method_not_found(server: RawClient):
    reply = server.request("plainfinnish/noSuchThing", {"x": 1})
    assert reply["error"]["code"] == -32601
    server.notify("$/noSuchNotification", {})
    server.notify("workspace/noSuchNotification", {"x": 1})
    assert server.status()["ready"] in (True, False)


def test_five_megabyte_document_is_refused_with_a_diagnostic(server: RawClient):
    big_uri = uri(server, "big.md")
    paragraph = "Tämä on lyhyt virke tavallista tekstiä. " * 20 + "\n\n"
    text = paragraph * (5 * 1024 * 1024 // len(paragraph.encode()) + 1)
    assert len(text.encode()) > 5_000_000
    started = time.monotonic()
    server.open(big_uri, text)
    diagnostics = server.wait_diagnostics(big_uri)
    assert len(diagnostics) == 1 and "max-file-size" in diagnostics[0]["message"]
    assert time.monotonic() - started < 30
    # An edit on it is applied and refused the same way; closing frees it.
    server.diagnostics.pop(big_uri)
    server.notify("textDocument/didChange", {"textDocument": {"uri": big_uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}}, "text": "Se"}]})
    assert "max-file-size" in server.wait_diagnostics(big_uri)[0]["message"]
    server.notify("textDocument/didClose", {"textDocument": {"uri": big_uri}})
    assert server.status()["documents"] == 0


def test_a_thousand_rapid_edits_end_in_the_right_diagnostics(server: RawClient):
    doc_uri = uri(server, "typing.md")
    base = "Hei.\n\n"
    server.open(doc_uri, base)
    server.wait_diagnostics(doc_uri)
    before = server.status()
    text = base
    typed = (LONG + " ") * 4
    for version, char in enumerate(typed[:1000], start=2):  # one keystroke per edit, at the end
        line = text.count("\n")
        column = len(text) - text.rfind("\n") - 1
        server.notify("textDocument/didChange", {"textDocument": {"uri": doc_uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column}}, "text": char}]})
        text += char
    server.diagnostics.pop(doc_uri, None)
    time.sleep(0.5)  # past the debounce
    diagnostics = server.wait_diagnostics(doc_uri)
    after = server.status()
    # The diagnostics are those of the final text: one long-sentence finding per full copy of LONG.
    assert [d["code"] for d in diagnostics].count("long-sentence") == typed[:1000].count("tilillesi.")
    # Debounced: far fewer analyses than edits; memory did not balloon.
    assert after["analysed"] - before["analysed"] < 200
    assert after["rss_kb"] - before["rss_kb"] < 200_000
    server.notify("textDocument/didClose", {"textDocument": {"uri": doc_uri}})


def test_out_of_range_edit_positions_are_clamped(server: RawClient):
    doc_uri = uri(server, "clamp.md")
    server.open(doc_uri, "Hei.\n")
    server.wait_diagnostics(doc_uri)
    server.diagnostics.pop(doc_uri, None)
    server.notify("textDocument/didChange", {"textDocument": {"uri": doc_uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 500, "character": 9999}, "end": {"line": 7, "character": 0}}, "text": "\n" + LONG}]})
    diagnostics = server.wait_diagnostics(doc_uri)
    long = [d for d in diagnostics if d["code"] == "long-sentence"]
    assert len(long) == 1 and long[0]["range"]["start"] == {"line": 2, "character": 0}
    # A position past the end of a line is the end of that line.
    server.diagnostics.pop(doc_uri, None)
    server.notify("textDocument/didChange", {"textDocument": {"uri": doc_uri, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 0, "character": 4000}, "end": {"line": 0, "character": 4000}}, "text": " Moi."}]})
    long = [d for d in server.wait_diagnostics(doc_uri) if d["code"] == "long-sentence"]
    assert len(long) == 1 and long[0]["range"]["start"]["line"] == 2
    server.notify("textDocument/didClose", {"textDocument": {"uri": doc_uri}})


def test_requests_for_closed_or_unknown_documents(server: RawClient):
    doc_uri = uri(server, "closed.md")
    server.open(doc_uri, LONG + "\n")
    assert server.wait_diagnostics(doc_uri)
    server.diagnostics.pop(doc_uri, None)
    server.notify("textDocument/didClose", {"textDocument": {"uri": doc_uri}})
    assert server.wait_diagnostics(doc_uri) == []
    position = {"line": 0, "character": 3}
    hover = server.request("textDocument/hover", {"textDocument": {"uri": doc_uri}, "position": position})
    assert "error" not in hover and hover["result"] is None
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri(server, "never-opened.md")}, "range": {"start": position, "end": position},
        "context": {"diagnostics": []}})
    assert "error" not in actions and actions["result"] == []
    server.notify("textDocument/didChange", {"textDocument": {"uri": doc_uri, "version": 9}, "contentChanges": [{"text": "x"}]})
    server.notify("textDocument/didClose", {"textDocument": {"uri": doc_uri}})
    assert server.status()["documents"] == 0
