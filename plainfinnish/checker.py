"""`plainfinnish check`: collect files, lint each (from the cache, in-process or in a process
pool), apply fixes when asked, report, and decide the exit status.

Exit status: 0 no findings at or above --fail-on, 1 findings (with --diff: a fix to apply),
2 usage, configuration or input errors. Every error names its file; the other files are still
checked.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plainfinnish.config import Config, ConfigFinder
from plainfinnish.document import SourceText, read_limited
from plainfinnish.engine import FileResult, lint_source, resolve_format
from plainfinnish.errors import ConfigError, InputError, PlainfinnishError
from plainfinnish.rules.base import Finding, severity_rank

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

#: Bytes of text below which the default stays in one process: forking workers and sending the
#: findings back costs more than the second core saves (about 0.1 s).
PARALLEL_MIN_BYTES = 48_000


@dataclass
class CheckOptions:
    output_format: str = "text"
    fail_on: str | None = None
    profile: str | None = None
    config_path: Path | None = None
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    language: str | None = None
    stdin_filename: str | None = None
    format_in: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    use_cache: bool = True
    cache_dir: Path | None = None
    jobs: int | None = None
    quiet: bool = False
    color: str = "auto"  # text output: auto, always, never
    respect_gitignore: bool = True  # walking folders skips what git ignores
    fix_only: bool = False  # apply safe fixes, report nothing (the check reports what is left)


@dataclass
class _Item:
    """One file on its way through the run."""

    display: str
    path: Path | None  # None for standard input
    config: Config | None = None
    fmt: str = "text"
    data: bytes = b""
    state: Any = None  # fix.FileState when read from disk
    source: SourceText | None = None
    key: str | None = None
    result: FileResult | None = None
    fixed: bytes | None = None  # standard input's fixed text, for --fix


def overrides(config: Config, options: CheckOptions) -> Config:
    """Command-line options win over the configuration file for this run."""
    from plainfinnish.config import _check_rule_id

    for rule_id in (options.select or []) + options.ignore:
        _check_rule_id(rule_id, "command line", "--select/--ignore")
    return replace(
        config,
        profile=options.profile or config.profile,
        language=options.language or config.language,
        fail_on=options.fail_on or config.fail_on,
        select=options.select if options.select is not None else config.select,
        ignore=config.ignore + options.ignore,
    )


def say(message: str) -> None:
    print(f"plainfinnish: {message}", file=sys.stderr)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run_check(paths: list[Path], options: CheckOptions) -> int:
    from plainfinnish.cache import Cache, default_dir
    from plainfinnish.cli import collect_files
    from plainfinnish.fix import FileState

    errors: list[str] = []
    try:
        finder = ConfigFinder(options.config_path)
    except ConfigError as err:
        say(str(err))
        return EXIT_ERROR

    cache = Cache(None if not options.use_cache else (options.cache_dir or default_dir()))
    file_paths = [p for p in paths if str(p) != "-"]
    targets = collect_files(file_paths, finder, errors, options.respect_gitignore) if file_paths else []
    fail_on = options.fail_on or "warning"
    items: list[_Item] = []

    def failed(item: _Item, err: PlainfinnishError | str) -> None:
        message = err if isinstance(err, str) else str(err)
        errors.append(message)
        item.result = FileResult(path=item.display, error=err if isinstance(err, str) else err.problem)

    if any(str(p) == "-" for p in paths):
        item = _Item(display=options.stdin_filename or "-", path=None)
        items.append(item)
        try:
            item.config = overrides(finder.for_path(Path(item.display) if options.stdin_filename else Path.cwd() / "stdin"), options)
            fail_on = options.fail_on or item.config.fail_on
            item.data = read_limited(sys.stdin.buffer, item.config.max_file_size, item.display)
            item.source = SourceText.from_bytes(item.display, item.data)
            item.fmt, _ = resolve_format(item.display, item.config, options.format_in)
        except PlainfinnishError as err:
            failed(item, err)

    for path, explicit in targets:
        item = _Item(display=str(path), path=path)
        items.append(item)
        try:
            item.config = overrides(finder.for_path(path), options)
            fail_on = options.fail_on or item.config.fail_on
            item.fmt, known = resolve_format(item.display, item.config, options.format_in)
            if explicit and not known:
                say(f"note: {item.display}: unknown file type; read as plain text")
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
                raise InputError(item.display, "not a regular file (a pipe, socket or device); not checked")
            if st.st_size > item.config.max_file_size:
                raise InputError(item.display, f"file is {st.st_size:,} bytes, over the limit of {item.config.max_file_size:,} (max-file-size); not checked")
            try:
                item.data = path.read_bytes()
            except OSError:
                SourceText.read(path, item.display)  # raises the error that names the problem
                raise
            item.source = SourceText.from_bytes(item.display, item.data)
            item.state = FileState.of(st, item.data)
        except PlainfinnishError as err:
            failed(item, err)
        except OSError as err:
            failed(item, f"{item.display}: cannot read: {err.strerror or err}")

    # Cache look-ups: a hit needs no analysis at all.
    from plainfinnish.cache import content_hash

    todo: list[_Item] = []
    for item in items:
        if item.result is not None:
            continue
        assert item.config is not None and item.source is not None
        if cache.enabled:
            item.key = cache.key(content_hash(item.data), item.display, item.fmt, item.config)
            hit = cache.get(item.key)
            if hit is not None:
                findings, stats = hit
                for f in findings:
                    f.path = item.display
                item.result = FileResult(path=item.display, findings=findings, stats=stats, source=item.source)
                continue
        todo.append(item)

    _lint_all(todo, options.jobs, errors, options.language or "fi")
    for problem in _unmatchable_entries(todo):  # the analysis loaded Voikko already
        say(f"warning: {problem}")
    for item in todo:
        if item.key and item.result is not None and item.result.error is None:
            cache.put(item.key, item.result.findings, item.result.stats)

    changed = 0
    if options.fix or options.diff:
        changed = _fix(items, options, cache, errors)

    for message in errors:
        say(message)

    report_stream = sys.stdout
    if options.fix and not options.diff:
        for item in items:
            if item.path is None and item.result is not None and item.result.error is None:
                # Like ruff: the fixed text on standard output, the report on standard error.
                sys.stdout.buffer.write(item.fixed if item.fixed is not None else item.data)
                sys.stdout.flush()
                report_stream = sys.stderr
    if options.fix_only:
        return EXIT_ERROR if errors else EXIT_OK

    if options.diff:
        sys.stdout.flush()
        return EXIT_ERROR if errors else (EXIT_FINDINGS if changed else EXIT_OK)

    from plainfinnish import reporters

    results = [item.result for item in items if item.result is not None]
    language = options.language or "fi"
    reporters.render(options.output_format, results, report_stream,
                     {"language": language, "summary": not options.quiet, "color": options.color})
    report_stream.flush()

    if errors:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    if any(severity_rank(f.severity) >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK


_Outcome = tuple[list[Finding], dict[str, Any], "tuple[str, str] | None"]


def plan_workers(items: list[_Item], jobs: int | None) -> int:
    """How many processes to lint these files in. `--jobs N` is taken as asked. By default, the
    faster of serial and parallel for this run: parallel only for enough text to pay for the
    workers, and only on cores that are free now (the load average counts other processes'
    runnable threads: on a 2-core machine with another busy process, a second worker only
    shares a core)."""
    if len(items) < 2:
        return 1
    if jobs is not None:
        return max(1, min(jobs, len(items)))
    if sum(len(item.data) for item in items) < PARALLEL_MIN_BYTES:
        return 1
    return max(1, min(default_jobs() - int(busy_cores() + 0.5), len(items)))


def busy_cores(looks: int = 3, interval: float = 0.01) -> float:
    """How many cores other work keeps busy right now: the running count in Linux's /proc/loadavg
    (which counts this process too), the median of a few looks 10 ms apart. Elsewhere the
    1-minute load average, which is a poorer guide: it remembers the last minute, this tool's own
    previous run included, and would keep a run serial right after a parallel one."""
    import statistics
    import time

    try:
        counts = []
        for k in range(looks):
            with open("/proc/loadavg", encoding="ascii") as f:
                counts.append(int(f.read().split()[3].split("/")[0]) - 1)
            if k + 1 < looks:
                time.sleep(interval)
        return max(0.0, float(statistics.median(counts)))
    except (OSError, ValueError, IndexError):
        try:
            return os.getloadavg()[0]
        except (AttributeError, OSError):
            return 0.0


def _lint_all(items: list[_Item], jobs: int | None, errors: list[str], language: str = "fi") -> None:
    """Lint the files the cache did not have, in this process or in forked workers that start
    from this process's loaded pipeline and rule data (with a progress bar on a terminal)."""
    from plainfinnish.engine import load_once, settle_after_load
    from plainfinnish.reporters.progress import progress

    for profile in dict.fromkeys(item.config.profile for item in items if item.config is not None):
        try:
            load_once(profile)
        except PlainfinnishError:
            pass  # each file reports the problem as it is checked
    settle_after_load()
    workers = plan_workers(items, jobs)
    results: list[_Outcome | None] = [None] * len(items)
    pool = None
    if workers > 1:
        pool = _start_pool(items, workers, results)
        if pool is None:
            workers = 1
    with progress(len(items), language) as step:
        for i in range(len(items)):
            if results[i] is not None:
                step()  # linted while the pipeline loaded, before the fork
        if pool is not None:
            with pool:
                for future in pool.futures:
                    for i, result in future.result():
                        results[i] = result
                        step()
        else:
            for i, item in enumerate(items):
                if results[i] is None:
                    results[i] = _lint_one(item.display, item.data, item.config, item.fmt, item.source)
                    step()
    for item, result in zip(items, results):
        assert result is not None
        findings, stats, error = result
        if error is not None:
            errors.append(error[0])
            item.result = FileResult(path=item.display, error=error[1])
        else:
            item.result = FileResult(path=item.display, findings=findings, stats=stats, source=item.source)


def _unmatchable_entries(items: list[_Item]) -> list[str]:
    """Entries of the user's own wordlists that can never match, each file looked at once."""
    files = dict.fromkeys(path for item in items if item.config is not None for path in item.config.wordlists)
    if not files:
        return []
    from plainfinnish.wordlists import unmatchable

    problems: list[str] = []
    for path in files:
        try:
            problems += unmatchable([path])
        except PlainfinnishError:
            pass  # a file that does not load at all is reported as the configuration error it is
    return problems


def _lint_one(display: str, data: bytes, config: Config | None, fmt: str,
              source: SourceText | None = None) -> _Outcome:
    """Findings and stats, or the error: (the line to print, the problem for the report)."""
    assert config is not None
    try:
        result = lint_source(source or SourceText.from_bytes(display, data), config, fmt)
    except PlainfinnishError as err:
        return [], {}, (str(err), err.problem)
    return result.findings, result.stats, None


#: The files of a run, for forked workers to read by index (inherited, never pickled).
_FORK_ITEMS: list[_Item] = []


class _Pool:
    def __init__(self, executor: Any, futures: list[Any]) -> None:
        self.executor, self.futures = executor, futures

    def __enter__(self) -> "_Pool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _start_pool(items: list[_Item], workers: int, results: list) -> _Pool | None:
    """Fork the workers after the pipeline and every rule's data are loaded (by linting the
    smallest file here), so they share it instead of each loading its own. Work goes out in
    bins of about equal size, largest first. None where fork is not available."""
    import heapq
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    first = min(range(len(items)), key=lambda i: len(items[i].data))
    item = items[first]
    results[first] = _lint_one(item.display, item.data, item.config, item.fmt, item.source)
    rest = [i for i in range(len(items)) if i != first]
    heap = [(0, b) for b in range(min(len(rest), workers * 4))]
    bins: list[list[int]] = [[] for _ in heap]
    for i in sorted(rest, key=lambda i: -len(items[i].data)):
        total, b = heapq.heappop(heap)
        bins[b].append(i)
        heapq.heappush(heap, (total + len(items[i].data) + 2_000, b))  # + a file's fixed cost
    _FORK_ITEMS[:] = items
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return _Pool(executor, [executor.submit(_lint_bin, b) for b in bins if b])


def _lint_bin(indices: list[int]) -> list[tuple[int, _Outcome]]:
    out = []
    for i in indices:
        item = _FORK_ITEMS[i]
        out.append((i, _lint_one(item.display, item.data, item.config, item.fmt, item.source)))
    return out


def _fix(items: list[_Item], options: CheckOptions, cache: Any, errors: list[str]) -> int:
    """Apply (or, with --diff, show) the fixes; returns how many files changed (or would)."""
    from plainfinnish import fix
    from plainfinnish.cache import content_hash

    unsafe = options.unsafe_fixes
    files = fixed = reverted = skipped = 0
    if options.fix and not options.diff:  # a killed run's temporaries, next to the files it fixed
        for folder in {item.path.parent for item in items if item.path is not None}:
            fix.remove_stale_temporaries(folder)
    for item in items:
        result = item.result
        if result is None or result.error is not None or not fix.has_fixes(result.findings, unsafe):
            continue
        assert item.source is not None and item.config is not None
        config, fmt = item.config, item.fmt
        try:
            if result.read_result is None:  # from the cache or a worker: the fixer needs the messages
                result = lint_source(item.source, config, fmt)
            if fix.encode(item.source, item.source.text) != item.data:
                raise InputError(item.display, "cannot re-encode the file exactly as it was; fixes not written")
            outcome = fix.fix_file(result, unsafe, lambda s, config=config, fmt=fmt: lint_source(s, config, fmt))
            reverted += len(outcome.rejected)
            skipped += len(outcome.skipped)
            if outcome.text is None:
                continue
            files += 1
            if options.diff:
                sys.stdout.write(fix.unified_diff(item.display, item.source.text, outcome.text))
                continue
            data = fix.encode(item.source, outcome.text)
            assert outcome.after is not None
            if item.path is None:  # standard input: the fixed text goes to standard output
                item.fixed, item.result = data, outcome.after
                fixed += len(outcome.applied)
                continue
            fix.write_atomic(item.path, data, item.state, item.display)
            fixed += len(outcome.applied)
            assert outcome.after is not None
            item.result = outcome.after
            if cache.enabled:
                cache.put(cache.key(content_hash(data), item.display, fmt, config), outcome.after.findings,
                          outcome.after.stats)
        except PlainfinnishError as err:
            errors.append(str(err))
    if options.fix and not options.diff and (fixed or reverted or skipped):
        note = f"fixed {fixed} finding(s) in {files} file(s)"
        if reverted:
            note += f"; {reverted} fix(es) not applied: re-checking found the problem still there or a new one"
        if skipped:
            note += f"; {skipped} fix(es) not applied: the text spans markup, a placeholder or another fix"
        say(note)
    return files
