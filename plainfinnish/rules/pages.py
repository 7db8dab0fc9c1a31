"""Render a rule's documentation page (Markdown), as `plainfinnish explain RULE` shows it."""

from __future__ import annotations

from pathlib import Path

from plainfinnish.rules.base import Rule

#: Where the project and its rule pages (docs/rules/, written by `write_pages`) are published; the
#: one place the editor links and the SARIF report take them from.
PROJECT_URL = "https://example.invalid/plainfinnish"
RULE_DOCS_URL = PROJECT_URL + "/docs/rules/{rule}.md"

_HEADINGS = {
    "fi": ("Mitä sääntö tekee", "Miksi", "Esimerkki", "Kirjoita mieluummin", "Korjausten turvallisuus",
           "Asetukset", "Lähteet", "Oletusvakavuus", "ei asetuksia", "oletus"),
    "en": ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety",
           "Options", "References", "Default severity", "no options", "default"),
}


def rule_page(rule: type[Rule], language: str = "fi") -> str:
    page = rule.page(language)
    h = _HEADINGS.get(language, _HEADINGS["fi"])
    lines = [f"# {rule.id}: {page.title}", "", f"{h[7]}: `{rule.default_severity}`", "",
             f"## {h[0]}", page.what, "", f"## {h[1]}", page.why, "",
             f"## {h[2]}", "```text", page.example, "```", "",
             f"## {h[3]}", "```text", page.use_instead, "```", "",
             f"## {h[4]}", page.fix_safety, "", f"## {h[5]}"]
    if rule.options:
        for name, option in rule.options.items():
            help_text = option.help_en if language == "en" else option.help_fi
            lines.append(f"- `{name}` ({h[9]} `{option.default!r}`): {help_text}")
    else:
        lines.append(f"({h[8]})")
    if page.references:
        lines += ["", f"## {h[6]}"] + [f"- {ref}" for ref in page.references]
    return "\n".join(lines) + "\n"


def write_pages(folder: str | Path) -> list[Path]:
    """Write every rule's page (Finnish `<id>.md`, English `<id>.en.md`) into a folder: the rule
    documentation that `codeDescription` links in editors and SARIF help point at."""
    from pathlib import Path

    from plainfinnish.rules import available

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for rule_id, rule in available().items():
        for language, suffix in (("fi", ".md"), ("en", ".en.md")):
            path = out / f"{rule_id}{suffix}"
            path.write_text(rule_page(rule, language), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    import sys

    for written_path in write_pages(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"):
        print(written_path)
