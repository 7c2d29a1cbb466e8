"""open36a: review findings left open by session 35, each a word read in the wrong sense.

Every schema here is written for these tests (a tour operator, a restaurant, a nursery, a
staff office), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_tour_s_bookings_are_no_list_of_kinds(tmp_path: Path) -> None:
    """`tur` first is a tour in Turkish (its kind word follows: `urun_turu`): a payment that
    names a tour's booking (`rezervasyon_id`, no declared key) is the booker's."""
    ddl = """
    CREATE TABLE tur_rezervasyon (id INT PRIMARY KEY, musteri_adi VARCHAR(60),
      musteri_soyadi VARCHAR(60), telefon VARCHAR(20), kisi_sayisi INT);
    CREATE TABLE odemeler (id INT PRIMARY KEY, rezervasyon_id INT, tutar DECIMAL(8,2),
      odeme_tarihi DATE, aciklama TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("odemeler.tutar", "odemeler.odeme_tarihi"):
        assert got[key].personal and "tur_rezervasyon" in got[key].reason, got[key]


def test_a_tip_pool_in_english_is_its_waiters(tmp_path: Path) -> None:
    """`tip` is a gratuity in English: the waiters who share the tips are people, and a payout
    named for their pool (`pool_id`) is theirs."""
    ddl = """
    CREATE TABLE restaurants (id INT PRIMARY KEY, name VARCHAR(100), street VARCHAR(100),
      city VARCHAR(60));
    CREATE TABLE tip_pool (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), mobile_phone VARCHAR(20), iban VARCHAR(34));
    CREATE TABLE payouts (id INT PRIMARY KEY, pool_id INT, amount DECIMAL(8,2), paid_on DATE,
      note TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("payouts.amount", "payouts.paid_on"):
        assert got[key].personal and "tip_pool" in got[key].reason, got[key]


def test_tip_still_heads_kinds_in_russian() -> None:
    """`tip_dokumenta` lists kinds of document in transliterated Russian; `tur` heads none."""
    from cnsnt.classify.implied import kind_heads

    assert "tip" in kind_heads(("ru",))
    assert "tip" in kind_heads(None)
    assert "tip" not in kind_heads(("en",))
    assert "tur" not in kind_heads(("ru",))
    assert "tipo" in kind_heads(("es", "en"))


def test_a_patient_s_phenotype_is_part_of_their_care_record(tmp_path: Path) -> None:
    """`fenotipo` ends in `tipo` but is a noun of its own (a Greek combining form before it): the
    rows only a consultation points at are the patient's, as a `hallazgo` table's would be."""
    ddl = """
    CREATE TABLE pacientes (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(100),
      fecha_nacimiento DATE, telefono VARCHAR(20));
    CREATE TABLE consultas (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      fecha DATE, diagnostico TEXT, fenotipo_id INT REFERENCES fenotipo(id));
    CREATE TABLE fenotipo (id INT PRIMARY KEY, altura_cm INT, observaciones TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("fenotipo.altura_cm", "fenotipo.observaciones"):
        assert got[key].personal and got[key].category == "user.health", got[key]


def test_kind_endings_skip_nouns_of_their_own() -> None:
    """A child (`pleegkind`, `pflegekind`) and a Greek compound (`genotype`, `prototipi`) end in
    no list of kinds; `resinfotype`, `documenttypes`, `soorttypen` still do."""
    from cnsnt.classify.tables import _ends_in_kind

    for word in ("pleegkind", "pflegekind", "kleinkind", "genotype", "fenotipo", "prototipi", "logotipo"):
        assert not _ends_in_kind(word), word
    for word in ("resinfotype", "documenttypes", "soorttypen", "kurstipus", "urunturu", "kind"):
        assert _ends_in_kind(word) == (word != "kind"), word


def test_posts_on_a_staff_intranet_are_what_someone_wrote(tmp_path: Path) -> None:
    """`hr` names a department and `work` a setting, not a job to fill: `hr_posts` are the HR
    office's announcements and `work_posts` a staff feed, each written by someone at a time."""
    ddl = """
    CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE hr_posts (id INT PRIMARY KEY, employee_id INT REFERENCES employees(id),
      title VARCHAR(200), body TEXT, created_at TIMESTAMP);
    CREATE TABLE work_posts (id INT PRIMARY KEY, employee_id INT REFERENCES employees(id),
      body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("hr_posts.created_at", "work_posts.created_at"):
        assert "what someone wrote" in got[key].reason, got[key]


def test_vacancy_posts_are_still_jobs(tmp_path: Path) -> None:
    """`vacancy_posts`, `career_posts`: offers an employer publishes, no one's act of writing."""
    ddl = """
    CREATE TABLE employers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE vacancy_posts (id INT PRIMARY KEY, employer_id INT REFERENCES employers(id),
      title VARCHAR(120), body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert "what someone wrote" not in got["vacancy_posts.created_at"].reason


def test_each_language_s_sum_word_heads_a_statistics_count(tmp_path: Path) -> None:
    """A table of statistics whose columns are sums (`somma_visite`, `soma_consultas`,
    `suma_visites`, `osszeg_latogatas`, `summa_vizitov`) holds figures over many patients."""
    ddl = """
    CREATE TABLE statistiche_pazienti (id INT PRIMARY KEY, mese INT, somma_visite INT,
      somma_ricoveri INT, reparto VARCHAR(60));
    CREATE TABLE estatisticas_pacientes (id INT PRIMARY KEY, mes INT, soma_consultas INT,
      soma_internacoes INT, setor VARCHAR(60));
    CREATE TABLE estadistiques_pacients (id INT PRIMARY KEY, mes INT, suma_visites INT,
      suma_ingressos INT, servei VARCHAR(60));
    CREATE TABLE beteg_statisztika (id INT PRIMARY KEY, honap INT, osszeg_latogatas INT,
      osszeg_felvetel INT, osztaly VARCHAR(60));
    CREATE TABLE statistika_patsientov (id INT PRIMARY KEY, mesyats INT, summa_vizitov INT,
      summa_gospitalizatsiy INT, otdelenie VARCHAR(60));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "statistiche_pazienti.somma_visite",
        "estatisticas_pacientes.soma_consultas",
        "estadistiques_pacients.suma_visites",
        "beteg_statisztika.osszeg_latogatas",
        "statistika_patsientov.summa_vizitov",
    ):
        assert not got[key].personal and "holds statistics" in " ".join(got[key].reasons), got[key]


def test_each_language_s_number_of_counts(tmp_path: Path) -> None:
    """Catalan `nre_` (nombre, a number of) and Russian `kolvo_` (kol-vo, a quantity) head a
    statistics count."""
    ddl = """
    CREATE TABLE estadistiques_alumnes (id INT PRIMARY KEY, curs INT, nre_alumnes INT,
      nre_baixes INT, centre VARCHAR(60));
    CREATE TABLE statistika_uchenikov (id INT PRIMARY KEY, god INT, kolvo_uchenikov INT,
      kolvo_vypusknikov INT, shkola VARCHAR(60));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("estadistiques_alumnes.nre_alumnes", "statistika_uchenikov.kolvo_uchenikov"):
        assert not got[key].personal and "holds statistics" in " ".join(got[key].reasons), got[key]


def test_a_polish_account_beside_a_bank_is_its_number(tmp_path: Path) -> None:
    """`konta` (Polish "account", as in `numer konta`) beside `bank` in an employee's row is
    the account's number, as `konto` and `conta` are."""
    ddl = """
    CREATE TABLE pracownicy (id INT PRIMARY KEY, imie VARCHAR(60), nazwisko VARCHAR(60),
      email VARCHAR(120), bank VARCHAR(80), konta VARCHAR(34));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["pracownicy.konta"].category == "user.financial.bank_account", got["pracownicy.konta"]


HR = """
CREATE TABLE departments (id INT PRIMARY KEY, department_name VARCHAR(100), phone VARCHAR(20));
CREATE TABLE posts (id INT PRIMARY KEY, post_name VARCHAR(100),
  department_id INT REFERENCES departments(id), description TEXT);
CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  email VARCHAR(120), birth_date DATE, post_id INT REFERENCES posts(id),
  department_id INT REFERENCES departments(id), hired_on DATE);
"""


def test_the_post_an_employee_holds_is_their_job_title(tmp_path: Path) -> None:
    """`employees.post_id -> posts(post_name)`: a staff office's posts are the jobs people
    hold (Russian `dolzhnost`, translated), so the one an employee's row picks is their job
    title, as `position_id -> positions` is; the posts name no author."""
    got = schema_verdicts(tmp_path, HR)
    post = got["employees.post_id"]
    assert post.category == "user.professional_information.job_title", post
    assert not got["posts.post_name"].personal, got["posts.post_name"]


def test_a_user_s_pinned_post_is_no_job(tmp_path: Path) -> None:
    """Blog posts name their author (`posts.author_id -> users`): a user's `pinned_post_id`
    picks something they wrote, no job they hold."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(40), email VARCHAR(120),
      display_name VARCHAR(80), post_id INT);
    CREATE TABLE posts (id INT PRIMARY KEY, author_id INT REFERENCES users(id),
      post_name VARCHAR(200), body TEXT, created_at TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["users.post_id"].category != "user.professional_information.job_title"
