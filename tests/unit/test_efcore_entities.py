"""EF Core models read from the code (DbContext, entity classes, fluent API) when an entry has no snapshot."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.starter.discover import Found, survey
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

# A clinic booking app, database created with EnsureCreated(): no migrations, no snapshot.
CONTEXT = """\
using Microsoft.EntityFrameworkCore;
using Clinic.Domain;

namespace Clinic.Data;

public class ClinicContext : DbContext
{
    public ClinicContext(DbContextOptions<ClinicContext> options) : base(options)
    {
        Database.EnsureCreated();
    }

    public DbSet<Patient> Patients { get; set; }
    public DbSet<Visit> Visits { get; set; }
    public DbSet<Doctor> Doctors => Set<Doctor>();
    public DbSet<Invoice> Invoices { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClinicContext).Assembly);
        modelBuilder.Entity<Invoice>().ToTable("billing_invoices", "billing")
            .Property(i => i.Iban).HasColumnName("iban").HasColumnType("char(34)");
        modelBuilder.Entity<Visit>(b =>
        {
            b.HasOne(v => v.Doctor).WithMany(d => d.Visits).HasForeignKey(v => v.SeenBy);
            b.Ignore(v => v.Summary);
            b.Property(v => v.Notes).HasComment("free text, may hold health data");
        });
    }
}
"""

BASE = """\
namespace Clinic.Domain;

public abstract class BaseEntity
{
    public int Id { get; protected set; }
    public DateTime CreatedAt { get; set; }
}
"""

PATIENT = """\
using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Clinic.Domain;

[Table("people", Schema = "crm")]
public partial class Patient : BaseEntity
{
    [Column("email_address", TypeName = "varchar(320)")]
    public string Email { get; set; }

    [MaxLength(120), Comment("as on the ID card")]
    public string FullName { get; set; }

    [NotMapped]
    public string DisplayName { get; set; }

    public string Initials => FullName.Substring(0, 1);

    public BloodType BloodType { get; set; }

    public ICollection<Visit> Visits { get; set; }

    public ICollection<Allergy> Allergies { get; set; }
}

public enum BloodType : byte { A, B, AB, O }
"""

PATIENT_CONTACT = """\
namespace Clinic.Domain;

public partial class Patient
{
    [StringLength(20)]
    public string? PhoneNumber { get; set; }
}
"""

VISIT = """\
namespace Clinic.Domain;

public class Visit : BaseEntity
{
    public int PatientId { get; set; }
    public Patient Patient { get; set; }
    public int SeenBy { get; set; }
    public Doctor Doctor { get; set; }
    public Room Room { get; set; }
    public string Notes { get; set; }
    public string Summary { get; set; }
}

public class Room
{
    public int RoomId { get; set; }
    public string Label { get; set; }
}

public class Allergy
{
    [Key]
    public Guid Code { get; set; }
    public string Substance { get; set; }
}
"""

DOCTOR = """\
namespace Clinic.Domain;

public class Doctor
{
    public int DoctorId { get; set; }
    public string LicenceNumber { get; set; }
    public List<Visit> Visits { get; set; }
}

public class Invoice : BaseEntity
{
    public string Iban { get; set; }
    public decimal Amount { get; set; }
}
"""

DOCTOR_CONFIG = """\
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clinic.Data.Config;

public class DoctorConfiguration : IEntityTypeConfiguration<Doctor>
{
    public void Configure(EntityTypeBuilder<Doctor> builder)
    {
        builder.ToTable("staff");
        builder.Property(d => d.LicenceNumber).HasMaxLength(12).IsUnicode(false).HasComment("national register");
        builder.Property<string>("PrivateEmail").HasMaxLength(256);
    }
}
"""

CONTROLLER = """\
using Clinic.Data;

public class VisitsController : Controller
{
    private readonly ClinicContext _db;
    public VisitsController(ILogger<VisitsController> log, IDbContextFactory<ClinicContext> factory) { }
    public IActionResult Index( { return View(_db.Visits.ToList()); }
}
"""

PROJECT = {
    "src/Clinic.Data/ClinicContext.cs": CONTEXT,
    "src/Clinic.Data/Config/DoctorConfiguration.cs": DOCTOR_CONFIG,
    "src/Clinic.Domain/BaseEntity.cs": BASE,
    "src/Clinic.Domain/Patient.cs": PATIENT,
    "src/Clinic.Domain/Patient.Contact.cs": PATIENT_CONTACT,
    "src/Clinic.Domain/Visit.cs": VISIT,
    "src/Clinic.Domain/Doctor.cs": DOCTOR,
    "src/Clinic.Web/Controllers/VisitsController.cs": CONTROLLER,
}


def _project(tmp_path: Path, **replace: str) -> None:
    files = dict(PROJECT)
    files.update(replace)
    write_files(tmp_path, files)


def test_dbsets_attributes_conventions_and_fluent_calls_give_tables(tmp_path: Path):
    _project(tmp_path)
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    assert not ev.problems  # the broken controller is never parsed: it holds no part of the model
    assert [t.key for t in ev.tables] == [
        "crm.people",  # [Table("people", Schema = "crm")] over the DbSet's name
        "Visits",  # the DbSet property's name
        "staff",  # the configuration class's ToTable over the DbSet's name
        "billing.billing_invoices",  # ToTable in OnModelCreating
        "Allergy",  # reached by a navigation only: the class's name
        "Room",
    ]
    # the abstract base's properties first, then the class's (both parts of a partial class)
    assert names(ev, "crm.people") == [
        "Id", "CreatedAt", "email_address", "FullName", "BloodType", "PhoneNumber",
    ]  # fmt: skip
    assert column(ev, "crm.people.email_address").type == "varchar(320)"
    assert column(ev, "crm.people.FullName").type == "nvarchar(120)"
    assert column(ev, "crm.people.FullName").comment == "as on the ID card"
    assert column(ev, "crm.people.BloodType").type == "tinyint"  # enum Status : byte
    assert column(ev, "crm.people.PhoneNumber").type == "nvarchar(20)"  # [StringLength(20)]
    assert column(ev, "crm.people.Id").primary_key  # the Id convention, inherited
    # places: the class, each property where it is declared
    assert where(table(ev, "crm.people")) == ("src/Clinic.Domain/Patient.cs", 6)
    assert where(column(ev, "crm.people.Id")) == ("src/Clinic.Domain/BaseEntity.cs", 5)
    assert where(column(ev, "crm.people.PhoneNumber")) == ("src/Clinic.Domain/Patient.Contact.cs", 5)


def test_keys_and_foreign_keys_by_convention_attribute_and_fluent_api(tmp_path: Path):
    _project(tmp_path)
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    visits = table(ev, "Visits")
    # Summary is Ignore()d; RoomId is a shadow foreign key (no Room property holds it)
    assert names(ev, "Visits") == ["Id", "CreatedAt", "PatientId", "SeenBy", "Notes", "RoomId"]
    assert column(ev, "Visits.Notes").comment == "free text, may hold health data"
    assert where(column(ev, "Visits.RoomId")) == ("src/Clinic.Domain/Visit.cs", 9)  # the navigation
    assert list(visits.foreign_keys) == [
        ForeignKey(("SeenBy",), "staff", ("DoctorId",)),  # HasForeignKey(v => v.SeenBy)
        ForeignKey(("PatientId",), "people", ("Id",), "crm"),  # <Navigation>Id
        ForeignKey(("RoomId",), "Room", ("RoomId",)),  # <Type>Id key, shadow FK
    ]
    assert column(ev, "staff.DoctorId").primary_key  # the <Type>Id convention
    assert column(ev, "Allergy.Code").primary_key  # [Key]
    # a collection without an inverse navigation: a shadow <Principal>Id on the element's table
    assert names(ev, "Allergy") == ["Code", "Substance", "PatientId"]
    assert list(table(ev, "Allergy").foreign_keys) == [ForeignKey(("PatientId",), "people", ("Id",), "crm")]


def test_the_configuration_class_and_on_model_creating_set_names_types_and_comments(tmp_path: Path):
    _project(tmp_path)
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    assert names(ev, "staff") == ["DoctorId", "LicenceNumber", "PrivateEmail"]
    assert column(ev, "staff.LicenceNumber").type == "varchar(12)"  # IsUnicode(false)
    assert column(ev, "staff.LicenceNumber").comment == "national register"
    assert column(ev, "staff.PrivateEmail").type == "nvarchar(256)"  # a shadow property
    assert where(column(ev, "staff.PrivateEmail")) == ("src/Clinic.Data/Config/DoctorConfiguration.cs", 12)
    assert column(ev, "billing.billing_invoices.iban").type == "char(34)"
    assert ev.counts["schema_files"] == 7  # the controller is not one of them


def test_a_broken_entity_file_is_cn001_at_its_place_and_the_rest_is_read(tmp_path: Path):
    broken = DOCTOR.replace(
        "public string LicenceNumber { get; set; }", "public string LicenceNumber { get; set; ]"
    )
    _project(tmp_path, **{"src/Clinic.Domain/Doctor.cs": broken})
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    [error] = ev.problems
    assert error.severity is None
    assert (error.location.path, error.location.line, error.location.column) == (
        "src/Clinic.Domain/Doctor.cs",
        6,
        45,
    )
    assert error.message.startswith("C# syntax error")
    assert {"crm.people", "Visits", "billing.billing_invoices"} <= {t.key for t in ev.tables}
    assert "email_address" in names(ev, "crm.people")


# The clinic's snapshot, as of a migration made before visits, staff, invoices and a
# patient's phone were added (the class named otherwise than its context: the attribute counts).
SNAPSHOT = """\
namespace Clinic.Data.Migrations;

[DbContext(typeof(Clinic.Data.ClinicContext))]
partial class InitialModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("Clinic.Domain.Patient", b =>
            {
                b.Property<int>("Id").HasColumnType("int");
                b.Property<string>("Email").HasColumnName("email_address").HasColumnType("nvarchar(400)");
                b.Property<string>("FullName").HasColumnType("nvarchar(120)");
                b.Property<DateTime>("CreatedAt").HasColumnType("datetime2");
                b.Property<byte>("BloodType").HasColumnType("tinyint");
                b.HasKey("Id");
                b.ToTable("people", "crm");
            });
        modelBuilder.Entity("Clinic.Domain.Referral", b =>
            {
                b.Property<string>("Referrer").HasColumnType("nvarchar(max)");
                b.ToTable("Referrals");
            });
    }
}
"""

MIGRATION = (
    "public partial class Initial : Migration\n{\n"
    "    protected override void Up(MigrationBuilder migrationBuilder) { }\n}\n"
)


def test_a_snapshot_is_read_with_what_only_its_contexts_code_has(tmp_path: Path):
    _project(
        tmp_path,
        **{
            "src/Clinic.Data/Migrations/InitialModelSnapshot.cs": SNAPSHOT,
            "src/Clinic.Data/Migrations/20240101_Initial.cs": MIGRATION,
        },
    )
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    # the snapshot's tables first (one the code no longer has is kept), then the code's others
    assert [t.key for t in ev.tables] == [
        "crm.people", "Referrals", "Visits", "staff", "billing.billing_invoices", "Allergy", "Room"
    ]  # fmt: skip
    # where both have a table the snapshot's facts win; the code adds the column it lacks
    assert column(ev, "crm.people.email_address").type == "nvarchar(400)"
    assert where(column(ev, "crm.people.email_address"))[0] == "src/Clinic.Data/Migrations/InitialModelSnapshot.cs"
    assert names(ev, "crm.people")[-1] == "PhoneNumber"
    assert where(column(ev, "crm.people.PhoneNumber")) == ("src/Clinic.Domain/Patient.Contact.cs", 5)
    assert names(ev, "staff") == ["DoctorId", "LicenceNumber", "PrivateEmail"]
    assert ForeignKey(("SeenBy",), "staff", ("DoctorId",)) in table(ev, "Visits").foreign_keys
    # each addition said once, at its place in the code, as a warning
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    assert [(p.location.path, p.location.line, p.location.column) for p in ev.problems][:2] == [
        ("src/Clinic.Domain/Patient.Contact.cs", 5, 5),
        ("src/Clinic.Domain/Visit.cs", 3, 1),
    ]
    assert ev.problems[0].message == (
        "`crm.people.PhoneNumber` is in `ClinicContext` but not in its model snapshot: "
        "a migration may be missing; read from the code"
    )
    assert ev.problems[1].message == (
        "`Visits` is in `ClinicContext` but not in its model snapshot: a migration may be missing "
        "or the table is made by EnsureCreated; read from the code"
    )
    assert len(ev.problems) == 6  # PhoneNumber and five tables
    # read and audited: the fix is the missing migration, not CN001's "what cannot be read"
    assert ev.problems[0].fix is not None and "dotnet ef migrations add" in ev.problems[0].fix
    assert ev.problems[1].fix is not None and "EnsureCreated()" in ev.problems[1].fix


SHOP = {
    "Data/ShopContext.cs": (
        "public class ShopContext : DbContext\n{\n    public DbSet<Buyer> Buyers { get; set; }\n}\n"
    ),
    "Data/Buyer.cs": "public class Buyer\n{\n    public int Id { get; set; }\n    public string Email { get; set; }\n}\n",
    "Data/Migrations/ShopContextModelSnapshot.cs": (
        "[DbContext(typeof(ShopContext))]\npartial class ShopContextModelSnapshot : ModelSnapshot\n{\n"
        "    protected override void BuildModel(ModelBuilder modelBuilder)\n    {\n"
        '        modelBuilder.Entity("Buyer", b =>\n            {\n'
        '                b.Property<int>("Id").HasColumnType("int");\n'
        '                b.Property<string>("Email").HasMaxLength(320).HasColumnType("nvarchar(320)");\n'
        '                b.HasKey("Id");\n                b.ToTable("Buyers");\n            });\n    }\n}\n'
    ),
    "Data/Migrations/20240101_Initial.cs": MIGRATION,
}


def test_a_complete_snapshot_read_with_its_code_is_the_snapshot_alone(tmp_path: Path):
    write_files(tmp_path, SHOP)
    both = read_entry(tmp_path, "Data/**/*.cs", "efcore")
    alone = read_entry(tmp_path, "Data/Migrations/ShopContextModelSnapshot.cs", "efcore")
    assert not both.problems
    assert both.tables == alone.tables
    assert column(both, "Buyers.Email").type == "nvarchar(320)"


def test_a_migrations_folder_is_read_without_parsing_any_code(tmp_path: Path, monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the code was parsed")

    monkeypatch.setattr("cnsnt.sources.schemas.efcore.select", refuse)
    write_files(tmp_path, SHOP)
    ev = read_entry(tmp_path, "Data/Migrations/*.cs", "efcore")
    assert not ev.problems
    assert [t.key for t in ev.tables] == ["Buyers"]
    assert ev.counts["schema_files"] == 1


def test_a_context_without_snapshot_beside_one_with_is_read_from_its_code(tmp_path: Path):
    write_files(
        tmp_path,
        {
            **SHOP,
            "Data/AuditContext.cs": (
                "public class AuditContext : DbContext\n{\n    public DbSet<LogIn> LogIns { get; set; }\n"
                "    public DbSet<Buyer> Buyers { get; set; }\n}\n"
                "public class LogIn\n{\n    public int Id { get; set; }\n    public string IpAddress { get; set; }\n}\n"
            ),
        },
    )
    ev = read_entry(tmp_path, "Data/**/*.cs", "efcore")
    assert not ev.problems  # no snapshot is AuditContext's: nothing is missing from one
    assert [t.key for t in ev.tables] == ["Buyers", "LogIns"]  # a table two models map is listed once
    assert column(ev, "Buyers.Email").type == "nvarchar(320)"


def test_identity_tph_owned_types_and_many_to_many(tmp_path: Path):
    files = {
        "Data/AppDbContext.cs": (
            "public class AppDbContext : IdentityDbContext<AppUser>\n{\n"
            "    public DbSet<Post> Posts { get; set; }\n"
            "    public DbSet<Tag> Tags { get; set; }\n"
            "    public DbSet<Shipment> Shipments { get; set; }\n"
            "    public DbSet<Parcel> Parcels { get; set; }\n"
            "    public DbSet<AppUser> People { get; set; }\n"
            "    protected override void OnModelCreating(ModelBuilder builder)\n    {\n"
            "        base.OnModelCreating(builder);\n"
            '        builder.Entity<IdentityRole>().ToTable("Roles");\n'
            "        builder.Entity<Shipment>().OwnsOne(s => s.Sender, a => a.Property(x => x.Street).HasMaxLength(80));\n"
            "    }\n}\n"
        ),
        "Data/Models.cs": (
            "public class AppUser : IdentityUser\n{\n    public DateOnly BirthDate { get; set; }\n}\n"
            "public class Post\n{\n    public int Id { get; set; }\n    public ICollection<Tag> Tags { get; set; }\n}\n"
            "public class Tag\n{\n    public int Id { get; set; }\n    public ICollection<Post> Posts { get; set; }\n}\n"
            "public class Shipment\n{\n    public int Id { get; set; }\n    public Address Sender { get; set; }\n}\n"
            "public class Parcel : Shipment\n{\n    public decimal Weight { get; set; }\n}\n"
            "public class Address\n{\n    public string Street { get; set; }\n    public string City { get; set; }\n}\n"
        ),
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "Data/*.cs", "efcore")
    assert not ev.problems
    keys = [t.key for t in ev.tables]
    assert {"AspNetUsers", "Roles", "AspNetUserRoles", "AspNetUserClaims", "PostTag"} <= set(keys)
    assert ForeignKey(("RoleId",), "Roles", ("Id",)) in table(ev, "AspNetUserRoles").foreign_keys
    assert "People" not in keys  # Identity's own ToTable("AspNetUsers") wins over a DbSet's name
    users = names(ev, "AspNetUsers")
    assert users[:4] == ["Id", "UserName", "NormalizedUserName", "Email"] and users[-1] == "BirthDate"
    assert column(ev, "AspNetUsers.Email").type == "nvarchar(256)"
    assert where(column(ev, "AspNetUsers.Email")) == ("Data/AppDbContext.cs", 1)  # the base context
    assert where(column(ev, "AspNetUsers.BirthDate")) == ("Data/Models.cs", 3)
    # EF's join table for Post.Tags <-> Tag.Posts
    assert names(ev, "PostTag") == ["PostsId", "TagsId"]
    assert list(table(ev, "PostTag").foreign_keys) == [
        ForeignKey(("PostsId",), "Posts", ("Id",)),
        ForeignKey(("TagsId",), "Tags", ("Id",)),
    ]
    # a derived entity shares its base's table (TPH) with a Discriminator; owned columns are prefixed
    assert names(ev, "Shipments") == ["Id", "Discriminator", "Sender_Street", "Sender_City", "Weight"]
    assert column(ev, "Shipments.Sender_Street").type == "nvarchar(80)"
    assert "Parcels" not in keys


def test_an_entry_without_snapshot_or_context_is_a_warning(tmp_path: Path):
    write_files(tmp_path, {"Models/Blog.cs": BASE, "Web/Broken.cs": CONTROLLER})
    ev = read_entry(tmp_path, "**/*.cs", "efcore")
    assert [(p.severity, p.location.path) for p in ev.problems] == [(Severity.WARNING, "Models/Blog.cs")]
    assert "no EF Core model snapshot" in ev.problems[0].message
    assert "DbContext" in ev.problems[0].message


def test_init_proposes_the_contexts_code_when_there_is_no_snapshot(tmp_path: Path):
    _project(tmp_path)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "src/**/*.cs", format="efcore")]
    assert notes == [
        "EF Core DbContext without a model snapshot: its model is read from the code in src/**/*.cs "
        "(7 files: the context, its entity and configuration classes)"
    ]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    policy = yaml.safe_load((tmp_path / "cnsnt.yaml").read_text())
    assert policy["sources"]["schemas"] == [{"path": "src/**/*.cs", "format": "efcore"}]
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"crm.people.email_address", "crm.people.PhoneNumber", "crm.people.FullName"} <= declared
    assert not [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]


def test_init_keeps_one_folder_and_a_second_solutions_context(tmp_path: Path):
    """A context and its entities in one folder get `<folder>/*.cs`; a sample solution's context its own entry."""
    write_files(
        tmp_path,
        {
            "App.sln": "",
            "src/Data/ShopContext.cs": "public class ShopContext : DbContext { public DbSet<Buyer> Buyers { get; set; } }",
            "src/Data/Buyer.cs": "public class Buyer { public int Id { get; set; } public string Email { get; set; } }",
            "samples/Demo.slnx": "",
            "samples/Demo/ShopContext.cs": "class ShopContext : DbContext { public DbSet<Item> Items { get; set; } }",
            "samples/Demo/Item.cs": "class Item { public int Id { get; set; } }",
        },
    )
    found, _ = survey(tmp_path)
    assert found == [
        Found("schemas", "src/Data/*.cs", format="efcore"),
        Found("schemas", "samples/Demo/*.cs", format="efcore"),
    ]


def test_fluent_relationships_from_either_end_and_a_class_name_declared_twice(tmp_path: Path):
    """`HasMany(...)` alone pairs with the dependent's reference; `WithOne()` picks the side with the FK."""
    write_files(
        tmp_path,
        {
            "src/Media.Data/MediaContext.cs": (
                "public class MediaContext : DbContext\n{\n"
                "    public DbSet<Item> Items { get; set; }\n"
                "    public DbSet<Account> Accounts { get; set; }\n"
                "    protected override void OnModelCreating(ModelBuilder b)\n    {\n"
                "        b.Entity<Item>().HasMany(i => i.Images);\n"
                "        b.Entity<Account>().HasOne(a => a.Avatar).WithOne();\n"
                "    }\n}\n"
            ),
            "src/Media.Data/Entities.cs": (
                "public class Item\n{\n    public Guid Id { get; set; }\n"
                "    public ICollection<ImageInfo> Images { get; set; }\n}\n"
                "public class ImageInfo\n{\n    public int Id { get; set; }\n    public Guid ItemId { get; set; }\n"
                "    public Item Item { get; set; }\n    public int? AccountId { get; set; }\n"
                "    public string Path { get; set; }\n}\n"
                "public class Account\n{\n    public int Id { get; set; }\n"
                "    public ImageInfo? Avatar { get; set; }\n}\n"
            ),
            # an API model of the same name, in another project: not the context's entity
            "src/Media.Api/Models/ImageInfo.cs": "public class ImageInfo { public string Url { get; set; } }\n",
        },
    )
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    assert not ev.problems
    assert names(ev, "ImageInfo") == ["Id", "ItemId", "AccountId", "Path"]
    assert list(table(ev, "ImageInfo").foreign_keys) == [
        ForeignKey(("ItemId",), "Items", ("Id",)),  # not a shadow ItemsId: the reference's own FK
        ForeignKey(("AccountId",), "Accounts", ("Id",)),  # the image holds AccountId: it is the dependent
    ]
    assert names(ev, "Accounts") == ["Id"]  # no shadow AvatarId


def test_init_proposes_a_snapshot_with_its_contexts_code_and_the_audit_finds_the_missing_tables(tmp_path: Path):
    """The entry is the common folder of the snapshot and the context's files; the tables only the code has are read."""
    _project(
        tmp_path,
        **{
            "src/Clinic.Data/Migrations/InitialModelSnapshot.cs": SNAPSHOT,
            "src/Clinic.Data/Migrations/20240101_Initial.cs": MIGRATION,
        },
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "src/**/*.cs", format="efcore")]
    assert notes == [
        "EF Core model snapshot src/Clinic.Data/Migrations/InitialModelSnapshot.cs: read instead of the "
        "1 migration file beside it (their history)",
        "EF Core model snapshot src/Clinic.Data/Migrations/InitialModelSnapshot.cs read with its DbContext's "
        "code in src/**/*.cs (8 files): a table or column the code has and the snapshot lacks (no migration "
        "yet, or EnsureCreated) is read from the code and reported",
    ]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    policy = yaml.safe_load((tmp_path / "cnsnt.yaml").read_text())
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"crm.people.email_address", "crm.people.PhoneNumber", "staff.PrivateEmail"} <= declared
    notes_found = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    assert {f.severity for f in notes_found} == {Severity.WARNING}
    assert "`staff` is in `ClinicContext`" in " ".join(f.message for f in notes_found)


def test_init_reads_a_complete_snapshot_with_its_code_and_a_second_context_beside_it(tmp_path: Path):
    """A context without snapshot whose files share the other's folder is proposed in the same entry."""
    write_files(
        tmp_path,
        {
            **SHOP,
            "Data/AuditContext.cs": (
                "public class AuditContext : DbContext\n{\n    public DbSet<LogIn> LogIns { get; set; }\n}\n"
                "public class LogIn\n{\n    public int Id { get; set; }\n    public string IpAddress { get; set; }\n}\n"
            ),
        },
    )
    found, _ = survey(tmp_path)
    assert found == [Found("schemas", "Data/**/*.cs", format="efcore")]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    audited = audit_path(tmp_path)
    assert not [f for f in audited.findings if f.rule == "CN001"]  # the snapshot is complete: nothing said
    policy = yaml.safe_load((tmp_path / "cnsnt.yaml").read_text())
    assert policy["sources"]["schemas"] == [{"path": "Data/**/*.cs", "format": "efcore"}]
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"Buyers.Email", "LogIns.IpAddress"} <= declared


def test_a_parse_given_up_is_cn001_and_no_crash(tmp_path: Path, monkeypatch):
    """A file the C# grammar does not finish (here: a budget of nothing) is a CN001, never a hang."""
    from cnsnt.sources.schemas import grammars

    monkeypatch.setattr(grammars, "PARSE_SECONDS", -1.0)
    _project(tmp_path)
    ev = read_entry(tmp_path, "src/**/*.cs", "efcore")
    assert any("the parser gave up on this file" in p.message for p in ev.problems)
    assert not ev.tables


def test_a_class_deriving_identity_user_in_a_plain_context_has_identitys_columns(tmp_path: Path) -> None:
    """review26 D2: `Klant : IdentityUser` in a `DbContext` keeps Email, PhoneNumber, PasswordHash..."""
    files = {
        "Models/Klant.cs": (
            "using Microsoft.AspNetCore.Identity;\nusing Microsoft.EntityFrameworkCore;\n"
            "public class Persoon { public int Id { get; set; } public string Achternaam { get; set; } }\n"
            "public class Klant : IdentityUser { public string Woonplaats { get; set; } }\n"
            "public class Medewerker : Persoon { public string Functie { get; set; } }\n"
            "public class Coach : IdentityUser<Guid> { public override string Email { get; set; } }\n"
            "public class Rol : IdentityRole { public string Omschrijving { get; set; } }\n"
            "public class AppContext : DbContext {\n"
            "    public DbSet<Klant> Klanten { get; set; }\n"
            "    public DbSet<Coach> Coaches { get; set; }\n"
            "    public DbSet<Medewerker> Medewerkers { get; set; }\n"
            "    public DbSet<Rol> Rollen { get; set; }\n"
            "}\n"
        ),
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "Models/*.cs", "efcore")
    assert not ev.problems
    identity = [
        "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
        "SecurityStamp", "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled",
        "LockoutEnd", "LockoutEnabled", "AccessFailedCount",
    ]  # fmt: skip
    # Identity's columns first, then the class's own; IdentityUser is no entity here: no TPH
    assert names(ev, "Klanten") == [*identity, "Woonplaats"]
    assert names(ev, "Coaches") == identity
    assert names(ev, "Medewerkers") == ["Id", "Achternaam", "Functie"]
    assert names(ev, "Rollen") == ["Id", "Name", "NormalizedName", "ConcurrencyStamp", "Omschrijving"]
    assert column(ev, "Klanten.Id").type == "nvarchar(450)" and column(ev, "Klanten.Id").primary_key
    assert column(ev, "Coaches.Id").type == "uniqueidentifier"  # IdentityUser<Guid>
    assert column(ev, "Klanten.Email").type == "nvarchar(max)"  # no Identity configuration: no length
    assert column(ev, "Klanten.LockoutEnd").type == "datetimeoffset"
    assert column(ev, "Klanten.EmailConfirmed").type == "bit"
    assert where(column(ev, "Klanten.Email")) == ("Models/Klant.cs", 4)  # at the deriving class
    assert where(column(ev, "Coaches.Email")) == ("Models/Klant.cs", 6)  # the override's place
    assert "Discriminator" not in names(ev, "Klanten")
