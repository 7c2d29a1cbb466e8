"""Spring Data's `@Query` and JPA's `@NamedQuery` in Kotlin files (java40).

Read as the Java ones are (`format: java`, found from a `.kt` file when left out): JPQL
through the JPA entities, `nativeQuery = true` as SQL, named queries on an entity. `cnsnt
init` proposes such files under `queries:` and no longer names them in a "not read" note.
The files are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.policy.loader import load_policy
from cnsnt.sources.queries.formats import detect

MEMBER = '''\
package club.model

import jakarta.persistence.*

@Entity
@Table(name = "members")
@NamedQueries(
    NamedQuery(name = "Member.byPhone", query = "select m from Member m where m.phone = :phone"),
)
@NamedNativeQuery(name = "Member.emails", query = "select email_address from members")
class Member(
    @Id @GeneratedValue val id: Long? = null,
    @Column(name = "email_address") var email: String = "",
    var phone: String? = null,
    var lastName: String = "",
)
'''

REPOSITORY = '''\
package club.repo

import club.model.Member
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.data.jpa.repository.Query

const val BY_NAME = "select m.email from Member m where m.lastName = ?1"

interface MemberRepository : JpaRepository<Member, Long> {
    // cnsnt: purpose=reminders
    @Query("select m.email from Member m where m.phone = ?1")
    fun emailByPhone(phone: String): String?

    @Query(value = """
        select last_name from members
         where email_address = :email""", nativeQuery = true)
    fun lastName(email: String): String?

    @Query(BY_NAME)
    fun byName(name: String): List<String>

    @Query("select x from #{#entityName} x where x.shoeSize = 42")
    fun unmapped(): List<Member>

    @Query(somewhereElse())
    fun elsewhere(): List<Member>

    fun findByLastNameOrderByPhoneDesc(lastName: String): List<Member>

    fun countByPhoneIsNotNull(): Long

    fun greet(): String = "hi"
}
'''


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _audit(root: Path) -> Evidence:
    _write(root, {
        "src/main/kotlin/club/model/Member.kt": MEMBER,
        "src/main/kotlin/club/repo/MemberRepository.kt": REPOSITORY,
        "build.gradle.kts": 'plugins { id("org.springframework.boot") version "3.2.0" }\n// spring-boot\n',
    })
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "purposes:\n  reminders: {description: Appointment reminders, basis: contract}\n"
        "sources:\n"
        "  schemas: [{path: 'src/main/kotlin/club/model/*.kt', format: jpa}]\n"
        "  queries: [{path: 'src/main/kotlin/**/*.kt'}]\n"
    )
    return collect_evidence(load_policy(policy), jobs=1)


def _reads(evidence: Evidence, owner: str) -> list[str]:
    query = next(q for q in evidence.queries if q.name == owner)
    return sorted(u.column for u in query.uses)


def test_kotlin_query_annotations_are_read_like_the_java_ones(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    assert _reads(ev, "MemberRepository.emailByPhone") == ["members.email_address", "members.phone"]
    first = next(q for q in ev.queries if q.name == "MemberRepository.emailByPhone")
    assert (first.location.path, first.location.line, first.location.column) == (
        "src/main/kotlin/club/repo/MemberRepository.kt", 11, 12,
    )
    assert first.purposes == ("reminders",)
    assert _reads(ev, "MemberRepository.lastName") == ["members.email_address", "members.last_name"]
    assert _reads(ev, "MemberRepository.byName") == ["members.email_address", "members.last_name"]
    assert _reads(ev, "Member.byPhone") == [
        "members.email_address", "members.id", "members.last_name", "members.phone",
    ]
    assert _reads(ev, "Member.emails") == ["members.email_address"]


def test_unmapped_and_unreadable_kotlin_queries_are_said_at_their_place(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    repo = "src/main/kotlin/club/repo/MemberRepository.kt"
    said = {p.location.line: p.message for p in ev.problems if p.location.path == repo}
    assert "MemberRepository.unmapped" in said[22] and "shoeSize" in said[22]
    assert "MemberRepository.elsewhere" in said[25] and "not audited" in said[25]
    assert ev.counts["java_queries"] == 8 and ev.counts["unmapped_queries"] == 1


def test_a_kt_file_is_detected_as_java_queries(tmp_path: Path) -> None:
    _write(tmp_path, {"Repo.kt": REPOSITORY})
    assert detect(tmp_path / "Repo.kt") == "java"


def test_init_proposes_kotlin_repositories_without_a_note(tmp_path: Path) -> None:
    from cnsnt.starter.discover import discover, survey

    _write(tmp_path, {
        "src/main/kotlin/club/model/Member.kt": MEMBER,
        "src/main/kotlin/club/repo/MemberRepository.kt": REPOSITORY,
    })
    found = {(f.kind, f.pattern, f.format) for f in discover(tmp_path)}
    assert ("queries", "src/main/kotlin/club/repo/MemberRepository.kt", "java") in found
    assert ("queries", "src/main/kotlin/club/model/Member.kt", "java") in found  # @NamedQuery
    _, notes = survey(tmp_path)
    assert not [n for n in notes if "Kotlin file" in n]


def test_kotlin_derived_queries_are_read(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    assert _reads(ev, "MemberRepository.findByLastNameOrderByPhoneDesc") == [
        "members.email_address", "members.id", "members.last_name", "members.phone",
    ]
    assert _reads(ev, "MemberRepository.countByPhoneIsNotNull") == ["members.id", "members.phone"]
    assert not any(q.name == "MemberRepository.greet" for q in ev.queries)
