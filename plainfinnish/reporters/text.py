"""The human report: path:line:col, rule, message, the source line with the span underlined and
the suggestion; colour through rich on a terminal only; a summary at the end."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WORDS = {
    "fi": {"error": "virhe", "warning": "varoitus", "info": "huomio", "suggestion": "ehdotus",
           "none": "Ei huomautettavaa", "files": "tiedosto(a)", "found": "huomautus(ta)", "in": "tiedostossa"},
    "en": {"error": "error", "warning": "warning", "info": "info", "suggestion": "suggestion",
           "none": "No findings", "files": "file(s)", "found": "finding(s)", "in": "file(s)"},
}


def render(results: list, stream: TextIO, options: dict[str, Any]) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True, color_system=options.get("color_system", "auto"),
                      force_terminal=options.get("force_color"))
    words = _WORDS.get(options.get("language", "fi"), _WORDS["fi"])
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
            console.print(f"[bold]{escape(where)}[/bold]: [{style}]{f.rule}[/{style}]{key} {escape(f.message)}")
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
    if options.get("summary", True):
        _readability_table(console, results, options.get("language", "fi"))
        if total:
            parts = ", ".join(f"{n} {words[s]}" for s, n in sorted(by_severity.items(), key=lambda kv: kv[0]))
            console.print(f"\n[bold]{total}[/bold] {words['found']} {files_with} {words['in']} ({parts}).")
        else:
            console.print(f"{words['none']} ({len(results)} {words['files']}).")


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
