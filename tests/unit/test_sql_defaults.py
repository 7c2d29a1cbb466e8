"""Column defaults that fill in who wrote the row: every dialect's spelling is one test."""

from __future__ import annotations

import pytest

from cnsnt.classify import classify_tables
from cnsnt.evidence import Column, Table
from cnsnt.model import Location
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.defaults import default_names_login


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("user_name()", "tsql"),
        ("((suser_sname()))", "tsql"),
        ("ORIGINAL_LOGIN()", "tsql"),
        ("system_user", "tsql"),
        ("CURRENT_USER", "postgres"),
        ('"current_user"()', "postgres"),  # how PostgreSQL before 10 reports it
        ("SESSION_USER", "postgres"),
        ("(USER())", "mysql"),
        ("USER", "oracle"),
        ("SYS_CONTEXT('USERENV', 'OS_USER')", "oracle"),
        # cast or case-folded, as a live PostgreSQL reports `DEFAULT current_user::text`
        ("(CURRENT_USER)::text", "postgres"),
        ("lower((SESSION_USER)::text)", "postgres"),
        ("CAST(USER AS VARCHAR2(30))", "oracle"),
        ("(CONVERT([varchar](50),suser_sname()))", "tsql"),
    ],
)
def test_the_session_login_in_every_spelling(text: str, dialect: str) -> None:
    assert default_names_login(text, dialect)


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("'user'", "postgres"),  # a constant that happens to say user
        ("'current_user'::character varying", "postgres"),
        ("now()", "postgres"),
        ("nextval('users_id_seq'::regclass)", "postgres"),
        ("auth.uid()", "postgres"),  # a key to the user, not a login
        ("SYS_CONTEXT('USERENV', 'DB_NAME')", "oracle"),
        ("CURRENT_TIMESTAMP", "sqlite"),
        ("user_name(", "tsql"),  # unreadable: says nothing
        (None, None),
    ],
)
def test_other_defaults_name_no_one(text: str | None, dialect: str | None) -> None:
    assert not default_names_login(text, dialect)


WHERE = Location("s.sql", 1, 1)

SQL_SERVER_SCRIPT = """\
CREATE TABLE [dbo].[KARBAN] (
\t[ID] [int] IDENTITY (1, 1) NOT NULL ,
\t[MUVLEIR] [varchar] (1024) NULL ,
\t[ADATUM] [datetime] NULL ,
\t[AKOD] [varchar] (12) NULL
) ON [PRIMARY]
GO
ALTER TABLE [dbo].[KARBAN] WITH NOCHECK ADD
\tCONSTRAINT [DF_KARBAN_ADATUM] DEFAULT (getdate()) FOR [ADATUM],
\tCONSTRAINT [DF_KARBAN_AKOD] DEFAULT (user_name()) FOR [AKOD],
\tCONSTRAINT [PK_KARBAN] PRIMARY KEY CLUSTERED ([ID]) ON [PRIMARY]
GO
CREATE TABLE [dbo].[NOTES] ([ID] int, [WHO] varchar(30) CONSTRAINT [DF_WHO] DEFAULT SUSER_SNAME())
GO
"""


def _defaults(text: str, dialect: str) -> dict[str, bool]:
    result = parse_ddl(text, dialect)
    assert result.problems == ()
    return {f"{t.name}.{c.name}": c.login_default for t in result.tables for c in t.columns}


def test_sql_server_defaults_inline_and_added_after_the_table() -> None:
    found = _defaults(SQL_SERVER_SCRIPT, "tsql")
    assert [k for k, v in found.items() if v] == ["KARBAN.AKOD", "NOTES.WHO"]


def test_a_default_set_and_dropped_later() -> None:
    text = (
        "CREATE TABLE t (a text, b text DEFAULT CURRENT_USER, c text);\n"
        "ALTER TABLE t ALTER COLUMN a SET DEFAULT session_user;\n"
        "ALTER TABLE t ALTER COLUMN b DROP DEFAULT;\n"
        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'user';\n"
    )
    assert _defaults(text, "postgres") == {"t.a": True, "t.b": False, "t.c": False}


def test_the_login_a_default_fills_in_is_personal_in_any_table() -> None:
    # a maintenance log about equipment: nothing in it is about a person but who wrote it
    result = parse_ddl(SQL_SERVER_SCRIPT, "tsql")
    tables = [
        Table(
            t.name,
            WHERE,
            "s.sql",
            columns=tuple(
                Column(t.name, c.name, WHERE, "s.sql", type=c.type, login_default=c.login_default)
                for c in t.columns
            ),
        )
        for t in result.tables
    ]
    verdicts = classify_tables(tables)
    akod = verdicts["KARBAN.AKOD"]
    assert (akod.personal, akod.category) == (True, "user.account.username")
    assert "login of whoever writes the row" in akod.reason
    assert not verdicts["KARBAN.MUVLEIR"].personal and not verdicts["KARBAN.ADATUM"].personal


def test_a_table_made_like_another_or_as_its_partition_keeps_its_defaults() -> None:
    # MySQL's CREATE TABLE ... LIKE copies the defaults; a PostgreSQL partition has its parent's
    mysql = "CREATE TABLE log (who varchar(80) DEFAULT (CURRENT_USER()), at date);\nCREATE TABLE log_2024 LIKE log;\n"
    assert _defaults(mysql, "mysql") == {
        "log.who": True,
        "log.at": False,
        "log_2024.who": True,
        "log_2024.at": False,
    }
    postgres = (
        "CREATE TABLE log (who text DEFAULT CURRENT_USER, at date) PARTITION BY RANGE (at);\n"
        "CREATE TABLE log_2024 PARTITION OF log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n"
    )
    assert _defaults(postgres, "postgres")["log_2024.who"] is True


def test_a_default_set_in_a_dump_as_postgresql_before_10_wrote_it() -> None:
    text = 'CREATE TABLE t (a text);\nALTER TABLE ONLY t ALTER COLUMN a SET DEFAULT "current_user"();\n'
    assert _defaults(text, "postgres") == {"t.a": True}


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        # each column holds an option sqlglot cannot parse, so its element is read word by word
        ("CREATE TABLE t (id int, who text DEFAULT CURRENT_USER COMPRESSION pglz);", "postgres"),
        ("CREATE TABLE t (id number, who varchar2(30) DEFAULT ON NULL USER NOT NULL);", "oracle"),
        (
            "CREATE TABLE t (id int, who nvarchar(30) MASKED WITH (FUNCTION = 'default()') "
            "DEFAULT SUSER_SNAME());",
            "tsql",
        ),
        # followed by more words no dialect knows than the longest ends tried (32)
        ("CREATE TABLE t (id int, who text DEFAULT CURRENT_USER " + "w " * 40 + ");", "postgres"),
    ],
)
def test_a_column_read_word_by_word_keeps_its_login_default(text: str, dialect: str) -> None:
    assert _defaults(text, dialect) == {"t.id": False, "t.who": True}


def test_a_column_read_word_by_word_with_another_default_names_no_one() -> None:
    text = (
        "CREATE TABLE t (who text DEFAULT 'user' COMPRESSION pglz, at date DEFAULT now() COMPRESSION pglz);"
    )
    assert _defaults(text, "postgres") == {"t.who": False, "t.at": False}


def test_a_long_or_deeply_nested_default_read_word_by_word_costs_a_few_parses() -> None:
    """Every start of the default was parsed, longest first (each parse as long as the default):
    1,000 words or 512 nested parentheses took 10 s."""
    from tests.hostile.growth import assert_linear

    deep = "(" * 600 + "1" + ")" * 600
    text = (
        f"CREATE TABLE t (who text DEFAULT ((CURRENT_USER)) COMPRESSION pglz, n int DEFAULT {deep} COMPRESSION pglz,"
        " at date DEFAULT now() COMPRESSION pglz);"
    )
    assert _defaults(text, "postgres") == {"t.who": True, "t.n": False, "t.at": False}

    def table(n: int) -> str:
        return f"CREATE TABLE t (id int, n int DEFAULT {'f(1) ' * n}COMPRESSION pglz);"

    assert_linear(lambda text: parse_ddl(text, "postgres"), table, 400)


def test_an_oracle_modify_sets_and_clears_a_login_default_and_keeps_the_rest() -> None:
    # sqlglot cannot parse Oracle's MODIFY: read from its tokens, changing only what it states
    text = (
        "CREATE TABLE t (a varchar2(30), b varchar2(30), c varchar2(30) DEFAULT USER, d number);\n"
        "ALTER TABLE t MODIFY (a DEFAULT USER, d varchar2(12));\n"
        "ALTER TABLE t MODIFY b varchar2(40) DEFAULT SYS_CONTEXT('USERENV', 'OS_USER');\n"
        "ALTER TABLE t MODIFY (c NOT NULL);\n"
        "ALTER TABLE t MODIFY CONSTRAINT t_pk ENABLE;\n"
    )
    result = parse_ddl(text, "oracle")
    assert result.problems == ()
    assert [(c.name, c.type, c.login_default) for c in result.tables[0].columns] == [
        ("a", "VARCHAR2(30)", True),
        ("b", "VARCHAR2(40)", True),
        ("c", "VARCHAR2(30)", True),
        ("d", "VARCHAR2(12)", False),
    ]
    cleared = text + "ALTER TABLE t MODIFY (a DEFAULT NULL);\n"
    assert _defaults(cleared, "oracle")["t.a"] is False


def test_an_oracle_modify_element_that_names_no_column_is_reported() -> None:
    text = "CREATE TABLE t (a varchar2(30));\nALTER TABLE t MODIFY ((a) DEFAULT USER);\n"
    [problem] = parse_ddl(text, "oracle").problems
    assert "MODIFY element" in problem.message and problem.offset == text.index("(a)")


@pytest.mark.parametrize(
    "drop",
    [
        "ALTER TABLE [dbo].[t] DROP CONSTRAINT [DF_t_who]",
        "ALTER TABLE t DROP CONSTRAINT IF EXISTS DF_t_who",
        "ALTER TABLE t DROP CONSTRAINT DF_t_other, DF_t_who",  # sqlglot cannot parse a list
        "ALTER TABLE t DROP COLUMN gone, CONSTRAINT DF_t_who",
    ],
)
def test_dropping_the_named_constraint_that_gave_a_login_default_drops_it(drop: str) -> None:
    inline = (
        "CREATE TABLE t (id int, who varchar(12) CONSTRAINT DF_t_who DEFAULT user_name(), "
        "other varchar(12) CONSTRAINT DF_t_other DEFAULT SUSER_SNAME(), gone int)\nGO\n"
    )
    added = (
        "CREATE TABLE t (id int, who varchar(12), other varchar(12), gone int)\nGO\n"
        "ALTER TABLE t ADD CONSTRAINT DF_t_who DEFAULT (user_name()) FOR who, "
        "CONSTRAINT DF_t_other DEFAULT (SUSER_SNAME()) FOR other\nGO\n"
    )
    # an option sqlglot cannot parse: the column is read word by word
    recovered = inline.replace("who varchar(12)", "who varchar(12) MASKED WITH (FUNCTION = 'default()')")
    for text in (inline, added, recovered):
        assert _defaults(text, "tsql")["t.who"] is True
        after = _defaults(f"{text}{drop}\nGO\n", "tsql")
        assert after["t.who"] is False
        assert after["t.other"] is ("DF_t_other" not in drop)


def test_sql_server_defaults_added_without_a_name_or_beside_a_new_column() -> None:
    # SSMS scripts `ADD DEFAULT ((0)) FOR [c]`: it was a CN001 ("could not be parsed"), its default lost
    text = (
        "CREATE TABLE t (id int, who varchar(12), n int)\nGO\n"
        "ALTER TABLE [dbo].[t] ADD  DEFAULT (user_name()) FOR [who]\nGO\n"
        "ALTER TABLE [dbo].[t] ADD  DEFAULT ((0)) FOR [n]\nGO\n"
        "ALTER TABLE t ADD by_whom varchar(12), CONSTRAINT DF_t_by DEFAULT SUSER_SNAME() FOR by_whom\nGO\n"
        "ALTER TABLE t ADD DEFAULT (0) FOR id, later int\nGO\n"
    )
    assert _defaults(text, "tsql") == {
        "t.id": False,
        "t.who": True,
        "t.n": False,
        "t.by_whom": True,
        "t.later": False,
    }


@pytest.mark.parametrize(
    ("definition", "dialect", "constant"),
    [
        ("c INTEGER NOT NULL DEFAULT 0", "sqlite", "0"),
        ("c int(11) NOT NULL DEFAULT '1'", "mysql", "1"),  # mysqldump quotes every default
        ("c CHAR(1) DEFAULT 'N'", "postgres", "N"),
        ("c INT DEFAULT -1", "postgres", "-1"),
        ("c BOOLEAN DEFAULT TRUE", "postgres", "TRUE"),
        ("c INT DEFAULT (0)", "tsql", "0"),
        ("c TIMESTAMP DEFAULT now()", "postgres", None),  # an expression is no constant
        ("c TEXT DEFAULT CURRENT_USER", "postgres", None),
        ("c INT", "postgres", None),
    ],
)
def test_a_constant_default_is_read_as_written(definition: str, dialect: str, constant: str | None) -> None:
    """A flag kept as a whole number says so by its default (`user INTEGER NOT NULL DEFAULT 0`)."""
    result = parse_ddl(f"CREATE TABLE t ({definition});", dialect)
    assert result.tables[0].columns[0].default == constant


def test_a_dropped_default_is_no_constant_any_more() -> None:
    result = parse_ddl("CREATE TABLE t (c INT DEFAULT 0);\nALTER TABLE t ALTER COLUMN c DROP DEFAULT;", "postgres")
    assert result.tables[0].columns[0].default is None
