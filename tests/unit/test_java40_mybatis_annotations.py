"""MyBatis annotation mappers: `@Select`, `@Insert`, `@Update`, `@Delete` on a mapper interface (java40).

Read as the XML mapper's statements are: a string or an array of strings (joined by a
blank, as MyBatis joins them), `#{...}` a parameter, a `<script>` its dynamic SQL. The
files are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.policy.loader import load_policy
from cnsnt.sources.queries.java_queries import has_queries

SCHEMA = "CREATE TABLE members (id INT PRIMARY KEY, email TEXT, phone TEXT, last_name TEXT);\n"

MAPPER = '''\
package com.shop.mapper;

import org.apache.ibatis.annotations.*;

public interface MemberMapper {
    // cnsnt: purpose=reminders
    @Select("SELECT email, phone FROM members WHERE id = #{id}")
    Member byId(long id);

    @Select({"SELECT last_name", "FROM members", "WHERE email = #{email,jdbcType=VARCHAR}"})
    String lastName(String email);

    @Update({"<script>",
             "UPDATE members",
             "<set>",
             "  <if test='phone != null'>phone = #{phone},</if>",
             "  <if test='email != null'>email = #{email},</if>",
             "</set>",
             "WHERE id = #{id}",
             "</script>"})
    void update(Member member);

    @Insert("INSERT INTO members (email, phone) VALUES (#{email}, #{phone})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    void add(Member member);

    @Delete(value = "DELETE FROM members WHERE last_name = #{name}")
    void drop(String name);

    @Select("<script>SELECT id FROM members <where><if test='p'>AND phone = #{p}</where></script>")
    List<Long> broken(String p);
}
'''

# Spring Data MongoDB's `@Update` is no SQL: a file without MyBatis's annotations is not read for it
MONGO = '''\
package com.shop.mongo;

import org.springframework.data.mongodb.repository.Update;

public interface Visits {
    @Update("{ '$inc' : { 'visits' : 1 } }")
    void count(String id);
}
'''


def _audit(root: Path) -> Evidence:
    files = {
        "db/schema.sql": SCHEMA,
        "src/main/java/com/shop/mapper/MemberMapper.java": MAPPER,
        "src/main/java/com/shop/mongo/Visits.java": MONGO,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "purposes:\n  reminders: {description: Appointment reminders, basis: contract}\n"
        "sources:\n"
        "  schemas: [{path: db/schema.sql}]\n"
        "  queries: [{path: 'src/main/java/**/*.java', format: java}]\n"
    )
    return collect_evidence(load_policy(policy), jobs=1)


def _uses(evidence: Evidence, owner: str) -> dict[str, str]:
    query = next(q for q in evidence.queries if q.name == owner)
    return {u.column: u.access.value for u in query.uses}


def test_annotation_statements_are_read_like_mapper_xml(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    name = "com.shop.mapper.MemberMapper."
    assert _uses(ev, name + "byId") == {"members.email": "read", "members.phone": "read", "members.id": "read"}
    by_id = next(q for q in ev.queries if q.name == name + "byId")
    assert (by_id.location.line, by_id.location.column) == (7, 13)
    assert by_id.purposes == ("reminders",)
    assert _uses(ev, name + "lastName") == {"members.last_name": "read", "members.email": "read"}
    assert _uses(ev, name + "update") == {
        "members.phone": "write", "members.email": "write", "members.id": "read",
    }
    assert _uses(ev, name + "add") == {"members.email": "write", "members.phone": "write"}
    assert set(_uses(ev, name + "drop")) == {"members.last_name"}


def test_a_broken_script_is_cn001_at_its_place_and_the_rest_is_read(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    said = [p for p in ev.problems if "MemberMapper.broken" in p.message]
    assert len(said) == 1 and "XML syntax error" in said[0].message
    assert said[0].location.line == 30
    assert not any(q.name == "com.shop.mapper.MemberMapper.broken" for q in ev.queries)


def test_only_mybatis_annotations_are_read(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    assert not [p for p in ev.problems if p.location.path.endswith("Visits.java")]
    assert not any(q.location.path.endswith("Visits.java") for q in ev.queries)
    assert has_queries(MAPPER) and not has_queries(MONGO)
