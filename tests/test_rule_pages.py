"""Every rule has a complete page, and docs/rules/ holds the current pages."""

from __future__ import annotations

import pytest

from conftest import ROOT
from plainfinnish.rules import available
from plainfinnish.rules.pages import rule_page, write_pages


@pytest.mark.parametrize("rule_id", list(available()))
def test_rule_page_is_complete_in_both_languages(rule_id):
    rule = available()[rule_id]
    for language in ("fi", "en"):
        page = rule.page(language)
        for field in ("title", "what", "why", "example", "use_instead", "fix_safety"):
            assert getattr(page, field).strip(), (rule_id, language, field)
    assert rule.default_severity in ("error", "warning", "info")


def test_docs_rules_folder_is_up_to_date(tmp_path):
    """Regenerate with: .venv/bin/python -m plainfinnish.rules.pages"""
    written = write_pages(tmp_path)
    for path in written:
        shipped = ROOT / "docs" / "rules" / path.name
        assert shipped.exists(), f"missing {shipped}"
        assert shipped.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), f"{shipped} is out of date"
    assert rule_page(available()["jargon"], "fi").startswith("# jargon")


def test_pages_ship_with_the_package_and_explain_shows_them():
    """plainfinnish/data/rules is docs/rules (a link in the repository, files in a wheel)."""
    from conftest import run_cli
    from plainfinnish.rules.pages import PAGES_DIR, page_uri

    for rule_id in available():
        for suffix in (".md", ".en.md"):
            assert (PAGES_DIR / f"{rule_id}{suffix}").is_file(), f"no shipped page for {rule_id}"
    assert PAGES_DIR.resolve() == (ROOT / "docs" / "rules").resolve()
    proc = run_cli("explain", "long-sentence")
    assert proc.returncode == 0
    assert proc.stdout == (PAGES_DIR / "long-sentence.md").read_text(encoding="utf-8") + "\n"
    assert page_uri("long-sentence", "en").endswith("/long-sentence.en.md")
