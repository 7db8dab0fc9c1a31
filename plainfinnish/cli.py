"""The command line: check, rules, explain, wordlists, doctor, lsp.

Errors the user can act on are one line on stderr naming the file and the problem; the other
files are still checked. Exit status: 0 no findings at or above --fail-on, 1 findings,
2 usage, configuration or input errors.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from plainfinnish.errors import ConfigError, InputError, PlainfinnishError

app = typer.Typer(
    name="plainfinnish",
    help="Plain-language linter for Finnish customer messages.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
wordlists_app = typer.Typer(help="Inspect and validate the jargon wordlists.", no_args_is_help=True)
app.add_typer(wordlists_app, name="wordlists")

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache", ".ruff_cache"}


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class Profile(str, Enum):
    fast = "fast"
    accurate = "accurate"


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Language(str, Enum):
    fi = "fi"
    en = "en"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        from plainfinnish import __version__

        typer.echo(f"plainfinnish {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Plain-language linter for Finnish customer messages."""


def split_rules(values: list[str] | None) -> list[str] | None:
    """`--select a,b --select c` -> [a, b, c] (comma lists and repeated flags, as ruff takes them)."""
    if values is None:
        return None
    return [name for value in values for name in value.replace(" ", ",").split(",") if name]


def error(message: str) -> None:
    typer.echo(f"plainfinnish: {message}", err=True)


def note(message: str) -> None:
    typer.echo(f"plainfinnish: note: {message}", err=True)


def collect_files(paths: list[Path], finder, errors: list[str], respect_gitignore: bool = True) -> list[tuple[Path, bool]]:
    """Expand paths into files: (path, given explicitly). Directories are walked without
    following symlinks (no loops), skipping VCS and tool folders, excluded globs and (unless
    told not to) what git ignores; a file named explicitly is always checked."""
    from plainfinnish.config import glob_matches
    from plainfinnish.readers import detect_format

    out: list[tuple[Path, bool]] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            os.lstat(path)
        except FileNotFoundError:
            errors.append(f"{path}: no such file or directory")
            continue
        except OSError as err:  # a name too long, a folder we may not enter: an error for this path only
            errors.append(f"{path}: cannot read: {err.strerror or err}")
            continue
        if not path.exists() and not path.is_symlink():
            errors.append(f"{path}: no such file or directory")
            continue
        if path.is_file():
            out.append((path, True))
            continue
        if not path.is_dir():
            errors.append(f"{path}: not a regular file or directory")
            continue
        before = len(out)
        broken = False  # a configuration error was reported: "no files" would mislead
        for root, dirs, files in os.walk(path, followlinks=False, onerror=lambda e: errors.append(f"{e.filename}: {e.strerror}")):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                file = Path(root) / name
                if file.is_symlink() and not file.exists():
                    continue
                try:
                    config = finder.for_path(file)
                except ConfigError as err:
                    errors.append(str(err))
                    broken = True
                    dirs[:] = []
                    break
                try:
                    rel = file.resolve().relative_to(config.root.resolve()).as_posix()
                except ValueError:
                    rel = file.as_posix()
                if glob_matches(rel, config.exclude) or not glob_matches(rel, config.include):
                    continue
                known = detect_format(name) is not None or glob_matches(rel, list(config.formats))
                if not known:
                    continue
                real = file.resolve()
                if real not in seen:
                    seen.add(real)
                    out.append((file, False))
        if respect_gitignore and len(out) > before:
            ignored = gitignored(path, [file for file, _ in out[before:]])
            out[before:] = [(file, explicit) for file, explicit in out[before:] if file not in ignored]
        if len(out) == before and not broken:
            errors.append(f"{path}: no files to check (looked for {', '.join(sorted(_extensions()))})")
    return out


def gitignored(folder: Path, files: list[Path]) -> set[Path]:
    """The files git ignores (.gitignore, .git/info/exclude, the global excludes file), asked of
    git itself in one call; nothing outside a git work tree or without git."""
    import subprocess

    try:
        proc = subprocess.run(["git", "check-ignore", "--stdin", "-z"], cwd=folder, capture_output=True, timeout=60,
                              input=b"\0".join(os.fsencode(file.resolve()) for file in files) + b"\0")
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if proc.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    ignored = {os.fsdecode(name) for name in proc.stdout.split(b"\0") if name}
    return {file for file in files if str(file.resolve()) in ignored}


def _extensions() -> set[str]:
    from plainfinnish.readers import known_extensions

    return known_extensions()


@app.command()
def check(
    # readable=False: an unreadable file is an error for that file, not a usage error for the run.
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to check; - reads standard input.", readable=False)],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.text,
    fail_on: Annotated[Optional[Severity], typer.Option(help="Exit 1 on findings of this severity or higher [default: warning].")] = None,
    profile: Annotated[Optional[Profile], typer.Option(help="Analysis profile [default: from config, else fast].")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file instead of discovery.")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Run only these rules: a,b or repeated.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Do not run these rules: a,b or repeated.")] = None,
    language: Annotated[Optional[Language], typer.Option(
        help="Language of the output: findings, suggestions' reasons and summary (the checked text is Finnish).")] = None,
    stdin_filename: Annotated[Optional[str], typer.Option(help="Name for standard input (selects format and config).")] = None,
    format_in: Annotated[Optional[str], typer.Option("--format-in", help="Input format for standard input or all files (text, markdown, html, …).")] = None,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes in place (standard input: print the fixed text).")] = False,
    fix_only: Annotated[bool, typer.Option("--fix-only", help="Apply safe fixes; report nothing else (a fix step before a check).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, also apply fixes that need review.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not read or write the result cache.")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option(help="Cache folder [default: the platform cache folder].")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Parallel processes [default: cores].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text output: no summary line.")] = False,
    color: Annotated[Color, typer.Option(help="Colour in text output: auto (on a terminal, unless NO_COLOR is set), always, never.")] = Color.auto,
    respect_gitignore: Annotated[bool, typer.Option("--respect-gitignore/--no-respect-gitignore", help="Skip files git ignores when walking folders.")] = True,
    show_settings: Annotated[bool, typer.Option("--show-settings", help="Print the resolved configuration of each path and the files it was merged from; check nothing.")] = False,
) -> None:
    """Check files for jargon, long sentences, missing next steps and pushy wording."""
    from plainfinnish.checker import CheckOptions, run_check

    options = CheckOptions(
        output_format=output_format.value,
        fail_on=fail_on.value if fail_on else None,
        profile=profile.value if profile else None,
        config_path=config,
        select=split_rules(select) or None,
        ignore=split_rules(ignore) or [],
        language=language.value if language else None,
        stdin_filename=stdin_filename,
        format_in=format_in,
        fix=fix or fix_only,
        fix_only=fix_only,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        use_cache=not no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        quiet=quiet,
        color=color.value,
        respect_gitignore=respect_gitignore,
    )
    if show_settings:
        raise typer.Exit(_show_settings(paths, options))
    if unsafe_fixes and not (fix or fix_only or diff):
        error("warning: --unsafe-fixes does nothing without --fix or --diff")
    if stdin_filename and not any(str(p) == "-" for p in paths):
        error("warning: --stdin-filename does nothing without - (standard input) among the paths")
    if quiet and output_format != OutputFormat.text:
        error(f"warning: --quiet does nothing with --format {output_format.value}")
    raise typer.Exit(run_check(paths, options))


def _show_settings(paths: list[Path], options) -> int:
    """`check --show-settings`: what `check` would use for each path, as TOML-like lines."""
    import json

    from plainfinnish.checker import overrides
    from plainfinnish.config import ConfigFinder

    try:
        finder = ConfigFinder(options.config_path)
        for path in paths:
            target = Path(options.stdin_filename or "stdin") if str(path) == "-" else path
            config = overrides(finder.for_path(target if target.is_absolute() else Path.cwd() / target), options)
            merged = ", ".join(str(source) for source in config.sources) or "none (the defaults)"
            lines = [f"# {target}", f"# configuration files, merged in this order: {merged}",
                     f"profile = {json.dumps(config.profile)}", f"language = {json.dumps(config.language)}",
                     f"fail-on = {json.dumps(config.fail_on)}", f"include = {json.dumps(config.include)}",
                     f"exclude = {json.dumps(config.exclude)}",
                     f"wordlists = {json.dumps([str(w) for w in config.wordlists], ensure_ascii=False)}",
                     f"select = {json.dumps(config.select)}" if config.select is not None else "# select: the default rules",
                     f"ignore = {json.dumps(config.ignore)}", f"max-file-size = {config.max_file_size}"]
            for name, value in (("formats", config.formats), ("readers", config.readers)):
                if value:
                    lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
            for rule_id, settings in config.rules.items():
                lines.append(f"[rules.{rule_id}]")
                lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()]
            typer.echo("\n".join(lines) + "\n")
    except ConfigError as err:
        error(str(err))
        return 2
    return 0


@app.command()
def rules(
    language: Annotated[Language, typer.Option(help="Language of the table.")] = Language.fi,
) -> None:
    """List the rules: id, default severity, name."""
    from rich.console import Console
    from rich.table import Table

    from plainfinnish.rules import available

    en = language == Language.en
    table = Table("id", "severity" if en else "vakavuus", "default" if en else "oletus", "name" if en else "nimi",
                  "scope" if en else "laajuus", box=None)
    for rule_id, rule in available().items():
        name = rule.name_en if en else rule.name_fi
        scope = {"sentence": ("virke/sana", "sentence/word"), "document": ("viesti", "message")}[rule.scope]
        default = ("on" if en else "päällä") if rule.enabled_by_default else ("opt-in" if en else "valinnainen")
        table.add_row(rule_id, rule.default_severity, default, name, scope[1] if en else scope[0])
    Console(highlight=False).print(table)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="Rule id, e.g. jargon.")],
    language: Annotated[Language, typer.Option(help="Language of the page.")] = Language.fi,
) -> None:
    """Show a rule's page: what it does, why, example, use instead, fix safety, options."""
    from rich.console import Console
    from rich.markdown import Markdown

    from plainfinnish.rules import available
    from plainfinnish.rules.pages import shipped_page

    rules_by_id = available()
    if rule not in rules_by_id:
        error(f"unknown rule '{rule}' (known rules: {', '.join(rules_by_id)})")
        raise typer.Exit(2)
    text = shipped_page(rules_by_id[rule], language.value)
    console = Console(highlight=False)
    if console.is_terminal:
        console.print(Markdown(text))
    else:
        typer.echo(text)


@app.command()
def doctor() -> None:
    """Show the Voikko backend, the spaCy model and the versions in use."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    from plainfinnish import __version__
    from plainfinnish.nlp import pipeline, voikko

    def ver(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "not installed"

    lines = [f"plainfinnish {__version__}", f"python {platform.python_version()} ({sys.executable})"]
    try:
        backend = voikko.backend()
        sample = voikko.analyze("reklamaatiolomakkeella")
        ok = "ok" if sample and sample[0].baseform == "reklamaatiolomake" else "FAILED self-test"
        lines.append(f"voikko backend: {backend.name} ({backend.version}); self-test {ok}")
    except PlainfinnishError as err:
        lines.append(f"voikko backend: unavailable: {err}")
    lines.append(f"native libvoikko: {'available' if voikko.native_available() else 'not available'}")
    lines.append(f"spacy {ver('spacy')}; model {pipeline.MODEL_DISTRIBUTION} {pipeline.model_version() or 'not installed'}")
    lines.append(f"profiles: fast (blank fi + Voikko), accurate ({pipeline.MODEL_DISTRIBUTION}); default {_default_profile()}")
    typer.echo("\n".join(lines))


def _default_profile() -> str:
    from plainfinnish.config import DEFAULT_PROFILE

    return DEFAULT_PROFILE


@app.command()
def lsp() -> None:
    """Start the language server on standard input/output."""
    try:
        from plainfinnish.lsp.server import main as serve
    except ModuleNotFoundError:
        error("the language server is not available in this installation")
        raise typer.Exit(2) from None
    serve()


@wordlists_app.command("check")
def wordlists_check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Wordlist files [default: the shipped ones].")] = None,
) -> None:
    """Validate wordlist entries: known to Voikko, alternatives inflect, no duplicates."""
    try:
        from plainfinnish.wordlists import validate_cli
    except ModuleNotFoundError:
        error("wordlists are not available in this installation")
        raise typer.Exit(2) from None
    from plainfinnish.nlp.specialist import check_cli

    # the shipped lists come with the specialist-term model fitted beside them
    raise typer.Exit(max(validate_cli(paths or []), 0 if paths else check_cli()))


def main() -> None:
    # Start-up (spaCy, the pipeline, the rules' data) makes only objects that live to the end: no
    # cyclic collection until engine.settle_after_load freezes them and turns it back on (about
    # 0.07 s of a cold start). A command that loads no pipeline is short and collects nothing.
    gc.disable()
    try:
        app(prog_name="plainfinnish")  # also under `python -m plainfinnish`: help and completion name the command
    except (InputError, ConfigError) as err:
        error(str(err))
        sys.exit(2)
    except KeyboardInterrupt:
        error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(1)


if __name__ == "__main__":
    main()
