"""The language server, run as a real subprocess over stdio and driven by a real LSP client."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

import plainfinnish
from plainfinnish.rules import available

pytestmark = [pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]

SERVER = [sys.executable, "-m", "plainfinnish", "lsp"]

# A long sentence (26 words) after an emoji: the emoji is one code point but two UTF-16 units.
LONG = ("Kiitos 😀. Mikäli tilauksesi ei ole saapunut kymmenen arkipäivän kuluessa tilauksen tekemisestä, pyydämme "
        "sinua ottamaan yhteyttä asiakaspalveluumme, jotta voimme selvittää lähetyksen tilanteen "
        "kuljetusliikkeen kanssa ja palauttaa rahat tilillesi.")
SENTENCE = LONG[LONG.index("Mikäli"):]
JARGON = "Reklamaatiosi käsittely on aloitettu."
PUSHY = "Älä missaa tätä ainutlaatuista tarjousta, osta heti ennen kuin on liian myöhäistä!"
DOCUMENT = f"# Tilauksesi\n\n{LONG}\n\n{JARGON}\n\n{PUSHY}\n"
LONG_LINE = 2


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position_of(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(line=line, character=utf16(text[line_start:offset]))


def text_at(text: str, range_: types.Range) -> str:
    return text[offset_of(text, range_.start):offset_of(text, range_.end)]


def offset_of(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line])
    units = 0
    line = lines[position.line] if position.line < len(lines) else ""
    for i, char in enumerate(line):
        if units >= position.character:
            return offset + i
        units += 2 if ord(char) > 0xFFFF else 1
    return offset + len(line)


def apply_edits(text: str, edits) -> str:
    """Apply TextEdits the way an editor does (from the end, so offsets stay valid)."""
    spans = sorted(((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    edit = action.edit
    assert edit is not None, action
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(edit.changes[uri])


async def wait_diagnostics(client: LanguageClient, uri: str, timeout: float = 60.0) -> list[types.Diagnostic]:
    """The next diagnostics published for `uri` (call `client.diagnostics.pop(uri)` before the action)."""
    deadline = time.monotonic() + timeout
    while uri not in client.diagnostics:
        if time.monotonic() > deadline:
            raise AssertionError(f"no diagnostics for {uri} within {timeout} s")
        await asyncio.sleep(0.02)
    return list(client.diagnostics[uri])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / ".plainfinnish.toml").write_text("[rules.long-sentence]\nmax-words = 25\n", encoding="utf-8")
    return root


INIT_SECONDS: list[float] = []


def make_client() -> LanguageClient:
    """pytest-lsp's client, accepting dynamic registrations like an editor does (and recording them)."""
    client = pytest_lsp.make_test_lsp_client()
    client.registrations = []  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(ls: LanguageClient, params: types.RegistrationParams) -> None:
        ls.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    return client


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER, client_factory=make_client))
async def client(lsp_client: LanguageClient, workspace: Path):
    started = time.monotonic()
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=workspace.as_uri(),
        initialization_options={"plainfinnish": {"debounceMs": 50}}))
    INIT_SECONDS.append(time.monotonic() - started)
    lsp_client.init_result = result  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, uri: str, text: str, language_id: str = "markdown") -> list[types.Diagnostic]:
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)))
    return await wait_diagnostics(client, uri)


def close_document(client: LanguageClient, uri: str) -> None:
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))


async def test_initialize_answers_before_the_pipeline_is_loaded(client: LanguageClient):
    capabilities = client.init_result.capabilities  # type: ignore[attr-defined]
    assert INIT_SECONDS[0] < 5, f"initialize took {INIT_SECONDS[0]:.1f} s"
    assert capabilities.hover_provider
    assert capabilities.code_action_provider
    sync = capabilities.text_document_sync
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert client.init_result.server_info.name == "plainfinnish"  # type: ignore[attr-defined]
    for _ in range(100):  # the server asks to watch its configuration files after `initialized`
        if client.registrations:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.05)
    registration = client.registrations[0]  # type: ignore[attr-defined]
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    globs = [w["globPattern"] if isinstance(w, dict) else w.glob_pattern for w in
             (registration.register_options["watchers"] if isinstance(registration.register_options, dict)
              else registration.register_options.watchers)]
    assert "**/.plainfinnish.toml" in globs and "**/pyproject.toml" in globs


async def test_diagnostics_have_exact_utf16_ranges_codes_and_links(client: LanguageClient, workspace: Path):
    uri = (workspace / "tilaus.md").as_uri()
    diagnostics = await open_document(client, uri, DOCUMENT)
    long = [d for d in diagnostics if d.code == "long-sentence"]
    assert len(long) == 1, diagnostics
    start = DOCUMENT.index("Mikäli")
    end = DOCUMENT.index("tilillesi.") + len("tilillesi.")
    assert long[0].range.start == position_of(DOCUMENT, start)
    assert long[0].range.start.character == 11  # 10 code points, 😀 being two UTF-16 units
    assert long[0].range.end == position_of(DOCUMENT, end)
    assert text_at(DOCUMENT, long[0].range) == SENTENCE
    assert long[0].severity == types.DiagnosticSeverity.Warning
    assert long[0].source == "plainfinnish"
    assert long[0].code_description is not None and long[0].code_description.href.endswith("/long-sentence.md")
    # The same findings as the command line, each at the same place.
    expected = sorted((f.rule, position_of(DOCUMENT, f.source_start).line, position_of(DOCUMENT, f.source_start).character)
                      for f in plainfinnish.lint(DOCUMENT, filename="tilaus.md"))
    assert sorted((d.code, d.range.start.line, d.range.start.character) for d in diagnostics) == expected
    for rule, wording in (("jargon", JARGON), ("pushy-upsell", PUSHY)):
        if rule in available():
            hits = [text_at(DOCUMENT, d.range) for d in diagnostics if d.code == rule]
            assert any(hit and hit in wording for hit in hits), (rule, hits)
    close_document(client, uri)


async def test_hover_explains_the_rule(client: LanguageClient, workspace: Path):
    uri = (workspace / "hover.md").as_uri()
    await open_document(client, uri, DOCUMENT)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=LONG_LINE, character=20)))
    assert hover is not None
    value = hover.contents.value
    assert "long-sentence" in value and "26 sanaa" in value
    assert available()["long-sentence"].doc_fi.title in value  # the rule page's explanation
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=0)))
    assert nothing is None
    if "jargon" in available():
        finding = next(f for f in plainfinnish.lint(DOCUMENT, filename="hover.md") if f.text == "Reklamaatiosi")
        at = position_of(DOCUMENT, finding.source_start + 3)
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=at))
        assert hover is not None and "**jargon**" in hover.contents.value
        assert finding.data["reason"] in hover.contents.value  # the wordlist's reason
        assert all(s.text in hover.contents.value for s in finding.suggestions)  # the alternatives
    close_document(client, uri)


async def test_disable_for_this_line_inserts_a_comment_that_silences_the_rule(client: LanguageClient, workspace: Path):
    uri = (workspace / "disable.md").as_uri()
    diagnostics = await open_document(client, uri, DOCUMENT)
    long = next(d for d in diagnostics if d.code == "long-sentence")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=long.range,
        context=types.CodeActionContext(diagnostics=[long])))
    disable = [a for a in actions if "long-sentence" in a.title and a.kind == types.CodeActionKind.QuickFix
               and "disable" in edits_of(a, uri)[0].new_text]
    assert len(disable) == 1, [a.title for a in actions]
    new_text = apply_edits(DOCUMENT, edits_of(disable[0], uri))
    assert new_text.splitlines()[LONG_LINE] == "<!-- plainfinnish: disable-next-line long-sentence -->"
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=new_text)]))
    after = await wait_diagnostics(client, uri)
    assert not [d for d in after if d.code == "long-sentence"], after
    close_document(client, uri)


async def test_inline_disable_comment_when_the_line_continues_a_paragraph(client: LanguageClient, workspace: Path):
    text = "Hei,\n" + SENTENCE + "\n"
    uri = (workspace / "inline.md").as_uri()
    diagnostics = await open_document(client, uri, text)
    long = next(d for d in diagnostics if d.code == "long-sentence")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=long.range,
        context=types.CodeActionContext(diagnostics=[long])))
    disable = next(a for a in actions if "long-sentence" in a.title)
    new_text = apply_edits(text, edits_of(disable, uri))
    # The line above belongs to the same paragraph, so the comment goes at the end of the
    # finding's line: a comment line inside the paragraph would split it in two.
    line = long.range.start.line
    assert line == 1
    assert new_text.splitlines()[line] == text.splitlines()[line] + " <!-- plainfinnish: disable-line long-sentence -->"
    assert len(new_text.splitlines()) == len(text.splitlines())
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=new_text)]))
    assert not [d for d in await wait_diagnostics(client, uri) if d.code == "long-sentence"]
    close_document(client, uri)


async def test_suggestion_quick_fixes_and_fix_all(client: LanguageClient, workspace: Path):
    if "jargon" not in available():
        pytest.skip("the jargon rule (the one with replacement suggestions) is not in this installation")
    uri = (workspace / "fixes.md").as_uri()
    diagnostics = await open_document(client, uri, DOCUMENT)
    expected = next(f for f in plainfinnish.lint(DOCUMENT, filename="fixes.md") if f.text == "Reklamaatiosi")
    diagnostic = next(d for d in diagnostics if d.code == "jargon" and text_at(DOCUMENT, d.range) == "Reklamaatiosi")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix])))
    replacements = [a for a in actions if "disable" not in edits_of(a, uri)[0].new_text]
    applicable = [s for s in expected.suggestions if not s.advice]
    assert [edits_of(a, uri)[0].new_text for a in replacements] == [s.new_text for s in applicable]
    assert [bool(a.is_preferred) for a in replacements] == [s.safe for s in applicable]
    fixed = apply_edits(DOCUMENT, edits_of(replacements[0], uri))
    assert fixed == DOCUMENT.replace("Reklamaatiosi", applicable[0].new_text)
    # "Apply all safe fixes" fixes every jargon word with a safe alternative at once.
    whole = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert len(whole) == 1 and whole[0].kind.startswith("source.fixAll")
    all_fixed = apply_edits(DOCUMENT, edits_of(whole[0], uri))
    safe = [f for f in plainfinnish.lint(DOCUMENT, filename="fixes.md") if any(s.safe and not s.advice for s in f.suggestions)]
    assert safe and all(f.text not in all_fixed.split("\n")[f.line - 1] for f in safe)
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=all_fixed)]))
    after = await wait_diagnostics(client, uri)
    assert not [d for d in after if d.code == "jargon" and text_at(all_fixed, d.range) in {f.text for f in safe}]
    close_document(client, uri)


async def test_incremental_edit_updates_diagnostics_and_reuses_paragraphs(client: LanguageClient, workspace: Path):
    uri = (workspace / "edit.md").as_uri()
    await open_document(client, uri, DOCUMENT)
    before = await client.protocol.send_request_async("plainfinnish/status", {})
    # Split the long sentence in two: replace ", jotta" with ". Näin".
    offset = DOCUMENT.index(", jotta")
    change = types.TextDocumentContentChangePartial(
        range=types.Range(start=position_of(DOCUMENT, offset), end=position_of(DOCUMENT, offset + len(", jotta"))),
        text=". Näin")
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2), content_changes=[change]))
    after = await wait_diagnostics(client, uri)
    assert not [d for d in after if d.code == "long-sentence"], after
    status = await client.protocol.send_request_async("plainfinnish/status", {})
    # Only the edited paragraph went through the pipeline again; the other three were reused.
    assert status.analysed - before.analysed == 1
    assert status.reused - before.reused >= 3
    # Typing it back brings the finding back, on the same range as at first.
    client.diagnostics.pop(uri, None)
    edited = DOCUMENT[:offset] + ". Näin" + DOCUMENT[offset + len(", jotta"):]
    back = types.TextDocumentContentChangePartial(
        range=types.Range(start=position_of(edited, offset), end=position_of(edited, offset + len(". Näin"))), text=", jotta")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3), content_changes=[back]))
    again = [d for d in await wait_diagnostics(client, uri) if d.code == "long-sentence"]
    assert len(again) == 1 and text_at(DOCUMENT, again[0].range) == SENTENCE
    # Closing clears the document's diagnostics.
    client.diagnostics.pop(uri, None)
    close_document(client, uri)
    assert await wait_diagnostics(client, uri) == []


async def test_format_by_extension_and_by_language_id(client: LanguageClient, workspace: Path):
    # Markdown emphasis markers are not text: the finding's text must be exactly the sentence.
    text = "**Huom!** " + SENTENCE + "\n"
    untitled = "untitled:Untitled-1"
    diagnostics = await open_document(client, untitled, text, language_id="markdown")
    long = next(d for d in diagnostics if d.code == "long-sentence")
    assert text_at(text, long.range) == SENTENCE
    close_document(client, untitled)
    plain_uri = (workspace / "viesti.txt").as_uri()
    diagnostics = await open_document(client, plain_uri, "Hei.\n\n" + SENTENCE + "\n", language_id="plaintext")
    assert [d.range.start.line for d in diagnostics if d.code == "long-sentence"] == [2]
    close_document(client, plain_uri)


async def test_configuration_file_is_reloaded_when_it_changes(client: LanguageClient, workspace: Path):
    uri = (workspace / "config.md").as_uri()
    assert [d.code for d in await open_document(client, uri, DOCUMENT)].count("long-sentence") == 1
    config = workspace / ".plainfinnish.toml"
    config.write_text("[rules.long-sentence]\nmax-words = 40\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert "long-sentence" not in [d.code for d in await wait_diagnostics(client, uri)]
    config.write_text("[rules.long-sentence]\nmax-words = 'many'\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    broken = await wait_diagnostics(client, uri)
    assert len(broken) == 1 and ".plainfinnish.toml" in broken[0].message and "max-words" in broken[0].message
    config.write_text("[rules.long-sentence]\nmax-words = 25\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert "long-sentence" in [d.code for d in await wait_diagnostics(client, uri)]
    close_document(client, uri)


async def test_editor_settings_choose_the_message_language(client: LanguageClient, workspace: Path):
    uri = (workspace / "english.md").as_uri()
    await open_document(client, uri, DOCUMENT)
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"plainfinnish": {"language": "en", "debounceMs": 50}}))
    long = next(d for d in await wait_diagnostics(client, uri) if d.code == "long-sentence")
    assert long.message.startswith("The sentence has 26 words")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"plainfinnish": {"language": "fi", "debounceMs": 50}}))
    close_document(client, uri)


async def test_disable_action_in_a_po_file_is_a_translator_comment_above_the_entry(client: LanguageClient, workspace: Path):
    text = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            '#: templates/delay.txt:3\nmsgid "Your order is late."\n'
            f'msgstr "{SENTENCE}"\n')
    uri = (workspace / "fi.po").as_uri()
    diagnostics = await open_document(client, uri, text, language_id="po")
    long = next(d for d in diagnostics if d.code == "long-sentence")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=long.range,
        context=types.CodeActionContext(diagnostics=[long])))
    disable = [a for a in actions if "long-sentence" in a.title]
    assert len(disable) == 1, [a.title for a in actions]
    new_text = apply_edits(text, edits_of(disable[0], uri))
    assert "\n\n# plainfinnish: disable-next-line long-sentence\n#: templates/delay.txt:3\n" in new_text
    close_document(client, uri)


async def test_code_actions_answer_the_diagnostics_in_the_context(client: LanguageClient, workspace: Path):
    """'Mikäli' starts the long sentence and is itself jargon: the client asks about one of them."""
    if "jargon" not in available():
        pytest.skip("the jargon rule is not in this installation")
    uri = (workspace / "context.md").as_uri()
    diagnostics = await open_document(client, uri, DOCUMENT)
    start = position_of(DOCUMENT, DOCUMENT.index("Mikäli"))
    long = next(d for d in diagnostics if d.code == "long-sentence")
    jargon = next(d for d in diagnostics if d.code == "jargon" and d.range.start == start)
    cursor = types.Range(start=start, end=start)

    async def titles(diagnostic):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=cursor,
            context=types.CodeActionContext(diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix])))
        assert all([(d.code, d.range) for d in a.diagnostics] == [(diagnostic.code, diagnostic.range)] for a in actions)
        assert sum(bool(a.is_preferred) for a in actions) <= 1  # one main fix
        return [a.title for a in actions]

    about_long = await titles(long)
    assert about_long and all("long-sentence" in t for t in about_long), about_long
    about_jargon = await titles(jargon)
    assert any(t.startswith("Korvaa") for t in about_jargon) and not any("long-sentence" in t for t in about_jargon)
    close_document(client, uri)


async def test_rule_links_and_hover_are_for_a_writer(client: LanguageClient, workspace: Path):
    from urllib.parse import unquote, urlparse

    uri = (workspace / "links.md").as_uri()
    text = DOCUMENT + "\nSinä saat vastauksen pian. Te saatte myös kopion.\n"
    diagnostics = await open_document(client, uri, text)
    for diagnostic in diagnostics:
        href = diagnostic.code_description.href
        page = Path(unquote(urlparse(href).path))
        assert href.startswith("file://") and page.is_file(), href  # a page that exists, shipped with the package
        assert page.read_text(encoding="utf-8").startswith(f"# {diagnostic.code}:")
    for diagnostic in diagnostics:
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=diagnostic.range.start))
        value = hover.contents.value
        assert "/wordlists/" not in value and ".toml" not in value, value  # no internal paths
        details = value.split("**Vaihtoehdot:**")[0].split("### ")[0]  # before the alternatives and the page
        labels = [line[2:].split(":", 1)[0] for line in details.splitlines() if line.startswith("- ") and ": " in line]
        assert set(labels) <= {"Luokka", "Syy"}, value  # no internal data (counts such as 'sina: 5', lemmas)
    close_document(client, uri)
