"""Hostile inputs that made one regular expression (or lookup) super-linear: 05-13, 15, 16.

Each test copies a reproducer of shared/hardening (its note is in the docstring), checks
that the input is still read correctly, and that the work grows linearly with the input
(`growth.assert_linear`: CPU time at n and 8n, generous factors, no wall-clock limit).
The whole class of such patterns is covered by `test_regex_linear.py`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence
from cnsnt.model import AuditResult, Finding, Location, Severity
from cnsnt.notices.readability import split_sentences, text_stats, words_of
from cnsnt.redact import redact
from cnsnt.reporters import RenderOptions, get_reporter
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.fingerprint import Fingerprinter
from tests.conftest import read_form
from tests.hostile.growth import assert_linear


def _form(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def test_05_ddl_untokenizable_statement_then_blank_lines() -> None:
    """05-redos-ddl-untokenizable-blank-lines: ddl_split._SCHEMA_LINE = ^\\s*(?:CREATE...)
    with re.MULTILINE: \\s* also eats newlines, so a statement that cannot be tokenized (an
    unterminated quote) followed by N blank lines cost O(N^2) (40,000 lines: 25 s)."""

    def make(n: int) -> str:
        return "CREATE TABLE t (a int);\n'" + "\n" * n + "x;\n"

    result = parse_ddl(make(40_000), "postgres")
    assert [t.name for t in result.tables] == ["t"]
    assert result.problems  # the unterminated quote is reported, not skipped
    assert_linear(lambda s: parse_ddl(s, "postgres"), make, 20_000)


def test_06_readability_long_word_is_not_an_email() -> None:
    """06-redos-readability-url-or-email: notices/readability._URL_OR_EMAIL =
    ...|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+ was tried at every start position of a long run of
    word characters: O(N^2). Runs on every policy text (CN601) for audit, validate, notice."""

    def make(n: int) -> str:
        return "To " + "a" * n + "."

    assert words_of("Write to privacy@example.com or https://example.com/x now") == [
        "Write", "to", "link", "or", "link", "now"
    ]
    assert text_stats(make(80_000), "en").words == 2
    assert_linear(lambda s: text_stats(s, "en"), make, 20_000)


def test_07_readability_run_of_dots() -> None:
    """07-redos-readability-sentence-split: notices/readability._END_CANDIDATE =
    [.!?…]+["'»”)]*\\s+|... on a long run of dots: each start re-scanned the run and
    backtracked: O(N^2)."""

    def make(n: int) -> str:
        return "To" + "." * n

    assert split_sentences("One. Two!! Three?\n\nFour") == ["One.", "Two!!", "Three?", "Four"]
    assert split_sentences(make(20_000)) == [make(20_000)]
    assert_linear(split_sentences, make, 10_000)


def test_08_redact_long_value() -> None:
    """08-redos-redact-long-value: redact._URL_CREDENTIALS = ([A-Za-z][A-Za-z0-9+.-]*://)...
    was tried at every start of a long alphanumeric run: O(N^2). Every policy schema error
    message goes through redact(), and the message quotes the whole invalid value."""

    def make(n: int) -> str:
        return "controller.country: " + "A" * n + " is not valid"

    assert redact(make(100_000)) == make(100_000)
    assert_linear(redact, make, 25_000)


def test_09_fingerprint_many_open_brackets() -> None:
    """09-redos-fingerprint-brackets: sql/fingerprint._special_pattern branch
    (?<=\\[)[^\\]\\s]*\\] : a line with many '[' and a later ' ]' made every '[' scan to the
    blank and back: O(N^2) per log line / statement."""
    fp = Fingerprinter("tsql")

    def make(n: int) -> bytes:
        return b"select " + b"[" * n + b" ]"

    assert fp.fingerprint(b"SELECT [Name] FROM [dbo].[T] WHERE id = 5") == (
        b"select [Name] from [dbo].[T] where id = ?"
    )
    assert fp.fingerprint(make(60_000)).startswith(b"select [[[")
    assert_linear(fp.fingerprint, make, 15_000)


def test_10_handlebars_partial_and_razor_arguments(tmp_path: Path) -> None:
    """10-redos-template-partial-args: sources/widgets._HASH_ARG = ([\\w@.-]+)\\s*=\\s*(...)
    on the arguments of a Handlebars partial that renders a control: a long word with no
    '=' was rescanned from every start: O(N^2) per token (~6 s per 20 KB token). Same class:
    Razor @Html.TextBoxFor(...) scanned by \\w+\\s*=>\\s*\\w+\\.([\\w.]+)."""
    ok = _form(tmp_path, "ok.html", '<form id=f>{{> input name="email" label="Email"}}</form>')
    assert [(f.name, f.label) for f in ok.fields] == [("email", "Email")]

    def hbs(k: int) -> str:
        return "<form id=evil>\n" + ("{{> input " + "a" * 19_980 + "}}\n") * k + "</form>\n"

    def razor(k: int) -> str:
        return "<form id=r>" + ("@Html.TextBoxFor(" + "a" * 19_000 + ")\n") * k + "</form>"

    ev = _form(tmp_path, "evil.html", hbs(4))
    assert [f.name for f in ev.fields] == [None]  # unnamed controls, reported as such
    assert ev.problems
    ev = _form(tmp_path, "evil.cshtml", razor(2))
    assert [(f.name, f.control) for f in ev.fields] == [(None, "text")]
    assert_linear(lambda text: _form(tmp_path, "g.html", text), hbs, 1)
    assert_linear(lambda text: _form(tmp_path, "g.cshtml", text), razor, 1)


def test_11_label_of_many_open_angle_brackets(tmp_path: Path) -> None:
    """11-redos-label-text-tags: sources/html_page._TAGS = <[^>]*> applied to a label's
    markup: a label holding many '<' and no '>' rescanned from every '<': O(N^2)."""

    def make(n: int) -> str:
        return "<form id=evil><label>" + "<" * n + "</label><input name=x></form>\n"

    ok = _form(tmp_path, "ok.html", "<form id=f><label>Your <b>e-mail</b> <input name=e></label></form>")
    assert ok.fields[0].label == "Your e-mail"
    ev = _form(tmp_path, "evil.html", make(100_000))
    assert [f.name for f in ev.fields] == ["x"]
    assert_linear(lambda text: _form(tmp_path, "g.html", text), make, 12_500)


def test_12_label_that_is_one_long_template_string(tmp_path: Path) -> None:
    """12-redos-label-string-literal: sources/html_page.STRING_LITERAL = '((?:[^'\\\\\\n]|\\\\.)*)'|...
    on a template expression used as a label ({{ '\\'\\'\\'... }}): every quote start
    scanned to the end and backtracked: O(N^2) per token."""

    def make(k: int) -> str:
        tok = "<label for=x{i}>{{{{ '" + "\\\\'" * 9990 + " }}}}</label><input id=x{i} name=f{i}>\n"
        return "<form id=evil>\n" + "".join(tok.format(i=i) for i in range(k)) + "</form>\n"

    ok = _form(tmp_path, "ok.html", "<form id=f><label for=e>{{ 'E-mail' | trans }}</label><input id=e name=e></form>")
    assert ok.fields[0].label == "E-mail"
    ev = _form(tmp_path, "evil.html", make(4))
    assert [f.name for f in ev.fields] == ["f0", "f1", "f2", "f3"]
    assert_linear(lambda text: _form(tmp_path, "g.html", text), make, 1)


def test_13_phpbb_comment_openers_on_one_line(tmp_path: Path) -> None:
    """13-redos-phpbb-comment-scan: sources/templates._PHPBB =
    <!--\\s*(IF|...)\\b(?:(?!-->)[^\\n])*--> is tried at every '<!' the scanner meets; on one
    long line of '<!-- IF ' with no '-->' each try ran to the end of the line: O(N^2)."""

    def make(n: int) -> str:
        return "<form id=evil><input name=x>" + "<!-- IF " * (n // 8) + "</form>\n"

    ev = _form(tmp_path, "evil.html", make(100_000))
    assert [f.name for f in ev.fields] == ["x"]
    assert_linear(lambda text: _form(tmp_path, "g.html", text), make, 12_500)


def test_15_text_report_collapse_of_many_open_parentheses() -> None:
    """15-redos-text-report-collapse: reporters/text._shape used \\([^)]*\\)|\\d+ on every
    finding message; a message quoting user text with many '(' and no ')' after them (an
    unknown cnsnt annotation) cost O(N^2) - text format only."""
    text = get_reporter("text")

    def make(n: int) -> AuditResult:
        findings = tuple(
            Finding("CN001", "source-unreadable", Severity.WARNING, f"s{i}",
                    f"unknown annotation '{'(' * n}' at line {i}", "", Location("sql/a.sql", i))
            for i in range(1, 6)
        )
        return AuditResult("cnsnt.yaml", findings)

    out = text.render(make(100_000), RenderOptions(width=100))
    assert "and 4 more like it at lines 2, 3, 4, 5" in out
    assert_linear(lambda r: text.render(r, RenderOptions(width=100)), make, 12_500)


def test_16_radio_group_legend_is_indexed_once(tmp_path: Path) -> None:
    """16-cubic-radio-group-legend: sources/html_form._Reader._legend: for every radio
    button it scanned every control and each control's ancestor tuple: radios x controls x
    depth. 44 KB of HTML took minutes."""

    def make(n: int) -> str:
        return ("<form id=evil>" + "<div>" * n + "<fieldset><legend>Q</legend>"
                + "<input type=radio name=r>" * n + "</fieldset>" + "<input name=x>" * n + "</form>\n")

    # 200 levels: within the default --max-depth (256), so the fieldset is still an ancestor.
    ev = _form(tmp_path, "evil.html", make(200))
    labels = {f.name: f.label for f in ev.fields}
    assert labels["r"] == "Q"
    mixed = _form(tmp_path, "mixed.html", "<form id=m><fieldset><legend>Q</legend>"
                  "<input type=radio name=r value=1><input name=t></fieldset></form>")
    assert {f.name: f.label for f in mixed.fields}["r"] != "Q"  # a mixed fieldset is no group
    assert_linear(lambda text: _form(tmp_path, "g.html", text), make, 100)


def test_many_conditional_checkboxes_in_one_template(tmp_path: Path) -> None:
    """A template with thousands of `{% if %}...checked...{% endif %}` controls: each control
    scanned every `if` branch before it (`Conditions.innermost`) and every field recounted the
    lines before it (`line_col`): 16,000 controls in 1.1 MB took 12 s, 20 MB would take hours."""

    def make(n: int) -> Path:
        path = tmp_path / f"f{n}.html"
        row = '{%% if a %%}<input type=checkbox name="c%d" {%% if b %%}checked{%% endif %%}>\n'
        path.write_text('<form id="f">' + "".join(row % i for i in range(n)) + "</form>")
        return path

    (form,) = read_form(make(100)).forms
    assert len(form.fields) == 100 and all(f.checked_conditionally for f in form.fields)
    assert_linear(read_form, make, 2_000)


def test_a_label_wrapping_thousands_of_controls_is_read_once(tmp_path: Path, monkeypatch) -> None:
    """A `<label>` (closed or not) around thousands of `<input>`s, or of Phoenix helpers
    (`<%= text_input f, :x1 %>`): each control read the label's whole text again, so the
    work was controls x label size (20,000 inputs: 35 s; 20,000 helpers: 7 s). Counted,
    not timed: the markup the label texts are read from stays within the file's size."""
    from cnsnt.sources.forms.html_page import Page

    read_chars = 0
    region_text = Page.region_text

    def counting(self: Page, start: int, end: int) -> str | None:
        nonlocal read_chars
        read_chars += end - start
        return region_text(self, start, end)

    monkeypatch.setattr(Page, "region_text", counting)
    n = 5_000
    helpers = "\n".join(f"<%= text_input f, :x{i} %>" for i in range(n))
    inputs = "\n".join(f'<input name="x{i}">' for i in range(n))
    cases = {
        "user.html.eex": f'<%= form_for @c, "/u", fn f -> %>\n<label>Name\n{helpers}\n</label>\n<% end %>\n',
        "closed.html": f"<form id=f>\n<label>Name\n{inputs}\n</label>\n</form>\n",
        "unclosed.html": f"<form id=f>\n<label>Name\n{inputs}\n</form>\n",
    }
    for name, text in cases.items():
        read_chars = 0
        ev = _form(tmp_path, name, text)
        fields = ev.forms[0].fields
        assert len(fields) == n and {f.label for f in fields} == {"Name"}, name
        assert read_chars <= 2 * len(text), (name, read_chars, len(text))
