"""A per-file time budget for reading and checking, enforced in any thread.

Hostile input can hit a super-linear path in a parser or a rule; rather than hang a hook, a CI job
or an editor, the file becomes an error once its budget is spent. A watchdog timer raises
`BudgetExceeded` in the working thread (CPython's `PyThreadState_SetAsyncExc`), so it works in the
language server's analysis thread too, where SIGALRM cannot reach. It is a `BaseException`: a
reader's or a rule's `except Exception` must not swallow it.

`PLAINFINNISH_TIME_BUDGET` (seconds) overrides the default; the tests use a small one.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Every reader and rule handles a 5 MB file (the default size limit) well within this.
DEFAULT_SECONDS = 60.0


class BudgetExceeded(BaseException):
    """The file's time budget ran out."""


def seconds() -> float:
    """The budget per file: PLAINFINNISH_TIME_BUDGET when it is a positive number, else the default."""
    try:
        value = float(os.environ.get("PLAINFINNISH_TIME_BUDGET", ""))
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else DEFAULT_SECONDS


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    # None clears an exception set but not yet raised.
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class Budget:
    """Time left for one file; spend it in one or more `running()` blocks (untimed work, such as
    loading the NLP pipeline, goes between them)."""

    def __init__(self, total: float | None = None) -> None:
        self.total = seconds() if total is None else total
        self.left = self.total

    @contextmanager
    def running(self) -> Iterator[None]:
        if self.left <= 0:
            raise BudgetExceeded
        thread_id = threading.get_ident()
        lock = threading.Lock()
        state = {"armed": True, "fired": False}

        def expire() -> None:
            with lock:
                if state["armed"]:
                    state["fired"] = True
                    _raise_in(thread_id, BudgetExceeded)

        timer = threading.Timer(self.left, expire)
        timer.daemon = True
        started = time.monotonic()
        timer.start()
        try:
            yield
        finally:
            with lock:
                state["armed"] = False
                if state["fired"]:
                    _raise_in(thread_id, None)  # fired as the block ended: do not raise it later
            timer.cancel()
            self.left -= time.monotonic() - started
