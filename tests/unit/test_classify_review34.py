"""review34 (R34a D4-D6, R34b D8, D9): column verdicts a second first-use review found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a Red Cross
register's blood donors, merits, qualifications and vehicles; a hospital's patients; an
association's members and admin login), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_field, classify_tables
from cnsnt.evidence import Classification
from cnsnt.model import Confidence
from tests.unit.schema_entry import read_entry, write_files


def _verdicts(tmp_path: Path, ddl: str, dialect: str = "postgres") -> dict[str, Classification]:
    write_files(tmp_path, {"schema.sql": ddl})
    return classify_tables(list(read_entry(tmp_path, "schema.sql", dialect=dialect).tables))


PERSON = "CREATE TABLE anagrafica_persona (id INTEGER PRIMARY KEY, nome TEXT, cognome TEXT);\n"


# -- R34a D4: blood typing beside the blood group is data concerning health


def test_a_donors_rh_factor_phenotype_and_kell_antigen_are_health_data(tmp_path: Path) -> None:
    """The Rh factor, the Rh phenotype and the Kell antigen are blood typing, as the blood group
    is (GDPR Art. 4(15), Art. 9(1); Recital 35): `user.health`, so CN206 can fire on them."""
    ddl = PERSON + """
    CREATE TABLE sangue_donatore (id INTEGER PRIMARY KEY,
      persona_id INTEGER REFERENCES anagrafica_persona(id),
      gruppo_sanguigno VARCHAR(3), fattore_rh VARCHAR(2), fenotipo_rh VARCHAR(8), kell VARCHAR(16));
    CREATE TABLE blood_donor (id INTEGER PRIMARY KEY,
      person_id INTEGER REFERENCES anagrafica_persona(id),
      blood_group VARCHAR(3), rh_factor VARCHAR(2), rhesus VARCHAR(8), kell_antigen VARCHAR(16));
    CREATE TABLE donante (id INTEGER PRIMARY KEY, nombre TEXT, apellido TEXT, factor_rhesus TEXT);
    CREATE TABLE blutspender (id INTEGER PRIMARY KEY, vorname TEXT, nachname TEXT, rhesusfaktor TEXT);
    CREATE TABLE donneur (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, facteur_rhesus TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "sangue_donatore.fattore_rh",
        "sangue_donatore.fenotipo_rh",
        "sangue_donatore.kell",
        "blood_donor.rh_factor",
        "blood_donor.rhesus",
        "blood_donor.kell_antigen",
        "donante.factor_rhesus",
        "blutspender.rhesusfaktor",
        "donneur.facteur_rhesus",
    ):
        assert got[key].personal and got[key].category == "user.health", (key, got[key])


# -- R34a D5: a donation is no country; a title alone is no person's name


def test_a_short_glue_word_before_a_known_word_does_not_split_a_word_of_its_own(tmp_path: Path) -> None:
    """`donazione` (a donation) is a word of its own, not `do` + `nazione` (a country); a key
    or number marker still glues (`nrtelefono`), and so does `in` before a state (`interapia`)."""
    ddl = PERSON + """
    CREATE TABLE sangue_merito (id INTEGER PRIMARY KEY,
      persona_id INTEGER REFERENCES anagrafica_persona(id), donazione VARCHAR(10), merito VARCHAR(20));
    CREATE TABLE premi (id INTEGER PRIMARY KEY,
      persona_id INTEGER REFERENCES anagrafica_persona(id), donazioni INTEGER);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("sangue_merito.donazione", "premi.donazioni"):
        assert got[key].category != "user.contact.address.country", (key, got[key])
        assert "country" not in got[key].reason, (key, got[key])


def test_a_title_alone_is_a_works_or_a_qualification_not_a_name(tmp_path: Path) -> None:
    """Italian `titolo` alone is the title of an article or a course, or a qualification
    (`titolo di studio`): a key from a person's row into a list of them is no name; a courtesy
    title still is, and `titolo di soggiorno` is a residence document."""
    ddl = PERSON + """
    CREATE TABLE curriculum_titolo (id INTEGER PRIMARY KEY, nome VARCHAR(100), tipo VARCHAR(2));
    CREATE TABLE curriculum_titolopersonale (id INTEGER PRIMARY KEY,
      persona_id INTEGER REFERENCES anagrafica_persona(id),
      titolo_id INTEGER REFERENCES curriculum_titolo(id), data_ottenimento DATE);
    CREATE TABLE anagrafica_socio (id INTEGER PRIMARY KEY, nome TEXT, cognome TEXT, titolo VARCHAR(50),
      titolo_cortesia VARCHAR(10), titolo_soggiorno VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    link = got["curriculum_titolopersonale.titolo_id"]
    assert link.category != "user.name", link
    alone = got["anagrafica_socio.titolo"]
    assert alone.personal and alone.category != "user.name", alone
    assert got["anagrafica_socio.titolo_cortesia"].category == "user.name"
    assert got["anagrafica_socio.titolo_soggiorno"].category == "user.government_id.immigration"
    field = classify_field("titolo", form="articolo_admin", written=("it",))
    assert field.category != "user.name", field


def test_a_file_a_person_uploads_in_their_own_row_is_theirs(tmp_path: Path) -> None:
    """`uploadCV`, `uploadAttoNotarile` text in an applicant's row: the file they sent, kept
    about them; `uploaded_at` stays the record's own time."""
    ddl = """
    CREATE TABLE domande (id INTEGER PRIMARY KEY, richiedente_nome TEXT, richiedente_cognome TEXT,
      telefono TEXT, uploadCV TEXT, uploadAttoNotarile TEXT, uploaded_at TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["domande.uploadCV"].personal, got["domande.uploadCV"]
    assert got["domande.uploadAttoNotarile"].personal, got["domande.uploadAttoNotarile"]
    assert not got["domande.uploaded_at"].personal, got["domande.uploaded_at"]


# -- R34a D6: a vehicle's table with a name and a phone, or a technical stop, is no person's


VEHICLES = """
CREATE TABLE veicoli_veicolo (id INTEGER PRIMARY KEY, targa VARCHAR(10), marca VARCHAR(30));
CREATE TABLE veicoli_autoparco (id INTEGER PRIMARY KEY, nome VARCHAR(100), telefono VARCHAR(20),
  estensione VARCHAR(10));
CREATE TABLE veicoli_collocazione (id INTEGER PRIMARY KEY,
  autoparco_id INTEGER REFERENCES veicoli_autoparco(id),
  veicolo_id INTEGER REFERENCES veicoli_veicolo(id), inizio DATE, fine DATE);
CREATE TABLE veicoli_fermotecnico (id INTEGER PRIMARY KEY,
  veicolo_id INTEGER REFERENCES veicoli_veicolo(id), inizio DATE, fine DATE, motivo TEXT);
COMMENT ON TABLE veicoli_fermotecnico IS 'Fermo tecnico';
"""


def test_a_vehicle_depots_name_and_phone_are_its_own(tmp_path: Path) -> None:
    """`veicoli_autoparco(nome, telefono)`: a depot of vehicles (`named_things`) has a name
    and a phone as a course does; a vehicle's placement in it is about no one."""
    got = _verdicts(tmp_path, VEHICLES)
    for key in (
        "veicoli_autoparco.nome",
        "veicoli_autoparco.estensione",
        "veicoli_collocazione.inizio",
        "veicoli_collocazione.fine",
    ):
        assert not got[key].personal, (key, got[key])


def test_a_vehicles_technical_stop_is_about_no_technician(tmp_path: Path) -> None:
    """`veicoli_fermotecnico` 'Fermo tecnico': a vehicle's technical downtime; `tecnico` glued
    into a vehicle table's name, or in its comment, is an adjective, not a technician."""
    got = _verdicts(tmp_path, VEHICLES)
    for key in (
        "veicoli_fermotecnico.inizio",
        "veicoli_fermotecnico.fine",
        "veicoli_fermotecnico.motivo",
        "veicoli_fermotecnico.veicolo_id",
    ):
        assert not got[key].personal, (key, got[key])
    # a technicians' table named so stays people
    staff = _verdicts(tmp_path, "CREATE TABLE tecnico (id INTEGER PRIMARY KEY, nome TEXT, telefono TEXT);")
    assert staff["tecnico.nome"].personal


# -- R34b D8: the scan of a patient's ID document, a member's registration date


def test_the_path_of_a_scan_of_an_id_document_is_no_key(tmp_path: Path) -> None:
    """`DocIDPath`, `scan_id_url` in a person's row: `id` between a word and a path names the
    identity document whose scan is kept, not a key; a key (`id_file`, `photo_id`) stays one."""
    ddl = """
    CREATE TABLE pacientes (id INTEGER PRIMARY KEY, nome VARCHAR(100), DocIDPath VARCHAR(36));
    CREATE TABLE members (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT,
      scan_id_url TEXT, id_file INTEGER);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("pacientes.DocIDPath", "members.scan_id_url"):
        assert got[key].personal, (key, got[key])
        assert (got[key].category or "").startswith("user.government_id"), (key, got[key])
    assert not got["members.id_file"].personal


def test_a_members_own_registration_date_is_a_fact_about_them(tmp_path: Path) -> None:
    """`uyeler.UyeKayitTarihi` (a member's registration date) is theirs, as `date_joined` is;
    `kayit_tarihi` alone stays the row's bookkeeping date."""
    ddl = """
    CREATE TABLE `üyeler` (`ÜyeID` int PRIMARY KEY, `ÜyeAdı` varchar(50), `ÜyeKayıtTarihi` datetime,
      `KayitTarihi` datetime);
    """
    got = _verdicts(tmp_path, ddl, dialect="mysql")
    joined = got["üyeler.ÜyeKayıtTarihi"]
    assert joined.personal and joined.confidence == Confidence.LOW, joined
    assert not got["üyeler.KayitTarihi"].personal


# -- R34b D9: a password beside a login is the account holder's


def test_a_password_beside_a_login_is_the_account_holders(tmp_path: Path) -> None:
    """`yönetim(KullanıcıAdı, Şifre)`: the admin's login and password agree; a mail server's
    settings (`host`, `port`) keep theirs a service's."""
    ddl = """
    CREATE TABLE `yönetim` (`DernekAdı` varchar(255), `KullanıcıAdı` char(5), `Şifre` varchar(255));
    CREATE TABLE `eposta_ayar` (`id` int PRIMARY KEY, `host` varchar(100), `port` int,
      `username` varchar(100), `password` varchar(100));
    """
    got = _verdicts(tmp_path, ddl, dialect="mysql")
    login, secret = got["yönetim.KullanıcıAdı"], got["yönetim.Şifre"]
    assert login.personal and secret.personal, (login, secret)
    assert secret.category == "user.authorization.password", secret
    assert not got["eposta_ayar.password"].personal, got["eposta_ayar.password"]


def test_a_django_apps_vehicle_model_with_a_technical_stop_is_about_no_one(tmp_path: Path) -> None:
    """The same stop as a Django model of the app `veicoli` (own name `fermotecnico`), its
    verbose name 'Fermo tecnico': the app names the vehicles the model is about."""
    write_files(
        tmp_path,
        {
            "veicoli/__init__.py": "",
            "veicoli/models.py": (
                "from django.db import models\n\n\n"
                "class Veicolo(models.Model):\n"
                "    targa = models.CharField(max_length=10)\n\n\n"
                "class FermoTecnico(models.Model):\n"
                "    veicolo = models.ForeignKey(Veicolo, on_delete=models.CASCADE)\n"
                "    inizio = models.DateTimeField()\n"
                "    motivo = models.TextField()\n\n"
                "    class Meta:\n"
                '        verbose_name = "Fermo tecnico"\n'
            ),
        },
    )
    tables = list(read_entry(tmp_path, "veicoli/models.py", dialect=None).tables)
    got = classify_tables(tables)
    for key in ("veicoli_fermotecnico.inizio", "veicoli_fermotecnico.motivo"):
        assert not got[key].personal, (key, got[key])
