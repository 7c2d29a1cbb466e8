"""The hostile-input reproducers of issue 13 (../shared/hardening), each with the class it stands for.

Every test copies the reproducer's minimal input; its docstring keeps the reproducer's note.
"""

from __future__ import annotations

import _markupbase
import html.parser
import json
import os
import socket
import zlib
from pathlib import Path

import pytest

from cnsnt.sources.forms.html_page import _Events
from cnsnt.sql.statements import split_statements
from tests.hostile.conftest import audit_json, messages, project, run

# --------------------------------------------------------------------------- 01


def test_01_lone_surrogate_in_a_json_form_is_reported_in_every_format(tmp_path):
    """01: A lone surrogate escape (\\ud800) in one JSON form: every report format exited 3,
    no findings at all were printed."""
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n  forms: [{path: "forms/*.json"}]',
        {
            "forms/ok.schema.json": '{"properties": {"nickname": {"type": "string"}}}\n',
            "forms/evil.schema.json": '{"properties": {"email\\ud800": {"type": "string"}}}\n',
        },
    )
    for fmt in ("text", "json", "sarif", "junit", "github", "markdown"):
        result = run("audit", str(root), "--format", fmt)
        assert result.exit_code == 1, (fmt, result.stderr)
        assert "\ufffd" in result.stdout or fmt in ("github",), fmt
        result.stdout.encode("utf-8")  # encodable
    _, findings = audit_json(root)
    assert any("half of a UTF-16 pair" in m for m in messages(findings, "CN001", "forms/evil.schema.json"))
    assert "evil.email\ufffd" in {f["subject"] for f in findings if f["rule"] == "CN101"}
    baseline = tmp_path / "baseline.json"
    assert run("audit", str(root), "--write-baseline", str(baseline), "-q").exit_code == 1
    json.loads(baseline.read_text(encoding="utf-8"))


def test_01_lone_surrogate_in_the_policy_is_a_policy_error(tmp_path):
    """01: the same escape in the policy: validate accepted it, notice crashed (exit 3)."""
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\ncontroller: {name: "Acme\\ud800", contact: privacy@example.com}\n'
        'purposes: {p: {description: "To do things.", basis: contract}}\n'
        "data: {e: {category: user.contact.email, purposes: [p], retention: P1Y, label: Email}}\n"
    )
    for command in ("validate", "notice"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 2, (command, result.stderr)
        assert "cnsnt.yaml:2:" in result.stderr and "UTF-16 pair" in result.stderr


def test_01_class_file_names_that_are_not_utf8_are_reported(tmp_path):
    """The class: any text no report can encode. A file name with a byte that is not UTF-8."""
    root = project(tmp_path / "p", '  forms: [{path: "forms/*.json"}]', {})
    (root / "forms").mkdir()
    name = os.fsencode(root / "forms") + b"/bad\xff.schema.json"
    with open(name, "wb") as fh:
        fh.write(b'{"properties": {"phone": {"type": "string"}}}')
    for fmt in ("text", "json", "sarif", "junit", "github", "markdown"):
        result = run("audit", str(root), "--format", fmt)
        assert result.exit_code == 1, (fmt, result.stderr)
    _, findings = audit_json(root)
    assert "bad\\xff.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}


# --------------------------------------------------------------------------- 02

MARKETING = (
    "-- cnsnt: purpose=newsletter\n"
    "SELECT email, allergies FROM customers WHERE newsletter_at IS NOT NULL;\n"
)


@pytest.mark.parametrize(
    "bad", ["SELECT data ? INSERT;", "\u00ba?;", "CREATE TABLE d PARTITION OF;"]
)
def test_02_a_statement_sqlglot_crashes_on_costs_only_itself(tmp_path, bad):
    """02: One statement that makes sqlglot raise a non-sqlglot exception (TypeError,
    AttributeError, UnboundLocalError) replaced the whole query file's evidence with one
    "internal error" CN001: the real CN301 disappeared and a false CN401 appeared."""
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        '  queries: [{path: "sql/*.sql", dialect: postgres}]',
        {"sql/marketing.sql": MARKETING + bad + "\n"},
    )
    _, findings = audit_json(root)
    assert any("customers.allergies" in m for m in messages(findings, "CN301"))
    assert not any("allergies" in m for m in messages(findings, "CN401"))
    cn001 = [f for f in findings if f["rule"] == "CN001"]
    assert [f["location"]["line"] for f in cn001] == [3]
    assert "skipped, the rest of the source is audited" in cn001[0]["message"]


def test_02_one_bad_line_among_many_in_a_log(tmp_path):
    """02: a query log (format: lines): one bad line among 1000 lost the whole log."""
    lines = [f"SELECT email, allergies FROM customers WHERE id = {i}" for i in range(1000)]
    lines[500] = "SELECT data ? INSERT"
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        '  queries: [{path: logs/app.log, format: lines, dialect: postgres, purpose: newsletter}]',
        {"logs/app.log": "\n".join(lines) + "\n"},
    )
    _, findings = audit_json(root)
    assert any("customers.allergies" in m for m in messages(findings, "CN301"))
    assert [f["location"]["line"] for f in findings if f["rule"] == "CN001"] == [501]


def test_02_class_any_exception_in_one_statement(tmp_path, monkeypatch):
    """The class: whatever raises while one statement is read (fingerprint, annotations,
    parser) costs that statement only, in every query format."""
    from cnsnt.sql.fingerprint import Fingerprinter

    real = Fingerprinter.fingerprint_text

    def boom(self, text):
        if "boom" in text:
            raise RuntimeError("unexpected")
        return real(self, text)

    monkeypatch.setattr(Fingerprinter, "fingerprint_text", boom)
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        '  queries: [{path: "sql/*.sql", dialect: postgres}]',
        {"sql/a.sql": MARKETING + "SELECT boom FROM customers;\nSELECT phone FROM customers;\n"},
    )
    _, findings = audit_json(root)
    assert any("customers.allergies" in m for m in messages(findings, "CN301"))
    assert any("customers.phone" in m for m in messages(findings, "CN301"))
    cn001 = [f for f in findings if f["rule"] == "CN001"]
    assert [(f["location"]["line"], "RuntimeError" in f["message"]) for f in cn001] == [(3, True)]


# --------------------------------------------------------------------------- 03


def _fifo_project(tmp_path: Path) -> Path:
    return project(
        tmp_path / "p",
        "  schemas: [{path: db/schema.sql, dialect: postgres}]\n"
        "  forms: [{path: forms/signup.html}]\n"
        "  queries: [{path: sql/report.sql, dialect: postgres}]",
        {
            "db/schema.sql": "CREATE TABLE customers (id int, email text, phone text);\n",
            "forms/signup.html": "<form id=signup><input name=email><input name=phone></form>\n",
            "sql/report.sql": "SELECT email FROM customers;\n",
        },
    )


def test_03_fifo_and_devices_are_refused_without_opening_them(tmp_path):
    """03: A FIFO or a device where a source file should be: read_text()/_chunks() read until
    EOF (st_size is 0, so the 200 MB cap never triggered). The FIFO blocked forever;
    /dev/zero and /dev/urandom grew memory without bound. Nothing was reported."""
    root = _fifo_project(tmp_path)
    (root / "db/schema.sql").unlink()
    os.mkfifo(root / "db/schema.sql")
    (root / "forms/signup.html").unlink()
    (root / "forms/signup.html").symlink_to("/dev/zero")
    (root / "sql/report.sql").unlink()
    (root / "sql/report.sql").symlink_to("/dev/urandom")
    _, findings = audit_json(root, "--allow-outside")
    cn001 = messages(findings, "CN001")
    assert any("db/schema.sql" in m and "FIFO" in m for m in cn001)
    assert any("forms/signup.html" in m and "character device" in m for m in cn001)
    assert any("sql/report.sql" in m and "character device" in m for m in cn001)


def test_03_class_sockets_and_globs_and_the_other_sources(tmp_path):
    """The class: every kind that is not a regular file, named directly or matched by a
    glob, is one CN001; the regular files beside it are still audited."""
    root = _fifo_project(tmp_path)
    os.mkfifo(root / "forms/pipe.html")
    (root / "cnsnt.yaml").write_text(
        (root / "cnsnt.yaml").read_text().replace("forms/signup.html", '"forms/*.html"')
    )
    sock_path = root / "forms" / "s.html"
    if len(os.fsencode(sock_path)) < 100:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(sock_path))
    else:  # pragma: no cover - a very long temporary directory
        sock = None
    try:
        _, findings = audit_json(root)
    finally:
        if sock is not None:
            sock.close()
    cn001 = messages(findings, "CN001")
    assert any("pipe.html" in m and "FIFO" in m for m in cn001)
    if sock is not None:
        assert any("s.html" in m and "socket" in m for m in cn001)
    assert "signup.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}


def test_03_class_a_fifo_policy_is_a_policy_error(tmp_path):
    """The class: the policy file itself is read the same way (never opened when not regular)."""
    os.mkfifo(tmp_path / "cnsnt.yaml")
    result = run("validate", "--policy", str(tmp_path / "cnsnt.yaml"))
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr


def test_time_budget_per_source_is_a_cn001_and_the_rest_is_audited(tmp_path, monkeypatch):
    """Bounds: a source that takes longer than --source-timeout is stopped (even inside code
    that never checks the clock) and is one CN001 naming the limit; other sources count."""
    import time

    from cnsnt.sources.forms import reader

    real = reader.read_forms

    def slow(path, spec, ctx):
        if path.name == "slow.html":
            time.sleep(30)
        return real(path, spec, ctx)

    monkeypatch.setattr(reader, "read_forms", slow)
    root = project(
        tmp_path / "p",
        '  forms: [{path: "forms/*.html"}]',
        {
            "forms/slow.html": "<form id=s><input name=phone></form>",
            "forms/fast.html": "<form id=f><input name=phone></form>",
        },
    )
    _, findings = audit_json(root, "--source-timeout", "0.2")
    assert any("time budget of 0.2 s" in m and "--source-timeout" in m
               for m in messages(findings, "CN001", "forms/slow.html"))
    assert {f["subject"] for f in findings if f["rule"] == "CN101"} == {"f.phone"}


# --------------------------------------------------------------------------- 04


def test_04_directory_links_under_double_star_are_entered_once(tmp_path):
    """04: glob.glob(recursive=True) follows directory symlinks under `**`. One link back to
    the directory cost ~40 levels (ELOOP); two links made the walk exponential, so the audit
    never finished and nothing was reported."""
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n  forms: [{path: "forms/**/*.json"}]',
        {"forms/contact.schema.json": '{"properties": {"phone": {"type": "string"}}}\n'},
    )
    (root / "forms/self").symlink_to(".")
    (root / "forms/again").symlink_to(".")
    (root / "forms/sub").mkdir()
    (root / "forms/sub/up").symlink_to("..")
    (root / "forms/sub/x.schema.json").write_text('{"properties": {"note": {"type": "string"}}}')
    _, findings = audit_json(root)
    fields = sorted(f["subject"] for f in findings if f["rule"] == "CN101" and "customers." not in f["subject"])
    assert fields == ["contact.phone", "x.note"]


def test_04_class_broken_and_looping_links_are_reported(tmp_path):
    """The class: a link a glob matches but that leads nowhere (or to itself) is a CN001,
    not dropped silently as glob did."""
    root = project(tmp_path / "p", '  forms: [{path: "forms/*.json"}]',
                   {"forms/ok.schema.json": '{"properties": {"phone": {"type": "string"}}}'})
    (root / "forms/gone.json").symlink_to("nowhere.json")
    (root / "forms/a.json").symlink_to("b.json")
    (root / "forms/b.json").symlink_to("a.json")
    _, findings = audit_json(root)
    cn001 = messages(findings, "CN001")
    for name in ("gone.json", "a.json", "b.json"):
        assert any(f"'forms/{name}' is a broken or looping symlink" in m for m in cn001), name
    assert "ok.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}


def test_04_class_walk_matches_glob_without_links(tmp_path):
    """The class: the walk that replaced glob.glob finds what glob finds when there is no link."""
    import glob as globmod

    from cnsnt.sources.base import _walk_glob

    for name in ("a/b/c.sql", "a/.hidden/d.sql", "a/e.sql", "f.sql", "a/b/g.txt", ".h/i.sql"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    for pattern in ("**/*.sql", "a/**/*.sql", "a/*/*.sql", "**", "a/**", "*/b/*", "[af]*", "a/**/b/*"):
        full = str(tmp_path / pattern)
        expected = sorted({Path(p) for p in globmod.glob(full, recursive=True)})
        assert _walk_glob(full, None, []) == expected, pattern


# --------------------------------------------------------------------------- 17


class _Counting:
    """A regex wrapper counting how often html.parser scans with it."""

    def __init__(self, rx):
        self.rx = rx
        self.calls = 0

    def match(self, *args):
        self.calls += 1
        return self.rx.match(*args)

    def search(self, *args):
        self.calls += 1
        return self.rx.search(*args)


@pytest.mark.parametrize(
    ("module", "name", "markup"),
    [
        (html.parser, "locatestarttagend_tolerant", "<a" * 3000),
        (html.parser, "locatestarttagend_tolerant", "<a " * 3000),
        (_markupbase, "_commentclose", "<!--" * 3000),
        (_markupbase, "_commentclose", "<!--x>" * 3000),
    ],
)
def test_17_html_parser_does_not_rescan_to_the_end_from_every_opener(monkeypatch, module, name, markup):
    """17: CPython's html.parser (3.11.7) is quadratic on some malformed markup (unclosed
    '<!--' runs, '<a<a<a...'); cnsnt fed every form file to it without a size or time cap.
    Each unclosed opener was scanned to the end again: here the scans stay a handful."""
    counting = _Counting(getattr(module, name))
    monkeypatch.setattr(module, name, counting)
    events = _Events(markup)
    events.feed(markup)
    events.close()
    assert counting.calls <= 2


def test_17_class_same_tags_as_the_stdlib_parser():
    """The class: the two shortcuts give exactly the stdlib's events, on every kind of opener."""

    class Plain(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.events = []

        def handle_starttag(self, tag, attrs):
            self.events.append((True, tag, self.getpos(), self.get_starttag_text()))

        def handle_endtag(self, tag):
            self.events.append((False, tag, self.getpos()))

    class Mine(_Events):
        def handle_starttag(self, tag, attrs):
            self.events.append((True, tag, self.getpos(), self.get_starttag_text()))

        def handle_endtag(self, tag):
            self.events.append((False, tag, self.getpos()))

    pieces = ["<", ">", "<!--", "-->", "<a", "</a>", "<input name=x>", " ", "\n", "x", '"', "<!", "--  >",
              '<a x="', "<script>", "</script>"]
    import itertools

    for combo in itertools.product(pieces, repeat=3):
        markup = "".join(combo) + "<form><input name=y></form>"
        plain, mine = Plain(), Mine(markup)
        plain.feed(markup)
        plain.close()
        mine.feed(markup)
        mine.close()
        assert mine.events == plain.events, markup


def test_17_a_form_after_hostile_markup_is_still_read(tmp_path):
    """17: the reproducer's file: a form, then 25,000 '<a' (or '<!--') without an end."""
    for tail in ("<a" * 25_000, "<!--" * 12_500):
        root = project(
            tmp_path / str(len(tail)),
            '  forms: [{path: "forms/*.html"}]',
            {"forms/evil.html": "<form id=e><input name=x></form>" + tail},
        )
        _, findings = audit_json(root)
        assert "e.x" in {f["subject"] for f in findings if f["rule"] == "CN101"}


# --------------------------------------------------------------------------- 18


def test_18_log_findings_do_not_depend_on_ranges_or_jobs(tmp_path):
    """18: A query log >= 32 MiB was cut into (jobs x 4) byte ranges; each range reported the
    annotation warning at the first line of each shape *in that range*, so the number of CN001
    findings (and their baseline fingerprints) depended on --jobs."""
    import random

    from cnsnt.api import audit
    from cnsnt.policy.loader import load_policy
    from cnsnt.reporters import RenderOptions, get_reporter

    rng = random.Random(3)
    lines = [
        f"/* cnsnt: purpose=bogus */ SELECT email FROM customers WHERE id = {rng.randint(1, 10**6)}"
        if rng.random() < 0.5
        else f"SELECT phone FROM customers WHERE id = {rng.randint(1, 10**6)}"
        for _ in range(400)
    ]
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        "  queries: [{path: logs/app.log, format: lines, dialect: postgres}]",
        {"logs/app.log": "\n".join(lines) + "\n"},
    )
    policy = load_policy(root / "cnsnt.yaml")
    reports = set()
    for ranges in (1, 2, 7, 31):
        result = audit(policy, jobs=1, log_ranges=ranges)
        report = get_reporter("json").render(result, RenderOptions())
        bogus = [f for f in result.findings if f.rule == "CN001" and "bogus" in f.message]
        assert len(bogus) == 1
        reports.add(report)
    assert len(reports) == 1


# --------------------------------------------------------------------------- 20

BAD_TAGS = [
    "!!timestamp foo", "!!bool maybe", "!!set x", "!!map x", "!!seq x", "!!omap x", "!!int abc",
    "!!float x", "!!binary x", "!!pairs x", "!!python/name:os.system x", "!custom x",
    "!!set {a: 1}", "!!omap [a]", "!foo [1]", "!bar {a: 1}",
]


@pytest.mark.parametrize("value", BAD_TAGS)
def test_20_explicit_yaml_tags_are_policy_errors(tmp_path, value):
    """20: Explicit YAML tags on plain scalars reached PyYAML constructors that raise exceptions
    other than YAMLError/ValueError, which yaml_nodes._scalar did not catch: exit 3. Other tags
    gave nondeterministic messages (a generator's repr with its memory address)."""
    (tmp_path / "cnsnt.yaml").write_text(
        f"cnsnt: 1\ncontroller: {{name: Example Ltd, contact: {value}}}\n"
    )
    first = run("validate", str(tmp_path))
    second = run("validate", str(tmp_path))
    assert first.exit_code == 2, first.stderr
    assert "cnsnt.yaml:2:" in first.stderr
    assert first.stderr == second.stderr
    assert " at 0x" not in first.stderr


def test_20_class_tags_that_name_the_plain_type_are_accepted(tmp_path):
    """The class: a tag that only restates a plain type (`!!str 123`) is read as that type."""
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: !!int 1\ncontroller: {name: !!str 123, contact: privacy@example.com}\n"
        "purposes: {p: {description: To do things., basis: contract}}\n"
        "recipients: []\n"
        "data: {e: {category: user.contact.email, purposes: [p], retention: P1Y, label: Email}}\n"
    )
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0, result.stderr


# --------------------------------------------------------------------------- 22


def test_22_jsonschema_type_list_is_read(tmp_path):
    """22: jsonschema_form._is_ui_schema did `data.get("type") in _UI_TYPES` (a frozenset): a
    top-level "type" that is a list (valid JSON Schema: ["object", "null"]) or an object raised
    TypeError, so the file became "internal error" CN001 and its fields were never audited."""
    root = project(
        tmp_path / "p",
        '  forms: [{path: "forms/*.json"}]',
        {
            "forms/contact.schema.json": '{"type": ["object", "null"], "allOf": [{"properties": '
            '{"email": {"type": "string"}, "birth_date": {"type": "string", "format": "date"}}}]}\n'
        },
    )
    _, findings = audit_json(root)
    assert "contact.birth_date" in {f["subject"] for f in findings if f["rule"] == "CN101"}
    assert not messages(findings, "CN001")


@pytest.mark.parametrize("value", ['["object", "null"]', '{"a": 1}', "3", "null", "true", '[[]]', '[{"x": 1}]'])
def test_22_class_any_non_string_type_anywhere(tmp_path, value):
    """The class: `type` (and other keywords) holding any JSON value, at the top, in a property,
    in a UI schema and in a FHIR Questionnaire item, never crashes the reader."""
    docs = {
        "forms/a.schema.json": f'{{"type": {value}, "properties": {{"phone": {{"type": {value}}}}}}}',
        "forms/b.schema.json": f'{{"type": {value}, "elements": []}}',
        "forms/c.json": f'{{"resourceType": "Questionnaire", "item": [{{"linkId": "phone", "type": {value}, '
        f'"extension": {value}, "initial": {value}}}]}}',
        "forms/d.json": f'{{"schema": {{"properties": {{"phone": {{"type": "string"}}}}}}, "form": [{{"key": {value}, '
        f'"type": {value}}}]}}',
    }
    root = project(tmp_path / "p", '  forms: [{path: "forms/*.json"}]', docs)
    _, findings = audit_json(root)
    assert not [m for m in messages(findings, "CN001") if "internal error" in m]


# --------------------------------------------------------------------------- 23


def test_23_one_huge_statement_is_reported_not_parsed(tmp_path):
    """23: Query files were streamed and split, but each statement was then handed whole to
    sqlglot; one long statement (a generated IN-list) cost ~180x its size in memory (50 MB ->
    8.9 GB). There was no cap on a statement's size."""
    inlist = "SELECT phone FROM customers WHERE id IN (" + ",".join(map(str, range(3000))) + ");\n"
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        '  queries: [{path: "sql/*.sql", dialect: postgres}, {path: "logs/*.log", format: lines}, '
        '{path: "logs/*.csv", format: pg_stat_statements}]',
        {
            "sql/inlist.sql": inlist + "SELECT email FROM customers;\n",
            "logs/a.log": inlist + "SELECT email FROM customers\n",
            "logs/b.csv": f'query,rolname,calls\n"{inlist.strip()}",app,3\n"SELECT email FROM customers",app,1\n',
        },
    )
    _, findings = audit_json(root, "--max-statement-size", "10000")
    for path in ("sql/inlist.sql", "logs/a.log", "logs/b.csv"):
        over = [m for m in messages(findings, "CN001", path) if "statement size limit (10,000)" in m]
        assert len(over) == 1, path
        assert any("customers.email" in m for m in messages(findings, "CN302", path)), path
    _, findings = audit_json(root)
    assert not [m for m in messages(findings, "CN001") if "statement size limit" in m]


def test_23_class_the_splitter_never_holds_an_oversize_statement():
    """The class: past the limit only a statement's length is kept, whatever splits it."""
    chunks = ["SELECT 1, " + "x, " * 10_000, "y;\nSELECT 2;"]
    stmts = list(split_statements(chunks, "postgres", max_chars=1000))
    assert [(s.text, s.oversize > 1000) for s in stmts] == [("", True), ("SELECT 2", False)]


def test_23_class_schema_statements_are_bounded_too(tmp_path):
    """The class: a DDL statement over the limit is reported and the rest of the schema read."""
    columns = ", ".join(f"c{i} text" for i in range(2000))
    root = project(
        tmp_path / "p",
        '  schemas: [{path: "db/*.sql", dialect: postgres}]',
        {"db/s.sql": f"CREATE TABLE wide ({columns});\nCREATE TABLE customers (id int, email text);\n"},
    )
    _, findings = audit_json(root, "--max-statement-size", "5000")
    assert any("statement size limit" in m for m in messages(findings, "CN001", "db/s.sql"))
    assert not any("customers.email" in m for m in messages(findings, "CN402"))


# --------------------------------------------------------------------------- 24


def test_24_sql_file_findings_do_not_depend_on_where_a_chunk_ends(tmp_path):
    """24: sources/sql_files read .sql query files in 1 MiB chunks; when a token was cut by a
    chunk end the lexer kept only the unfinished token and re-lexed it with the next chunk. The
    E'...' string rule needs the preceding E (a look-behind), which was dropped, so an escaped
    quote \\' ended the string: findings depended on where 1 MiB fell."""
    from cnsnt.api import audit
    from cnsnt.policy.loader import load_policy
    from cnsnt.reporters import RenderOptions, get_reporter

    tail = (
        "SELECT phone FROM customers WHERE note = E'it\\'s; -- here';\n"
        "SELECT email, phone FROM customers WHERE newsletter_at IS NOT NULL;\n"
    )
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n  queries: [{path: "sql/*.sql", dialect: postgres}]',
        {"sql/big.sql": "SELECT 1;\n" * 30 + tail},
    )
    policy = load_policy(root / "cnsnt.yaml")
    cut = 300 + tail.index("E'it") + 3  # a chunk ends right after E'it
    reports = set()
    for chunk in (1 << 20, cut - 8192, 1, 2, 3, 7, 64):
        if chunk < 1:
            continue
        result = audit(policy, jobs=1, chunk_chars=chunk)
        reports.add(get_reporter("json").render(result, RenderOptions()))
        assert not [f for f in result.findings if f.rule == "CN001"]
    assert len(reports) == 1


# --------------------------------------------------------------------------- 25

BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)) * 10,
    "gzip": b"\x1f\x8b\x08\x00" + zlib.compress(b"SELECT email FROM customers;" * 50),
    "zip": b"PK\x03\x04" + b"SELECT 1;" * 10,
    "nul": b"SELECT email FROM customers;\n" * 50 + b"\x00" + b"x" * 10,
}


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_25_binary_files_are_refused_by_every_reader(tmp_path, kind):
    """25: Schema and form files were "binary" when the first 8 KB held a NUL; query files
    checked only the first 4 bytes. A PNG/gzip/zip saved as .sql was decoded as cp1252 and
    lexed: garbage CN001s whose messages quoted raw file bytes. One rule now serves all."""
    data = BINARIES[kind]
    root = project(
        tmp_path / "p",
        '  schemas: [{path: "db/*.sql", dialect: postgres}]\n'
        '  forms: [{path: "forms/*.html"}, {path: "forms/*.json"}]\n'
        '  queries: [{path: "sql/*.sql", dialect: postgres}, {path: "logs/*.log", format: lines}, '
        '{path: "logs/*.csv", format: pg_stat_statements}]',
        {
            "db/schema.sql": "CREATE TABLE customers (id int, email text);\n",
            "db/logo.sql": data,
            "forms/logo.html": data,
            "forms/logo.json": data,
            "sql/logo.sql": data,
            "logs/logo.log": data,
            "logs/logo.csv": data,
        },
    )
    _, findings = audit_json(root)
    for path in ("db/logo.sql", "forms/logo.html", "forms/logo.json", "sql/logo.sql", "logs/logo.log",
                 "logs/logo.csv"):
        assert [f["message"] for f in findings if (f.get("location") or {}).get("path") == path] == [
            "binary file, not text"
        ], path


# --------------------------------------------------------------------------- 26


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_26_utf16_is_decoded_by_every_reader(tmp_path, encoding):
    """26: UTF-16 with a BOM was decoded for schema, form and .sql query files, but not for
    `lines` logs or pg_stat_statements CSVs: the same queries became unparseable CN001s / "no
    'query' column". One shared decoding helper now serves every reader."""

    def enc(text: str) -> bytes:
        if encoding == "utf-16-le":
            return b"\xff\xfe" + text.encode(encoding)
        if encoding == "utf-16-be":
            return b"\xfe\xff" + text.encode(encoding)
        return text.encode(encoding)

    q = "SELECT phone FROM customers WHERE id = 1\n"
    root = project(
        tmp_path / "p",
        '  schemas: [{path: "db/*.sql", dialect: postgres}]\n'
        '  forms: [{path: "forms/*.html"}]\n'
        '  queries: [{path: "logs/*.sql", dialect: postgres}, {path: "logs/*.log", format: lines, '
        'dialect: postgres}, {path: "logs/*.csv", format: pg_stat_statements}]',
        {
            "db/s.sql": enc("CREATE TABLE customers (id int, email text, phone text);\n"),
            "forms/f.html": enc("<form id=f><input name=phone></form>\n"),
            "logs/a.sql": enc(q),
            "logs/b.log": enc(q),
            "logs/c.csv": enc('query,rolname,calls\n"' + q.strip() + '",app,3\n'),
        },
    )
    _, findings = audit_json(root)
    assert not messages(findings, "CN001")
    for path in ("logs/a.sql", "logs/b.log", "logs/c.csv"):
        assert any("customers.phone" in m for m in messages(findings, "CN302", path)), path
    assert "f.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}


# --------------------------------------------------------------------------- 29


def test_29_a_large_alias_free_policy_is_accepted(tmp_path, monkeypatch):
    """29: yaml_nodes.MAX_EXPANDED_NODES counted every node, not alias expansion: an alias-free
    850 KB policy with 7,500 data entries was refused as a "possible alias bomb". (Here the limit
    is lowered to 1,000 nodes so a policy of 300 entries, ~4,000 nodes, shows the same.)"""
    from cnsnt.policy import yaml_nodes

    monkeypatch.setattr(yaml_nodes, "MAX_EXPANDED_NODES", 1_000)
    out = ["cnsnt: 1", "controller: {name: X, contact: x@example.com}", "purposes:",
           "  p: {description: To deliver your order., basis: contract}", "recipients: []", "data:"]
    out += [
        f"  d{i}: {{category: user.contact.email, purposes: [p], retention: P1Y, label: Label {i}, "
        f"columns: [t{i}.c{i}]}}"
        for i in range(300)
    ]
    (tmp_path / "cnsnt.yaml").write_text("\n".join(out) + "\n")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0, result.stderr[:500]


def test_29_class_alias_bombs_are_still_refused(tmp_path):
    """The class: what only aliases multiply is still bounded (a billion laughs)."""
    lines = ["cnsnt: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 7):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    (tmp_path / "cnsnt.yaml").write_text("\n".join(lines) + "\n")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert "alias bomb" in result.stderr


# --------------------------------------------------------------------------- 30


def test_30_sources_outside_the_project_are_not_read(tmp_path):
    """30: Source paths could climb out of the project (`../`, absolute paths) and symlinks
    inside the project were followed anywhere; the report named outside files by absolute path."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.env").write_text("DATABASE_URL=postgresql://admin:Hunter2@db/prod\n")
    (outside / "q.sql").write_text("SELECT phone FROM customers;\n")
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        '  queries:\n'
        '    - {path: "sql/*.sql", dialect: postgres}\n'
        '    - {path: "../outside/*", format: lines}\n'
        f'    - {{path: "{outside / "q.sql"}", dialect: postgres}}\n'
        '    - {path: "more/**/*.sql", dialect: postgres}',
        {"sql/ok.sql": "SELECT email FROM customers;\n"},
    )
    (root / "sql/innocent.sql").symlink_to(outside / "secret.env")
    (root / "more").mkdir()
    (root / "more/out").symlink_to(outside)
    _, findings = audit_json(root)
    cn001 = messages(findings, "CN001")
    assert any("'../outside/*' is outside the project" in m for m in cn001)
    assert any("q.sql' is outside the project" in m for m in cn001)
    assert any("'sql/innocent.sql' is outside the project" in m and "symlink" in m for m in cn001)
    assert any("directory 'more/out' is outside the project" in m for m in cn001)
    paths = {(f.get("location") or {}).get("path") or "" for f in findings}
    assert not [p for p in paths if p.startswith("/") or p.startswith("..")]
    assert "Hunter2" not in json.dumps(findings)
    assert any("customers.email" in m for m in messages(findings, "CN302", "sql/ok.sql"))
    _, allowed = audit_json(root, "--allow-outside")
    assert not [m for m in messages(allowed, "CN001") if "outside the project" in m]
    assert any("customers.phone" in m for m in messages(allowed, "CN302"))


# --------------------------------------------------------------------------- bounds


def test_bounds_json_and_html_depth(tmp_path):
    """Bounds: JSON deeper than --max-depth is one CN001 naming the limit; HTML deeper is a
    warning and the controls below still count."""
    deep_json = '{"properties": {"a": ' * 300 + '{"type": "string"}' + "}}" * 300
    deep_html = "<form id=f>" + "<div>" * 300 + "<input name=phone>" + "</div>" * 300 + "</form>"
    root = project(
        tmp_path / "p",
        '  forms: [{path: "forms/*.json"}, {path: "forms/*.html"}]',
        {"forms/deep.schema.json": deep_json, "forms/deep.html": deep_html},
    )
    _, findings = audit_json(root)
    assert any("depth limit (256, --max-depth)" in m for m in messages(findings, "CN001", "forms/deep.schema.json"))
    assert any("depth limit (256, --max-depth)" in m for m in messages(findings, "CN001", "forms/deep.html"))
    assert "f.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}
    _, findings = audit_json(root, "--max-depth", "700")
    assert not messages(findings, "CN001", "forms/deep.html")
    assert not any("depth limit" in m for m in messages(findings, "CN001", "forms/deep.schema.json"))


def test_bounds_file_size_names_the_limit(tmp_path):
    """Bounds: a file read whole that is larger than --max-file-size is one CN001 naming it."""
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n  forms: [{path: "forms/*.html"}]',
        {"forms/big.html": "<form id=b><input name=phone></form>" + " " * 5000,
         "forms/small.html": "<form id=s><input name=phone></form>"},
    )
    _, findings = audit_json(root, "--max-file-size", "1000")
    assert any("--max-file-size" in m and "1,000" in m for m in messages(findings, "CN001", "forms/big.html"))
    assert "s.phone" in {f["subject"] for f in findings if f["rule"] == "CN101"}


@pytest.mark.parametrize(
    ("entry", "name", "text"),
    [
        ('{path: "migrations/*.sql"}', "migrations/V2__big.sql",
         "ALTER TABLE customers ADD COLUMN phone text;\n"),
        ("{path: app/models.py, format: django}", "app/models.py",
         "from django.db import models\n\nclass Person(models.Model):\n    email = models.EmailField()\n"),
        ("{path: db/models.py, format: sqlalchemy}", "db/models.py",
         "from sqlalchemy import Column, String\n\nclass P:\n    __tablename__ = 'p'\n"
         "    email = Column(String)\n"),
        ("{path: db/schema.rb}", "db/schema.rb",
         'ActiveRecord::Schema.define do\n  create_table "p" do |t|\n    t.string "email"\n  end\nend\n'),
        ("{path: schema.prisma}", "schema.prisma", "model P {\n  id Int @id\n  email String\n}\n"),
        ("{path: lib/helpers.py}", "lib/helpers.py", "class Helper:\n    pass\n"),
        ('{path: "db/migrate/*.rb"}', "db/migrate/1_create_p.rb",
         "class CreateP < ActiveRecord::Migration[7.1]\n  def change\n    create_table :p do |t|\n"
         "      t.string :email\n    end\n  end\nend\n"),
        ('{path: "alembic/versions/*.py"}', "alembic/versions/a1.py",
         "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'a1'\ndown_revision = None\n\n"
         "def upgrade():\n    op.create_table('p', sa.Column('email', sa.String()))\n"),
        ('{path: "app/migrations/*.py"}', "app/migrations/0001_initial.py",
         "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n"
         "    operations = [migrations.CreateModel('P', [('email', models.EmailField())])]\n"),
    ],
)
def test_bounds_file_size_holds_for_every_schema_reader(tmp_path, entry, name, text):
    """Bounds: --max-file-size applies to migrations and ORM models as to DDL files."""
    files = {name: text + "#" * 5000 + "\n" if not name.endswith(".sql") else text + "--" + "x" * 5000 + "\n"}
    if name.startswith("migrations/"):
        files["migrations/V1__init.sql"] = "CREATE TABLE customers (id int, email text);\n"
    root = project(tmp_path / "p", f"  schemas: [{entry}]", files)
    _, findings = audit_json(root, "--max-file-size", "1000")
    assert any("--max-file-size" in m for m in messages(findings, "CN001", name)), name


def test_bounds_bad_limit_values_are_usage_errors(tmp_path):
    root = project(tmp_path / "p", "  forms: []", {})
    for option, value in (("--max-file-size", "0"), ("--max-statement-size", "-1"),
                          ("--max-depth", "0"), ("--source-timeout", "-1")):
        assert run("audit", str(root), option, value).exit_code == 2, option


def test_25_class_messages_do_not_quote_the_source_text(tmp_path):
    """25 (class): sqlglot's tokenizer error quoted the text it could not read (raw bytes of a
    binary file, or a password in a string); the message now says what is wrong without it."""
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n  queries: [{path: "sql/*.sql", dialect: postgres}]',
        {"sql/a.sql": "SELECT email FROM customers;\nSELECT $$Hunter2 secret\n"},
    )
    _, findings = audit_json(root)
    cn001 = messages(findings, "CN001", "sql/a.sql")
    assert cn001 and not [m for m in cn001 if "Hunter2" in m]
    assert any("customers.email" in m for m in messages(findings, "CN302", "sql/a.sql"))


def test_bounds_json_nested_deeper_than_the_parser_goes(tmp_path):
    """Bounds: one JSON value nested deeper than Python's parser goes (5,000 levels) was an
    internal error that lost the whole query log it sat in, and made `cnsnt init` crash on
    the project that held it. A log line so nested is one skipped record; init reads on."""
    deep = '{"a":' * 5000 + "1" + "}" * 5000
    row = json.dumps({"query_text": "SELECT phone FROM customers", "user_name": "bob", "role_name": "crm",
                      "calls": 1, "query_parameterized_hash": "h1"})
    record = json.dumps({"timestamp": "2026-11-01 10:00:00.000 UTC", "user": "bob", "dbname": "d",
                         "error_severity": "LOG", "message": "statement: SELECT phone FROM customers"})
    root = project(
        tmp_path / "p",
        '  schemas: [{path: schema.sql, dialect: postgres}]\n'
        "  queries:\n"
        "    - {path: wh.jsonl, format: snowflake}\n"
        "    - {path: pg.json, format: postgres_jsonlog}\n"
        "    - {path: sniffed.log}",
        {"wh.jsonl": f"{row}\n{deep}\n", "pg.json": f"{record}\n{deep}\n", "sniffed.log": deep + "\n"},
    )
    _, findings = audit_json(root)
    assert not [m for m in messages(findings, "CN001") if "internal error" in m]
    assert messages(findings, "CN001", "wh.jsonl") and messages(findings, "CN001", "pg.json")
    read = {f.get("location", {}).get("path") for f in findings if f["rule"] != "CN001"}
    assert {"wh.jsonl", "pg.json"} <= read  # the rest of each log was audited
    (root / "forms").mkdir()
    (root / "forms" / "deep.json").write_text(deep, encoding="utf-8")
    result = run("init", str(root), "-o", "-")
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
