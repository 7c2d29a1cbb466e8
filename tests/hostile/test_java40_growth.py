"""The java40 readers work in time linear in their input (the texts are made here).

Spring Data's derived queries (many methods, long names), MyBatis's annotations (a long
string array, a `<script>` of many `<if>`s), Kotlin's query annotations (many functions, a
long raw string), and JPA entities of one short name in many packages.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.queries.java_queries import read_java_queries
from cnsnt.sources.queries.kotlin_queries import read_kotlin_queries
from cnsnt.sources.schemas.jpa_entities import read_jpa
from cnsnt.sql.jpql import JPA_ENTITIES, Entity
from tests.hostile.growth import assert_linear
from tests.hostile.harness import _spec

USER = Entity(
    "User", "users", None,
    {"id": "id", "email": "email", "status": "status", "createdAt": "created_at", "address.zipCode": "zip"},
    {}, ("id",), {}, "app.User",
)


def _queries(text: str, name: str) -> int:
    """Statements read from one Java or Kotlin file, with the entity `User` known."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0))
        ctx.memo[JPA_ENTITIES] = {"User": USER}
        read = read_kotlin_queries if name.endswith(".kt") else read_java_queries
        gathered = read(path, name, _spec("queries", name, "java"), ctx, None)
        return gathered.statements + len(gathered.problems)


def _java(text: str) -> int:
    return _queries(text, "R.java")


def _kotlin(text: str) -> int:
    return _queries(text, "R.kt")


def test_many_derived_queries_are_linear() -> None:
    def repository(n: int) -> str:
        methods = "".join(f"    List<User> findByEmailAndStatusOrderByCreatedAtDesc{i % 2 or ''}(String e);\n"
                          for i in range(n))
        return f"interface R extends JpaRepository<User, Long> {{\n{methods}}}\n"

    assert _java(repository(3)) == 3
    assert_linear(_java, repository, 100)


def test_a_long_derived_name_is_said_and_linear() -> None:
    def repository(n: int) -> str:
        return "interface R extends CrudRepository<User, Long> {\n  User findBy" + "EmailAnd" * n + "Status();\n}\n"

    assert _java(repository(1_000)) == 1  # a CN001: longer than a name Spring Data derives
    assert_linear(_java, repository, 20_000)


def test_a_long_mybatis_string_array_and_script_are_linear() -> None:
    def array(n: int) -> str:
        parts = ", ".join(['"SELECT email"'] + ['"  , status"'] * n + ['"FROM users"'])
        return f"import org.apache.ibatis.annotations.*;\ninterface M {{\n  @Select({{{parts}}})\n  User x();\n}}\n"

    def script(n: int) -> str:
        ifs = "<if test='a'>AND status = #{s}</if>" * n
        return (f'import org.apache.ibatis.annotations.*;\ninterface M {{\n  @Select("<script>SELECT email '
                f'FROM users <where>{ifs}</where></script>")\n  User x();\n}}\n')

    assert _java(array(3)) == 1 and _java(script(3)) == 1
    assert_linear(_java, array, 2_000)
    assert_linear(_java, script, 2_000)


def test_many_kotlin_queries_and_a_long_raw_string_are_linear() -> None:
    def many(n: int) -> str:
        funs = '    @Query("select u.email from User u where u.status = ?1")\n    fun f(s: String): String\n' * n
        return f"interface R : JpaRepository<User, Long> {{\n{funs}}}\n"

    def raw(n: int) -> str:
        body = "select u.email from User u where u.status = ?1" + "\n or u.status = ?1" * n
        return f'interface R {{\n    @Query("""{body}""")\n    fun f(s: String): String\n}}\n'

    assert _kotlin(many(3)) == 3 and _kotlin(raw(3)) == 1
    assert_linear(_kotlin, many, 100)
    assert_linear(_kotlin, raw, 2_000)


def _entities(n: int) -> int:
    """Tables read from `n` entity classes named `Account`, each in a package of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            path = Path(tmp) / f"p{i}" / "Account.java"
            path.parent.mkdir()
            path.write_text(
                f"package p{i};\nimport jakarta.persistence.*;\n@Entity @Table(name = \"a{i}\")\n"
                "public class Account { @Id Long id; @ManyToOne Account parent; }\n",
                encoding="utf-8",
            )
            paths.append(path)
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0))
        return len(read_jpa(paths, _spec("schemas", "**/*.java", "jpa"), ctx).tables)


def test_many_entities_of_one_short_name_are_linear() -> None:
    assert _entities(3) == 3
    assert_linear(_entities, lambda n: n, 40, factor=4)


def test_many_mybatis_parameters_are_linear() -> None:
    # `#{...}` after `#{...}` with no `${`: each was found again from the start of the rest (java40)
    from cnsnt.sources.queries.mybatis import parameters

    assert parameters("a = #{a} AND b = ${b}") == "a = ? AND b = ?"
    assert_linear(parameters, lambda n: "AND status = #{s} " * n, 4_000)
    assert_linear(parameters, lambda n: "AND status = ${s} " * n, 4_000)


def test_kotlin_constants_doubling_each_other_stay_bounded() -> None:
    # `const val B = A + A`, `C = B + B`...: 2^40 characters unless a value is bounded
    lines = ['const val A0 = "xxxxxxxx"'] + [f"const val A{i + 1} = A{i} + A{i}" for i in range(40)]
    text = "\n".join(lines) + "\ninterface R {\n    @Query(A40)\n    fun f(): String\n}\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "R.kt"
        path.write_text(text, encoding="utf-8")
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0))
        gathered = read_kotlin_queries(path, "R.kt", _spec("queries", "R.kt", "java"), ctx, None)
    assert gathered.statements == 0
    assert [p.location.line for p in gathered.problems] == [43]
    assert "cannot read this text" in gathered.problems[0].message
