"""Reporters render results; one module per output format, each with `render(results, stream, options)`."""

from __future__ import annotations

import importlib
from typing import Any, TextIO

#: format name -> module
REPORTERS: dict[str, str] = {
    "text": "plainfinnish.reporters.text",
    "json": "plainfinnish.reporters.json",
    "sarif": "plainfinnish.reporters.sarif",
    "github": "plainfinnish.reporters.github",
}


def available() -> list[str]:
    out = []
    for name, module in REPORTERS.items():
        try:
            importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        out.append(name)
    return out


def render(fmt: str, results: list, stream: TextIO, options: dict[str, Any]) -> None:
    importlib.import_module(REPORTERS[fmt]).render(results, stream, options)
