"""The rules' shipped data files (plainfinnish/data/*.toml): word lists, signals, thresholds.

Data lives in data files, not in code; this is the one place they are read, once per process.
A broken file is a ConfigError naming it, never a traceback.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from plainfinnish.errors import ConfigError


@cache
def load(name: str) -> dict[str, Any]:
    """plainfinnish/data/<name>.toml, parsed."""
    path = files("plainfinnish") / "data" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(str(path), f"cannot read the data file: {err}") from None
