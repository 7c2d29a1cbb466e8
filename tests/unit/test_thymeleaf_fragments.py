"""Thymeleaf fragments drawn by `th:replace`/`th:insert` are fields of the calling form (review29 D5).

`<input th:replace="~{fragments/inputField :: input ('First Name', 'firstName', 'text')}" />`
with `<input th:field="*{__${name}__}" />` in the fragment `input (label, name, type)` is the
field `firstName` of the form the call sits in; the fragment read alone names nothing and
warns about nothing its calls name. A call cnsnt cannot follow says so, not "has no name".
The first fixture is the review's reproduction; all templates here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FormField
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.forms import html_form, thymeleaf_fragments
from cnsnt.sources.forms.html_page import Page
from cnsnt.sources.forms.reader import read_forms
from cnsnt.sources.forms.thymeleaf_fragments import parse_call

INPUT_FIELD = """\
<div th:fragment="input (label, name, type)">
  <label th:for="${name}" th:text="${label}">Label</label>
  <input th:type="${type}" th:field="*{__${name}__}" />
</div>
"""
OWNER_FORM = """\
<form th:object="${owner}" method="post">
  <input th:replace="~{fragments/inputField :: input ('First Name', 'firstName', 'text')}" />
  <input th:replace="~{fragments/inputField :: input ('Telephone', 'telephone', 'text')}" />
  <input type="text" th:field="*{city}" />
</form>
"""
#: PetClinic's shape: a `th:block` fragment in a `<form>` of its own file, the control chosen
#: by `th:switch` on the type parameter, a message key as the label.
SWITCHED_FIELD = """\
<html xmlns:th="https://www.thymeleaf.org">
<body>
  <form>
    <th:block th:fragment="input (label, name, type)">
      <label th:for="${name}" th:text="${label}">Label</label>
      <div th:switch="${type}">
        <input th:case="'text'" type="text" th:field="*{__${name}__}" />
        <input th:case="'date'" type="date" th:field="*{__${name}__}" />
      </div>
    </th:block>
  </form>
</body>
</html>
"""
PET_FORM = """\
<html xmlns:th="https://www.thymeleaf.org" th:replace="~{fragments/layout :: layout (~{::body},'owners')}">
<body>
  <form th:object="${pet}" method="post">
    <input th:replace="~{fragments/inputField :: input (#{petName}, 'name', 'text')}" />
    <input th:replace="~{fragments/inputField :: input ('Birth Date', 'birthDate', 'date')}" />
  </form>
</body>
</html>
"""


def _write(root: Path, name: str, text: str) -> Path:
    path = root / "src" / "main" / "resources" / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path, root: Path, read: list[Path] | None = None) -> Evidence:
    ctx = SourceContext(base_dir=root, limits=Limits())
    if read is not None:  # as `collect` sets it for an audit: the templates read as sources
        ctx.memo["forms:read"] = frozenset(p.resolve() for p in read)
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1))
    return read_forms(path, spec, ctx)


def _fields(ev: Evidence) -> dict[str | None, FormField]:
    return {f.name: f for f in ev.fields}


def test_review_repro_the_calls_are_fields_of_the_calling_form(tmp_path: Path) -> None:
    """review29 D5: `ownerForm` has firstName and telephone at the calls, labelled, and city."""
    fragment = _write(tmp_path, "fragments/inputField.html", INPUT_FIELD)
    page = _write(tmp_path, "owners/ownerForm.html", OWNER_FORM)
    ev = _read(page, tmp_path, [fragment, page])
    assert [(f.form, f.name, f.control) for f in ev.fields] == [
        ("ownerForm", "firstName", "text"),
        ("ownerForm", "telephone", "text"),
        ("ownerForm", "city", "text"),
    ]
    first = _fields(ev)["firstName"]
    assert (first.location.line, first.location.column) == (2, 3)
    assert first.label == "First Name"
    assert ev.problems == []
    assert ev.forms[0].model == "owner"  # th:object still gives the table
    # the fragment read alone draws nothing, and says nothing when its callers are read too
    alone = _read(fragment, tmp_path, [fragment, page])
    assert alone.fields == [] and alone.problems == []


def test_the_switch_on_a_parameter_keeps_the_case_the_call_chooses(tmp_path: Path) -> None:
    """PetClinic: `th:switch="${type}"` with 'date' draws the date control; a message key labels."""
    _write(tmp_path, "fragments/inputField.html", SWITCHED_FIELD)
    page = _write(tmp_path, "pets/petForm.html", PET_FORM)
    ev = _read(page, tmp_path)
    fields = _fields(ev)
    assert [(f.name, f.control) for f in ev.fields] == [("name", "text"), ("birthDate", "date")]
    assert fields["name"].label == "petName"  # the message key stands for its translation
    assert fields["birthDate"].label == "Birth Date"
    assert [p for p in ev.problems if p.severity is Severity.WARNING] == []


def test_a_call_cnsnt_cannot_follow_says_a_fragment_draws_it(tmp_path: Path) -> None:
    """Not "has no name, so a browser does not submit it": the fragment draws it on the server."""
    page = _write(
        tmp_path,
        "owners/ownerForm.html",
        '<form method="post">\n'
        '  <input th:replace="~{fragments/missing :: input (\'Name\', \'name\', \'text\')}" />\n'
        '  <div th:replace="~{fragments/inputField :: #email-group}"></div>\n'
        "</form>\n",
    )
    _write(tmp_path, "fragments/inputField.html", INPUT_FIELD)
    ev = _read(page, tmp_path)
    assert ev.fields == []
    messages = [(p.location.line, p.severity, p.message) for p in ev.problems]
    assert len(messages) == 2
    for _, severity, message in messages:
        assert severity is Severity.WARNING
        assert "is drawn by a fragment cnsnt does not follow" in message
        assert "has no name" not in message and "browser" not in message
    assert messages[0][0] == 2 and "cannot find the template 'fragments/missing'" in messages[0][2]
    assert messages[1][0] == 3 and "markup selector" in messages[1][2]


def test_a_name_the_call_gives_as_code_is_a_warning_at_the_call(tmp_path: Path) -> None:
    _write(tmp_path, "fragments/inputField.html", INPUT_FIELD)
    page = _write(
        tmp_path,
        "owners/ownerForm.html",
        '<form method="post">\n'
        "  <input th:replace=\"~{fragments/inputField :: input ('Name', ${field}, 'text')}\" />\n"
        "</form>\n",
    )
    ev = _read(page, tmp_path)
    [problem] = ev.problems
    assert problem.location.line == 2 and problem.severity is Severity.WARNING
    assert "is drawn by the fragment fragments/inputField :: input" in problem.message
    assert "the call gives its name as code (name = ${field})" in problem.message


def test_the_fragment_warns_when_a_calling_template_is_not_read(tmp_path: Path) -> None:
    fragment = _write(tmp_path, "fragments/inputField.html", INPUT_FIELD)
    _write(tmp_path, "owners/ownerForm.html", OWNER_FORM)
    [problem] = _read(fragment, tmp_path, [fragment]).problems
    assert problem.severity is Severity.WARNING and problem.location.line == 3
    assert "1 of the 1 calling templates are not read as sources" in problem.message


def test_a_layout_call_outside_a_form_is_not_read_as_fields(tmp_path: Path) -> None:
    """`<html th:replace="~{fragments/layout :: layout (~{::body})}">`: a page's frame, read alone."""
    _write(
        tmp_path, "fragments/layout.html",
        '<html th:fragment="layout (body)"><body><input name="q" /></body></html>\n',
    )
    page = _write(
        tmp_path, "welcome.html",
        '<html th:replace="~{fragments/layout :: layout (~{::body})}"><body><p>Hi</p></body></html>\n',
    )
    ev = _read(page, tmp_path)
    assert ev.fields == [] and ev.problems == []


def test_fragment_expressions_are_read_as_written() -> None:
    call = parse_call("~{fragments/inputField :: input (#{firstName}, 'first''Name', 'text')}")
    assert call is not None and call.template == "fragments/inputField" and call.fragment == "input"
    assert call.positional == ("firstName", None, "text")
    named = parse_call("fragments/select :: select(label='Type', name='type', items=${types})")
    assert named is not None and named.named == {"label": "Type", "name": "type", "items": None}
    assert parse_call("~{::body}") is not None and parse_call("~{::body}").template == ""  # type: ignore[union-attr]
    assert parse_call("${view} :: input").template is None  # type: ignore[union-attr]


def test_init_proposes_the_fields_the_calls_draw_with_their_columns(tmp_path: Path) -> None:
    """review29 D5: `cnsnt init` proposed only `ownerForm.city`; now the drawn fields too."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(
        "CREATE TABLE owners (id INT PRIMARY KEY, first_name TEXT, telephone TEXT, city TEXT);\n",
        encoding="utf-8",
    )
    _write(tmp_path, "fragments/inputField.html", INPUT_FIELD)
    _write(tmp_path, "owners/ownerForm.html", OWNER_FORM)
    result = CliRunner().invoke(app, ["init", str(tmp_path), "-o", "-"])
    assert result.exit_code == 0, result.output
    out = result.output
    for key, column in (("firstName", "first_name"), ("telephone", "telephone"), ("city", "city")):
        assert f"- ownerForm.{key} " in out
        line = next(line for line in out.splitlines() if f"- ownerForm.{key} " in line)
        assert f"fills the column 'owners.{column}'" in line
    assert "inputField." not in out
    assert "CN001" not in out


def test_a_data_th_call_is_a_caller_of_the_fragment(tmp_path: Path) -> None:
    """CR26 F7: a calling template written with `data-th-replace` (HTML5 attributes) was not
    indexed, so the fragment said "no template calls it" instead of naming the unread caller."""
    fragment = _write(
        tmp_path, "fragments/f.html",
        '<div data-th-fragment="input (label, name)">\n'
        '  <label data-th-for="${name}" data-th-text="${label}">L</label>\n'
        '  <input data-th-field="*{__${name}__}"/>\n</div>\n',
    )
    call = "\"~{fragments/f :: input ('E-mail', 'email')}\""
    for site in (f"<input data-th-replace={call}/>", f"<div data-th-insert={call}></div>"):
        page = _write(
            tmp_path, "form.html", f'<form data-th-object="${{owner}}" method="post">\n{site}\n</form>\n'
        )
        [problem] = _read(fragment, tmp_path, [fragment]).problems
        assert problem.severity is Severity.WARNING, site
        assert "1 of the 1 calling templates are not read as sources (src/main/resources/templates/form.html)" in (
            problem.message
        )
        # read as a source, the call draws the field of the calling form
        assert [(f.form, f.name) for f in _read(page, tmp_path, [fragment, page]).fields] == [("form", "email")]


DEFAULT_CASE = """\
<th:block th:fragment="input (label, name, type)">
  <div th:switch="${type}">
    <input th:case="'date'" type="date" th:field="*{__${name}__}" />
    <select th:case="'select'" th:field="*{__${name}__}"><option>a</option></select>
    <input th:case="*" th:type="${type}" th:field="*{__${name}__}" required />
  </div>
</th:block>
"""


def test_the_default_case_is_kept_only_when_no_case_matched(tmp_path: Path) -> None:
    """CR26 F11: `th:case="*"` renders only when no other case of its switch matched; it was
    always kept, so the 'select' call drew the select and the default's required input, merged
    into one required field."""
    _write(tmp_path, "fragments/inputField.html", DEFAULT_CASE)
    page = _write(
        tmp_path,
        "pets/petForm.html",
        '<form th:object="${pet}" method="post">\n'
        "  <input th:replace=\"~{fragments/inputField :: input ('Type', 'type', 'select')}\" />\n"
        "  <input th:replace=\"~{fragments/inputField :: input ('Notes', 'notes', 'text')}\" />\n"
        "  <input th:replace=\"~{fragments/inputField :: input ('Kind', 'kind', ${kind})}\" />\n"
        "</form>\n",
    )
    fields = _fields(_read(page, tmp_path))
    # 'select' matched: its select only; 'text' matched no case: the default
    assert (fields["type"].control, fields["type"].required) == ("select", False)
    assert (fields["notes"].control, fields["notes"].required) == ("text", True)
    # a type given as code decides nothing: every case is kept, the default's `required` too
    assert fields["kind"].required


def test_a_fragment_file_is_parsed_once_and_each_call_reads_only_its_fragment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CR26 F6: each call printed and parsed its fragment's whole file (400 calls into a file of
    6,000 fragments took 18 s). Now the file is parsed once per audit and each call reads the
    text of its fragment only: counted here in characters, not timed."""
    others = "".join(f'<div th:fragment="other{i}"><p>Text of fragment {i}.</p></div>\n' for i in range(500))
    fragment = _write(tmp_path, "fragments/inputField.html", INPUT_FIELD + others)
    calls = "".join(
        f"  <input th:replace=\"~{{fragments/inputField :: input ('Field {i}', 'field{i}', 'text')}}\" />\n"
        for i in range(20)
    )
    pages = [_write(tmp_path, f"{name}.html", f'<form method="post">\n{calls}</form>\n') for name in ("a", "b")]
    parsed: list[int] = []
    read_template = thymeleaf_fragments.read_template

    def counted(page: Page) -> object:
        parsed.append(len(page.text))
        return read_template(page)

    printed: list[int] = []

    class Counted(Page):
        def __init__(self, text: str, path: Path, shown: str, **kw: object) -> None:
            if path.resolve() == fragment.resolve():
                printed.append(len(text))
            super().__init__(text, path, shown, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(thymeleaf_fragments, "read_template", counted)
    monkeypatch.setattr(html_form, "Page", Counted)
    ctx = SourceContext(base_dir=tmp_path, limits=Limits())
    for page in pages:
        spec = SourceSpec("forms", page.name, page.parent, Location("cnsnt.yaml", 1, 1))
        ev = read_forms(page, spec, ctx)
        assert [f.name for f in ev.fields] == [f"field{i}" for i in range(20)]
        assert ev.fields[3].label == "Field 3" and ev.fields[3].location.line == 5
    size = fragment.stat().st_size
    assert parsed == [size]  # once for the audit, not once per file or per call
    # the pages read: that one parse, then one per call of the fragment's text alone
    assert printed[0] == size and len(printed) == 41
    assert max(printed[1:]) <= 2 * len(INPUT_FIELD) < size // 50
