"""One form file as the HTML parser sees it: blanked markup, tags, attributes and text.

`Page` runs the template passes (`template_php`, then `templates`) over a file,
feeds the blanked markup to the stdlib HTML parser and answers questions on
offsets: which attributes a start tag has and whether template code sits in
them, what readable text a label or an attribute holds, which `if` branch an
offset is in. The records of what a page holds (`Attr`, `Tag`, `Label`,
`Control`, `FormTag`) are here too: the reader fills them, and `widgets` makes
controls as well.

The stdlib parser is used because it reports where each tag starts and keeps
`<script>` bodies opaque (a `<form>` in a JS string is not a form); html5lib
and BeautifulSoup report no columns, lxml no columns either.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from cnsnt.evidence import FieldRole, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import LineIndex
from cnsnt.sources.forms.common import file_form_name
from cnsnt.sources.forms.heex_markup import (
    EEX_SUFFIXES,
    HEEX_SUFFIXES,
    heex_sigils,
    sveltekit_stem,
    unprefix_components,
)
from cnsnt.sources.forms.template_conditions import Conditions
from cnsnt.sources.forms.template_php import blank_php
from cnsnt.sources.forms.templates import BRANCH, CLOSE, EXPR, IF, OPEN, Scanner, Token, blank, skip_space

#: How many unreadable spots the HTML parser may skip in one file before giving up.
_MAX_PARSER_RETRIES = 20


@dataclass(frozen=True)
class Attr:
    """One attribute of a start tag, with where its value is."""

    name: str
    value: str | None
    """The value as the parser sees it (template code blanked), entities decoded."""
    raw: str | None
    """The value as written."""
    start: int
    vstart: int
    vend: int
    templated: bool


@dataclass
class Tag:
    """A start tag and its attributes."""

    tag: str
    start: int
    end: int
    attrs: dict[str, Attr]

    def literal(self, name: str) -> str | None:
        """An attribute's value when it is plain text (no template code), else None."""
        attr = self.attrs.get(name)
        if attr is None or attr.value is None or attr.templated:
            return None
        return attr.value


@dataclass
class Label:
    """A `<label>`: its text runs from `inner_start` to its end tag."""

    tag: Tag
    inner_start: int
    inner_end: int | None = None
    first_control: int | None = None
    """Where the first control inside it starts: an unclosed label's text ends there."""


@dataclass
class Control:
    """A form control found in the page (a tag, or what a partial or helper renders)."""

    start: int
    control: str
    name: str | None
    raw: str | None
    form: int | None = None
    tag: Tag | None = None
    ancestors: tuple[Tag, ...] = ()
    wrapping: Label | None = None
    label: str | None = None
    label_hint: bool = False
    """The label is its placeholder or `title` (no label of its own): `FormField.label_hint`."""
    group_label: str | None = None
    """A radio's or checkbox's group label (its fieldset's legend): the field's, not the option's."""
    required: bool = False
    checked: bool = False
    checked_conditionally: bool = False
    checked_at: int | None = None
    """Offset of a literal `checked` attribute, to decide later whether a condition prints it."""
    default: str | None = None
    role: FieldRole = FieldRole.INPUT
    why: str | None = None
    """Why the name is unknown, for the warning."""
    id: str | None = None
    disabled: bool = False
    """`disabled` written in its tag or its `<fieldset>`'s, not printed by a template condition."""
    readonly: bool = False
    control_id: str | None = None
    """Its literal id when it has no name at all (no `name`, binding or template code)."""
    placed: bool = False
    """Drawn at a call or an include in the page (a partial's partial): already the page's field."""

    @property
    def key(self) -> str | None:
        """What the control submits under: its name, else its raw markup; None for nameless buttons."""
        if self.name is not None:
            return self.name
        if self.raw and self.role is not FieldRole.BUTTON:
            return "?" + self.raw
        return None


@dataclass
class FormTag:
    """A `<form>` element: the form name it gives its controls, and its span."""

    name: str
    start: int
    end: int
    id: str | None
    named: bool = True
    """Its name is its own (`id`, `name`, a SvelteKit action), not its file's."""
    model: str | None = None
    """The object it fills (Thymeleaf's `th:object="${randevu}"` is `randevu`), else None."""
    query: bool = False
    """`method="get"`: a search or filter form when its controls say so (`search_forms`)."""
    action: str | None = None
    """Its literal `action` (`/owners/find`): a form named for a search is one."""


#: The end of a comment for html.parser (its `_markupbase._commentclose`). Linear: a
#: match can start only at `--`, and each try runs over one blank run.
_COMMENT_CLOSE = re.compile(r"--\s*>")


def plain_tail(markup: str) -> str:
    """The markup with every `<` after the last `>` made a space (same length, same offsets).

    No tag, comment or declaration can end there, so html.parser makes each such
    `<` text at the end anyway, but only after looking for a `>` from every one of
    them: O(n^2) for a tail of `<a<a<a...`. The events are the same.
    """
    last_gt = markup.rfind(">")
    if markup.find("<", last_gt + 1) < 0:
        return markup
    return markup[: last_gt + 1] + markup[last_gt + 1 :].replace("<", " ")


class _Events(HTMLParser):
    """Record where each start and end tag is; the rest is done on offsets.

    CPython's parser (3.11) looks for the end of an unclosed comment or start
    tag again from every later `<!--` or `<a`, and then for a `>` after it:
    repeated thousands of times that is O(n^2). Two overrides answer "there
    is no end after here" from one precomputed position instead, and
    `plain_tail` removes the openers no `>` follows; the events are the same.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._lines = LineIndex(text)
        self.events: list[tuple[bool, str, int, int]] = []
        self.comments: list[tuple[int, int]] = []
        """(start, end) of each comment's body, in order."""
        self._ends_of: str | None = None
        self._last_gt = -1
        self._last_comment_close = -1

    def feed(self, data: str) -> None:
        """Parse the whole markup (one call), its tail after the last `>` as plain text."""
        super().feed(plain_tail(data))

    def _ends(self) -> tuple[int, int]:
        """(last `>`, start of the last comment end) of the text being parsed, cached."""
        raw = self.rawdata
        if self._ends_of is not raw:
            self._ends_of = raw
            self._last_gt = raw.rfind(">")
            self._last_comment_close = -1
            for m in _COMMENT_CLOSE.finditer(raw):
                self._last_comment_close = m.start()
        return self._last_gt, self._last_comment_close

    def check_for_whole_start_tag(self, i: int) -> int:
        """-1 (incomplete) at once when no `>` follows: no start tag can end there."""
        if self._ends()[0] < i:
            return -1
        result: int = super().check_for_whole_start_tag(i)
        return result

    def parse_comment(self, i: int, report: bool = True) -> int:
        """-1 (unclosed) at once when no comment end follows, as the search would find."""
        if self._ends()[1] < i + 4:
            return -1
        result: int = super().parse_comment(i, report)
        return result

    def position(self) -> int:
        """Where the parser is, as an offset into the text it was fed."""
        line, col = self.getpos()
        return self._lines.offset(line, col)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Remember a start tag's span."""
        start = self.position()
        self.events.append((True, tag, start, start + len(self.get_starttag_text() or "")))

    def handle_endtag(self, tag: str) -> None:
        """Remember an end tag's offset."""
        start = self.position()
        self.events.append((False, tag, start, start))

    def handle_comment(self, data: str) -> None:
        """Remember where a comment's body is (the parser is at its `<!--`)."""
        start = self.position() + 4
        self.comments.append((start, start + len(data)))


class Outline(_Events):
    """A page's outline for `cnsnt init` (`starter.static_mockups`).

    Is it a whole document, how many scripts, each form's action, whether Thymeleaf renders
    it (`th:action`, `data-th-field`: template code with no `{{`); parsed with `_Events`'
    linear overrides.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.document = False
        self.scripts = 0
        self.actions: list[str | None] = []
        self.templated = False
        self.hosted = False  # a form its host receives (Netlify's `data-netlify`), no route of the app
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        """`<!DOCTYPE html>`: a whole document."""
        self.document = self.document or decl.lower().startswith("doctype")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<html>`, `<script>` and `<form action>`, beside the span `_Events` keeps."""
        super().handle_starttag(tag, attrs)
        self.templated = self.templated or any(name.startswith(_THYMELEAF) for name, _ in attrs)
        if tag == "html":
            self.document = True
        elif tag == "script":
            self.scripts += 1
        elif tag == "form":
            self.actions.append(dict(attrs).get("action"))
            self.hosted = self.hosted or any(name in _HOSTED for name, _ in attrs)


#: Attribute prefixes of Thymeleaf's template code (`th:action="@{/login}"`), the parser's lower case.
_THYMELEAF = ("th:", "data-th-")
#: A form's attributes by which its static host receives what it posts (Netlify Forms).
_HOSTED = frozenset({"netlify", "data-netlify"})
#: What may hide a tag after the last one the parser read: a start tag's opener, a comment,
#: a declaration or processing instruction. Linear: fixed length.
_HIDING = re.compile(r"<(?:[A-Za-z]|!--|[!?])")
#: A start tag's name after its `<`. Linear: one possessive class run.
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*+")
#: Elements whose content the parser reads as text up to their end tag.
_RAW_TEXT = frozenset({"script", "style"})


#: A tag in a label's markup, up to the next `>` (or the end). Linear: it never fails once
#: it starts at `<`, so what it reads is consumed. `strip_tags` applies it only up to the
#: last `>`, where every `<` has a `>` after it, so `\Z` never ends a tag there.
_TAGS = re.compile(r"<[^>]*+(?:>|\Z)")
#: The body of a quoted string after its opening quote. Linear: alternatives of one
#: possessive run or one escape, the loop possessive; `first_string_literal` never
#: re-reads a stretch one of them read.
_STRING_BODY = {
    "'": re.compile(r"(?>(?:[^'\\\n]++|\\.)*)"),
    '"': re.compile(r'(?>(?:[^"\\\n]++|\\.)*)'),
}
#: Linear: one class, one character per match.
_QUOTE = re.compile(r"['\"]")
#: Linear: a possessive run after one character; it never fails once started.
_IDENT = re.compile(r"[A-Za-z_$][\w.$]*+")
#: Linear: fixed words after a fixed prefix.
_SMARTY_CLOSE = re.compile(r"\{/(?:if|foreach|section)\}")
#: What only Ember's Glimmer templates write in a `.hbs` file: an element modifier in a tag
#: (`{{on 'input' ...}}`, the older `{{action ...}}`), a component's named argument
#: (`@value=`, `{{@user.email}}`). Linear: fixed prefixes, one possessive word run, a fixed `=`.
_GLIMMER = re.compile(r"\{\{(?:on|action)\s|\{\{@\w|\s@[\w-]++=")
#: Linear: one possessive class run, anchored at both ends (fullmatch).
_PLAIN_LITERAL = re.compile(r"[^\s\"'<>]++")


def strip_tags(markup: str) -> str:
    """Markup with each tag (`<...>`) replaced by a blank; an unclosed `<` is kept as text.

    Only the text up to the last `>` is searched, so every try of `_TAGS` succeeds
    (no `<` is followed by a failing scan to the end: that was quadratic).
    """
    end = markup.rfind(">") + 1
    return _TAGS.sub(" ", markup[:end]) + markup[end:]


def first_string_literal(code: str, pos: int = 0) -> str | None:
    r"""The text of the first quoted string (`'...'` or `"..."`, one line) at or after `pos`.

    The same string a regex search for `'(?:[^'\\\n]|\\.)*'|"..."` finds, in linear
    time: when a string opened by a quote is not closed before the line ends, no later
    quote of the same kind inside that stretch can close one either (it is escaped, and
    the text after it reads the same), so those quotes are skipped instead of re-read.
    """
    failed_until = {"'": -1, '"': -1}
    i = pos
    while (m := _QUOTE.search(code, i)) is not None:
        start = m.start()
        quote = code[start]
        if start >= failed_until[quote]:
            body = _STRING_BODY[quote].match(code, start + 1)
            end = body.end() if body else start + 1
            if end < len(code) and code[end] == quote:
                return code[start + 1 : end]
            failed_until[quote] = end
        i = start + 1
    return None
_NOT_LABELS = frozenset({"if", "else", "not", "and", "or", "echo", "print", "lang", "trans", "t"})
BUTTON_TYPES = frozenset({"submit", "button", "reset", "image"})


def _expr_text(code: str) -> str | None:
    """Readable text behind a template expression: its string literal, else its variable."""
    literal = first_string_literal(code)
    if literal is not None:
        text = literal.strip()
        if any(ch.isalnum() for ch in text):
            return text
    for m in _IDENT.finditer(code):
        word = m.group(0).strip("$.")
        if word and word.lower() not in _NOT_LABELS and not word.lower().startswith("php"):
            return word
    return None


def flat(text: str) -> str:
    """Whitespace runs collapsed to one space, ends trimmed."""
    return " ".join(text.split())


def smarty_syntax(path: Path, code: str) -> bool:
    """Whether a template's single braces are Smarty tags.

    They are in a `.tpl` or `.smarty` file, or one that closes a Smarty block (`{/if}`);
    Svelte's and HEEx's braces are their own.
    """
    suffixes = {s.lower() for s in path.suffixes}
    if ".svelte" in suffixes or suffixes & HEEX_SUFFIXES:
        return False
    return bool(suffixes & {".tpl", ".smarty"}) or bool(_SMARTY_CLOSE.search(code))


#: Suffixes of scripts whose strings hold markup, read with `format: html` (`cnsnt init`'s
#: "html in scripts"): their quotes inside strings are escaped.
SCRIPT_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx"})


def unescape_script_quotes(text: str) -> str:
    r"""A script's text with each escaped quote (`\"`, `\'`) made the quote it stands for.

    Markup a script builds in a string (`"<input name=\"photos[]\" />"`) quotes its
    attributes with escaped quotes; read as written, the name was `\"photos[]\"` (trial37,
    a publisher view). Offsets are kept, so lines and columns stay those of the file: the
    backslash becomes a space, before the quote when it opens a value (after `=`: `name= "`)
    and after it otherwise (`"photos[]" `), where HTML takes a space between attributes.
    One pass, each blank looked back over once: linear.
    """
    at = text.find("\\")
    if at < 0:
        return text
    out = list(text)
    size = len(text)
    while 0 <= at < size - 1:
        quote = text[at + 1]
        if quote in "\"'":
            back = at - 1
            while back >= 0 and out[back] in " \t":
                back -= 1
            opens = back >= 0 and out[back] == "="
            out[at], out[at + 1] = (" ", quote) if opens else (quote, " ")
        at = text.find("\\", at + 2)  # an escaped backslash (two of them) is passed over whole
    return "".join(out)


class Page:
    """One template file: its text, the blanked markup, tokens and conditions."""

    def __init__(
        self,
        text: str,
        path: Path,
        shown: str,
        origin: tuple[int, int] = (1, 1),
        positions: Callable[[int], tuple[int, int]] | None = None,
    ) -> None:
        """`origin`: the line and column of `text`'s start in the file (a fragment read alone).

        `positions`: the file's line and column of an offset of `text`, when `text` is
        markup written from another syntax (a Pug template's, `pug`).
        """
        suffixes = {s.lower() for s in path.suffixes}
        self.svelte = ".svelte" in suffixes
        """A Svelte component: `{...}` is template code, `bind:value` names a control."""
        self.heex = bool(suffixes & HEEX_SUFFIXES)
        """A HEEx template (or the `~H` sigils of an Elixir module): `{...}` and `<.input>`."""
        self.glimmer = path.suffix.lower() == ".hbs" and bool(_GLIMMER.search(text))
        """An Ember (Glimmer) template: `value={{this.email}}` binds a control, which no form submits."""
        self.blazor = path.suffix.lower() == ".razor"
        """A Blazor component: `<InputText @bind-Value=...>`, PascalCase components (`blazor`)."""
        self.phoenix = self.heex or bool(suffixes & EEX_SUFFIXES)
        self.sigils = path.suffix.lower() in (".ex", ".exs")
        """An Elixir module: only its `~H` sigils are markup (function components among them)."""
        if self.sigils:
            text = heex_sigils(text)  # the markup of its `~H` sigils, the rest blanked
        if path.suffix.lower() in SCRIPT_SUFFIXES:
            text = unescape_script_quotes(text)  # markup in a script's strings (`format: html`)
        self.text = text
        self.shown = shown
        self.stem = sveltekit_stem(path) if self.svelte else file_form_name(path, shown)
        code, php_tokens = blank_php(text) if not self.phoenix and not self.svelte else (text, [])
        self.code = code
        """The text with PHP code blanked (markup echoed by PHP kept)."""
        smarty = smarty_syntax(path, code)
        razor = bool(suffixes & {".cshtml", ".vbhtml", ".razor"})
        braces = "svelte" if self.svelte else "heex" if self.heex else None
        velocity = path.suffix.lower() == ".vm"
        tokens = Scanner(
            code, smarty=smarty, razor=razor, braces=braces, phoenix=self.phoenix, velocity=velocity
        ).run()
        out = list(code)
        for t in tokens:
            blank(out, t.start, t.end)
        self.components: dict[int, str] = {}
        """HEEx function components by the offset of their `<` (start and end tags): the name."""
        if self.heex:
            self.components = unprefix_components(out)
        self.markup = "".join(out)
        self.tokens = sorted(php_tokens + tokens, key=lambda t: t.start)
        self._starts = [t.start for t in self.tokens]
        self.conditions = Conditions(self.tokens, len(text))
        self.problems: list[SourceProblem] = []
        self._lines: LineIndex | None = None
        self._origin = origin
        self._positions = positions
        self.tag_spans: list[tuple[int, int]] = []
        """(start, end) of every start tag, in order: filled by the reader."""
        self.comments: list[tuple[int, int]] = []
        """(start, end) of every HTML comment's body, in order: filled by `tag_events`."""

    # -- parsing

    def tag_events(self) -> list[tuple[bool, str, int, int]]:
        """Tag events; markup the stdlib parser rejects (`<![foo[`) is skipped and reported."""
        reported: set[tuple[int | None, int | None, str]] = set()
        for _ in range(_MAX_PARSER_RETRIES):
            events = _Events(self.markup)
            try:
                events.feed(self.markup)
                events.close()
            except (AssertionError, ValueError, IndexError) as exc:
                offset = events.position()
                message = f"the HTML parser cannot read the markup here ({exc}); it was skipped"
                where = self.location(offset)
                # each retry skips one more `<` but may stop at the same place: say it once
                if (where.line, where.column, message) not in reported:
                    reported.add((where.line, where.column, message))
                    self.problems.append(
                        SourceProblem(message, where, self.shown, severity=Severity.WARNING)
                    )
                bad = self.markup.find("<", offset)
                if bad < 0:
                    return events.events
                self.markup = self.markup[:bad] + " " + self.markup[bad + 1 :]
                continue
            self.comments = events.comments
            return self._unread_end(events.events)
        self.comments = events.comments
        return self._unread_end(events.events)

    def _unread_end(self, events: list[tuple[bool, str, int, int]]) -> list[tuple[bool, str, int, int]]:
        """Say why markup holds tags no one reads (a file cut short, a comment left open).

        A `<script>` or a comment never closed takes the rest of the file in a browser
        (html.parser may read on after a comment): a warning names it. A start tag the
        file ends inside is read as if it ended there.
        """
        markup = self.markup
        raw_text: list[tuple[int, int]] = []  # script and style bodies
        for is_start, name, start, end in events:
            if name in _RAW_TEXT:
                if is_start:
                    raw_text.append((end, len(markup)))
                elif raw_text and raw_text[-1][1] == len(markup):
                    raw_text[-1] = (raw_text[-1][0], start)
        last_close = 0
        for closing in _COMMENT_CLOSE.finditer(markup):
            last_close = closing.end()
        opener = markup.find("<!--", last_close)
        if opener >= 0 and not any(a <= opener < b for a, b in raw_text):
            if _HIDING.search(markup, opener + 4):
                self._warn_unread(
                    opener, "this comment is never closed (-->): the markup after it, to the "
                    "end of the file, is a comment and is not audited"
                )
            return events
        pos = 0
        if events:
            is_start, name, start, end = events[-1]
            if is_start and name in _RAW_TEXT:
                if _HIDING.search(markup, end):
                    self._warn_unread(
                        start, f"this <{name}> is never closed: the markup after it, to the end "
                        "of the file, is read as its text and not audited"
                    )
                return events
            pos = end if is_start else markup.find(">", start) + 1
        while (m := _HIDING.search(markup, pos)) is not None:
            at = m.start()
            if markup[at + 1] in "!?":  # a closed comment, a declaration, an instruction
                close = _COMMENT_CLOSE.search(markup, at) if markup.startswith("<!--", at) else None
                close_at = close.end() - 1 if close else markup.find(">", at)
                if close_at < 0:
                    return events
                pos = close_at + 1
                continue
            word = _TAG_NAME.match(markup, at + 1)
            tag = word.group(0).lower() if word else ""
            self._warn_unread(
                at, f"the file ends inside this <{tag}> tag (is it cut short?); it is read "
                "as if it ended there"
            )
            return [*events, (True, tag, at, len(markup))]
        return events

    def _warn_unread(self, offset: int, message: str) -> None:
        self.problems.append(
            SourceProblem(message, self.location(offset), self.shown, severity=Severity.WARNING)
        )

    # -- tokens

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end)."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        return self.tokens[lo:hi]

    def token_at(self, pos: int) -> Token | None:
        """The token starting exactly at `pos`."""
        idx = bisect_right(self._starts, pos) - 1
        if idx >= 0 and self._starts[idx] == pos:
            return self.tokens[idx]
        return None

    def inside_tag(self, pos: int) -> bool:
        """True when `pos` lies within a start tag (in an attribute, say)."""
        idx = bisect_right(self.tag_spans, (pos, len(self.text) + 1)) - 1
        return idx >= 0 and self.tag_spans[idx][0] <= pos < self.tag_spans[idx][1]

    def in_comment(self, pos: int) -> bool:
        """True when `pos` lies within an HTML comment (`<!-- <%= f.check_box :x %> -->`)."""
        idx = bisect_right(self.comments, (pos, len(self.text) + 1)) - 1
        return idx >= 0 and self.comments[idx][0] <= pos < self.comments[idx][1]

    def location(self, offset: int) -> Location:
        """File position of an offset, 1-based (a field each: one index, not a rescan each)."""
        if self._positions is not None:
            return Location(self.shown, *self._positions(offset))
        if self._lines is None:
            self._lines = LineIndex(self.text)
        line, column = self._lines.line_col(offset)
        first_line, first_column = self._origin
        if line == 1:
            column += first_column - 1
        return Location(self.shown, line + first_line - 1, column)

    # -- attributes

    def tag(self, name: str, start: int, end: int) -> Tag:
        """A start tag with its attributes, read from the blanked markup with raw values."""
        m, src = self.markup, self.text
        attrs: dict[str, Attr] = {}
        p = start + 1 + len(name)
        while p < end:
            c = m[p]
            if c.isspace() or c in "/\"'=":
                p += 1
                continue
            if c == ">":
                break
            name_start = q = p
            while q < end and not m[q].isspace() and m[q] not in "/>=\"'":
                q += 1
            attr = m[p:q].lower()
            r = skip_space(m, q)
            value: str | None = None
            vstart = vend = q
            if r < end and m[r] == "=":
                r += 1
                while r < end and src[r].isspace() and self.token_at(r) is None:
                    r += 1
                if r < end and m[r] in "\"'":
                    close = m.find(m[r], r + 1, end)
                    unclosed = end - 1 if m[end - 1] == ">" else end
                    vstart, vend = r + 1, (close if close >= 0 else unclosed)
                    p = vend + 1
                else:
                    vstart = r
                    while r < end:
                        tok = self.token_at(r)
                        if tok is not None:
                            r = tok.end
                        elif m[r].isspace() or m[r] == ">":
                            break
                        else:
                            r += 1
                    vend = r
                    p = r
                value = html.unescape(m[vstart:vend])
            else:
                p = q
            if attr not in attrs:
                templated = bool(self.tokens_in(vstart, vend)) if value is not None else False
                raw = src[vstart:vend] if value is not None else None
                attrs[attr] = Attr(attr, value, raw, name_start, vstart, vend, templated)
        return Tag(name, start, end, attrs)

    def attr_text(self, tag: Tag, name: str) -> str | None:
        """An attribute as readable text (a label, a placeholder), template code decoded."""
        attr = tag.attrs.get(name)
        if attr is None or attr.value is None:
            return None
        if not attr.templated:
            return flat(attr.value) or None
        plain = flat(attr.value)
        if any(ch.isalnum() for ch in plain):
            return plain
        for tok in self.tokens_in(attr.vstart, attr.vend):
            if tok.kind == EXPR:
                text = _expr_text(self.text[tok.start : tok.end])
                if text:
                    return text
        return None

    def region_text(self, start: int, end: int) -> str | None:
        """Visible text of a stretch of markup (a label), else the text of its first expression."""
        plain = flat(html.unescape(strip_tags(self.markup[start:end])))
        if any(ch.isalnum() for ch in plain):
            return plain
        for tok in self.tokens_in(start, end):
            if tok.kind == EXPR and not self.inside_tag(tok.start):
                text = _expr_text(self.text[tok.start : tok.end])
                if text:
                    return text
        return None

    def resolve(self, attr: Attr) -> str | None:
        """The literal branch of `{% if p %}{{ p }}[x]{% else %}x{% endif %}`: the plain name."""
        toks = self.tokens_in(attr.vstart, attr.vend)
        text = self.text
        if (
            not toks
            or toks[0].kind != IF
            or text[attr.vstart : toks[0].start].strip()
            or toks[-1].kind != CLOSE
            or text[toks[-1].end : attr.vend].strip()
        ):
            return None
        branches: list[tuple[int, int]] = []
        depth, cur = 0, 0
        for t in toks:
            if t.kind in (IF, OPEN):
                depth += 1
                if depth == 1:
                    cur = t.end
            elif t.kind == BRANCH and depth == 1:
                branches.append((cur, t.start))
                cur = t.end
            elif t.kind == CLOSE:
                if depth == 1:
                    branches.append((cur, t.start))
                depth -= 1
        for a, b in branches:
            literal = text[a:b].strip()
            if literal and not self.tokens_in(a, b) and _PLAIN_LITERAL.fullmatch(literal):
                return html.unescape(literal)
        return None

    # -- conditions

    def printed_conditionally(self, pos: int, tag_start: int) -> bool:
        """True when the attribute at `pos` sits in a template condition inside its own tag."""
        branch = self.conditions.innermost(pos)
        return branch is not None and branch[0] > tag_start
