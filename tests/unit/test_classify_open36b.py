"""open36b: the word lists still in code are vocabulary, each language's own; one answer per question."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest
import yaml

from cnsnt.classify import classify_tables
from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _animal_form, _names_thing
from cnsnt.classify.implied import _noun
from cnsnt.classify.tables import _list_target, _results
from cnsnt.evidence import ForeignKey
from tests.unit.schema_entry import schema_tables, typed_table


def _language_list(lang: str, key: str) -> list[str]:
    text = resources.files("cnsnt.classify").joinpath("vocab", f"{lang}.yaml").read_text("utf-8")
    return [str(w) for w in yaml.safe_load(text)[key]]


def _counts(*columns: str) -> dict[str, tuple[bool, str | None, str]]:
    people = typed_table(
        "clients",
        [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT"), *((c, "INTEGER") for c in columns)],
    )
    got = classify_tables([people])
    return {c: (got[f"clients.{c}"].personal, got[f"clients.{c}"].category, got[f"clients.{c}"].reason) for c in columns}


# -- 1: one list of the glue between a word and what it is of


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", {"of", "the"}), ("pt", {"dos", "das"}), ("it", {"della", "di"}), ("fr", {"du", "des"}), ("es", {"del"})],
)
def test_of_words_are_each_language_s_own(lang: str, words: set[str]) -> None:
    """`of_words` is read from each language's file: no list of them in code (open36b)."""
    assert words <= set(_language_list(lang, "of_words"))
    assert words <= lx.OF_WORDS


def test_a_count_reads_past_every_word_of_glue() -> None:
    """`number_of_the_children` counts children, as `number_of_children` does.

    A count read one glue word only, so `the` was what it counted (a count of no people); the
    name readers read past them all. `numero_dos_filhos` counted only because a second
    `_OF_WORDS` shadowed the one written for counts, which lacked `dos` (open36b).
    """
    got = _counts("number_of_the_children", "numero_dos_filhos", "numero_das_criancas", "number_of_logins")
    for column in ("number_of_the_children", "numero_dos_filhos", "numero_das_criancas"):
        personal, category, reason = got[column]
        assert personal and category == "user.demographic" and "how many people" in reason, reason
    assert got["number_of_logins"][1] == "user.behavior", got["number_of_logins"]


# -- 2: the number words that count a plural after them


def test_s_plural_numbers_are_each_language_s_own() -> None:
    """`s_plural_numbers` is read from each language's file: `nr` from nl.yaml, `num` from fr.yaml (open36b)."""
    assert "nr" in _language_list("nl", "s_plural_numbers") and "num" in _language_list("fr", "s_plural_numbers")
    assert {"num", "number", "numero", "nr", "no"} == lx.S_PLURAL_NUMBERS


def test_a_number_word_before_a_plural_in_s_counts() -> None:
    """`num_habitants`, `nr_medewerkers`, `numero_de_hijos` count; `nummer_medewerkers` stays a number."""
    got = _counts("num_habitants", "nr_medewerkers", "numero_de_hijos", "nummer_medewerkers")
    for column in ("num_habitants", "nr_medewerkers", "numero_de_hijos"):
        assert got[column][1] == "user.demographic" and "how many people" in got[column][2], got[column]
    assert got["nummer_medewerkers"][1] == "user.unique_id", got["nummer_medewerkers"]


# -- 3: the money words that also name a measurement


def test_measure_words_are_each_language_s_own() -> None:
    """`measure_words` is read from each language's file: `valor` from es.yaml and pt.yaml (open36b)."""
    assert "valor" in _language_list("pt", "measure_words") and "total" in _language_list("en", "measure_words")
    assert {"total", "valor"} == lx.MEASURE_WORDS


def test_a_care_record_s_valor_is_a_measurement_its_importe_money() -> None:
    """In a visit's record a `valor` or a `total` is what was measured, an `importe` what it cost."""
    patients = typed_table("pacientes", [("id", "INTEGER"), ("nombre", "TEXT"), ("apellidos", "TEXT")])
    visits = typed_table(
        "consultas",
        [("id", "INTEGER"), ("paciente_id", "INTEGER"), ("diagnostico", "TEXT"),
         ("valor", "NUMERIC(10,2)"), ("total", "NUMERIC(10,2)"), ("importe", "NUMERIC(10,2)")],
    )
    visits = replace(visits, foreign_keys=(ForeignKey(("paciente_id",), "pacientes", ("id",)),))
    got = classify_tables([patients, visits])
    assert got["consultas.valor"].category == "user.health", got["consultas.valor"].reason
    assert got["consultas.total"].category == "user.health", got["consultas.total"].reason
    assert got["consultas.importe"].category == "user.financial", got["consultas.importe"].reason


# -- 4: the words of a registration


def test_registration_words_are_each_language_s_own() -> None:
    """`registration_words` is read from each language's file: `kayit` from tr.yaml, `alta` from es.yaml (open36b)."""
    assert "kayit" in _language_list("tr", "registration_words") and "alta" in _language_list("es", "registration_words")
    assert {"cadastro", "registratie", "registration"} <= lx.REGISTRATION_WORDS


@pytest.mark.parametrize(
    ("table", "column"),
    [("socios", "socio_alta"), ("alunos", "aluno_cadastro"), ("deelnemers", "deelnemer_registratie"), ("members", "member_registration")],
)
def test_a_person_s_own_registration_is_when_they_joined(table: str, column: str) -> None:
    """`socios.socio_alta`, `alunos.aluno_cadastro`: when the member registered, a fact about them."""
    people = typed_table(table, [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT"), (column, "DATE")])
    got = classify_tables([people])[f"{table}.{column}"]
    assert got.personal and "when they registered" in got.reason, got.reason


# -- 5: the words that name a form itself


def test_form_words_are_english_vocabulary() -> None:
    """`form_words` is read from en.yaml (open36b)."""
    assert {"form", "page", "widget"} <= set(_language_list("en", "form_words"))
    assert {"form", "forms", "field", "fields", "page", "pages", "widget", "widgets"} == lx.FORM_WORDS


@pytest.mark.parametrize("form", ["pets/_form", "pets-page", "pet_fields"])
def test_a_form_word_is_left_out_of_what_a_form_is_about(form: str) -> None:
    """`staff/pets/_form` is about pets, `department-page` about a department, not about a form."""
    assert _animal_form(form)
    assert _names_thing(form.replace("pet", "department"))


# -- 6: the number and code words that make a key's name with a table's exact name


def test_key_number_words_are_each_language_s_own() -> None:
    """`key_number_words` is read from each language's file: `codi` from ca.yaml, `kod` from pl.yaml (open36b)."""
    assert "codi" in _language_list("ca", "key_number_words") and "kod" in _language_list("pl", "key_number_words")
    assert {"no", "nr", "num", "code", "codi", "cd", "cdn", "kod"} == lx.KEY_NUMBER_WORDS


@pytest.mark.parametrize(
    ("column", "noun"),
    [("pacjent_nr", "pacjent"), ("ogrenci_kod", "ogrenci"), ("cdnPaciente", "paciente"), ("demographic_no", "demographic")],
)
def test_a_number_or_code_word_names_a_key_weakly(column: str, noun: str) -> None:
    """`pacjent_nr`, `ogrenci_kod`, `cdnPaciente`: a number or code named for a table is its key, weakly."""
    assert _noun(column) == (noun, "weak")
    assert _noun("passport_no") is None  # a datum of its own


# -- 7: a key that names no schema points where its database resolves it


def test_unqualified_keys_from_two_postgres_schemas_share_the_default_schema_s_list(tmp_path: Path) -> None:
    """`hr.employees.rank_id` and `crm.customers.segment_id`, each `REFERENCES placement`:
    PostgreSQL finds both in `public` through the search path, one list the rows pick two
    facts from; the key read in its own row's schema made two lists of it (open36b)."""
    ddl = """
    CREATE TABLE hr.employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, rank_id INT REFERENCES placement(id));
    CREATE TABLE crm.customers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      birth_date DATE, segment_id INT REFERENCES public.placement(id));
    """
    tables = schema_tables(tmp_path, ddl)
    assert {t.dialect for t in tables} == {"postgres"}
    got = classify_tables(tables)
    for key in ("hr.employees.rank_id", "crm.customers.segment_id"):
        assert got[key].personal and "a list the schema does not show" in got[key].reason, got[key]


@pytest.mark.parametrize(("dialect", "shared"), [("postgres", True), ("tsql", True), ("mysql", False), (None, False)])
def test_an_unqualified_key_s_schema_is_its_database_s(dialect: str | None, shared: bool) -> None:
    """`REFERENCES placement` from `hr` and from `crm`: one table in PostgreSQL's and SQL
    Server's default schema, two in MySQL, where each database is a schema and finds it in
    its own (and where the dialect is not known, as before)."""
    key = ForeignKey(("rank_id",), "placement")
    hr = replace(typed_table("employees", [("id", "INT"), ("rank_id", "INT")]), schema="hr", dialect=dialect)
    crm = replace(hr, name="customers", schema="crm")
    assert (_list_target(key, hr) == _list_target(key, crm)) is shared
    assert _list_target(ForeignKey(("rank_id",), "placement", ref_schema="hr"), crm) == "hr.placement"


# -- 8: the words of a code


def test_code_words_are_each_language_s_own() -> None:
    """`code_words` is read from each language's file, no longer from common.yaml (open36b)."""
    assert "codice" in _language_list("it", "code_words") and "kodu" in _language_list("tr", "code_words")
    assert {"code", "codice", "codigo", "cod", "codi", "kod", "kodu"} == lx.CODE_WORDS
    assert lx.CODE_WORDS <= lx.LABEL_WORDS
    common = resources.files("cnsnt.classify").joinpath("vocab", "common.yaml").read_text("utf-8")
    assert "code_words" not in yaml.safe_load(common)


@pytest.mark.parametrize("column", ["codice_ordine", "kod_zamowienia", "codi_comanda"])
def test_a_code_in_a_row_that_points_at_a_person_is_the_record_s(column: str) -> None:
    """`codice_ordine` in an order is the record's code, no number of the person's."""
    people = typed_table("clients", [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    orders = replace(
        typed_table("orders", [("id", "INTEGER"), ("client_id", "INTEGER"), (column, "VARCHAR(20)")]),
        foreign_keys=(ForeignKey(("client_id",), "clients", ("id",)),),
    )
    assert not classify_tables([people, orders])[f"orders.{column}"].personal


# -- 9: the words of results and marks


def test_result_words_are_each_language_s_own() -> None:
    """`result_words` is read from each language's file: `wyniki` from pl.yaml, `voti` from it.yaml (open36b)."""
    assert "wyniki" in _language_list("pl", "result_words") and "voti" in _language_list("it", "result_words")
    assert {"results", "resultados", "ergebnisse", "sonuclar", "jegyek", "ocenki", "cijfers"} <= lx.RESULT_WORDS


@pytest.mark.parametrize("name", ["exam_results", "avaliacao_resultado", "wyniki_egzaminu", "toets_cijfers"])
def test_a_table_named_for_results_keeps_results(name: str) -> None:
    """`exam_results`, `wyniki_egzaminu`: the table's name says it keeps results."""
    assert _results(typed_table(name, [("id", "INTEGER")]), ("en", "pt", "pl", "nl"))
    assert not _results(typed_table("exam_rooms", [("id", "INTEGER")]), ("en",))


# -- 10: plurals without an -s


def test_irregular_plurals_are_english_vocabulary() -> None:
    """`irregular_plurals` is read from en.yaml (open36b)."""
    assert {"children", "staff"} <= set(_language_list("en", "irregular_plurals"))
    assert {"children", "people", "men", "women", "staff", "persons"} == lx.IRREGULAR_PLURALS


def test_a_number_word_before_an_irregular_plural_counts() -> None:
    """`num_children`, `no_people`: how many people, as `num_employees` is; `num_child` a number."""
    got = _counts("num_children", "no_people", "num_child")
    for column in ("num_children", "no_people"):
        assert got[column][1] == "user.demographic" and "how many people" in got[column][2], got[column]
    assert got["num_child"][1] == "user.unique_id", got["num_child"]


# -- 11: a registration number's words


def test_registration_numbers_are_each_language_s_own() -> None:
    """`registration_numbers` is read from each language's file: `immatriculation` from fr.yaml (open36b)."""
    assert "immatriculation" in _language_list("fr", "registration_numbers")
    assert "matricula" in _language_list("ca", "registration_numbers")
    assert {"immatriculation", "matricula"} == lx.REGISTRATION_NUMBERS


@pytest.mark.parametrize(("table", "column"), [("vehicules", "immatriculation"), ("cotxes", "matricula")])
def test_a_vehicle_s_registration_number_is_the_vehicle_s(table: str, column: str) -> None:
    """`vehicules.immatriculation`, `cotxes.matricula`: in a table of vehicles, its registration."""
    people = typed_table("clients", [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    cars = replace(
        typed_table(table, [("id", "INTEGER"), ("client_id", "INTEGER"), (column, "VARCHAR(20)")]),
        foreign_keys=(ForeignKey(("client_id",), "clients", ("id",)),),
    )
    got = classify_tables([people, cars])[f"{table}.{column}"]
    assert got.category == "user.government_id.vehicle_registration", got
