"""tidy34: a column's declared type is read once, in `cnsnt.classify.types`, for every rule.

The spellings are those schemas write (`character varying(20)`, `[nvarchar](50)`, `int?`,
Laravel's `foreignId`); the tables are invented for these tests.
"""

from __future__ import annotations

import pytest

from cnsnt.classify import classify_tables
from cnsnt.classify.types import (
    binary,
    choice,
    choice_values,
    document,
    family,
    fractional,
    integer,
    is_text,
    long_text,
    size,
    small_integer,
    type_kind,
    type_name,
    uuid,
)
from tests.unit.schema_entry import typed_table


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("VARCHAR(20)", "varchar"),
        ("character varying(20)", "character varying"),
        ("CHARACTER VARYING (100)", "character varying"),
        ("double precision", "double precision"),
        ("timestamp with time zone", "timestamp with time zone"),
        ("TIMESTAMP WITHOUT TIME ZONE", "timestamp without time zone"),
        ("timestamp(6)", "timestamp"),
        ("int(10) unsigned", "int"),
        ("BIGINT UNSIGNED", "bigint"),
        ("int IDENTITY(1,1)", "int"),
        ("[int] IDENTITY(1,1)", "int"),
        ("[nvarchar](50)", "nvarchar"),
        ('"ApplicationStatus"', "applicationstatus"),
        ("int?", "int"),
        ("DateTime?", "datetime"),
        ("foreignId", "foreignid"),
        ("bigIncrements", "bigincrements"),
        ("TEXT[]", "text[]"),
        ("longtext not null", "longtext"),
        ("string, array: true", "string"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_type_is_named_once_whatever_its_spelling(written: str | None, name: str) -> None:
    """Lower case, no size, no quotes, no `unsigned`, no `?`; SQL names of many words kept whole."""
    assert type_name(written) == name


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("varchar(255)", "text"),
        ("character varying(20)", "text"),
        ("int(11)", "numeric"),
        ("int?", "numeric"),
        ("[int] IDENTITY(1,1)", "numeric"),
        ("double precision", "numeric"),
        # a framework's whole numbers by name (Laravel, Django, Java): no text (tidy34)
        ("foreignId", "numeric"),
        ("unsignedBigInteger", "numeric"),
        ("bigIncrements", "numeric"),
        ("PositiveIntegerField", "numeric"),
        ("Long", "numeric"),
        ("timestamp with time zone", "temporal"),
        ("DateTime?", "temporal"),
        ("datetime2", "temporal"),
        ("boolean", "boolean"),
        ("[bit]", "boolean"),
        ("tinyint(1)", "boolean"),
        ("TINYINT(1) UNSIGNED", "boolean"),
        ("enum('Y','N')", "boolean"),
        ("enum('single','married')", "text"),
        # a nullable `bool?` stays text, as the rules read it (see `type_kind`)
        ("bool?", "text"),
        ("inet", "inet"),
        (None, "unknown"),
    ],
)
def test_a_type_has_one_kind(written: str | None, kind: str) -> None:
    assert type_kind(written) == kind
    assert is_text(written) is (kind == "text")


def test_the_questions_the_rules_ask_of_a_type() -> None:
    """Long text, a document, bytes, a uuid, a list of values: each by the one name."""
    assert long_text("TEXT") and long_text("[ntext]") and long_text("longtext NOT NULL")
    assert not long_text("text[]") and not long_text("varchar(4000)") and not long_text(None)
    assert document("jsonb") and document("LONGTEXT not null") and not document("text")
    assert binary("longblob") and binary("VARBINARY(16)") and not binary("bit")
    assert uuid("UUID") and uuid("[uniqueidentifier]") and not uuid("char(36)")
    assert choice("enum('a','b')") and choice("SET('x','y')") and not choice("enumeration")
    assert choice_values("enum('Y','N', '')") == ["Y", "N", ""] and choice_values(None) == []


def test_whole_numbers_small_numbers_and_decimals() -> None:
    assert integer("int(11)") and integer("foreignId") and integer("NUMBER(10)")
    assert not integer("decimal(10,0)") and not integer("numeric(10,2)") and not integer("float")
    assert small_integer("tinyint(4)") and small_integer("SMALLINT UNSIGNED") and small_integer("bit(1)")
    assert small_integer("smallInteger") and not small_integer("int(11)") and not small_integer(None)
    assert fractional("decimal(10,2)") and fractional("double precision") and fractional("money")
    assert not fractional("decimal(10)") and not fractional("numeric(5,0)") and not fractional("int")


def test_a_type_has_one_size() -> None:
    """A text's length, a number's precision, as written; none for `text` or `max`."""
    assert size("varchar(50)") == 50 and size("VARCHAR2(255 CHAR)") == 255 and size("char( 1 )") == 1
    assert size("[nvarchar](50)") == 50 and size("decimal(10,2)") == 10 and size("NUMBER(1,0)") == 1
    assert size("text") is None and size("nvarchar(max)") is None and size(None) is None


def test_a_key_and_its_target_compare_by_family() -> None:
    """`character varying(20)` and `VARCHAR(36)` are both text of a bounded length; a framework's key an int."""
    assert family("character varying(20)") == family("VARCHAR(36)") == family("nchar(10)") == "char"
    assert family("int(10) unsigned") == family("BIGINT") == family("foreignId") == family("Long") == "int"
    assert family("uuid") == "uuid" and family("timestamp(3)") == "timestamp"


def test_a_count_a_framework_types_as_a_whole_number_names_no_one() -> None:
    """`polls.voters unsignedInteger`: how many voted, in a table about no one.

    Read as text, `voters` named a person by role; a framework's whole number is a number
    (tidy34; the tune half's `encuestas.personas unsignedInteger`).
    """
    got = classify_tables(
        [typed_table("polls", [("id", "increments"), ("question", "string"), ("voters", "unsignedInteger")])]
    )
    assert not got["polls.voters"].personal, got["polls.voters"]


def test_an_oracle_number_of_ten_figures_is_no_flag() -> None:
    """`leaves.employee NUMBER(10)` is the employee's key, as `employee INT` is; `NUMBER(1)` a flag.

    The people rule read `number(1` as a prefix, so `NUMBER(10)` to `NUMBER(19)` were small
    integers there and not in the key rules (tidy34: one `small_integer` for both).
    """
    assert small_integer("NUMBER(1)") and small_integer("number(1,0)")
    assert not small_integer("NUMBER(10)") and not small_integer("number(18,0)")
    for written, linked in (("NUMBER(10)", True), ("NUMBER(1)", False)):
        got = classify_tables(
            [
                typed_table("employees", [("id", "NUMBER(10)"), ("first_name", "VARCHAR2(50)"), ("email", "VARCHAR2(100)")]),
                typed_table("leaves", [("id", "NUMBER(10)"), ("employee", written), ("starts_on", "DATE")]),
            ]
        )
        assert ("a key, not a datum" in got["leaves.employee"].reason) is linked, got["leaves.employee"]


def test_a_scale_of_zero_keeps_no_decimals() -> None:
    """Oracle writes its keys `NUMBER(10,0)`: a whole number, as `NUMBER(10)` is (codereview34)."""
    assert integer("NUMBER(10,0)")
    assert integer("number(19, 0)")
    assert not integer("NUMBER(10,2)")
    assert not integer("numeric(12,0)")  # a decimal spelt with no decimals stays a decimal
    assert not fractional("NUMBER(10,0)")
