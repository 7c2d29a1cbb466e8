"""EF Core inheritance read from the code: TPH (the default), TPT and TPC, as the model snapshot maps them."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from tests.unit.schema_entry import names, read_entry, write_files

# A clinic's people: doctors and patients are people (review34 R34b D1).
MODELS = """\
public class Pessoa { public int Id { get; set; } public string Nome { get; set; } }
public class Medico : Pessoa { public int CRM { get; set; } public string Especialidade { get; set; } }
"""
CONTEXT = """\
public class AppDbContext : DbContext
{
    public DbSet<Pessoa> Pessoas { get; set; }
    public DbSet<Medico> Medicos { get; set; }
    protected override void OnModelCreating(ModelBuilder builder) { builder.ApplyConfiguration(new PessoaMap()); }
}
"""
TPT_MAP = """\
public class PessoaMap : IEntityTypeConfiguration<Pessoa>
{
    public void Configure(EntityTypeBuilder<Pessoa> builder) { builder.UseTptMappingStrategy(); }
}
"""
SNAPSHOT = """\
[DbContext(typeof(AppDbContext))]
partial class AppDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("Pessoa", b =>
            {
                b.Property<int>("Id").HasColumnType("int");
                b.Property<string>("Nome").HasColumnType("nvarchar(max)");
                b.HasKey("Id");
                b.ToTable("Pessoas");
                b.UseTptMappingStrategy();
            });
        modelBuilder.Entity("Medico", b =>
            {
                b.HasBaseType("Pessoa");
                b.Property<int>("CRM").HasColumnType("int");
                b.Property<string>("Especialidade").HasColumnType("nvarchar(max)");
                b.ToTable("Medicos");
            });
    }
}
"""


def _tables(tmp_path: Path, files: dict[str, str]) -> dict[str, list[str]]:
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "**/*.cs", "efcore")
    assert not ev.problems, [p.message for p in ev.problems]
    return {t.key: names(ev, t.key) for t in ev.tables if not t.name.startswith("AspNet")}


def test_tpt_in_a_configuration_class_agrees_with_the_snapshot_and_says_no_migration_is_missing(tmp_path: Path):
    files = {"Models.cs": MODELS, "Data/PessoaMap.cs": TPT_MAP, "Data/AppDbContext.cs": CONTEXT}
    # the code alone: each type its own table, the derived one with the key and what it adds
    assert _tables(tmp_path, files) == {"Pessoas": ["Id", "Nome"], "Medicos": ["Id", "CRM", "Especialidade"]}
    ev = read_entry(tmp_path, "**/*.cs", "efcore")
    assert [fk for t in ev.tables for fk in t.foreign_keys] == [ForeignKey(("Id",), "Pessoas", ("Id",))]
    # with the snapshot: the same tables, and no phantom `Pessoas.CRM` "missing from the snapshot"
    files["Migrations/AppDbContextModelSnapshot.cs"] = SNAPSHOT
    assert _tables(tmp_path, files) == {"Pessoas": ["Id", "Nome"], "Medicos": ["Id", "CRM", "Especialidade"]}


def test_tpt_inline_in_on_model_creating_chained_with_to_table_and_three_levels(tmp_path: Path):
    models = MODELS + (
        "public class Cirurgiao : Medico { public string Area { get; set; } }\n"
        "public class Paciente : Pessoa { public string Convenio { get; set; } }\n"
    )
    context = (
        "public class AppDbContext : DbContext\n{\n"
        "    public DbSet<Pessoa> Pessoas { get; set; }\n    public DbSet<Medico> Medicos { get; set; }\n"
        "    public DbSet<Cirurgiao> Cirurgioes { get; set; }\n"
        "    protected override void OnModelCreating(ModelBuilder builder)\n    {\n"
        '        builder.Entity<Pessoa>().UseTptMappingStrategy().ToTable("People");\n'
        "        builder.Entity<Paciente>();\n    }\n}\n"
    )
    assert _tables(tmp_path, {"Models.cs": models, "AppDbContext.cs": context}) == {
        "People": ["Id", "Nome"],
        "Medicos": ["Id", "CRM", "Especialidade"],
        "Cirurgioes": ["Id", "Area"],
        "Paciente": ["Id", "Convenio"],  # no DbSet: the class's name
    }
    ev = read_entry(tmp_path, "**/*.cs", "efcore")
    keys = {t.key: list(t.foreign_keys) for t in ev.tables}
    assert keys["Cirurgioes"] == [ForeignKey(("Id",), "Medicos", ("Id",))]  # its parent type's table


def test_tpt_in_an_identity_user_hierarchy_keeps_aspnetusers_as_identity_has_it(tmp_path: Path):
    files = {
        "Models.cs": (
            "public class Cadastro : IdentityUser { public string Nome { get; set; } }\n"
            "public class Medico : Cadastro { public string CRM { get; set; } }\n"
            "public class Paciente : Cadastro { public int ConvenioId { get; set; } }\n"
        ),
        "CadastroMap.cs": (
            "public class CadastroMap : IEntityTypeConfiguration<Cadastro>\n{\n"
            "    public void Configure(EntityTypeBuilder<Cadastro> builder) { builder.UseTptMappingStrategy(); }\n}\n"
        ),
        "AppDbContext.cs": (
            "public class AppDbContext : IdentityDbContext<Cadastro>\n{\n"
            "    public DbSet<Medico> Medicos { get; set; }\n    public DbSet<Paciente> Pacientes { get; set; }\n"
            "    protected override void OnModelCreating(ModelBuilder builder)\n    {\n"
            "        base.OnModelCreating(builder);\n        builder.ApplyConfiguration(new CadastroMap());\n    }\n}\n"
        ),
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "*.cs", "efcore")
    assert not ev.problems
    users = names(ev, "AspNetUsers")
    assert users[-1] == "Nome" and not {"CRM", "ConvenioId", "Discriminator"} & set(users)
    assert names(ev, "Medicos") == ["Id", "CRM"]
    assert names(ev, "Pacientes") == ["Id", "ConvenioId"]


def test_tpc_gives_each_concrete_type_the_inherited_columns_and_abstract_ones_no_table(tmp_path: Path):
    models = (
        "public abstract class Pessoa { public int Id { get; set; } public string Nome { get; set; } }\n"
        "public abstract class Funcionario : Pessoa { public string Matricula { get; set; } }\n"
        "public class Medico : Funcionario { public int CRM { get; set; } }\n"
        "public class Paciente : Pessoa { public string Convenio { get; set; } }\n"
    )
    context = (
        "public class AppDbContext : DbContext\n{\n"
        "    public DbSet<Pessoa> Pessoas { get; set; }\n    public DbSet<Medico> Medicos { get; set; }\n"
        "    public DbSet<Paciente> Pacientes { get; set; }\n"
        "    protected override void OnModelCreating(ModelBuilder builder)\n    {\n"
        "        builder.Entity<Pessoa>(b => { b.UseTpcMappingStrategy(); });\n    }\n}\n"
    )
    assert _tables(tmp_path, {"Models.cs": models, "AppDbContext.cs": context}) == {
        "Medicos": ["Id", "Nome", "Matricula", "CRM"],
        "Pacientes": ["Id", "Nome", "Convenio"],
    }


def test_a_tpc_snapshot_whose_abstract_root_has_no_table_still_gives_the_concrete_tables(tmp_path: Path):
    snapshot = SNAPSHOT.replace('b.ToTable("Pessoas");', "b.ToTable((string)null);").replace(
        "UseTptMappingStrategy", "UseTpcMappingStrategy"
    )
    assert _tables(tmp_path, {"AppDbContextModelSnapshot.cs": snapshot}) == {
        "Medicos": ["Id", "Nome", "CRM", "Especialidade"]
    }


def test_a_table_attribute_on_the_derived_type_is_tpt_without_a_discriminator(tmp_path: Path):
    models = MODELS.replace("public class Medico", '[Table("Medicos")]\npublic class Medico')
    context = CONTEXT.replace(" builder.ApplyConfiguration(new PessoaMap()); ", " ")
    assert _tables(tmp_path, {"Models.cs": models, "AppDbContext.cs": context}) == {
        "Pessoas": ["Id", "Nome"],
        "Medicos": ["Id", "CRM", "Especialidade"],
    }


def test_tph_by_default_or_said_keeps_one_table_with_a_discriminator(tmp_path: Path):
    context = CONTEXT.replace(" builder.ApplyConfiguration(new PessoaMap()); ", " ")
    one_table = {"Pessoas": ["Id", "Nome", "Discriminator", "CRM", "Especialidade"]}
    assert _tables(tmp_path / "default", {"Models.cs": MODELS, "AppDbContext.cs": context}) == one_table
    tph = TPT_MAP.replace("UseTptMappingStrategy", "UseTphMappingStrategy")
    files = {"Models.cs": MODELS, "Data/PessoaMap.cs": tph, "Data/AppDbContext.cs": CONTEXT}
    assert _tables(tmp_path / "said", files) == one_table
