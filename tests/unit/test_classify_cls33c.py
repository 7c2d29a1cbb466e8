"""cls33c: Dutch and French readings the tune half's misses showed the classifier lacked.

Every schema here is written for these tests (a debt-counselling intake, a club's members,
a care app's volunteers, a holiday centre's families), read as `cnsnt init` reads a
`schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- a kind of company before `bedrijf` names a supplier, not the company the row is

INTAKE = """
CREATE TABLE teams (id INTEGER PRIMARY KEY, naam VARCHAR(100));
CREATE TABLE dossiers (id INTEGER PRIMARY KEY, team_id INTEGER REFERENCES teams(id), status VARCHAR(20));
CREATE TABLE intake (id INTEGER PRIMARY KEY, dossier_id INTEGER REFERENCES dossiers(id),
  adviseur_naam VARCHAR(100), adviseur_telefoon VARCHAR(20),
  energie_bedrijf VARCHAR(100), energie_bedrijf_klantnummer VARCHAR(25),
  legitimatie_ontvangen SMALLINT, huurspecificatie_ontvangen SMALLINT,
  aanvullende_informatie TEXT);
CREATE TABLE leden (id INTEGER PRIMARY KEY, voornaam TEXT, achternaam TEXT, email TEXT);
CREATE TABLE inschrijvingen (id INTEGER PRIMARY KEY, lid_id INTEGER REFERENCES leden(id),
  bedrag_ontvangen NUMERIC(5,2), betaling_ontvangen SMALLINT);
"""


def test_an_energy_company_column_does_not_make_an_intake_a_companys(tmp_path: Path) -> None:
    """`energie_bedrijf` (nl: the energy company) is who supplies the client, not the company
    the row is: the intake stays the client's, its free text and customer number theirs."""
    got = _verdicts(tmp_path, INTAKE)
    for column in ("aanvullende_informatie", "energie_bedrijf_klantnummer", "adviseur_telefoon"):
        verdict = got[f"intake.{column}"]
        assert verdict.personal, verdict
        assert "registers a company" not in verdict.reason, verdict.reason


def test_a_document_received_flag_is_the_records_state(tmp_path: Path) -> None:
    """`legitimatie_ontvangen smallint` (nl: the ID document was received) says where the
    checklist stands, as `sent` or `verzonden` would; a sum received (`bedrag_ontvangen
    numeric(5,2)`) is still the member's money."""
    got = _verdicts(tmp_path, INTAKE)
    for column in ("intake.legitimatie_ontvangen", "intake.huurspecificatie_ontvangen"):
        assert not got[column].personal, got[column]
    assert not got["inschrijvingen.betaling_ontvangen"].personal, got["inschrijvingen.betaling_ontvangen"]
    amount = got["inschrijvingen.bedrag_ontvangen"]
    assert amount.personal and amount.category == "user.financial", amount


# -- a Dutch noun in `-heid` (-ness) is no key glued to `id`

VOLUNTEERS = """
CREATE TABLE vrijwilligers (id INTEGER PRIMARY KEY, voornaam TEXT, email TEXT,
  betrouwbaarheid DOUBLE PRECISION, beschikbaarheid VARCHAR(255), klantid INTEGER);
CREATE TABLE pasjes (id INTEGER PRIMARY KEY, vrijwilliger_id INTEGER REFERENCES vrijwilligers(id),
  geldigheid_start_datum DATE);
"""


def test_a_dutch_noun_of_quality_is_no_glued_key(tmp_path: Path) -> None:
    """`betrouwbaarheid` (nl: reliability) and `beschikbaarheid` (availability) end in `id`
    but are facts about the volunteer; `klantid` is still a key glued to its word."""
    got = _verdicts(tmp_path, VOLUNTEERS)
    for column in ("betrouwbaarheid", "beschikbaarheid"):
        verdict = got[f"vrijwilligers.{column}"]
        assert verdict.personal, verdict
        assert "identifier" not in verdict.reason, verdict.reason
    key = got["vrijwilligers.klantid"]
    assert not key.personal and "identifier" in key.reason, key


def test_a_validity_date_is_the_records_own(tmp_path: Path) -> None:
    """`geldigheid_start_datum` (nl: when the record's validity starts) is the record's own
    life, as `gecerlilik` (tr) is, not a date of the volunteer's."""
    got = _verdicts(tmp_path, VOLUNTEERS)
    assert not got["pasjes.geldigheid_start_datum"].personal, got["pasjes.geldigheid_start_datum"]


# -- a French name puts its noun first; a flag word beside notes in long text says whose

CANDIDATES = """
CREATE TABLE candidat (id_candidat INTEGER PRIMARY KEY, nom_candidat VARCHAR(50),
  prenom_candidat VARCHAR(50), mail_candidat VARCHAR(100));
CREATE TABLE candidature (id_cand INTEGER PRIMARY KEY,
  id_candidat INTEGER REFERENCES candidat(id_candidat), dat_cre_cand DATE);
CREATE TABLE post_it (id_post_it INTEGER PRIMARY KEY, id_cand INTEGER REFERENCES candidature(id_cand),
  message_post_it VARCHAR(255), code_message_post_it VARCHAR(20));
CREATE TABLE justificatif (id INTEGER PRIMARY KEY, id_candidat INTEGER REFERENCES candidat(id_candidat),
  commentaire_admin TEXT, reponse_question VARCHAR(1000));
"""


def test_a_french_column_names_its_noun_first(tmp_path: Path) -> None:
    """`message_post_it` and `commentaire_admin` (fr) are a message and a comment about the
    candidate, as `post_it_message` would be in English; a code of one is no text."""
    got = _verdicts(tmp_path, CANDIDATES)
    for column in ("post_it.message_post_it", "justificatif.commentaire_admin", "justificatif.reponse_question"):
        verdict = got[column]
        assert verdict.personal and verdict.category == "user.content.private", verdict
    assert not got["post_it.code_message_post_it"].personal, got["post_it.code_message_post_it"]


HELPERS = """
CREATE TABLE gebruikers (id INTEGER PRIMARY KEY, voornaam TEXT, email TEXT, adminNotities TEXT,
  isAdmin BOOLEAN);
CREATE TABLE formulieren (id INTEGER PRIMARY KEY, gebruiker_id INTEGER REFERENCES gebruikers(id),
  antwoord_formulier VARCHAR(100));
"""


def test_notes_kept_in_long_text_are_notes_whoever_keeps_them(tmp_path: Path) -> None:
    """`adminNotities text` (nl: the administrator's notes about the user) is free text, not an
    `admin` flag; `isAdmin boolean` is still one. Dutch puts the noun last: `antwoord_formulier`
    is an answer form, not an answer."""
    got = _verdicts(tmp_path, HELPERS)
    notes = got["gebruikers.adminNotities"]
    assert notes.personal and notes.category == "user.content.private", notes
    flag = got["gebruikers.isAdmin"]
    assert not flag.personal and "flag" in flag.reason, flag
    form = got["formulieren.antwoord_formulier"]
    assert form.category != "user.content.private", form
