"""A per-file time budget for reading and checking, enforced in any thread.

Hostile input can hit a super-linear path in a parser or a rule; rather than hang a hook, a CI job
or an editor, the file becomes an error once its budget is spent. The budget counts the CPU time
of the thread that does the work, not wall time: on a loaded machine (a CI runner, parallel jobs)
a file that needs little CPU is not refused because it waited for a processor.

One watchdog thread per process watches every running block and raises `BudgetExceeded` in the
working thread (CPython's `PyThreadState_SetAsyncExc`), so it works in the language server's
analysis thread too, where SIGALRM cannot reach. It is a `BaseException`: a reader's or a rule's
`except Exception` must not swallow it. A thread's CPU time grows no faster than wall time, so the
watchdog sleeps for the CPU time a block has left, then looks again; no thread is started per file.

`PLAINFINNISH_TIME_BUDGET` (seconds) overrides the default; the tests use a small one.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable, Iterator
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


def _cpu_clock(thread_id: int) -> Callable[[], float]:
    """The CPU time of a thread, readable from another thread; where the platform has no per-thread
    clock (Windows, macOS), the CPU time of the whole process."""
    if hasattr(time, "pthread_getcpuclockid"):
        try:
            clock = time.pthread_getcpuclockid(thread_id)
            return lambda: time.clock_gettime(clock)
        except OSError:
            pass
    return time.process_time


class _Watch:
    """One running block: the thread to stop and the CPU time it may still spend."""

    __slots__ = ("thread_id", "clock", "deadline", "fired")

    def __init__(self, thread_id: int, clock: Callable[[], float], left: float) -> None:
        self.thread_id = thread_id
        self.clock = clock
        self.deadline = clock() + left  # on the thread's CPU clock
        self.fired = False


class _Watchdog:
    """The process's one watchdog thread, started on first use (and again in a forked child,
    which inherits no threads)."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.watches: set[_Watch] = set()
        self.thread: threading.Thread | None = None

    def add(self, watch: _Watch) -> None:
        with self.cond:
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="plainfinnish-budget", daemon=True)
                self.thread.start()
            self.watches.add(watch)
            self.cond.notify()

    def remove(self, watch: _Watch) -> bool:
        """Stop watching; True when the budget ran out (its exception is then cleared if the
        block ended before the thread raised it)."""
        with self.cond:
            self.watches.discard(watch)
            if watch.fired:
                _raise_in(watch.thread_id, None)  # fired as the block ended: do not raise it later
            return watch.fired

    def _run(self) -> None:
        with self.cond:
            while True:
                wait: float | None = None
                for watch in list(self.watches):
                    try:
                        left = watch.deadline - watch.clock()
                    except OSError:  # the thread is gone: nothing left to stop
                        self.watches.discard(watch)
                        continue
                    if left <= 0:
                        watch.fired = True
                        self.watches.discard(watch)
                        _raise_in(watch.thread_id, BudgetExceeded)
                    else:
                        wait = left if wait is None else min(wait, left)
                self.cond.wait(wait)  # woken early by a new block


_watchdog = _Watchdog()


def _after_fork() -> None:
    global _watchdog
    _watchdog = _Watchdog()  # the parent's thread and lock state do not carry over


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


class Budget:
    """CPU time left for one file; spend it in one or more `running()` blocks (untimed work, such
    as loading the NLP pipeline, goes between them)."""

    def __init__(self, total: float | None = None) -> None:
        self.total = seconds() if total is None else total
        self.left = self.total

    @contextmanager
    def running(self) -> Iterator[None]:
        if self.left <= 0:
            raise BudgetExceeded
        thread_id = threading.get_ident()
        clock = _cpu_clock(thread_id)
        started = clock()
        watch = _Watch(thread_id, clock, self.left)
        watchdog = _watchdog
        watchdog.add(watch)
        try:
            yield
        finally:
            watchdog.remove(watch)
            self.left -= clock() - started
