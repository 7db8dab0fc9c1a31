"""Configuration discovery, validation errors and per-rule options."""

from __future__ import annotations

import pytest

from conftest import check_json
from test_cli import LONG


def test_pyproject_in_a_parent_folder_is_found(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish.rules.long-sentence]\nmax-words = 40\n')
    (tmp_path / "sisalto" / "viestit").mkdir(parents=True)
    target = tmp_path / "sisalto" / "viestit" / "pitka.txt"
    target.write_text(LONG)
    report, proc = check_json("--select", "long-sentence", str(target))
    assert proc.returncode == 0 and report["files"][0]["findings"] == []


def test_nearest_config_wins_and_dot_file_beats_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish.rules.long-sentence]\nmax-words = 40\n')
    (tmp_path / "tiukka").mkdir()
    (tmp_path / "tiukka" / ".plainfinnish.toml").write_text('[rules.long-sentence]\nmax-words = 10\n')
    (tmp_path / "tiukka" / "pyproject.toml").write_text('[tool.plainfinnish]\nlanguage = "en"\n')
    (tmp_path / "tiukka" / "lyhyehko.txt").write_text("Tässä virkkeessä on kaksitoista sanaa, mikä on liikaa tiukalle rajalle tänään.")
    report, proc = check_json("--select", "long-sentence", str(tmp_path / "tiukka" / "lyhyehko.txt"))
    assert proc.returncode == 1
    assert "raja 10" in report["files"][0]["findings"][0]["message"]


def test_explicit_config_overrides_discovery(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish.rules.long-sentence]\nmax-words = 10\n')
    (tmp_path / "muu.toml").write_text('[rules.long-sentence]\nenabled = false\n')
    (tmp_path / "pitka.txt").write_text(LONG)
    report, proc = check_json("--config", str(tmp_path / "muu.toml"), str(tmp_path / "pitka.txt"))
    assert all(f["rule"] != "long-sentence" for f in report["files"][0]["findings"])


def test_severity_override_and_english_messages(tmp_path):
    (tmp_path / ".plainfinnish.toml").write_text('language = "en"\n[rules.long-sentence]\nseverity = "error"\n')
    (tmp_path / "pitka.txt").write_text(LONG)
    report, _ = check_json("--select", "long-sentence", str(tmp_path / "pitka.txt"))
    finding = report["files"][0]["findings"][0]
    assert finding["severity"] == "error"
    assert finding["message"].startswith("The sentence has")


@pytest.mark.parametrize(
    "content, expected",
    [
        ('[tool.plainfinnish]\nprofiel = "fast"\n', "unknown key 'tool.plainfinnish.profiel'"),
        ('[tool.plainfinnish]\nprofile = "slow"\n', "'tool.plainfinnish.profile' must be \"fast\" or \"accurate\""),
        ('[tool.plainfinnish.rules.long-sentence]\nmax-words = "25"\n', "'tool.plainfinnish.rules.long-sentence.max-words' must be an integer"),
        ('[tool.plainfinnish.rules.long-sentence]\nmax-sanat = 25\n', "unknown option 'tool.plainfinnish.rules.long-sentence.max-sanat'"),
        ('[tool.plainfinnish.rules.ei-ole]\nenabled = true\n', "unknown rule 'tool.plainfinnish.rules.ei-ole'"),
        ('[tool.plainfinnish\nprofile = "fast"\n', "invalid TOML"),
        ('[tool.plainfinnish]\ninclude = "*.md"\n', "'tool.plainfinnish.include' must be a list of strings"),
    ],
)
def test_config_errors_name_file_key_and_expectation(tmp_path, content, expected):
    (tmp_path / "pyproject.toml").write_text(content)
    (tmp_path / "viesti.txt").write_text("Kiitos tilauksestasi.")
    _, proc = check_json(str(tmp_path / "viesti.txt"))
    assert proc.returncode == 2
    assert str(tmp_path / "pyproject.toml") in proc.stderr
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr


def test_include_and_exclude_globs(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.plainfinnish]\nexclude = ["luonnokset/**"]\n')
    (tmp_path / "luonnokset").mkdir()
    (tmp_path / "luonnokset" / "a.txt").write_text(LONG)
    (tmp_path / "b.txt").write_text(LONG)
    report, _ = check_json("--select", "long-sentence", str(tmp_path))
    assert [f["path"].rsplit("/", 1)[-1] for f in report["files"]] == ["b.txt"]


def test_api_lint_takes_a_config_table(lint):
    findings = lint(LONG, select=["long-sentence"], rules={"long-sentence": {"max-words": 50}})
    assert findings == []
    (finding,) = lint(LONG, select=["long-sentence"])
    assert (finding.line, finding.column, finding.text) == (1, 1, LONG)


# 29 words: over the default limit of 25, under 30.
TWENTY_EIGHT = ("Jos paketti ei ole tullut perille kahden viikon kuluessa tilauksesta, kerro siitä meille lomakkeella tai "
                "puhelimitse, niin etsimme lähetyksen kuljetusyhtiön kanssa ja lähetämme sinulle uuden paketin ilman "
                "lisämaksua heti.")


def nested_project(tmp_path, nested: str):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.plainfinnish]\nexclude = [\"drafts/**\"]\n[tool.plainfinnish.rules.long-sentence]\nmax-words = 30\n",
        encoding="utf-8")
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / ".plainfinnish.toml").write_text(nested, encoding="utf-8")
    page = tmp_path / "faq" / "toimitus.md"
    page.write_text(f"# Toimitus\n\n{TWENTY_EIGHT}\n", encoding="utf-8")
    assert len(TWENTY_EIGHT.split()) == 29
    return page


def test_extend_builds_on_the_root_configuration(tmp_path):
    page = nested_project(tmp_path, 'extend = "../pyproject.toml"\n[rules.long-sentence]\nseverity = "error"\n')
    report, proc = check_json("--select", "long-sentence", str(page))
    assert proc.returncode == 0, proc.stderr  # max-words = 30 comes from the root
    page.write_text(f"# Toimitus\n\n{TWENTY_EIGHT} {TWENTY_EIGHT.replace('.', ',')} ja kiitos.\n", encoding="utf-8")
    report, proc = check_json("--select", "long-sentence", str(page))
    (finding,) = report["files"][0]["findings"]
    assert finding["severity"] == "error"  # the nested file's own setting, merged into the root's


def test_without_extend_the_nearest_file_replaces_the_root(tmp_path):
    page = nested_project(tmp_path, '[rules.long-sentence]\nseverity = "error"\n')
    report, proc = check_json("--select", "long-sentence", str(page))
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["long-sentence"]  # the default 25 words


def test_show_settings_names_the_merged_files(tmp_path):
    from conftest import run_cli

    page = nested_project(tmp_path, 'extend = "../pyproject.toml"\nextend-exclude = ["old/**"]\n')
    proc = run_cli("check", "--show-settings", "--select", "jargon,long-sentence", str(page))
    assert proc.returncode == 0, proc.stderr
    assert f"merged in this order: {tmp_path / 'pyproject.toml'}, {tmp_path / 'faq' / '.plainfinnish.toml'}" in proc.stdout
    assert 'exclude = ["drafts/**", "old/**"]' in proc.stdout
    assert "max-words = 30" in proc.stdout and 'select = ["jargon", "long-sentence"]' in proc.stdout


def test_extend_loop_is_an_error_naming_the_file(tmp_path):
    page = nested_project(tmp_path, 'extend = ".plainfinnish.toml"\n')
    _, proc = check_json(str(page))
    assert proc.returncode == 2
    assert ".plainfinnish.toml" in proc.stderr and "extend" in proc.stderr
