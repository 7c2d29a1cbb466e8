"""Kotlin repositories' query annotations are proposed, never passed over in silence (codereview39b, java40).

cnsnt reads `@Query` in Java files (`queries: format: java`); a Spring project written in
Kotlin keeps the same annotations in `.kt` files, which the Java reader cannot parse.
`cnsnt init` proposed nothing for them and said nothing. The files here are written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey

SCHEMA = "CREATE TABLE members (id INT PRIMARY KEY, email TEXT, phone TEXT);\n"
KOTLIN_REPO = """package club.repo

import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.data.jpa.repository.Query

interface MemberRepository : JpaRepository<Member, Long> {
    @Query("select m.email from Member m where m.phone = ?1")
    fun emailByPhone(phone: String): String?
}
"""
KOTLIN_SERVICE = "package club\n\nclass Greeter {\n    fun hello(): String = \"hi\"\n}\n"
JAVA_REPO = """package club.repo;

import org.springframework.data.jpa.repository.*;

public interface MemberRepository extends JpaRepository<Member, Long> {
    @Query("select m.email from Member m")
    java.util.List<String> emails();
}
"""


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_a_kotlin_repository_with_query_annotations_is_proposed_not_named_in_a_note(tmp_path: Path) -> None:
    # java40: the Kotlin file is read as `format: java` now; the "not read" note is gone
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "src/main/kotlin/club/repo/MemberRepository.kt", KOTLIN_REPO)
    _write(tmp_path, "src/main/kotlin/club/Greeter.kt", KOTLIN_SERVICE)
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "Kotlin" in n]
    kotlin = [(f.kind, f.pattern, f.format) for f in found if f.pattern.endswith(".kt")]
    assert kotlin == [("queries", "src/main/kotlin/club/repo/MemberRepository.kt", "java")]


def test_a_java_repository_is_proposed_and_draws_no_kotlin_note(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "src/main/java/club/repo/MemberRepository.java", JAVA_REPO)
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "Kotlin" in n]
    assert [f.pattern for f in found if f.pattern.endswith(".java")] == ["src/main/java/club/repo/MemberRepository.java"]
