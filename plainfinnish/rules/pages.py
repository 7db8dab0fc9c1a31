"""Render a rule's documentation page (Markdown), as `plainfinnish explain RULE` shows it."""

from __future__ import annotations

from plainfinnish.rules.base import Rule

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
