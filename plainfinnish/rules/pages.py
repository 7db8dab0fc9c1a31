"""A rule's documentation page (Markdown): `plainfinnish explain RULE` shows it, editors link to it.

The pages ship inside the package (`plainfinnish/data/rules/`, a link to the repository's
docs/rules/ that a wheel carries as files), so a link to one works wherever plainfinnish is
installed. Regenerate them with `python -m plainfinnish.rules.pages` after changing a rule.
"""

from __future__ import annotations

from pathlib import Path

from plainfinnish.rules.base import Rule

#: The pages shipped with the package: `<id>.md` (Finnish) and `<id>.en.md` (English).
PAGES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"
#: The project's public home page. None: there is no published one, so reports carry no link
#: rather than one that leads nowhere.
PROJECT_URL: str | None = None


def page_path(rule_id: str, language: str = "fi") -> Path | None:
    """The shipped page of a rule, if there is one."""
    path = PAGES_DIR / f"{rule_id}{'.en' if language == 'en' else ''}.md"
    return path if path.is_file() else None


def page_uri(rule_id: str, language: str = "fi") -> str | None:
    """A link to the rule's page that exists on this machine (a file URI), or None."""
    path = page_path(rule_id, language) or page_path(rule_id, "fi")
    return path.as_uri() if path else None


def shipped_page(rule: type[Rule], language: str = "fi") -> str:
    """The page as shipped; rendered from the rule when the package has no copy."""
    path = page_path(rule.id, language)
    return path.read_text(encoding="utf-8") if path else rule_page(rule, language)


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
    documentation that `codeDescription` links in editors point at."""
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

    for folder in sys.argv[1:] or [PAGES_DIR]:
        for written_path in write_pages(folder):
            print(written_path)
