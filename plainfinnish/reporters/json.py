"""The JSON report: the contract of ../shared/eval/README.md, one entry per checked path."""

from __future__ import annotations

import json
from typing import Any, TextIO


def report(results: list, options: dict[str, Any]) -> dict[str, Any]:
    from plainfinnish import __version__

    files = []
    for result in results:
        entry: dict[str, Any] = {"path": result.path, "findings": [f.to_json() for f in result.findings]}
        if result.stats:
            entry["stats"] = result.stats
        if result.error:
            entry["error"] = result.error
        files.append(entry)
    return {"version": __version__, "files": files}


def render(results: list, stream: TextIO, options: dict[str, Any]) -> None:
    stream.write(json.dumps(report(results, options), ensure_ascii=False, indent=2))  # one write, not one per token
    stream.write("\n")
