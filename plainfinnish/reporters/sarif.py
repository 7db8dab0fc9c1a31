"""SARIF 2.1.0, as GitHub code scanning takes it: one run, the rules with their pages as help,
results with stable rule ids, partial fingerprints that survive moved lines, and regions with
start and end line and column (code points, exclusive end)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from plainfinnish.rules.pages import PROJECT_URL

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: Findings that are not produced by a rule module (suppression comments that do not parse).
EXTRA_RULES = {
    "invalid-suppression": ("Virheellinen ohitusmerkintä", "Invalid suppression comment",
                            "plainfinnish-kommentti, jota ei voi tulkita.", "A plainfinnish comment that cannot be read."),
}


def _words(language: str) -> dict[str, str]:
    if language == "en":
        return {"suggestion": "suggestion", "replace": "Replace with"}
    return {"suggestion": "ehdotus", "replace": "Korvaa"}


def _rule_name(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _rules(language: str) -> list[dict[str, Any]]:
    from plainfinnish.rules import available
    from plainfinnish.rules.pages import rule_page

    out = []
    for rule_id, rule in available().items():
        page = rule.page(language)
        markdown = rule_page(rule, language)
        out.append({
            "id": rule_id,
            "name": _rule_name(rule_id),
            "shortDescription": {"text": rule.name_en if language == "en" else rule.name_fi},
            "fullDescription": {"text": page.what},
            "help": {"text": markdown, "markdown": markdown},
            "defaultConfiguration": {"level": LEVELS[rule.default_severity], "enabled": rule.enabled_by_default},
            "properties": {"tags": ["plain-language", "finnish", rule.scope]},
        })
    for rule_id, (name_fi, name_en, what_fi, what_en) in EXTRA_RULES.items():
        what = what_en if language == "en" else what_fi
        out.append({
            "id": rule_id,
            "name": _rule_name(rule_id),
            "shortDescription": {"text": name_en if language == "en" else name_fi},
            "fullDescription": {"text": what},
            "help": {"text": what, "markdown": what},
            "defaultConfiguration": {"level": "warning"},
        })
    return out


def artifact_uri(path: str, root: Path) -> tuple[str, bool]:
    """A URI relative to the root (GitHub wants paths relative to the repository) when the file
    is under it, else an absolute file URI; and whether it is relative."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(root.resolve())
        return quote(os.fsencode(rel.as_posix())), True  # a name that is not UTF-8 keeps its bytes
    except (ValueError, OSError):
        pass
    if p.is_absolute():
        return p.as_uri(), False
    return quote(os.fsencode(p.as_posix())), True


def fingerprint(rule: str, uri: str, key: str | None, text: str, occurrence: int) -> str:
    """Stable across edits elsewhere in the file: no line number, just what was flagged and which
    occurrence of it this is."""
    normalized = " ".join(text.split())
    data = "\0".join([rule, uri, key or "", normalized, str(occurrence)])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _fixes(f: Any, source: Any, location: dict[str, Any], words: dict[str, str]) -> list[dict[str, Any]]:
    """The safe suggestions that replace exactly the flagged span, when that span in the file is
    the flagged text (escapes in a .po string, say, would make the replacement wrong)."""
    if source is None or source.text[f.source_start:f.source_end] != f.text or not f.text:
        return []
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    out = []
    for s in f.suggestions:
        if s.safe and not s.advice and (s.start is None or (s.start, s.end) == (f.start, f.end)):
            out.append({"description": {"text": f"{words['replace']}: {s.text}"}, "artifactChanges": [{
                "artifactLocation": dict(location),
                "replacements": [{"deletedRegion": dict(region), "insertedContent": {"text": s.new_text}}],
            }]})
    return out


def report(results: list, options: dict[str, Any]) -> dict[str, Any]:
    from plainfinnish import __version__

    language = options.get("language", "fi")
    root = Path(options.get("root") or Path.cwd())
    words = _words(language)
    rules = _rules(language)
    index = {r["id"]: i for i, r in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for result in results:
        uri, relative = artifact_uri(result.path, root)
        location: dict[str, Any] = {"uri": uri}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        artifacts.append({"location": dict(location)})
        if result.error:
            notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location)}}],
            })
        seen: dict[tuple[str, str | None, str], int] = {}
        for f in result.findings:
            occurrence_key = (f.rule, f.key, " ".join(f.text.split()))
            occurrence = seen.get(occurrence_key, 0)
            seen[occurrence_key] = occurrence + 1
            text = f.message
            shown = [s.text for s in f.suggestions[:3]]
            if shown:
                text += f" ({words['suggestion']}: {' / '.join(shown)})"
            region: dict[str, Any] = {
                "startLine": max(1, f.line),
                "startColumn": max(1, f.column),
                "endLine": max(1, f.end_line or f.line),
                "endColumn": max(1, f.end_column or f.column),
            }
            if f.text:
                region["snippet"] = {"text": f.text}
            entry: dict[str, Any] = {
                "ruleId": f.rule,
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": dict(location), "region": region}}],
                "partialFingerprints": {"plainfinnish/v1": fingerprint(f.rule, uri, f.key, f.text, occurrence)},
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            if f.key:
                entry["properties"] = {"key": f.key}
            fixes = _fixes(f, result.source, location, words)
            if fixes:
                entry["fixes"] = fixes
            sarif_results.append(entry)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "plainfinnish",
            "semanticVersion": __version__,
            "version": __version__,
            **({"informationUri": PROJECT_URL} if PROJECT_URL else {}),
            "language": language,
            "rules": rules,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results: list, stream: TextIO, options: dict[str, Any]) -> None:
    stream.write(json.dumps(report(results, options), ensure_ascii=False, indent=2))  # one write, not one per token
    stream.write("\n")
