"""words36: the last language word lists in code are vocabulary; a key's table is found where its database looks."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pytest
import yaml

from cnsnt.classify import classify_tables
from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _job_queue, _names_thing
from cnsnt.classify.implied import _noun
from cnsnt.classify.sessions import _session_store, session_column
from cnsnt.classify.tables import _by_name, _connects, _is_link, _target
from cnsnt.evidence import Classification, ForeignKey
from cnsnt.model import Confidence
from tests.unit.schema_entry import typed_table


def _list(lang: str, key: str) -> list[str]:
    text = resources.files("cnsnt.classify").joinpath("vocab", f"{lang}.yaml").read_text("utf-8")
    return [str(w) for w in yaml.safe_load(text)[key]]


# -- 1: a key that names no schema points at the table its database resolves it to


@pytest.mark.parametrize(
    ("dialect", "own"), [("postgres", False), ("tsql", False), ("mysql", True), (None, True)]
)
def test_an_unqualified_key_finds_the_table_its_database_finds(dialect: str | None, own: bool) -> None:
    """`ward.nurses.grade_id REFERENCES grade`, with a `grade` table in the default schema
    and one in `ward`: PostgreSQL (search path) and SQL Server (default schema) read the
    default one, MySQL (each database a schema) and an unknown dialect the row's own."""
    grade = replace(typed_table("grade", [("id", "INT"), ("label", "VARCHAR(40)")]), dialect=dialect)
    ward_grade = replace(grade, schema="ward")
    nurses = replace(
        typed_table("nurses", [("id", "INT"), ("first_name", "VARCHAR(60)"), ("grade_id", "INT")]),
        schema="ward",
        dialect=dialect,
    )
    by_name = _by_name([grade, ward_grade, nurses])
    key = ForeignKey(("grade_id",), "grade")
    assert _target(key, by_name, nurses) is (ward_grade if own else grade)
    # a key that names its schema is read there, whatever the dialect
    assert _target(replace(key, ref_schema="ward"), by_name, nurses) is ward_grade


@pytest.mark.parametrize("dialect", ["postgres", "tsql"])
def test_an_unqualified_key_finds_the_default_schema_written_out(dialect: str) -> None:
    """`public.grade` / `dbo.grade` written out is the table a bare `REFERENCES grade` means."""
    default = {"postgres": "public", "tsql": "dbo"}[dialect]
    grade = replace(typed_table("grade", [("id", "INT"), ("label", "VARCHAR(40)")]), schema=default, dialect=dialect)
    ward_grade = replace(grade, schema="ward")
    nurses = replace(typed_table("nurses", [("id", "INT"), ("grade_id", "INT")]), schema="ward", dialect=dialect)
    by_name = _by_name([ward_grade, grade, nurses])
    assert _target(ForeignKey(("grade_id",), "grade"), by_name, nurses) is grade


# -- 2: a server's words, each language's own; the protocol words no language's


def test_server_words_are_each_language_s_own() -> None:
    """`serwer` is Polish, `sunucu` Turkish, `szerver` Hungarian; `port` and `smtp` are no language's (words36)."""
    assert "serwer" in _list("pl", "server_words") and "sunucu" in _list("tr", "server_words")
    assert "szerver" in _list("hu", "server_words") and "serveur" in _list("fr", "server_words")
    assert {"port", "smtp", "host"} <= lx.CONNECTION_WORDS and not lx.CONNECTION_WORDS & lx.SERVER_WORDS


@pytest.mark.parametrize(
    ("table", "server", "login", "langs"),
    [
        ("yonetim", "sunucu", "kullanici_adi", ("tr",)),
        ("konfiguracja", "serwer", "login", ("pl",)),
        ("beallitasok", "szerver", "felhasznalonev", ("hu",)),
        ("configuracion", "servidor", "usuario", ("es",)),
        ("parametres", "serveur", "identifiant", ("fr",)),
        ("settings", "smtp_port", "username", ("en",)),
    ],
)
def test_a_row_naming_a_server_connects_to_one(table: str, server: str, login: str, langs: tuple[str, ...]) -> None:
    """A row with a server's word (`yonetim(sunucu, kullanici_adi)`) holds the software's login; without, not."""
    with_server = typed_table(table, [("id", "INTEGER"), (server, "VARCHAR(80)"), (login, "VARCHAR(80)")])
    without = typed_table(table, [("id", "INTEGER"), ("aciklama", "VARCHAR(80)"), (login, "VARCHAR(80)")])
    assert _connects(with_server, langs) and not _connects(without, langs)


# -- 3: the words that make a name a key beside a noun


def test_id_words_are_each_language_s_own() -> None:
    """`codigo` is Spanish and Portuguese, `codice` Italian, `nr` Polish and Dutch; `id`, `fk` no language's (words36)."""
    assert "codigo" in _list("es", "id_words") and "codigo" in _list("pt", "id_words")
    assert "codice" in _list("it", "id_words") and "nr" in _list("pl", "id_words") and "nr" in _list("nl", "id_words")
    assert {"id", "fk", "uid"} <= lx.KEY_MARKS and not lx.KEY_MARKS & lx.ID_WORDS


@pytest.mark.parametrize(
    ("column", "langs"),
    [
        ("cod_cliente", ("es",)),
        ("codice_paziente", ("it",)),
        ("codigo_paciente", ("pt",)),
        ("pacjent_nr", ("pl",)),
        ("klant_nr", ("nl",)),
        ("code_client", ("fr",)),
        ("patient_no", ("en",)),
    ],
)
def test_a_code_or_number_word_beside_a_person_links_the_row_to_them(column: str, langs: tuple[str, ...]) -> None:
    """`cod_cliente`, `pacjent_nr`: the key of the row's person; `cliente_descr` names no key."""
    visits = typed_table("visitas", [(column, "INTEGER"), ("cliente_descr", "INTEGER")])
    assert _is_link(visits.columns[0], langs, ("visitas",))
    assert not _is_link(visits.columns[1], langs, ("visitas",))


# -- 4: the words of a document's number


def test_document_numbers_are_each_language_s_own() -> None:
    """`nro` is Spanish and Portuguese, `documento` Italian too, `numdoc` glued, `docs` English (words36)."""
    assert {"nro", "documento", "numdoc"} <= set(_list("es", "document_numbers")) & set(_list("pt", "document_numbers"))
    assert "docs" in _list("en", "document_numbers") and "nr" in _list("pl", "document_numbers")


@pytest.mark.parametrize(
    ("table", "column"),
    [("facturas", "nro_doc"), ("fatture", "numero_documento"), ("factures", "numero_document"), ("faturas", "numero_documento")],
)
def test_a_document_s_number_in_an_invoice_is_the_invoice_s(table: str, column: str) -> None:
    """`facturas.nro_doc`, `fatture.numero_documento`: the invoice's own number, no identity card's."""
    rows = typed_table(table, [("id", "INTEGER"), ("cliente", "VARCHAR(80)"), (column, "VARCHAR(20)")])
    got = classify_tables([rows])[f"{table}.{column}"]
    assert not got.personal and "the number of the document each row" in got.reason, got


# -- 5: the words of a file a person sends


def test_upload_words_are_english() -> None:
    """`upload`, `uploads` are read from en.yaml (words36)."""
    assert set(_list("en", "upload_words")) == {"upload", "uploads"} == lx.UPLOAD_WORDS


def test_a_file_a_person_uploaded_is_theirs_but_not_its_time() -> None:
    """`candidates.uploadCV` is the file the person sent; `uploaded_at` is the record's own time."""
    people = typed_table(
        "candidates",
        [("id", "INTEGER"), ("first_name", "VARCHAR(80)"), ("last_name", "VARCHAR(80)"),
         ("uploadCV", "VARCHAR(200)"), ("uploaded_at", "TIMESTAMP")],
    )
    got = classify_tables([people])
    assert got["candidates.uploadCV"].personal, got["candidates.uploadCV"]
    assert not got["candidates.uploaded_at"].personal, got["candidates.uploaded_at"]


# -- 6: a process: the software's alone, a person's after another word


def test_process_words_are_english() -> None:
    """`process`, `processes` are read from en.yaml (words36)."""
    assert set(_list("en", "process_words")) == {"process", "processes"} == lx.PROCESS_WORDS


@pytest.mark.parametrize(("table", "queue"), [("processes", True), ("hiring_process", False), ("failed_jobs", True)])
def test_only_a_table_named_processes_alone_is_the_software_s(table: str, queue: bool) -> None:
    """`processes` keeps the software's jobs; `hiring_process` is a person's (words36)."""
    assert _job_queue(table, ("en",)) is queue


# -- 7: the words of a form a person fills in about themselves


def test_enrolment_forms_are_english() -> None:
    """`signup`, `rsvp`, `enrolment` are read from en.yaml (words36)."""
    assert {"signup", "rsvp", "enrolment", "enrollment", "checkout"} <= set(_list("en", "enrolment_forms"))


@pytest.mark.parametrize(("form", "thing"), [("team", True), ("team-invite", False), ("club-registration", False)])
def test_a_form_a_person_fills_in_is_about_them_whatever_it_names(form: str, thing: bool) -> None:
    """`team` is about a thing; `team-invite`, `club-registration` about the person filling them in."""
    assert _names_thing(form) is thing


# -- 8: a login session's words: what each language's word contains, and when it ends


def test_session_stems_and_ends_are_each_language_s_own() -> None:
    """`oturum` is Turkish, `munkamenet` Hungarian, `sitzung` German; Polish `wygas` says when one ends (words36)."""
    assert "oturum" in _list("tr", "session_stems") and "munkamenet" in _list("hu", "session_stems")
    assert "sitzung" in _list("de", "session_stems") and "ses" in _list("pl", "session_stems")
    assert "wygas" in _list("pl", "session_ends") and "ttl" in _list("en", "session_ends")


@pytest.mark.parametrize(
    ("table", "store"),
    [("oturumlar", True), ("munkamenet", True), ("sitzungen", True), ("sesje_sso", True), ("orders", False)],
)
def test_a_table_named_for_login_sessions_in_its_language_keeps_them(table: str, store: bool) -> None:
    """`oturumlar`, `munkamenet`, `sitzungen`, `sesje_sso` keep login sessions; `orders` none."""
    assert _session_store(typed_table(table, [("id", "INT")])) is store


@pytest.mark.parametrize("column", ["wygasa_at", "expire_date", "ttl"])
def test_when_a_session_ends_is_the_session_s_own(column: str) -> None:
    """`sesje.wygasa_at`, `expire_date`, `ttl`: when the session ends, no act of a person's."""
    found = Classification(True, "user.behavior", Confidence.MEDIUM, "a time")
    got = session_column(typed_table("sesje", [(column, "INT")]).columns[0], "sid", found)
    assert got is not None and not got.personal and "says when the session ends" in got.reason


# -- 9: the marks of a key's name, apart or glued


def test_a_short_code_word_is_each_language_s_own_the_key_marks_no_language_s() -> None:
    """`cod` is Italian, Spanish and Portuguese; `id`, `fk`, `ref` no language's (words36)."""
    assert all("cod" in _list(lang, "apart_key_words") for lang in ("it", "es", "pt"))
    assert {"id", "fk", "ref"} == lx.APART_KEY_MARKS and {"id", "fk"} == lx.GLUED_KEY_MARKS


@pytest.mark.parametrize(
    ("column", "read"),
    [
        ("cod_cliente", ("cliente", "apart")),
        ("ref_cod_religiao", ("religiao", "apart")),
        ("fk_usuario", ("usuario", "apart")),
        ("idalunno", ("alunno", "glued")),
        ("PATIENTID", ("patient", "glued")),
        # a mark at the end is read before one at the start, whatever order the list keeps
        ("fkpacienteid", ("fkpaciente", "glued")),
        ("valid", None),
    ],
)
def test_a_key_s_name_is_its_target_s_with_a_mark_apart_or_glued(column: str, read: tuple[str, str] | None) -> None:
    """`cod_cliente`, `ref_cod_religiao`, `idalunno`: the target's name with a key's mark; `valid` a word."""
    assert _noun(column) == read
