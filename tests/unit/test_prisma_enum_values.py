"""prisma30: a Prisma enum field carries its enum's values to the classifier (review29 D3).

The schemas here are written for these tests, after review29's hospital (patients,
admissions whose status says whether the patient was discharged or died).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from tests.unit.schema_entry import column, read_entry, write_files

DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'

HOSPITAL = """
model Paciente {
  id          Int          @id
  nome        String
  cpf         String
  internacoes Internacao[]

  @@map("pacientes")
}

model Internacao {
  id          Int              @id
  paciente    Paciente         @relation(fields: [pacienteId], references: [id])
  pacienteId  Int              @map("paciente_id")
  dataEntrada DateTime         @map("data_entrada")
  status      StatusInternacao
  fila        EstadoFila
  motivos     StatusInternacao[]

  @@map("internacoes")
}

/// how an admission ended
enum StatusInternacao {
  ATIVA
  CONCLUIDA_ALTA   @map("alta")
  CONCLUIDA_OBITO  @map("3") // a code in the database
  @@map("status_internacao")
}

enum EstadoFila {
  ABERTA
  FECHADA
}
"""


def _read(tmp_path: Path, files: dict[str, str]):
    write_files(tmp_path, files)
    return read_entry(tmp_path, "prisma/*.prisma")


def test_an_enum_field_is_typed_by_its_values_and_named(tmp_path: Path) -> None:
    """The values as the schema names them (not a `@map` code), in the shape of MySQL's `ENUM(...)`."""
    ev = _read(tmp_path, {"prisma/schema.prisma": DATASOURCE + HOSPITAL})
    assert column(ev, "internacoes.status").type == (
        "enum('ATIVA','CONCLUIDA_ALTA','CONCLUIDA_OBITO') /* StatusInternacao */"
    )
    assert column(ev, "internacoes.fila").type == "enum('ABERTA','FECHADA') /* EstadoFila */"
    # a list of them is an array of the enum's type, as PostgreSQL stores it
    assert column(ev, "internacoes.motivos").type == "StatusInternacao[]"
    assert ev.problems == []


def test_the_status_of_a_patients_admission_is_health_data(tmp_path: Path) -> None:
    """`CONCLUIDA_OBITO`: discharged or dead, how the care went, as for a SQL `ENUM` column."""
    ev = _read(tmp_path, {"prisma/schema.prisma": DATASOURCE + HOSPITAL})
    got = classify_tables(list(ev.tables))
    status = got["internacoes.status"]
    assert status.personal and status.category == "user.health", status
    assert "CONCLUIDA_ALTA" in status.reason, status
    # a queue's open and closed say nothing of the patient
    assert not got["internacoes.fila"].personal, got["internacoes.fila"]


def test_an_enum_kept_in_another_file_still_gives_its_values(tmp_path: Path) -> None:
    """A multi-file schema (`prisma/schema/*.prisma`) may keep its enums apart from the models."""
    models, _, enums = HOSPITAL.partition("/// how an admission ended")
    ev = _read(
        tmp_path,
        {"prisma/a_enums.prisma": "/// how an admission ended" + enums, "prisma/b_models.prisma": DATASOURCE + models},
    )
    assert column(ev, "internacoes.status").type.startswith("enum('ATIVA',")
    assert classify_tables(list(ev.tables))["internacoes.status"].category == "user.health"


def test_a_broken_enum_line_is_said_and_the_others_are_read(tmp_path: Path) -> None:
    """`= 2` is no Prisma: a CN001 problem at its place, never a silent skip; the values around it stay."""
    text = DATASOURCE + "enum Fase {\n  ABERTA\n  FECHADA = 2\n  ARQUIVADA\n}\n\nmodel Caso {\n  id Int @id\n  fase Fase\n}\n"
    ev = _read(tmp_path, {"prisma/schema.prisma": text})
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(7, 11)]
    assert "unexpected '=' after enum value 'FECHADA'" in ev.problems[0].message
    assert column(ev, "Caso.fase").type == "enum('ABERTA','ARQUIVADA') /* Fase */"


# -- Sequelize: `DataTypes.ENUM('a', 'b')` gives its values the same way

SEQUELIZE = """const { DataTypes } = require("sequelize");
module.exports = (sequelize) => {
  sequelize.define("Paciente", { nome: DataTypes.STRING, cpf: DataTypes.STRING }, { tableName: "pacientes" });
  return sequelize.define("Internacao", {
    pacienteId: { type: DataTypes.INTEGER, field: "paciente_id", references: { model: "pacientes", key: "id" } },
    status: { type: DataTypes.ENUM("ATIVA", "CONCLUIDA_ALTA", "CONCLUIDA_OBITO") },
    fila: new DataTypes.ENUM("ABERTA", "FECHADA"),
  }, { tableName: "internacoes" });
};
"""


def test_a_sequelize_enum_call_gives_its_values(tmp_path: Path) -> None:
    """`DataTypes.ENUM(...)` was a bare `ENUM`: its values now reach the D3 rule as MySQL's do."""
    write_files(tmp_path, {"models/internacao.js": SEQUELIZE})
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    assert column(ev, "internacoes.status").type == "enum('ATIVA','CONCLUIDA_ALTA','CONCLUIDA_OBITO')"
    assert column(ev, "internacoes.fila").type == "enum('ABERTA','FECHADA')"
    got = classify_tables(list(ev.tables))
    assert got["internacoes.status"].category == "user.health", got["internacoes.status"]
    assert not got["internacoes.fila"].personal, got["internacoes.fila"]
