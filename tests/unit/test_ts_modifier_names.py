"""Properties named `abstract` or `accessor` (TypeScript modifier words) read as the columns they are (review36 R36a D5).

tree-sitter-typescript takes those two words for modifiers and finds no name after them:
the column came out nameless, with a false "syntax error ... from here on may be missing".
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.model import Severity
from cnsnt.sources.schemas.grammars import parser
from cnsnt.sources.schemas.ts_keywords import modifier_names
from tests.unit.schema_entry import column, names, read_entry, write_files

ARTICLE = """\
import { Entity, Column, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "articles" })
export class Article {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: "text", nullable: true }) abstract?: string;
  @Column({ type: "varchar", length: 40 })
  accessor!: string;
  @Column() abstract_count: number;
  @Column() declare: string;
  @Column() reviewer: string;
}
"""


def test_typeorm_reads_a_property_named_abstract_or_accessor_as_its_column(tmp_path: Path):
    write_files(tmp_path, {"src/article.ts": ARTICLE})
    ev = read_entry(tmp_path, "src/*.ts", "typeorm")
    assert not ev.problems, ev.problems  # no false syntax error
    assert names(ev, "articles") == ["id", "abstract", "accessor", "abstract_count", "declare", "reviewer"]
    assert column(ev, "articles.abstract").type == "text"
    assert column(ev, "articles.accessor").type == "varchar(40)"
    assert (column(ev, "articles.abstract").location.line, column(ev, "articles.abstract").location.column) == (6, 3)


def test_the_words_still_read_as_modifiers_where_they_are_and_in_other_forms(tmp_path: Path):
    base = (
        "import { Column, Entity, PrimaryColumn } from 'typeorm';\n"
        "export abstract class Owned {\n  @PrimaryColumn() id: string;\n  @Column() abstract\n"
        "  @Column() owner: string;\n  @Column() 'accessor'?: string;\n  abstract kind: string;\n}\n"
        "@Entity('notes')\nexport class Note extends Owned {\n  @Column() body: string;\n  kind = 'note';\n}\n"
        "@Entity('drafts')\nexport class Draft {\n  @PrimaryColumn() id: string;\n  @Column() abstract = 'none';\n}\n"
    )
    write_files(tmp_path, {"src/note.ts": base})
    ev = read_entry(tmp_path, "src/*.ts", "typeorm")
    assert not ev.problems, ev.problems
    # `abstract class`, `abstract kind` stay modifiers; the word ended by the line is the name
    assert names(ev, "notes") == ["id", "abstract", "owner", "accessor", "body"]
    assert names(ev, "drafts") == ["id", "abstract"]


def test_mikroorm_sequelize_typescript_and_nestjs_mongoose_read_them_too(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "mikro/book.ts": (
                "import { Entity, PrimaryKey, Property } from '@mikro-orm/core';\n"
                "@Entity()\nexport class Book {\n  @PrimaryKey() id!: number;\n"
                "  @Property({ nullable: true }) abstract?: string;\n  @Property() blurb!: string;\n}\n"
            ),
            "seq/thesis.ts": (
                "import { Column, DataType, Model, Table } from 'sequelize-typescript';\n"
                "@Table({ tableName: 'theses' })\nexport class Thesis extends Model {\n"
                "  @Column(DataType.TEXT) abstract?: string;\n  @Column(DataType.STRING) supervisor: string;\n}\n"
            ),
            "nest/talk.schema.ts": (
                "import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';\n"
                "@Schema({ collection: 'talks' })\nexport class Talk {\n"
                "  @Prop() abstract?: string;\n  @Prop() speaker: string;\n}\n"
                "export const TalkSchema = SchemaFactory.createForClass(Talk);\n"
            ),
        },
    )
    mikro = read_entry(tmp_path, "mikro/*.ts", "mikroorm")
    assert not mikro.problems and names(mikro, "book") == ["id", "abstract", "blurb"]
    seq = read_entry(tmp_path, "seq/*.ts", "sequelize")
    assert not seq.problems and "abstract" in names(seq, "theses")
    nest = read_entry(tmp_path, "nest/*.ts", "mongoose")
    assert not nest.problems
    assert [c.name for c in next(t for t in nest.tables if t.name == "talks").columns][1:3] == ["abstract", "speaker"]


def test_a_name_cnsnt_cannot_read_is_no_nameless_column_and_is_said_where(tmp_path: Path):
    broken = (
        "import { Entity, Column, PrimaryColumn } from 'typeorm';\n"
        "@Entity('reports')\nexport class Report {\n  @PrimaryColumn() id: string;\n"
        "  @Column() ?: string;\n  @Column() title: string;\n}\n"
    )
    write_files(tmp_path, {"src/report.ts": broken})
    ev = read_entry(tmp_path, "src/*.ts", "typeorm")
    assert names(ev, "reports") == ["id", "title"]  # no column named ''
    warned = [p for p in ev.problems if p.severity is Severity.WARNING]
    assert [(p.location.path, p.location.line, p.location.column) for p in warned] == [("src/report.ts", 5, 13)]
    assert "name cnsnt cannot read" in warned[0].message


def test_only_the_words_that_stand_for_a_name_are_respelt():
    source = b"abstract class A {\n  abstract size: number;\n  abstract?: string;\n  accessor: number;\n}\n"
    tree = parser("typescript", "a test").parse(source)
    fixed = modifier_names(tree.root_node, source)
    assert fixed == source.replace(b"  abstract?", b"  _bstract?").replace(b"accessor:", b"_ccessor:")
