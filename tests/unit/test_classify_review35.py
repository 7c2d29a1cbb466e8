"""review35 (R35a D3, D4, D6, D7, D9; R35b D3, D5): verdicts first-use reviewers found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a probation
service's people under a sentence, a public service's statistics by region, a commune's INSEE
code, an organisation's registration number, a visit's campaign parameters, an address's
street name, a trip's price by year of birth), read as `cnsnt init` reads a `schema.sql` or a
Django `models.py`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import LINKED, PEOPLE, table_verdicts
from cnsnt.evidence import Table
from tests.unit.schema_entry import read_entry, write_files
from tests.unit.schema_entry import schema_tables as _tables
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _django(tmp_path: Path, models: str) -> list[Table]:
    write_files(tmp_path, {"shop/__init__.py": "", "shop/models.py": "from django.db import models\n\n\n" + models})
    return list(read_entry(tmp_path, "shop/models.py", dialect=None).tables)


# -- item 1, R35a D3: criminal-offence data (GDPR Art. 10)


def test_a_strong_criminal_word_survives_a_date_word(tmp_path: Path) -> None:
    """`conviction_date` is when someone was convicted: Art. 10 data, as `diagnosis_date` is
    health data; a date word beside a strong criminal word does not make it a mere time."""
    ddl = """
    CREATE TABLE people (id INT PRIMARY KEY, first_name TEXT, last_name TEXT,
      conviction_date DATE, date_condamnation DATE, fecha_condena DATE, data_condanna DATE,
      verurteilung_datum DATE, datum_veroordeling DATE);
    CREATE TABLE convicts (id INT PRIMARY KEY, full_name VARCHAR(100), conviction_date DATE);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "people.conviction_date",
        "people.date_condamnation",
        "people.fecha_condena",
        "people.data_condanna",
        "people.verurteilung_datum",
        "people.datum_veroordeling",
        "convicts.conviction_date",
    ):
        assert got[key].personal and got[key].category == "user.criminal_history", (key, got[key])


def test_a_table_named_for_people_under_a_sentence_describes_people(tmp_path: Path) -> None:
    """`convicts`, `detenus`, `condannati`, `Häftlinge` ... (the people of the vocabulary's
    criminal words, in the 12 languages) are people, whatever their columns say."""
    names = (
        "convicts", "offenders", "detenus", "condamnes", "condannati", "condenados", "condemnats",
        "apenados", "haeftlinge", "verurteilte", "mahkumlar", "osuzhdennye", "eliteltek",
        "skazani", "veroordeelden",
    )  # fmt: skip
    ddl = "".join(f"CREATE TABLE {n} (id INT PRIMARY KEY, remarks TEXT);\n" for n in names)
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    for name in names:
        assert verdicts[name].kind == PEOPLE, (name, verdicts[name])


def test_a_case_number_of_a_person_under_a_sentence_is_criminal_offence_data(tmp_path: Path) -> None:
    """A prosecution or case number in a table of convicts is Art. 10 data; the same column in
    a table keyed to them is too, not the opposite verdict (R35a D3); a help desk's case number
    stays no criminal record."""
    ddl = """
    CREATE TABLE convicts (id INT PRIMARY KEY, full_name VARCHAR(100), prosecutor_number VARCHAR(30));
    CREATE TABLE appointments (id INT PRIMARY KEY, convict_id INT REFERENCES convicts(id),
      prosecutor_number VARCHAR(30), starts_at TIMESTAMP);
    CREATE TABLE detenus (id INT PRIMARY KEY, nom TEXT, numero_parquet VARCHAR(20));
    CREATE TABLE condannati (id INT PRIMARY KEY, cognome TEXT, numero_fascicolo VARCHAR(20));
    CREATE TABLE haeftlinge (id INT PRIMARY KEY, nachname TEXT, aktenzeichen VARCHAR(20));
    CREATE TABLE customers (id INT PRIMARY KEY, first_name TEXT, email TEXT, case_number VARCHAR(20));
    CREATE TABLE tickets (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),
      case_number VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "convicts.prosecutor_number",
        "appointments.prosecutor_number",
        "detenus.numero_parquet",
        "condannati.numero_fascicolo",
        "haeftlinge.aktenzeichen",
    ):
        assert got[key].personal and got[key].category == "user.criminal_history", (key, got[key])
        assert "Art. 10" in got[key].reason, (key, got[key])
    for key in ("customers.case_number", "tickets.case_number"):
        assert got[key].category != "user.criminal_history", (key, got[key])


# -- item 2, R35a D4: aggregate statistics are about no one (Recital 26, 162)


def test_a_statistics_table_of_counts_with_no_key_to_a_person_is_about_no_one(tmp_path: Path) -> None:
    """`Statistiques aidants par département`: counts over many people, by department, relate
    to no identifiable person, though a people word is in the comment (R35a D4); a per-person
    statistics table, keyed to a person, stays theirs."""
    tables = _django(
        tmp_path,
        "class Department(models.Model):\n"
        "    name = models.CharField(max_length=80)\n\n\n"
        "class Aidant(models.Model):\n"
        "    first_name = models.CharField(max_length=80)\n"
        "    email = models.EmailField()\n\n\n"
        "class AidantStatistiquesbyDepartment(models.Model):\n"
        "    departement = models.ForeignKey(Department, on_delete=models.PROTECT)\n"
        "    number_aidants = models.PositiveIntegerField(default=0)\n"
        "    number_operational_aidants = models.PositiveIntegerField(default=0)\n"
        "    number_organisation_requests = models.PositiveIntegerField(default=0)\n\n"
        "    class Meta:\n"
        '        verbose_name = "Statistiques aidants par département"\n\n\n'
        "class ReboardingAidantStatistiques(models.Model):\n"
        "    aidant = models.ForeignKey(Aidant, on_delete=models.CASCADE)\n"
        "    created_mandats = models.PositiveIntegerField(default=0)\n",
    )
    got = classify_tables(tables)
    for column in ("departement_id", "number_aidants", "number_operational_aidants", "number_organisation_requests"):
        key = f"shop_aidantstatistiquesbydepartment.{column}"
        assert not got[key].personal, (key, got[key])
    verdicts = table_verdicts(tables)
    assert verdicts["shop_aidantstatistiquesbydepartment"].kind not in (PEOPLE, LINKED)
    assert "statistics" in verdicts["shop_aidantstatistiquesbydepartment"].reason
    assert verdicts["shop_reboardingaidantstatistiques"].kind == LINKED


def test_statistics_tables_in_other_languages_hold_no_ones_data(tmp_path: Path) -> None:
    """Counts by month or by region under a statistics name, in the 12 languages' words, are
    no one's; a user's own statistics (`user_stats.user_id`) stay the user's."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name TEXT, email TEXT);
    CREATE TABLE statistiques_beneficiaires (id INT PRIMARY KEY, region VARCHAR(40),
      nb_beneficiaires INT, nb_demandes INT, total_mandats INT);
    CREATE TABLE estadisticas_usuarios (id INT PRIMARY KEY, mes INT, anio INT,
      numero_usuarios INT, total_altas INT);
    CREATE TABLE statistik_mitglieder (id INT PRIMARY KEY, jahr INT, anzahl_mitglieder INT,
      anzahl_austritte INT);
    CREATE TABLE statystyki_uczniow (id INT PRIMARY KEY, rok INT, liczba_uczniow INT,
      liczba_absolwentow INT);
    CREATE TABLE members_by_region (id INT PRIMARY KEY, region VARCHAR(40), count_members INT,
      count_active_members INT);
    CREATE TABLE user_stats (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
      count_logins INT, total_posts INT);
    """
    tables = _tables(tmp_path, ddl)
    got = classify_tables(tables)
    verdicts = table_verdicts(tables)
    for name in (
        "statistiques_beneficiaires",
        "estadisticas_usuarios",
        "statistik_mitglieder",
        "statystyki_uczniow",
        "members_by_region",
    ):
        assert verdicts[name].kind not in (PEOPLE, LINKED), (name, verdicts[name])
        for column in next(t for t in tables if t.name == name).columns:
            key = f"{name}.{column.name}"
            assert not got[key].personal, (key, got[key])
    assert verdicts["user_stats"].kind == LINKED


# -- item 4, R35a D7, R35b D3: words read in the wrong sense


def test_an_organisations_immatriculation_is_its_registration_number_no_vehicles(tmp_path: Path) -> None:
    """French *immatriculation* of a company or a structure (RCS, France Services) is its
    registration number: no one's in a table about organisations; only beside a vehicle word
    (`plaque`, `véhicule`, `carte grise`, a table of vehicles) is it a vehicle's (R35a D7)."""
    ddl = """
    CREATE TABLE organisation (id INT PRIMARY KEY, nom TEXT, numero_immatriculation VARCHAR(20),
      france_services_number VARCHAR(20), immatriculation VARCHAR(20));
    COMMENT ON COLUMN organisation.france_services_number IS 'Numéro d''immatriculation France Services';
    CREATE TABLE adherents (id INT PRIMARY KEY, nom TEXT, prenom TEXT,
      plaque_immatriculation VARCHAR(12), immatriculation_vehicule VARCHAR(12));
    CREATE TABLE vehicules (id INT PRIMARY KEY, adherent_id INT REFERENCES adherents(id),
      immatriculation VARCHAR(12), marque TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "organisation.numero_immatriculation",
        "organisation.france_services_number",
        "organisation.immatriculation",
    ):
        assert not got[key].personal, (key, got[key])
        assert got[key].category != "user.government_id.vehicle_registration", (key, got[key])
    for key in ("adherents.plaque_immatriculation", "adherents.immatriculation_vehicule", "vehicules.immatriculation"):
        assert got[key].category == "user.government_id.vehicle_registration", (key, got[key])


def test_campaign_parameters_are_no_ones_free_text(tmp_path: Path) -> None:
    """`utm_*` are the campaign parameters of the link that brought a visit: never a person's
    private content; in a visit linked to a person at most their behaviour (R35a D7)."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name TEXT, email TEXT);
    CREATE TABLE ahoy_visits (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
      utm_source TEXT, utm_medium TEXT, utm_campaign TEXT, utm_content TEXT, utm_term TEXT);
    CREATE TABLE campaign_links (id INT PRIMARY KEY, utm_source TEXT, utm_content TEXT, utm_term TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for part in ("source", "medium", "campaign", "content", "term"):
        key = f"ahoy_visits.utm_{part}"
        assert got[key].category == "user.behavior", (key, got[key])
    for part in ("source", "content", "term"):
        key = f"campaign_links.utm_{part}"
        assert not got[key].personal, (key, got[key])


def test_a_name_word_after_an_address_word_is_the_addresss_name(tmp_path: Path) -> None:
    """`streetName`, `straatnaam`, `nome_via`, `nombre_calle`: the street's name, a part of the
    address, never a person's name (R35b D3)."""
    ddl = """
    CREATE TABLE clients (id INT PRIMARY KEY, name TEXT, email TEXT);
    CREATE TABLE billing_addresses (id INT PRIMARY KEY, client_id INT REFERENCES clients(id),
      street_name TEXT, house_number INT, postal_code TEXT, city TEXT);
    CREATE TABLE adres (id INT PRIMARY KEY, client_id INT REFERENCES clients(id), "streetName" TEXT,
      "houseNumber" INT, "postalCode" TEXT);
    CREATE TABLE klanten (id INT PRIMARY KEY, voornaam TEXT, achternaam TEXT, straatnaam TEXT);
    CREATE TABLE clienti (id INT PRIMARY KEY, nome TEXT, cognome TEXT, nome_via TEXT);
    CREATE TABLE clientes (id INT PRIMARY KEY, nombre TEXT, apellido TEXT, nombre_calle TEXT);
    CREATE TABLE kunden (id INT PRIMARY KEY, vorname TEXT, nachname TEXT, strassenname TEXT);
    CREATE TABLE personnes (id INT PRIMARY KEY, nom TEXT, prenom TEXT, nom_rue TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "billing_addresses.street_name",
        "adres.streetName",
        "klanten.straatnaam",
        "clienti.nome_via",
        "clientes.nombre_calle",
        "kunden.strassenname",
        "personnes.nom_rue",
    ):
        assert got[key].personal, (key, got[key])
        assert got[key].category.startswith("user.contact.address"), (key, got[key])


# -- item 3, R35a D6: a place's code is no national id


def test_an_insee_code_beside_a_place_word_is_a_place_code(tmp_path: Path) -> None:
    """`city_insee_code`, `department_insee_code`: the INSEE code of a town or a department,
    part of the address in a person's row, never the NIR; in a table of communes no one's
    (R35a D6). So is Spain's INE code of a municipality."""
    ddl = """
    CREATE TABLE manager (id INT PRIMARY KEY, first_name VARCHAR(50), email VARCHAR(254),
      city VARCHAR(80), city_insee_code VARCHAR(5), department_insee_code VARCHAR(3),
      code_commune_insee VARCHAR(5));
    CREATE TABLE commune (id INT PRIMARY KEY, name VARCHAR(80), postal_code VARCHAR(5),
      insee_code VARCHAR(5));
    CREATE TABLE vecinos (id INT PRIMARY KEY, nombre TEXT, apellidos TEXT, codigo_ine_municipio VARCHAR(5));
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "manager.city_insee_code",
        "manager.department_insee_code",
        "manager.code_commune_insee",
        "vecinos.codigo_ine_municipio",
    ):
        assert got[key].personal and got[key].category.startswith("user.contact.address"), (key, got[key])
    for key in ("commune.insee_code", "commune.name"):
        assert not got[key].personal, (key, got[key])


# -- item 5, R35b D5: a price rule's range of birth years is no one's birth date


def test_a_range_bound_of_birth_years_in_a_rule_is_no_date_of_birth(tmp_path: Path) -> None:
    """`price_rules(birth_year_from, birth_year_to)`: the bounds of a tariff's range, in a
    table with no person in it, are the rule's parameters (R35b D5); a person's own birth year
    stays a date of birth."""
    ddl = """
    CREATE TABLE trips (id INT PRIMARY KEY, title TEXT);
    CREATE TABLE price_rules (id INT PRIMARY KEY, trip_id INT REFERENCES trips(id),
      birth_year_from INT, birth_year_to INT, amount NUMERIC(8,2));
    CREATE TABLE tariffe (id INT PRIMARY KEY, anno_nascita_da INT, anno_nascita_a INT, prezzo NUMERIC(8,2));
    CREATE TABLE tarife (id INT PRIMARY KEY, geburtsjahr_von INT, geburtsjahr_bis INT, preis NUMERIC(8,2));
    CREATE TABLE cennik (id INT PRIMARY KEY, rok_urodzenia_od INT, rok_urodzenia_do INT, cena NUMERIC(8,2));
    CREATE TABLE participants (id INT PRIMARY KEY, first_name TEXT, last_name TEXT, birth_year INT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "price_rules.birth_year_from",
        "price_rules.birth_year_to",
        "tariffe.anno_nascita_da",
        "tariffe.anno_nascita_a",
        "tarife.geburtsjahr_von",
        "tarife.geburtsjahr_bis",
        "cennik.rok_urodzenia_od",
        "cennik.rok_urodzenia_do",
    ):
        assert not got[key].personal, (key, got[key])
    assert got["participants.birth_year"].category == "user.demographic.date_of_birth"


# -- item 6, R35a D9: a table named for organisations whose key reaches a person's record


def test_an_organisations_record_keyed_to_a_persons_record_is_linked_to_them(tmp_path: Path) -> None:
    """`organization_divestments(organization_id, divestment_id -> divestments(convict_id))`:
    each organisation's decision on one convict's file transfer; the key to the person's record
    wins over the organisation word before the name's head (R35a D9). A table named for
    organisations alone stays theirs, and so does one whose keys reach no one."""
    ddl = """
    CREATE TABLE convicts (id INT PRIMARY KEY, first_name VARCHAR(50), phone VARCHAR(20));
    CREATE TABLE organizations (id INT PRIMARY KEY, name VARCHAR(80), owner_id INT REFERENCES convicts(id));
    CREATE TABLE divestments (id INT PRIMARY KEY, convict_id INT REFERENCES convicts(id),
      organization_id INT REFERENCES organizations(id), state VARCHAR(20));
    CREATE TABLE organization_divestments (id INT PRIMARY KEY,
      organization_id INT REFERENCES organizations(id), divestment_id INT REFERENCES divestments(id),
      state VARCHAR(20), decision_date DATE, comment TEXT);
    CREATE TABLE areas (id INT PRIMARY KEY, label TEXT);
    CREATE TABLE organization_areas (id INT PRIMARY KEY,
      organization_id INT REFERENCES organizations(id), area_id INT REFERENCES areas(id), comment TEXT);
    """
    tables = _tables(tmp_path, ddl)
    verdicts = table_verdicts(tables)
    assert verdicts["organization_divestments"].kind == LINKED, verdicts["organization_divestments"]
    assert "divestment_id" in verdicts["organization_divestments"].reason
    got = classify_tables(tables)
    for key in ("organization_divestments.comment", "organization_divestments.decision_date"):
        assert got[key].personal, (key, got[key])
    assert verdicts["organizations"].kind not in (PEOPLE, LINKED), verdicts["organizations"]
    assert verdicts["organization_areas"].kind not in (PEOPLE, LINKED), verdicts["organization_areas"]
