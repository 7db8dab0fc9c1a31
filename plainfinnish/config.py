"""Configuration: `[tool.plainfinnish]` in pyproject.toml or a `.plainfinnish.toml`.

Found by walking up from each checked file (the nearest file wins); `--config PATH` overrides.
Every key is validated: an unknown key or a wrong type is an error naming the file, the key and
what was expected.

    [tool.plainfinnish]
    profile = "fast"            # or "accurate"
    language = "fi"             # language of the messages: fi or en
    include = ["**/*.md"]       # globs, relative to the config file
    exclude = ["drafts/**"]
    wordlists = ["terms/our-words.toml"]
    fail-on = "warning"

    [tool.plainfinnish.rules.long-sentence]
    max-words = 30
    severity = "info"
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plainfinnish.document import read_regular
from plainfinnish.errors import ConfigError
from plainfinnish.rules.base import SEVERITIES

DEFAULT_PROFILE = "fast"
CONFIG_FILES = (".plainfinnish.toml", "pyproject.toml")

#: Top-level keys: name -> (expected type description, validator)
_LIST_OF_STR = "a list of strings"


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_str_table(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


SCHEMA: dict[str, tuple[str, Any]] = {
    "profile": ('"fast" or "accurate"', lambda v: v in ("fast", "accurate")),
    "language": ('"fi" or "en"', lambda v: v in ("fi", "en")),
    "include": (_LIST_OF_STR, _is_str_list),
    "exclude": (_LIST_OF_STR, _is_str_list),
    "extend-exclude": (_LIST_OF_STR, _is_str_list),
    "wordlists": (_LIST_OF_STR, _is_str_list),
    "fail-on": ('"error", "warning" or "info"', lambda v: v in SEVERITIES),
    "select": (_LIST_OF_STR, _is_str_list),
    "ignore": (_LIST_OF_STR, _is_str_list),
    "formats": ("a table of glob = format name", _is_str_table),
    "max-file-size": ("a positive number of bytes", _is_int),
    "rules": ("a table of rule tables", lambda v: isinstance(v, dict)),
    "readers": ("a table of reader options", lambda v: isinstance(v, dict)),
    "extend": ("the path of a configuration file to build on", lambda v: isinstance(v, str) and v.strip() != ""),
}

DEFAULT_INCLUDE = ["**/*"]
DEFAULT_EXCLUDE = [".git/**", "node_modules/**", ".venv/**", "venv/**", "**/__pycache__/**", ".tox/**", "dist/**", "build/**"]


@dataclass
class Config:
    """The resolved configuration for one file (or one run)."""

    path: Path | None = None  # the file it was read from, None for defaults
    profile: str = DEFAULT_PROFILE
    language: str = "fi"
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    wordlists: list[Path] = field(default_factory=list)
    fail_on: str = "warning"
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)
    max_file_size: int = 5_000_000
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    readers: dict[str, Any] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)  # the files merged into this one, base first (`extend`)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def rule_enabled(self, rule_id: str) -> bool:
        from plainfinnish.rules import available

        settings = self.rules.get(rule_id, {})
        if rule_id in self.ignore:
            return False
        if self.select is not None:
            return rule_id in self.select or "ALL" in self.select
        enabled = settings.get("enabled")
        if enabled is not None:
            return bool(enabled)
        rule = available().get(rule_id)
        return rule is not None and getattr(rule, "enabled_by_default", True)

    def rule_severity(self, rule_id: str) -> str:
        from plainfinnish.rules import available

        return self.rules.get(rule_id, {}).get("severity") or available()[rule_id].default_severity

    def rule_options(self, rule_id: str) -> dict[str, Any]:
        from plainfinnish.rules import available

        rule = available()[rule_id]
        given = self.rules.get(rule_id, {})
        return {name: given.get(name, option.default) for name, option in rule.options.items()}

    def fingerprint(self) -> str:
        """A stable description of everything that changes results (for the cache)."""
        import json

        return json.dumps(
            {
                "profile": self.profile, "language": self.language, "select": self.select, "ignore": self.ignore,
                "rules": self.rules, "readers": self.readers, "formats": self.formats,
                "wordlists": [str(p) for p in self.wordlists],
            },
            sort_keys=True, default=str,
        )


def load_file(path: Path, _chain: tuple[Path, ...] = ()) -> Config:
    """Read and validate one configuration file, and the file it `extend`s (as ruff does: the
    base's settings, overridden key by key by this file's)."""
    try:
        raw = tomllib.loads(read_regular(path).decode("utf-8"))  # never /dev/zero or a FIFO
    except FileNotFoundError:
        raise ConfigError(str(path), "configuration file not found") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), f"invalid TOML: {err}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(str(path), f"cannot read configuration: {getattr(err, 'strerror', None) or err}") from None
    if path.name == "pyproject.toml":
        tool = raw.get("tool", {})
        table = tool.get("plainfinnish", {}) if isinstance(tool, dict) else None
        if not isinstance(table, dict):
            raise ConfigError(str(path), "'tool' and 'tool.plainfinnish' must be tables")
        prefix = "tool.plainfinnish."
    else:
        table = raw
        prefix = ""
    config = from_table(table, path, prefix)
    if "extend" not in table:
        return config
    base_path = (path.parent / Path(table["extend"]).expanduser()).resolve()
    if base_path in _chain or base_path == path.resolve():
        raise ConfigError(str(path), f"'{prefix}extend': {table['extend']} extends this file again (a loop)")
    base = load_file(base_path, (*_chain, path.resolve()))
    return _merge(base, config, table)


#: Table key -> Config attribute, for keys whose value simply replaces the base's.
_REPLACED = {"profile": "profile", "language": "language", "include": "include", "wordlists": "wordlists",
             "fail-on": "fail_on", "select": "select", "ignore": "ignore", "max-file-size": "max_file_size"}


def _merge(base: Config, own: Config, table: dict[str, Any]) -> Config:
    from dataclasses import replace

    merged = replace(base, path=own.path, sources=[*base.sources, *own.sources])
    for key, attribute in _REPLACED.items():
        if key in table:
            setattr(merged, attribute, getattr(own, attribute))
    if "exclude" in table:
        merged.exclude = own.exclude
    elif "extend-exclude" in table:
        merged.exclude = base.exclude + table["extend-exclude"]
    merged.formats = {**base.formats, **own.formats}
    merged.readers = {**base.readers, **own.readers}
    merged.rules = {rule: {**base.rules.get(rule, {}), **own.rules.get(rule, {})}
                    for rule in [*base.rules, *(r for r in own.rules if r not in base.rules)]}
    return merged


def from_table(table: dict[str, Any], path: Path | None, prefix: str = "") -> Config:
    where = str(path) if path else "configuration"
    config = Config(path=path, sources=[path] if path else [])
    for key, value in table.items():
        if key not in SCHEMA:
            known = ", ".join(sorted(SCHEMA))
            raise ConfigError(where, f"unknown key '{prefix}{key}' (known keys: {known})")
        expected, valid = SCHEMA[key]
        if not valid(value):
            raise ConfigError(where, f"'{prefix}{key}' must be {expected}, not {value!r}")
    root = path.parent if path else Path.cwd()
    config.profile = table.get("profile", config.profile)
    config.language = table.get("language", config.language)
    config.include = table.get("include", config.include)
    config.exclude = table.get("exclude", []) + table.get("extend-exclude", [])
    config.wordlists = [(root / p) for p in table.get("wordlists", [])]
    config.fail_on = table.get("fail-on", config.fail_on)
    config.select = table.get("select")
    config.ignore = table.get("ignore", [])
    config.formats = table.get("formats", {})
    config.max_file_size = table.get("max-file-size", config.max_file_size)
    config.readers = table.get("readers", {})
    from plainfinnish.readers import check_reader_options

    check_reader_options(config.readers, where, prefix)
    config.rules = validate_rules(table.get("rules", {}), where, prefix)
    for rule_id in config.select or []:
        _check_rule_id(rule_id, where, f"{prefix}select")
    for rule_id in config.ignore:
        _check_rule_id(rule_id, where, f"{prefix}ignore", allow_all=False)
    return config


def _check_rule_id(rule_id: str, where: str, key: str, allow_all: bool = True) -> None:
    from plainfinnish.rules import available

    if rule_id == "ALL" and not allow_all:  # ignoring every rule checks nothing: surely a mistake
        raise ConfigError(where, f"'{key}': \"ALL\" may be selected, not ignored (list the rules to ignore)")
    if rule_id != "ALL" and rule_id not in available():
        raise ConfigError(where, f"'{key}': unknown rule '{rule_id}' (known rules: {', '.join(available())})")


def validate_rules(rules: dict[str, Any], where: str, prefix: str = "") -> dict[str, dict[str, Any]]:
    from plainfinnish.rules import available

    out: dict[str, dict[str, Any]] = {}
    for rule_id, settings in rules.items():
        key = f"{prefix}rules.{rule_id}"
        rule = available().get(rule_id)
        if rule is None:
            raise ConfigError(where, f"unknown rule '{key}' (known rules: {', '.join(available())})")
        if not isinstance(settings, dict):
            raise ConfigError(where, f"'{key}' must be a table, not {settings!r}")
        for name, value in settings.items():
            if name == "enabled":
                if not isinstance(value, bool):
                    raise ConfigError(where, f"'{key}.enabled' must be true or false, not {value!r}")
            elif name == "severity":
                if value not in SEVERITIES:
                    raise ConfigError(where, f"'{key}.severity' must be \"error\", \"warning\" or \"info\", not {value!r}")
            elif isinstance(value, float) and not math.isfinite(value):  # TOML allows nan and inf
                raise ConfigError(where, f"'{key}.{name}' must be a finite number, not {value!r}")
            elif name in rule.options:
                problem = rule.options[name].validate(value)
                if problem:
                    raise ConfigError(where, f"'{key}.{name}' must be {problem}, not {value!r}")
            else:
                known = ", ".join(["enabled", "severity", *rule.options])
                raise ConfigError(where, f"unknown option '{key}.{name}' (options of {rule_id}: {known})")
        out[rule_id] = dict(settings)
    return out


class ConfigFinder:
    """Finds the configuration of each file by walking up from its folder (cached per folder)."""

    def __init__(self, explicit: Path | None = None) -> None:
        self._explicit = load_file(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self._explicit is not None:
            return self._explicit
        directory = path.resolve().parent if not path.is_dir() else path.resolve()
        return self._for_dir(directory)

    def _for_dir(self, directory: Path) -> Config:
        if directory in self._by_dir:
            return self._by_dir[directory]
        config: Config | None = None
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                config = load_file(candidate)
                break
        if config is None:
            config = Config() if directory.parent == directory else self._for_dir(directory.parent)
        self._by_dir[directory] = config
        return config


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(read_regular(pyproject).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(str(pyproject), f"invalid TOML: {err}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):  # PEP 518: `tool` is a table; we cannot tell what was meant
        raise ConfigError(str(pyproject), "'tool' must be a table (with [tool.plainfinnish] for plainfinnish)")
    return "plainfinnish" in tool


def glob_matches(relative_path: str, patterns: list[str]) -> bool:
    """Gitignore-like glob matching: `**/` matches zero or more folders, and a pattern without a
    slash matches the file name in any folder."""
    from fnmatch import fnmatchcase

    name = relative_path.rsplit("/", 1)[-1]
    for pattern in patterns:
        if fnmatchcase(relative_path, pattern):
            return True
        if pattern.startswith("**/") and fnmatchcase(relative_path, pattern[3:]):
            return True
        if "/" not in pattern and fnmatchcase(name, pattern):
            return True
        if pattern.endswith("/**") and (relative_path + "/").startswith(pattern[:-2]):
            return True
    return False
