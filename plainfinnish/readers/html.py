"""HTML e-mails and pages, with template syntax (Jinja, Django, Liquid, Handlebars, ERB), exactly positioned.

Parsing uses the standard library's `html.parser.HTMLParser`, not selectolax: selectolax (lexbor)
builds a good tree but gives no source positions, while HTMLParser is a tolerant tokenizer that
reports the line and column of every tag and text run (`getpos()`), recovers from broken markup
the way browsers do for text (unclosed tags, stray `<`, bad attributes never raise), and lets us
read attribute values at their exact place in the tag. We need no tree: block boundaries come
from the tag names.

Before parsing, template tags are blanked out with spaces (same length, line breaks kept), so a
`{{ x }}` inside an attribute or `{% if a %}` between tags never confuses the tokenizer; text runs
are then read from the original text, where `templates` turns the tags into placeholders.

Visible text only: `script`, `style` and `template` are skipped, comments too except
`<!-- plainfinnish: ... -->` directives. Block elements, `<br>` and table cells end paragraphs;
inline elements do not. Customer-facing attributes (`alt`, `title`, `aria-label`, `placeholder`,
button `value`, the `content` of description metas) are checked as blocks of their own after the
text, so they never split a sentence.
"""

from __future__ import annotations

from html.parser import HTMLParser, attrfind_tolerant, tagfind_tolerant  # type: ignore[attr-defined]

from plainfinnish.document import Directive, MessageBuilder, ReadResult, SourceText
from plainfinnish.readers.templates import Mapped, add_inline, directive_in_comment, scan

#: Elements whose start and end end a paragraph (and so a sentence).
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body br button caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main menu nav ol optgroup
    option p pre section select summary table tbody td textarea tfoot th thead title tr ul legend iframe""".split()
)
#: Elements whose content is never shown as text.
HIDDEN_ELEMENTS = frozenset({"script", "style", "template", "noscript", "svg", "math", "object"})
#: Attributes a customer reads or hears.
TEXT_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder", "aria-description"})
DESCRIPTION_METAS = frozenset({"description", "og:description", "twitter:description", "og:title", "twitter:title"})
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())


def read(source: SourceText, options: dict | None = None) -> ReadResult:
    builder = MessageBuilder()
    directives: list[Directive] = []
    add_html(builder, Mapped.identity(source.text), source, directives)
    builder.block()
    return ReadResult(messages=[builder.build()], directives=directives, comment_style=("<!--", "-->"))


def add_html(builder: MessageBuilder, mapped: Mapped, source: SourceText, directives: list[Directive] | None) -> None:
    """Add the visible text of HTML (a file, or markup inside a locale string) to the builder."""
    text = mapped.text
    masked = _mask_templates(text)
    events = _Tokenizer.events(masked)
    attributes: list[tuple[int, int]] = []
    hidden: list[str] = []
    for index, (kind, start, name, tag_text) in enumerate(events):
        stop = events[index + 1][1] if index + 1 < len(events) else len(text)
        if kind == "data":
            if not hidden:
                add_inline(builder, mapped, start, stop, source, directives, html_text=True)
        elif kind == "comment":
            if directives is not None:
                raw = text[start:stop]
                inner = raw[4:-3] if raw.endswith("-->") else raw[4:]
                body = directive_in_comment(inner)
                if body is not None:
                    line, column = source.position(mapped.start(start))
                    last = source.position(max(mapped.end(stop) - 1, mapped.start(start)))[0]
                    directives.append(Directive(line, last, column, body))
        elif kind in ("start", "startend"):
            if name in BLOCK_ELEMENTS:
                builder.block()
            if not hidden:
                attributes.extend(_text_attributes(name, tag_text, start))
            if name in HIDDEN_ELEMENTS and kind == "start" and name not in VOID_ELEMENTS:
                hidden.append(name)
        elif kind == "end":
            if name in hidden:
                while hidden and hidden.pop() != name:
                    pass
            if name in BLOCK_ELEMENTS:
                builder.block()
    for start, end in attributes:
        builder.block()
        add_inline(builder, mapped, start, end, source, directives, html_text=True)
        builder.block()


def _text_attributes(tag: str, tag_text: str, tag_start: int) -> list[tuple[int, int]]:
    """Spans (in the parsed text) of the customer-facing attribute values of a start tag."""
    name_match = tagfind_tolerant.match(tag_text, 1)
    if name_match is None:
        return []
    found: dict[str, tuple[int, int]] = {}
    values: dict[str, str] = {}
    pos = name_match.end()
    while pos < len(tag_text):
        match = attrfind_tolerant.match(tag_text, pos)
        if match is None or match.end() == pos:
            break
        attr = match.group(1).lower()
        if match.group(3) is not None:
            value_start, value_end = match.start(3), match.end(3)
            if tag_text[value_start : value_start + 1] in ("'", '"') and value_end - value_start >= 2:
                value_start, value_end = value_start + 1, value_end - 1
            found.setdefault(attr, (tag_start + value_start, tag_start + value_end))
            values.setdefault(attr, tag_text[value_start:value_end].strip().lower())
        pos = match.end()
    wanted = [a for a in found if a in TEXT_ATTRIBUTES]
    if tag == "meta" and (values.get("name") in DESCRIPTION_METAS or values.get("property") in DESCRIPTION_METAS):
        wanted.append("content")
    if tag == "input" and values.get("type") in ("submit", "button", "reset"):
        wanted.append("value")
    return [found[a] for a in wanted if a in found and found[a][0] < found[a][1]]


def _mask_templates(text: str) -> str:
    """The text with template tags blanked out (same offsets, line breaks kept)."""
    parts: list[str] = []
    pos = 0
    for tag in scan(text):
        inner = tag.text[2:-2] if tag.text.startswith("<%") else tag.text
        if "<" in inner or ">" in inner:
            continue  # would hide markup; the tokenizer copes with it as text
        parts.append(text[pos : tag.start])
        parts.append("".join("\n" if c == "\n" else " " for c in tag.text))
        pos = tag.end
    parts.append(text[pos:])
    return "".join(parts)


class _Tokenizer(HTMLParser):
    """Records (kind, start offset, tag name, raw tag text) for every token of a text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self._line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self.out: list[tuple[str, int, str, str]] = []

    @classmethod
    def events(cls, text: str) -> list[tuple[str, int, str, str]]:
        tokenizer = cls(text)
        # A comment never closed runs to the end (as in browsers); HTMLParser would search for
        # its end again from every later '<!--', quadratic in the file's length.
        closed = text.rfind("-->")
        unclosed = text.find("<!--", closed + 3 if closed >= 0 else 0)
        tokenizer.feed(text if unclosed < 0 else text[:unclosed])
        tokenizer.close()
        if unclosed >= 0:
            tokenizer.out.append(("comment", unclosed, "", ""))
        return tokenizer.out

    def _here(self) -> int:
        line, column = self.getpos()
        return self._line_starts[min(line, len(self._line_starts)) - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.out.append(("start", self._here(), tag, self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.out.append(("startend", self._here(), tag, self.get_starttag_text() or ""))

    def handle_endtag(self, tag: str) -> None:
        self.out.append(("end", self._here(), tag, ""))

    def handle_data(self, data: str) -> None:
        here = self._here()
        if self.out and self.out[-1][0] == "data":
            return  # one text run reported in pieces
        self.out.append(("data", here, "", ""))

    def handle_comment(self, data: str) -> None:
        self.out.append(("comment", self._here(), "", ""))

    def handle_decl(self, decl: str) -> None:
        self.out.append(("other", self._here(), "", ""))

    def handle_pi(self, data: str) -> None:
        self.out.append(("other", self._here(), "", ""))

    def unknown_decl(self, data: str) -> None:
        self.out.append(("other", self._here(), "", ""))

