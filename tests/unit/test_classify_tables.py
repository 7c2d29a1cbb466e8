"""Table-first classification: a table's verdict, from its columns and links, decides its columns."""

from __future__ import annotations

from dataclasses import replace

from cnsnt.classify import classify_column, classify_field, classify_tables, explain, table_verdicts
from cnsnt.evidence import Column, ForeignKey, Table
from cnsnt.model import Location
from tests.unit.schema_entry import typed_table

WHERE = Location("schema.sql", 1, 1)


def _table(
    name: str, columns: list[tuple[str, str]], keys: tuple[ForeignKey, ...] = (), primary: str = ""
) -> Table:
    """A table with no key unless `primary` names one."""
    return typed_table(name, columns, keys, (primary,) if primary else ())


KIMLIK = _table(
    "kimlik",
    [
        ("id", "INT"),
        ("ad", "VARCHAR(50)"),
        ("soyad", "VARCHAR(50)"),
        ("tc_kimlik_no", "CHAR(11)"),
        ("il", "VARCHAR(30)"),
        ("baba_adi", "VARCHAR(50)"),
    ],
)
ROLODEX = _table(
    "ROLODEX",
    [
        ("ID", "INT"),
        ("FULL_NAME", "VARCHAR(100)"),
        ("EMAIL", "VARCHAR(100)"),
        ("STATE", "CHAR(2)"),
        ("CITY", "VARCHAR(50)"),
        ("TITLE", "VARCHAR(20)"),
    ],
)
CALLS = _table(
    "calls",
    [
        ("id", "INT"),
        ("customer_id", "INT"),
        ("recording_url", "TEXT"),
        ("transcript", "TEXT"),
        ("agent_notes", "TEXT"),
        ("caller_number", "VARCHAR(20)"),
        ("sentiment_score", "FLOAT"),
        ("created_at", "TIMESTAMP"),
    ],
)
TRACES = _table(
    "gps_traces",
    [
        ("id", "INT"),
        ("uid", "INT"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("body", "TEXT"),
        ("created_by", "INT"),
    ],
    (ForeignKey(("uid",), "ROLODEX"), ForeignKey(("created_by",), "ROLODEX")),
)
AWARDS = _table(
    "AWARDS",
    [
        ("ID", "INT"),
        ("AWARD_ACCOUNT_NUMBER", "VARCHAR(20)"),
        ("NAME", "VARCHAR(100)"),
        ("STATE", "VARCHAR(10)"),
    ],
)
SHOPS = _table("shops", [("id", "INT"), ("name", "TEXT"), ("phone", "TEXT"), ("email", "TEXT")])
RELIGIONS = _table("religions", [("id", "INT"), ("name", "VARCHAR(50)")])
TABLES = [KIMLIK, ROLODEX, CALLS, TRACES, AWARDS, SHOPS, RELIGIONS]


def _verdicts() -> dict[str, tuple[bool, str | None]]:
    return {k: (v.personal, v.category) for k, v in classify_tables(TABLES).items()}


def test_a_table_that_describes_people_whatever_its_name() -> None:
    got = _verdicts()
    assert got["kimlik.ad"] == (True, "user.name")
    assert got["kimlik.il"] == (True, "user.contact.address.state")
    assert got["kimlik.id"] == (False, None)
    assert got["ROLODEX.STATE"][0] and got["ROLODEX.CITY"][0] and got["ROLODEX.TITLE"][0]
    # the same weak words without the context are not personal
    assert not classify_column("items", "ad", "VARCHAR(50)").personal
    assert not got["AWARDS.STATE"][0] and not got["AWARDS.NAME"][0]


def test_reason_names_the_evidence() -> None:
    verdict = classify_tables(TABLES)["kimlik.ad"]
    assert verdict.reasons[0].startswith("table 'kimlik' describes people")
    rolodex = classify_tables(TABLES)["ROLODEX.CITY"]
    assert "it has 'FULL_NAME' and 'EMAIL'" in rolodex.reasons[0]
    assert "describes people" in rolodex.reason


def test_linked_to_people_by_column_and_by_foreign_key() -> None:
    got = _verdicts()
    for column in ("recording_url", "transcript", "agent_notes", "caller_number", "sentiment_score"):
        assert got[f"calls.{column}"][0], column
    assert got["calls.customer_id"] == (False, None)  # the key itself is pseudonymous
    assert got["calls.created_at"] == (False, None)  # the record's own time
    assert got["gps_traces.lat"] == (True, "user.location.precise")
    assert got["gps_traces.body"][0]
    assert table_verdicts(TABLES)["gps_traces"].reason.startswith("'uid' references 'ROLODEX'")


def test_who_made_a_record_does_not_make_it_about_them() -> None:
    notes = _table(
        "announcements",
        [("id", "INT"), ("created_by", "INT"), ("title", "TEXT"), ("location", "TEXT")],
        (ForeignKey(("created_by",), "ROLODEX"),),
    )
    got = classify_tables([ROLODEX, notes])
    assert not any(v.personal for k, v in got.items() if k.startswith("announcements."))


def test_award_account_numbers_and_organisations_are_not_personal() -> None:
    got = _verdicts()
    assert got["AWARDS.AWARD_ACCOUNT_NUMBER"] == (False, None)
    assert got["shops.phone"] == (False, None)
    assert got["shops.email"] == (False, None)
    assert got["religions.name"] == (False, None)


def test_a_contact_persons_details_in_an_organisation_row_are_theirs() -> None:
    """The firm's own line is not personal; the line of the person it names as contact is."""
    firms = _table(
        "insurance_firm",
        [
            ("id", "INT"),
            ("name", "VARCHAR(60)"),
            ("phone_main", "VARCHAR(35)"),
            ("addr_email", "VARCHAR(60)"),
            ("contact_person", "VARCHAR(60)"),
            ("contact_phone", "VARCHAR(35)"),
            ("contact_email", "VARCHAR(60)"),
        ],
    )
    klinik = _table(
        "klinik",
        [("id", "INT"), ("telefon", "VARCHAR(20)"), ("yetkili_kisi", "TEXT"), ("yetkili_eposta", "TEXT")],
    )
    got = classify_tables([firms, klinik])
    assert not got["insurance_firm.phone_main"].personal
    assert not got["insurance_firm.addr_email"].personal
    assert not got["klinik.telefon"].personal
    for key, category in (
        ("insurance_firm.contact_phone", "user.contact.phone_number"),
        ("insurance_firm.contact_email", "user.contact.email"),
        ("klinik.yetkili_eposta", "user.contact.email"),
    ):
        assert (got[key].personal, got[key].category) == (True, category), key
    assert "'contact' names" in got["insurance_firm.contact_phone"].reason


def test_explain_gives_table_then_column() -> None:
    lines = explain(TABLES, KIMLIK, KIMLIK.columns[1])
    assert lines[0].startswith("table 'kimlik' describes people")
    assert lines[1] == "verdict: personal, user.name (medium confidence)"
    assert lines[2].startswith("because name 'ad' means a person's name (tr)")


def test_special_categories_and_kinds_from_the_issue() -> None:
    people = _table(
        "members",
        [
            ("id", "INT"),
            ("disability", "TEXT"),
            ("ethnicity", "TEXT"),
            ("religion", "TEXT"),
            ("diagnosis", "TEXT"),
            ("blood_group", "TEXT"),
            ("veteran_status", "TEXT"),
            ("visa_status", "TEXT"),
            ("user_pass", "TEXT"),
            ("pass_crypt", "TEXT"),
            ("user_agent", "TEXT"),
            ("salary", "DECIMAL(10,2)"),
            ("county", "TEXT"),
            ("height", "INT"),
            ("device_id", "TEXT"),
        ],
    )
    got = classify_tables([people])
    missed = sorted(k for k, v in got.items() if not v.personal and not k.endswith(".id"))
    assert missed == []


def test_a_form_field_and_the_column_it_fills_agree() -> None:
    from cnsnt.classify import classify_field

    names = [
        "email",
        "telefono",
        "data_nascita",
        "soyad",
        "adresi",
        "nazwisko",
        "geboortedatum",
        "cognoms",
        "familiya",
        "city",
        "password",
        "iban",
    ]
    people = _table("customers", [(n, "VARCHAR(100)") for n in names])
    columns = classify_tables([people])
    for name in names:
        field = classify_field(name)
        column = columns[f"customers.{name}"]
        assert field.category == column.category, name
        assert field.category is not None, name
        # the same words and language name the datum in both reasons
        assert (
            field.reason.split(" means ")[1].split(")")[0] == column.reason.split(" means ")[1].split(")")[0]
        )


def test_logs_with_a_person_column_are_that_persons_activity() -> None:
    logs = _table(
        "access_log",
        [
            ("id", "INT"),
            ("username", "VARCHAR(50)"),
            ("ip", "VARCHAR(45)"),
            ("action", "TEXT"),
            ("happened", "DATETIME"),
        ],
    )
    cron = _table("cron_log", [("id", "INT"), ("job", "TEXT"), ("ran", "DATETIME")])
    got = classify_tables([logs, cron])
    assert got["access_log.action"].personal and got["access_log.happened"].personal
    assert not got["cron_log.job"].personal and not got["cron_log.ran"].personal


def test_an_invoice_is_its_customers_though_it_points_at_other_things() -> None:
    customers = _table("clientes", [("id", "INT"), ("nombre", "TEXT"), ("email", "TEXT")])
    invoice = _table(
        "facturas",
        [
            ("id", "INT"),
            ("cliente_id", "INT"),
            ("almacen_id", "INT"),
            ("divisa_id", "INT"),
            ("importe", "DECIMAL(10,2)"),
            ("fecha", "DATE"),
            ("numero", "VARCHAR(20)"),
        ],
    )
    got = classify_tables([customers, invoice])
    assert got["facturas.importe"].category == "user.financial"
    assert got["facturas.fecha"].category == "user.behavior"
    assert not got["facturas.numero"].personal  # the invoice's number, not the person's
    assert not got["facturas.almacen_id"].personal


def test_a_registry_of_people_and_companies_counts_only_person_terms() -> None:
    registry = _table(
        "clienti",
        [
            ("id", "INT"),
            ("ragione_sociale", "TEXT"),
            ("capitale_sociale", "DECIMAL(12,2)"),
            ("codice_fiscale", "CHAR(16)"),
            ("email", "TEXT"),
        ],
    )
    got = classify_tables([registry])
    assert got["clienti.codice_fiscale"].personal and got["clienti.email"].personal
    assert not got["clienti.capitale_sociale"].personal
    assert not got["clienti.ragione_sociale"].personal


def test_record_timestamps_and_switches_are_technical_in_a_people_table() -> None:
    users = _table(
        "users",
        [
            ("id", "INT"),
            ("created_at", "TIMESTAMP"),
            ("updated_at", "TIMESTAMP"),
            ("is_admin", "BOOLEAN"),
            ("hired_on", "DATE"),
            ("newsletter_optin", "BOOLEAN"),
        ],
    )
    got = classify_tables([users])
    assert not got["users.created_at"].personal and not got["users.updated_at"].personal
    assert not got["users.is_admin"].personal
    assert got["users.hired_on"].category == "user.behavior"
    assert got["users.newsletter_optin"].category == "user.privacy_preferences"


def test_a_short_cyrillic_stem_needs_a_russian_ending() -> None:
    # `пол` (sex) must not swallow `получения` (of receiving) in a comment
    got = classify_column("appeal", "receipt_method", "VARCHAR(50)", "Способ получения обращения")
    assert not got.personal
    assert classify_column("users", "sex", "CHAR(1)", "Пол").personal


def test_every_verdict_names_a_taxonomy_category() -> None:
    from cnsnt.policy.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    extra = _table(
        "members",
        [
            ("id", "INT"),
            ("last_login", "DATETIME"),
            ("joined", "DATE"),
            ("fee", "DECIMAL(8,2)"),
            ("member_number", "VARCHAR(10)"),
            ("marketing_consent", "BOOLEAN"),
            ("hobby", "TEXT"),
            ("birth_place", "TEXT"),
            ("died_on", "DATE"),
        ],
    )
    got = classify_tables([*TABLES, extra])
    categories = {v.category for v in got.values() if v.personal}
    assert None not in categories
    assert sorted(c for c in categories if c and not taxonomy.is_category(c)) == []
    assert {
        "user",
        "user.behavior",
        "user.financial",
        "user.unique_id",
        "user.privacy_preferences",
        "user.demographic",
    } <= categories


def test_ip_leading_other_words_abbreviates_something_else() -> None:
    """The issue's false alarm: `IP_` as intellectual property, not an IP address."""
    proposal = _table(
        "EPS_PROPOSAL",
        [
            ("PROPOSAL_NUMBER", "VARCHAR(8)"),
            ("IP_REVIEW_REQUIREMENT", "VARCHAR(3)"),
            ("ACCOUNT_NUMBER", "VARCHAR(7)"),
        ],
    )
    logins = _table(
        "logins",
        [
            ("id", "INT"),
            ("user_id", "INT"),
            ("ip", "VARCHAR(40)"),
            ("client_ip", "TEXT"),
            ("ip_address", "TEXT"),
            ("ip_v6", "TEXT"),
        ],
    )
    got = {k: (v.personal, v.category) for k, v in classify_tables([proposal, logins]).items()}
    assert got["EPS_PROPOSAL.IP_REVIEW_REQUIREMENT"] == (False, None)
    assert got["EPS_PROPOSAL.ACCOUNT_NUMBER"] == (False, None)  # not a person named by role
    for column in ("ip", "client_ip", "ip_address", "ip_v6"):
        assert got[f"logins.{column}"] == (True, "user.device.ip_address"), column


def test_a_placeholder_person_is_no_one() -> None:
    """A "to be named" researcher (`TBN_PERSON`) stands for no real person."""
    tbn = _table("TBN_PERSON", [("TBN_ID", "VARCHAR(9)"), ("PERSON_NAME", "VARCHAR(90)"), ("EMAIL", "TEXT")])
    person = _table("PERSON", [("PERSON_ID", "VARCHAR(9)"), ("PERSON_NAME", "VARCHAR(90)")])
    got = classify_tables([tbn, person])
    assert not any(v.personal for k, v in got.items() if k.startswith("TBN_PERSON."))
    assert "placeholders" in got["TBN_PERSON.PERSON_NAME"].reason
    assert got["PERSON.PERSON_NAME"].personal
    # an athlete awaiting an account has a birth date and a sex: someone real
    waiting = _table("placeholder_athlete", [("id", "INT"), ("first_name", "VARCHAR(90)"), ("birth_date", "DATE"),
                                             ("gender", "VARCHAR(1)")])
    assert classify_tables([waiting])["placeholder_athlete.birth_date"].personal


def test_a_key_in_a_persons_row_to_a_list_of_traits_is_the_trait() -> None:
    """`users.city_id -> cities` says where the person lives; `users.project_id` does not."""
    cities = _table("cities", [("id", "INT"), ("name", "TEXT")])
    projects = _table("projects", [("id", "INT"), ("title", "TEXT")])
    users = _table(
        "users",
        [
            ("id", "INT"),
            ("first_name", "TEXT"),
            ("city_id", "INT"),
            ("project_id", "INT"),
            ("manager_id", "INT"),
        ],
        (
            ForeignKey(("city_id",), "cities"),
            ForeignKey(("project_id",), "projects"),
            ForeignKey(("manager_id",), "users"),
        ),
    )
    got = classify_tables([cities, projects, users])
    assert (got["users.city_id"].personal, got["users.city_id"].category) == (
        True,
        "user.contact.address.city",
    )
    assert "points at 'cities'" in got["users.city_id"].reason
    assert not got["users.project_id"].personal
    assert not got["users.manager_id"].personal
    assert not got["cities.name"].personal


def test_an_invoice_copying_its_customer_keeps_its_own_numbers() -> None:
    """An invoice with the customer's name and tax id is about them, but its number is its own."""
    invoices = _table(
        "invoices",
        [
            ("id", "INT"),
            ("number", "VARCHAR(12)"),
            ("customer_name", "TEXT"),
            ("nif", "TEXT"),
            ("total", "DECIMAL(10,2)"),
            ("paid", "BOOLEAN"),
        ],
    )
    got = {k: (v.personal, v.category) for k, v in classify_tables([invoices]).items()}
    assert got["invoices.customer_name"][0] and got["invoices.nif"][0]
    assert "names a transaction" in table_verdicts([invoices])["invoices"].reason
    assert got["invoices.number"] == (False, None)
    assert got["invoices.paid"] == (True, "user.financial")  # whether they paid
    assert got["invoices.total"][0]


def test_a_list_of_people_is_not_a_list_of_values() -> None:
    """`people_List` ends in a lookup word, but a surname and a birth date make it people."""
    people = _table(
        "people_List",
        [("id", "INT"), ("surname", "TEXT"), ("name", "TEXT"), ("borndate", "DATE"), ("docno", "TEXT")],
    )
    values = _table("status_list", [("id", "INT"), ("name", "TEXT")])
    got = classify_tables([people, values])
    assert got["people_List.surname"].personal and got["people_List.borndate"].personal
    assert table_verdicts([people, values])["people_List"].reason.startswith("it has 'surname'")
    assert not got["status_list.name"].personal


def test_a_people_word_before_other_words_says_whose_not_what() -> None:
    """`api_kullanici_URL` is a URL of the user's, not their login; `kullanici` alone is."""
    api = _table(
        "API_kullanici",
        [
            ("id", "INT"),
            ("kullanici", "VARCHAR(50)"),
            ("api_kullanici_response_code", "INT"),
            ("user_theme", "TEXT"),
        ],
    )
    got = {k: (v.personal, v.category) for k, v in classify_tables([api]).items()}
    assert got["API_kullanici.kullanici"] == (True, "user.account.username")
    assert got["API_kullanici.api_kullanici_response_code"][1] != "user.account.username"
    assert got["API_kullanici.user_theme"][1] != "user.account.username"


def test_when_a_person_did_what_a_row_records_is_theirs() -> None:
    """A loan points at a borrower and a book: its dates are the borrower's, its codes are not."""
    borrowers = _table("borrowers", [("id", "INT"), ("first_name", "TEXT")])
    books = _table("books", [("id", "INT"), ("title", "TEXT")])
    branches = _table("branches", [("id", "INT"), ("label", "TEXT")])
    loans = _table(
        "loans",
        [
            ("id", "INT"),
            ("borrower_id", "INT"),
            ("book_id", "INT"),
            ("branch_id", "INT"),
            ("loan_start", "DATE"),
            ("loan_code", "VARCHAR(10)"),
            ("created_at", "TIMESTAMP"),
        ],
        (
            ForeignKey(("borrower_id",), "borrowers"),
            ForeignKey(("book_id",), "books"),
            ForeignKey(("branch_id",), "branches"),
        ),
    )
    got = {
        k: (v.personal, v.category) for k, v in classify_tables([borrowers, books, branches, loans]).items()
    }
    assert got["loans.loan_start"] == (True, "user.behavior")
    assert got["loans.loan_code"] == (False, None)
    assert got["loans.created_at"] == (False, None)


def test_the_id_of_a_special_category_in_a_persons_row_is_that_datum() -> None:
    """`diagnosis_id` in a patient's row is their diagnosis; in `diagnoses` it is the table's key."""
    patients = _table("patients", [("id", "INT"), ("surname", "TEXT"), ("diagnosis_id", "INT")])
    diagnoses = _table("diagnoses", [("diagnosis_id", "INT"), ("label", "TEXT")])
    got = classify_tables([patients, diagnoses])
    assert (got["patients.diagnosis_id"].personal, got["patients.diagnosis_id"].category) == (
        True,
        "user.health",
    )
    assert not got["diagnoses.diagnosis_id"].personal
    assert "is the key of 'diagnoses'" in got["diagnoses.diagnosis_id"].reason


def _keyed_table(
    name: str, columns: list[tuple[str, str]], primary: tuple[str, ...], keys: tuple[ForeignKey, ...] = ()
) -> Table:
    return typed_table(name, columns, keys, primary)


PACIENTES = _table("pacientes", [("id", "INT"), ("nombre", "VARCHAR(80)"), ("apellidos", "VARCHAR(80)")])


def test_a_row_kept_about_a_patient_records_their_care() -> None:
    """Recital 35: what is collected while caring for a patient is health data."""
    lab = _table(
        "resultados_lab",
        [("id", "INT"), ("paciente_id", "INT"), ("valor", "VARCHAR(40)"), ("lastupdate", "BIGINT")],
        (ForeignKey(("paciente_id",), "pacientes"),),
    )
    got = classify_tables([PACIENTES, lab])
    assert (got["resultados_lab.valor"].personal, got["resultados_lab.valor"].category) == (
        True,
        "user.health",
    )
    assert "patient" in got["resultados_lab.valor"].reasons[0]
    assert not got["resultados_lab.lastupdate"].personal  # the record's own bookkeeping


def test_rows_under_a_patients_care_record_are_their_care_too() -> None:
    """A consultation of a clinical history and the lines of its prescription, keys away."""
    history = _table(
        "HistoriaClinica_historia",
        [("id", "INT"), ("paciente_id", "INT"), ("grupo_sanguineo", "VARCHAR(3)")],
        (ForeignKey(("paciente_id",), "pacientes"),),
    )
    visit = _table(
        "HistoriaClinica_consulta",
        [("id", "INT"), ("historia_id", "INT"), ("sintomas", "TEXT")],
        (ForeignKey(("historia_id",), "HistoriaClinica_historia"),),
    )
    drugs = _table("farmacos", [("id", "INT"), ("nombre_comercial", "VARCHAR(80)")])
    line = _table(
        "HistoriaClinica_consulta_linea",
        [("id", "INT"), ("consulta_id", "INT"), ("farmaco_id", "INT"), ("dosis", "VARCHAR(40)")],
        (ForeignKey(("consulta_id",), "HistoriaClinica_consulta"), ForeignKey(("farmaco_id",), "farmacos")),
    )
    tables = [PACIENTES, history, visit, drugs, line]
    verdicts = table_verdicts(tables)
    assert verdicts["HistoriaClinica_historia"].kind == "linked to people"  # a record, not a clinic
    got = classify_tables(tables)
    assert got["HistoriaClinica_consulta.sintomas"].category == "user.health"
    assert got["HistoriaClinica_consulta_linea.dosis"].category == "user.health"
    # which medicine the line picks is the patient's; the medicine list is no one's
    assert got["HistoriaClinica_consulta_linea.farmaco_id"].category == "user.health"
    assert not got["farmacos.nombre_comercial"].personal
    assert "care record" in got["HistoriaClinica_consulta_linea.dosis"].reasons[0]


def test_a_table_of_places_holds_the_places_contact_details() -> None:
    """A library branch's name, address and phone are the branch's; a user's room key is not a place."""
    branch = _table(
        "docs_location",
        [("id", "INT"), ("name", "VARCHAR(80)"), ("address", "VARCHAR(80)"), ("phone", "VARCHAR(20)")],
    )
    booking = _table("user_room", [("user_id", "INT"), ("room_id", "INT"), ("email", "VARCHAR(80)")])
    got = classify_tables([branch, booking])
    assert not any(v.personal for k, v in got.items() if k.startswith("docs_location."))
    assert "places" in got["docs_location.phone"].reasons[0]
    assert got["user_room.email"].personal


def test_a_web_request_log_with_the_clients_address_records_what_someone_did() -> None:
    """An HTTP request row with a remote address: the query string is the visitor's; the server's name is not."""
    http = _table(
        "tbl_http",
        [
            ("id", "INT"),
            ("remote_addr", "VARCHAR(45)"),
            ("query_string", "TEXT"),
            ("server_name", "TEXT"),
            ("server_protocol", "TEXT"),
        ],
    )
    got = classify_tables([http])
    assert got["tbl_http.remote_addr"].personal
    assert got["tbl_http.query_string"].personal
    assert not got["tbl_http.server_name"].personal
    assert not got["tbl_http.server_protocol"].personal


def test_a_table_a_people_table_extends_under_the_same_key_is_a_persons_record() -> None:
    """`registratie_persoon.reg_id` is its key and a key to `registratie`: one person, two tables."""
    record = _keyed_table(
        "registratie", [("reg_id", "BIGINT"), ("kiesrecht_uitgesloten", "VARCHAR(1)")], ("reg_id",)
    )
    person = _keyed_table(
        "registratie_persoon",
        [("reg_id", "BIGINT"), ("voornamen", "VARCHAR(200)"), ("geslachtsnaam", "VARCHAR(200)")],
        ("reg_id",),
        (ForeignKey(("reg_id",), "registratie"),),
    )
    document = _table(
        "registratie_reisdocument",
        [("reg_id", "BIGINT"), ("paspoortnummer", "VARCHAR(9)"), ("uitgifte_datum", "DATE")],
        (ForeignKey(("reg_id",), "registratie"),),
    )
    tables = [record, person, document]
    verdicts = table_verdicts(tables)
    assert verdicts["registratie"].kind == "describes people"
    assert verdicts["registratie_reisdocument"].kind == "linked to people"
    got = classify_tables(tables)
    assert got["registratie.kiesrecht_uitgesloten"].personal
    assert got["registratie_reisdocument.uitgifte_datum"].personal
    # without the shared key the record is no one's
    alone = _keyed_table("registratie_persoon", [("id", "BIGINT"), ("voornamen", "VARCHAR(200)")], ("id",))
    assert table_verdicts([record, alone])["registratie"].kind == "not about people"


def test_a_key_in_a_persons_row_into_a_named_list_of_values_is_theirs() -> None:
    """`woonsituatie_id -> woonsituaties_lijst` in a client's row: which entry is theirs."""
    values = _table("woonsituatie_types", [("id", "INT"), ("naam", "VARCHAR(40)")])
    client = _table(
        "klanten",
        [("id", "INT"), ("voornaam", "VARCHAR(40)"), ("woonsituatie_id", "INT")],
        (ForeignKey(("woonsituatie_id",), "woonsituatie_types"),),
    )
    got = classify_tables([values, client])
    assert got["klanten.woonsituatie_id"].personal
    assert "list of values" in got["klanten.woonsituatie_id"].reason
    assert not got["woonsituatie_types.naam"].personal


def test_a_list_of_diagnoses_no_ones_row_reaches_is_reference_data() -> None:
    """`diagnoses(code, text)` alone is the ICD list; with a patient key it is their diagnosis."""
    codes = _table("diagnoses", [("id", "INT"), ("code", "VARCHAR(8)"), ("text", "VARCHAR(200)")])
    assert not any(v.personal for v in classify_tables([codes]).values())
    theirs = _table(
        "patient_diagnoses",
        [("id", "INT"), ("patient_id", "INT"), ("text", "VARCHAR(200)"), ("seen_on", "DATE")],
        (ForeignKey(("patient_id",), "patients"),),
    )
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    got = classify_tables([codes, theirs, patients])
    assert got["patient_diagnoses.text"].category == "user.health"
    assert got["patient_diagnoses.seen_on"].category == "user.health"  # when they were seen is care too
    assert not got["diagnoses.text"].personal


def test_a_parent_key_outside_a_people_table_is_a_trees_not_a_persons() -> None:
    """`parent_id` in a request, `parent_message_id` in a message: the row above, not a parent."""
    request = _table(
        "request", [("id", "INT"), ("parent_id", "INT"), ("subject", "TEXT"), ("created", "DATE")]
    )
    message = _table("msg_messages", [("id", "INT"), ("parent_message_id", "INT"), ("body", "TEXT")])
    verdicts = table_verdicts([request, message])
    assert verdicts["request"].kind == "not about people"
    assert verdicts["msg_messages"].kind != "linked to people"
    # the person's own key still links
    loan = _table("loans", [("id", "INT"), ("borrower_id", "INT"), ("due", "DATE")])
    assert table_verdicts([loan])["loans"].kind == "linked to people"


def test_a_slug_is_a_persons_only_in_their_own_row() -> None:
    """`users.slug` is the profile's address; `pages.slug` beside `user_id` is the page's."""
    users = _table("users", [("id", "INT"), ("email", "TEXT"), ("slug", "VARCHAR(80)")])
    pages = _table("pages", [("id", "INT"), ("user_id", "INT"), ("slug", "VARCHAR(80)"), ("body", "TEXT")])
    got = classify_tables([users, pages])
    assert got["users.slug"].category == "user.account.username"
    # the page's slug is no login (it may still be a fact of the author's row)
    assert got["pages.slug"].category != "user.account.username"
    tags = _table("tags", [("id", "INT"), ("slug", "VARCHAR(80)")])
    assert not classify_tables([tags])["tags.slug"].personal


def test_people_whose_records_are_mostly_care_are_patients() -> None:
    """`clients` that diagnoses, prescriptions and treatments point at: their appointments are care too."""
    clients = _table("clients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])

    def record(name: str, column: str) -> Table:
        return _table(
            name,
            [("id", "INT"), ("client_id", "INT"), (column, "TEXT")],
            (ForeignKey(("client_id",), "clients"),),
        )

    care = [record("diagnoses", "text"), record("prescriptions", "dose"), record("treatments", "plan")]
    visits = record("visits", "room")
    got = classify_tables([clients, *care, visits])
    assert got["visits.room"].category == "user.health"
    assert "register of patients" in got["visits.room"].reasons[0]
    # one care table among several is a school's nurse note, not a clinic
    pupils = _table("pupils", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])

    def pupil_record(name: str, column: str) -> Table:
        return _table(
            name,
            [("id", "INT"), ("pupil_id", "INT"), (column, "TEXT")],
            (ForeignKey(("pupil_id",), "pupils"),),
        )

    school = [
        pupil_record("medications", "dose"),
        pupil_record("grades", "mark"),
        pupil_record("absences", "reason"),
    ]
    got = classify_tables([pupils, *school])
    assert got["grades.mark"].category != "user.health"


def test_a_key_with_no_columns_to_a_patients_table_does_not_crash() -> None:
    """A live database or an ORM relation can report a key without columns; it names none."""
    visits = _table("visitas", [("id", "INT"), ("nota", "TEXT")], (ForeignKey((), "pacientes"),))
    got = classify_tables([PACIENTES, visits])
    assert set(got) >= {"visitas.id", "visitas.nota"}
    assert table_verdicts([PACIENTES, visits])["pacientes"].kind == "describes people"


def test_a_key_into_a_list_shaped_table_not_named_a_list_is_no_trait() -> None:
    """`projects(id, title)` looks like a list of values but is a thing: which one is no trait."""
    projects = _table("projects", [("id", "INT"), ("title", "VARCHAR(80)")])
    types = _table("contract_types", [("id", "INT"), ("label", "VARCHAR(40)")])
    staff = _table(
        "klanten",
        [("id", "INT"), ("voornaam", "VARCHAR(40)"), ("project_id", "INT"), ("contract_type_id", "INT")],
        (ForeignKey(("project_id",), "projects"), ForeignKey(("contract_type_id",), "contract_types")),
    )
    got = classify_tables([projects, types, staff])
    assert not got["klanten.project_id"].personal
    assert got["klanten.contract_type_id"].personal
    assert "list of values" in got["klanten.contract_type_id"].reason


def test_a_care_records_key_says_what_it_points_at_without_calling_it_a_diagnosis_list() -> None:
    """`visits.tariff_id -> tariffs` in a patient's visit: part of their care, but no diagnosis list.

    A key to a place (`room_id -> rooms`) is the place's, not the patient's care.
    """
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    tariffs = _table("tariffs", [("id", "INT"), ("label", "TEXT")])
    rooms = _table("rooms", [("id", "INT"), ("name", "TEXT"), ("phone", "TEXT")])
    visits = _table(
        "visits",
        [("id", "INT"), ("patient_id", "INT"), ("tariff_id", "INT"), ("room_id", "INT")],
        (
            ForeignKey(("patient_id",), "patients"),
            ForeignKey(("tariff_id",), "tariffs"),
            ForeignKey(("room_id",), "rooms"),
        ),
    )
    got = classify_tables([patients, tariffs, rooms, visits])
    assert got["visits.tariff_id"].category == "user.health"
    assert (
        "'tariff_id' points at 'tariffs' from a person's health or care record"
        in got["visits.tariff_id"].reason
    )
    assert "part of their care" in got["visits.tariff_id"].reason
    assert not got["visits.room_id"].personal


def test_an_enrolment_keyed_by_two_references_makes_no_course_a_person() -> None:
    """`enrolments(student_id, course_id)` as its key is an enrolment, not a course's person."""
    courses = _keyed_table("courses", [("id", "INT"), ("title", "TEXT"), ("room", "TEXT")], ("id",))
    students = _keyed_table("students", [("id", "INT"), ("first_name", "TEXT")], ("id",))
    enrolments = _keyed_table(
        "enrolments",
        [("student_id", "INT"), ("course_id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")],
        ("student_id", "course_id"),
        (ForeignKey(("student_id",), "students"), ForeignKey(("course_id",), "courses")),
    )
    verdicts = table_verdicts([courses, students, enrolments])
    assert verdicts["courses"].kind != "describes people"
    assert not classify_tables([courses, students, enrolments])["courses.title"].personal


def test_staff_who_write_diagnoses_are_no_patients() -> None:
    """`created_by -> users` in care tables: the users are staff; their timesheets are no care."""
    users = _table("users", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])

    def care(name: str) -> Table:
        return _table(
            name,
            [("id", "INT"), ("patient_id", "INT"), ("created_by", "INT"), ("text", "TEXT")],
            (ForeignKey(("patient_id",), "patients"), ForeignKey(("created_by",), "users")),
        )

    timesheets = _table(
        "timesheets",
        [("id", "INT"), ("user_id", "INT"), ("hours", "TEXT")],
        (ForeignKey(("user_id",), "users"),),
    )
    tables = [users, patients, care("diagnoses"), care("prescriptions"), care("treatments"), timesheets]
    got = classify_tables(tables)
    assert got["timesheets.hours"].category != "user.health"
    assert got["diagnoses.text"].category == "user.health"


def test_care_chains_and_patients_do_not_depend_on_the_order_of_the_tables() -> None:
    """A chain six tables deep reaches the last table whichever order the tables come in."""
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    chain = [
        _table(
            "diagnoses", [("id", "INT"), ("patient_id", "INT")], (ForeignKey(("patient_id",), "patients"),)
        )
    ]
    for n in range(1, 6):
        parent = chain[-1].name
        chain.append(
            _table(
                f"level{n}",
                [("id", "INT"), ("up_id", "INT"), ("note", "TEXT")],
                (ForeignKey(("up_id",), parent),),
            )
        )
    forward = table_verdicts([patients, *chain])
    backward = table_verdicts([*reversed(chain), patients])
    assert {k: (v.kind, v.context.health) for k, v in forward.items()} == {
        k: (v.kind, v.context.health) for k, v in backward.items()
    }
    assert forward["level5"].kind == "linked to people" and forward["level5"].context.health


def test_a_key_points_at_its_own_schemas_table_of_that_name() -> None:
    """`audit.attachments -> history` is the audit schema's history, not the clinic's."""
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    clinic_history = Table(
        name="history",
        schema="clinic",
        location=WHERE,
        source="schema.sql",
        columns=(
            Column("history", "id", WHERE, "schema.sql", type="INT", schema="clinic"),
            Column("history", "patient_id", WHERE, "schema.sql", type="INT", schema="clinic"),
        ),
        foreign_keys=(ForeignKey(("patient_id",), "patients"),),
    )
    audit_history = Table(
        name="history",
        schema="audit",
        location=WHERE,
        source="schema.sql",
        columns=(Column("history", "id", WHERE, "schema.sql", type="INT", schema="audit"),),
    )
    attachments = Table(
        name="attachments",
        schema="audit",
        location=WHERE,
        source="schema.sql",
        columns=(
            Column("attachments", "history_id", WHERE, "schema.sql", type="INT", schema="audit"),
            Column("attachments", "blob", WHERE, "schema.sql", type="TEXT", schema="audit"),
        ),
        foreign_keys=(ForeignKey(("history_id",), "history"),),
    )
    verdicts = table_verdicts([patients, clinic_history, audit_history, attachments])
    assert not verdicts["audit.attachments"].context.health


def test_a_false_friend_is_no_organisation_in_its_language() -> None:
    """`firmas` in a Spanish schema holds signatures: the signer's email is personal."""
    firmas = _table(
        "firmas",
        [
            ("id", "INT"),
            ("documento_id", "INT"),
            ("nombre_firmante", "TEXT"),
            ("correo_electronico", "TEXT"),
            ("fecha_firma", "DATE"),
        ],
    )
    others = [
        _table("documentos", [("id", "INT"), ("titulo", "TEXT"), ("descripcion", "TEXT"), ("fecha", "DATE")]),
        _table(
            "usuarios", [("id", "INT"), ("nombre", "TEXT"), ("apellidos", "TEXT"), ("contrasena", "TEXT")]
        ),
    ]
    assert table_verdicts([firmas, *others])["firmas"].kind != "about organisations"
    firmen = _table("firmen", [("id", "INT"), ("name", "TEXT"), ("telefon", "TEXT"), ("strasse", "TEXT")])
    assert table_verdicts([firmen])["firmen"].kind == "about organisations"


def test_a_register_of_patients_holds_their_care_beside_who_they_are() -> None:
    """`patient.is_allergic` is health data; `patient.last_name` stays a name."""
    patient = _table(
        "patient",
        [("id", "INT"), ("last_name", "TEXT"), ("is_allergic", "CHAR(1)"), ("cpap_status", "VARCHAR(64)")],
    )
    got = classify_tables([patient])
    assert got["patient.is_allergic"].category == "user.health"
    assert got["patient.last_name"].category == "user.name.last"
    assert "patients" in got["patient.is_allergic"].reasons[0]


def test_a_table_of_doctors_lists_care_givers_not_anyones_care() -> None:
    """`medico.clave_publica` is the doctor's, not health data (review24 D4); a health record of doctors is."""
    medico = _table(
        "medico",
        [("id", "INT"), ("nombre", "TEXT"), ("matricula", "TEXT"), ("clave_publica", "TEXT")],
    )
    historia = _table(
        "salud_medico", [("id", "INT"), ("nombre", "TEXT"), ("apellido", "TEXT"), ("resultado", "TEXT")]
    )
    got = classify_tables([medico, historia])
    assert got["medico.clave_publica"].personal
    assert not (got["medico.clave_publica"].category or "").startswith("user.health")
    assert got["salud_medico.resultado"].category == "user.health"


def test_a_spanish_titulo_is_no_persons_name() -> None:
    """`titulo` is a title or a degree in Spanish and Portuguese, not a name (review24 D5)."""
    paciente = _table("paciente", [("id", "INT"), ("nombre", "TEXT"), ("dni", "TEXT"), ("titulo", "TEXT")])
    aluno = _table("aluno", [("id", "INT"), ("nome", "TEXT"), ("cpf", "TEXT"), ("titulo", "TEXT")])
    got = classify_tables([paciente, aluno])
    assert got["paciente.titulo"].personal and got["paciente.titulo"].category != "user.name"
    assert got["aluno.titulo"].personal and got["aluno.titulo"].category != "user.name"
    assert got["paciente.nombre"].category == "user.name"


def test_a_bare_hash_is_a_credential_only_in_a_table_of_logins() -> None:
    """`orders.hash` is the row's digest; `password_resets.hash` and `users.hash` open accounts."""
    users = _table("users", [("id", "INT"), ("email", "TEXT"), ("hash", "TEXT")])
    resets = _table("password_resets", [("id", "INT"), ("user_id", "INT"), ("hash", "TEXT")])
    orders = _table("orders", [("id", "INT"), ("email", "TEXT"), ("phone", "TEXT"), ("hash", "TEXT")])
    images = _table("images", [("id", "INT"), ("uploader_id", "INT"), ("hash", "TEXT")])
    payrolls = _table("payrolls", [("id", "INT"), ("user_id", "INT"), ("signature_hash", "TEXT")])
    got = classify_tables([users, resets, orders, images, payrolls])
    assert got["payrolls.signature_hash"].personal  # the hash of someone's signature
    assert got["users.hash"].personal and got["password_resets.hash"].personal
    assert not got["orders.hash"].personal and not got["images.hash"].personal
    assert "digest" in got["orders.hash"].reason
    # beside a login the row is an account's, whatever its table is called (codereview24 F4)
    operators = _table("operators", [("id", "INT"), ("login", "TEXT"), ("email", "TEXT"), ("hash", "TEXT")])
    assert classify_tables([operators])["operators.hash"].category == "user.authorization.credentials"


def test_a_row_that_names_and_identifies_a_person_by_role_is_about_them() -> None:
    """`dispensas(pacienteNome, pacienteCpf, observacao)`: a dispensation made for that patient (review25 D2)."""
    dispensas = _table(
        "dispensas",
        [("id", "INT"), ("pacienteNome", "TEXT"), ("pacienteCpf", "TEXT"), ("observacao", "TEXT")],
    )
    logs = _table("log_errori", [("id", "INT"), ("codice_fiscale_operatore", "TEXT"), ("dettaglio", "TEXT")])
    verdicts = table_verdicts([dispensas, logs])
    assert verdicts["dispensas"].kind == "linked to people"
    assert "'pacienteNome' and 'pacienteCpf' identify the paciente" in verdicts["dispensas"].reason
    assert verdicts["dispensas"].context.health  # a patient's: what it records is their care
    assert verdicts["log_errori"].kind != "linked to people"  # who handled it: staff
    # a mother named too does not take the patient's care away (codereview24 F7)
    both = _table(
        "dispensas2",
        [("id", "INT"), ("paciente_nome", "TEXT"), ("paciente_cpf", "TEXT"), ("mae_nome", "TEXT"),
         ("mae_cpf", "TEXT"), ("observacao", "TEXT")],
    )
    assert table_verdicts([both])["dispensas2"].context.health
    got = classify_tables([dispensas])
    assert got["dispensas.observacao"].personal


def test_a_portuguese_partido_is_a_political_party() -> None:
    """`filiacao.partido_id`: which party a contact belongs to is a political opinion (Art. 9)."""
    contato = _table("contato", [("id", "INT"), ("nome", "TEXT"), ("cpf", "TEXT")])
    filiacao = _table(
        "filiacao",
        [("id", "INT"), ("contato_id", "INT"), ("partido_id", "INT"), ("data", "DATE")],
        (ForeignKey(("contato_id",), "contato"),),
    )
    got = classify_tables([contato, filiacao])
    assert got["filiacao.partido_id"].category == "user.demographic.political_opinion"


def test_a_row_that_joins_a_person_to_a_named_trait_gives_them_that_trait() -> None:
    """`user_languages(user_id, language_id)`: a language they speak; a join to a group is no fact."""
    users = _table("users", [("id", "INT"), ("first_name", "TEXT"), ("email", "TEXT")])
    languages = _table("languages", [("id", "INT"), ("name", "TEXT")])
    groups = _table("groups", [("id", "INT"), ("name", "TEXT")])
    spoken = _table(
        "user_languages",
        [("id", "INT"), ("user_id", "INT"), ("language_id", "INT"), ("since", "DATE")],
        (ForeignKey(("user_id",), "users"), ForeignKey(("language_id",), "languages")),
        primary="id",
    )
    member = _table(
        "user_groups",
        [("id", "INT"), ("user_id", "INT"), ("group_id", "INT")],
        (ForeignKey(("user_id",), "users"), ForeignKey(("group_id",), "groups")),
        primary="id",
    )
    got = classify_tables([users, languages, groups, spoken, member])
    assert got["user_languages.language_id"].personal
    assert got["user_languages.language_id"].category == "user.demographic.language"
    assert not got["user_groups.group_id"].personal


def test_a_legal_person_is_an_organisation() -> None:
    """`persona_giuridica`, `pessoa_juridica`: a company or a body (Recital 14); `persona_fisica` is a person."""
    giuridica = _table(
        "persona_giuridica", [("id", "INT"), ("denominazione", "TEXT"), ("telefono", "TEXT"), ("indirizzo", "TEXT")]
    )
    juridica = _table("pessoa_juridica", [("id", "INT"), ("nome", "TEXT"), ("email", "TEXT"), ("cnpj", "TEXT")])
    fisica = _table("persona_fisica", [("id", "INT"), ("nome", "TEXT"), ("telefono", "TEXT"), ("indirizzo", "TEXT")])
    # a legal word alone is no legal person: legal aid, a team's morale (codereview24 F1)
    aid = _table(
        "atendimento_juridico", [("id", "INT"), ("nome", "TEXT"), ("cpf", "TEXT"), ("telefone", "TEXT")]
    )
    morale = _table("employee_morale", [("id", "INT"), ("employee_name", "TEXT"), ("email", "TEXT")])
    verdicts = table_verdicts([giuridica, juridica, fisica, aid, morale])
    assert verdicts["persona_giuridica"].kind == "about organisations"
    assert verdicts["pessoa_juridica"].kind == "about organisations"
    assert verdicts["persona_fisica"].kind == "describes people"
    assert verdicts["atendimento_juridico"].kind == "describes people"
    assert verdicts["employee_morale"].kind != "about organisations"


def test_a_key_to_a_trait_list_is_the_persons_only_in_their_own_row() -> None:
    """`eleves.id_ecole` is the pupil's school; `contrats.id_ecole` is the contract's."""
    eleves = _table("eleves", [("id", "INT"), ("nom", "TEXT"), ("prenom", "TEXT"), ("id_ecole", "INT")])
    contrats = _table(
        "contrats",
        [("id", "INT"), ("id_eleve", "INT"), ("id_ecole", "INT"), ("religion_id", "INT")],
        (ForeignKey(("id_eleve",), "eleves"),),
    )
    got = classify_tables([eleves, contrats])
    assert not got["contrats.id_ecole"].personal
    assert got["contrats.religion_id"].personal  # a special category stays the person's


def test_a_care_records_own_state_flags_are_not_care() -> None:
    """`visits.is_done` is the row's state; `visits.is_allergic` is the patient's."""
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")])
    visits = _table(
        "visits",
        [
            ("id", "INT"),
            ("patient_id", "INT"),
            ("is_done", "CHAR(1)"),
            ("is_allergic", "CHAR(1)"),
            ("lock", "INT"),  # an optimistic lock (JPA `@Version`): the row's, no care
        ],
        (ForeignKey(("patient_id",), "patients"),),
    )
    got = classify_tables([patients, visits])
    assert got["visits.is_allergic"].category == "user.health"
    assert got["visits.is_done"].category != "user.health"
    assert not got["visits.lock"].personal


def test_a_text_column_naming_who_changed_the_row_holds_their_login() -> None:
    """`created_by varchar(50)` is a login or a name; `created_by int` or `char(36)` is a key."""
    lands = _table(
        "land",
        [
            ("id", "INT"),
            ("naam", "VARCHAR(80)"),
            ("CREATED_BY", "VARCHAR(50)"),
            ("creat_per", "VARCHAR(40)"),
            ("updated_by", "INT"),
            ("deleted_by", "CHAR(36)"),
            ("created_at", "VARCHAR(30)"),
        ],
    )
    got = classify_tables([lands])
    assert got["land.CREATED_BY"].category == "user.account.username"
    assert "login or name" in got["land.CREATED_BY"].reason
    assert got["land.creat_per"].personal
    assert not got["land.updated_by"].personal
    assert not got["land.deleted_by"].personal
    assert not got["land.created_at"].personal


def test_who_changed_the_row_is_read_past_the_tables_column_prefix() -> None:
    """`OH_ADMISSION.ADM_CREATED_BY varchar(50)`: `ADM_` names the table, not the column."""
    admissions = _table(
        "OH_ADMISSION",
        [
            ("ADM_ID", "INT"),
            ("ADM_IN", "INT"),
            ("ADM_DATE_ADM", "DATETIME"),
            ("ADM_CREATED_BY", "VARCHAR(50)"),
            ("ADM_LAST_MODIFIED_BY", "VARCHAR(50)"),
            ("ADM_LAST_MODIFIED_DATE", "DATETIME"),
        ],
    )
    got = classify_tables([admissions])
    assert got["OH_ADMISSION.ADM_CREATED_BY"].category == "user.account.username"
    assert got["OH_ADMISSION.ADM_LAST_MODIFIED_BY"].category == "user.account.username"
    assert not got["OH_ADMISSION.ADM_LAST_MODIFIED_DATE"].personal


def test_a_text_key_naming_who_changed_the_row_is_a_login_only_into_a_login_key() -> None:
    """A key into `usuaris(codi)` holds the login; into `accounts(id varchar)` a surrogate."""
    usuaris = _keyed_table("usuaris", [("codi", "VARCHAR(64)"), ("nom", "VARCHAR(100)")], ("codi",))
    accounts = _keyed_table("accounts", [("id", "VARCHAR(25)"), ("email", "VARCHAR(100)")], ("id",))
    notes = _table(
        "notes",
        [("id", "INT"), ("createdby_codi", "VARCHAR(64)"), ("modified_by", "VARCHAR(25)")],
        (ForeignKey(("createdby_codi",), "usuaris"), ForeignKey(("modified_by",), "accounts")),
    )
    got = classify_tables([usuaris, accounts, notes])
    assert got["notes.createdby_codi"].personal
    assert not got["notes.modified_by"].personal


def test_a_word_of_the_schemas_own_language_is_no_foreign_term() -> None:
    """`familia` is a family in a Portuguese schema, not the Russian `familiya` (last name)."""
    pessoas = _table(
        "pessoas",
        [
            ("id", "INT"),
            ("nome", "VARCHAR(100)"),
            ("sobrenome", "VARCHAR(100)"),
            ("cpf", "CHAR(11)"),
            ("endereco", "VARCHAR(200)"),
            ("telefone", "VARCHAR(20)"),
            ("familia", "VARCHAR(60)"),
        ],
    )
    got = classify_tables([pessoas])
    assert got["pessoas.familia"].personal  # a fact about the person, not their name
    assert got["pessoas.familia"].category != "user.name.last"
    lyudi = _table("lyudi", [("id", "INT"), ("familia", "VARCHAR(100)"), ("imya", "VARCHAR(100)")])
    assert classify_tables([lyudi])["lyudi.familia"].category == "user.name.last"


def test_a_body_people_belong_to_is_an_organisation_and_a_membership_in_their_row() -> None:
    """`comite.email` is the committee's; `leden.kerk` is the member's church, a fact about them."""
    comite = _table(
        "social_comite",
        [("id", "INT"), ("nome", "VARCHAR(150)"), ("email", "VARCHAR(60)"), ("tel", "VARCHAR(15)")],
    )
    leden = _table(
        "leden",
        [("id", "INT"), ("voornaam", "VARCHAR(80)"), ("achternaam", "VARCHAR(80)"), ("kerk", "VARCHAR(255)")],
    )
    got = classify_tables([comite, leden])
    assert not got["social_comite.email"].personal
    assert not got["social_comite.nome"].personal
    assert got["leden.kerk"].personal


def test_a_row_under_a_persons_record_is_about_them() -> None:
    """`carnet_historic.renda` sits under a membership card that points at a person."""
    persones = _table("persones", [("id", "INT"), ("nom", "VARCHAR(80)"), ("cognoms", "VARCHAR(80)")])
    carnets = _table(
        "carnets",
        [("id", "INT"), ("persona", "INT"), ("quota", "DECIMAL(6,2)")],
        (ForeignKey(("persona",), "persones"),),
    )
    historic = _table(
        "carnet_historic",
        [("id", "INT"), ("parent_id", "INT"), ("renda", "DECIMAL(6,2)"), ("num_habitants", "INT")],
        (ForeignKey(("parent_id",), "carnets"),),
    )
    # a table that merely points at the record, under another name, is not
    pisos = _table(
        "pisos",
        [("id", "INT"), ("carnet_id", "INT"), ("planta", "INT")],
        (ForeignKey(("carnet_id",), "carnets"),),
    )
    got = classify_tables([persones, carnets, historic, pisos])
    assert got["carnet_historic.renda"].personal
    assert "about a person" in got["carnet_historic.renda"].reasons[0]
    assert not got["pisos.planta"].personal


def test_a_numeric_key_to_a_person_is_a_link_not_what_their_table_is_named_for() -> None:
    """`pre_avaliacao.id_medico -> medico` is the doctor's key, not health data."""
    medico = _table("medico", [("id", "INT"), ("nome", "VARCHAR(80)"), ("email", "VARCHAR(80)")])
    utente = _table("utente", [("id", "INT"), ("nome", "VARCHAR(80)"), ("nif", "VARCHAR(9)")])
    avaliacao = _table(
        "pre_avaliacao",
        [("id", "INT"), ("id_utente", "INT"), ("id_medico", "BIGINT"), ("observacoes", "TEXT")],
        (ForeignKey(("id_utente",), "utente"), ForeignKey(("id_medico",), "medico")),
    )
    got = classify_tables([medico, utente, avaliacao])
    assert not got["pre_avaliacao.id_medico"].personal
    assert "a link" in got["pre_avaliacao.id_medico"].reason
    assert got["pre_avaliacao.observacoes"].personal


def test_rows_under_a_row_under_a_persons_record_are_about_them_whatever_the_order() -> None:
    """`afiliada_historic_detall` continues `afiliada_historic`, which continues `afiliades`."""
    persones = _table("persones", [("id", "INT"), ("nom", "VARCHAR(80)"), ("cognoms", "VARCHAR(80)")])
    afiliades = _table(
        "afiliades", [("id", "INT"), ("persona", "INT")], (ForeignKey(("persona",), "persones"),)
    )
    historic = _table(
        "afiliada_historic",
        [("id", "INT"), ("parent_id", "INT"), ("renda", "DECIMAL(6,2)")],
        (ForeignKey(("parent_id",), "afiliades"),),
    )
    detall = _table(
        "afiliada_historic_detall",
        [("id", "INT"), ("historic_id", "INT"), ("import", "DECIMAL(6,2)")],
        (ForeignKey(("historic_id",), "afiliada_historic"),),
    )
    tables = [persones, afiliades, historic, detall]
    forward = table_verdicts(tables)
    assert forward["afiliada_historic_detall"].kind == "linked to people"
    assert "afiliada_historic" in forward["afiliada_historic_detall"].reason
    assert table_verdicts(tables[::-1]) == forward


def test_a_row_under_a_care_record_stays_care_when_its_name_continues_the_records() -> None:
    """`episode_lines` under a patient's `episodes` is health data, not only linked to them."""
    patients = _table(
        "patients", [("id", "INT"), ("first_name", "VARCHAR(80)"), ("last_name", "VARCHAR(80)")]
    )
    episodes = _table(
        "episodes", [("id", "INT"), ("patient_id", "INT")], (ForeignKey(("patient_id",), "patients"),)
    )
    lines = _table(
        "episode_lines",
        [("id", "INT"), ("episode_id", "INT"), ("code", "VARCHAR(10)")],
        (ForeignKey(("episode_id",), "episodes"),),
    )
    got = classify_tables([patients, episodes, lines])
    assert got["episode_lines.code"].category == "user.health"
    assert "health or care record" in got["episode_lines.code"].reasons[0]


def test_a_numeric_key_to_a_row_about_a_person_says_so_not_that_it_lists_people() -> None:
    """`id_medico -> contrato`: a contract is about a person, not a table of people."""
    pessoa = _table("pessoa", [("id", "INT"), ("nome", "VARCHAR(80)"), ("nif", "VARCHAR(9)")])
    contrato = _table(
        "contrato", [("id", "INT"), ("id_pessoa", "INT")], (ForeignKey(("id_pessoa",), "pessoa"),)
    )
    utente = _table("utente", [("id", "INT"), ("nome", "VARCHAR(80)"), ("nif", "VARCHAR(9)")])
    avaliacao = _table(
        "pre_avaliacao",
        [("id", "INT"), ("id_utente", "INT"), ("id_medico", "BIGINT")],
        (ForeignKey(("id_utente",), "utente"), ForeignKey(("id_medico",), "contrato")),
    )
    got = classify_tables([pessoa, contrato, utente, avaliacao])["pre_avaliacao.id_medico"]
    assert not got.personal
    # `medico` is no health word in Portuguese (trial29 C): the key is read as a key, and
    # never called a key to a table of people
    assert "a table of people" not in got.reason


def test_a_text_column_naming_who_changed_the_row_by_an_id_is_a_key_not_a_login() -> None:
    """`created_by_id varchar(255)`, `updatedById`: a string surrogate key (a cuid), a link."""
    notes = _table(
        "notes",
        [
            ("id", "INT"),
            ("created_by_id", "VARCHAR(255)"),
            ("updatedById", "TEXT"),
            ("modified_by_uuid", "VARCHAR(40)"),
            ("created_by", "VARCHAR(255)"),
        ],
    )
    got = classify_tables([notes])
    assert not got["notes.created_by_id"].personal
    assert not got["notes.updatedById"].personal
    assert not got["notes.modified_by_uuid"].personal
    assert got["notes.created_by"].category == "user.account.username"


def test_a_text_key_naming_who_changed_the_row_into_the_login_column_it_names_is_a_login() -> None:
    """`created_by REFERENCES users(username)` holds the login, though `users` is keyed by `id`."""
    users = _keyed_table(
        "users", [("id", "INT"), ("username", "VARCHAR(50)"), ("email", "VARCHAR(90)")], ("id",)
    )
    notes = _table(
        "notes",
        [("id", "INT"), ("created_by", "VARCHAR(50)"), ("updated_by", "VARCHAR(50)")],
        (
            ForeignKey(("created_by",), "users", ("username",)),
            ForeignKey(("updated_by",), "users", ("ID",)),
        ),
    )
    got = classify_tables([users, notes])
    assert got["notes.created_by"].category == "user.account.username"
    assert not got["notes.updated_by"].personal


def test_a_text_key_naming_who_changed_the_row_into_a_short_coded_user_key_is_a_login() -> None:
    """`PAT_CREATED_BY VARCHAR(50) -> OH_USER(US_ID_A VARCHAR(50))`: a short code that keys a
    table of people is what they log in with, whatever its name; a wide text key
    (`VARCHAR(255)`, where frameworks keep generated ids) stays a link."""
    users = _keyed_table(
        "OH_USER", [("US_ID_A", "VARCHAR(50)"), ("US_NAME", "VARCHAR(90)"), ("US_EMAIL", "VARCHAR(90)")],
        ("US_ID_A",),
    )
    members = _keyed_table(
        "members", [("id", "VARCHAR(255)"), ("first_name", "VARCHAR(90)"), ("email", "VARCHAR(90)")], ("id",)
    )
    visits = _table(
        "visits",
        [("id", "INT"), ("created_by", "VARCHAR(50)"), ("updated_by", "VARCHAR(255)")],
        (
            ForeignKey(("created_by",), "OH_USER", ()),
            ForeignKey(("updated_by",), "members", ()),
        ),
    )
    got = classify_tables([users, members, visits])
    assert got["visits.created_by"].category == "user.account.username"
    assert not got["visits.updated_by"].personal


def test_a_column_naming_who_changed_the_row_is_not_called_a_date() -> None:
    """`updated_by INT` is whoever changed the row (a key), not a date; `created_by_date` is one."""
    updated = classify_column("land", "updated_by", "INT")
    assert not updated.personal
    assert "who created or changed the row" in updated.reason and "a date or time" not in updated.reason
    dated = classify_column("land", "created_by_date", "DATE")
    assert not dated.personal and "a date or time" in dated.reason


def test_a_body_people_belong_to_with_a_first_and_last_name_lists_its_members() -> None:
    """`club_registrations(first_name, last_name, email)`: the members' details, not the club's."""
    registrations = _table(
        "club_registrations",
        [
            ("id", "INT"),
            ("first_name", "VARCHAR(50)"),
            ("last_name", "VARCHAR(50)"),
            ("email", "VARCHAR(90)"),
            ("phone", "VARCHAR(20)"),
        ],
    )
    club = _table("club", [("id", "INT"), ("name", "VARCHAR(80)"), ("email", "VARCHAR(90)")])
    got = classify_tables([registrations, club])
    assert got["club_registrations.email"].personal
    assert got["club_registrations.phone"].personal
    assert not got["club.email"].personal


def test_a_commission_an_employee_earns_is_no_committee() -> None:
    """`comisiones(id_empleado, importe)` in Spanish, `comissoes` in Portuguese: sales commissions."""
    empleados = _table(
        "empleados",
        [("id", "INT"), ("nombre", "VARCHAR(80)"), ("apellidos", "VARCHAR(80)"), ("dni", "VARCHAR(9)")],
    )
    comisiones = _table(
        "comisiones",
        [("id", "INT"), ("id_empleado", "INT"), ("importe", "DECIMAL(8,2)"), ("fecha", "DATE")],
        (ForeignKey(("id_empleado",), "empleados"),),
    )
    assert classify_tables([empleados, comisiones])["comisiones.importe"].personal
    funcionarios = _table(
        "funcionarios",
        [("id", "INT"), ("nome", "VARCHAR(80)"), ("sobrenome", "VARCHAR(80)"), ("cpf", "CHAR(11)")],
    )
    comissoes = _table(
        "comissoes",
        [("id", "INT"), ("id_funcionario", "INT"), ("valor", "DECIMAL(8,2)"), ("data_pagamento", "DATE")],
        (ForeignKey(("id_funcionario",), "funcionarios"),),
    )
    assert classify_tables([funcionarios, comissoes])["comissoes.valor"].personal
    # a committee in a Dutch schema stays an organisation
    commissie = _table("commissie", [("id", "INT"), ("naam", "VARCHAR(80)"), ("email", "VARCHAR(80)")])
    leden = _table("leden", [("id", "INT"), ("voornaam", "VARCHAR(80)"), ("achternaam", "VARCHAR(80)")])
    assert not classify_tables([commissie, leden])["commissie.email"].personal


def test_a_row_about_a_body_that_references_a_person_is_theirs() -> None:
    """`church_donations.user_id`: what a member gave (even revealing a religion), not the church's data."""
    users = _table("users", [("id", "INT"), ("first_name", "VARCHAR(80)"), ("email", "VARCHAR(80)")])
    donations = _table(
        "church_donations",
        [("id", "INT"), ("user_id", "INT"), ("amount", "DECIMAL(8,2)"), ("note", "TEXT")],
        (ForeignKey(("user_id",), "users"),),
    )
    association = _table(
        "association",
        [("id", "INT"), ("user_id", "INT"), ("joined_on", "DATE")],
        (ForeignKey(("user_id",), "users"),),
    )
    verdicts = table_verdicts([users, donations, association])
    assert verdicts["church_donations"].kind == "linked to people"
    assert verdicts["association"].kind == "linked to people"
    got = classify_tables([users, donations, association])
    assert got["church_donations.amount"].personal
    assert got["church_donations.note"].personal


def test_the_address_in_an_email_table_is_an_email_address() -> None:
    """`user_email.address` is an e-mail address; `addresses.address` a postal one."""
    users = _table("users", [("id", "INT"), ("name", "VARCHAR(80)")])
    emails = _table(
        "user_email",
        [("id", "INT"), ("user_id", "INT"), ("address", "VARCHAR(255)")],
        (ForeignKey(("user_id",), "users"),),
    )
    addresses = _table(
        "addresses",
        [("id", "INT"), ("user_id", "INT"), ("address", "VARCHAR(255)")],
        (ForeignKey(("user_id",), "users"),),
    )
    got = classify_tables([users, emails, addresses])
    assert got["user_email.address"].category == "user.contact.email"
    assert got["addresses.address"].category == "user.contact.address"


def test_a_message_template_is_no_message() -> None:
    """`email_template.body` is text the service writes; `email_queue.body` is a message."""
    template = _table("email_template", [("id", "INT"), ("subject", "VARCHAR(255)"), ("body", "TEXT")])
    queue = _table("email_queue", [("id", "INT"), ("subject", "VARCHAR(255)"), ("body", "TEXT")])
    got = classify_tables([template, queue])
    assert not got["email_template.body"].personal
    assert got["email_queue.body"].personal


def test_a_setting_the_person_picked_is_theirs_only_in_their_own_row() -> None:
    people = _table(
        "clients",
        [
            ("id", "INT"),
            ("nom", "VARCHAR(50)"),
            ("prenom", "VARCHAR(50)"),
            ("email", "VARCHAR(80)"),
            ("theme", "VARCHAR(20)"),
            ("currency", "CHAR(3)"),
        ],
    )
    invoices = _table(
        "factures",
        [("id", "INT"), ("client_id", "INT"), ("currency", "CHAR(3)")],
        (ForeignKey(("client_id",), "clients"),),
    )
    verdicts = classify_tables([people, invoices])
    assert verdicts["clients.theme"].category == "user.settings"
    assert verdicts["clients.currency"].category == "user.settings"
    assert not verdicts["factures.currency"].personal  # the invoice's currency


def test_a_key_to_the_coordinator_of_a_thing_does_not_make_it_a_persons_record() -> None:
    people = _table(
        "docenti",
        [("id", "INT"), ("cognome", "VARCHAR(50)"), ("nome", "VARCHAR(50)"), ("email", "VARCHAR(80)")],
    )
    classes = _table(
        "classi",
        [("id", "INT"), ("coordinatore_id", "INT"), ("sezione", "VARCHAR(5)"), ("anno", "INT")],
        (ForeignKey(("coordinatore_id",), "docenti"),),
    )
    leave = _table(
        "ferie",
        [("id", "INT"), ("docente_id", "INT"), ("motivo", "TEXT"), ("giorni", "INT")],
        (ForeignKey(("docente_id",), "docenti"),),
    )
    verdicts = classify_tables([people, classes, leave])
    assert not verdicts["classi.sezione"].personal
    assert verdicts["ferie.motivo"].personal  # a teacher's own leave request


def test_donors_and_affiliates_are_people_in_each_language() -> None:
    for name in ("donors", "donatori", "darczyncy", "afiliades", "bagiscilar"):
        table = _table(name, [("id", "INT"), ("notes", "TEXT"), ("city", "VARCHAR(40)")])
        verdicts = classify_tables([table])
        assert verdicts[f"{name}.city"].personal, name
        assert verdicts[f"{name}.city"].category == "user.contact.address.city", name


def test_a_text_id_in_a_persons_row_that_points_at_no_table_is_their_id_elsewhere() -> None:
    people = _table(
        "buerger",
        [
            ("id", "INT"),
            ("vorname", "VARCHAR(50)"),
            ("nachname", "VARCHAR(50)"),
            ("external_user_id", "VARCHAR(255)"),
            ("session_uuid", "UUID"),
            ("iv_id", "VARBINARY(16)"),
            ("amt_id", "VARCHAR(20)"),
        ],
    )
    office = _table("amt", [("id", "INT"), ("bezeichnung", "VARCHAR(80)")])
    got = classify_tables([people, office])
    assert got["buerger.external_user_id"].category == "user.unique_id"
    assert "another system" in got["buerger.external_user_id"].reason
    assert not got["buerger.session_uuid"].personal  # a surrogate uuid
    assert not got["buerger.iv_id"].personal  # bytes, not a code a person is known by
    # a key to the office table beside it: the office the person is registered with
    assert "points at 'amt'" in got["buerger.amt_id"].reason


def test_the_kind_of_a_trait_and_where_a_photo_is_kept_stay_personal() -> None:
    staff = _table(
        "personeller",
        [
            ("id", "INT"),
            ("ad", "VARCHAR(50)"),
            ("soyad", "VARCHAR(50)"),
            ("engel_turu", "VARCHAR(50)"),
            ("photo_filename", "VARCHAR(60)"),
            ("rapor_dosya", "VARCHAR(60)"),
        ],
    )
    got = classify_tables([staff])
    assert got["personeller.engel_turu"].category.startswith("user.health")  # kind of disability
    assert got["personeller.photo_filename"].category == "user.content.self_image"
    assert not got["personeller.rapor_dosya"].personal  # a file, with nothing personal named


def test_a_key_in_a_persons_row_to_a_thing_they_are_placed_in_is_theirs() -> None:
    pupils = _table(
        "alunni",
        [
            ("id", "INT"),
            ("cognome", "VARCHAR(50)"),
            ("nome", "VARCHAR(50)"),
            ("idclasse", "INT"),
            ("creato_da", "INT"),
            ("tutor_id", "INT"),
        ],
        (
            ForeignKey(("idclasse",), "classi"),
            ForeignKey(("creato_da",), "utenti"),
            ForeignKey(("tutor_id",), "docenti"),
        ),
    )
    classes = _table("classi", [("id", "INT"), ("sezione", "VARCHAR(5)"), ("anno", "INT")])
    users = _table("utenti", [("id", "INT"), ("login", "VARCHAR(30)"), ("email", "VARCHAR(80)")])
    teachers = _table("docenti", [("id", "INT"), ("cognome", "VARCHAR(50)"), ("nome", "VARCHAR(50)")])
    got = classify_tables([pupils, classes, users, teachers])
    assert got["alunni.idclasse"].personal  # which class the pupil is in
    assert "points at 'classi', a table of things" in got["alunni.idclasse"].reason
    assert not got["alunni.creato_da"].personal  # who made the record: a link
    assert not got["alunni.tutor_id"].personal  # another person: a link


def test_a_key_naming_a_schema_the_tables_lack_reaches_the_table_of_its_name() -> None:
    """`REFERENCES scuola.classi` when the dump created `classi` with no schema: that table.

    The verdicts read the bare name (the row is a person's either way); following the key
    must find the same table, or which class the pupil is in goes unreported.
    """
    pupils = _table(
        "alunni",
        [("id", "INT"), ("cognome", "VARCHAR(50)"), ("nome", "VARCHAR(50)"), ("idclasse", "INT")],
        (ForeignKey(("idclasse",), "classi", ref_schema="scuola"),),
    )
    classes = _table("classi", [("id", "INT"), ("sezione", "VARCHAR(5)"), ("anno", "INT")])
    got = classify_tables([pupils, classes])
    assert got["alunni.idclasse"].personal
    assert "points at 'classi', a table of things" in got["alunni.idclasse"].reason


def test_a_yes_no_or_a_count_is_never_an_identifier_and_a_records_dates_are_its_own() -> None:
    institution = _table(
        "instituicao",
        [
            ("id", "INT"),
            ("nome", "VARCHAR(80)"),
            ("bloqueia_matricula_serie", "BOOLEAN"),
            ("qtd_matriculas", "SMALLINT"),
        ],
    )
    people = _table(
        "pessoa",
        [
            ("id", "INT"),
            ("nome", "VARCHAR(80)"),
            ("cpf", "VARCHAR(11)"),
            ("matricula", "VARCHAR(20)"),
            ("data_cad", "TIMESTAMP"),
            ("data_rev", "TIMESTAMP"),
        ],
    )
    got = classify_tables([institution, people])
    assert not got["instituicao.bloqueia_matricula_serie"].personal
    assert not got["instituicao.qtd_matriculas"].personal
    assert got["pessoa.matricula"].category == "user.unique_id"
    assert not got["pessoa.data_cad"].personal  # when the row was registered
    assert not got["pessoa.data_rev"].personal  # and revised


def test_a_word_is_not_glued_from_pieces_of_two_languages() -> None:
    """`mobilidade` is no Catalan `mobil` (a mobile phone) glued to a Portuguese `idade` (age)."""
    classes = _table(
        "turma",
        [
            ("id", "INT"),
            ("nm_turma", "VARCHAR(80)"),
            ("aee_tecnica_mobilidade", "SMALLINT"),
            ("hora_inicial", "TIME"),
        ],
    )
    people = _table(
        "pessoa",
        [("id", "INT"), ("nome", "VARCHAR(80)"), ("datanascimento", "DATE"), ("telefonecasa", "VARCHAR(20)")],
    )
    got = classify_tables([classes, people])
    assert not got["turma.aee_tecnica_mobilidade"].personal
    assert not got["turma.hora_inicial"].personal  # the class is no one's record
    # a name glued in one language is still read, and so is one of two long words whatever
    # languages list them (`medische` is Dutch in the vocabulary, `dossier` French)
    assert got["pessoa.datanascimento"].category == "user.demographic.date_of_birth"
    from cnsnt.classify.classifier import _TOKENIZER

    assert _TOKENIZER.words("Medischedossier") == ("medische", "dossier")
    assert got["pessoa.telefonecasa"].category == "user.contact.phone_number"


def test_a_count_in_a_persons_own_row_is_how_often_they_did_it() -> None:
    people = _table(
        "eleves",
        [
            ("id", "INT"),
            ("nom", "VARCHAR(50)"),
            ("prenom", "VARCHAR(50)"),
            ("failed_login_attempts", "INT"),
            ("discipline_points", "INT"),
        ],
    )
    shop = _table("produits", [("id", "INT"), ("libelle", "VARCHAR(50)"), ("stock_count", "INT")])
    got = classify_tables([people, shop])
    assert got["eleves.failed_login_attempts"].category == "user.behavior"
    assert got["eleves.discipline_points"].category == "user.behavior"
    assert not got["produits.stock_count"].personal


def test_the_parties_to_a_dutch_case_are_people_and_a_decree_number_is_no_id() -> None:
    """`betrokkene` is the Dutch GDPR's data subject; `documentnummer` numbers any document."""
    parties = _table("zaak_betrokkenen", [("id", "INT"), ("naam", "VARCHAR(255)"), ("rol", "TEXT")])
    notes = _table("betrokkene_notes", [("id", "INT"), ("message", "TEXT")])
    town = _table(
        "bag_woonplaats",
        [("id", "INT"), ("naam", "VARCHAR(80)"), ("documentnummer", "VARCHAR(20)"), ("einddatum", "DATE")],
    )
    verdicts = classify_tables([parties, notes, town])
    assert verdicts["zaak_betrokkenen.naam"].category == "user.name"
    assert verdicts["betrokkene_notes.message"].personal
    assert not verdicts["bag_woonplaats.naam"].personal
    assert not verdicts["bag_woonplaats.documentnummer"].personal
    person = _table(
        "personen", [("id", "INT"), ("voornaam", "VARCHAR(80)"), ("documentnummer", "VARCHAR(20)")]
    )
    assert classify_tables([person])["personen.documentnummer"].personal  # their ID document's


def test_a_term_is_read_in_the_schemas_own_language() -> None:
    """`firma` is a signature in Italian (listed first) but a workplace in Polish."""
    people = _table(
        "pracownicy",
        [
            ("id", "INT"),
            ("imie", "VARCHAR(50)"),
            ("nazwisko", "VARCHAR(50)"),
            ("pesel", "CHAR(11)"),
            ("firma", "VARCHAR(80)"),
            ("data_urodzenia", "DATE"),
        ],
    )
    got = classify_tables([people])
    assert got["pracownicy.firma"].category == "user.professional_information.workplace"
    assert "(pl)" in got["pracownicy.firma"].reason


def test_a_row_with_its_own_date_of_birth_is_a_persons_whatever_the_table_is_called() -> None:
    entity = _table(
        "Entidade",
        [
            ("id", "INT"),
            ("Nome", "VARCHAR(80)"),
            ("DataNascimento", "DATE"),
            ("Sexo", "CHAR(1)"),
            ("Telemovel", "VARCHAR(20)"),
        ],
    )
    company = _table(
        "Entidade_Empresa",
        [("id", "INT"), ("Nome", "VARCHAR(80)"), ("Telefone", "VARCHAR(20)"), ("NIPC", "VARCHAR(9)")],
    )
    verdicts = table_verdicts([entity, company])
    assert verdicts["Entidade"].kind == "describes people"
    assert verdicts["Entidade_Empresa"].kind != "describes people"
    got = classify_tables([entity, company])
    assert got["Entidade.Telemovel"].category == "user.contact.phone_number"


def test_the_switches_and_counts_of_a_persons_preferences_table_are_their_settings() -> None:
    users = _table("usuari", [("codi", "VARCHAR(64)"), ("nom", "VARCHAR(80)"), ("email", "VARCHAR(80)")])
    prefs = _table(
        "usuari_prefs",
        [("codi", "VARCHAR(64)"), ("cabecera_reducida", "BOOLEAN"), ("num_elementos_pagina", "BIGINT")],
        (ForeignKey(("codi",), "usuari"),),
    )
    orders = _table(
        "comandes",
        [("id", "INT"), ("codi", "VARCHAR(64)"), ("enviada", "BOOLEAN")],
        (ForeignKey(("codi",), "usuari"),),
    )
    got = classify_tables([users, prefs, orders])
    assert got["usuari_prefs.cabecera_reducida"].category == "user.settings"
    assert got["usuari_prefs.num_elementos_pagina"].category == "user.settings"
    assert not got["comandes.enviada"].personal  # an order's switch is the order's


def test_a_prefix_every_column_shares_hides_no_role() -> None:
    """`gestib_alumne`: the shared prefix names the source system; the rest names a person."""
    sessions = _table(
        "class_sessions",
        [
            ("sid", "BIGINT"),
            ("gestib_professor", "VARCHAR(255)"),
            ("gestib_alumne", "VARCHAR(255)"),
            ("gestib_curs", "VARCHAR(255)"),
            ("gestib_aula", "VARCHAR(255)"),
        ],
    )
    got = {k: v.personal for k, v in classify_tables([sessions]).items()}
    assert got["class_sessions.gestib_professor"] and got["class_sessions.gestib_alumne"]
    assert not got["class_sessions.gestib_curs"] and not got["class_sessions.gestib_aula"]
    # the prefix is read as the column names are, accents and Cyrillic included
    turkish = _table(
        "ders_oturumlari",
        [("öğr_öğretmen", "VARCHAR(60)"), ("öğr_sinif", "VARCHAR(20)"), ("öğr_saat", "VARCHAR(10)")],
    )
    assert classify_tables([turkish])["ders_oturumlari.öğr_öğretmen"].personal
    # without the shared prefix the same words are no role
    odd = _table("rooms", [("id", "INT"), ("gestib_professor", "TEXT"), ("floor", "INT"), ("wing", "TEXT")])
    assert not classify_tables([odd])["rooms.gestib_professor"].personal


def test_a_sponsor_is_a_funder_not_a_person() -> None:
    """The issue's award false alarm: `SPONSOR_CODE` names the funding body, so the
    award's `ACCOUNT_NUMBER` is no one's bank account."""
    award = _table(
        "AWARD",
        [
            ("AWARD_ID", "INT"),
            ("SPONSOR_CODE", "VARCHAR(6)"),
            ("ACCOUNT_NUMBER", "VARCHAR(7)"),
            ("IP_REVIEW_REQUIREMENT", "VARCHAR(3)"),
            ("BEGIN_DATE", "DATE"),
        ],
    )
    got = classify_tables([award])
    assert not any(v.personal for v in got.values()), {k: v.reason for k, v in got.items() if v.personal}


def test_a_table_keyed_by_the_person_is_their_own_row_continued() -> None:
    """`ugyfel_attr_statusz.ugyfel_id` is the primary key: one row per client, theirs,
    so its yes/no answers are facts about them, as in the client's own row."""
    clients = _table("ugyfel", [("ugyfel_id", "INT"), ("vezeteknev", "VARCHAR(50)"), ("email", "TEXT")])
    extension = _table(
        "ugyfel_attr_helyzet",
        [("ugyfel_id", "INT"), ("palyakezdo", "BIT(1)"), ("dolgozik", "BIT(1)")],
        (ForeignKey(("UGYFEL_ID",), "UGYFEL"),),  # declared in other case: the same key
        primary="ugyfel_id",
    )
    events = _table(
        "ugyfel_esemeny",
        [("id", "INT"), ("ugyfel_id", "INT"), ("lezarva", "BIT(1)")],
        (ForeignKey(("ugyfel_id",), "ugyfel"),),
        primary="id",
    )
    got = classify_tables([clients, extension, events])
    assert got["ugyfel_attr_helyzet.palyakezdo"].personal and got["ugyfel_attr_helyzet.dolgozik"].personal
    assert "one row per person" in got["ugyfel_attr_helyzet.dolgozik"].reasons[0]
    assert not got["ugyfel_attr_helyzet.ugyfel_id"].personal  # the key is a link
    # many rows per client: a yes/no there is the record's, not the client's
    assert not got["ugyfel_esemeny.lezarva"].personal


def test_a_chain_of_one_row_per_person_tables_in_any_order() -> None:
    """Each table continues the one before; listed last to first, the verdicts are the same."""
    people = _table("people", [("id", "INT"), ("first_name", "TEXT"), ("email", "TEXT")], primary="id")
    chain = [
        _table(
            f"ext{i}",
            [("pid", "INT"), ("unemployed", "BOOLEAN")],
            (ForeignKey(("pid",), "people" if i == 0 else f"ext{i - 1}"),),
            primary="pid",
        )
        for i in range(5)
    ]
    forward = classify_tables([people, *chain])
    backward = classify_tables([people, *reversed(chain)])
    assert forward == backward
    assert forward["ext4.unemployed"].personal


def test_a_record_key_named_after_its_table_is_no_health_datum() -> None:
    """`prontuario_anexo.cdnProntuarioAnexo` numbers the row; a natural key that is the
    person's own identifier (`gyerek_taj`, a health-insurance number) stays personal."""
    patients = _table(
        "paciente", [("cdnPaciente", "INT"), ("nomPaciente", "VARCHAR(80)"), ("strEmail", "TEXT")]
    )
    attachments = _table(
        "prontuario_anexo",
        [("cdnProntuarioAnexo", "INT"), ("cdnPaciente", "INT"), ("strDescricao", "TEXT")],
        (ForeignKey(("cdnPaciente",), "paciente"),),
        primary="cdnProntuarioAnexo",
    )
    children = _table("gyereks", [("gyerek_taj", "BIGINT"), ("nev", "VARCHAR(80)")], primary="gyerek_taj")
    got = classify_tables([patients, attachments, children])
    assert not got["prontuario_anexo.cdnProntuarioAnexo"].personal
    assert got["prontuario_anexo.strDescricao"].personal
    assert got["gyereks.gyerek_taj"].personal


def test_a_glued_table_name_is_its_camel_case_keys_name() -> None:
    """`Pijnindicaties.PijnIndicatieID` numbers the row, though `pijn` (pain) is health."""
    patients = _table("Patienten", [("PatientID", "INT"), ("Voornaam", "TEXT"), ("Achternaam", "TEXT")])
    pain = _table(
        "Pijnindicaties",
        [("PijnIndicatieID", "INT"), ("PatientID", "INT"), ("Omschrijving", "TEXT")],
        (ForeignKey(("PatientID",), "Patienten"),),
        primary="PijnIndicatieID",
    )
    got = classify_tables([patients, pain])
    assert not got["Pijnindicaties.PijnIndicatieID"].personal
    assert got["Pijnindicaties.Omschrijving"].personal


def test_who_made_a_care_record_is_not_the_patients_care() -> None:
    """In a therapy record every plain column is care, but not its operator's kind or key."""
    guests = _table("anagrafica_ospiti", [("id", "INT"), ("cognome", "TEXT"), ("nome", "TEXT")])
    therapy = _table(
        "somministrazione_terapia",
        [("id", "INT"), ("ospite", "INT"), ("farmaco", "TEXT"), ("dose", "TEXT"), ("operatore", "INT")],
        (ForeignKey(("ospite",), "anagrafica_ospiti"),),
    )
    got = classify_tables([guests, therapy])
    assert got["somministrazione_terapia.dose"].personal
    assert not got["somministrazione_terapia.operatore"].personal


def test_an_emergency_contact_is_no_status() -> None:
    """Turkish `acil durum` (emergency) holds `durum`, which alone is a status."""
    patients = _table(
        "hasta_hassas",
        [("hasta_id", "UUID"), ("kimlik_no", "TEXT"), ("acil_durum_telefon", "TEXT"), ("durum", "TEXT")],
    )
    got = classify_tables([patients])
    assert got["hasta_hassas.acil_durum_telefon"].category == "user.contact.phone_number"
    assert not got["hasta_hassas.durum"].personal


def test_how_a_person_pays_in_their_own_invoice() -> None:
    """`mode_paiement_facture` in an invoice that points at a pupil is their payment datum;
    a list of payment methods points at no one."""
    pupils = _table("eleves", [("id", "INT"), ("nom", "TEXT"), ("prenom", "TEXT"), ("email", "TEXT")])
    invoices = _table(
        "facture",
        [("id", "INT"), ("id_client", "INT"), ("mode_paiement_facture", "VARCHAR(20)")],
        (ForeignKey(("id_client",), "eleves"),),
    )
    methods = _table("modes_paiement", [("id", "INT"), ("mode_paiement", "VARCHAR(20)")])
    got = classify_tables([pupils, invoices, methods])
    assert got["facture.mode_paiement_facture"].category == "user.payment"
    assert not got["modes_paiement.mode_paiement"].personal


def test_a_key_to_a_persons_national_id_holds_that_id_whatever_it_is_named() -> None:
    """`sluby.maz CHAR(11) REFERENCES parafianie(pesel)`: each value is a PESEL, a national id."""
    people = _keyed_table(
        "parafianie",
        [("pesel", "CHAR(11)"), ("nazwisko", "VARCHAR(60)"), ("imie", "VARCHAR(60)")],
        ("pesel",),
    )
    weddings = _table(
        "sluby",
        [("id_sakramentu", "INT"), ("maz", "CHAR(11)"), ("zona", "CHAR(11)"), ("parafia", "INT")],
        (
            ForeignKey(("maz",), "parafianie", ("pesel",)),
            ForeignKey(("zona",), "parafianie", ("pesel",)),
        ),
    )
    # a key to that key holds it too, however many hops away
    certificates = _table(
        "swiadectwa",
        [("id", "INT"), ("malzonek", "CHAR(11)")],
        (ForeignKey(("malzonek",), "sluby", ("zona",)),),
    )
    got = classify_tables([certificates, weddings, people])
    for key in ("sluby.maz", "sluby.zona", "swiadectwa.malzonek"):
        assert got[key].personal, key
        assert got[key].category == "user.government_id.national_identification_number", key
    assert "references 'parafianie.pesel'" in got["sluby.maz"].reason
    assert "same value" in got["sluby.maz"].reason
    assert not got["sluby.id_sakramentu"].personal


def test_a_key_with_no_column_list_copies_the_primary_key_it_references() -> None:
    """`asistencias.idProfesor REFERENCES profesores` names no column: SQL reads it as the
    primary key, here `dni`, so each value is a teacher's national id."""
    teachers = _keyed_table(
        "profesores",
        [("dni", "VARCHAR(10)"), ("nombre", "VARCHAR(60)"), ("apellido1", "VARCHAR(60)")],
        ("dni",),
    )
    attendance = _table(
        "asistencias",
        [("idReunion", "INT"), ("idProfesor", "VARCHAR(10)")],
        (ForeignKey(("idProfesor",), "profesores"),),
    )
    got = classify_tables([teachers, attendance])
    assert got["profesores.dni"].category == "user.government_id.national_identification_number"
    assert got["asistencias.idProfesor"].category == got["profesores.dni"].category
    assert "references 'profesores.dni'" in got["asistencias.idProfesor"].reason


def test_a_key_to_a_rows_surrogate_number_stays_a_link() -> None:
    """`orders.customer_id REFERENCES customers(id)`: the row's number, not the person's identifier."""
    customers = _keyed_table(
        "customers", [("id", "INT"), ("email", "VARCHAR(90)"), ("last_name", "VARCHAR(60)")], ("id",)
    )
    orders = _table(
        "orders",
        [("id", "INT"), ("customer_id", "INT"), ("notify_ref", "VARCHAR(90)"), ("surname", "VARCHAR(60)")],
        (
            ForeignKey(("customer_id",), "customers", ("id",)),
            # an email key is copied; a last name is no identifier of its own: left as it reads
            ForeignKey(("notify_ref",), "customers", ("email",)),
        ),
    )
    got = classify_tables([customers, orders])
    assert not got["orders.customer_id"].personal
    assert got["orders.notify_ref"].category == "user.contact.email"
    assert "references 'customers.email'" in got["orders.notify_ref"].reason


def test_a_table_whose_columns_record_several_health_data_is_a_care_record() -> None:
    """An admission form with no key to anyone (`queixa_principal`, `medicamento`,
    `deficiencia_visual`, `peso`): each row is someone's health, so its plain columns are."""
    admission = _table(
        "ficha_admissao",
        [
            ("id", "INT"),
            ("queixa_principal", "TEXT"),
            ("medicamento", "VARCHAR(200)"),
            ("deficiencia_visual", "BOOLEAN"),
            ("peso", "DECIMAL(5,2)"),
            ("higiene", "VARCHAR(50)"),
        ],
        primary="id",
    )
    got = classify_tables([admission])
    assert "record someone's health" in got["ficha_admissao.higiene"].reasons[0]
    for column in ("medicamento", "deficiencia_visual", "peso", "higiene"):
        verdict = got[f"ficha_admissao.{column}"]
        assert verdict.personal, column
        assert (verdict.category or "").startswith("user.health"), column
    assert not got["ficha_admissao.id"].personal


def test_a_list_that_repeats_its_own_health_name_is_no_care_record() -> None:
    """`Diagnose(diagnose_code, diagnose_naam)` and `Vaccin(vaccin_naam, vaccin_code)` list
    values: their columns name the table's one health word again, not different data."""
    diagnoses = _table(
        "Diagnose",
        [
            ("diagnose_code", "VARCHAR(10)"),
            ("diagnose_naam", "VARCHAR(100)"),
            ("diagnose_beschrijving", "TEXT"),
        ],
    )
    vaccines = _table("Vaccin", [("vaccin_naam", "VARCHAR(50)"), ("vaccin_code", "VARCHAR(10)")])
    verdicts = table_verdicts([diagnoses, vaccines])
    assert verdicts["Diagnose"].kind != "linked to people"
    assert verdicts["Vaccin"].kind != "linked to people"
    got = classify_tables([diagnoses, vaccines])
    assert not got["Vaccin.vaccin_code"].personal


def test_a_key_to_a_persons_generated_number_stays_a_link() -> None:
    """`notes.etudid REFERENCES identite(etudid)`, where `etudid` is the app's own text id
    for the student: a link to the student, as a key to a numeric id is, not a copied datum."""
    students = _table(
        "identite",
        [("etudid", "TEXT"), ("nom", "TEXT"), ("prenom", "TEXT"), ("date_naissance", "DATE")],
    )
    grades = _table(
        "notes_notes",
        [("etudid", "TEXT"), ("evaluation_id", "TEXT"), ("value", "REAL")],
        (ForeignKey(("etudid",), "identite", ("etudid",)),),
    )
    got = classify_tables([students, grades])
    assert "same value" not in got["notes_notes.etudid"].reason
    assert not got["notes_notes.etudid"].personal


def _keyed_pair(name: str, extra: list[tuple[str, str]]) -> Table:
    """A table keyed by (ParentId, ChildId) whose ParentId is also a key to `items`."""
    columns = [
        Column(name, "ParentId", WHERE, "schema.sql", type="TEXT", primary_key=True),
        Column(name, "ChildId", WHERE, "schema.sql", type="TEXT", primary_key=True),
        *(Column(name, c, WHERE, "schema.sql", type=t) for c, t in extra),
    ]
    return Table(
        name=name,
        location=WHERE,
        source="schema.sql",
        columns=tuple(columns),
        foreign_keys=(ForeignKey(("ParentId",), "items"),),
    )


ITEMS = _table("items", [("Id", "TEXT"), ("Album", "TEXT"), ("Width", "INT")], primary="Id")


def test_a_people_table_that_names_no_one_makes_no_record_of_the_row_it_extends() -> None:
    # Jellyfin's `LinkedChildren`: people by the word in its name, but only two keys
    linked = _keyed_pair("LinkedChildren", [("Kind", "INT")])
    verdicts = classify_tables([ITEMS, linked])
    assert not verdicts["items.Album"].personal
    assert not verdicts["items.Width"].personal


def test_a_people_table_that_names_someone_makes_a_record_of_the_row_it_extends() -> None:
    # the same shape with a first and a last name: each `items` row is that person's record
    people = _keyed_pair("children", [("first_name", "TEXT"), ("last_name", "TEXT")])
    verdicts = classify_tables([ITEMS, people])
    assert verdicts["items.Album"].personal


def test_the_full_name_of_a_part_of_a_program_is_no_persons() -> None:
    # Activiti's process tables: a service's or an app's name beside a process's dates
    process = _table(
        "process_instance",
        [
            ("id", "VARCHAR(255)"),
            ("service_full_name", "VARCHAR(255)"),
            ("app_name", "VARCHAR(255)"),
            ("name", "VARCHAR(255)"),
            ("start_date", "TIMESTAMP"),
            ("initiator", "VARCHAR(255)"),
        ],
        primary="id",
    )
    people = _table("members", [("id", "INT"), ("full_name", "TEXT"), ("email", "TEXT")], primary="id")
    verdicts = classify_tables([process, people])
    assert not verdicts["process_instance.service_full_name"].personal
    assert not verdicts["process_instance.start_date"].personal  # no person's row to be a fact of
    assert verdicts["process_instance.initiator"].personal  # who started it is still someone
    assert verdicts["members.full_name"].category == "user.name"


def test_a_table_named_for_a_thing_is_not_a_person_by_its_display_name() -> None:
    # Fineract's scheduler `job`: a name and a display name are the job's
    job = _table(
        "job",
        [
            ("id", "BIGINT"),
            ("name", "VARCHAR(50)"),
            ("display_name", "VARCHAR(100)"),
            ("cron_expression", "VARCHAR(20)"),
            ("next_run_time", "DATETIME"),
        ],
        primary="id",
    )
    assert table_verdicts([job])["job"].kind != "describes people"
    assert not any(v.personal for v in classify_tables([job]).values())


def test_a_list_keyed_by_a_persons_id_is_theirs_not_a_lookup() -> None:
    # `notification_settings(user_id, ...)`: named like a list of values, keyed by a person
    settings = _table(
        "notification_settings",
        [("id", "INT"), ("user_id", "INT"), ("email_flags", "INT"), ("push_flags", "INT")],
        primary="id",
    )
    users = _table("users", [("id", "INT"), ("email", "TEXT"), ("full_name", "TEXT")], primary="id")
    verdicts = table_verdicts([settings, users])
    assert verdicts["notification_settings"].kind == "linked to people"
    assert classify_tables([settings, users])["notification_settings.email_flags"].personal
    # a list of values keyed by nobody stays a list
    kinds = _table("contract_types", [("id", "INT"), ("label", "TEXT")], primary="id")
    assert table_verdicts([kinds])["contract_types"].kind == "a lookup table"


def test_a_forms_name_field_about_a_shop_setting_is_no_persons_name() -> None:
    # vendure's admin forms `tax-rate-detail`, `zone-detail`: the tax rate's or zone's name
    for form in ("tax-rate-detail", "zone-detail", "facet-detail"):
        assert classify_field("name", None, "text", (), form).category != "user.name"
    assert classify_field("name", None, "text", (), "signup").category == "user.name"


def test_an_oauth_client_is_an_application_not_a_customer() -> None:
    """`oauth_clients` (Laravel Passport, Outline) are apps that sign in; `clients` are people."""
    apps = _table(
        "oauth_clients",
        [
            ("id", "INT"),
            ("clientId", "TEXT"),
            ("name", "TEXT"),
            ("description", "TEXT"),
            ("redirectUris", "TEXT"),
        ],
        primary="id",
    )
    customers = _table("clients", [("id", "INT"), ("name", "TEXT"), ("notes", "TEXT")], primary="id")
    got = classify_tables([apps, customers])
    assert not got["oauth_clients.name"].personal
    assert not got["oauth_clients.description"].personal
    assert got["clients.name"].personal
    # a user's row in a table named for a list of their statuses still links to them
    statuses = _table(
        "users_statuses", [("id", "INT"), ("user_id", "INT"), ("content", "TEXT")], primary="id"
    )
    assert table_verdicts([statuses])["users_statuses"].kind == "linked to people"


def test_an_editors_version_is_no_editor() -> None:
    """`editorVersion TEXT` is the editor software's version; `version_created_by TEXT` is a login."""
    docs = _table(
        "documents",
        [
            ("id", "INT"),
            ("user_id", "INT"),
            ("editorVersion", "VARCHAR(255)"),
            ("version_created_by", "VARCHAR(50)"),
        ],
        primary="id",
    )
    got = classify_tables([docs])
    assert got["documents.editorVersion"].category != "user.account.username"
    assert got["documents.version_created_by"].personal


def test_the_number_of_a_persons_phones_table_is_their_phone_number() -> None:
    """`telefoni.numero` of a person: the datum the table is named for; a `rooms.number` is not."""
    people = _table("anagrafica", [("id", "INT"), ("nome", "VARCHAR(50)"), ("cognome", "VARCHAR(50)")])
    phones = _table(
        "telefoni",
        [("id", "INT"), ("id_anagrafica", "INT"), ("numero", "VARCHAR(20)"), ("tipo", "VARCHAR(10)")],
        keys=(ForeignKey(("id_anagrafica",), "anagrafica"),),
    )
    rooms = _table(
        "rooms",
        [("id", "INT"), ("id_anagrafica", "INT"), ("number", "INT")],
        keys=(ForeignKey(("id_anagrafica",), "anagrafica"),),
    )
    got = classify_tables([people, phones, rooms])
    assert got["telefoni.numero"].personal
    assert got["telefoni.numero"].category == "user.contact.phone_number"
    assert not got["telefoni.tipo"].personal
    assert got["rooms.number"].category != "user.contact.phone_number"
    lonely = _table("telefoni", [("id", "INT"), ("numero", "VARCHAR(20)")])
    assert not classify_tables([lonely])["telefoni.numero"].personal  # whose? a switchboard's


def test_a_permanent_address_is_an_address() -> None:
    """`perm_city`: `perm` abbreviates permanent as often as permission; the city is the datum."""
    staff = _table(
        "employee_details",
        [
            ("id", "INT"),
            ("first_name", "VARCHAR(50)"),
            ("perm_city", "VARCHAR(50)"),
            ("perm_pincode", "VARCHAR(10)"),
        ],
    )
    got = classify_tables([staff])
    assert got["employee_details.perm_city"].personal
    assert got["employee_details.perm_pincode"].personal


def test_a_list_of_kinds_of_staff_qualification_is_a_list_of_values() -> None:
    """`personel_nitelikleri(id, adi, adi_en, sira)`: the kinds a person may have, not people."""
    kinds = _table(
        "tb_personel_nitelikleri",
        [("id", "INT"), ("adi", "VARCHAR(255)"), ("adi_en", "VARCHAR(255)"), ("sira", "INT")],
        primary="id",
    )
    notes = _table(
        "tb_personel_notlari", [("id", "INT"), ("adi", "VARCHAR(255)"), ("metin", "TEXT")], primary="id"
    )
    got = classify_tables([kinds, notes])
    assert not got["tb_personel_nitelikleri.adi"].personal
    assert not got["tb_personel_nitelikleri.adi_en"].personal
    assert "list of values" in got["tb_personel_nitelikleri.adi"].reasons[0]
    assert got["tb_personel_notlari.metin"].personal  # a note is no label: about staff still


def test_a_services_password_and_a_things_picture_are_no_ones() -> None:
    """`smtp_servers.password`, `teams.avatar_url`: no column or link of the table reaches a person."""
    smtp = _table("smtp_servers", [("id", "INT"), ("host", "VARCHAR(100)"), ("password", "VARCHAR(100)")])
    teams = _table("teams", [("id", "INT"), ("subdomain", "VARCHAR(100)"), ("avatar_url", "TEXT")])
    users = _table(
        "users",
        [("id", "INT"), ("email", "VARCHAR(100)"), ("password", "VARCHAR(100)"), ("avatar_url", "TEXT")],
    )
    got = classify_tables([smtp, teams, users])
    assert not got["smtp_servers.password"].personal
    assert "about no person" in got["smtp_servers.password"].reasons[-1]
    assert not got["teams.avatar_url"].personal
    assert got["users.password"].personal and got["users.avatar_url"].personal
    # known by its name alone, a column keeps the benefit of the doubt
    assert classify_column("smtp_servers", "password").personal


def test_rows_a_care_record_points_at_are_part_of_it() -> None:
    """An examination that keeps each leg's findings in rows it points at: those rows are its care.

    A list of kinds it also points at (a row with a name or a description) stays a list,
    and a row something else points at too is no one's part.
    """
    patients = _table(
        "patients", [("id", "INT"), ("first_name", "VARCHAR(50)"), ("last_name", "VARCHAR(50)")]
    )
    exams = _table(
        "examinations",
        [
            ("id", "INT"),
            ("patient_id", "INT"),
            ("exam_date", "DATE"),
            ("left_leg_id", "INT"),
            ("category_id", "INT"),
        ],
        keys=(
            ForeignKey(("patient_id",), "patients"),
            ForeignKey(("left_leg_id",), "leg_findings"),
            ForeignKey(("kind_id",), "exam_kinds"),
        ),
        primary="id",
    )
    legs = _table(
        "leg_findings",
        [("id", "INT"), ("remark", "VARCHAR(300)"), ("vein_id", "INT")],
        keys=(ForeignKey(("vein_id",), "vein_readings"),),
        primary="id",
    )
    veins = _table(
        "vein_readings",
        [("id", "INT"), ("remark", "VARCHAR(100)"), ("measure", "FLOAT")],
        primary="id",
    )
    kinds = _table("exam_kinds", [("id", "INT"), ("description", "VARCHAR(200)")], primary="id")
    shared = _table("sites", [("id", "INT"), ("remark", "VARCHAR(100)")], primary="id")
    rooms = _table(
        "rooms",
        [("id", "INT"), ("floor", "INT"), ("site_id", "INT")],
        keys=(ForeignKey(("site_id",), "sites"),),
        primary="id",
    )
    exams_at = replace(exams, foreign_keys=(*exams.foreign_keys, ForeignKey(("site_id",), "sites")))
    exams_at = replace(
        exams_at, columns=(*exams.columns, Column("site_id", "site_id", WHERE, "schema.sql", type="INT"))
    )
    tables = [patients, exams_at, legs, veins, kinds, shared, rooms]
    got = classify_tables(tables)
    assert got["leg_findings.remark"].personal
    assert got["leg_findings.remark"].category == "user.health"
    assert got["vein_readings.measure"].personal  # a part of the part, however deep
    assert got["vein_readings.measure"].category == "user.health"
    assert "points at its rows" in explain(tables, veins, veins.columns[2])[0]
    assert not got["exam_kinds.description"].personal  # a list of kinds
    assert not got["sites.remark"].personal  # rooms point at it too
    # with no care record above it, the same shape is no one's
    alone = classify_tables([legs, veins])
    assert not alone["leg_findings.remark"].personal
    assert not alone["vein_readings.measure"].personal


def test_a_row_several_tables_of_people_point_at_with_contact_details_only_is_theirs_to_share() -> None:
    """`sections(name, phone)` that pupils and teachers point at is a section, not a person.

    A household that one people table points at, or an address table, stays a person's.
    """
    sections = _table(
        "sections", [("id", "INT"), ("name", "VARCHAR(50)"), ("phone", "VARCHAR(20)")], primary="id"
    )
    households = _table(
        "households",
        [("id", "INT"), ("email", "VARCHAR(100)"), ("phone", "VARCHAR(20)")],
        primary="id",
    )
    addresses = _table(
        "addresses", [("id", "INT"), ("street", "VARCHAR(100)"), ("zip", "VARCHAR(10)")], primary="id"
    )
    pupils = _table(
        "pupils",
        [
            ("id", "INT"),
            ("first_name", "VARCHAR(50)"),
            ("last_name", "VARCHAR(50)"),
            ("section_id", "INT"),
            ("household_id", "INT"),
            ("address_id", "INT"),
        ],
        keys=(
            ForeignKey(("section_id",), "sections"),
            ForeignKey(("household_id",), "households"),
            ForeignKey(("address_id",), "addresses"),
        ),
        primary="id",
    )
    teachers = _table(
        "teachers",
        [
            ("id", "INT"),
            ("first_name", "VARCHAR(50)"),
            ("last_name", "VARCHAR(50)"),
            ("section_id", "INT"),
            ("address_id", "INT"),
        ],
        keys=(ForeignKey(("section_id",), "sections"), ForeignKey(("address_id",), "addresses")),
        primary="id",
    )
    got = classify_tables([sections, households, addresses, pupils, teachers])
    assert not got["sections.phone"].personal
    assert "point at it" in got["sections.phone"].reasons[0]
    assert got["households.phone"].personal  # one table of people points at it: a family's
    assert got["addresses.street"].personal  # named for addresses: where people live
    alone = classify_tables([sections])
    assert alone["sections.phone"].personal  # nothing shows it is shared: benefit of the doubt


def test_a_lone_word_for_a_person_holding_a_number_is_their_key() -> None:
    """`absences.employee int`: the employee's number, though no key is declared.

    The rows are about that employee, and the column is the link, not a datum. A
    column most tables have (`client int` in lists too) partitions the data by its
    owner, and a flag (`employee tinyint`) is no key.
    """
    staff = _table(
        "staff", [("id", "INT"), ("first_name", "VARCHAR(50)"), ("last_name", "VARCHAR(50)")], primary="id"
    )
    absences = _table(
        "absences",
        [("id", "INT"), ("employee", "INT"), ("reason", "TEXT"), ("days", "DECIMAL(5,2)")],
        primary="id",
    )
    shifts = _table("shifts", [("id", "INT"), ("employee", "TINYINT(1)"), ("remark", "TEXT")], primary="id")
    got = classify_tables([staff, absences, shifts])
    assert got["absences.reason"].personal
    assert "'employee' identifies the person" in got["absences.reason"].reasons[0]
    assert not got["absences.employee"].personal  # the key, not a datum
    assert not got["shifts.remark"].personal
    buses = _table("buses", [("id", "INT"), ("passengers", "INTEGER"), ("plate", "TEXT")], primary="id")
    counted = classify_tables([staff, buses])["buses.plate"]
    assert not counted.personal  # `passengers`, a plural, counts people: no one's key
    # a column in most tables, lists among them, is the owner of the data, not a person
    tenant = [
        _table(name, [("id", "INT"), ("client", "INT"), ("label", "VARCHAR(50)")], primary="id")
        for name in ("colours", "countries", "notes", "tags")
    ]
    got = classify_tables([staff, *tenant])
    assert not got["notes.label"].personal
    assert "linked to people" not in got["notes.label"].reasons[0]


def test_a_history_of_statuses_is_a_record_not_a_list_and_a_remove_flag_is_the_rows_own() -> None:
    """`orders_status_history.comments`: what the customer wrote at checkout; `remove int`: a soft delete."""
    customers = _table(
        "customers",
        [("id", "INT"), ("email", "VARCHAR(100)"), ("last_name", "VARCHAR(50)"), ("remove", "INT")],
        primary="id",
    )
    orders = _table(
        "orders",
        [("id", "INT"), ("customer_id", "INT"), ("total", "DECIMAL(9,2)")],
        keys=(ForeignKey(("customer_id",), "customers"),),
        primary="id",
    )
    history = _table(
        "orders_status_history",
        [("id", "INT"), ("order_id", "INT"), ("comments", "TEXT")],
        keys=(ForeignKey(("order_id",), "orders"),),
        primary="id",
    )
    statuses = _table("orders_status", [("id", "INT"), ("label", "VARCHAR(50)")], primary="id")
    got = classify_tables([customers, orders, history, statuses])
    assert "lists values" not in got["orders_status_history.comments"].reasons[0]
    assert "lists values" in got["orders_status.label"].reasons[0]
    assert not got["customers.remove"].personal
    assert got["customers.email"].personal


def test_a_number_a_register_of_people_shares_with_many_tables_is_whose_rows_they_are() -> None:
    """`tabn`, a personnel number on the employee's card and early in a dozen tables of theirs.

    No key is declared; the tables are about the employee whose number they carry, and
    the number in them is the link. A counter many tables share (`edits_pending`, late
    in each row) or a number no register of people carries links nothing.
    """
    card = _table(
        "emp_card",
        [("id", "INT"), ("tabn", "INT"), ("fio", "VARCHAR(150)"), ("birthdate", "DATE")],
        primary="id",
    )
    details = [
        _table(
            name,
            [("id", "INT"), ("tabn", "INT"), ("remark", "VARCHAR(100)"), ("d_beg", "DATE")],
            primary="id",
        )
        for name in ("emp_leave", "emp_educ", "emp_award", "emp_langs", "emp_step")
    ]
    # lists of values the details point at: a number in every table would be the data's owner
    lists = [
        _table(name, [("id", "INT"), ("nazvanie", "VARCHAR(100)")], primary="id")
        for name in ("sp_leave", "sp_educ", "sp_award", "sp_lang", "sp_step", "sp_dep", "sp_post")
    ]
    got = classify_tables([card, *details, *lists])
    assert got["emp_leave.remark"].personal
    assert "'tabn' is also a column of 'emp_card'" in got["emp_leave.remark"].reasons[0]
    assert not got["emp_leave.tabn"].personal  # the link, not a datum
    # the same tables without the register: nothing says whose the rows are
    alone = classify_tables([*details, *lists])
    assert not alone["emp_leave.remark"].personal
    # a shared counter late in the row is no one's number
    things = [
        _table(
            name,
            [
                ("id", "INT"),
                ("label", "VARCHAR(50)"),
                ("note", "VARCHAR(50)"),
                ("kind", "INT"),
                ("pending", "INT"),
            ],
            primary="id",
        )
        for name in ("works", "labels", "places", "series", "events")
    ]
    card_pending = _table(
        "emp_card",
        [("id", "INT"), ("fio", "VARCHAR(150)"), ("birthdate", "DATE"), ("note", "TEXT"), ("pending", "INT")],
        primary="id",
    )
    got = classify_tables([card_pending, *things, *lists])
    assert not got["works.label"].personal


def test_a_line_under_a_persons_order_is_the_orders_but_what_they_wrote_stays_theirs() -> None:
    """`orders_products` under a customer's `orders`: its price and quantity are the order's.

    A row reached through a person's record (second hop) is linked to them, so text they
    wrote in it stays theirs; its other facts are the record's own, unless the record is
    their care.
    """
    customers = _table(
        "customers", [("id", "INT"), ("first_name", "VARCHAR(80)"), ("last_name", "VARCHAR(80)")]
    )
    orders = _table(
        "orders",
        [("id", "INT"), ("customer_id", "INT"), ("total", "DECIMAL(10,2)")],
        (ForeignKey(("customer_id",), "customers"),),
    )
    lines = _table(
        "orders_products",
        [
            ("id", "INT"),
            ("orders_id", "INT"),
            ("products_price", "DECIMAL(10,2)"),
            ("products_quantity", "INT"),
            ("gift_message", "TEXT"),
        ],
        (ForeignKey(("orders_id",), "orders"),),
    )
    got = classify_tables([customers, orders, lines])
    assert table_verdicts([customers, orders, lines])["orders_products"].kind == "linked to people"
    assert not got["orders_products.products_price"].personal
    assert not got["orders_products.products_quantity"].personal
    assert got["orders_products.gift_message"].personal
    assert got["orders.total"].personal  # the order itself is the customer's


def test_a_company_row_that_names_its_head_is_the_companys() -> None:
    """A clinic registered by its OGRN and KPP points at its chief doctor: its bank details are the clinic's."""
    doctors = _table("glav_vrach", [("id", "INT"), ("familiya", "VARCHAR(80)"), ("imya", "VARCHAR(80)")])
    columns = [
        ("id", "INT"),
        ("naimenovanie", "VARCHAR(300)"),
        ("yuridicheskiy_adres", "VARCHAR(500)"),
        ("ogrn", "CHAR(13)"),
        ("kpp", "CHAR(9)"),
        ("raschetnyy_schet", "CHAR(20)"),
        ("id_glav_vrach", "INT"),
    ]
    clinic = _table("poliklinika", columns, (ForeignKey(("id_glav_vrach",), "glav_vrach"),))
    verdict = table_verdicts([doctors, clinic])["poliklinika"]
    assert verdict.kind == "about organisations" and "'ogrn' registers a company" in verdict.reason
    got = classify_tables([doctors, clinic])
    assert not got["poliklinika.yuridicheskiy_adres"].personal
    assert not got["poliklinika.raschetnyy_schet"].personal
    assert got["glav_vrach.familiya"].personal
    # a person's tax record carries its payer's code, but names no company: still theirs
    payer = [("id", "INT"), ("kpp", "CHAR(9)"), ("income_summ", "DECIMAL(12,2)"), ("id_glav_vrach", "INT")]
    income = _table("dohod", payer, (ForeignKey(("id_glav_vrach",), "glav_vrach"),))
    assert table_verdicts([doctors, income])["dohod"].kind == "linked to people"


def test_a_person_word_glued_to_a_suffix_is_no_table_of_people() -> None:
    """Turkish `hastalik` (an illness) starts with `hasta` (a patient); `hastakayit` is about one."""
    illnesses = _table("hastalik", [("id", "INT"), ("kod", "VARCHAR(20)"), ("aciklama", "VARCHAR(255)")])
    assert table_verdicts([illnesses])["hastalik"].kind != "linked to people"
    records = _table("hastakayit", [("id", "INT"), ("kod", "VARCHAR(20)"), ("aciklama", "VARCHAR(255)")])
    assert table_verdicts([records])["hastakayit"].kind == "linked to people"


def test_a_number_every_table_has_is_bookkeeping_not_a_fact_about_the_person() -> None:
    # a framework's replication stamp and row state in every table, lists of values too
    stamp = [("SYS_U", "smallint"), ("SYS_T", "int"), ("deleted", "bit")]
    tables = [
        _table("staff", [("id", "INT"), ("surname", "TEXT"), ("given_name", "TEXT"), *stamp], primary="id"),
        _table(
            "shifts",
            [("id", "INT"), ("staff_id", "INT"), ("hours", "money"), *stamp],
            (ForeignKey(("staff_id",), "staff"),),
            primary="id",
        ),
        _table("sites", [("id", "INT"), ("title", "TEXT"), *stamp], primary="id"),
        _table("posts", [("id", "INT"), ("title", "TEXT"), *stamp], primary="id"),
        _table("codes", [("id", "INT"), ("title", "TEXT"), *stamp], primary="id"),
    ]
    verdicts = classify_tables(tables)
    for name in ("SYS_U", "SYS_T", "deleted"):
        assert not verdicts[f"shifts.{name}"].personal, verdicts[f"shifts.{name}"].reason
    assert "bookkeeping" in verdicts["shifts.SYS_U"].reason
    # what only the shift has is still the person's
    assert verdicts["shifts.hours"].personal


def test_when_a_token_or_session_expires_is_the_records_own_time_in_every_language() -> None:
    users = _table(
        "usuaris", [("id", "INT"), ("nom", "TEXT"), ("cognoms", "TEXT"), ("correu", "TEXT")], primary="id"
    )
    sessions = _table(
        "sessions",
        [("id", "INT"), ("usuari_id", "INT"), ("expira", "DATETIME"), ("caducitat", "DATETIME")],
        (ForeignKey(("usuari_id",), "usuaris"),),
        primary="id",
    )
    verdicts = classify_tables([users, sessions])
    assert not verdicts["sessions.expira"].personal and not verdicts["sessions.caducitat"].personal


def test_a_flag_every_table_has_is_the_persons_when_every_table_is_about_people() -> None:
    # no table about no one has it: not the database's bookkeeping, but a trait of the person
    flag = ("unemployed", "bit")
    staff = _table("staff", [("id", "INT"), ("surname", "TEXT"), ("given_name", "TEXT"), flag], primary="id")
    linked = [
        _table(
            name,
            [("id", "INT"), ("staff_id", "INT"), (what, "money"), flag],
            (ForeignKey(("staff_id",), "staff"),),
            primary="id",
        )
        for name, what in (("shifts", "hours"), ("leaves", "days"), ("payslips", "net"))
    ]
    verdict = classify_tables([staff, *linked])["staff.unemployed"]
    assert verdict.personal, verdict.reason


def test_a_comment_naming_a_trait_in_the_list_of_that_trait_is_no_ones() -> None:
    """`sexes(Codi -- "Codi del sexe (M, F, A...)")`: the list of sexes, as its name says."""

    def commented(name: str, columns: list[tuple[str, str, str | None]]) -> Table:
        return Table(
            name=name,
            location=WHERE,
            source="schema.sql",
            columns=tuple(
                Column(name, n, WHERE, "schema.sql", type=t, comment=c, primary_key=n == "Id")
                for n, t, c in columns
            ),
        )

    sexes = commented(
        "sexes",
        [
            ("Id", "INT", None),
            ("Codi", "CHAR(1)", "Codi del sexe (M, F, A...)"),
            ("Descripcio", "VARCHAR(50)", "Descripció del sexe"),
        ],
    )
    pupils = commented(
        "alumnes",
        [
            ("Id", "INT", None),
            ("Nom", "VARCHAR(50)", None),
            ("Cognoms", "VARCHAR(80)", None),
            ("Codi", "CHAR(1)", "Codi del sexe (M, F)"),
        ],
    )
    got = classify_tables([sexes, pupils])
    assert not got["sexes.Codi"].personal and not got["sexes.Descripcio"].personal
    assert "list of values" in got["sexes.Codi"].reasons[-1]
    # the same comment in a person's row is their sex
    assert got["alumnes.Codi"].personal
    assert got["alumnes.Codi"].category == "user.demographic.gender"


def test_str_is_a_string_in_an_english_schema_and_a_street_in_a_german_one() -> None:
    """FixMyStreet's `problem.bodies_str` (the councils a report went to, as a string) is no
    street address; a German `kunden.str` is one."""
    problem = _table(
        "problem",
        [("id", "INT"), ("title", "TEXT"), ("detail", "TEXT"), ("bodies_str", "TEXT"), ("name", "TEXT"),
         ("email", "TEXT"), ("postcode", "TEXT"), ("category", "TEXT"), ("created", "TIMESTAMP")],
    )
    english = classify_tables([problem])["problem.bodies_str"]
    assert english.category is None or "address" not in english.category, english
    kunden = _table(
        "kunden", [("id", "INT"), ("vorname", "TEXT"), ("nachname", "TEXT"), ("str", "TEXT"), ("ort", "TEXT")]
    )
    german = classify_tables([kunden])["kunden.str"]
    assert german.personal and german.category is not None and "address" in german.category, german


def test_a_field_the_framework_keeps_for_itself_is_no_ones() -> None:
    """Mongoose's version key `__v` and discriminator `__t` in a users collection are no fact
    about the user; a `__email` still names an email."""
    users = _table("users", [("_id", "ObjectId"), ("name", "String"), ("email", "String"),
                             ("__v", "Number"), ("__t", "String"), ("__email", "String")])
    verdicts = classify_tables([users])
    assert not verdicts["users.__v"].personal and not verdicts["users.__t"].personal
    assert verdicts["users.__email"].personal


def test_a_flag_word_in_wide_text_says_whose_not_that_it_is_a_flag() -> None:
    # digitalib's `dib_usuariaplicacio.emailadmin varchar(100)`, a2billing's `email_notification`
    apps = _table(
        "api_clients",
        [
            ("id", "INT"),
            ("emailadmin", "VARCHAR(100)"),
            ("email_notification", "VARCHAR(70)"),
            ("is_fax", "CHAR(1)"),
            ("jog_email", "CHAR(2)"),
            ("show_email", "VARCHAR(5)"),
            ("admin_email_sent", "BOOLEAN"),
        ],
    )
    got = classify_tables([apps])
    assert got["api_clients.emailadmin"].category == "user.contact.email"
    assert got["api_clients.email_notification"].category == "user.contact.email"
    assert not got["api_clients.is_fax"].personal  # a one-letter yes/no
    assert not got["api_clients.jog_email"].personal  # a two-letter right to see the e-mail
    assert not got["api_clients.show_email"].personal  # `false`
    assert not got["api_clients.admin_email_sent"].personal


def test_a_flag_in_text_does_not_make_its_table_about_people() -> None:
    # mrbs' `mrbs_area.area_admin_email`: the admin's e-mail, but the area is no person
    area = _table(
        "rooms_area",
        [("id", "INT"), ("area_name", "VARCHAR(30)"), ("area_admin_email", "TEXT"), ("resolution", "INT")],
    )
    got = classify_tables([area])
    assert got["rooms_area.area_admin_email"].category == "user.contact.email"
    assert not got["rooms_area.area_name"].personal
    assert not got["rooms_area.resolution"].personal


def _hospital_app(stay: str) -> list[Table]:
    """A Django app labelled `hospital`: every table is `hospital_<model>`."""
    patient = _table(
        "hospital_patient",
        [("id", "BIGINT"), ("fam", "VARCHAR(80)"), ("im", "VARCHAR(80)"), ("datr", "DATE")],
    )
    case = _table(
        stay,
        [("id", "BIGINT"), ("patient_id", "BIGINT"), ("datp", "DATE"), ("complaints", "TEXT")],
        (ForeignKey(("patient_id",), "hospital_patient"),),
    )
    others = [
        _table(f"hospital_{m}", [("id", "BIGINT"), ("code", "VARCHAR(10)")]) for m in ("ward", "bed", "shift", "tariff")
    ]
    return [patient, case, *others]


def test_a_word_most_table_names_start_with_is_the_apps_not_the_rows() -> None:
    # Arknet's `hospital_sluchay` (a patient's stay) in the Django app `hospital`: the app
    # label is no hospital; the stay is linked to the patient it points at
    tables = _hospital_app("hospital_sluchay")
    verdicts = table_verdicts(tables)
    assert verdicts["hospital_sluchay"].kind == "linked to people"
    assert classify_tables(tables)["hospital_sluchay.complaints"].personal
    # one table so named, among others, is still the hospital's
    alone = [tables[0], _table("hospital_units", [("id", "BIGINT"), ("code", "VARCHAR(10)")])]
    assert table_verdicts(alone)["hospital_units"].kind == "about organisations"


def test_orgs_is_short_for_organisations() -> None:
    # CASA's `casa_orgs(name, display_name, address, twilio_phone_number)`: a programme, no person
    orgs = _table(
        "casa_orgs",
        [("id", "BIGINT"), ("name", "VARCHAR"), ("display_name", "VARCHAR"), ("address", "VARCHAR"),
         ("twilio_phone_number", "VARCHAR")],
    )
    banners = _table(
        "banners",
        [("id", "BIGINT"), ("casa_org_id", "BIGINT"), ("name", "VARCHAR"), ("content", "TEXT")],
        (ForeignKey(("casa_org_id",), "casa_orgs"),),
    )
    assert table_verdicts([orgs, banners])["casa_orgs"].kind == "about organisations"
    got = classify_tables([orgs, banners])
    assert not any(got[f"casa_orgs.{c}"].personal for c in ("name", "display_name", "address"))
    assert not got["banners.name"].personal  # an organisation's banner is no person's


def test_a_display_name_in_a_table_of_settings_is_the_settings() -> None:
    # kafkasder's `permissions(name, display_name, module, action)`: a permission, no person
    permissions = _table(
        "permissions",
        [("id", "UUID"), ("name", "VARCHAR(100)"), ("display_name", "VARCHAR(150)"), ("module", "VARCHAR(50)")],
    )
    assert table_verdicts([permissions])["permissions"].kind != "describes people"
    assert not any(c.personal for c in classify_tables([permissions]).values())
    # a person's display name in their own row still is theirs
    members = _table("members", [("id", "UUID"), ("display_name", "VARCHAR(150)"), ("email", "VARCHAR(150)")])
    assert classify_tables([members])["members.display_name"].category == "user.name"


def test_judges_and_attorneys_are_people() -> None:
    # CASA's `judges(name)`: a judge is a natural person, named in their row
    judges = _table("judges", [("id", "BIGINT"), ("name", "VARCHAR"), ("active", "BOOLEAN")])
    assert classify_tables([judges])["judges.name"].category == "user.name"


def test_the_name_of_a_file_kept_about_a_person_is_theirs() -> None:
    # a beneficiary's uploaded documents (`dosya_adi`): names like `cv_maria_garcia.pdf`
    people = _table("kisiler", [("id", "INT"), ("ad", "VARCHAR(50)"), ("soyad", "VARCHAR(50)")])
    docs = _table(
        "belgeler",
        [("id", "INT"), ("kisi_id", "INT"), ("dosya_adi", "VARCHAR(255)"), ("dosya_boyutu", "INT")],
        (ForeignKey(("kisi_id",), "kisiler"),),
    )
    got = classify_tables([people, docs])
    assert got["belgeler.dosya_adi"].personal
    assert not got["belgeler.dosya_boyutu"].personal
    # a file of no one's: a template's name
    templates = _table("sablonlar", [("id", "INT"), ("dosya_adi", "VARCHAR(255)")])
    assert not classify_tables([templates])["sablonlar.dosya_adi"].personal


def test_an_entity_id_in_a_person_table_is_a_key_not_a_fact_about_them() -> None:
    """`Child.Eid bigint` numbers the row in a replica (entity id), as `gid`/`oid` do:
    the table is about people, the number is not about the child."""
    children = _table(
        "Child",
        [("Id", "BIGINT"), ("Eid", "BIGINT"), ("LastName", "NVARCHAR(100)"), ("DateOfBirth", "DATE")],
    )
    got = classify_tables([children])
    assert got["Child.LastName"].personal
    assert not got["Child.Eid"].personal


def test_a_users_table_keyed_by_a_text_code_is_keyed_by_the_login() -> None:
    """`NOT_USUARI.CODI VARCHAR(64)` is what its users log in with; `KULLANICI.KULLANICI_KODU`
    is named after its own table, the row's code, and `users.id VARCHAR(36)` a surrogate."""
    users = _keyed_table(
        "NOT_USUARI", [("CODI", "VARCHAR(64)"), ("NOM", "VARCHAR(100)"), ("EMAIL", "VARCHAR(200)")], ("CODI",)
    )
    own_code = _keyed_table(
        "KULLANICI",
        [("KULLANICI_KODU", "NVARCHAR(450)"), ("ADI", "NVARCHAR(100)"), ("EPOSTA", "NVARCHAR(200)")],
        ("KULLANICI_KODU",),
    )
    surrogate = _keyed_table(
        "users", [("id", "VARCHAR(36)"), ("name", "VARCHAR(100)"), ("email", "VARCHAR(200)")], ("id",)
    )
    got = classify_tables([users, own_code, surrogate])
    assert got["NOT_USUARI.CODI"].category == "user.account.username"
    assert "login" in got["NOT_USUARI.CODI"].reason
    assert not got["KULLANICI.KULLANICI_KODU"].personal
    assert not got["users.id"].personal


def test_a_register_with_birth_dates_and_a_tax_number_is_of_people_who_trade() -> None:
    """`produtores(nome, cpf, data_nascimento, cnpj)`: farmers, some registered as a
    business; a company has no birth date, so `cnpj` does not make it a company register."""
    farmers = _table(
        "produtores",
        [
            ("id", "INT"),
            ("nome", "VARCHAR(100)"),
            ("cpf", "VARCHAR(14)"),
            ("data_nascimento", "DATE"),
            ("cnpj", "VARCHAR(18)"),
            ("fl_internet", "BOOLEAN"),
        ],
    )
    suppliers = _table(
        "fornecedores",
        [("id", "INT"), ("razao_social", "VARCHAR(100)"), ("cnpj", "VARCHAR(18)"), ("email", "VARCHAR(90)"),
         ("telefone", "VARCHAR(20)")],
    )
    verdicts = table_verdicts([farmers, suppliers])
    assert verdicts["produtores"].kind == "describes people"
    assert verdicts["fornecedores"].kind != "describes people"


def test_a_row_whose_one_key_is_a_persons_record_is_about_them() -> None:
    """`hospital_appointments.referral_id -> referrals -> beneficiaries`: an appointment of
    someone's referral is theirs though its name does not continue the referral's; a
    hospital word before `appointments` names where, not what the row is."""
    people = _table(
        "beneficiaries",
        [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("national_id", "TEXT")],
    )
    referrals = _table(
        "referrals",
        [("id", "INT"), ("beneficiary_id", "INT"), ("reason", "TEXT")],
        (ForeignKey(("beneficiary_id",), "beneficiaries"),),
    )
    # a key to a list of values it picks from is no second record it hangs on
    kinds = _table("appointment_categories", [("id", "INT"), ("label", "TEXT")])
    appointments = _table(
        "hospital_appointments",
        [("id", "INT"), ("referral_id", "INT"), ("category_id", "INT"), ("appointment_date", "TIMESTAMP"),
         ("notes", "TEXT")],
        (ForeignKey(("referral_id",), "referrals"), ForeignKey(("category_id",), "appointment_categories")),
    )
    verdicts = table_verdicts([people, referrals, kinds, appointments])
    assert verdicts["appointment_categories"].kind == "a lookup table"
    assert verdicts["hospital_appointments"].kind == "linked to people"
    assert "'referral_id' references 'referrals'" in verdicts["hospital_appointments"].reason
    got = classify_tables([people, referrals, kinds, appointments])
    assert got["hospital_appointments.appointment_date"].personal
    assert not got["hospital_appointments.referral_id"].personal


def test_a_row_of_a_persons_request_and_a_supplier_is_the_persons_through_the_request() -> None:
    """`offers(request_id, supplier_id)`: a supplier is no person, so the offer relates to the
    requester through their request (cls40a; before, it was read as no one's), and like an
    order's line keeps its price the record's."""
    people = _table("clients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("email", "TEXT")])
    requests = _table(
        "requests", [("id", "INT"), ("client_id", "INT")], (ForeignKey(("client_id",), "clients"),)
    )
    suppliers = _table("suppliers", [("id", "INT"), ("label", "TEXT")])
    offers = _table(
        "offers",
        [("id", "INT"), ("request_id", "INT"), ("supplier_id", "INT"), ("price", "DECIMAL(8,2)")],
        (ForeignKey(("request_id",), "requests"), ForeignKey(("supplier_id",), "suppliers")),
    )
    verdicts = table_verdicts([people, requests, suppliers, offers])
    assert verdicts["offers"].kind == "linked to people", verdicts["offers"]
    assert "'request_id' references 'requests', which is about a person" in verdicts["offers"].reason
    assert "'supplier_id' references 'suppliers' too" in verdicts["offers"].reason
    got = classify_tables([people, requests, suppliers, offers])
    assert not got["offers.price"].personal, got["offers.price"]


def test_a_visit_in_a_clinical_schema_is_a_care_encounter() -> None:
    """`visite(idpz -> anagrafica)` beside `medici`: a consultation, so the rating-scale
    items under it (`updrs.q1`) are the patient's health; a shop's `visits` are not."""
    registry = _table(
        "anagrafica", [("idpz", "INT"), ("cognome", "TEXT"), ("nome", "TEXT"), ("codice_fiscale", "TEXT")]
    )
    doctors = _table("medici", [("id", "INT"), ("cognome", "TEXT"), ("nome", "TEXT"), ("email", "TEXT")])
    visits = _table(
        "visite",
        [("id_visita", "INT"), ("idpz", "INT"), ("data", "INT"), ("diario", "TEXT")],
        (ForeignKey(("idpz",), "anagrafica"),),
    )
    scale = _table(
        "updrs",
        [("id", "INT"), ("id_visita", "INT"), ("q1", "TINYINT"), ("q2", "TINYINT")],
        (ForeignKey(("id_visita",), "visite"),),
    )
    got = classify_tables([registry, doctors, visits, scale])
    assert "care encounter" in got["visite.diario"].reasons[0]
    for column in ("visite.diario", "updrs.q1", "updrs.q2"):
        assert (got[column].category or "").startswith("user.health"), column
    customers = _table("customers", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("email", "TEXT")])
    shop_visits = _table(
        "visits",
        [("id", "INT"), ("customer_id", "INT"), ("page", "TEXT")],
        (ForeignKey(("customer_id",), "customers"),),
    )
    shop = classify_tables([customers, shop_visits])
    assert not (shop["visits.page"].category or "").startswith("user.health")


def test_a_trace_table_with_a_login_records_what_someone_did() -> None:
    """`traces(identifiant, adresse_ip, page_demandee)`: an access trace, each row a
    person's request, as a log's is."""
    traces = _table(
        "traces",
        [("id", "BIGINT"), ("identifiant", "VARCHAR"), ("page_demandee", "VARCHAR"), ("adresse_ip", "VARCHAR")],
    )
    verdicts = table_verdicts([traces])
    assert verdicts["traces"].kind == "linked to people"
    assert classify_tables([traces])["traces.page_demandee"].personal


def test_a_false_friend_is_no_persons_key_in_the_language_it_is_false_in() -> None:
    """`appointments.kind_id` in an English schema sorts appointments; in a German one
    `betreuung.kind_id` is the child's key."""
    english = [
        _table("customers", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("email", "TEXT"),
                             ("phone_number", "TEXT"), ("birth_date", "DATE")]),
        _table("appointments", [("id", "INT"), ("kind_id", "INT"), ("notes", "TEXT"), ("starts_at", "TIMESTAMP")]),
        _table("invoices", [("id", "INT"), ("amount", "INT"), ("due_date", "DATE"), ("status", "TEXT")]),
    ]
    verdicts = table_verdicts(english)
    assert "kind_id" not in verdicts["appointments"].reason
    german = [
        _table("eltern", [("id", "INT"), ("vorname", "TEXT"), ("nachname", "TEXT"), ("geburtsdatum", "DATE"),
                          ("telefonnummer", "TEXT")]),
        _table("betreuung", [("id", "INT"), ("kind_id", "INT"), ("notiz", "TEXT"), ("beginn", "TIMESTAMP")]),
    ]
    assert "'kind_id' identifies the person" in table_verdicts(german)["betreuung"].reason


def test_an_invoice_number_is_no_bank_account() -> None:
    """`счёт` is an account, but `счёт-фактура` is an invoice: a contract's
    `НомерСчётФактуры` is the bill's number, its `РасчётныйСчёт` the client's account."""
    tables = [
        _table("Клиенты", [("id", "INT"), ("Фамилия", "NVARCHAR(50)"), ("Имя", "NVARCHAR(50)"),
                           ("ДатаРождения", "DATE")]),
        _table("Договор", [("id", "INT"), ("id_клиент", "INT"), ("НомерСчётФактуры", "NCHAR(30)"),
                           ("РасчётныйСчёт", "NCHAR(20)")],
               (ForeignKey(("id_клиент",), "Клиенты", ("id",)),)),
    ]
    got = classify_tables(tables)
    assert got["Договор.НомерСчётФактуры"].category != "user.financial.bank_account"
    assert got["Договор.РасчётныйСчёт"].category == "user.financial.bank_account"


def test_a_numeric_key_named_for_a_trait_is_the_records_in_a_linked_table() -> None:
    """`konferenz.schule` -> `schule`: the school a conference belongs to, a key like
    `id_ecole`; in the colleague's own row the same key is the school they work at."""
    tables = [
        _table("schule", [("id", "INT"), ("name", "VARCHAR(100)"), ("ort", "VARCHAR(50)")], primary="id"),
        _table("users", [("id", "INT"), ("vorname", "VARCHAR(50)"), ("nachname", "VARCHAR(50)"),
                         ("email", "VARCHAR(100)")], primary="id"),
        _table("konferenz", [("id", "INT"), ("user", "INT"), ("schule", "TINYINT(4)"), ("datum", "DATE")],
               (ForeignKey(("user",), "users", ("id",)), ForeignKey(("schule",), "schule", ("id",)))),
        _table("kollege", [("id", "INT"), ("vorname", "VARCHAR(50)"), ("nachname", "VARCHAR(50)"),
                           ("schule", "TINYINT(4)")],
               (ForeignKey(("schule",), "schule", ("id",)),)),
    ]
    got = classify_tables(tables)
    assert not got["konferenz.schule"].personal, got["konferenz.schule"]
    assert got["kollege.schule"].personal


def test_prison_inmates_are_people() -> None:
    """An inmate register is about people whatever its columns say: `Fogvatartott`,
    `osadzeni`, `reclusos`, `заключенные`; `заключение` (a conclusion) is not."""
    for name in ("Fogvatartott", "reclusos", "detenuti", "mahkumlar", "Заключенные", "apenados"):
        register = _table(name, [("id", "INT"), ("befogadas", "DATE"), ("regime_id", "INT"), ("kod", "VARCHAR(20)")])
        assert table_verdicts([register])[name].kind == "describes people", name
    conclusion = _table("Заключение", [("id", "INT"), ("текст", "TEXT"), ("код", "VARCHAR(20)")])
    assert table_verdicts([conclusion])["Заключение"].kind != "describes people"


def test_a_false_friend_does_not_make_a_polish_catalogue_reach_a_person() -> None:
    """`katalog_wnioskow.CEL` is a request's goal in Polish, not the Portuguese `cel`
    (a mobile phone): the catalogue reaches no one, its `CEL` is no phone number."""
    polish = [
        _table("osadzeni", [("id", "INT"), ("imie", "VARCHAR(45)"), ("nazwisko", "VARCHAR(45)"),
                            ("data_urodzenia", "DATE"), ("pesel", "CHAR(11)")]),
        _table("katalog_wnioskow", [("id", "INT"), ("nazwa", "VARCHAR(100)"), ("opis", "VARCHAR(100)"),
                                    ("cel", "VARCHAR(10)"), ("uwagi", "VARCHAR(200)")]),
        _table("wnioski", [("id", "INT"), ("ido", "INT"), ("id_katalog", "INT"), ("tresc", "TEXT"),
                           ("data_zlozenia", "DATE")],
               (ForeignKey(("ido",), "osadzeni", ("id",)), ForeignKey(("id_katalog",), "katalog_wnioskow", ("id",)))),
    ]
    verdicts = table_verdicts(polish)
    assert "'cel'" not in verdicts["katalog_wnioskow"].reason, verdicts["katalog_wnioskow"]
    assert classify_tables(polish)["katalog_wnioskow.cel"].category != "user.contact.phone_number"


def test_a_login_and_a_full_name_make_an_account_whatever_the_table_is_named() -> None:
    """`uprawnienia` (permissions) holding `User` and `Full_name` is the staff accounts
    table; a `roles` table with a display name and no login stays a setting."""
    accounts = _table("uprawnienia", [("User", "VARCHAR(30)"), ("Full_name", "VARCHAR(60)"), ("Last", "DATETIME"),
                                      ("Mod1", "INT")], primary="User")
    roles = _table("roles", [("id", "INT"), ("full_name", "VARCHAR(60)"), ("level", "INT")])
    verdicts = table_verdicts([accounts, roles])
    assert verdicts["uprawnienia"].kind == "describes people", verdicts["uprawnienia"]
    assert verdicts["roles"].kind != "describes people"


def test_a_word_of_its_own_is_not_a_people_word_glued_to_another() -> None:
    """`citizenships` is a list of citizenships, not `citizen` + `ship`; an attachment
    with a `name` and a `display_name` is a file, not a person."""
    citizenships = _table("citizenships", [("id", "INT"), ("name", "VARCHAR(100)"), ("code", "CHAR(2)")])
    attachments = _table("unique_attachments", [("id", "INT"), ("name", "VARCHAR(100)"),
                                                ("display_name", "VARCHAR(100)"), ("instruction", "TEXT")])
    verdicts = table_verdicts([citizenships, attachments])
    assert "citizen" not in verdicts["citizenships"].reason, verdicts["citizenships"]
    assert verdicts["unique_attachments"].kind != "describes people", verdicts["unique_attachments"]
    citizens = _table("citizens", [("id", "INT"), ("note", "TEXT")])
    assert table_verdicts([citizens])["citizens"].kind == "describes people"


def test_a_facts_reason_names_the_word_that_chose_its_category() -> None:
    """A reader can check a fact's category: `invitation_accepted_at` is a consent for its
    word `accepted`; `no_social_media_presence` is a yes or no, no number (`no` leads it)."""
    users = _table("users", [("id", "INT"), ("email", "VARCHAR(100)"), ("name", "VARCHAR(100)"),
                             ("invitation_accepted_at", "TIMESTAMP"), ("no_social_media_presence", "BOOLEAN"),
                             ("member_no", "VARCHAR(10)")])
    got = classify_tables([users])
    accepted = got["users.invitation_accepted_at"]
    assert accepted.category == "user.privacy_preferences" and "('accepted')" in accepted.reason
    assert got["users.no_social_media_presence"].category == "user", got["users.no_social_media_presence"]
    member = got["users.member_no"]
    assert member.category == "user.unique_id" and "a number of theirs ('no')" in member.reason


def test_an_art9_trait_from_a_targets_name_needs_a_list_of_values() -> None:
    """`regatta_teams.gruppe_id -> race_types(distanz, bahnen, meldeGebuehr)` is a rowing
    race class, not racial origin (a German notice said "Race. Das sind heikle Daten.");
    `verslavingen(naam, datum_van, datum_tot)`, a list of addictions with its validity,
    still names health data."""
    race = _table("race_types", [("id", "INT"), ("name", "VARCHAR(50)"), ("distanz", "INT"), ("bahnen", "INT"),
                                 ("altervon", "INT"), ("meldeGebuehr", "DECIMAL(8,2)")], primary="id")
    teams = _table("regatta_teams", [("id", "INT"), ("teamname", "VARCHAR(50)"), ("strasse", "VARCHAR(50)"),
                                     ("plz", "VARCHAR(5)"), ("ort", "VARCHAR(50)"), ("telefon", "VARCHAR(20)"),
                                     ("email", "VARCHAR(100)"), ("gruppe_id", "INT")],
                   (ForeignKey(("gruppe_id",), "race_types", ("id",)),))
    addictions = _table("verslavingen", [("id", "INT"), ("naam", "VARCHAR(255)"), ("datum_van", "DATE"),
                                         ("datum_tot", "DATE")], primary="id")
    clients = _table("klanten", [("id", "INT"), ("voornaam", "VARCHAR(50)"), ("achternaam", "VARCHAR(50)"),
                                 ("geboortedatum", "DATE"), ("primaireproblematiek_id", "INT")],
                     (ForeignKey(("primaireproblematiek_id",), "verslavingen", ("id",)),))
    got = classify_tables([race, teams, addictions, clients])
    assert got["regatta_teams.gruppe_id"].category != "user.demographic.race_ethnicity", got["regatta_teams.gruppe_id"]
    assert (got["klanten.primaireproblematiek_id"].category or "").startswith("user.health")


def test_a_german_consent_column_is_a_consent() -> None:
    """`regatta_teams.einverstaendnis BOOLEAN`: the team's consent, as `einwilligung` is."""
    teams = _table("regatta_teams", [("id", "INT"), ("teamname", "VARCHAR(50)"), ("email", "VARCHAR(100)"),
                                     ("telefon", "VARCHAR(20)"), ("einverstaendnis", "BOOLEAN")])
    assert classify_tables([teams])["regatta_teams.einverstaendnis"].category == "user.privacy_preferences"


def test_health_words_ending_in_id_are_no_keys() -> None:
    """`keloid`, `thyroid`, `covid` in an anamnesis were "an identifier or key" for their
    last two letters (a first-use review, a skin clinic); they are health words."""
    patients = _table("patients", [("id", "INT"), ("full_name", "TEXT"), ("birth_date", "DATE")], primary="id")
    anamnesis = _table("anamnesis", [("id", "INT"), ("patient_id", "INT"), ("keloid", "TEXT"), ("thyroid", "TEXT"),
                                     ("covid", "TEXT"), ("steroid", "TEXT")],
                       (ForeignKey(("patient_id",), "patients", ("id",)),), primary="id")
    got = classify_tables([patients, anamnesis])
    for name in ("keloid", "thyroid", "covid", "steroid"):
        assert (got[f"anamnesis.{name}"].category or "").startswith("user.health"), got[f"anamnesis.{name}"]


def test_vital_signs_and_surgeries_in_portuguese_and_spanish_are_health() -> None:
    """A Brazilian clinic's form: heart rate, oxygen saturation, surgeries, temperature."""
    for name in ("frequencia_cardiaca", "saturacao_oxigenio", "cirurgias_realizadas", "frecuencia_cardiaca",
                 "cirugias_previas"):
        assert (classify_field(name).category or "").startswith("user.health"), (name, classify_field(name))
    paciente = _table("pacientes", [("id", "INT"), ("nome", "TEXT"), ("cpf", "CHAR(11)"), ("temperatura", "DECIMAL")])
    assert (classify_tables([paciente])["pacientes.temperatura"].category or "").startswith("user.health")
    sensor = _table("sensores", [("id", "INT"), ("temperatura", "DECIMAL"), ("lido_em", "TIMESTAMP")])
    assert not classify_tables([sensor])["sensores.temperatura"].personal


def test_a_hash_of_a_text_or_a_file_is_no_credential() -> None:
    """`descriptionHash` spots duplicate feedback; it opens nothing (a notice listed it as
    "Account password"). A password's, a token's or a security answer's hash still is one."""
    users = _table("users", [("id", "INT"), ("email", "TEXT"), ("name", "TEXT"), ("password_hash", "TEXT"),
                             ("antwort_hash", "TEXT")], primary="id")
    feedback = _table("feedback", [("id", "INT"), ("user_id", "INT"), ("description", "TEXT"),
                                   ("description_hash", "TEXT"), ("file_hash", "TEXT"), ("token_hash", "TEXT")],
                      (ForeignKey(("user_id",), "users", ("id",)),), primary="id")
    got = classify_tables([users, feedback])
    assert not got["feedback.description_hash"].personal, got["feedback.description_hash"]
    assert "digest" in got["feedback.description_hash"].reason
    assert got["feedback.file_hash"].category != "user.authorization.credentials"
    assert (got["feedback.token_hash"].category or "").startswith("user.authorization")
    assert (got["users.password_hash"].category or "").startswith("user.authorization")
    assert (got["users.antwort_hash"].category or "").startswith("user.authorization")


def test_a_sum_of_money_in_a_health_record_is_financial_not_care() -> None:
    """`Sale.amount` beside `patientId` was Art. 9 health; what a visit cost is the
    patient's money. Its other columns stay care."""
    patients = _table("Patient", [("id", "INT"), ("firstName", "TEXT"), ("lastName", "TEXT"),
                                  ("birthDate", "DATE")], primary="id")
    visits = _table("Appointment", [("id", "INT"), ("patientId", "INT"), ("amount", "DECIMAL(10,2)"),
                                    ("treatment", "TEXT"), ("importe", "TEXT")],
                    (ForeignKey(("patientId",), "Patient", ("id",)),), primary="id")
    got = classify_tables([patients, visits])
    assert got["Appointment.amount"].category == "user.financial", got["Appointment.amount"]
    assert got["Appointment.importe"].category == "user.financial", got["Appointment.importe"]
    assert (got["Appointment.treatment"].category or "").startswith("user.health")


def test_a_key_naming_who_made_the_row_says_why_it_does_not_link() -> None:
    """`uploads.author_id -> users`: the author made the upload, which is not about them;
    the table's reason says so instead of a bare "not about people"."""
    users = _table("users", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("email", "TEXT")],
                   primary="id")
    uploads = _table("uploads", [("id", "INT"), ("author_id", "INT"), ("original_name", "TEXT")],
                     (ForeignKey(("author_id",), "users", ("id",)),), primary="id")
    verdict = table_verdicts([users, uploads])["uploads"]
    assert verdict.kind == "not about people"
    assert "'author_id' references 'users'" in verdict.reason and "who made" in verdict.reason, verdict


def test_a_swiss_german_changer_is_who_made_the_row() -> None:
    """`userMutiert -> Benutzer` (Swiss German "changed by") in every table of a vaccination
    system made each table a person's record; like `userErstellt`, it says who changed it."""
    users = _table("Benutzer", [("id", "CHAR(36)"), ("name", "VARCHAR(100)"), ("vorname", "VARCHAR(100)"),
                                ("email", "VARCHAR(100)")], primary="id")
    slots = _table("Impfslot", [("id", "CHAR(36)"), ("userMutiert", "VARCHAR(255)"), ("von", "DATETIME"),
                                ("bis", "DATETIME"), ("kapazitaet", "INT")],
                   (ForeignKey(("userMutiert",), "Benutzer", ("id",)),), primary="id")
    verdicts = table_verdicts([users, slots])
    assert verdicts["Impfslot"].kind == "not about people", verdicts["Impfslot"]
    assert not classify_tables([users, slots])["Impfslot.von"].personal


def test_a_binary_column_named_data_is_no_date() -> None:
    """`data longblob` holds a file (`data` is Italian and Portuguese for a date)."""
    people = _table("pessoas", [("id", "INT"), ("nome", "VARCHAR(100)"), ("cpf", "CHAR(11)"),
                                ("data", "LONGBLOB"), ("data_cadastro", "DATE")], primary="id")
    got = classify_tables([people])
    assert "date or time" not in got["pessoas.data"].reason, got["pessoas.data"]
    assert "date or time" in got["pessoas.data_cadastro"].reason or got["pessoas.data_cadastro"].personal


def test_a_uuid_key_to_a_person_s_record_is_a_link() -> None:
    """`Zertifikat.impfung_id char(36) -> Impfung`: the key of a person's vaccination record,
    a link to it, not a health datum of its own (as a numeric key already was)."""
    people = _table("Registrierung", [("id", "CHAR(36)"), ("name", "VARCHAR(100)"), ("vorname", "VARCHAR(100)"),
                                      ("geburtsdatum", "DATE")], primary="id")
    shots = _table("Impfung", [("id", "CHAR(36)"), ("registrierung_id", "CHAR(36)"), ("datum", "DATETIME"),
                               ("impfstoff", "VARCHAR(50)")],
                   (ForeignKey(("registrierung_id",), "Registrierung", ("id",)),), primary="id")
    certs = _table("Zertifikat", [("id", "CHAR(36)"), ("registrierung_id", "CHAR(36)"), ("impfung_id", "CHAR(36)"),
                                  ("uvci", "VARCHAR(50)")],
                   (ForeignKey(("registrierung_id",), "Registrierung", ("id",)),
                    ForeignKey(("impfung_id",), "Impfung", ("id",))), primary="id")
    got = classify_tables([people, shots, certs])
    assert not got["Zertifikat.impfung_id"].personal, got["Zertifikat.impfung_id"]


def test_a_word_several_languages_share_names_them_all_when_the_language_is_unknown() -> None:
    """A short Portuguese form's `nome` was "(it)", the first language that lists it; with
    no language known, the reason names both. A known language still picks one, and an
    English word stays "(en)"."""
    assert "(it, pt)" in classify_field("nome").reason, classify_field("nome")
    assert "(pt)" in classify_field("nome", written=("pt",)).reason
    assert "(en)" in classify_field("email").reason
    people = _table("pessoa", [("id", "INT"), ("nome", "VARCHAR(100)"), ("cpf", "CHAR(11)")])
    assert "(it, pt)" in classify_tables([people])["pessoa.nome"].reason


def test_a_row_s_own_uuid_is_no_id_in_another_system() -> None:
    """`signalement.uuid varchar(50)` is the report's own generated id, not the person's id
    in another register."""
    reports = _table("signalement", [("id", "INT"), ("uuid", "VARCHAR(50)"), ("nom_occupant", "VARCHAR(100)"),
                                     ("prenom_occupant", "VARCHAR(100)"), ("mail_occupant", "VARCHAR(100)")],
                      primary="id")
    got = classify_tables([reports])
    assert not got["signalement.uuid"].personal, got["signalement.uuid"]


def test_an_institution_s_own_data_is_an_organisation_s() -> None:
    """`datos_institucion(nit, telefono, direccion)`: a school's register entry and its
    contact lines, not a person's (Spanish, Catalan and Italian spellings)."""
    for name in ("datos_institucion", "dades_institucio", "dati_istituzione"):
        school = _table(name, [("id", "INT"), ("nombre_institucion", "VARCHAR(100)"), ("nit", "VARCHAR(45)"),
                               ("telefono", "VARCHAR(45)"), ("direccion", "VARCHAR(45)")], primary="id")
        assert table_verdicts([school])[name].kind == "about organisations", table_verdicts([school])[name]


def test_a_permission_to_be_contacted_is_a_consent() -> None:
    """`FeedbackItem.contactAllowed`, `permite_contato`: whether the person agreed to be
    contacted, the evidence a `consent.columns` entry wants; a site setting is no one's."""
    users = _table("users", [("id", "INT"), ("email", "TEXT"), ("name", "TEXT"), ("contact_allowed", "BOOLEAN"),
                             ("permite_contato", "BOOLEAN")], primary="id")
    settings = _table("settings", [("id", "INT"), ("allow_contact", "BOOLEAN")], primary="id")
    got = classify_tables([users, settings])
    assert got["users.contact_allowed"].category == "user.privacy_preferences", got["users.contact_allowed"]
    assert got["users.permite_contato"].category == "user.privacy_preferences"
    assert not got["settings.allow_contact"].personal


def test_a_table_keyed_by_an_ip_address_is_about_whoever_connects_from_it() -> None:
    """`GEOLOCALITZACIO_IP(ip PRIMARY KEY, city, is_tor)`, a cache of where users' addresses
    are: an IP address is personal data, and so is what is known of it. A list of office
    addresses with its own id stays a list."""
    geo = _table("GEOLOCALITZACIO_IP", [("ip", "VARCHAR(15)"), ("city", "VARCHAR(100)"), ("is_tor", "BIT"),
                                        ("latitude", "REAL")], primary="ip")
    office = _table("statik_ip_listesi", [("id", "INT"), ("ip_adress", "VARCHAR(255)"), ("aciklama", "VARCHAR(255)")],
                    primary="id")
    verdicts = table_verdicts([geo, office])
    assert verdicts["GEOLOCALITZACIO_IP"].kind == "linked to people", verdicts["GEOLOCALITZACIO_IP"]
    got = classify_tables([geo, office])
    assert got["GEOLOCALITZACIO_IP.city"].personal and got["GEOLOCALITZACIO_IP.ip"].personal
    assert not got["statik_ip_listesi.aciklama"].personal


def test_a_nutritionist_is_a_person_and_a_firm_s_responsible_person_s_id_is_theirs() -> None:
    """A catering firm's nutritionists (`terceirizada_nutricionista(nome, crn_numero)`) are
    people; the firm's row holds its responsible person's CPF, theirs, beside the firm's CNPJ."""
    nutritionists = _table("terceirizada_nutricionista", [("id", "INT"), ("nome", "VARCHAR(100)"),
                                                          ("crn_numero", "VARCHAR(160)")], primary="id")
    firms = _table("terceirizada", [("id", "INT"), ("nome_fantasia", "VARCHAR(160)"), ("cnpj", "VARCHAR(14)"),
                                    ("responsavel_nome", "VARCHAR(160)"), ("responsavel_cpf", "VARCHAR(11)"),
                                    ("responsavel_telefone", "VARCHAR(20)")], primary="id")
    got = classify_tables([nutritionists, firms])
    assert got["terceirizada_nutricionista.nome"].personal, got["terceirizada_nutricionista.nome"]
    assert (got["terceirizada.responsavel_cpf"].category or "").startswith("user.government_id")
    assert not got["terceirizada.cnpj"].personal


def test_a_list_keyed_to_a_person_by_a_declared_key_is_theirs() -> None:
    """`ClientSocStatus.client_id -> Client` ends in `status`, a list's word, but it is the
    client's history of social statuses; a list whose only key to users names who changed it
    (`paises.nick -> users`) stays a list."""
    clients = _table("Client", [("id", "INT"), ("lastName", "VARCHAR(30)"), ("firstName", "VARCHAR(30)"),
                                ("birthDate", "DATE")], primary="id")
    statuses = _table("ClientSocStatus", [("id", "INT"), ("client_id", "INT"), ("socStatusType_id", "INT"),
                                          ("begDate", "DATE"), ("note", "VARCHAR(200)")],
                      (ForeignKey(("client_id",), "Client", ("id",)),), primary="id")
    countries = _table("paises_status", [("codpais", "VARCHAR(20)"), ("nombre", "VARCHAR(100)"), ("nick", "VARCHAR(50)")],
                       (ForeignKey(("nick",), "Client", ("id",)),), primary="codpais")
    verdicts = table_verdicts([clients, statuses, countries])
    assert verdicts["ClientSocStatus"].kind == "linked to people", verdicts["ClientSocStatus"]
    assert verdicts["paises_status"].kind == "a lookup table", verdicts["paises_status"]


def test_a_key_to_a_list_of_a_trait_still_picks_the_trait() -> None:
    """`patients.gender -> genders(genderId, licenceId, genderName)`: however `genders` came
    to be read as linked to people (its licence key), the key picks the patient's gender;
    only a health word names a record it links to (`impfung_id`)."""
    licences = _table("licences", [("licenceId", "INT"), ("name", "VARCHAR(50)"), ("email", "VARCHAR(50)"),
                                   ("phone", "VARCHAR(20)")], primary="licenceId")
    genders = _table("genders", [("genderId", "INT"), ("licenceId", "INT"), ("genderName", "VARCHAR(50)")],
                     (ForeignKey(("licenceId",), "licences", ("licenceId",)),), primary="genderId")
    patients = _table("patients", [("patientId", "INT"), ("name", "VARCHAR(100)"), ("email", "VARCHAR(100)"),
                                   ("gender", "INT")],
                      (ForeignKey(("gender",), "genders", ("genderId",)),), primary="patientId")
    got = classify_tables([licences, genders, patients])
    assert got["patients.gender"].category == "user.demographic.gender", got["patients.gender"]


def test_a_row_version_is_the_record_s_in_every_language() -> None:
    """`Versie timestamp` (SQL Server's row version) in every table of a Flemish member
    register was "a date of theirs"; `version`, `versie`, `wersja`, `versio` are the row's."""
    members = _table("Persoon", [("PersoonID", "INT"), ("Naam", "VARCHAR(100)"), ("VoorNaam", "VARCHAR(60)"),
                                 ("GeboorteDatum", "DATE"), ("Versie", "TIMESTAMP"), ("wersja", "INT"),
                                 ("versio", "INT")], primary="PersoonID")
    got = classify_tables([members])
    for name in ("Versie", "wersja", "versio"):
        assert not got[f"Persoon.{name}"].personal, got[f"Persoon.{name}"]


def test_a_tenant_key_in_most_tables_partitions_the_data_by_a_customer_of_the_service() -> None:
    """`tenant_id` in every table of a multi-tenant schema says whose data a row is (an
    association renting the software), not whom it is about; a renter's table keeps its people."""
    tenants = _keyed_table(
        "tenants",
        [("id", "INT"), ("slug", "VARCHAR(50)"), ("name", "VARCHAR(200)"), ("tax_number", "VARCHAR(50)")],
        ("id",),
    )
    tenant = ForeignKey(("tenant_id",), "tenants", ("id",))
    events = _table(
        "events", [("id", "INT"), ("tenant_id", "INT"), ("title", "VARCHAR(200)"), ("starts_at", "TIMESTAMP")],
        (tenant,),
    )
    roles = _table("roles", [("id", "INT"), ("tenant_id", "INT"), ("display_name", "VARCHAR(200)")], (tenant,))
    members = _table(
        "members", [("id", "INT"), ("tenant_id", "INT"), ("first_name", "VARCHAR(90)"), ("last_name", "VARCHAR(90)")],
        (tenant,),
    )
    fees = _table(
        "fees", [("id", "INT"), ("tenant_id", "INT"), ("member_id", "INT"), ("amount", "DECIMAL(8,2)")],
        (tenant, ForeignKey(("member_id",), "members", ("id",))),
    )
    got = classify_tables([tenants, events, roles, members, fees])
    assert not got["tenants.tax_number"].personal
    assert "tenant" in got["tenants.tax_number"].reasons[0]
    assert not got["events.starts_at"].personal
    assert not got["roles.display_name"].personal
    assert got["members.first_name"].personal
    assert got["fees.amount"].personal  # the member's fee: linked by its own key
    # a renter: `tenants` named for people, its key in a few tables only
    renters = _keyed_table("tenants", [("id", "INT"), ("first_name", "VARCHAR(90)"), ("phone", "VARCHAR(20)")], ("id",))
    leases = _table("leases", [("id", "INT"), ("tenant_id", "INT"), ("rent", "DECIMAL(8,2)")], (tenant,))
    flats = _table("flats", [("id", "INT"), ("street", "VARCHAR(90)"), ("rooms", "INT")])
    got = classify_tables([renters, leases, flats])
    assert got["leases.rent"].personal


def test_a_people_word_every_table_name_starts_with_names_the_application() -> None:
    """`iscritto_` (an enrolled child) opens every table of Turin's enrolment system: it names the
    application, so `iscritto_d_quartiere(id, descrizione)` is a list of districts, while a table
    whose own name is a people word keeps its people."""
    names = ["iscritto_d_quartiere", "iscritto_d_tipo_pasto", "iscritto_t_anno_sco", "iscritto_t_classe",
             "iscritto_t_debug"]
    lists = [_table(n, [("id", "INT"), ("descrizione", "VARCHAR(100)"), ("data_da", "TIMESTAMP")]) for n in names]
    child = _table(
        "iscritto_t_minore", [("id", "INT"), ("cognome", "VARCHAR(90)"), ("data_nascita", "DATE"), ("note", "TEXT")]
    )
    got = classify_tables([*lists, child])
    for name in names:
        assert not got[f"{name}.descrizione"].personal, name
        assert not got[f"{name}.data_da"].personal, name
    assert got["iscritto_t_minore.cognome"].personal
    # a people word that opens a few table names still says whom their rows are about
    visits = _table("patient_visits", [("id", "INT"), ("reason", "VARCHAR(200)")])
    assert classify_tables([visits])["patient_visits.reason"].personal


def test_a_short_prefix_glued_to_a_long_people_word_still_names_people() -> None:
    """`ozbperson` (the OZB cooperative's members, keyed by `Mnr`) is about people, so its
    member's account `ozbkonto(Mnr)` is linked to them; `harakter` is no `har` + `akter`."""
    person = _keyed_table("ozbperson", [("Mnr", "INT"), ("Austrittsdatum", "DATE")], ("Mnr",))
    account = _table("ozbkonto", [("Mnr", "INT"), ("WSaldo", "DECIMAL(10,2)")], (ForeignKey(("Mnr",), "ozbperson"),))
    kinds = _table("okspr_harakter", [("id", "INT"), ("harakter", "VARCHAR(100)")])
    got = classify_tables([person, account, kinds])
    assert "person" in got["ozbperson.Austrittsdatum"].reasons[0]
    assert "linked to people" in got["ozbkonto.WSaldo"].reasons[0]
    assert not got["okspr_harakter.harakter"].personal


def test_a_name_of_an_institution_in_a_persons_row_is_not_their_name() -> None:
    """`student.InstitutName` is the student's university, not a person's name."""
    student = _table("student", [("Mnr", "INT"), ("Vorname", "VARCHAR(50)"), ("InstitutName", "VARCHAR(30)"),
                                 ("university_name", "VARCHAR(30)")])
    got = classify_tables([student])
    for column in ("InstitutName", "university_name"):
        assert got[f"student.{column}"].personal
        assert got[f"student.{column}"].category == "user.demographic.profile", column


def test_zikulas_created_and_updated_columns_are_the_records_own() -> None:
    """PostNuke and Zikula give every table `pn_cr_date`, `pn_cr_uid`, `pn_lu_date`,
    `pn_lu_uid` (created, last updated, and by whom): a forum's definition is no one's."""
    users = _keyed_table("users", [("uid", "INT"), ("uname", "VARCHAR(25)"), ("email", "VARCHAR(60)")], ("uid",))
    forums = _table(
        "IWforums_definition",
        [("fid", "INT"), ("iw_nom_forum", "VARCHAR(50)"), ("iw_descriu", "VARCHAR(255)"), ("pn_cr_date", "DATETIME"),
         ("pn_cr_uid", "INT"), ("pn_lu_date", "DATETIME"), ("pn_lu_uid", "INT")],
        (ForeignKey(("pn_cr_uid",), "users"), ForeignKey(("pn_lu_uid",), "users")),
    )
    got = classify_tables([users, forums])
    for column in ("iw_nom_forum", "iw_descriu", "pn_cr_date", "pn_lu_date"):
        assert not got[f"IWforums_definition.{column}"].personal, column


def test_a_tenant_column_in_every_table_is_no_fact_about_the_person() -> None:
    """`mandant VARCHAR(255)` in every table of Bern's grant system, lists of values among them,
    says which canton's data a row is, not anything about the applicant."""
    tables = [
        _table("person", [("id", "UUID"), ("nachname", "VARCHAR(90)"), ("geburtsdatum", "DATE"),
                          ("mandant", "VARCHAR(255)")]),
        _table("kind", [("id", "UUID"), ("vorname", "VARCHAR(90)"), ("mandant", "VARCHAR(255)")]),
        _table("land", [("id", "UUID"), ("bezeichnung", "VARCHAR(90)"), ("mandant", "VARCHAR(255)")]),
        _table("einstellung", [("id", "UUID"), ("wert", "VARCHAR(90)"), ("mandant", "VARCHAR(255)")]),
    ]
    got = classify_tables(tables)
    assert got["person.nachname"].personal
    assert not got["person.mandant"].personal
    assert "tenant" in got["person.mandant"].reason
    assert not got["kind.mandant"].personal


def test_german_income_assets_and_debts_in_an_applicants_row_are_financial() -> None:
    """`einnahmen`, `vermoegen`, `schulden` in a grant applicant's tax form are their finances."""
    person = _table("person_in_ausbildung", [("id", "UUID"), ("nachname", "VARCHAR(90)"), ("geburtsdatum", "DATE"),
                                             ("andere_einnahmen", "INTEGER"), ("vermoegen", "INTEGER"),
                                             ("schulden", "INTEGER")])
    got = classify_tables([person])
    for column in ("andere_einnahmen", "vermoegen", "schulden"):
        assert got[f"person_in_ausbildung.{column}"].category == "user.financial", column


def test_when_a_row_was_added_is_the_records_own_time() -> None:
    """`date_added`, `data_dodania` (Polish: of adding) stamp the row, like `created_at`."""
    users = _keyed_table("uzytkownicy", [("id", "INT"), ("imie", "VARCHAR(50)"), ("email", "VARCHAR(90)")], ("id",))
    news = _table(
        "aktualnosci", [("id", "INT"), ("id_uzytkownika", "INT"), ("data_dodania", "TIMESTAMP"), ("date_added", "TIMESTAMP")],
        (ForeignKey(("id_uzytkownika",), "uzytkownicy"),),
    )
    got = classify_tables([users, news])
    assert not got["aktualnosci.data_dodania"].personal
    assert not got["aktualnosci.date_added"].personal


def test_a_keys_table_prefix_is_no_word_of_who_made_the_row() -> None:
    """`ins_dp_id` in `tb_inscriptos_cdi` (every column `ins_`, enrolled children) is the child's
    key, not who inserted the row, though `ins` can abbreviate "inserted"."""
    people = _keyed_table("tb_datos_personales", [("dp_id", "INT"), ("dp_apellido", "VARCHAR(60)"),
                                                  ("dp_nombre", "VARCHAR(60)")], ("dp_id",))
    enrolled = _table(
        "tb_inscriptos_cdi", [("ins_id", "INT"), ("ins_dp_id", "INT"), ("ins_sala", "INT(2)"), ("ins_turno", "INT(2)")],
        (ForeignKey(("ins_dp_id",), "tb_datos_personales"),),
    )
    got = classify_tables([people, enrolled])
    assert "linked to people" in got["tb_inscriptos_cdi.ins_sala"].reasons[0]


def test_a_document_named_data_is_no_date() -> None:
    """`data jsonb` (a notification's payload) is a document, though `data` is a date in Italian
    and Portuguese; `data varchar(10)` and `data date` stay dates."""
    for type_, dated in (("JSONB", False), ("LONGTEXT", False), ("VARCHAR(10)", True), ("DATE", True)):
        got = classify_column("notificacoes", "data", type_)
        assert ("a date or time" in got.reason) is dated, type_


def test_a_change_logs_copy_of_any_record_is_personal() -> None:
    """PaperTrail's `versions(item_type, item_id, object, object_changes)` copies the rows it
    logs, people's among them; a table without the type and id pair keeps its reading."""
    versions = _table(
        "versions",
        [("id", "INT"), ("item_type", "VARCHAR(255)"), ("item_id", "INT"), ("event", "VARCHAR(255)"),
         ("object", "TEXT"), ("object_changes", "TEXT")],
    )
    reversion = _table(
        "reversion_version",
        [("id", "INT"), ("content_type_id", "INT"), ("object_id", "VARCHAR(191)"), ("serialized_data", "TEXT")],
    )
    settings = _table("settings", [("id", "INT"), ("object", "TEXT"), ("changes", "TEXT")])
    got = classify_tables([versions, reversion, settings])
    assert got["versions.object_changes"].personal
    assert got["versions.object"].personal
    assert got["reversion_version.serialized_data"].personal
    assert not got["settings.changes"].personal


def test_a_voided_row_is_the_records_state() -> None:
    """OpenMRS voids a row instead of deleting it (`voided`, `date_voided`, `void_reason`):
    the record's own life, not a fact about the patient or their care."""
    patient = _keyed_table("patient", [("patient_id", "INT"), ("given_name", "VARCHAR(50)"),
                                       ("birthdate", "DATE")], ("patient_id",))
    allergy = _table(
        "allergy", [("allergy_id", "INT"), ("patient_id", "INT"), ("severity", "VARCHAR(50)"), ("voided", "BOOLEAN"),
                    ("date_voided", "DATETIME"), ("void_reason", "VARCHAR(255)")],
        (ForeignKey(("patient_id",), "patient"),),
    )
    got = classify_tables([patient, allergy])
    assert got["allergy.severity"].personal
    for column in ("voided", "date_voided", "void_reason"):
        assert not got[f"allergy.{column}"].personal, column
    # UnicaEN's soft delete (`histo_destruction`) is the same
    individu = _table(
        "individu", [("id", "INT"), ("nom", "TEXT"), ("prenom", "TEXT"), ("histo_destruction", "TIMESTAMP")],
        primary="id",
    )
    assert not classify_tables([individu])["individu.histo_destruction"].personal


def test_a_file_kept_in_a_patients_record_is_their_care() -> None:
    """`estudio.archivo` beside `paciente_id` is the patient's report itself, health data."""
    patients = _keyed_table("paciente", [("id", "INT"), ("dni", "VARCHAR(8)"), ("nombre", "VARCHAR(60)")], ("id",))
    studies = _table(
        "estudio", [("id", "INT"), ("paciente_id", "INT"), ("archivo", "VARCHAR(100)"), ("diagnostico", "TEXT")],
        (ForeignKey(("paciente_id",), "paciente"),),
    )
    got = classify_tables([patients, studies])
    assert got["estudio.archivo"].category == "user.health"
    assert classify_column("hasta", "alerjiler", "VARCHAR(200)").category == "user.health"  # Turkish plural


def test_a_table_of_keys_and_labels_only_is_a_list_of_values() -> None:
    """`gender(id, name, gender_name)` and `vip_rank(id, code, name)` (commented "the patient's
    rank") list values, whatever their labels' words; a team with an email is people."""
    gender = _keyed_table("gender", [("id", "INT"), ("name", "VARCHAR(255)"), ("gender_name", "VARCHAR(255)")], ("id",))
    rank = Table(
        name="vip_rank", location=WHERE, source="schema.sql",
        columns=tuple(Column("vip_rank", c, WHERE, "schema.sql", type=t, primary_key=c == "id")
                      for c, t in [("id", "INT"), ("code", "VARCHAR(10)"), ("name", "VARCHAR(60)")]),
        comment="Уровень пациента",
    )
    team = _keyed_table("team", [("id", "INT"), ("naam", "VARCHAR(90)"), ("email", "VARCHAR(90)")], ("id",))
    got = classify_tables([gender, rank, team])
    assert not got["gender.gender_name"].personal
    assert not got["vip_rank.name"].personal
    assert got["team.email"].personal


def test_a_django_app_label_names_the_application_not_the_rows() -> None:
    """A study of a patient in an app named `clinica` (`clinica_estudio`) is the patient's care,
    not a clinic's row; the same table without the label says what its name says."""
    patients = Table(
        name="clinica_paciente", location=WHERE, source="clinica/models.py", app="clinica",
        columns=tuple(Column("clinica_paciente", c, WHERE, "clinica/models.py", type=t, primary_key=c == "id")
                      for c, t in [("id", "BIGINT"), ("dni", "VARCHAR(8)"), ("nombre", "VARCHAR(60)")]),
    )
    studies = Table(
        name="clinica_estudio", location=WHERE, source="clinica/models.py", app="clinica",
        columns=tuple(Column("clinica_estudio", c, WHERE, "clinica/models.py", type=t, primary_key=c == "id")
                      for c, t in [("id", "BIGINT"), ("paciente_id", "BIGINT"), ("titulo", "VARCHAR(100)")]),
        foreign_keys=(ForeignKey(("paciente_id",), "clinica_paciente", ("id",)),),
    )
    got = classify_tables([patients, studies])
    assert "organisations" not in got["clinica_estudio.titulo"].reasons[0]
    assert got["clinica_estudio.titulo"].personal


def test_italian_short_forms_of_insert_and_update_are_the_records_life() -> None:
    """CSI Piemonte's schemas end every table with `d_inserim`, `d_aggiorn` (the dates a row
    was inserted and updated: the record's life) and `cod_user_inserim`, `cod_user_aggiorn`
    (the codice fiscale, 16 characters, of who inserted or updated it: a person's)."""
    citizens = _table(
        "mip_t_cittadino",
        [("id_cittadino", "NUMERIC"), ("nome", "VARCHAR(100)"), ("cognome", "VARCHAR(100)"),
         ("d_inserim", "TIMESTAMP"), ("d_aggiorn", "TIMESTAMP")],
        primary="id_cittadino",
    )
    questionnaires = _table(
        "mip_d_questionario",
        [("id_questionario", "NUMERIC"), ("descrizione", "VARCHAR(200)"), ("d_inserim", "TIMESTAMP"),
         ("cod_user_inserim", "VARCHAR(16)"), ("d_aggiorn", "TIMESTAMP"), ("cod_user_aggiorn", "VARCHAR(16)")],
        primary="id_questionario",
    )
    got = classify_tables([citizens, questionnaires])
    for key in ("mip_t_cittadino.d_inserim", "mip_t_cittadino.d_aggiorn", "mip_d_questionario.d_inserim"):
        assert not got[key].personal, key
    for key in ("mip_d_questionario.cod_user_inserim", "mip_d_questionario.cod_user_aggiorn"):
        assert got[key].personal, key


def test_a_market_is_a_place_not_a_person() -> None:
    """Amsterdam's `markt` has a `naam` and a phone, as a person's row would; it is a street
    market, where the traders of `koopman` stand."""
    market = _table(
        "markt",
        [("id", "INT"), ("naam", "VARCHAR(125)"), ("telefoon_nummer_contact", "TEXT"), ("markt_dagen", "VARCHAR(20)")],
        primary="id",
    )
    trader = _table(
        "koopman",
        [("id", "INT"), ("voorletters", "VARCHAR(20)"), ("achternaam", "VARCHAR(50)"), ("telefoon", "VARCHAR(20)")],
        primary="id",
    )
    got = classify_tables([market, trader])
    # (its contact's phone stays personal: a contact is a person)
    for column in ("naam", "markt_dagen"):
        assert not got[f"markt.{column}"].personal, column
    assert got["koopman.achternaam"].personal and got["koopman.telefoon"].personal


def test_at_inside_a_name_is_a_preposition_and_a_long_text_asks_no_yes_or_no() -> None:
    """`candidateEmailAtSubmit` is the email given at submission, not a timestamp (`created_at`
    ends in `at`); `whatIsExploit TEXT` is the candidate's answer to "what is an exploit", no
    flag (`is_active`): a long text keeps no yes/no."""
    users = _table("User", [("uuid", "UUID"), ("firstName", "TEXT"), ("lastName", "TEXT")], primary="uuid")
    applications = _table(
        "ScoutApplication",
        [("uuid", "UUID"), ("candidateUuid", "UUID"), ("candidateEmailAtSubmit", "VARCHAR(320)"),
         ("whatIsExploit", "TEXT"), ("isArchived", "BOOLEAN"), ("createdAt", "TIMESTAMPTZ"),
         ("is_public", "VARCHAR(1)")],
        (ForeignKey(("candidateUuid",), "User"),),
        primary="uuid",
    )
    got = classify_tables([users, applications])
    assert got["ScoutApplication.candidateEmailAtSubmit"].category == "user.contact.email"
    assert got["ScoutApplication.whatIsExploit"].personal
    for column in ("isArchived", "createdAt", "is_public"):
        assert not got[f"ScoutApplication.{column}"].personal, column


def test_a_contracts_terms_and_conditions_are_no_health_data() -> None:
    """first-use review R27 D5: `invoice.terms` commented "Terms & Conditions" and a form's
    "Payment terms and conditions" were filed as GDPR Art. 9 health data (`conditions`)."""
    customers = _table("customer", [("id", "INT"), ("name", "TEXT"), ("email", "TEXT")], primary="id")
    invoice = _table(
        "invoice", [("id", "INT"), ("customer_id", "INT"), ("terms", "TEXT"), ("conditions", "TEXT")],
        (ForeignKey(("customer_id",), "customer"),), primary="id",
    )
    terms = replace(invoice.columns[2], comment="Terms & Conditions")
    invoice = replace(invoice, columns=(*invoice.columns[:2], terms, invoice.columns[3]))
    got = classify_tables([customers, invoice])
    assert got["invoice.terms"].category != "user.health"
    for label in ("Payment terms and conditions", "Condiciones de pago", "Condizioni generali di vendita"):
        assert classify_field("payment_terms", label, "textarea").category != "user.health", label
    # a person's medical conditions stay health data
    assert classify_field("conditions", "Medical conditions", "textarea").category == "user.health"


def test_a_standard_cited_in_a_comment_is_no_tax_id() -> None:
    """first-use review R27 D6: "Whitespace-separated list of RFC-5322 Message-IDs" was read as
    Mexico's RFC, a national tax id; a comment that names the RFC itself still is one."""
    users = _table("users", [("id", "INT"), ("first_name", "TEXT"), ("email", "TEXT")], primary="id")
    messages = _table(
        "email_message", [("id", "INT"), ("user_id", "INT"), ("references", "TEXT"), ("rfc_emisor", "TEXT")],
        (ForeignKey(("user_id",), "users"),), primary="id",
    )
    refs = replace(messages.columns[2], comment="Whitespace-separated list of RFC-5322 Message-IDs")
    messages = replace(messages, columns=(*messages.columns[:2], refs, messages.columns[3]))
    got = classify_tables([users, messages])
    assert not (got["email_message.references"].category or "").startswith("user.government_id")
    clients = _table("clientes", [("id", "INT"), ("nombre", "TEXT"), ("clave", "VARCHAR(13)")], primary="id")
    clave = replace(clients.columns[2], comment="RFC del cliente (13 caracteres)")
    clients = replace(clients, columns=(*clients.columns[:2], clave))
    assert classify_tables([clients])["clientes.clave"].category.startswith("user.government_id")
    # a length is no standard's number (codereview25 F5)
    clave = replace(clients.columns[2], comment="RFC 13 caracteres")
    clients = replace(clients, columns=(*clients.columns[:2], clave))
    assert classify_tables([clients])["clientes.clave"].category.startswith("user.government_id")
    # the bodies' names are read in comments only, never cut out of a glued name (`censito`,
    # censused, is no `cen` + `sito`, a website)
    pupils = _table("tbl_alunni", [("idalunno", "INT"), ("cognome", "TEXT"), ("censito", "VARCHAR(5)")])
    assert classify_tables([pupils])["tbl_alunni.censito"].category != "user.contact.social_url"


def test_a_table_of_bank_accounts_is_no_banks() -> None:
    """first-use review R27 D10: `bank_accounts` was "about organisations" (a bank), so the
    IBANs of employees' accounts were dropped, where `comptes_bancaires` kept them."""
    employees = _table("employees", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")], primary="id")
    accounts = _table(
        "bank_accounts", [("id", "INT"), ("employee_id", "INT"), ("bank", "TEXT"), ("iban", "TEXT")],
        (ForeignKey(("employee_id",), "employees"),), primary="id",
    )
    got = classify_tables([employees, accounts])
    assert got["bank_accounts.iban"].category == "user.financial.bank_account"
    french = _table("comptes_bancaires", [("id", "INT"), ("banque", "TEXT"), ("iban", "TEXT")], primary="id")
    english = _table("bank_accounts", [("id", "INT"), ("bank", "TEXT"), ("iban", "TEXT")], primary="id")
    assert (
        classify_tables([french])["comptes_bancaires.iban"].personal
        == classify_tables([english])["bank_accounts.iban"].personal
    )
    # a bank itself is still an organisation: its phone is the bank's
    banks = _table("banks", [("id", "INT"), ("name", "TEXT"), ("phone", "TEXT")], primary="id")
    assert not classify_tables([banks])["banks.phone"].personal


def test_last_changed_by_in_other_languages_names_who_changed_the_row() -> None:
    """`ZuletztGeaendertVon varchar(80)` holds the login of who last changed the row, as
    `last_modified_by` does; its date (`ZuletztGeaendertAm`) is the record's own."""
    receipts = _table(
        "Beleg",
        [("ID", "INT"), ("Betrag", "DECIMAL(18,2)"), ("ZuletztGeaendertAm", "DATETIME"),
         ("ZuletztGeaendertVon", "VARCHAR(80)"), ("ultima_modifica_da", "VARCHAR(50)")],
        primary="ID",
    )
    got = classify_tables([receipts])
    assert got["Beleg.ZuletztGeaendertVon"].category == "user.account.username"
    assert got["Beleg.ultima_modifica_da"].category == "user.account.username"
    assert not got["Beleg.ZuletztGeaendertAm"].personal


def test_a_plural_kept_whole_by_the_tokenizer_is_still_its_terms() -> None:
    """`emails` is a word of the vocabulary's table lists, so the tokenizer keeps it whole
    (where `phones` is cut to `phone`): `userEmails TEXT[]` is e-mail addresses all the same,
    as the vocabulary lists the plural. A plural listed as a technical word (`tokens`) stays
    one, and a plural is not read as its singular's term by rule (codereview25 F1: Portuguese
    `tratamentos`, treatments, is no `tratamento`, a form of address)."""
    users = _table("users", [("id", "INT"), ("first_name", "TEXT")], primary="id")
    notices = _table(
        "notices",
        [("id", "INT"), ("user_id", "INT"), ("userEmails", "TEXT[]"), ("inputTokens", "INTEGER")],
        (ForeignKey(("user_id",), "users"),), primary="id",
    )
    got = classify_tables([users, notices])
    assert got["notices.userEmails"].category == "user.contact.email"
    assert not got["notices.inputTokens"].personal
    patients = _table("pacientes", [("id", "INT"), ("nome", "TEXT"), ("tratamentos", "TEXT")], primary="id")
    assert classify_tables([patients])["pacientes.tratamentos"].category != "user.name"


def test_procedures_and_traitements_are_health_records_only_in_a_schema_about_care() -> None:
    """review28 D1: a government forms platform's `procedures` (administrative procedures) and
    `traitements` (the processing of a file) were filed as GDPR Art. 9 health records. In a
    schema with patients, `procedures` are medical ones still."""
    admins = _table("admins", [("id", "INT"), ("email", "TEXT"), ("encrypted_password", "TEXT")], primary="id")
    procedures = _table(
        "procedures", [("id", "INT"), ("libelle", "TEXT"), ("admin_id", "INT")],
        (ForeignKey(("admin_id",), "admins"),), primary="id",
    )
    users = _table("users", [("id", "INT"), ("email", "TEXT")], primary="id")
    dossiers = _table("dossiers", [("id", "INT"), ("user_id", "INT")], (ForeignKey(("user_id",), "users"),), primary="id")
    traitements = _table(
        "traitements", [("id", "INT"), ("dossier_id", "INT"), ("motivation", "TEXT")],
        (ForeignKey(("dossier_id",), "dossiers"),), primary="id",
    )
    got = classify_tables([admins, procedures, users, dossiers, traitements])
    for key in ("procedures.libelle", "traitements.motivation"):
        assert not (got[key].category or "").startswith("user.health"), key
    patients = _table("patients", [("id", "INT"), ("first_name", "TEXT"), ("last_name", "TEXT")], primary="id")
    medical = _table(
        "procedures", [("id", "INT"), ("patient_id", "INT"), ("code", "TEXT"), ("performed_on", "DATE")],
        (ForeignKey(("patient_id",), "patients"),), primary="id",
    )
    got = classify_tables([patients, medical])
    assert (got["procedures.performed_on"].category or "").startswith("user.health")


def test_a_time_word_before_a_strong_term_says_whose_it_is() -> None:
    """review28 D3: `deleted_user_email` (the address of a deleted user) was "a date or time
    ('deleted')". A time word before the datum qualifies it; after it (`email_sent_at`) the
    column is the time."""
    users = _table(
        "users",
        [("id", "INT"), ("email", "TEXT"), ("deleted_user_email", "TEXT"), ("email_sent_at", "VARCHAR(30)"),
         ("created_ip", "VARCHAR(45)")],
        primary="id",
    )
    got = classify_tables([users])
    assert got["users.deleted_user_email"].category == "user.contact.email"
    assert got["users.created_ip"].category == "user.device.ip_address"
    assert not got["users.email_sent_at"].personal
    # a time noun is no word of a record's life: `date_password` stays a date (codereview25b F1)
    logins = _table("logins", [("id", "INT"), ("date_password", "VARCHAR(19)"), ("date_phone", "INT")], primary="id")
    got = classify_tables([users, logins])
    assert got["logins.date_password"].category != "user.authorization.password"
    assert got["logins.date_phone"].category != "user.contact.phone_number"


def test_a_first_name_in_a_business_register_is_a_sole_traders() -> None:
    """review28 D4: `etablissements.entreprise_prenom` holds the first name of a sole trader
    (entrepreneur individuel); only a natural person has a first name, so it is personal
    (low confidence, to check), though the table is about businesses."""
    businesses = _table(
        "etablissements",
        [("id", "INT"), ("siret", "TEXT"), ("entreprise_prenom", "TEXT"), ("raison_sociale", "TEXT")],
        primary="id",
    )
    got = classify_tables([businesses])
    assert got["etablissements.entreprise_prenom"].category == "user.name.first"
    assert not got["etablissements.siret"].personal


def test_a_referentiel_is_reference_data_not_a_referent() -> None:
    """review28 D6: French `referentiels` (repositories of reference data) was read as
    `referent` + `iels`, rows about a person who refers."""
    users = _table("usagers", [("id", "INT"), ("nom", "TEXT"), ("prenom", "TEXT"), ("email", "TEXT")], primary="id")
    lists = _table("referentiels", [("id", "INT"), ("name", "TEXT"), ("url", "TEXT"), ("digest", "TEXT")], primary="id")
    got = classify_tables([users, lists])
    for column in ("name", "url", "digest"):
        assert not got[f"referentiels.{column}"].personal, column
