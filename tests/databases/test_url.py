"""Database URLs: ${ENV} expansion, default drivers, read-only SQLite, redaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.model import Location
from cnsnt.sources.databases.url import DatabaseUrlError, expand_env, parse_database_url

ENV = {"PGPASSWORD": "p@ss/w:rd", "DB_HOST": "db.internal", "DATABASE_URL": "sqlite:///x.db"}


def test_env_reference_in_the_password_is_percent_encoded():
    assert (
        expand_env("postgresql://app:${PGPASSWORD}@${DB_HOST}/shop", ENV)
        == "postgresql://app:p%40ss%2Fw%3Ard@db.internal/shop"
    )


def test_a_whole_url_from_the_environment_is_used_as_is():
    assert expand_env("${DATABASE_URL}", ENV) == "sqlite:///x.db"


def test_missing_variables_are_named_without_values():
    with pytest.raises(DatabaseUrlError, match="environment variables A, B are not set"):
        expand_env("postgresql://${B}:${A}@h/d", {})


def test_expanded_password_is_decoded_for_the_driver_and_hidden_when_shown(tmp_path):
    db = parse_database_url("postgresql://app:${PGPASSWORD}@${DB_HOST}/shop", tmp_path, ENV)
    assert db.url.password == "p@ss/w:rd"
    assert db.url.drivername == "postgresql+psycopg"
    assert db.backend == "postgresql"
    assert db.shown == "postgresql://app:***@db.internal/shop"
    assert db.scrub("FATAL: password p@ss/w:rd and p%40ss%2Fw%3Ard rejected") == (
        "FATAL: password *** and *** rejected"
    )


def test_password_in_the_query_string_is_hidden_too(tmp_path):
    db = parse_database_url("mysql://app@h/shop?password=Hunter22&charset=utf8mb4", tmp_path, {})
    assert "Hunter22" not in db.shown
    assert db.url.drivername == "mysql+pymysql"


@pytest.mark.parametrize(
    ("raw", "driver"),
    [
        ("postgres://u@h/d", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg"),
        ("mariadb://u@h/d", "mariadb+pymysql"),
        ("sqlite:///a.db", "sqlite+pysqlite"),
    ],
)
def test_default_drivers(raw, driver, tmp_path):
    assert parse_database_url(raw, tmp_path, {}).url.drivername == driver


@pytest.mark.parametrize("raw", ["app.db", "://nothing", "postgresql://u:p@h:notaport/d"])
def test_malformed_urls_are_refused_without_echoing_secrets(raw, tmp_path):
    with pytest.raises(DatabaseUrlError) as info:
        parse_database_url(raw, tmp_path, {})
    assert ":p@" not in str(info.value)


def test_unknown_backend_is_refused(tmp_path):
    with pytest.raises(DatabaseUrlError, match="unknown database kind 'nosuchdb'"):
        parse_database_url("nosuchdb://u:secret@h/d", tmp_path, {})


def test_sqlite_path_is_relative_to_the_policy_and_opened_read_only(tmp_path):
    db = parse_database_url("sqlite:///data/my app.db", tmp_path, {})
    assert db.shown == "sqlite:///data/my app.db"  # as written: reports are the same everywhere
    assert db.url.query["mode"] == "ro" and db.url.query["uri"] == "true"
    assert db.sqlite_file == tmp_path / "data" / "my app.db"
    assert "my%20app.db" in (db.url.database or "")


def test_sqlite_mode_cannot_be_overridden_to_write(tmp_path):
    db = parse_database_url(f"sqlite:///file:{tmp_path}/a.db?mode=rwc&uri=true", Path("/"), {})
    assert db.url.query["mode"] == "ro"


def test_live_location_is_one_db_uri():
    loc = Location(database="postgresql://app:***@db/shop", table="public.patients", column_name="email")
    assert str(loc) == loc.uri == "db://postgresql://app:***@db/shop/public.patients.email"
    assert loc.to_json() == {
        "database": "postgresql://app:***@db/shop",
        "table": "public.patients",
        "column_name": "email",
        "uri": "db://postgresql://app:***@db/shop/public.patients.email",
    }


def test_query_string_stays_at_the_end_of_the_uri():
    loc = Location(database="postgresql+psycopg://postgres@/d?host=/tmp/s", table="public.t")
    assert loc.uri == "db://postgresql+psycopg://postgres@/d/public.t?host=/tmp/s"


def test_file_locations_are_unchanged():
    loc = Location("db/schema.sql", 3, 5)
    assert str(loc) == "db/schema.sql:3:5" and loc.uri is None
    assert loc.to_json() == {"path": "db/schema.sql", "line": 3, "column": 5}


def test_env_reference_in_the_query_is_encoded_and_its_secret_scrubbed(tmp_path):
    db = parse_database_url("postgresql://app@h/d?password=${PGPASSWORD}", tmp_path, ENV)
    assert db.url.query["password"] == "p@ss/w:rd"
    assert db.shown == "postgresql://app@h/d?password=***"
    assert db.scrub("server said p@ss/w:rd") == "server said ***"


def test_a_malformed_url_from_the_environment_is_named_not_echoed(tmp_path):
    with pytest.raises(DatabaseUrlError) as info:
        parse_database_url("${DATABASE_URL}", tmp_path, {"DATABASE_URL": "not a url Hunter22"})
    assert str(info.value).startswith("'${DATABASE_URL}' is not a database URL")
    assert "Hunter22" not in str(info.value)
