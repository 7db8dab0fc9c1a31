"""The plainfinnish language server (stdio, pygls 2).

Threads: pygls runs the protocol on its asyncio loop; one analysis thread owns the NLP pipeline
and the incremental linter (spaCy is used from that thread only). The loop records edits and
schedules analyses; the analysis thread debounces them, lints the newest text and hands
diagnostics back to the loop. Hover and code actions answer from the newest analysis of the
document's current text (waiting briefly when an analysis is pending).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.capabilities import ServerCapabilitiesBuilder
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from plainfinnish import __version__, readers
from plainfinnish.budget import Budget, BudgetExceeded
from plainfinnish.config import Config, ConfigFinder
from plainfinnish.document import SourceText
from plainfinnish.engine import FileResult, load_once, over_budget, resolve_format, settle_after_load
from plainfinnish.errors import PlainfinnishError
from plainfinnish.lsp.analysis import IncrementalLinter
from plainfinnish.lsp.documents import OpenDocument
from plainfinnish.rules import available
from plainfinnish.rules.base import Finding

log = logging.getLogger("plainfinnish.lsp")

SOURCE = "plainfinnish"
#: A rule's page as shipped with the package (what `plainfinnish explain RULE` shows).
from plainfinnish.rules.pages import page_uri  # noqa: E402

FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"
CONFIG_GLOBS = ("**/pyproject.toml", "**/.plainfinnish.toml")
DEFAULT_DEBOUNCE_MS = 250

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

#: LSP languageId -> reader format, for documents whose name does not tell (untitled buffers).
_LANGUAGE_IDS = {
    "markdown": "markdown", "plaintext": "text", "text": "text", "html": "html", "jinja-html": "html",
    "django-html": "html", "handlebars": "html", "liquid": "html", "po": "po", "gettext": "po",
    "json": "json", "yaml": "yaml", "fluent": "fluent", "ftl": "fluent",
}


@dataclass
class Settings:
    """Editor settings (initializationOptions / workspace/didChangeConfiguration); they override the
    configuration file for the open documents."""

    profile: str | None = None
    language: str | None = None
    debounce_ms: int = DEFAULT_DEBOUNCE_MS

    @classmethod
    def parse(cls, raw: Any) -> "Settings":
        if isinstance(raw, dict) and isinstance(raw.get("plainfinnish"), dict):
            raw = raw["plainfinnish"]
        if not isinstance(raw, dict):
            return cls()
        profile = raw.get("profile") if raw.get("profile") in ("fast", "accurate") else None
        language = raw.get("language") if raw.get("language") in ("fi", "en") else None
        debounce = raw.get("debounceMs", raw.get("debounce_ms", DEFAULT_DEBOUNCE_MS))
        if not isinstance(debounce, int) or isinstance(debounce, bool) or not 0 <= debounce <= 10_000:
            debounce = DEFAULT_DEBOUNCE_MS
        return cls(profile=profile, language=language, debounce_ms=debounce)


@dataclass
class Analysis:
    """The newest lint of a document: which text it saw, and what it found there."""

    version: int
    snapshot: OpenDocument  # the analysed text, for position conversion
    result: FileResult | None
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # id(finding) -> suggestion source spans
    diagnostics: list[tuple[types.Diagnostic, Finding]] = field(default_factory=list)
    config: Config | None = None


class _Ignored:
    """A message that could not be read; `handle_message` drops it (its jsonrpc is not 2.0)."""

    jsonrpc = None


class _Protocol(LanguageServerProtocol):
    """pygls keeps a copy of every document; the server keeps its own (clamping bad positions,
    indexed once per edit), so the built-in text sync only forwards to the server's handlers."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        # pygls drops a request whose params do not fit the method without answering; JSON-RPC
        # wants an error response, or the client waits for ever.
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], None, err.to_response_error())
            log.warning("ignored a malformed message: %s", err)
            return _Ignored()

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class PlainfinnishServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("plainfinnish", __version__, protocol_cls=_Protocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents: dict[str, OpenDocument] = {}
        self.analyses: dict[str, Analysis] = {}
        self.settings = Settings()
        self.position_encoding = "utf-16"
        self.finder = ConfigFinder()
        self.root: Path | None = None
        self.linter = IncrementalLinter()
        self.ready = threading.Event()  # the pipeline is loaded
        self.loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()  # documents, pending, analyses
        self._wake = threading.Condition(self._lock)
        self._pending: dict[str, float] = {}  # uri -> when to analyse (monotonic seconds)
        self._worker: threading.Thread | None = None
        self._stopping = False
        self._clear_caches = False

    # -- scheduling (loop thread) ---------------------------------------------------------

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        with self._wake:
            self._pending[uri] = time.monotonic() + delay
            self._wake.notify()

    def schedule_all(self) -> None:
        with self._wake:
            now = time.monotonic()
            for uri in self.documents:
                self._pending[uri] = now
            self._wake.notify()

    def start_worker(self) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="plainfinnish-analysis", daemon=True)
            self._worker.start()

    def stop_worker(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()

    # -- the analysis thread ---------------------------------------------------------------

    def _work(self) -> None:
        self._load_pipeline()
        while True:
            with self._wake:
                while not self._stopping:
                    now = time.monotonic()
                    due = [uri for uri, at in self._pending.items() if at <= now]
                    if due:
                        break
                    timeout = min(self._pending.values()) - now if self._pending else None
                    self._wake.wait(timeout)
                if self._stopping:
                    return
                uri = due[0]
                del self._pending[uri]
                if self._clear_caches:
                    self.linter.clear()
                    self._clear_caches = False
                document = self.documents.get(uri)
                snapshot = (OpenDocument(uri, document.text, document.version, document.language_id, document.encoding)
                            if document is not None else None)
            if snapshot is None:
                continue
            try:
                analysis = self._analyse(snapshot)
            except Exception as err:  # noqa: BLE001 - a bug in one rule must not stop the server
                log.exception("analysis of %s failed", uri)
                analysis = Analysis(snapshot.version, snapshot, None)
                analysis.diagnostics = [(_file_diagnostic(snapshot, f"plainfinnish: internal error: {type(err).__name__}: {err}",
                                                          "internal-error"), None)]  # type: ignore[list-item]
            with self._lock:
                current = self.documents.get(uri)
                if current is None or current.version != snapshot.version or current.text != snapshot.text:
                    continue  # edited or closed meanwhile; the newer state is (or was) scheduled
                self.analyses[uri] = analysis
            self._call(self._publish, uri, analysis)

    def _load_pipeline(self) -> None:
        from plainfinnish.nlp import pipeline

        started = time.perf_counter()
        try:
            profile = self.settings.profile or self._config_for(None).profile
        except PlainfinnishError as err:  # a broken configuration: say so, load the default, keep serving
            self._call(self._show, f"plainfinnish: {err}", types.MessageType.Error)
            profile = Config().profile
        try:
            pipeline.load(profile)
            self._call(self._log, f"plainfinnish: {profile} pipeline ready in {time.perf_counter() - started:.1f} s")
        except PlainfinnishError as err:
            self._call(self._show, f"plainfinnish: {err}", types.MessageType.Error)
        finally:
            settle_after_load()  # also after a failed load: the collector is back on for the session
            self.ready.set()

    def _analyse(self, snapshot: OpenDocument) -> Analysis:
        analysis = Analysis(snapshot.version, snapshot, None)
        path = self.path_of(snapshot.uri)
        try:
            config = self._config_for(path)
            analysis.config = config
            size = len(snapshot.text.encode("utf-8", "surrogatepass"))
            if size > config.max_file_size:
                message = (f"plainfinnish: document is {size:,} bytes, over the limit of {config.max_file_size:,} "
                           f"(max-file-size); not checked")
                analysis.diagnostics = [(_file_diagnostic(snapshot, message, "file-too-large",
                                                          types.DiagnosticSeverity.Information), None)]  # type: ignore[list-item]
                return analysis
            fmt = self.format_of(snapshot, path, config)
            source = SourceText(path=str(path) if path else snapshot.uri, text=snapshot.text)
            load_once(config.profile)
            budget = Budget()
            try:
                with budget.running():  # the same per-file time budget as the CLI
                    result = self.linter.lint(source, config, fmt)
            except BudgetExceeded:
                self.linter.clear()  # an interrupted analysis may have left half an entry
                raise over_budget(source.path, "checking", budget) from None
        except PlainfinnishError as err:
            analysis.diagnostics = [(_file_diagnostic(snapshot, str(err), "config-or-input-error"), None)]  # type: ignore[list-item]
            return analysis
        analysis.result = result
        messages = result.read_result.messages if result.read_result else []
        for finding in result.findings:
            analysis.spans[id(finding)] = _suggestion_spans(finding, messages)
            analysis.diagnostics.append((self._diagnostic(snapshot, finding, config), finding))
        return analysis

    # -- configuration -----------------------------------------------------------------------

    def path_of(self, uri: str) -> Path | None:
        if not uri.startswith("file:"):
            return None
        path = to_fs_path(uri)
        return Path(path) if path else None

    def _config_for(self, path: Path | None) -> Config:
        from dataclasses import replace

        if path is not None:
            config = self.finder.for_path(path)
        elif self.root is not None:
            config = self.finder.for_path(self.root / "untitled")
        else:
            config = Config()
        changes: dict[str, Any] = {}
        if self.settings.profile:
            changes["profile"] = self.settings.profile
        if self.settings.language:
            changes["language"] = self.settings.language
        return replace(config, **changes) if changes else config

    def format_of(self, document: OpenDocument, path: Path | None, config: Config) -> str:
        name = str(path) if path else document.uri.rsplit("/", 1)[-1]
        fmt, known = resolve_format(name, config)
        if known:
            return fmt
        by_language = _LANGUAGE_IDS.get(document.language_id.lower())
        return by_language if by_language in readers.FORMATS else "text"

    def reload_config(self) -> None:
        with self._lock:
            self.finder = ConfigFinder()
            # Wordlists may have changed without the configuration's fingerprint changing.
            self._clear_caches = True
        self.schedule_all()

    # -- output (loop thread) -------------------------------------------------------------------

    def _call(self, fn: Any, *args: Any) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(fn, *args)

    def _publish(self, uri: str, analysis: Analysis) -> None:
        if uri not in self.documents:
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=analysis.version, diagnostics=[d for d, _ in analysis.diagnostics]))

    def _log(self, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=types.MessageType.Info, message=message))

    def _show(self, message: str, kind: types.MessageType) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source: Any) -> None:
        # Malformed messages from the client are logged, not shown as pop-ups.
        log.error("%s", error)
        try:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=f"plainfinnish: {error}"))
        except Exception:  # noqa: BLE001
            pass

    def _diagnostic(self, snapshot: OpenDocument, finding: Finding, config: Config | None = None) -> types.Diagnostic:
        return types.Diagnostic(
            range=diagnostic_range(snapshot, finding),
            message=finding.message,
            severity=_SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if (href := page_uri(finding.rule, _language(config))) else None,
            source=SOURCE,
            data={"rule": finding.rule},
        )

    # -- requests ------------------------------------------------------------------------------

    async def fresh_analysis(self, uri: str, timeout: float = 15.0) -> Analysis | None:
        """The analysis of the document's current text, waiting for a pending one."""
        deadline = time.monotonic() + timeout
        while True:
            document = self.documents.get(uri)
            if document is None:
                return None
            analysis = self.analyses.get(uri)
            if analysis is not None and analysis.version == document.version and analysis.snapshot.text == document.text:
                return analysis
            if time.monotonic() > deadline:
                return None
            await asyncio.sleep(0.02)


def _file_diagnostic(snapshot: OpenDocument, message: str, code: str,
                     severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Error) -> types.Diagnostic:
    return types.Diagnostic(range=snapshot.range_of(0, snapshot.line_end(0)), message=message,
                            severity=severity, code=code, source=SOURCE)


def diagnostic_range(snapshot: OpenDocument, finding: Finding) -> types.Range:
    """The finding's span; a document-level finding (a whole message) is shown on its first line
    only, so the editor does not underline the whole text."""
    start, end = finding.source_start, finding.source_end
    rule = available().get(finding.rule)
    if rule is not None and rule.scope == "document":
        line_end = snapshot.line_end(snapshot.position_at(start).line)
        end = min(end, line_end) if line_end > start else end
    return snapshot.range_of(start, end)


def _suggestion_spans(finding: Finding, messages: list) -> list[tuple[int, int]]:
    """Source span each suggestion replaces (its own span in the message, else the finding's)."""
    message = _message_of(finding, messages)
    spans = []
    for suggestion in finding.suggestions:
        if message is not None and suggestion.start is not None and suggestion.end is not None:
            spans.append(message.source_span(suggestion.start, suggestion.end))
        else:
            spans.append((finding.source_start, finding.source_end))
    return spans


def _message_of(finding: Finding, messages: list) -> Any:
    for message in messages:
        if message.key == finding.key and finding.end <= len(message.text) and message.text:
            start, end = message.source_span(finding.start, finding.end)
            if (start, end) == (finding.source_start, finding.source_end):
                return message
    return None


def _language(config: Config | None) -> str:
    return config.language if config is not None else "fi"


def _say(config: Config | None, fi: str, en: str) -> str:
    return en if config is not None and config.language == "en" else fi


def _contains(range_: types.Range, position: types.Position) -> bool:
    start = (range_.start.line, range_.start.character)
    end = (range_.end.line, range_.end.character)
    return start <= (position.line, position.character) <= end


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and \
        (b.start.line, b.start.character) <= (a.end.line, a.end.character)


SERVER = PlainfinnishServer()


@SERVER.feature(types.INITIALIZE)
def initialize(ls: PlainfinnishServer, params: types.InitializeParams) -> None:
    ls.loop = asyncio.get_running_loop()
    ls.settings = Settings.parse(params.initialization_options)
    # The encoding pygls announces in the capabilities (the client's first offer it supports,
    # UTF-16 when none): every position is counted in it.
    encoding = ServerCapabilitiesBuilder.choose_position_encoding(params.capabilities)
    ls.position_encoding = str(getattr(encoding, "value", encoding))
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    if root:
        ls.root = ls.path_of(root)
    elif params.root_path:
        ls.root = Path(params.root_path)
    ls.start_worker()  # loads the pipeline in the background; initialize answers at once


@SERVER.feature(types.INITIALIZED)
def initialized(ls: PlainfinnishServer, params: types.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS])
        ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="plainfinnish-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))


@SERVER.feature(types.SHUTDOWN)
def shutdown(ls: PlainfinnishServer, params: None) -> None:
    ls.stop_worker()


@SERVER.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: PlainfinnishServer, params: types.DidOpenTextDocumentParams) -> None:
    item = params.text_document
    with ls._lock:
        ls.documents[item.uri] = OpenDocument(item.uri, item.text, item.version, item.language_id or "",
                                              ls.position_encoding)
    ls.schedule(item.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: PlainfinnishServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    with ls._lock:
        document = ls.documents.get(uri)
        if document is None:
            return  # a change to a document that is not open: nothing to apply it to
        for change in params.content_changes:
            document.apply(change)
        document.version = params.text_document.version
    ls.schedule(uri, ls.settings.debounce_ms / 1000)


@SERVER.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: PlainfinnishServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if uri.endswith(("/pyproject.toml", "/.plainfinnish.toml")):
        ls.reload_config()
    elif uri in ls.documents:
        # Re-read the configuration on every save: clients that cannot watch files (Neovim 0.7)
        # pick up a fixed configuration this way. Unchanged paragraphs stay cached.
        with ls._lock:
            ls.finder = ConfigFinder()
        ls.schedule_all()


@SERVER.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: PlainfinnishServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    with ls._lock:
        ls.documents.pop(uri, None)
        ls.analyses.pop(uri, None)
        ls._pending.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@SERVER.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: PlainfinnishServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any(change.uri.endswith(("pyproject.toml", ".plainfinnish.toml")) for change in params.changes):
        ls.reload_config()


@SERVER.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
def did_change_configuration(ls: PlainfinnishServer, params: types.DidChangeConfigurationParams) -> None:
    ls.settings = Settings.parse(params.settings)
    ls.schedule_all()


@SERVER.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: PlainfinnishServer, params: types.HoverParams) -> types.Hover | None:
    analysis = await ls.fresh_analysis(params.text_document.uri)
    if analysis is None:
        return None
    hits = [(d, f) for d, f in analysis.diagnostics if f is not None and _contains(d.range, params.position)]
    if not hits:
        return None
    parts = [hover_text(f, analysis.config) for _, f in hits]
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=hits[0][0].range)


def hover_text(finding: Finding, config: Config | None) -> str:
    language = config.language if config else "fi"
    rule = available().get(finding.rule)
    lines = [f"**{finding.rule}**: {finding.message}"]
    # Only what a writer reads; the rest of `data` (counts, wordlist paths) is for tools.
    labels = {"category": ("Luokka", "Category"), "reason": ("Syy", "Reason")}
    for key, (fi, en) in labels.items():
        value = finding.data.get(f"{key}_name") or finding.data.get(key)  # the name is in the output language
        if isinstance(value, str) and value.strip() and value not in finding.message:
            lines.append(f"- {_say(config, fi, en)}: {value}")
    alternatives = [s for s in finding.suggestions]
    if alternatives:
        lines.append("")
        lines.append(_say(config, "**Vaihtoehdot:**", "**Alternatives:**"))
        for s in alternatives:
            note = _say(config, " (neuvo)", " (advice)") if s.advice else ""
            lines.append(f"- {s.text}{note}")
    if rule is not None:
        page = rule.page(language)
        lines += ["", f"### {page.title}", page.what, "", page.why]
        href = page_uri(finding.rule, language)
        if href:
            lines += ["", f"[{_say(config, 'Säännön sivu', 'Rule page')}]({href})"]
    return "\n".join(lines)


@SERVER.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL_KIND]))
async def code_action(ls: PlainfinnishServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    analysis = await ls.fresh_analysis(uri)
    if analysis is None or analysis.result is None:
        return []
    only = params.context.only
    wanted = (lambda kind: any(kind == k or kind.startswith(f"{k}.") for k in only)) if only else (lambda kind: True)
    actions: list[types.CodeAction] = []
    config = analysis.config
    snapshot = analysis.snapshot
    if wanted(types.CodeActionKind.QuickFix):
        for diagnostic, finding in _asked_about(analysis, params):
            preferred = False
            for suggestion, span in zip(finding.suggestions, analysis.spans.get(id(finding), [])):
                if suggestion.advice:
                    continue
                title = _say(config, f"Korvaa: {suggestion.text}", f"Replace with: {suggestion.text}")
                main = suggestion.safe and not preferred  # the first safe suggestion is the main fix
                preferred = preferred or main
                actions.append(types.CodeAction(
                    title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    is_preferred=main or None,
                    edit=ls_edit(ls, analysis, [types.TextEdit(range=snapshot.range_of(*span), new_text=suggestion.new_text)])))
            disable = disable_action(ls, analysis, diagnostic, finding)
            if disable is not None:
                actions.append(disable)
    fix_all = [(span, s) for _, f in analysis.diagnostics if f is not None
               for s, span in zip(f.suggestions, analysis.spans.get(id(f), [])) if s.safe and not s.advice][:]
    if fix_all and (wanted(FIX_ALL_KIND)):
        edits = []
        last_end = -1
        for (start, end), suggestion in sorted(fix_all, key=lambda item: item[0]):
            if start < last_end:
                continue  # overlapping fixes: the first wins; the next run offers the rest
            edits.append(types.TextEdit(range=snapshot.range_of(start, end), new_text=suggestion.new_text))
            last_end = end
        actions.append(types.CodeAction(
            title=_say(config, "plainfinnish: tee kaikki turvalliset korjaukset", "plainfinnish: apply all safe fixes"),
            kind=FIX_ALL_KIND, edit=ls_edit(ls, analysis, edits)))
    return actions


def _asked_about(analysis: Analysis, params: types.CodeActionParams) -> list[tuple[types.Diagnostic, Finding]]:
    """The findings behind the diagnostics the client sent in the request's context; a client that
    sends none gets those overlapping the range."""
    ours = [(d, f) for d, f in analysis.diagnostics if f is not None]
    sent = [d for d in params.context.diagnostics if d.source == SOURCE]
    if sent:
        # Matched by rule, message and line: clients send back columns converted their own way
        # (Neovim 0.7 sends byte columns).
        keys = {(d.range.start.line, str(d.code), d.message) for d in sent}
        return [(d, f) for d, f in ours if (d.range.start.line, str(d.code), d.message) in keys]
    return [(d, f) for d, f in ours if _overlaps(d.range, params.range)]


def ls_edit(ls: PlainfinnishServer, analysis: Analysis, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    uri = analysis.snapshot.uri
    workspace = ls.client_capabilities.workspace
    versioned = bool(workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes)
    if versioned:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=analysis.version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})


def disable_action(ls: PlainfinnishServer, analysis: Analysis, diagnostic: types.Diagnostic,
                   finding: Finding) -> types.CodeAction | None:
    """Insert a suppression comment in the file's own comment syntax, where the format allows one
    (see `suppression.comment_edit`); none when no place keeps the file valid (JSON)."""
    from plainfinnish.suppression import comment_edit

    snapshot = analysis.snapshot
    if analysis.result is None or analysis.config is None:
        return None
    path = ls.path_of(snapshot.uri)
    fmt = ls.format_of(snapshot, path, analysis.config)
    source = SourceText(path=str(path) if path else snapshot.uri, text=snapshot.text)
    place = comment_edit(source, fmt, analysis.config.readers, finding)
    if place is None:
        return None
    offset, text = place
    edit = types.TextEdit(range=snapshot.range_of(offset, offset), new_text=text)
    return types.CodeAction(
        title=_say(analysis.config, f"Poista {finding.rule} käytöstä tältä riviltä",
                   f"Disable {finding.rule} for this line"),
        kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic], edit=ls_edit(ls, analysis, [edit]))


@SERVER.feature("plainfinnish/status")
def status(ls: PlainfinnishServer, params: Any) -> dict[str, Any]:
    """Internal numbers for tests and the benchmark: readiness, paragraph reuse, memory."""
    return {"ready": ls.ready.is_set(), "analysed": ls.linter.analysed, "reused": ls.linter.reused,
            "documents": len(ls.documents), "rss_kb": _rss_kb()}


def _rss_kb() -> int:
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status_file:
            for line in status_file:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    import sys

    from plainfinnish.lsp.framing import serve

    logging.basicConfig(level=logging.WARNING, format="plainfinnish-lsp: %(levelname)s: %(message)s")
    sys.exit(serve(SERVER, sys.stdin.buffer, sys.stdout.buffer))  # tolerant framing; exit status per the protocol
