"""Spring Data's derived queries: a repository method's name is its query (java40).

`findByEmailAndLastNameOrderByCreatedAtDesc` with no `@Query` reads `email`, `last_name`
and `created_at` (and loads every column of the entity); the names map through the JPA
entities as JPQL does. A name cnsnt cannot read is a CN001 warning, not a guess. The files
are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.policy.loader import load_policy
from cnsnt.sql.derived_queries import MAX_NAME, derive
from cnsnt.sql.jpql import Entity

USER = """\
package com.shop.model;

import jakarta.persistence.*;
import java.time.Instant;

@Entity
@Table(name = "users")
public class User {
    @Id private Long id;
    private String email;
    private String lastName;
    private String token;
    private String status;
    private Instant createdAt;
    @Embedded private Address address;
    @ManyToOne private Customer customer;
}
"""

ADDRESS = """\
package com.shop.model;

import jakarta.persistence.*;

@Embeddable
public class Address {
    @Column(name = "zip") private String zipCode;
    private String city;
}
"""

CUSTOMER = """\
package com.shop.model;

import jakarta.persistence.*;

@Entity
public class Customer {
    @Id private Long id;
    private String companyName;
}
"""

REPOSITORY = """\
package com.shop.repo;

import com.shop.model.User;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {
    // cnsnt: purpose=support
    List<User> findByEmailAndLastNameOrderByCreatedAtDesc(String email, String lastName);

    long countByStatus(String status);

    void deleteByToken(String token);

    boolean existsByEmail(String email);

    List<User> findByAddressZipCodeOrCustomerCompanyNameIgnoreCase(String zip, String name);

    List<User> findByShoeSize(int size);

    @Query("SELECT u.email FROM User u WHERE u.status = ?1")
    List<String> findByStatus(String status);

    default List<User> findByCity(String city) { return List.of(); }

    List<User> findAll();
}
"""

ORPHAN = """\
package com.shop.repo;

import org.springframework.data.repository.CrudRepository;

public interface InvoiceRepository extends CrudRepository<Invoice, Long> {
    List<Invoice> findByNumber(String number);
    List<Invoice> findByTotalGreaterThan(long total);
}
"""


def _audit(root: Path) -> Evidence:
    files = {
        "src/main/java/com/shop/model/User.java": USER,
        "src/main/java/com/shop/model/Address.java": ADDRESS,
        "src/main/java/com/shop/model/Customer.java": CUSTOMER,
        "src/main/java/com/shop/repo/UserRepository.java": REPOSITORY,
        "src/main/java/com/shop/repo/InvoiceRepository.java": ORPHAN,
        "pom.xml": "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "purposes:\n  support: {description: Customer support, basis: contract}\n"
        "sources:\n"
        "  schemas: [{path: 'src/main/java/com/shop/model/*.java', format: jpa}]\n"
        "  queries: [{path: 'src/main/java/com/shop/repo/*.java'}]\n"
    )
    return collect_evidence(load_policy(policy), jobs=1)


def _uses(evidence: Evidence, owner: str) -> dict[str, str]:
    query = next(q for q in evidence.queries if q.name == owner)
    return {u.column: u.access.value for u in query.uses}


ALL = {
    "users.id", "users.email", "users.last_name", "users.token", "users.status", "users.created_at",
    "users.zip", "users.city", "users.customer_id",
}


def test_derived_queries_read_the_columns_their_names_say(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    find = next(q for q in ev.queries if q.name == "UserRepository.findByEmailAndLastNameOrderByCreatedAtDesc")
    assert {u.column for u in find.uses} == ALL  # the entity is loaded whole
    assert (find.location.line, find.location.column) == (9, 16)
    assert find.purposes == ("support",)
    assert set(_uses(ev, "UserRepository.countByStatus")) == {"users.id", "users.status"}
    assert _uses(ev, "UserRepository.deleteByToken")["users.token"] == "read"
    assert set(_uses(ev, "UserRepository.existsByEmail")) == {"users.id", "users.email"}
    # an embedded field's and a relation's properties, split where Spring Data splits them
    either = set(_uses(ev, "UserRepository.findByAddressZipCodeOrCustomerCompanyNameIgnoreCase"))
    assert either == ALL | {"customer.company_name", "customer.id"}  # joined on its key
    # a method with @Query is that query; a default method and findAll derive none
    assert set(_uses(ev, "UserRepository.findByStatus")) == {"users.email", "users.status"}
    names = {q.name for q in ev.queries}
    assert "UserRepository.findByCity" not in names and "UserRepository.findAll" not in names


def test_a_name_cnsnt_cannot_read_is_cn001_not_a_guess(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    said = [p for p in ev.problems if "findByShoeSize" in p.message]
    assert len(said) == 1 and "'shoeSize' is no property of entity User" in said[0].message
    assert (said[0].location.line, said[0].location.column) == (19, 16)
    assert "UserRepository.findByShoeSize" not in {q.name for q in ev.queries}


def test_a_repository_of_an_entity_cnsnt_did_not_read_is_one_warning(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    said = [p for p in ev.problems if p.location.path.endswith("InvoiceRepository.java")]
    assert len(said) == 1
    assert "2 derived queries" in said[0].message and "'Invoice'" in said[0].message


@pytest.mark.parametrize(
    ("method", "jpql"),
    [
        ("findByEmailAndLastNameOrderByCreatedAtDesc",
         "SELECT e FROM User e WHERE e.email = ? AND e.lastName = ? ORDER BY e.createdAt DESC"),
        ("findDistinctTop3ByStatusNotAndTokenIsNotNull",
         "SELECT DISTINCT e FROM User e WHERE e.status <> ? AND e.token IS NOT NULL"),
        ("readAllByEmailInAllIgnoreCaseOrderByLastNameAscCreatedAtDesc",
         "SELECT e FROM User e WHERE e.email IN (?) ORDER BY e.lastName, e.createdAt DESC"),
        ("findByAddress_ZipCodeStartingWith", "SELECT e FROM User e WHERE e.address.zipCode LIKE ?"),
        ("removeByCreatedAtBefore", "DELETE FROM User e WHERE e.createdAt < ?"),
        ("findAll", None),
        ("saveAndFlush", None),
    ],
)
def test_method_names_as_jpql(method: str, jpql: str | None) -> None:
    user = Entity("User", "users", None, {
        "id": "id", "email": "email", "lastName": "last_name", "createdAt": "created_at",
        "status": "status", "token": "token", "address.zipCode": "zip",
    }, {}, ("id",))
    assert derive(method, "User", user, {"User": user}).jpql == jpql


def test_keywords_of_other_stores_and_long_names_are_said() -> None:
    user = Entity("User", "users", None, {"id": "id", "location": "location"}, {}, ("id",))
    assert "Near" in (derive("findByLocationNear", "User", user, {}).problem or "")
    long_name = "findBy" + "Location" * (MAX_NAME // 8)
    assert "longer than" in (derive(long_name, "User", user, {}).problem or "")


def test_a_repository_written_with_a_space_before_its_type_arguments_is_read(tmp_path: Path) -> None:
    """`extends JpaRepository <User, Long>` is the same Java: its derived queries were skipped in silence."""
    spaced = REPOSITORY.replace("JpaRepository<User, Long>", "JpaRepository <User, Long>")
    spaced = spaced.replace('    @Query("SELECT u.email FROM User u WHERE u.status = ?1")\n', "")
    assert "@Query(" not in spaced and "Repository<" not in spaced
    _audit(tmp_path)  # writes the project
    (tmp_path / "src/main/java/com/shop/repo/UserRepository.java").write_text(spaced)
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"), jobs=1)
    assert set(_uses(evidence, "UserRepository.existsByEmail")) == {"users.id", "users.email"}
