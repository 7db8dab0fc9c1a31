"""Readers turn a source file into messages; one module per format.

The table below is the registry: a format name, the module that reads it, and the file
extensions that select it. Config (`formats` globs) and `--format-in` can override detection.
"""

from __future__ import annotations

import importlib
from pathlib import PurePath

from plainfinnish.document import ReadResult, SourceText

#: format name -> (module, extensions)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("plainfinnish.readers.text", (".txt", ".text")),
    "markdown": ("plainfinnish.readers.markdown", (".md", ".markdown")),
    # HTML with template syntax; `.html.erb` etc. are HTML, plain-text templates (`.txt.j2`) are text.
    "html": ("plainfinnish.readers.html", (".html", ".htm", ".xhtml", ".jinja", ".jinja2", ".j2", ".liquid",
                                            ".hbs", ".handlebars", ".mustache", ".erb", ".njk", ".twig")),
    "po": ("plainfinnish.readers.po", (".po", ".pot")),
    "json": ("plainfinnish.readers.json_locale", (".json", ".arb")),
    "yaml": ("plainfinnish.readers.yaml_locale", (".yml", ".yaml")),
    "fluent": ("plainfinnish.readers.fluent", (".ftl",)),
}

#: A template extension after a plain-text one (`mail.txt.j2`) keeps the file plain text.
_TEXT_BEFORE_TEMPLATE = (".txt", ".text")
_TEMPLATE_EXTENSIONS = (".jinja", ".jinja2", ".j2", ".liquid", ".hbs", ".handlebars", ".mustache", ".erb", ".njk", ".twig")

#: The extensions `check` picks up when it walks a directory.
def known_extensions() -> set[str]:
    return {ext for _, exts in FORMATS.values() for ext in exts}


def detect_format(path: str) -> str | None:
    """The format for a file name by its extension, or None when unknown."""
    name = PurePath(path).name.lower()
    for template in _TEMPLATE_EXTENSIONS:
        if name.endswith(template):
            stem = name[: -len(template)]
            if stem.endswith(_TEXT_BEFORE_TEMPLATE):
                return "text"
            if stem.endswith(".md") or stem.endswith(".markdown"):
                return "markdown"
    for fmt, (_, extensions) in FORMATS.items():
        if any(name.endswith(ext) for ext in extensions):
            return fmt
    return None


#: The options each reader takes (`[tool.plainfinnish.readers.<format>]`): name -> allowed values.
READER_OPTIONS: dict[str, dict[str, tuple[type, tuple]]] = {
    "json": {"group": (str, ("parent", "none"))},
    "yaml": {"group": (str, ("parent", "none"))},
    "fluent": {"group": (str, ("parent", "none"))},
    "po": {"include-fuzzy": (bool, (True, False))},
}


def check_reader_options(table: dict, where: str, prefix: str = "") -> None:
    """Validate `readers` from a configuration file; a ConfigError names the file and the key."""
    from plainfinnish.errors import ConfigError

    for fmt, options in table.items():
        key = f"{prefix}readers.{fmt}"
        if fmt not in FORMATS:
            raise ConfigError(where, f"unknown reader '{key}' (known formats: {', '.join(FORMATS)})")
        if not isinstance(options, dict):
            raise ConfigError(where, f"'{key}' must be a table of options, not {options!r}")
        known = READER_OPTIONS.get(fmt, {})
        for name, value in options.items():
            if name not in known:
                raise ConfigError(where, f"unknown option '{key}.{name}' (options of {fmt}: {', '.join(known) or 'none'})")
            kind, allowed = known[name]
            if not isinstance(value, kind) or value not in allowed:
                raise ConfigError(where, f"'{key}.{name}' must be one of {', '.join(map(repr, allowed))}, not {value!r}")


def read(source: SourceText, fmt: str, options: dict | None = None) -> ReadResult:
    module_name, _ = FORMATS[fmt]
    module = importlib.import_module(module_name)
    return module.read(source, options or {})
