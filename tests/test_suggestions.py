"""The shared suggestion suite (issue 13): every case in tests/data/suggestions/*.toml, through the
real pipeline (fast profile, the case's rule selected), checked for the finding, the rewrite and
its fix safety. The format is in tests/data/suggestions/README.md."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from plainfinnish.rules.base import Finding, Suggestion

CASES_DIR = Path(__file__).parent / "data" / "suggestions"
KEYS = {"rule", "text", "span", "result", "safe", "pattern", "finding", "suggestion", "note_contains", "why", "backends"}


def _load() -> list:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
        for index, case in enumerate(cases, 1):
            case_id = f"{path.stem}:{index}-{case.get('pattern', 'case')}"
            params.append(pytest.param(case, id=case_id))
    return params


CASES = _load()
_MESSAGES: dict[int, list] = {}


def _findings(case: dict) -> list[Finding]:
    from plainfinnish.config import from_table
    from plainfinnish.document import SourceText
    from plainfinnish.engine import lint_source

    config = from_table({"profile": "fast", "select": [case["rule"]]}, None)
    result = lint_source(SourceText(path="case.txt", text=case["text"]), config, "text")
    messages = result.read_result.messages if result.read_result is not None else []
    for finding in result.findings:
        _MESSAGES[id(finding)] = messages  # for mapping a suggestion's own span to the source
    return [f for f in result.findings if f.rule == case["rule"]]


def _about(case: dict, findings: list[Finding]) -> list[Finding]:
    """The findings the case is about: all of them without `span`; else those exactly at the first
    occurrence of `span` (or, failing that, with exactly its text elsewhere)."""
    if "span" not in case:
        return findings
    at = case["text"].find(case["span"])
    assert at >= 0, f"span {case['span']!r} is not in the text"
    exact = [f for f in findings if (f.source_start, f.source_end) == (at, at + len(case["span"]))]
    return exact or [f for f in findings if f.text == case["span"]]


def _overlapping(case: dict, findings: list[Finding]) -> list[Finding]:
    if "span" not in case:
        return findings
    at = case["text"].find(case["span"])
    assert at >= 0, f"span {case['span']!r} is not in the text"
    end = at + len(case["span"])
    return [f for f in findings if f.source_start < end and at < f.source_end]


def _applicable(finding: Finding) -> Suggestion | None:
    return next((s for s in finding.suggestions if not s.advice), None)


def _applied(text: str, finding: Finding, suggestion: Suggestion) -> str:
    """The text with the suggestion applied, its span mapped to the source as `--fix` maps it
    (a placeholder before the edit shifts message offsets against the source)."""
    from plainfinnish.document import SourceText
    from plainfinnish.fix import message_of, source_span

    message = message_of(finding, _MESSAGES[id(finding)])
    assert message is not None, "the finding is not in one message"
    start = finding.start if suggestion.start is None else suggestion.start
    end = finding.end if suggestion.end is None else suggestion.end
    span = source_span(message, SourceText(path="case.txt", text=text), start, end)
    assert span is not None, "the text to replace is not verbatim source text"
    return text[:span[0]] + suggestion.new_text + text[span[1]:]


def _describe(findings: list[Finding]) -> str:
    return "; ".join(f"{f.text!r}: {f.message} → {[(s.text, s.safe, s.advice) for s in f.suggestions]}"
                     for f in findings) or "no findings"


@pytest.mark.parametrize("case", CASES)
def test_suggestion_case(case: dict) -> None:
    unknown = set(case) - KEYS
    assert not unknown, f"unknown keys in the case: {sorted(unknown)}"
    if "backends" in case:
        from plainfinnish.nlp.voikko import backend

        name = "native" if backend().name == "libvoikko" else "pure"
        if name not in case["backends"]:
            pytest.skip(f"the case holds on {case['backends']}; {name} Voikko analyses this sentence differently")
    findings = _findings(case)
    if case.get("finding", True) is False:
        quiet = _overlapping(case, findings)
        assert not quiet, f"expected no {case['rule']} finding, got: {_describe(quiet)}"
        return
    about = _about(case, findings)
    assert about, f"expected a {case['rule']} finding on {case.get('span', 'the text')!r}, got: {_describe(findings)}"
    finding = about[0]
    if "note_contains" in case:
        assert case["note_contains"] in finding.message, f"message lacks {case['note_contains']!r}: {finding.message}"
    suggestion = _applicable(finding)
    if case.get("suggestion", True) is False:
        assert suggestion is None, f"expected no applicable rewrite, got: {_describe([finding])}"
    if "result" in case:
        assert suggestion is not None, f"expected a rewrite, got: {_describe([finding])}"
        assert _applied(case["text"], finding, suggestion) == case["result"], _describe([finding])
    if case.get("safe", False):
        assert suggestion is not None and suggestion.safe, f"expected a safe fix, got: {_describe([finding])}"
    else:
        safe = [s.text for s in finding.suggestions if s.safe and not s.advice]
        assert not safe, f"expected no safe fix, got: {safe} ({_describe([finding])})"


def test_cases_exist() -> None:
    assert CASES, f"no suggestion cases in {CASES_DIR}"
