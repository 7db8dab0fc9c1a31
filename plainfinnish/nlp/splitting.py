"""Where to split a long sentence, and the data file shared by the structure rules."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def structure_data() -> dict[str, Any]:
    """plainfinnish/data/structure.toml, parsed once."""
    path = files("plainfinnish") / "data" / "structure.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        from plainfinnish.errors import ConfigError

        raise ConfigError(str(path), f"cannot read the structure data file: {err}") from None
