"""`plainfinnish check`: collect files, lint each, report, and decide the exit status."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from plainfinnish.config import Config, ConfigFinder
from plainfinnish.document import SourceText
from plainfinnish.engine import FileResult, lint_source, resolve_format
from plainfinnish.errors import ConfigError, InputError, PlainfinnishError
from plainfinnish.rules.base import severity_rank

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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


def run_check(paths: list[Path], options: CheckOptions) -> int:
    from plainfinnish.cli import collect_files

    errors: list[str] = []
    try:
        finder = ConfigFinder(options.config_path)
    except ConfigError as err:
        say(str(err))
        return EXIT_ERROR

    results: list[FileResult] = []
    file_paths = [p for p in paths if str(p) != "-"]
    targets = collect_files(file_paths, finder, errors) if file_paths else []
    fail_on = options.fail_on or "warning"

    if any(str(p) == "-" for p in paths):
        name = options.stdin_filename or "-"
        try:
            config = overrides(finder.for_path(Path(name) if options.stdin_filename else Path.cwd() / "stdin"), options)
            fail_on = options.fail_on or config.fail_on
            source = SourceText.from_bytes(name, sys.stdin.buffer.read())
            fmt, _ = resolve_format(name, config, options.format_in)
            results.append(lint_source(source, config, fmt))
        except PlainfinnishError as err:
            errors.append(str(err))
            results.append(FileResult(path=name, error=err.problem))

    for path, explicit in targets:
        display = str(path)
        try:
            config = overrides(finder.for_path(path), options)
            fail_on = options.fail_on or config.fail_on
            fmt, known = resolve_format(display, config, options.format_in)
            if explicit and not known:
                say(f"note: {display}: unknown file type; read as plain text")
            size = path.stat().st_size
            if size > config.max_file_size:
                raise InputError(display, f"file is {size:,} bytes, over the limit of {config.max_file_size:,} (max-file-size); not checked")
            source = SourceText.read(path, display)
            results.append(lint_source(source, config, fmt))
        except PlainfinnishError as err:
            errors.append(str(err))
            results.append(FileResult(path=display, error=err.problem))
        except OSError as err:
            message = f"{display}: cannot read: {err.strerror or err}"
            errors.append(message)
            results.append(FileResult(path=display, error=message))

    for message in errors:
        say(message)

    from plainfinnish import reporters

    language = options.language or "fi"
    reporters.render(options.output_format, results, sys.stdout,
                     {"language": language, "summary": not options.quiet})
    sys.stdout.flush()

    if errors:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    if any(severity_rank(f.severity) >= threshold for r in results for f in r.findings):
        return EXIT_FINDINGS
    return EXIT_OK
