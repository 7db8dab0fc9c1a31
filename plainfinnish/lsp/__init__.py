"""The language server: plainfinnish diagnostics, quick fixes and rule explanations in any LSP editor.

`server.py` speaks the protocol (pygls), `documents.py` keeps the open documents and converts
between LSP positions (0-based, UTF-16 code units) and character offsets, `analysis.py` lints a
document re-analysing only the paragraphs that changed.
"""
