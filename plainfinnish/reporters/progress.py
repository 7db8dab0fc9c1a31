"""A progress bar on standard error for long runs on a terminal; silent everywhere else (pipes,
CI logs, editors), so reports on standard output stay clean."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: Fewer files than this finish before a bar would be worth reading.
MIN_FILES = 10


@contextmanager
def progress(total: int, language: str = "fi") -> Iterator[Callable[[], None]]:
    """Yields `step()`, to call once per file done."""
    if total < MIN_FILES or not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    label = "checking" if language == "en" else "tarkistetaan"
    columns = (TextColumn(f"plainfinnish: {label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
