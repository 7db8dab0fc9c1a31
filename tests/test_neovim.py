"""End to end in a real editor: headless Neovim runs the set-up snippet of docs/editors.md itself
(on Debian's Neovim 0.7 as on newer ones), which starts `plainfinnish lsp`; a small harness then
reads the diagnostics Neovim received, applies a code action and saves, as a user would."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    shutil.which("nvim") is None, reason="Neovim is not installed (Debian: apt-get install neovim); "
    "the end-to-end editor tests need `nvim` on PATH")]

PLACEHOLDER = "/path/to/venv/bin/plainfinnish"

# Polls the buffer's diagnostics; each mode says what to wait for and what to do then.
HARNESS = r"""
local out, mode = os.getenv("PF_OUT"), os.getenv("PF_MODE")
local function report(result)
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end
local function rows()
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result, {lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
                          message = d.message, source = d.source, code = d.code or lsp.code, lsp = lsp})
  end
  return result
end
local function find(code)
  for _, row in ipairs(rows()) do if row.code == code then return row end end
end
-- Wait (up to 90 s) until check() returns true, then call next().
local function wait(check, next, what)
  local waited, timer = 0, vim.loop.new_timer()
  timer:start(200, 200, vim.schedule_wrap(function()
    waited = waited + 200
    if check() then timer:stop(); next()
    elseif waited > 90000 then timer:stop(); report({error = "timed out waiting for " .. what, seen = rows(),
                                                         lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)}) end
  end))
end

if mode == "diagnostics" then
  wait(function() return find("long-sentence") end,
       function() report({filetype = vim.bo.filetype, diagnostics = rows()}) end, "long-sentence")
elseif mode == "config" then
  -- A broken configuration: an error naming the file and the key; fixed on disk, then :w.
  wait(function() return find("config-or-input-error") end, function()
    local broken = find("config-or-input-error")
    local file = io.open(os.getenv("PF_CONFIG"), "w")
    file:write('[tool.plainfinnish]\nprofile = "fast"\n')
    file:close()
    vim.cmd("write")
    wait(function() return find("long-sentence") and not find("config-or-input-error") end,
         function() report({broken = broken, fixed = rows()}) end, "diagnostics after the fix")
  end, "the configuration error")
elseif mode == "disable" then
  -- "Disable long-sentence for this line" chosen from :lua vim.lsp.buf.code_action(), then :w.
  wait(function() return find("long-sentence") end, function()
    local row = find("long-sentence")
    vim.api.nvim_win_set_cursor(0, {row.lnum + 1, row.col})
    local titles = {}
    vim.ui.select = function(items, opts, on_choice)
      for index, item in ipairs(items) do
        local title = opts.format_item and opts.format_item(item) or tostring(item)
        table.insert(titles, title)
        if title:find("long%-sentence") then on_choice(item, index) end
      end
    end
    vim.lsp.buf.code_action()
    wait(function() return #titles > 0 end, function()
      vim.cmd("write")
      wait(function() return not find("long-sentence") end,
           function() report({titles = titles, after = rows()}) end, "the finding to go")
    end, "code actions")
  end, "long-sentence")
end
"""

LONG = ("Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme sinua "
        "ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen kuljetusliikkeen kanssa "
        "ja palauttaa rahat tilillesi.")

DOCUMENTS = {
    "tilaus.md": f"# Tilauksesi\n\nKiitos. {LONG}\n",
    "viestit.json": json.dumps({"toimitus": {"viive": LONG}}, ensure_ascii=False, indent=2) + "\n",
    "viestit.ftl": f"toimitus-viive = {LONG}\n",
    "fi.po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fi\\n"\n\n'
              '#: templates/delay.txt:3\nmsgid "Your order is late."\n'
              f'msgstr "{LONG}"\n'),
}


def documented_snippet() -> str:
    """The Lua block under `<!-- neovim-setup -->` in docs/editors.md, verbatim."""
    text = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- neovim-setup -->\n```lua\n(.*?)\n```", text, re.S)
    assert match, "docs/editors.md has no Lua block under <!-- neovim-setup -->"
    assert PLACEHOLDER in match.group(1)
    return match.group(1)


def server_command() -> str:
    script = Path(sys.executable).parent / "plainfinnish"
    if not script.exists():
        pytest.skip(f"no plainfinnish executable beside {sys.executable} (install the package)")
    return str(script)


def run_neovim(tmp_path: Path, document: Path, mode: str, **env: str) -> dict:
    init = tmp_path / "init.lua"
    init.write_text(documented_snippet().replace(PLACEHOLDER, server_command()) + "\n" + HARNESS, encoding="utf-8")
    out = tmp_path / "report.json"
    full_env = {**os.environ, "PF_OUT": str(out), "PF_MODE": mode, **env,
                "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"), "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
                "XDG_STATE_HOME": str(tmp_path / "xdg-state"), "XDG_CACHE_HOME": str(tmp_path / "xdg-cache")}
    proc = subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", str(init), str(document)],
                          cwd=document.parent, env=full_env, capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    assert out.exists(), f"Neovim wrote no report (exit {proc.returncode}):\n{proc.stdout!r}\n{proc.stderr!r}"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in report, report
    return report


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / ".git").mkdir()  # the snippet's root marker; no configuration file: the defaults
    return root


@pytest.mark.parametrize("name", ["tilaus.md", "viestit.json", "viestit.ftl"])
def test_documented_snippet_gives_diagnostics(tmp_path: Path, project: Path, name: str) -> None:
    document = project / name
    document.write_text(DOCUMENTS[name], encoding="utf-8")
    report = run_neovim(tmp_path, document, "diagnostics")
    assert report["filetype"] == {"md": "markdown", "json": "json", "ftl": "fluent"}[name.rsplit(".", 1)[1]]
    (long,) = [d for d in report["diagnostics"] if d["code"] == "long-sentence"]
    assert long["source"] == "plainfinnish" and long["message"].startswith("Virkkeessä on")
    line_number = next(i for i, line in enumerate(DOCUMENTS[name].split("\n")) if "Mikäli" in line)
    line = DOCUMENTS[name].split("\n")[line_number]
    # Neovim converts the server's UTF-16 columns to byte columns of the line.
    assert (long["lnum"], long["col"]) == (line_number, len(line[:line.index("Mikäli")].encode("utf-8")))
    end = line.index("tilillesi.") + len("tilillesi.")
    assert (long["end_lnum"], long["end_col"]) == (line_number, len(line[:end].encode("utf-8")))


def test_broken_configuration_is_shown_and_the_fix_picked_up_on_save(tmp_path: Path, project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.plainfinnish]\nprofle = "fast"\n', encoding="utf-8")
    document = project / "tilaus.md"
    document.write_text(DOCUMENTS["tilaus.md"], encoding="utf-8")
    report = run_neovim(tmp_path, document, "config", PF_CONFIG=str(config))
    message = report["broken"]["message"]
    assert str(config) in message and "tool.plainfinnish.profle" in message, message
    assert any(d["code"] == "long-sentence" for d in report["fixed"])


def test_disable_comment_in_a_po_file_keeps_it_valid_for_msgfmt(tmp_path: Path, project: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is not installed (Debian: apt-get install gettext)")
    document = project / "fi.po"
    document.write_text(DOCUMENTS["fi.po"], encoding="utf-8")
    report = run_neovim(tmp_path, document, "disable")
    assert report["after"] == [] or all(d["code"] != "long-sentence" for d in report["after"])
    text = document.read_text(encoding="utf-8")
    # A translator comment above the entry, not a line between msgid and msgstr.
    assert "\n# plainfinnish: disable-next-line long-sentence\n#: templates/delay.txt:3\n" in text, text
    proc = subprocess.run([msgfmt, "-c", "-o", os.devnull, str(document)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    check = subprocess.run([sys.executable, "-m", "plainfinnish", "check", "--no-cache", "--select", "long-sentence",
                            str(document)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
