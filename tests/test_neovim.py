"""End to end in a real editor: headless Neovim with its built-in LSP client runs `plainfinnish lsp`,
opens a Markdown file and reports the diagnostics it received."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NVIM = shutil.which("nvim")

# Works with Neovim 0.7 (vim.lsp.start_client) and newer (vim.lsp.start).
INIT_LUA = r"""
local out = os.getenv("PF_OUT")
local config = {name = "plainfinnish", cmd = {os.getenv("PF_SERVER"), "lsp"}, root_dir = os.getenv("PF_ROOT")}

local function start()
  if vim.lsp.start then
    vim.lsp.start(config)
  else
    local id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(0, id)
  end
end
vim.api.nvim_create_autocmd("FileType", {pattern = {"markdown", "text"}, callback = start})

local function report(result)
  local file = io.open(out, "w")
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd("qall!")
end

local waited = 0
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  waited = waited + 200
  local diagnostics = vim.diagnostic.get(0)
  if #diagnostics > 0 then
    timer:stop()
    local rows = {}
    for _, d in ipairs(diagnostics) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(rows, {lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
                          message = d.message, source = d.source, code = d.code or lsp.code,
                          severity = d.severity})
    end
    report({diagnostics = rows})
  elseif waited > 90000 then
    timer:stop()
    report({error = "no diagnostics within 90 s"})
  end
end))
"""

TEXT = (
    "# Tilauksesi\n\n"
    "Kiitos. Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, "
    "pyydämme sinua ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen "
    "kuljetusliikkeen kanssa ja palauttaa rahat tilillesi.\n"
)


def server_command() -> str:
    venv_script = Path(sys.executable).parent / "plainfinnish"
    if venv_script.exists():
        return str(venv_script)
    pytest.skip(f"no plainfinnish executable beside {sys.executable} (install the package)")


@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (Debian: apt-get install neovim); "
                    "the end-to-end editor test needs `nvim` on PATH")
def test_neovim_shows_plainfinnish_diagnostics(tmp_path: Path):
    document = tmp_path / "tilaus.md"
    document.write_text(TEXT, encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(INIT_LUA, encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "PF_OUT": str(out), "PF_SERVER": server_command(), "PF_ROOT": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.run([NVIM, "--headless", "-n", "-i", "NONE", "-u", str(init), str(document)],
                          cwd=tmp_path, env=env, capture_output=True, timeout=150, stdin=subprocess.DEVNULL)
    assert out.exists(), f"Neovim wrote no report (exit {proc.returncode}):\n{proc.stdout!r}\n{proc.stderr!r}"
    report = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in report, report
    long = [d for d in report["diagnostics"] if d["code"] == "long-sentence"]
    assert len(long) == 1, report
    line = TEXT.split("\n")[2]
    sentence_start = line.index("Mikäli")
    # Neovim converts the server's UTF-16 columns to byte columns of the line.
    assert (long[0]["lnum"], long[0]["col"]) == (2, len(line[:sentence_start].encode("utf-8")))
    assert (long[0]["end_lnum"], long[0]["end_col"]) == (2, len(line.encode("utf-8")))
    assert long[0]["source"] == "plainfinnish"
    assert long[0]["message"].startswith("Virkkeessä on")
