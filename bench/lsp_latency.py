"""Diagnostics latency of the language server after an edit, and its memory.

Starts `plainfinnish lsp` as a subprocess, opens a 300-word and a 3,000-word Markdown document,
makes 100 one-word edits in each (each in a different paragraph, as a writer would) and measures
the time from sending `didChange` to receiving the diagnostics for that version. The debounce is
set to 0 ms so the numbers are the server's own work; an editor adds the configured debounce
(default 250 ms) on top. Memory is the server's resident set size after each document.

    .venv/bin/python bench/lsp_latency.py [--edits 100] [--profile fast|accurate]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SENTENCES as _ALL  # noqa: E402

SENTENCES = _ALL[:8]  # the texts the figures in docs/editors.md were measured on


def document(words: int) -> str:
    """Paragraphs of about 50 words, built from realistic customer-message sentences."""
    paragraphs, current, count, i = [], [], 0, 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        current.append(sentence)
        count += len(sentence.split())
        i += 1
        if sum(len(s.split()) for s in current) >= 50:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "# Viesti asiakkaalle\n\n" + "\n\n".join(paragraphs) + "\n"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def measure(client: LanguageClient, published: dict, name: str, text: str, edits: int) -> dict:
    uri = f"file:///bench/{name}.md"
    version = 1
    started = time.perf_counter()
    waiter = published.setdefault((uri, version), asyncio.Event())
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)))
    await asyncio.wait_for(waiter.wait(), 600)
    open_ms = (time.perf_counter() - started) * 1000
    lines = text.split("\n")
    paragraph_lines = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    latencies = []
    for n in range(edits):
        version += 1
        line = paragraph_lines[n % len(paragraph_lines)]
        # Toggle a word at the start of a paragraph: insert "Huom. " or delete it again.
        inserting = not lines[line].startswith("Huom. ")
        end = 0 if inserting else len("Huom. ")
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=end)),
            text="Huom. " if inserting else "")
        lines[line] = ("Huom. " + lines[line]) if inserting else lines[line][len("Huom. "):]
        waiter = published.setdefault((uri, version), asyncio.Event())
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        await asyncio.wait_for(waiter.wait(), 120)
        latencies.append((time.perf_counter() - started) * 1000)
    status = await client.protocol.send_request_async("plainfinnish/status", {})
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    return {"name": name, "words": len(text.split()), "open_ms": open_ms, "median_ms": statistics.median(latencies),
            "p95_ms": percentile(latencies, 0.95), "rss_mb": status.rss_kb / 1024}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--profile", choices=("fast", "accurate"), default="fast")
    args = parser.parse_args()

    client = LanguageClient("plainfinnish-bench", "1")
    published: dict[tuple[str, int], asyncio.Event] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            published.setdefault((params.uri, params.version), asyncio.Event()).set()

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def on_log(ls: LanguageClient, params: types.LogMessageParams) -> None:
        pass

    await client.start_io(sys.executable, "-m", "plainfinnish", "lsp")
    started = time.perf_counter()
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=Path.cwd().as_uri(),
        initialization_options={"plainfinnish": {"debounceMs": 0, "profile": args.profile}}))
    initialize_ms = (time.perf_counter() - started) * 1000
    client.initialized(types.InitializedParams())
    idle = await client.protocol.send_request_async("plainfinnish/status", {})
    rows = [await measure(client, published, f"doc{words}", document(words), args.edits) for words in (300, 3000)]
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    print(f"plainfinnish lsp, profile {args.profile}, {args.edits} edits per document, debounce 0 ms")
    print(f"initialize answered in {initialize_ms:.0f} ms; RSS after initialize {idle.rss_kb / 1024:.0f} MB")
    print(f"{'document':<10} {'words':>6} {'open ms':>8} {'median ms':>10} {'p95 ms':>8} {'RSS MB':>7}")
    for row in rows:
        print(f"{row['name']:<10} {row['words']:>6} {row['open_ms']:>8.0f} {row['median_ms']:>10.1f} "
              f"{row['p95_ms']:>8.1f} {row['rss_mb']:>7.0f}")


if __name__ == "__main__":
    asyncio.run(main())
