"""The personal-data classifier: per-language cases and the labelled corpus sample."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from cnsnt.classify import classify_column, classify_field, lexicon
from cnsnt.model import Confidence
from cnsnt.policy.taxonomy import load_taxonomy

LABELS = Path(__file__).resolve().parent.parent / "data" / "classifier_labels.csv"

# (table, column, type, comment, expected category or None for "not personal")
POSITIVE = [
    # en
    ("users", "email", "VARCHAR(255)", None, "user.contact.email"),
    ("gibbonPerson", "dob", "DATE", None, "user.demographic.date_of_birth"),
    ("gibbonPerson", "phone1", "VARCHAR(20)", None, "user.contact.phone_number"),
    ("gibbonPerson", "lastIPAddress", "VARCHAR(15)", None, "user.device.ip_address"),
    # a password's salt, in the person's row, belongs to their credentials
    ("gibbonPerson", "passwordStrongSalt", "VARCHAR(255)", None, "user.authorization.password"),
    ("gibbonPerson", "firstName", "VARCHAR(60)", None, "user.name.first"),
    ("customer", "name", "TEXT", None, "user.name"),
    ("user_ips", "ip", "TEXT", None, "user.device.ip_address"),
    ("sessions", "client", "inet", None, "user.device.ip_address"),
    ("patients", "gender", "CHAR(1)", None, "user.demographic.gender"),
    ("members", "gender", "BOOLEAN", None, "user.demographic.gender"),
    ("users", "password_hash", "TEXT", None, "user.authorization.password"),
    ("accounts", "ssn", "CHAR(11)", None, "user.government_id.national_identification_number"),
    ("customers", "iban", "VARCHAR(34)", None, "user.financial.bank_account"),
    ("profiles", "avatar_url", "TEXT", None, "user.content.self_image"),
    ("prescriptions", "route", "VARCHAR(50)", None, "user.health"),
    ("orders", "customer_email", "TEXT", None, "user.contact.email"),
    ("orders", "contact_name", "TEXT", None, "user.name"),
    ("users", "latitude", "DOUBLE", None, "user.location.precise"),
    # it
    ("an_anagrafiche", "data_nascita", "DATE", None, "user.demographic.date_of_birth"),
    (
        "an_anagrafiche",
        "codice_fiscale",
        "VARCHAR(16)",
        None,
        "user.government_id.national_identification_number",
    ),
    ("an_anagrafiche", "piva", "VARCHAR(15)", None, "user.government_id"),
    ("an_anagrafiche", "cognome", "VARCHAR(60)", None, "user.name.last"),
    ("an_anagrafiche", "luogo_nascita", "VARCHAR(255)", None, "user.demographic"),
    ("an_anagrafiche", "cellulare", "VARCHAR(50)", None, "user.contact.phone_number"),
    ("utenti", "nome", "VARCHAR(50)", None, "user.name"),
    ("an_anagrafiche", "codiceiban", "VARCHAR(40)", None, "user.financial.bank_account"),
    # pt
    ("fisica", "cpf", "DECIMAL(11, 0)", None, "user.government_id.national_identification_number"),
    ("fisica", "data_nasc", "DATE", None, "user.demographic.date_of_birth"),
    ("fisica", "nome_mae", "VARCHAR(150)", None, "user.name"),
    ("fisica", "nis_pis_pasep", "DECIMAL(11, 0)", None, "user.government_id.national_identification_number"),
    ("fisica", "sexo", "CHAR(1)", None, "user.demographic.gender"),
    ("fisica", "ref_cod_religiao", "INT", None, "user.demographic.religious_belief"),
    ("pessoa", "email", "VARCHAR(100)", None, "user.contact.email"),
    # es
    ("sgd_ciu_ciudadano", "sgd_ciu_nombre", "VARCHAR(150)", None, "user.name"),
    ("sgd_ciu_ciudadano", "sgd_ciu_apell1", "VARCHAR(50)", None, "user.name.last"),
    (
        "sgd_ciu_ciudadano",
        "sgd_ciu_cedula",
        "VARCHAR(13)",
        None,
        "user.government_id.national_identification_number",
    ),
    ("sgd_ciu_ciudadano", "fecha_nacimiento", "DATE", None, "user.demographic.date_of_birth"),
    ("usuario", "usua_pasw", "VARCHAR(35)", None, "user.authorization.password"),
    ("clientes", "nif", "VARCHAR(9)", None, "user.government_id.national_identification_number"),
    # fr
    ("eleves", "prenom", "VARCHAR(100)", None, "user.name.first"),
    ("eleves", "naissance", "DATE", None, "user.demographic.date_of_birth"),
    ("eleves", "tel_port", "VARCHAR(255)", None, "user.contact.phone_number"),
    ("resp_pers", "mel", "VARCHAR(100)", None, "user.contact.email"),
    ("resp_adr", "cp", "VARCHAR(6)", None, "user.contact.address.postal_code"),
    ("eleves", "lieu_naissance", "VARCHAR(50)", None, "user.demographic"),
    # de
    ("fs_foodsaver", "geb_datum", "DATE", None, "user.demographic.date_of_birth"),
    ("fs_foodsaver", "nachname", "VARCHAR(120)", None, "user.name.last"),
    ("fs_foodsaver", "handy", "VARCHAR(50)", None, "user.contact.phone_number"),
    ("fs_foodsaver", "plz", "VARCHAR(5)", None, "user.contact.address.postal_code"),
    ("fs_foodsaver", "geschlecht", "TINYINT(3) UNSIGNED", None, "user.demographic.gender"),
    ("kunden", "anschrift", "VARCHAR(120)", None, "user.contact.address"),
    # hu
    ("diak", "tajSzam", "INT(9) UNSIGNED", None, "user.health.insurance_beneficiary_id"),
    ("diak", "szuletesiIdo", "DATE", None, "user.demographic.date_of_birth"),
    ("diak", "szuletesiHely", "VARCHAR(32)", None, "user.demographic"),
    (
        "diak",
        "adoazonosito",
        "BIGINT(10) UNSIGNED",
        None,
        "user.government_id.national_identification_number",
    ),
    (
        "diak",
        "szemelyiIgazolvanySzam",
        "VARCHAR(16)",
        None,
        "user.government_id.national_identification_number",
    ),
    ("diak", "lakhelyIrsz", "VARCHAR(8)", None, "user.contact.address.postal_code"),
    ("szulo", "csaladinev", "VARCHAR(64)", None, "user.name.last"),
    ("diak", "fogyatekossag", "SET('tartósan beteg')", None, "user.health"),
    # ru (comments), tr, ca
    ("{#}users", "nickname", "VARCHAR(100)", "Имя", "user.name"),  # a nickname is a name (review27 D11)
    ("{#}users", "fld1", "VARCHAR(100)", "Дата рождения", "user.demographic.date_of_birth"),
    ("{#}users", "fld2", "VARCHAR(100)", "Номер телефона", "user.contact.phone_number"),
    ("{#}users", "fld3", "VARCHAR(255)", "Хеш пароля", "user.authorization.password"),
    ("kullanicilar", "dogum_tarihi", "DATE", None, "user.demographic.date_of_birth"),
    ("kullanicilar", "tc_kimlik_no", "CHAR(11)", None, "user.government_id.national_identification_number"),
    ("kullanicilar", "cep_telefonu", "VARCHAR(20)", None, "user.contact.phone_number"),
    ("usuaris", "cognom", "VARCHAR(60)", None, "user.name.last"),
    ("usuaris", "data_naixement", "DATE", None, "user.demographic.date_of_birth"),
    ("usuaris", "correu_electronic", "VARCHAR(60)", None, "user.contact.email"),
]

NEGATIVE = [
    ("users", "id", "INT", None),
    ("orders", "user_id", "INT", None),
    ("admissions", "subject_id", "INT", None),
    ("users", "created_at", "TIMESTAMP", None),
    ("users", "login_count", "INT", None),
    ("users", "is_admin", "BOOLEAN", None),
    ("users", "status", "VARCHAR(20)", None),
    ("product", "name", "VARCHAR(100)", None),
    ("category", "name", "VARCHAR(100)", None),
    ("tag", "name", "VARCHAR(50)", None),
    ("file", "name", "VARCHAR(255)", None),
    ("country", "name", "VARCHAR(80)", None),
    ("language", "name", "VARCHAR(80)", None),
    ("articles", "title", "VARCHAR(200)", None),
    ("articles", "description", "TEXT", None),
    ("resources", "url", "TEXT", None),
    ("editor", "email_confirm_date", "TIMESTAMPTZ", None),
    ("gibbonPerson", "phone1Type", "ENUM('', 'Mobile', 'Home')", None),
    ("gibbonPerson", "viewCalendarSchool", "ENUM('Y', 'N')", None),
    ("fs_foodsaver", "photo_public", "TINYINT(4)", None),
    ("utilisateurs", "show_email", "VARCHAR(3)", None),
    ("access_tokens", "token", "TEXT", None),
    ("an_zone", "nome", "VARCHAR(255)", None),
    ("fisica", "data_cad", "TIMESTAMP", None),
    ("fisica", "idpes_mae", "DECIMAL(8, 0)", None),
    ("sgd_ciu_ciudadano", "id_users_pqrs", "INT", None),
    ("s_sanctions_check", "login", "VARCHAR(50)", None),
    ("fs_plz", "plz", "VARCHAR(5)", None),
    ("religiao", "nm_religiao", "VARCHAR(255)", None),
    ("diak", "diakId", "INT(10) UNSIGNED", None),
    ("{#}uploaded_files", "name", "VARCHAR(100)", "Имя файла"),
    ("{#}users_contacts", "contact_id", "INT(11) UNSIGNED", "ID контакта (другого пользователя)"),
    ("d_labitems", "itemid", "INT", None),
    ("labevents", "charttime", "TIMESTAMP", None),
    ("prescriptions", "dose_unit_rx", "VARCHAR(50)", None),
]


@pytest.mark.parametrize(("table", "name", "type_", "comment", "category"), POSITIVE)
def test_personal(table: str, name: str, type_: str, comment: str | None, category: str) -> None:
    c = classify_column(table, name, type_, comment)
    assert c.personal, c.reason
    assert c.category == category, c.reason
    assert c.reason


@pytest.mark.parametrize(("table", "name", "type_", "comment"), NEGATIVE)
def test_not_personal(table: str, name: str, type_: str, comment: str | None) -> None:
    c = classify_column(table, name, type_, comment)
    assert not c.personal, c.reason
    assert c.category is None


def test_reason_names_the_word_and_language() -> None:
    c = classify_column("an_anagrafiche", "data_nascita", "DATE")
    assert c.reason == "name 'data_nascita' means a date of birth (it)"
    assert c.confidence is Confidence.HIGH
    weak = classify_column("users", "name", "TEXT")
    assert weak.confidence is Confidence.MEDIUM
    assert "person table" in weak.reason
    assert "identifier" in classify_column("orders", "customer_id", "INT").reason


def test_schema_qualified_and_placeholder_tables() -> None:
    assert classify_column("mimiciv_hosp.patients", "anchor_age", "SMALLINT").personal
    assert classify_column("{#}users", "name", "VARCHAR(50)").personal


def test_every_category_is_a_taxonomy_key() -> None:
    taxonomy = load_taxonomy()
    categories = {lexicon.CATEGORY_KEYS.get(c, c).split("#")[0] for c, *_ in lexicon.TERMS.values()}
    categories |= {"user.health", "user.content.private", "user.content.public"}
    unknown = sorted(c for c in categories if not taxonomy.is_category(c))
    assert unknown == []


def test_special_categories_come_out_special() -> None:
    taxonomy = load_taxonomy()
    for table, name in [("patients", "diagnosis"), ("fisica", "religiao"), ("users", "ethnicity")]:
        c = classify_column(table, name, "TEXT")
        assert c.category is not None and taxonomy.is_special(c.category), c


def test_deterministic_and_cached() -> None:
    a = classify_column("diak", "tajSzam", "INT")
    b = classify_column("diak", "tajSzam", "INT")
    assert a is b


def test_form_fields_are_always_personal() -> None:
    assert classify_field("email").category == "user.contact.email"
    assert classify_field("q", label="Data di nascita").category == ("user.demographic.date_of_birth")
    assert classify_field("contact", control="tel").category == "user.contact.phone_number"
    search = classify_field("q", label="Search", control="search")
    assert search.personal and search.category is None
    assert classify_field("geb_datum").category == "user.demographic.date_of_birth"


def test_form_field_reason_names_the_forms_language() -> None:
    """A term listed by several languages is read, and named, in the forms' own."""
    dutch = classify_field("x", label="E-mail adres", written=("nl",))
    assert dutch.category == "user.contact.email"
    assert dutch.reason.endswith("(nl)"), dutch.reason
    # `firma` is a workplace in Polish, a signature in Italian: the forms' language decides.
    polish = classify_field("firma", written=("pl",))
    italian = classify_field("firma", written=("it",))
    assert polish.category == "user.professional_information.workplace", polish
    assert italian.category != polish.category


# --- the labelled sample of real schemas --------------------------------------------


def _rows() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _scores(rows: list[dict[str, str]]) -> dict[str, tuple[float, float, int]]:
    """Precision, recall and the number of positives, overall ("all") and per language."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        got = classify_column(
            row["table"], row["column"], row["type"] or None, row["comment"] or None
        ).personal
        want = row["personal"] == "1"
        for key in ("all", row["lang"]):
            c = counts[key]
            c[0] += got and want
            c[1] += got and not want
            c[2] += want and not got
    out = {}
    for key, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[key] = (precision, recall, tp + fn)
    return out


def test_labelled_sample_is_big_and_balanced() -> None:
    rows = _rows()
    assert len(rows) >= 400
    langs = {r["lang"] for r in rows}
    assert {"en", "it", "pt", "es", "fr", "de", "hu", "ru"} <= langs
    assert sum(r["personal"] == "1" for r in rows) < len(rows) / 2  # plenty of negatives
    assert {r["split"] for r in rows} == {"tune", "heldout"}


def test_precision_and_recall_on_labelled_sample() -> None:
    # This older sample was labelled before /work/labelled/RULE.md: it calls login
    # tokens, a person's notes and last-login times not personal, which the rule (and
    # the classifier) now count; precision is bounded at 0.80 for that reason.
    scores = _scores(_rows())
    report = "\n".join(
        f"{k}: precision {p:.3f} recall {r:.3f} ({n} personal)" for k, (p, r, n) in sorted(scores.items())
    )
    for key, (precision, recall, _) in scores.items():
        assert precision >= 0.80, f"{key}\n{report}"
        assert recall >= 0.85, f"{key}\n{report}"


def test_held_out_half_is_not_much_worse() -> None:
    rows = _rows()
    tune = _scores([r for r in rows if r["split"] == "tune"])["all"]
    held = _scores([r for r in rows if r["split"] == "heldout"])["all"]
    assert held[0] >= 0.90 and held[1] >= 0.80, (tune, held)


def test_an_id_word_does_not_make_a_government_id_or_a_secret_technical() -> None:
    """`numero_de_identificacao_fiscal` is a tax number; `two_factor_secret_key` a credential."""
    from cnsnt.classify import classify_column

    assert classify_column("utentes", "numero_de_identificacao_fiscal", "BIGINT").category == (
        "user.government_id.national_identification_number"
    )
    assert classify_column("users", "two_factor_secret_key", "VARCHAR(32)").category == (
        "user.authorization.credentials"
    )
    assert not classify_column("users", "order_id", "INT").personal


def test_a_form_field_is_read_in_the_forms_own_languages() -> None:
    """`alert_dept_manager` in an English form is a department, not a French département."""
    assert classify_field("alert_dept_manager").category == "user.contact.address.state"  # unknown languages
    english = classify_field("alert_dept_manager", written=("en",))
    assert english.category is None and english.personal
    # English names always count, whatever the labels' language
    assert classify_field("email", label="Adresse", written=("fr",)).category == "user.contact.email"


def test_a_name_in_a_form_about_a_thing_is_the_things_name() -> None:
    """`department.name` names a department; `register.name` names the person registering."""
    thing = classify_field("name", form="department")
    assert thing.personal and thing.category is None
    assert "department" in thing.reason
    assert classify_field("name", form="register").category == "user.name"
    assert classify_field("email", form="department").category == "user.contact.email"  # strong terms stay


def test_a_region_word_in_a_form_without_an_address_is_no_region() -> None:
    """`incidencia.estado` is the ticket's state; beside a street it is a region."""
    alone = classify_field("departamento", form="pedido", address=False)
    assert alone.personal and alone.category is None
    assert classify_field("estado", form="matricula").category == "user.contact.address.state"
    assert classify_field("provincia", form="pedido", address=False).category == "user.contact.address.state"


def test_a_weak_term_in_a_form_about_a_thing_is_the_things() -> None:
    """`template.height` (a layout's) is no one's height; in a sign-up form it is the person's.

    (It was `condition`, which review31 took out of the health words: alone it is no
    medical condition anywhere.)"""
    assert classify_field("height", form="template").category is None
    assert classify_field("height", form="signup").category is not None
    assert classify_field("condition", form="signup").category is None


def test_a_form_field_term_of_several_languages_is_read_in_each_of_them() -> None:
    """`nif` is Catalan, Spanish and Portuguese; `telefono` Spanish and Italian."""
    assert (
        classify_field("nif", written=("es",)).category == "user.government_id.national_identification_number"
    )
    assert (
        classify_field("nif", written=("ca",)).category == "user.government_id.national_identification_number"
    )
    assert classify_field("telefono", written=("es",)).category == "user.contact.phone_number"
    assert classify_field("telefon", written=("pl",)).category == "user.contact.phone_number"
    assert classify_field("cognom", written=("es",)).category is None  # Catalan only


def test_a_form_named_a_form_or_a_page_is_not_about_a_thing() -> None:
    """`registration_form`, `signup-page`: `form` and `page` name the form, not its subject."""
    assert classify_field("name", form="registration_form").category == "user.name"
    assert classify_field("name", form="signup-page").category == "user.name"
    assert classify_field("name", form="comment-form").category == "user.name"
    assert classify_field("name", form="template_form").category is None  # a form about templates


def test_rank_languages_keeps_a_language_only_with_its_share_of_the_first_ones_words() -> None:
    """Three French words among twenty English ones are loans in a form, a language in a schema."""
    from cnsnt.classify import rank_languages

    english = [
        "first_name", "last_name", "email", "phone", "address", "city", "country", "birth_date",
        "password", "username", "company", "department", "salary", "street", "gender", "mobile",
        "postcode", "title", "nickname", "avatar",
    ]  # fmt: skip
    french = ["nom", "prenom", "ville"]
    assert rank_languages(english + french) == ("en", "fr")
    assert rank_languages(english + french, share=0.25) == ("en",)
    assert rank_languages(french * 3 + ["adresse", "telephone"], share=0.25)[0] == "fr"
    assert rank_languages([], share=0.25) == ()


def test_a_form_a_person_fills_in_about_themselves_is_not_about_the_thing_it_names() -> None:
    """`club-registration`, `team-invite`, `room-booking`: the `name` is the person's."""
    for form in ("club-registration", "team-invite", "room-booking", "product-review", "company-signup"):
        assert classify_field("name", form=form).category == "user.name", form
    assert classify_field("name", form="department-edit").category is None


def test_rank_languages_does_not_depend_on_the_order_of_the_names() -> None:
    """Shared votes (1/3, 1/2) summed as floats put a language on the threshold in one order only."""
    from cnsnt.classify import rank_languages

    names = [
        "votants", "telefon", "casa", "adresse", "abonent", "idioma", "ano", "medica", "password",
        "privat", "artistes", "profesor", "titular", "titulo", "version", "swift", "image",
    ]  # fmt: skip
    first = rank_languages(names)
    for turn in range(len(names)):
        rotated = names[turn:] + names[:turn]
        assert rank_languages(rotated) == first
        assert rank_languages(rotated[::-1]) == first


def test_turkish_and_hungarian_words_that_also_name_a_thing_need_a_person() -> None:
    """`ucret` is a wage and a service fee, `szamlaszam` an account and an invoice number:
    personal in a row about a person, not in a table of products or invoices."""
    for table, column in (("urunler", "ucret"), ("faturalar", "hesap_no"), ("szamlak", "szamlaszam")):
        assert not classify_column(table, column, "varchar(40)").personal, (table, column)
    for table, column in (("calisanlar", "ucret"), ("musteriler", "hesap_no"), ("ugyfelek", "szamlaszam")):
        assert classify_column(table, column, "varchar(40)").personal, (table, column)


def test_turkish_and_hungarian_record_switches_are_technical() -> None:
    """`onayli`, `silinmis`, `ellenorzott`, `torolt`: the row's own state, not a fact about its person."""
    for column in ("onayli", "silinmis", "ellenorzott", "torolt"):
        verdict = classify_column("kullanicilar", column, "tinyint(1)")
        assert not verdict.personal, column
        assert "flag" in verdict.reason, column
    # a person's phrase around a technical word is still read: disability type, emergency contact
    assert classify_column("personel", "engel_turu", "varchar(50)").category == "user.health"
    assert classify_column("personel", "acil_durum_kisi_adi", "varchar(50)").personal


def test_a_records_own_switch_in_spanish_or_catalan_is_no_fact_about_its_person() -> None:
    """`bloqueado`, `leido`, `actiu`: the account's or the row's on/off state, as `blocked` and `read`."""
    for table, name in (("usuarios", "bloqueado"), ("usuarios", "verificado"), ("persones", "actiu"),
                        ("usuaris", "llegit"), ("usuaris", "bloquejat")):  # fmt: skip
        c = classify_column(table, name, "TINYINT(1)")
        assert not c.personal, (name, c.reason)
        assert "flag" in c.reason
    # a yes/no that is a fact about the person stays theirs
    assert classify_column("usuarios", "discapacitado", "TINYINT(1)").category == "user.health"


def test_spanish_and_catalan_people_and_the_words_naming_them_in_a_column() -> None:
    """Civil servants, interested parties, senders name people; `nom_remitent` is a person's name."""
    for table in ("funcionarios", "interesados", "representantes", "remitents", "interessades"):
        assert classify_column(table, "direccion", "VARCHAR(100)").personal, table
    assert classify_column("peticions", "nom_remitent", "VARCHAR(100)").category == "user.name"
    assert classify_column("envios", "nombre_destinatario", "VARCHAR(100)").category == "user.name"
    assert classify_column("envios", "nombre", "VARCHAR(100)").category is None  # whose name?


def test_a_word_that_also_names_a_thing_is_personal_only_in_a_persons_row() -> None:
    """`code_insee` is a town's code, `parola_chiave` a search keyword, `syndicat` a co-owners'
    association, `matricola` a meter's serial number: weak terms, a person's only in their row."""
    cases = [
        ("communes", "code_insee", "salaries", "insee", "user.government_id.national_identification_number"),
        ("tags", "parola_chiave", "utenti", "parola_chiave", "user.authorization.password"),
        ("noticias", "palavra_chave", "usuarios", "palavra_chave", "user.authorization.password"),
        ("immeubles", "syndicat", "employes", "syndicat", "user.demographic.union_membership"),
        ("contatori", "matricola", "dipendenti", "matricola", "user.unique_id"),
        ("fornitori", "partita_iva", "clienti", "partita_iva", "user.government_id"),
    ]
    for thing, column, people, own, category in cases:
        assert classify_column(thing, column).category is None, (thing, column)
        assert classify_column(people, own).category == category, (people, own)


def test_a_generic_word_is_no_health_or_recording_term_without_its_phrase() -> None:
    """`chronique` and `cronica` are also a chronicle, `enregistrement` any record."""
    assert classify_column("articles", "chronique").category is None
    assert classify_column("noticias", "cronica").category is None
    assert classify_column("documents", "numero_enregistrement").category is None
    assert classify_column("patients", "maladie_chronique").category == "user.health"
    assert classify_column("pacientes", "doenca_cronica").category == "user.health"
    assert classify_column("appels", "enregistrement_appel").category == "user.content.private"


def test_an_hourly_or_daily_wage_is_financial_though_it_names_an_hour() -> None:
    """`salarioporhora`: the phrase keeps `hora` from reading as a time of the row."""
    assert classify_column("funcionarios", "salarioporhora", "double").category == "user.financial"
    assert classify_column("funcionarios", "salario_diario", "numeric").category == "user.financial"
    assert classify_column("dipendenti", "retribuzione_oraria", "numeric").category == "user.financial"


def test_european_portuguese_users_are_people() -> None:
    """`utilizador` is the pt-PT `usuario`: a login in a column, people in a table's name."""
    assert classify_column("utilizadores", "nome_utilizador").category == "user.account.username"
    assert classify_column("utilizadores", "morada").category == "user.contact.address"
    assert classify_column("utilizadores", "cidade").category == "user.contact.address.city"


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        # a whole word that another list knows (`pochta`, `karty`, `strana`, `pasporta`) must
        # still meet the Russian phrase its stem belongs to
        ("сотрудники", "электронная_почта", "user.contact.email"),
        ("sotrudniki", "elektronnaya_pochta", "user.contact.email"),
        ("клиенты", "номер_карты", "user.financial.credit_card"),
        ("sotrudniki", "seriya_pasporta", "user.government_id.passport_number"),
        ("sotrudniki", "nomer_pasporta", "user.government_id.passport_number"),
        ("сотрудники", "страна_рождения", "user.demographic#place_of_birth"),
        ("сотрудники", "места_работы", "user.professional_information.workplace"),
        ("пациенты", "аллергия", "user.health"),
        ("sotrudniki", "data_rojdeniya", "user.demographic.date_of_birth"),
    ],
)
def test_russian_inflected_forms_meet_their_phrase(table: str, column: str, expected: str) -> None:
    """Russian words are stems; a full form listed elsewhere must not hide the phrase."""
    result = classify_column(table, column, "date" if "rojd" in column else "varchar(100)")
    assert result.personal
    assert result.category == lexicon.CATEGORY_KEYS.get(expected, expected)


def test_russian_oms_register_names() -> None:
    """The federal OMS fund's register formats name a patient `FAM`, `NPOLIS`, `DOCSER`.

    Russian medical software copies them into its tables (`fam_reestr`, `spolis_ree`): a
    mixed register of people and insurers (`smo_ogrn`) still shows its people.
    """
    assert classify_column("updatepersdata", "fam_reestr", "varchar(24)").category == "user.name.last"
    assert classify_column("updatepersdata", "npolis", "varchar(18)").category.startswith("user.health")
    assert classify_column("updatepersdata", "spolis_ree", "varchar(18)").category.startswith("user.health")
    assert classify_column("updatepersdata", "docser", "varchar(19)").category.startswith("user.government_id")
    assert classify_column("updatepersdata", "docnum", "varchar(19)").category.startswith("user.government_id")


@pytest.mark.parametrize("column", ["employment_status", "calisma_durumu", "IS_DURUMU"])
def test_whether_a_person_works_is_theirs_not_a_record_state(column: str) -> None:
    """`employment_status` is employed, retired or jobless: no status of the row."""
    result = classify_column("uyeler", column, "text")
    assert result.category == "user.professional_information"


@pytest.mark.parametrize("column", ["tipo_documento_identificacao", "pasaport_turu", "titular_tipus_doc"])
def test_the_kind_of_a_persons_identity_document_is_theirs(column: str) -> None:
    """A passport's or an identity card's kind in a person's row: a type word does not make it technical."""
    assert classify_column("pessoas", column, "varchar(16)").personal


def test_polish_nazwa_names_a_thing_not_a_person() -> None:
    """`nazwa` is the name of a thing in Polish; a person's is `imie` and `nazwisko`."""
    assert classify_column("wystep_medialny", "nazwa_programu", "varchar(255)").category != "user.name"
    assert classify_column("pracownicy", "imie", "varchar(50)").category == "user.name.first"


def test_russian_tel_is_a_phone_but_telo_is_a_body() -> None:
    """`тел` abbreviates a phone; as a stem it took `тело` (a message body) for one."""
    assert classify_column("сотрудники", "моб_тел", "varchar(20)").category == "user.contact.phone_number"
    assert classify_column("сотрудники", "тел", "varchar(20)").category == "user.contact.phone_number"
    assert classify_column("сообщения", "тело_письма", "text").category != "user.contact.phone_number"


def test_russian_stems_do_not_take_longer_words_of_another_meaning() -> None:
    """`авторизация` is no `автор`, `доходность` (a yield) no income, `мобильный` alone no phone."""
    assert classify_column("пользователи", "авторизация", "varchar(50)").category is None
    assert classify_column("пользователи", "дата_авторизации", "date").category == "user.behavior"
    assert not classify_column("вклады", "доходность", "numeric(5,2)").personal
    assert not classify_column("товары", "мобильный", "varchar(20)").personal
    assert classify_column("клиенты", "мобильный", "varchar(20)").category == "user.contact.phone_number"


def test_special_category_false_friends_stay_ordinary() -> None:
    """Words that also mean something ordinary: a complaint, a lot number, data processing,
    a DNS server, a bank statement, the ICD list's own code column, a Spanish frog."""
    assert not classify_column("musteriler", "sikayet", "text").personal
    assert not classify_column("urunler", "parti_no", "varchar(20)").personal
    assert classify_column("felhasznalok", "adatkezeles", "varchar(20)").category != "user.health"
    assert not classify_column("szerverek", "dns_szerver", "varchar(50)").personal
    assert not classify_column("счета", "выписка", "varchar(50)").personal
    assert not classify_column("мкб10", "код_мкб", "varchar(8)").personal
    assert classify_column("personas", "ranas", "varchar(20)").category != "user.health"
    # in a person's row the weak ones are theirs
    assert classify_column("пациенты", "код_мкб", "varchar(8)").category == "user.health"
    assert classify_column("osoby", "wypis", "varchar(50)").category == "user.health"


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        # GDPR Art. 9 concepts in Dutch, German, English and French, not only the tune half's words
        ("clienten", "angststoornis", "user.health"),
        ("bewoners", "valrisico", "user.health"),
        ("bewohner", "sturzrisiko", "user.health"),
        ("patienten", "schmerzskala", "user.health"),
        ("patients", "pain_score", "user.health"),
        ("patienten", "pijn_score", "user.health"),
        ("eleves", "plan_de_soins", "user.health"),
        ("mitarbeiter", "berufskrankheit", "user.health"),
        ("persons", "genetic_test", "user.health.genetic"),
        ("personnes", "donnees_genetiques", "user.health.genetic"),
        ("mitglieder", "weltanschauung", "user.demographic.religious_belief"),
        ("clients", "conviction_religieuse", "user.demographic.religious_belief"),
        ("werknemers", "vakbondslid", "user.demographic.union_membership"),
        ("users", "sex_life", "user.demographic.sexual_orientation"),
        ("personen", "irisscan", "user.biometrics"),
        # Art. 9 concepts in tr, hu, pl, ru: a discharge, a lab result, a cause of death
        # (health, not the date of death), a body temperature (not a phone: `tela` is read
        # `tel` + an ending), genetic and religious data
        ("hastalar", "taburcu_tarihi", "user.health"),
        ("kisiler", "tahlil_sonucu", "user.health"),
        ("kisiler", "olum_nedeni", "user.health"),
        ("szemelyek", "halal_oka", "user.health"),
        ("szemelyek", "zarojelentes", "user.health"),
        ("osoby", "przyczyna_zgonu", "user.health"),
        ("osoby", "wynik_badania", "user.health"),
        ("сотрудники", "температура_тела", "user.health"),
        ("sotrudniki", "prichina_smerti", "user.health"),
        ("kisiler", "genetik_test", "user.health.genetic"),
        ("сотрудники", "днк", "user.health.genetic"),
        ("osoby", "swiatopoglad", "user.demographic.religious_belief"),
    ],
)
def test_special_category_concepts_in_eight_languages(table: str, column: str, expected: str) -> None:
    """Art. 9 vocabulary is built concept by concept, so unseen schemas' words are known."""
    result = classify_column(table, column, "varchar(100)")
    assert result.personal
    assert result.category == lexicon.CATEGORY_KEYS.get(expected, expected)


def test_special_category_false_friends_stay_out() -> None:
    """Words that also name ordinary things were kept out or weak (see the vocab files)."""
    # an account's `disabled` flag is no disability
    assert classify_column("users", "disabled", "tinyint(1)").category != "user.health"
    # `traitement` is data processing in French; `allergens` of a dish; a hotel room for smokers
    assert not classify_column("lots", "date_traitement", "date").personal
    assert not classify_column("plats", "allergenes", "varchar(255)").personal
    assert not classify_column("chambres", "fumeur", "tinyint(1)").personal
    # an ICD code is strong only in a row about a person, not in a list of codes
    assert not classify_column("codes", "icd_code", "varchar(10)").personal
    # a phrase's little words are no glue pieces: `encounter` is not `en` + `counter`
    from cnsnt.classify.classifier import _TOKENIZER

    assert _TOKENIZER.word("encounter") == ("encounter",)


def test_a_fingerprint_of_an_email_is_the_email_not_biometrics() -> None:
    """`emailFingerprint` (Outline's share subscriptions) is a hashed address; `fingerprint` in bytes is biometric."""
    assert (
        classify_column("share_subscriptions", "emailFingerprint", "VARCHAR(255)").category
        == "user.contact.email"
    )
    assert classify_column("users", "fingerprint", "BYTEA").category == "user.biometrics"


def test_a_sign_in_address_is_an_ip_address_not_a_time() -> None:
    """`current_sign_in_ip` (Devise) is the address the person signed in from: Recital 30's
    online identifier, not when they were last active."""
    for name in ("current_sign_in_ip", "last_sign_in_ip", "last_login_ip"):
        assert classify_column("users", name, "INET").category == "user.device.ip_address", name
    assert classify_column("users", "current_sign_in_at", "TIMESTAMP").category == "user.behavior"


def test_a_verb_of_sending_and_a_direction_in_text_is_an_address() -> None:
    """`emails.sent_to`, `core_email.enviar_para`: whom the message goes to; as a yes/no
    (`send_to BIT`, `sent_to VARCHAR(1)`) or a time (`sent_at`) it is still no address."""
    assert classify_column("emails", "sent_to", "VARCHAR(255)").category == "user.contact.email"
    assert classify_column("core_email", "enviar_para", "VARCHAR(255)").personal
    assert classify_column("notifications", "send_from", "TEXT").personal
    for name, type_ in (("send_to", "BIT"), ("sent_to", "VARCHAR(1)"), ("sent_at", "TIMESTAMP")):
        assert not classify_column("notifications", name, type_).personal, name


def test_a_form_field_is_stemmed_only_in_the_forms_languages() -> None:
    """`numeroTelaio` (a chassis number) is no phone: only Catalan and Hungarian stem `telaio` to `tel` (review26 D3)."""
    assert classify_field("numeroTelaio", "Numero di telaio", written=("it",)).category != "user.contact.phone_number"
    assert classify_field("telefono", "Telefono", written=("it",)).category == "user.contact.phone_number"


def test_a_reset_or_activation_key_is_a_credential() -> None:
    """`users.reset_key varchar(20)` opens the account: a credential, not a flag (review26 D8)."""
    for name in ("reset_key", "activation_code", "password_reset_key"):
        verdict = classify_column("users", name, "VARCHAR(20)")
        assert verdict.category == "user.authorization.credentials", name
