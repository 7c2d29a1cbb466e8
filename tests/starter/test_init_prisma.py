"""Prisma in `cnsnt init`: the schema Prisma uses, not a stale copy; its migrations named in a note.

Found on mateofonsecaa/tugabinete `b33ed45` (review22 D5, D14): `backend/prisma/schema.prisma`
beside `backup-gallery/schema.prisma`, an old copy of 17 of its 18 models, and 39
`prisma/migrations/*/migration.sql`. Only the layout follows that project; the files are
written here.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey

CLIENTE = (
    'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'
    "model Cliente {\n  id       Int     @id @default(autoincrement())\n  nombre   String\n"
    "  telefono String?\n}\n"
)
TURNO = "model Turno {\n  id Int @id\n  clienteId Int\n  fecha DateTime\n}\n"


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _schemas(root: Path) -> tuple[list[str], list[str]]:
    found, notes = survey(root)
    return [f.pattern for f in found if f.kind == "schemas"], notes


def test_a_stale_copy_of_the_schema_is_left_out_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "prisma/schema.prisma", CLIENTE + TURNO)
    # the copy is shallower, and has a column the app no longer has
    _write(tmp_path, "backup-old/schema.prisma", CLIENTE.replace("  telefono", "  dni String?\n  telefono"))
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]
    assert (
        "left out backup-old/schema.prisma: 1 of its 1 Prisma models are defined in prisma/schema.prisma, "
        "the schema in a prisma/ folder, where Prisma looks" in "\n".join(notes)
    )


def test_package_json_names_the_schema_prisma_uses(tmp_path: Path) -> None:
    _write(tmp_path, "package.json", '{"name": "app", "prisma": {"schema": "./db/main.prisma"}}')
    _write(tmp_path, "db/main.prisma", CLIENTE)
    _write(tmp_path, "prisma/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["db/main.prisma"]
    assert any("left out prisma/schema.prisma" in n and "package.json names" in n for n in notes)


def test_without_prisma_folder_the_shallowest_is_kept(tmp_path: Path) -> None:
    _write(tmp_path, "schema.prisma", CLIENTE)
    _write(tmp_path, "old/copy/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["schema.prisma"]
    assert any("left out old/copy/schema.prisma" in n and "the shallowest" in n for n in notes)


def test_schemas_of_other_models_are_all_kept(tmp_path: Path) -> None:
    """A multi-file schema's files, or two apps' schemas, define different models: none is a copy."""
    _write(tmp_path, "prisma/schema/cliente.prisma", CLIENTE)
    _write(tmp_path, "prisma/schema/turno.prisma", TURNO)
    _write(tmp_path, "admin/schema.prisma", TURNO.replace("Turno", "Usuario") + CLIENTE.split("model")[0])
    schemas, notes = _schemas(tmp_path)
    assert sorted(schemas) == ["admin/schema.prisma", "prisma/schema/*.prisma"]
    assert not any("left out" in n for n in notes)


def test_prisma_migrations_beside_the_schema_get_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "backend/prisma/schema.prisma", CLIENTE)
    for version in ("20251022012117_init", "20251023000000_add_telefono"):
        _write(tmp_path, f"backend/prisma/migrations/{version}/migration.sql", "CREATE TABLE x (id INT);\n")
    _write(tmp_path, "backend/prisma/migrations/migration_lock.toml", 'provider = "postgresql"\n')
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["backend/prisma/schema.prisma"]
    assert (
        "Prisma schema backend/prisma/schema.prisma: read instead of the 2 migration files in "
        "backend/prisma/migrations (their history" in "\n".join(notes)
    )


def test_a_copy_beside_the_schema_is_left_out_of_its_folder(tmp_path: Path) -> None:
    _write(tmp_path, "prisma/schema.prisma", CLIENTE + TURNO)
    _write(tmp_path, "prisma/schema.backup.prisma", CLIENTE + TURNO)
    _write(tmp_path, "prisma/extra.prisma", "model Nota {\n  id Int @id\n  texto String\n}\n")
    schemas, notes = _schemas(tmp_path)
    assert sorted(schemas) == ["prisma/extra.prisma", "prisma/schema.prisma"]
    assert any("left out prisma/schema.backup.prisma: 2 of its 2" in n for n in notes)


CONFIG = """import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  migrations: { path: "db/migrations" },
  schema: %s,
});
"""


def test_prisma_config_names_the_schema_prisma_uses(tmp_path: Path) -> None:
    """Prisma 6: `prisma.config.ts` names the schema, before package.json and the prisma/ folder."""
    _write(tmp_path, "prisma.config.ts", CONFIG % '"db/schema"')
    _write(tmp_path, "package.json", '{"name": "app", "prisma": {"schema": "./prisma/schema.prisma"}}')
    _write(tmp_path, "db/schema/cliente.prisma", CLIENTE)
    _write(tmp_path, "db/schema/turno.prisma", TURNO)
    _write(tmp_path, "prisma/schema.prisma", CLIENTE + TURNO)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["db/schema/*.prisma"]
    text = "\n".join(notes)
    assert "Prisma schema db/schema: the one prisma.config.ts names, proposed before any other" in text
    assert (
        "left out prisma/schema.prisma: 2 of its 2 Prisma models are defined in db/schema/cliente.prisma, "
        "the schema prisma.config.ts names" in text
    )


def test_prisma_config_in_a_package_folder_names_a_file_beside_it(tmp_path: Path) -> None:
    _write(tmp_path, "backend/prisma.config.ts", CONFIG % "'./models/main.prisma'")
    _write(tmp_path, "backend/models/main.prisma", CLIENTE)
    _write(tmp_path, "backend/prisma/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["backend/models/main.prisma"]
    assert any("left out backend/prisma/schema.prisma" in n and "backend/prisma.config.ts names" in n for n in notes)
    _write(tmp_path, "backend/prisma/schema.prisma", "")
    (tmp_path / "backend/prisma/schema.prisma").unlink()
    schemas, notes = _schemas(tmp_path)
    assert "Prisma schema backend/models/main.prisma: the one backend/prisma.config.ts names" in notes


def test_a_computed_schema_path_falls_back_and_says_where(tmp_path: Path) -> None:
    _write(tmp_path, "prisma.config.ts", CONFIG % 'path.join(__dirname, "db", "schema.prisma")')
    _write(tmp_path, "db/schema.prisma", CLIENTE)
    _write(tmp_path, "prisma/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]  # today's choice: the prisma/ folder
    text = "\n".join(notes)
    assert (
        'prisma.config.ts:6:11: the schema\'s path is computed (path.join(__dirname, "db", "schema.prisma")), '
        "which cnsnt does not run; the schema is chosen as without the config" in text
    )
    assert "left out db/schema.prisma" in text


def test_a_config_without_schema_or_naming_nothing_found(tmp_path: Path) -> None:
    _write(tmp_path, "prisma.config.ts", 'export default { migrations: { schema: "x.prisma" } };\n')
    _write(tmp_path, "prisma/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]
    assert not any("prisma.config.ts" in n for n in notes)  # a nested `schema` is not the config's
    _write(tmp_path, "prisma.config.ts", CONFIG % '"nowhere/schema.prisma"')
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]
    assert any(
        "prisma.config.ts names the Prisma schema nowhere/schema.prisma, where no .prisma file was found" in n
        for n in notes
    )


def test_a_config_cnsnt_cannot_parse_is_said_with_its_place(tmp_path: Path) -> None:
    _write(tmp_path, "prisma.config.ts", "export default defineConfig({\n  schema: \n")
    _write(tmp_path, "prisma/schema.prisma", CLIENTE)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]
    [said] = [n for n in notes if "prisma.config.ts" in n]
    assert said.startswith("prisma.config.ts:") and "not read (a syntax error)" in said


def test_only_the_exported_configs_schema_key_counts(tmp_path: Path) -> None:
    """`const pg = { schema: "public" }` before `defineConfig({ schema: "db/main.prisma" })` is no
    schema path; the shorthand `{ schema }` is a computed one, said in a note (code review)."""
    from cnsnt.starter.prisma_config import config_schemas

    first = tmp_path / "a"
    _write(first, "prisma.config.ts",
           'import { defineConfig } from "prisma/config";\nconst pg = { schema: "public" };\n'
           'export default defineConfig({ schema: "db/main.prisma" });\n')
    found = config_schemas([first / "prisma.config.ts"], first)
    assert [p.name for p in found.named] == ["main.prisma"]
    second = tmp_path / "b"
    _write(second, "prisma.config.ts",
           'import { defineConfig } from "prisma/config";\nconst schema = "db/main.prisma";\n'
           "export default defineConfig({ schema });\n")
    found = config_schemas([second / "prisma.config.ts"], second)
    assert not found.named and found.unread and "computed" in found.unread[0]


CLIENT = 'generator client {\n  provider = "prisma-client-js"\n  output   = "../generated/%s"\n}\n'
DATASOURCE = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL_%s")\n}\n'
SOCIO = "model socio {\n  id Int @id\n  nombre String\n  telefono String?\n}\n"
CUOTA = "model cuota {\n  id Int @id\n  socio_id Int\n  importe Decimal\n}\n"


def test_a_schema_without_a_generator_is_the_copy_of_one_with(tmp_path: Path) -> None:
    """Of two schemas in prisma/, the one Prisma generates the client from is kept (trial37).

    A club app kept an old hand-written `prisma/schema.prisma` (its datasource, no generator:
    no client comes from it) beside `prisma/schema.club.prisma`, whose generator writes the
    client the code imports. The default name won, and the schema in use was left out.
    """
    _write(tmp_path, "prisma/schema.prisma", DATASOURCE % "OLD" + SOCIO + CUOTA)
    _write(tmp_path, "prisma/schema.club.prisma", CLIENT % "club" + DATASOURCE % "CLUB" + SOCIO + CUOTA)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.club.prisma"]
    assert (
        "left out prisma/schema.prisma: 2 of its 2 Prisma models are defined in prisma/schema.club.prisma, "
        "a schema Prisma generates a client from; this one has a datasource but no generator block"
    ) in "\n".join(notes)


def test_models_differing_only_in_case_are_the_same_tables(tmp_path: Path) -> None:
    """`Socio` and `socio` map the same table in the audit (names match case-insensitively).

    The copy written by hand names its models in PascalCase; `prisma db pull` wrote the
    schema in use in lower case: both were proposed, and every table counted twice.
    """
    pascal = SOCIO.replace("model socio", "model Socio") + CUOTA.replace("model cuota", "model Cuota")
    _write(tmp_path, "prisma/schema.prisma", CLIENT % "app" + DATASOURCE % "APP" + SOCIO + CUOTA)
    _write(tmp_path, "backup/schema.prisma", CLIENT % "old" + DATASOURCE % "OLD" + pascal)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema.prisma"]
    assert any("left out backup/schema.prisma: 2 of its 2 Prisma models" in n for n in notes)


def test_a_multi_file_schemas_model_files_stay_before_a_copy_with_a_generator(tmp_path: Path) -> None:
    """A multi-file schema's model files have no datasource: they are not schemas without a client."""
    _write(tmp_path, "prisma/schema/main.prisma", CLIENT % "app" + DATASOURCE % "APP")
    _write(tmp_path, "prisma/schema/socio.prisma", SOCIO + CUOTA)
    _write(tmp_path, "backup/schema.prisma", CLIENT % "old" + DATASOURCE % "OLD" + SOCIO + CUOTA)
    schemas, notes = _schemas(tmp_path)
    assert schemas == ["prisma/schema/*.prisma"]
    assert any("left out backup/schema.prisma: 2 of its 2" in n for n in notes)
