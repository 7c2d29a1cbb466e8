"""Queries written in Java (Spring Data `@Query`, JPA `@NamedQuery`) and MyBatis mapper XML."""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy
from cnsnt.sources.queries.formats import detect
from cnsnt.sources.queries.java_queries import text_block
from cnsnt.sources.queries.mybatis import parameters

ENTITY = """\
package org.example.clinic.model;

import jakarta.persistence.*;
import java.util.List;

@Entity
@Table(name = "patients")
@NamedQuery(name = "Patient.byPhone", query = "SELECT p FROM Patient p WHERE p.phoneNumber = :phone")
@NamedNativeQuery(name = "Patient.emails", query = "SELECT email_address FROM patients")
public class Patient {
    @Id @GeneratedValue private Long id;
    private String firstName;
    private String lastName;
    @Column(name = "email_address") private String email;
    private String phoneNumber;
    @Embedded private Address address;
    @OneToMany(mappedBy = "patient") private List<Visit> visits;
}
"""

ADDRESS = """\
package org.example.clinic.model;

import jakarta.persistence.*;

@Embeddable
public class Address {
    private String street;
    @Column(name = "post_code") private String postCode;
}
"""

VISIT = """\
package org.example.clinic.model;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
public class Visit {
    @Id @GeneratedValue private Long id;
    private LocalDate visitDate;
    private String diagnosis;
    @ManyToOne private Patient patient;
}
"""

REPOSITORY = '''\
package org.example.clinic.repository;

import org.springframework.data.jpa.repository.*;

public interface PatientRepository extends JpaRepository<Patient, Long> {

    // cnsnt: purpose=reminders
    @Query("SELECT p FROM Patient p WHERE p.lastName LIKE :lastName% AND p.address.postCode = ?1")
    List<Patient> findByLastName(String lastName);

    @Query(value = """
        SELECT p.first_name, p.email_address
          FROM patients p
         WHERE p.id = :id""", nativeQuery = true)
    Object emailOf(Long id);

    @Query("SELECT v.diagnosis FROM Visit v "
         + "JOIN v.patient p WHERE p.firstName = :name AND v.patient.lastName = :last")
    List<String> diagnoses(String name, String last);

    @Query("SELECT p FROM Patient p WHERE p.shoeSize = 42")
    List<Patient> unmapped();

    @Query(QUERIES.SOMEWHERE_ELSE)
    List<Patient> elsewhere();
}
'''

MAPPER = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="org.example.clinic.mapper.VisitMapper">
  <sql id="visitColumns">v.id, v.visit_date</sql>

  <!-- cnsnt: purpose=reminders -->
  <select id="search" resultType="Visit">
    SELECT <include refid="visitColumns"/>, v.diagnosis
      FROM visit v
    <where>
      <if test="from != null">AND v.visit_date &gt;= #{from}</if>
      <if test="patient != null">AND v.patient_id = #{patient}</if>
      <choose>
        <when test="diagnosis != null">AND v.diagnosis = #{diagnosis}</when>
        <otherwise>AND v.id IN
          <foreach collection="ids" item="i" open="(" separator="," close=")">#{i}</foreach>
        </otherwise>
      </choose>
    </where>
    ORDER BY ${orderBy}
  </select>

  <update id="rename">
    UPDATE patients
    <set>
      <if test="first != null">first_name = #{first},</if>
      <if test="last != null">last_name = #{last},</if>
    </set>
    WHERE id = #{id}
  </update>

  <insert id="add"><selectKey keyProperty="id" resultType="long">SELECT 1</selectKey>
    INSERT INTO visit (visit_date, diagnosis, patient_id) VALUES (#{date}, #{diagnosis}, #{patient})
  </insert>
</mapper>
"""


def _project(root: Path, **extra: str) -> Path:
    files = {
        "src/main/java/org/example/clinic/model/Patient.java": ENTITY,
        "src/main/java/org/example/clinic/model/Address.java": ADDRESS,
        "src/main/java/org/example/clinic/model/Visit.java": VISIT,
        "src/main/java/org/example/clinic/repository/PatientRepository.java": REPOSITORY,
        "src/main/resources/mapper/VisitMapper.xml": MAPPER,
        "pom.xml": "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n",
        **extra,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "purposes:\n  reminders: {description: Appointment reminders, basis: contract}\n"
        "sources:\n"
        "  schemas: [{path: 'src/main/java/**/model/*.java', format: jpa}]\n"
        "  queries:\n"
        "    - {path: 'src/main/java/**/*.java'}\n"
        "    - {path: 'src/main/resources/mapper/*.xml'}\n"
    )
    return policy


def _audit(tmp_path: Path, **extra: str) -> Evidence:
    return collect_evidence(load_policy(_project(tmp_path, **extra)), jobs=1)


def _reads(evidence: Evidence, owner: str) -> list[str]:
    query = next(q for q in evidence.queries if q.name == owner)
    return sorted(u.column for u in query.uses)


def test_jpql_is_read_through_the_entities(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    # SELECT p: every column the entity maps; fields become columns, embedded ones too
    assert _reads(ev, "PatientRepository.findByLastName") == [
        "patients.email_address", "patients.first_name", "patients.id", "patients.last_name",
        "patients.phone_number", "patients.post_code", "patients.street",
    ]
    first = next(q for q in ev.queries if q.name == "PatientRepository.findByLastName")
    assert (first.location.path, first.location.line, first.location.column) == (
        "src/main/java/org/example/clinic/repository/PatientRepository.java", 8, 12,
    )
    assert first.purposes == ("reminders",) and first.purpose_origin == "comment"
    # a path join and an implicit join through the relation, on its keys (java40)
    assert _reads(ev, "PatientRepository.diagnoses") == [
        "patients.first_name", "patients.id", "patients.last_name", "visit.diagnosis", "visit.patient_id",
    ]
    # named queries on the entity: JPQL and native
    assert _reads(ev, "Patient.byPhone") == _reads(ev, "PatientRepository.findByLastName")
    assert _reads(ev, "Patient.emails") == ["patients.email_address"]


def test_native_query_in_a_text_block(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    query = next(q for q in ev.queries if q.name == "PatientRepository.emailOf")
    assert sorted(u.column for u in query.uses) == ["patients.email_address", "patients.first_name", "patients.id"]
    assert query.location.line == 11


def test_unmapped_and_unreadable_queries_are_said_at_their_place(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    repo = "src/main/java/org/example/clinic/repository/PatientRepository.java"
    said = {(p.location.line, p.location.column): p for p in ev.problems if p.location.path == repo}
    unmapped = said[(21, 12)]
    assert "PatientRepository.unmapped" in unmapped.message and "shoeSize" in unmapped.message
    assert unmapped.severity is Severity.WARNING
    elsewhere = said[(24, 12)]
    assert "QUERIES.SOMEWHERE_ELSE" in elsewhere.message and "not audited" in elsewhere.message
    assert ev.counts["java_queries"] == 6 and ev.counts["unmapped_queries"] == 1


def test_mybatis_statements_with_dynamic_sql(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    search = next(q for q in ev.queries if q.name == "org.example.clinic.mapper.VisitMapper.search")
    assert sorted(u.column for u in search.uses) == [
        "visit.diagnosis", "visit.id", "visit.patient_id", "visit.visit_date",
    ]
    assert (search.location.line, search.location.column) == (7, 3)
    assert search.purposes == ("reminders",)
    rename = next(q for q in ev.queries if q.name == "org.example.clinic.mapper.VisitMapper.rename")
    assert {u.column: u.access.value for u in rename.uses} == {
        "patients.first_name": "write", "patients.last_name": "write", "patients.id": "read",
    }
    assert not [p for p in ev.problems if p.location.path.endswith("VisitMapper.xml")]


def test_broken_xml_is_cn001_with_its_place_and_other_files_are_read(tmp_path: Path) -> None:
    broken = MAPPER.replace('<update id="rename">', '<update id="rename"', 1)
    ev = _audit(tmp_path, **{"src/main/resources/mapper/VisitMapper.xml": broken})
    problem = next(p for p in ev.problems if p.location.path.endswith("VisitMapper.xml"))
    assert "XML syntax error" in problem.message and problem.severity is None
    assert (problem.location.line, problem.location.column) == (24, 12)  # the word after the unclosed tag
    # the statement closed before the error, and the Java files, are still read
    assert any(q.name == "org.example.clinic.mapper.VisitMapper.search" for q in ev.queries)
    assert any(q.name == "PatientRepository.emailOf" for q in ev.queries)


def test_broken_annotation_is_cn001_with_its_place(tmp_path: Path) -> None:
    broken = REPOSITORY.replace('@Query("SELECT p FROM Patient p WHERE p.shoeSize = 42")',
                                '@Query("SELECT p FROM Patient p WHERE p.shoeSize = 42"', 1)
    ev = _audit(tmp_path, **{"src/main/java/org/example/clinic/repository/PatientRepository.java": broken})
    repo = "src/main/java/org/example/clinic/repository/PatientRepository.java"
    errors = [p for p in ev.problems if p.location.path == repo and p.severity is None]
    assert errors and "Java syntax error" in errors[0].message
    assert errors[0].location.line == 21 and errors[0].location.column is not None
    assert any(q.name == "Patient.emails" for q in ev.queries)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    laughs = MAPPER.replace(
        '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">',
        '<!DOCTYPE mapper [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    )
    ev = _audit(tmp_path, **{"src/main/resources/mapper/VisitMapper.xml": laughs})
    problem = next(p for p in ev.problems if p.location.path.endswith("VisitMapper.xml"))
    assert "declares entities" in problem.message and problem.location.line == 2


def test_formats_are_detected(tmp_path: Path) -> None:
    (tmp_path / "Repo.java").write_text(REPOSITORY)
    (tmp_path / "Mapper.xml").write_text(MAPPER)
    (tmp_path / "pom.xml").write_text("<project><modelVersion>4.0.0</modelVersion></project>\n")
    assert detect(tmp_path / "Repo.java") == "java"
    assert detect(tmp_path / "Mapper.xml") == "mybatis"
    assert detect(tmp_path / "pom.xml") is None
    # a documentation page that shows a mapper is no mapper
    (tmp_path / "index.xml").write_text('<document><body><source><![CDATA[<mapper namespace="x">]]></source></body></document>')
    assert detect(tmp_path / "index.xml") is None


def test_text_blocks_and_parameters() -> None:
    assert text_block('"""\n    SELECT a\n      FROM t \\\n    WHERE b = 1\n    """') == "SELECT a\n  FROM t WHERE b = 1\n"
    assert parameters("a = #{x,jdbcType=VARCHAR} ORDER BY ${col}") == "a = ? ORDER BY ?"


def test_init_proposes_repositories_and_mappers_under_queries(tmp_path: Path) -> None:
    from cnsnt.starter.discover import discover

    _project(tmp_path)
    (tmp_path / "cnsnt.yaml").unlink()
    (tmp_path / "src/main/java/org/example/clinic/repository/PlainRepository.java").write_text(
        "package org.example.clinic.repository;\npublic interface PlainRepository {}\n"
    )
    found = {(f.kind, f.pattern, f.format) for f in discover(tmp_path)}
    assert ("queries", "src/main/java/org/example/clinic/repository/PatientRepository.java", "java") in found
    assert ("queries", "src/main/java/org/example/clinic/model/Patient.java", "java") in found  # @NamedQuery
    assert ("queries", "src/main/resources/mapper/VisitMapper.xml", "mybatis") in found
    assert not any("PlainRepository" in pattern for _, pattern, _ in found)
    assert any(kind == "schemas" and fmt == "jpa" for kind, _, fmt in found)


VISITS = '''\
package org.example.clinic.repository;

import org.springframework.data.jpa.repository.*;

public interface VisitRepository extends JpaRepository<org.example.clinic.model.Visit, Long> {
    @Query("select v from #{#entityName} v where v.visitDate between :from and :to")
    List<Visit> between(LocalDate from, LocalDate to);

    @Query("select p.lastName from Patient p join p.address a where a.street like %?1% and p.id = ?2")
    List<String> onStreet(String street, Long id);

    @Query(value = "select first_name from {h-schema}patients where last_name like %:name%", nativeQuery = true)
    List<String> firstNames(String name);

    @Query("select v.diagnosis from Visit v where v.patient.address.postCode = :code")
    List<String> inArea(String code);
}
'''


def test_spring_and_hibernate_spellings(tmp_path: Path) -> None:
    ev = _audit(tmp_path, **{"src/main/java/org/example/clinic/repository/VisitRepository.java": VISITS})
    # SpEL's entity name, `:from`/`:to` named like keywords
    assert _reads(ev, "VisitRepository.between") == [
        "visit.diagnosis", "visit.id", "visit.patient_id", "visit.visit_date",
    ]
    # a join of an embedded field is the same row; Spring's `%?1%`
    assert _reads(ev, "VisitRepository.onStreet") == ["patients.id", "patients.last_name", "patients.street"]
    # Hibernate's `{h-schema}` and `%:name%` in native SQL
    assert _reads(ev, "VisitRepository.firstNames") == ["patients.first_name", "patients.last_name"]
    # an implicit join through a relation to an embedded field, on its keys (java40)
    assert _reads(ev, "VisitRepository.inArea") == [
        "patients.id", "patients.post_code", "visit.diagnosis", "visit.patient_id",
    ]
    assert not [p for p in ev.problems if p.location.path.endswith("VisitRepository.java")]


def test_findings_name_the_repository_method_and_the_mapper_statement(tmp_path: Path) -> None:
    from cnsnt.api import audit_path

    _project(tmp_path)
    result = audit_path(tmp_path)
    messages = [f.message for f in result.findings if f.rule == "CN302"]
    assert any(m.startswith("query PatientRepository.diagnoses at src/main/java/") for m in messages)
    assert any(m.startswith("query org.example.clinic.mapper.VisitMapper.rename at src/main/resources/")
               for m in messages)


def test_spring_data_jdbc_queries_are_sql_and_mongodb_ones_are_said(tmp_path: Path) -> None:
    jdbc = (
        "import org.springframework.data.jdbc.repository.query.Query;\n"
        "interface PatientJdbc {\n"
        '    @Query("SELECT email_address FROM patients WHERE id = :id")\n'
        "    String email(Long id);\n"
        "}\n"
    )
    mongo = (
        "import org.springframework.data.mongodb.repository.Query;\n"
        "interface PatientDocuments {\n"
        "    @Query(\"{ 'lastName': ?0 }\")\n"
        "    List<Patient> byName(String name);\n"
        "}\n"
    )
    ev = _audit(tmp_path, **{
        "src/main/java/org/example/clinic/repository/PatientJdbc.java": jdbc,
        "src/main/java/org/example/clinic/repository/PatientDocuments.java": mongo,
    })
    assert _reads(ev, "PatientJdbc.email") == ["patients.email_address", "patients.id"]
    said = [p for p in ev.problems if p.location.path.endswith("PatientDocuments.java")]
    assert [(p.location.line, p.location.column, p.severity) for p in said] == [(3, 5, Severity.WARNING)]
    assert "MongoDB query" in said[0].message and "not audited" in said[0].message


COMMENTS_MAPPER = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="org.example.clinic.mapper.PatientNotes">
  <sql id="patientColumns">p.first_name, p.last_name</sql>
</mapper>
"""

PAGED_MAPPER = """\
<?xml version="1.0" encoding="UTF-8"?>
<mapper namespace="org.example.clinic.mapper.VisitPages">
  <select id="page">
    SELECT v.diagnosis, <include refid="org.example.clinic.mapper.PatientNotes.patientColumns"/>
      FROM visit v JOIN patients p ON p.id = v.patient_id
    <if test='direction == "NEXT"'>ORDER BY v.visit_date DESC</if>
    <if test='direction == "PREV"'>ORDER BY v.id ASC</if>
    <if test="size != null">LIMIT #{size}</if>
  </select>
</mapper>
"""


def test_mybatis_alternative_clauses_and_another_mappers_fragment(tmp_path: Path) -> None:
    ev = _audit(tmp_path, **{
        "src/main/resources/mapper/PatientNotes.xml": COMMENTS_MAPPER,
        "src/main/resources/mapper/VisitPages.xml": PAGED_MAPPER,
    })
    # the fragment of the other mapper is pasted; of two ORDER BY branches the first is read
    assert _reads(ev, "org.example.clinic.mapper.VisitPages.page") == [
        "patients.first_name", "patients.id", "patients.last_name", "visit.diagnosis", "visit.patient_id",
        "visit.visit_date",
    ]
    assert not [p for p in ev.problems if p.location.path.endswith("VisitPages.xml")]


def test_jpql_path_joins_without_alias_and_unknown_names() -> None:
    from cnsnt.sql.jpql import Entity, to_sql

    entities = {
        "Member": Entity("Member", "members", None, {"id": "id", "email": "email", "home": "home_id",
                                                      "work": "work_id"},
                         {"home": "Town", "work": "Town"}, ("id",)),
        "Town": Entity("Town", "towns", None, {"id": "id", "name": "town_name"}, {}, ("id",)),
    }
    mapped = to_sql("select m.email from Member m join fetch m.home join fetch m.work where m.id = ?1", entities)
    assert mapped.sql == (
        'SELECT m."email" FROM "members" AS m JOIN "towns" AS m_home ON m."home_id" = m_home."id" '
        'JOIN "towns" AS m_work ON m."work_id" = m_work."id" WHERE m."id" = ?'
    )
    assert to_sql("select x from Ghost x", entities).problem == (
        "entity 'Ghost' is not among the JPA entities the schemas gave; list its entity classes under schemas:"
    )
    assert "maps no field 'phone'" in (to_sql("select m.phone from Member m", entities).problem or "")
    assert to_sql("select m from Member m where :t member of m.tags", entities).problem == (
        "cannot read this JPQL query near column 38 of it: Invalid expression / Unexpected token"
    )


# --------------------------------------------------------------------------- review codereview39b

CLIENTS = """\
package org.example.clinic.model;

import jakarta.persistence.*;

@Entity(name = "ArchivedClient")
@Table(name = "archived_clients")
public class Client {
    @Id private Long id;
    private String faxNumber;
}
"""

CUSTOMERS = """\
package org.example.clinic.model;

import jakarta.persistence.*;

@Entity(name = "Client")
@Table(name = "customers")
public class Customer {
    @Id private Long id;
    private String mobilePhone;
    @Embedded
    @AttributeOverride(name = "postCode", column = @Column(name = "home_post_code"))
    private Address home;
    @Embedded
    @AttributeOverrides({@AttributeOverride(name = "street", column = @Column(name = "billing_street"))})
    private Address billing;
}
"""

CLIENT_REPOSITORY = """\
package org.example.clinic.repository;

import org.springframework.data.jpa.repository.*;

public interface ClientRepository extends JpaRepository<Customer, Long> {
    @Query("SELECT c.mobilePhone FROM Client c")
    List<String> phones();

    @Query("SELECT c.faxNumber FROM ArchivedClient c")
    List<String> faxes();

    @Query("SELECT c.home.postCode, c.billing.street FROM Client c")
    List<Object[]> addresses();
}
"""


def test_entity_names_come_before_class_names_and_embedded_overrides_rename(tmp_path: Path) -> None:
    ev = _audit(tmp_path, **{
        "src/main/java/org/example/clinic/model/Client.java": CLIENTS,
        "src/main/java/org/example/clinic/model/Customer.java": CUSTOMERS,
        "src/main/java/org/example/clinic/repository/ClientRepository.java": CLIENT_REPOSITORY,
    })
    # `FROM Client` is the entity named Client (class Customer), not the class Client
    assert _reads(ev, "ClientRepository.phones") == ["customers.mobile_phone"]
    assert _reads(ev, "ClientRepository.faxes") == ["archived_clients.fax_number"]
    # an @AttributeOverride renames the embedded field's column in JPQL as in the table
    assert _reads(ev, "ClientRepository.addresses") == ["customers.billing_street", "customers.home_post_code"]
    repo = "src/main/java/org/example/clinic/repository/ClientRepository.java"
    assert not [p for p in ev.problems if p.location.path == repo]


def test_text_block_with_crlf_line_ends() -> None:
    # JLS 3.10.6: a text block's line terminators are LF whatever the file's; `\` at a line's end joins
    assert text_block('"""\r\n    SELECT a \\\r\n    FROM t\r\n    """') == "SELECT a FROM t\n"


PROPERTY_MAPPER = """\
<?xml version="1.0" encoding="UTF-8"?>
<mapper namespace="org.example.clinic.mapper.PatientCards">
  <sql id="nameColumns">${alias}.first_name, ${alias}.last_name</sql>
  <sql id="cardColumns"><include refid="nameColumns"><property name="alias" value="${who}"/></include>,
    ${who}.email_address</sql>
  <select id="card">
    SELECT <include refid="cardColumns"><property name="who" value="p"/></include>
      FROM patients p WHERE p.id = #{id} ORDER BY ${sortColumn}
  </select>
</mapper>
"""


def test_mybatis_include_properties_are_pasted(tmp_path: Path) -> None:
    ev = _audit(tmp_path, **{"src/main/resources/mapper/PatientCards.xml": PROPERTY_MAPPER})
    assert _reads(ev, "org.example.clinic.mapper.PatientCards.card") == [
        "patients.email_address", "patients.first_name", "patients.id", "patients.last_name",
    ]
    assert not [p for p in ev.problems if p.location.path.endswith("PatientCards.xml")]


def test_pasted_fragments_and_constants_stop_at_the_statement_size_limit(tmp_path: Path) -> None:
    from cnsnt.sources.base import Limits

    columns = ", ".join(f"v.note_{i}" for i in range(100))  # about 1,100 characters
    includes = ", ".join(['<include refid="notes"/>'] * 20)
    mapper = (
        '<mapper namespace="org.example.clinic.mapper.Notes">\n'
        f'  <sql id="notes">{columns}</sql>\n'
        f'  <select id="all">SELECT {includes} FROM visit v</select>\n'
        '</mapper>\n'
    )
    doubled = "".join(f"    String PART_{i} = PART_{i - 1} + PART_{i - 1};\n" for i in range(1, 21))  # 64 MB unbounded
    repository = (
        "package org.example.clinic.repository;\n\n"
        "public interface NotesRepository extends JpaRepository<Visit, Long> {\n"
        '    String PART_0 = "SELECT v FROM Visit v WHERE v.diagnosis IS NOT NULL OR v.id > 0 ";\n'
        f"{doubled}"
        "    @Query(PART_20)\n    List<Visit> huge();\n"
        '    @Query(PART_0)\n    List<Visit> fine();\n'
        "}\n"
    )
    policy = _project(tmp_path, **{
        "src/main/resources/mapper/Notes.xml": mapper,
        "src/main/java/org/example/clinic/repository/NotesRepository.java": repository,
    })
    ev = collect_evidence(load_policy(policy), jobs=1, limits=Limits(statement_bytes=10_000))
    said = {p.location.path.rsplit("/", 1)[-1]: p for p in ev.problems if "size limit" in p.message}
    assert said["Notes.xml"].location.line == 3 and "10,000" in said["Notes.xml"].message
    assert said["NotesRepository.java"].location.line == 25
    assert not any(q.name in ("org.example.clinic.mapper.Notes.all", "NotesRepository.huge") for q in ev.queries)
    assert _reads(ev, "NotesRepository.fine") == ["visit.diagnosis", "visit.id", "visit.patient_id", "visit.visit_date"]


def test_an_entity_the_unread_dtd_would_define_is_said_not_dropped() -> None:
    from cnsnt.sources.queries.mybatis import parse_mapper

    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE mapper SYSTEM "http://dtd.example.org/clinic-mapper.dtd">\n'
        '<mapper namespace="org.example.clinic.mapper.Secrets"><select id="s">SELECT &columns; FROM patients</select>'
        "</mapper>\n"
    )
    _, closed, error = parse_mapper(text)
    assert error is not None and "&columns;" in error[0] and error[1:] == (3, 77)
    assert not closed


def test_joined_inheritance_reads_inherited_fields_from_the_parent_table(tmp_path: Path) -> None:
    person = (
        "package org.example.clinic.model;\n\nimport jakarta.persistence.*;\n\n"
        "@Entity\n@Table(name = \"people\")\n@Inheritance(strategy = InheritanceType.JOINED)\n"
        "public abstract class Person {\n    @Id private Long id;\n    private String homeEmail;\n}\n"
    )
    nurse = (
        "package org.example.clinic.model;\n\nimport jakarta.persistence.*;\n\n"
        "@Entity\n@Table(name = \"nurses\")\npublic class Nurse extends Person {\n    private String badgeCode;\n}\n"
    )
    repository = (
        "package org.example.clinic.repository;\n\n"
        "public interface NurseRepository extends JpaRepository<Nurse, Long> {\n"
        '    @Query("SELECT n.homeEmail, n.badgeCode FROM Nurse n")\n    List<Object[]> contacts();\n'
        '    @Query("SELECT n FROM Nurse n")\n    List<Nurse> all();\n'
        "}\n"
    )
    ev = _audit(tmp_path, **{
        "src/main/java/org/example/clinic/model/Person.java": person,
        "src/main/java/org/example/clinic/model/Nurse.java": nurse,
        "src/main/java/org/example/clinic/repository/NurseRepository.java": repository,
    })
    assert _reads(ev, "NurseRepository.contacts") == ["nurses.badge_code", "people.home_email"]
    assert _reads(ev, "NurseRepository.all") == ["nurses.badge_code", "nurses.id", "people.home_email"]
    repo = "src/main/java/org/example/clinic/repository/NurseRepository.java"
    assert not [p for p in ev.problems if p.location.path == repo]
