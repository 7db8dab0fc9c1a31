"""GitHub Actions workflow commands: one `::warning file=…,line=…::message` line per finding,
which GitHub shows as an annotation on the pull request's diff."""

from __future__ import annotations

from typing import Any, TextIO

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """The message part: %, CR and LF are percent-encoded (GitHub's toolkit escapeData)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value: as data, plus ':' and ',' which separate the properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: Any) -> str:
    props = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items() if value is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def render(results: list, stream: TextIO, options: dict[str, Any]) -> None:
    suggestion = "suggestion" if options.get("language") == "en" else "ehdotus"
    for result in results:
        if result.error:
            # GitHub places an annotation without a line on no line of the diff; line 1 names the file.
            stream.write(command("error", result.error, file=result.path, line=1, title="plainfinnish") + "\n")
        for f in result.findings:
            message = f.message
            shown = [s.text for s in f.suggestions[:3]]
            if shown:
                message += f"\n{suggestion}: {' / '.join(shown)}"
            stream.write(command(
                COMMANDS.get(f.severity, "warning"), message,
                file=f.path or result.path, line=f.line, col=f.column, endLine=f.end_line, endColumn=f.end_column,
                title=f"plainfinnish({f.rule})" if not f.key else f"plainfinnish({f.rule}) {f.key}",
            ) + "\n")
