"""Secrets never reach a report, a message or stderr (issue 13 item 4; reproducers 19, 21).

One function, `cnsnt.redact.redact`, hides credentials; `Problem`, `SourceError` and
`Finding` apply it when they are made, the CLI applies it to every stderr line and to
third-party log records, and sqlglot's logger (which prints whole statements) is silenced.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import _route_logging, app
from cnsnt.errors import Problem, SourceError
from cnsnt.model import AuditResult, Finding, Location, Severity
from cnsnt.redact import redact, register_env_references, register_secret
from cnsnt.reporters import REPORTERS, RenderOptions, get_reporter

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

#: The policy of reproducer 21-redaction-gaps (its last entry is the control case).
POLICY_21 = """\
cnsnt: 1
sources:
  databases:
    - "postgresql://admin:p@ssw0rdTail@db.internal/app"
    - "mysql://root:pa/ss1234@db/shop"
    - "postgresql://db/app?user=u&PGPASSWORD=EnvStylePw1"
    - "sqlserver://db;user=sa;client_secret=ClientSecretPw2"
    - "postgresql://u@db/app?sslpassword=SslPw3&aws_secret_access_key=AwsKey4"
    - "Server=db;User Id=sa;Password = SpacedPw5;"
    - "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.BearerTok7"
    - "postgresql://admin:S3cretPW9@db/app"
    - {url: !!int postgresql://admin:TagLeakPW10@db/app}
"""
SECRETS_21 = [
    "ssw0rdTail", "pa/ss1234", "EnvStylePw1", "ClientSecretPw2", "SslPw3", "AwsKey4",
    "SpacedPw5", "BearerTok7", "S3cretPW9", "TagLeakPW10",
]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("postgresql://admin:p@ssw0rdTail@db.internal/app", "postgresql://admin:***@db.internal/app"),
        ("mysql://root:pa/ss1234@db/shop", "mysql://root:***@db/shop"),
        ("mysql://root:a:b@c/d@db/shop?x=1", "mysql://root:***@db/shop?x=1"),
        ("postgresql://db/app?user=u&PGPASSWORD=EnvStylePw1", "postgresql://db/app?user=u&PGPASSWORD=***"),
        ("sqlserver://db;user=sa;client_secret=ClientSecretPw2", "sqlserver://db;user=sa;client_secret=***"),
        ("postgresql://u@db/app?sslpassword=SslPw3&aws_secret_access_key=AwsKey4",
         "postgresql://u@db/app?sslpassword=***&aws_secret_access_key=***"),
        ("Server=db;User Id=sa;Password = SpacedPw5;", "Server=db;User Id=sa;Password = ***;"),
        ("Driver={x};PWD=Odbc6;UID=sa", "Driver={x};PWD=***;UID=sa"),
        ("password: hunter22", "password: ***"),
        ("api_key='abc123'", "api_key='***'"),
        ("{'user': 'u', 'password': 'DictPw8'}", "{'user': 'u', 'password': '***'}"),
        ('{"client_secret": "JsonPw9"}', '{"client_secret": "***"}'),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.BearerTok7", "Authorization: Bearer ***"),
        ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ***"),
        ("ALTER USER app WITH PASSWORD 'Sup3rS3cretPW'", "ALTER USER app WITH PASSWORD '***'"),
        ("CREATE USER bob IDENTIFIED BY 'B0bsPassw0rd'", "CREATE USER bob IDENTIFIED BY '***'"),
    ],
)
def test_21_redact_covers_each_secret_shape(text: str, shown: str) -> None:
    """21-redaction-gaps: redact() missed passwords that contain '@' or '/', key=value
    secrets whose key is not a whole word (PGPASSWORD, client_secret, sslpassword,
    aws_secret_access_key), 'Password = x' with blanks, and bearer tokens."""
    assert redact(text) == shown
    assert redact(shown) == shown  # idempotent: a redacted text stays as it is


@pytest.mark.parametrize(
    "text",
    [
        "data.password: expected a mapping",  # a policy path, not a secret
        "column users.password_hash holds personal data (password)",
        "postgresql://u:***@db/app?x=a@b",
        "a basic information text",
        "https://example.com/privacy",
        "user@example.com",
        # a table named in a migration message (ory/kratos), a kind of token
        "ALTER TABLE identity_verification_tokens: no earlier migration creates table",
        "token_type: refresh",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_21_validate_prints_no_secret_even_for_yaml_level_errors(tmp_path: Path) -> None:
    """21: YAML-level problems ("bad value ...") were not redacted at all."""
    (tmp_path / "cnsnt.yaml").write_text(POLICY_21, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)], env=ENV, catch_exceptions=False)
    assert result.exit_code == 2
    assert "sources.databases[0]" in result.stderr  # the problems are still reported
    for secret in SECRETS_21:
        assert secret not in result.stdout + result.stderr, secret


def test_problems_and_source_errors_redact_when_made() -> None:
    assert "S3cret" not in str(Problem("bad url postgresql://a:S3cret@h/d", Location("p.yaml", 1, 1)))
    assert "S3cret" not in str(SourceError("cannot connect to mysql://a:S3cret@h/d"))


def _secret_result(policy_path: str = "cnsnt.yaml") -> AuditResult:
    register_secret("RegisteredEnvValue42")
    findings = (
        Finding("CN001", "source-unreadable", Severity.ERROR, "postgresql://a:UrlPw1@h/d",
                "cannot read postgresql://a:UrlPw1@h/d (token=TokPw2)",
                "set PGPASSWORD=EnvPw3 or RegisteredEnvValue42", Location("sql/a.sql", 3, 1)),
        Finding("CN301", "use-beyond-purpose", Severity.WARNING, "users.email",
                "ALTER USER app WITH PASSWORD 'SqlPw4' reads users.email", "",
                Location("sql/b.sql", 1, 1)),
    )
    return AuditResult(policy_path, findings, sources={"queries": 2})


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_report_format_hides_secrets(fmt: str) -> None:
    out = get_reporter(fmt).render(_secret_result(), RenderOptions(width=120, show_suppressed=True))
    for secret in ("UrlPw1", "TokPw2", "EnvPw3", "RegisteredEnvValue42", "SqlPw4"):
        assert secret not in out, (fmt, secret)
    assert "CN001" in out and "CN301" in out


def test_env_references_register_their_values(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A `${VAR}` in the policy: the value it expands to is hidden wherever it shows up."""
    register_env_references("url: postgresql://u:${CNSNT_T_PW}@h/d", {"CNSNT_T_PW": "ExpandedPw5/x"})
    assert redact("driver said: auth failed for ExpandedPw5/x") == "driver said: auth failed for ***"
    assert redact("encoded: ExpandedPw5%2Fx") == "encoded: ***"
    monkeypatch.setenv("CNSNT_T_TOKEN2", "LoadedFromPolicy77")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {databases: [{url: 'postgresql://h/d?token=${CNSNT_T_TOKEN2}'}]}\n"
        "controller: {name: LoadedFromPolicy77}\nfoo: 1\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(tmp_path)], env=ENV, catch_exceptions=False)
    assert "LoadedFromPolicy77" not in result.stdout + result.stderr


#: Reproducer 19-sqlglot-log-echoes-secrets-to-stderr (its minimal project).
MIGRATE_19 = """\
-- cnsnt: purpose=orders
SELECT email FROM customers;
ALTER USER app WITH PASSWORD 'Sup3rS3cretPW';
CREATE USER bob IDENTIFIED BY 'B0bsPassw0rd';
INSERT INTO customers (email) VALUES ('jane.doe@example.com') ON DUPLICATE KEY UPDATE email = 'jane.doe@example.com';
"""
POLICY_19 = """\
cnsnt: 1
controller: {name: Example Ltd, contact: privacy@example.com}
sources:
  schemas: [{path: schema.sql, dialect: postgres}]
  queries: [{path: "sql/*.sql", dialect: postgres}]
purposes:
  orders: {description: To deliver your order., basis: contract}
data:
  email: {category: user.contact.email, columns: [customers.email], purposes: [orders], retention: P1Y}
"""


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_19_query_files_do_not_echo_statements_to_stderr(tmp_path: Path, fmt: str) -> None:
    """19-sqlglot-log-echoes-secrets-to-stderr: query statements were parsed without
    silencing sqlglot's logger, so every statement sqlglot turns into a Command was printed
    whole to stderr - password literals and personal data included, in every --format."""
    (tmp_path / "cnsnt.yaml").write_text(POLICY_19, encoding="utf-8")
    (tmp_path / "schema.sql").write_text(
        "CREATE TABLE customers (id int, email text, phone text);\n", encoding="utf-8"
    )
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "migrate.sql").write_text(MIGRATE_19, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(tmp_path), "-f", fmt], env=ENV, catch_exceptions=False)
    assert result.exit_code == 1
    assert "statements: 5" in result.stderr  # the file was read
    for leak in ("Sup3rS3cretPW", "B0bsPassw0rd", "jane.doe", "Falling back"):
        assert leak not in result.stderr, leak
    for leak in ("Sup3rS3cretPW", "B0bsPassw0rd"):
        assert leak not in result.stdout, leak


def test_sqlglot_logger_is_silenced_and_others_are_redacted(capsys: pytest.CaptureFixture[str]) -> None:
    import cnsnt.sql  # noqa: F401 - silences sqlglot's logger on import

    _route_logging()
    logging.getLogger("sqlglot").warning("'ALTER USER a PASSWORD ''LogPw6''' contains unsupported syntax")
    logging.getLogger("sqlalchemy.pool").warning("reconnect to postgresql://u:LogPw7@h/d \x1b[2J")
    err = capsys.readouterr().err
    assert "LogPw6" not in err and "unsupported syntax" not in err
    assert "sqlalchemy.pool" in err and "postgresql://u:***@h/d" in err
    assert "LogPw7" not in err and "\x1b" not in err


def test_json_report_data_is_redacted_not_just_its_text() -> None:
    data = json.loads(get_reporter("json").render(_secret_result(), RenderOptions()))
    assert data["findings"][0]["subject"] == "postgresql://a:***@h/d"


def test_a_registered_value_is_masked_only_as_a_word_of_its_own() -> None:
    """A CI password such as `postgres` must not turn `postgresql://` into `***ql://`."""
    register_env_references("${CNSNT_T_PG}", {"CNSNT_T_PG": "postgres"})
    assert redact("dialect postgresql, table postgres_users") == "dialect postgresql, table postgres_users"
    assert redact("login failed with 'postgres'") == "login failed with '***'"
    register_secret("p@ss/w0rd")
    assert redact("pw=p@ss/w0rd;") == "pw=***;"
