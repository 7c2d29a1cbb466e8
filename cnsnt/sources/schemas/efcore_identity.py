"""The tables ASP.NET Core Identity's `IdentityDbContext` brings, which no file of the project declares.

A context deriving `IdentityDbContext<ApplicationUser>` maps `AspNetUsers` (e-mail,
phone number, password hash: personal data) and six more tables from classes in the
`Microsoft.AspNetCore.Identity` packages. Their columns are fixed by those packages
(as `dotnet ef migrations add` writes them for SQL Server): listed here, placed at the
context's declaration. The project's classes named by the base context's generic
arguments (`ApplicationUser`, a custom `AppUserRole`) add their own properties to those
tables; Identity's `OnModelCreating` names the tables, so a `DbSet` does not rename them.
`IdentityUserContext<TUser>` has users without roles.

Any context may also map a project's class that derives one of Identity's classes
(`Klant : IdentityUser` in a plain `DbContext`): that class is no entity of the model
then, so its properties (`Email`, `PhoneNumber`, `PasswordHash`...) are columns of the
derived class's own table, as any unmapped base class's are (`inherited_props`).
"""

from __future__ import annotations

from dataclasses import dataclass

from cnsnt.sources.schemas.efcore_classes import TypeRef
from cnsnt.sources.schemas.efcore_model import Prop, Relation

#: Base contexts with users and roles, and with users only.
WITH_ROLES = frozenset({"IdentityDbContext", "ApiAuthorizationDbContext", "KeyApiAuthorizationDbContext"})
USERS_ONLY = frozenset({"IdentityUserContext"})

_KEY = "<key>"
#: Identity's entity types: (slot, default class, table, columns, key, foreign keys (column, slot)).
_SLOTS: list[tuple[str, str, str, list[tuple[str, str]], list[str], list[tuple[str, str]]]] = [
    (
        "user", "IdentityUser", "AspNetUsers",
        [("Id", _KEY), ("UserName", "nvarchar(256)"), ("NormalizedUserName", "nvarchar(256)"),
         ("Email", "nvarchar(256)"), ("NormalizedEmail", "nvarchar(256)"), ("EmailConfirmed", "bit"),
         ("PasswordHash", "nvarchar(max)"), ("SecurityStamp", "nvarchar(max)"),
         ("ConcurrencyStamp", "nvarchar(max)"), ("PhoneNumber", "nvarchar(max)"),
         ("PhoneNumberConfirmed", "bit"), ("TwoFactorEnabled", "bit"), ("LockoutEnd", "datetimeoffset"),
         ("LockoutEnabled", "bit"), ("AccessFailedCount", "int")],
        ["Id"], [],
    ),
    (
        "role", "IdentityRole", "AspNetRoles",
        [("Id", _KEY), ("Name", "nvarchar(256)"), ("NormalizedName", "nvarchar(256)"),
         ("ConcurrencyStamp", "nvarchar(max)")],
        ["Id"], [],
    ),
    (
        "user_claim", "IdentityUserClaim", "AspNetUserClaims",
        [("Id", "int"), ("UserId", _KEY), ("ClaimType", "nvarchar(max)"), ("ClaimValue", "nvarchar(max)")],
        ["Id"], [("UserId", "user")],
    ),
    (
        "user_role", "IdentityUserRole", "AspNetUserRoles",
        [("UserId", _KEY), ("RoleId", _KEY)], ["UserId", "RoleId"], [("UserId", "user"), ("RoleId", "role")],
    ),
    (
        "user_login", "IdentityUserLogin", "AspNetUserLogins",
        [("LoginProvider", "nvarchar(450)"), ("ProviderKey", "nvarchar(450)"),
         ("ProviderDisplayName", "nvarchar(max)"), ("UserId", _KEY)],
        ["LoginProvider", "ProviderKey"], [("UserId", "user")],
    ),
    (
        "role_claim", "IdentityRoleClaim", "AspNetRoleClaims",
        [("Id", "int"), ("RoleId", _KEY), ("ClaimType", "nvarchar(max)"), ("ClaimValue", "nvarchar(max)")],
        ["Id"], [("RoleId", "role")],
    ),
    (
        "user_token", "IdentityUserToken", "AspNetUserTokens",
        [("UserId", _KEY), ("LoginProvider", "nvarchar(450)"), ("Name", "nvarchar(450)"),
         ("Value", "nvarchar(max)")],
        ["UserId", "LoginProvider", "Name"], [("UserId", "user")],
    ),
]  # fmt: skip
#: Which generic argument of the base context names each slot's class.
_ARGUMENTS = {
    # IdentityDbContext<TUser, TRole, TKey, TUserClaim, TUserRole, TUserLogin, TRoleClaim, TUserToken>
    "with_roles": [
        "user",
        "role",
        "key",
        "user_claim",
        "user_role",
        "user_login",
        "role_claim",
        "user_token",
    ],
    # IdentityUserContext<TUser, TKey, TUserClaim, TUserLogin, TUserToken>
    "users_only": ["user", "key", "user_claim", "user_login", "user_token"],
}
_KEY_TYPES = {"string": "nvarchar(450)", "Guid": "uniqueidentifier", "int": "int", "long": "bigint"}
#: The CLR type of each SQL type Identity's columns have (a plain context sets no length on them).
_CLR = {"bit": "bool", "int": "int", "datetimeoffset": "DateTimeOffset?"}
#: Identity's classes a project's class may derive -> their slot's columns.
_BASES = {default: columns for _, default, _, columns, _, _ in _SLOTS}


@dataclass
class Slot:
    """One Identity entity type: the class that fills it (the project's or Identity's) and its table."""

    name: str
    type_name: str
    table: str
    columns: list[tuple[str, str]]
    keys: list[str]
    foreign_keys: list[tuple[str, str]]


class Identity:
    """What an Identity base context brings: its entity types, their tables and columns."""

    def __init__(self, base: TypeRef, user_key: str | None) -> None:
        roles = base.name in WITH_ROLES
        order = _ARGUMENTS["with_roles" if roles else "users_only"]
        given = {slot: arg.name for slot, arg in zip(order, base.args, strict=False)}
        self.key = _KEY_TYPES.get(given.get("key") or user_key or "string", "nvarchar(450)")
        self.slots: dict[str, Slot] = {}
        for name, default, table, columns, keys, fks in _SLOTS:
            if "role" in name and not roles:
                continue
            self.slots[name] = Slot(name, given.get(name, default), table, columns, keys, fks)

    @property
    def user(self) -> str:
        """The user class (`ApplicationUser`, else `IdentityUser`)."""
        return self.slots["user"].type_name

    def props(self, slot: Slot, line: int, column: int) -> list[Prop]:
        """A slot's columns as Identity's class declares them (the project's class adds its own)."""
        kinds = ((name, self.key if kind == _KEY else kind) for name, kind in slot.columns)
        return [Prop(name, None, line, column, sql_type=kind) for name, kind in kinds]

    def relations(self, slot: Slot) -> list[Relation]:
        """A slot's foreign keys to the user and role tables."""
        return [Relation(self.slots[target].type_name, (fk,)) for fk, target in slot.foreign_keys]


def identity_of(base: TypeRef | None, user_base: TypeRef | None) -> Identity | None:
    """The Identity a context's root base declares (`IdentityDbContext<ApplicationUser>`), else None."""
    if base is None or base.name not in WITH_ROLES | USERS_ONLY:
        return None
    user_key = user_base.args[0].name if user_base is not None and user_base.args else None
    return Identity(base, user_key)


def inherited_props(base: TypeRef, line: int, column: int) -> list[Prop] | None:
    """The properties an Identity class gives a class deriving it (`: IdentityUser<Guid>`), else None.

    Typed by their CLR types, as EF maps them in a context that does not apply Identity's
    configuration (no `HasMaxLength(256)`): `TKey` of the generic form, else `string`.
    """
    columns = _BASES.get(base.name)
    if columns is None:
        return None
    key = base.args[0].name if base.args else "string"
    return [
        Prop(name, key if kind == _KEY else _CLR.get(kind, "string"), line, column) for name, kind in columns
    ]
