"""The human report: path:line:col, rule, message, the source line with the span underlined and
the suggestion; colour through rich on a terminal only; a summary at the end."""

from __future__ import annotations

import os
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
#: Counted nouns: (one, many). Finnish takes the partitive after a number other than one.
_NOUNS = {
    "fi": {"error": ("virhe", "virhettä"), "warning": ("varoitus", "varoitusta"), "info": ("huomio", "huomiota"),
           "finding": ("huomautus", "huomautusta"), "file": ("tiedosto", "tiedostoa"),
           "in": ("tiedostossa", "tiedostossa")},
    "en": {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("info", "info"),
           "finding": ("finding", "findings"), "file": ("file", "files"), "in": ("file", "files")},
}
_WORDS = {
    "fi": {"suggestion": "ehdotus", "none": "Ei huomautettavaa", "checked": "tarkistettu", "skipped": "ohitettu",
           "in": ""},
    "en": {"suggestion": "suggestion", "none": "No findings", "checked": "checked", "skipped": "skipped",
           "in": "in "},
}
_SEVERITY_ORDER = ("error", "warning", "info")


def count(n: int, noun: str, language: str) -> str:
    """'1 huomautus', '6 huomautusta'; '1 finding', '6 findings'."""
    one, many = _NOUNS.get(language, _NOUNS["fi"])[noun]
    return f"{n} {one if n == 1 else many}"


def render(results: list, stream: TextIO, options: dict[str, Any]) -> None:
    color = options.get("color", "auto")
    if color == "auto" and os.environ.get("NO_COLOR"):  # https://no-color.org: no styles at all, not only no colour
        color = "never"
    console = Console(file=stream, highlight=False, soft_wrap=True,
                      force_terminal=True if color == "always" else None,
                      no_color=True if color == "never" else None,
                      color_system=None if color == "never" else "auto")
    language = options.get("language", "fi")
    language = language if language in _NOUNS else "fi"
    words = _WORDS[language]
    nouns = _NOUNS[language]
    total = 0
    files_with = 0
    by_severity: dict[str, int] = {}
    for result in results:
        if result.findings:
            files_with += 1
        for f in result.findings:
            total += 1
            by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
            style = _STYLE.get(f.severity, "")
            where = f"{f.path}:{f.line}:{f.column}"
            key = f" [dim]({escape(f.key)})[/dim]" if f.key else ""
            severity = nouns.get(f.severity, (f.severity,))[0]
            console.print(f"[bold]{escape(where)}[/bold]: [{style}]{f.rule}[/{style}] [{style}]\\[{severity}][/{style}]"
                          f"{key} {escape(f.message)}")
            if result.source is not None and f.line:
                line_text = result.source.line_text(f.line)
                if len(line_text) <= 400:
                    gutter = f"{f.line:>5} | "
                    console.print(escape(gutter + line_text.replace("\t", " ")), style="dim")
                    width = (f.end_column - f.column) if f.end_line == f.line else max(1, len(line_text) - f.column + 1)
                    console.print(" " * (len(gutter) - 2) + "| " + " " * (f.column - 1) + f"[{style}]" + "^" * max(1, width) + f"[/{style}]")
            for s in f.suggestions[:3]:
                marker = "" if s.advice else (" ✓" if s.safe else "")
                console.print(f"      [green]{words['suggestion']}:[/green] {escape(s.text)}{marker}")
    checked = sum(1 for r in results if not r.error)
    skipped = len(results) - checked
    # With nothing checked the errors on stderr say it all; "no findings" would mislead.
    if options.get("summary", True) and checked:
        _readability_table(console, results, language)
        note = f", {count(skipped, 'file', language)} {words['skipped']}" if skipped else ""
        if total:
            parts = ", ".join(count(by_severity[s], s, language) for s in _SEVERITY_ORDER if s in by_severity)
            where = f"{words['in']}{count(files_with, 'in', language)}"
            console.print(f"\n[bold]{count(total, 'finding', language)}[/bold] {where} ({parts}{note}).")
        else:
            console.print(f"{words['none']} ({count(checked, 'file', language)} {words['checked']}{note}).")

def _file_readability(stats: dict[str, Any]) -> dict[str, float] | None:
    """One row per file: the messages' measures weighted by their word counts."""
    measures = stats.get("readability")
    if not measures:
        return None
    rows = [m for m in (measures if isinstance(measures, list) else [measures]) if m.get("wiio") is not None]
    words = sum(m["words"] for m in rows)
    if not words:
        return None
    sentences = sum(m["sentences"] for m in rows)
    return {
        "words": words,
        "avg": words / sentences if sentences else 0.0,
        "wiio": sum(m["wiio"] * m["words"] for m in rows) / words,
        "lix": sum(m["lix"] * m["words"] for m in rows) / words,
        "long": sum(m["long_word_share"] * m["words"] for m in rows) / words,
    }


def _readability_table(console: Console, results: list, language: str) -> None:
    """Wiio, LIX, average sentence length and long-word share per file (Finnish measures only)."""
    rows = [(r.path, _file_readability(r.stats or {})) for r in results]
    rows = [(p, m) for p, m in rows if m]
    if not rows:
        return
    from rich.table import Table

    fi = language != "en"
    table = Table(title="Luettavuus" if fi else "Readability", title_justify="left", box=None, pad_edge=False)
    for name in ("Tiedosto" if fi else "File", "Sanoja" if fi else "Words", "Virke ka." if fi else "Avg sentence",
                 "Wiio", "LIX", "Pitkiä sanoja" if fi else "Long words"):
        table.add_column(name, justify="left" if name in ("Tiedosto", "File") else "right")
    for path, m in rows:
        table.add_row(escape(path), str(m["words"]), f"{m['avg']:.1f}", f"{m['wiio']:.1f}", f"{m['lix']:.0f}", f"{100 * m['long']:.0f} %")
    console.print()
    console.print(table)
