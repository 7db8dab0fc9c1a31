"""Reading LSP messages from a byte stream without trusting the client's framing.

pygls's reader believes every `Content-Length`: a huge one allocates it (MemoryError), a wrong or
missing one desynchronises the stream for good, so nothing is answered again, not even `exit`.
Here a message is framed by its `Content-Length` when that holds, and otherwise the reader
resynchronises at the next header: a real CR LF cannot occur inside a JSON string, and the
header text cannot occur outside one, so `Content-Length: N` + line break inside a "body" can
only be the next message. A body without a length is taken as the first complete JSON value.
A framing error is answered with a JSON-RPC parse error (id null) and the server reads on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from collections.abc import Callable
from typing import Any, BinaryIO

log = logging.getLogger("plainfinnish.lsp")

#: The largest body accepted (a document over max-file-size is refused later anyway).
MAX_BODY = 256 * 1024 * 1024
#: Header text without an end is garbage after this many bytes.
MAX_HEADER = 64 * 1024
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_LENGTH = re.compile(rb"content-length:[ \t]*(\d{1,19})[ \t]*\r?\n", re.IGNORECASE)
_OTHER_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")  # Content-Type and the like
_CHUNK = 1 << 16


class Framer:
    """Turns the bytes of a stream into message bodies (`bytes`) and framing errors (`str`)."""

    def __init__(self, read: Callable[[], Any]) -> None:
        self._read = read  # awaitable: the next bytes available, b"" at end of stream
        self._buf = b""

    async def _more(self) -> bool:
        chunk = await self._read()
        self._buf += chunk
        return bool(chunk)

    async def messages(self, emit: Callable[[bytes | str], None]) -> None:
        while True:
            end = _HEADER_END.search(self._buf)
            while end is None:
                if len(self._buf) > MAX_HEADER and not _LENGTH.search(self._buf):
                    emit("garbage instead of a header (no Content-Length)")
                    self._buf = self._buf[-64:]
                if not await self._more():
                    return
                end = _HEADER_END.search(self._buf)
            block, self._buf = self._buf[:end.end()], self._buf[end.end():]
            lengths = list(_LENGTH.finditer(block))
            if lengths:
                last = lengths[-1]
                # Other header lines (Content-Type) are fine; anything else before the length is
                # the body of a message with a wrong or missing length, or junk.
                orphan = b"\n".join(line for line in block[:last.start()].splitlines()
                                    if line.strip() and not _OTHER_HEADER.match(line)).strip()
                if orphan:
                    emit(orphan if orphan.startswith(b"{") else "garbage before a header")
                length: int | None = int(last.group(1))
            else:
                orphan = block.strip()
                if orphan:
                    emit("a header block without Content-Length")
                length = None
            body = await self._body(length, emit)
            if body is None:
                return
            if body:
                emit(body)

    async def _body(self, length: int | None, emit: Callable[[bytes | str], None]) -> bytes | None:
        """The body after a header block: `length` bytes, or less when the next header comes first."""
        if length is not None and length > MAX_BODY:
            emit(f"Content-Length {length:,} is over the limit of {MAX_BODY:,} bytes; message skipped")
            return await self._skip(length)
        decoder = json.JSONDecoder()
        scanned = 0  # where to look for a following header (a big body arrives in many chunks)
        while True:
            if length is not None and len(self._buf) >= length:
                body, self._buf = self._buf[:length], self._buf[length:]
                return body
            following = _LENGTH.search(self._buf, max(scanned - 64, 0))
            scanned = len(self._buf)
            if following is not None:  # the length was wrong: the next message has begun
                line_start = self._buf.rfind(b"\n", 0, following.start()) + 1
                cut = following.start() if self._buf[line_start:following.start()].strip() else line_start
                body, self._buf = self._buf[:cut], self._buf[cut:]
                emit("Content-Length does not match the body")
                return body
            if length is None:  # no length: the first complete JSON value is the body
                text = self._buf.decode("utf-8", "surrogateescape")
                try:
                    _, end = decoder.raw_decode(text, len(text) - len(text.lstrip()))
                except ValueError:
                    pass
                else:
                    cut = len(text[:end].encode("utf-8", "surrogateescape"))
                    body, self._buf = self._buf[:cut], self._buf[cut:]
                    return body
                if len(self._buf) > MAX_BODY:
                    emit("a message without Content-Length over the size limit; skipped")
                    self._buf = b""
            if not await self._more():
                return None

    async def _skip(self, length: int) -> bytes | None:
        """Discard `length` bytes without keeping them, unless a header shows the length was a lie."""
        while length > 0:
            following = _LENGTH.search(self._buf)
            if following is not None:
                self._buf = self._buf[following.start():]
                return b""
            if len(self._buf) >= length:
                self._buf = self._buf[length:]
                return b""
            length -= max(len(self._buf) - 64, 0)
            self._buf = self._buf[-64:]  # a header may straddle two chunks
            if not await self._more():
                return None
        return b""


def serve(server: Any, stdin: BinaryIO, stdout: BinaryIO) -> int:
    """Run a pygls server over a byte stream with tolerant framing; the process exit status
    (0 after shutdown + exit, 1 after exit alone, as the protocol says)."""
    from pygls.io_ import StdoutWriter

    protocol = server.protocol
    protocol.set_writer(StdoutWriter(stdout))
    fd = stdin.fileno()
    status = {"code": 1}

    def emit(item: bytes | str) -> None:
        if isinstance(item, str):
            log.warning("LSP framing: %s", item)
            protocol._send_data({"jsonrpc": "2.0", "id": None,
                                 "error": {"code": -32700, "message": f"Parse error: {item}"}})
            return
        try:
            message = json.loads(item, object_hook=protocol.structure_message)
        except ValueError as err:
            emit(f"invalid JSON ({err})")
            return
        try:
            protocol.handle_message(message)
        except SystemExit as done:  # `exit`: pygls ends the process with sys.exit
            status["code"] = done.code if isinstance(done.code, int) else 1
            raise
        except Exception:  # noqa: BLE001 - one bad message must not stop the server
            log.exception("could not handle a message")

    async def run() -> None:
        loop = asyncio.get_running_loop()
        framer = Framer(lambda: loop.run_in_executor(None, os.read, fd, _CHUNK))
        await framer.messages(emit)

    try:
        asyncio.run(run())
    except SystemExit:
        return status["code"]
    except (BrokenPipeError, KeyboardInterrupt):
        return 1
    return 0 if protocol._shutdown else 1
