"""review25 D6 and D7: readings that ignored the schema's language, a column's type, or a key's target.

The fixtures are written for these tests after the snippets of review25 (a German
patient register of a Symfony app, a Brazilian pharmacy's Prisma models).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.evidence import ForeignKey, Table
from tests.unit.schema_entry import read_entry, typed_table, write_files


def _patients(*extra: tuple[str, str]) -> Table:
    """A German register of patients (after review25's `Patient` entity)."""
    return typed_table(
        "patient",
        [
            ("id", "INT"),
            ("vorname", "VARCHAR(255)"),
            ("nachname", "VARCHAR(255)"),
            ("geburtsdatum", "DATE"),
            ("krankenkasse", "VARCHAR(255)"),
            ("versichertennummer", "VARCHAR(255)"),
            ("kv_bereich", "VARCHAR(255)"),
            ("versichertenstatuskvk", "VARCHAR(255)"),
            ("valid_till", "DATE"),
            *extra,
        ],
    )


def test_a_russian_word_in_latin_letters_is_not_read_in_a_german_schema() -> None:
    """`kv_bereich` is the Kassenärztliche Vereinigung's region, not a Russian flat (`kv.`)."""
    got = classify_tables([_patients()])["patient.kv_bereich"]
    assert got.category != "user.contact.address.street", got
    assert "(ru)" not in got.reason, got


def test_a_russian_word_in_latin_letters_is_read_in_an_english_schema() -> None:
    """Identifiers are English whatever their authors speak: `FIO` (ФИО) is still a full name."""
    entries = typed_table(
        "RegistryEntries",
        [("id", "INT"), ("FIO", "VARCHAR(255)"), ("EntryNumber", "VARCHAR(50)"), ("Address", "TEXT")],
    )
    got = classify_tables([entries])["RegistryEntries.FIO"]
    assert got.personal and got.category == "user.name", got


def test_a_date_is_no_flag() -> None:
    """`valid_till date`: a date or a time is no yes/no, whatever its name says of a state."""
    got = classify_tables([_patients()])["patient.valid_till"]
    assert "flag" not in got.reason, got


def test_a_german_insurance_card_status_names_no_company() -> None:
    """`versichertenstatuskvk`: KVK is the German health-insurance card, not the Dutch
    chamber of commerce's number; the patients' register has no rows that are companies."""
    verdict = table_verdicts([_patients()])["patient"]
    assert "compan" not in verdict.reason, verdict
    assert verdict.context.describes, verdict


def test_a_register_of_patients_with_a_company_column_says_so_readably() -> None:
    """Both clauses at once read as a sentence, not 'some rows are companies, patients'."""
    verdict = table_verdicts([_patients(("firmenname", "VARCHAR(255)"))])["patient"]
    assert "companies, patients" not in verdict.reason, verdict
    # a register of patients, no care record (review36 R36a D2)
    assert "patients: a register of them; but" in verdict.reason, verdict
    assert "'firmenname' names a company" in verdict.reason, verdict


# A pharmacy network's requisitions between its establishments, and a receipt of goods.
PHARMACY = """\
model Estabelecimento {
  id           String       @id @default(uuid())
  nome         String       @unique
  cnes         String?
  tipo         String
  solicitacoes Requisicao[] @relation("Solicitante")
  atendimentos Requisicao[] @relation("Atendente")
}

model Requisicao {
  id              String          @id @default(uuid())
  solicitanteId   String
  solicitante     Estabelecimento @relation("Solicitante", fields: [solicitanteId], references: [id])
  atendenteId     String
  atendente       Estabelecimento @relation("Atendente", fields: [atendenteId], references: [id])
  dataSolicitacao DateTime        @default(now())
  dataAtendimento DateTime?
  observacoes     String?
}

model Entrada {
  id              String @id @default(uuid())
  documentoTipo   String
  numeroDocumento String
  valorTotal      Float
}

model Paciente {
  id             String         @id @default(uuid())
  nome           String
  cpf            String         @unique
  dataNascimento DateTime
}

model Agendamento {
  id             String @id @default(uuid())
  solicitanteId  String
  solicitante    Paciente @relation(fields: [solicitanteId], references: [id])
  dataAgendada   DateTime
}
"""


def _pharmacy(tmp_path: Path) -> list[Table]:
    write_files(tmp_path, {"prisma/schema.prisma": PHARMACY})
    return list(read_entry(tmp_path, "prisma/schema.prisma").tables)


def test_a_declared_key_to_an_establishment_is_no_link_to_a_person(tmp_path: Path) -> None:
    """`solicitanteId` (a requester) whose relation targets `Estabelecimento` is the
    pharmacy that asked, not a person: the requisition's dates are no one's behaviour."""
    tables = _pharmacy(tmp_path)
    keys = {t.name: t.foreign_keys for t in tables}
    assert ForeignKey(("solicitanteId",), "Estabelecimento", ("id",)) in keys["Requisicao"]
    verdict = table_verdicts(tables)["Requisicao"]
    assert verdict.kind == "not about people", verdict
    got = classify_tables(tables)
    assert not got["Requisicao.dataSolicitacao"].personal, got["Requisicao.dataSolicitacao"]


def test_a_declared_key_to_a_person_still_links(tmp_path: Path) -> None:
    """The same name, keyed to a patient, says whom the row is about."""
    tables = _pharmacy(tmp_path)
    assert table_verdicts(tables)["Agendamento"].kind == "linked to people"
    assert classify_tables(tables)["Agendamento.dataAgendada"].personal


def test_a_document_number_alone_is_no_national_id(tmp_path: Path) -> None:
    """`Entrada(documentoTipo, numeroDocumento, valorTotal)`: an invoice's number in a
    receipt of goods, which no person's column reaches; not a person's national id."""
    tables = _pharmacy(tmp_path)
    verdict = table_verdicts(tables)["Entrada"]
    assert verdict.kind == "not about people", verdict
    got = classify_tables(tables)
    for name in ("documentoTipo", "numeroDocumento", "valorTotal"):
        assert not got[f"Entrada.{name}"].personal, got[f"Entrada.{name}"]


def test_a_national_id_alone_still_says_whose_row() -> None:
    """`necessitat.dni`: a person's national number says whom the row is about."""
    needs = typed_table("necessitat", [("id", "INT"), ("dni", "VARCHAR(9)"), ("descripcio", "TEXT")])
    assert table_verdicts([needs])["necessitat"].kind == "linked to people"


def test_a_document_number_in_a_persons_row_is_theirs() -> None:
    """In a register of people the same words are their identity document's number."""
    people = typed_table(
        "pessoas",
        [
            ("id", "INT"),
            ("nome", "VARCHAR(100)"),
            ("numero_documento", "VARCHAR(20)"),
            ("email", "VARCHAR(100)"),
        ],
    )
    got = classify_tables([people])["pessoas.numero_documento"]
    assert got.personal and (got.category or "").startswith("user.government_id"), got


def test_any_documents_number_alone_does_not_make_the_row_a_persons() -> None:
    """`albaranes.nro_documento` (Spanish, still a strong term): a delivery note's number,
    the only identifier in a table no person's column reaches, says whom no row is about."""
    notes = typed_table(
        "albaranes",
        [("id", "INT"), ("nro_documento", "VARCHAR(20)"), ("fecha", "DATE"), ("importe", "DECIMAL(10,2)")],
    )
    verdict = table_verdicts([notes])["albaranes"]
    assert verdict.kind == "not about people", verdict
    assert not classify_tables([notes])["albaranes.importe"].personal


def test_a_transliterated_russian_word_stays_in_a_schema_written_mostly_in_english() -> None:
    """`users.fio` beside one German table is still a full name (codereview24 F5)."""
    users = typed_table("users", [("id", "INT"), ("fio", "VARCHAR(200)"), ("email", "VARCHAR(100)"),
                                  ("password", "VARCHAR(100)"), ("created_at", "TIMESTAMP")])
    orders = typed_table("orders", [("id", "INT"), ("user_id", "INT"), ("total", "DECIMAL"),
                                    ("shipping_address", "TEXT"), ("created_at", "TIMESTAMP")])
    kunden = typed_table("kunden", [("id", "INT"), ("vorname", "TEXT"), ("nachname", "TEXT")])
    got = classify_tables([users, orders, kunden])
    assert got["users.fio"].category == "user.name"


def test_the_order_of_the_tables_changes_no_reason() -> None:
    """A declared key's target is read as it was before linking began (codereview24 F8)."""
    requisicao = typed_table(
        "requisicao",
        [("id", "INT"), ("solicitante_id", "INT"), ("data", "DATE")],
        (ForeignKey(("solicitante_id",), "estabelecimento"),),
    )
    estabelecimento = typed_table(
        "estabelecimento",
        [("id", "INT"), ("nome", "VARCHAR(100)"), ("responsavel_nome", "VARCHAR(100)"),
         ("responsavel_cpf", "VARCHAR(14)")],
    )
    forward = table_verdicts([requisicao, estabelecimento])
    backward = table_verdicts([estabelecimento, requisicao])
    assert {k: (v.kind, v.reason) for k, v in forward.items()} == {
        k: (v.kind, v.reason) for k, v in backward.items()
    }
