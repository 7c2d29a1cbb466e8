"""hard38: a RecursionError is a clear CN001 at the file, never "internal error" at the policy entry.

Python forms whose expressions nest deeper than the form reader recurses, a Symfony option in
thousands of parentheses, a view whose SELECT nests thousands deep; and, behind every reader,
the collector's own backstop, which names the file (the one that nests deepest, for an entry
read as one) and the place its brackets nest deepest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.sql.ddl import parse_ddl


def _cn001(result) -> list[tuple[str, int | None, int | None, str]]:
    return [
        (f.location.path, f.location.line, f.location.column, f.message) for f in result.findings if f.rule == "CN001"
    ]


def _subjects(result) -> set[str]:
    return {f.subject for f in result.findings if f.rule == "CN101"}


def _project(tmp_path: Path, files: dict[str, str], sources: str) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\nsources:\n" + sources)
    return tmp_path


def test_a_python_form_too_deep_for_the_reader_is_said_at_its_class_the_next_is_read(tmp_path: Path) -> None:
    """`model = registry.Member.Member...` 1,400 deep parses (CPython goes to about 3,000) but
    the ModelForm reader recursed: the whole file was an internal error at no line."""
    chain = "registry" + ".Member" * 1400
    _project(
        tmp_path,
        {
            "members/forms.py": (
                "from django import forms\n\n"
                "class MemberForm(forms.ModelForm):\n    class Meta:\n"
                f"        model = {chain}\n        fields = ['email']\n\n"
                "class ContactForm(forms.Form):\n    phone = forms.CharField()\n"
                f"    email = forms.EmailField(widget={'widgets' + '.Input' * 1400})\n"
            )
        },
        "  forms: [{path: members/forms.py}]\n",
    )
    result = audit_path(tmp_path)
    [(path, line, column, message)] = _cn001(result)
    assert (path, line, column) == ("members/forms.py", 5, 17)
    assert message == "Python expressions nested too deep to read; this class's form is not read"
    assert {"contact.phone", "contact.email"} <= _subjects(result)


def test_a_symfony_option_in_thousands_of_parentheses_is_read(tmp_path: Path) -> None:
    deep = "(" * 5000 + "'Your phone'" + ")" * 5000
    _project(
        tmp_path,
        {
            "src/Form/ContactType.php": (
                "<?php\nnamespace App\\Form;\n\nuse Symfony\\Component\\Form\\AbstractType;\n"
                "use Symfony\\Component\\Form\\FormBuilderInterface;\n\n"
                "class ContactType extends AbstractType\n{\n"
                "    public function buildForm(FormBuilderInterface $builder, array $options): void\n    {\n"
                f"        $builder->add('email')->add('phone', null, ['label' => {deep}]);\n    }}\n}}\n"
            )
        },
        "  forms: [{path: src/Form/ContactType.php, format: symfony-forms}]\n",
    )
    result = audit_path(tmp_path)
    assert _cn001(result) == []
    assert {"contact.email", "contact.phone"} <= _subjects(result)


def test_a_view_nested_thousands_deep_is_said_at_its_deepest_parenthesis() -> None:
    """sqlglot parses it but cannot write it back ("not understood (maximum recursion depth
    exceeded ...)" before); a statement it cannot parse for its depth said "the SQL parser
    failed on it (RecursionError)"."""
    query = "SELECT email FROM members"
    for i in range(3000):
        query = f"SELECT * FROM ({query}) q{i}"
    text = (
        "CREATE TABLE members (id int PRIMARY KEY, email text);\n"
        f"CREATE VIEW member_mail AS {query};\n"
        "CREATE VIEW member_score AS SELECT " + "(" * 3000 + "1" + ")" * 3000 + " AS score FROM members;\n"
        "CREATE TABLE visits (id int, member_id int REFERENCES members(id));\n"
    )
    result = parse_ddl(text, "postgres")
    assert [t.name for t in result.tables] == ["members", "visits"]
    deepest = text.index("(SELECT email")
    over = "nested too deeply: 3,000 levels of parentheses, more than the 256 cnsnt parses"
    assert [(p.offset, p.message) for p in result.problems] == [
        (deepest, f"CREATE VIEW member_mail could not be parsed ({over}); skipped"),
        (text.index("(1)"), f"CREATE VIEW member_score could not be parsed ({over}); skipped"),
    ]


def test_a_t_sql_view_over_256_parentheses_is_not_parsed_and_a_deep_check_keeps_its_table() -> None:
    """sqlglot's T-SQL writer spends about the cube of a view's depth (4 s at 300 levels, 22 s
    at 450, minutes at 3,000, where `cnsnt init` tried it in every dialect): over 256 levels
    (`--max-depth`'s default) a statement is not parsed. A table's columns are read from its
    tokens all the same."""
    query = "SELECT email FROM members"
    for i in range(300):
        query = f"SELECT * FROM ({query}) q{i}"
    text = (
        f"CREATE VIEW member_mail AS {query};\n"
        "CREATE TABLE members (id int, email varchar(80), score int CHECK (" + "(" * 300 + "score > 0" + ")" * 300 + "));\n"
    )
    result = parse_ddl(text, "tsql")
    assert [p.message for p in result.problems] == [
        "CREATE VIEW member_mail could not be parsed (nested too deeply: 300 levels of parentheses, "
        "more than the 256 cnsnt parses); skipped"
    ]
    assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [("members", ["id", "email", "score"])]


def test_a_statement_too_deep_for_python_without_parentheses_says_so() -> None:
    case = "email"
    for i in range(1000):
        case = f"CASE WHEN id = {i} THEN {case} ELSE 'x' END"
    text = f"CREATE VIEW member_case AS SELECT {case} AS e FROM members;\nCREATE TABLE visits (id int);\n"
    result = parse_ddl(text, "postgres")
    assert [(p.offset, p.message) for p in result.problems] == [
        (0, "CREATE VIEW member_case could not be parsed (nested too deeply); skipped")
    ]
    assert [t.name for t in result.tables] == ["visits"]


def _raises_for(name: str, real):
    def reader(path: Path, *args: object):
        if path.name == name:
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, *args)

    return reader


def test_the_collector_says_a_recursion_at_the_file_where_it_nests_deepest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cnsnt.collect as collect

    _project(
        tmp_path,
        {
            "forms/signup.html": '<form id="signup"><input name="email"></form>\n',
            "forms/survey.html": '<form id="survey">\n<input name="phone" data-x="f(g([1]))">\n</form>\n',
        },
        "  forms: [{path: forms/*.html}]\n",
    )
    real = collect._reader
    monkeypatch.setattr(collect, "_reader", lambda kind: _raises_for("survey.html", real(kind)))
    result = audit_path(tmp_path)
    assert _cn001(result) == [
        (
            "forms/survey.html",
            2,
            33,
            "nested too deeply for cnsnt's reader (deeper than Python's recursion goes): this file is not read",
        )
    ]
    assert "signup.email" in _subjects(result)


def test_an_entry_read_as_one_names_the_file_that_nests_deepest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cnsnt.collect as collect

    _project(
        tmp_path,
        {
            "db/Members.kt": "object Members : Table() {\n    val email = varchar(\"email\", 80)\n}\n",
            "db/Visits.kt": "object Visits : Table() {\n    val note = text(\"note\").default(f(((1))))\n}\n",
        },
        "  schemas: [{path: db/*.kt}]\n",
    )

    def group(paths: list[Path], spec: object, ctx: object):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(collect, "_planner", lambda kind: lambda paths, spec: [(group, sorted(paths))])
    result = audit_path(tmp_path)
    assert _cn001(result) == [
        (
            "db/Visits.kt",
            2,
            40,
            "nested too deeply for cnsnt's reader (deeper than Python's recursion goes): the 2 files of "
            "this entry are read together and none is read; this one nests deepest",
        )
    ]


def test_a_ref_chain_deeper_than_the_reader_follows_is_said_not_dropped(tmp_path: Path) -> None:
    """hard38: a chain of 40 `$ref`s ended in silence past the 32nd (its fields dropped)."""
    import json

    definitions = {
        f"level{i}": {"type": "object", "properties": {"next": {"$ref": f"#/definitions/level{i + 1}"}}}
        for i in range(40)
    }
    definitions["level40"] = {"type": "object", "properties": {"phone": {"type": "string"}}}
    schema = {
        "$id": "signup",
        "type": "object",
        "properties": {"email": {"type": "string"}, "chain": {"$ref": "#/definitions/level0"}},
        "definitions": definitions,
    }
    _project(tmp_path, {"forms/signup.schema.json": json.dumps(schema, indent=1)}, "  forms: [{path: forms/*.json}]\n")
    result = audit_path(tmp_path)
    [(path, line, _, message)] = _cn001(result)
    assert path == "forms/signup.schema.json" and line is not None and line > 1
    assert message == "$ref '#/definitions/level32' is more than 32 references deep; the fields under it are not audited"
    assert "signup.email" in _subjects(result)
