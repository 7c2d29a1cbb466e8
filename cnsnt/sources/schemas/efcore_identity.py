"""The tables ASP.NET Core Identity's `IdentityDbContext` brings, which no file of the project declares.

A context deriving `IdentityDbContext<ApplicationUser>` maps `AspNetUsers` (e-mail,
phone number, password hash: personal data) and six more tables from classes in the
`Microsoft.AspNetCore.Identity` packages. Their columns are fixed by those packages
(as `dotnet ef migrations add` writes them for SQL Server): listed here, placed at the
context's declaration. The project's user class adds its own properties to
`AspNetUsers`. `IdentityUserContext<TUser>` has users without roles.
"""

from __future__ import annotations

from cnsnt.sources.schemas.efcore_classes import TypeRef
from cnsnt.sources.schemas.efcore_model import Entity, Prop, Relation

#: Base contexts with users and roles, and with users only.
WITH_ROLES = frozenset({"IdentityDbContext", "ApiAuthorizationDbContext", "KeyApiAuthorizationDbContext"})
USERS_ONLY = frozenset({"IdentityUserContext"})

_KEY = "<key>"
_USER = [
    ("Id", _KEY), ("UserName", "nvarchar(256)"), ("NormalizedUserName", "nvarchar(256)"),
    ("Email", "nvarchar(256)"), ("NormalizedEmail", "nvarchar(256)"), ("EmailConfirmed", "bit"),
    ("PasswordHash", "nvarchar(max)"), ("SecurityStamp", "nvarchar(max)"),
    ("ConcurrencyStamp", "nvarchar(max)"), ("PhoneNumber", "nvarchar(max)"),
    ("PhoneNumberConfirmed", "bit"), ("TwoFactorEnabled", "bit"), ("LockoutEnd", "datetimeoffset"),
    ("LockoutEnabled", "bit"), ("AccessFailedCount", "int"),
]  # fmt: skip
#: (entity, table, columns, key, foreign keys (column, principal)), users-only tables first.
_TABLES: list[tuple[str, str, list[tuple[str, str]], list[str], list[tuple[str, str]]]] = [
    (
        "IdentityUserClaim", "AspNetUserClaims",
        [("Id", "int"), ("UserId", _KEY), ("ClaimType", "nvarchar(max)"), ("ClaimValue", "nvarchar(max)")],
        ["Id"], [("UserId", "<user>")],
    ),
    (
        "IdentityUserLogin", "AspNetUserLogins",
        [("LoginProvider", "nvarchar(450)"), ("ProviderKey", "nvarchar(450)"),
         ("ProviderDisplayName", "nvarchar(max)"), ("UserId", _KEY)],
        ["LoginProvider", "ProviderKey"], [("UserId", "<user>")],
    ),
    (
        "IdentityUserToken", "AspNetUserTokens",
        [("UserId", _KEY), ("LoginProvider", "nvarchar(450)"), ("Name", "nvarchar(450)"),
         ("Value", "nvarchar(max)")],
        ["UserId", "LoginProvider", "Name"], [("UserId", "<user>")],
    ),
    (
        "IdentityRole", "AspNetRoles",
        [("Id", _KEY), ("Name", "nvarchar(256)"), ("NormalizedName", "nvarchar(256)"),
         ("ConcurrencyStamp", "nvarchar(max)")],
        ["Id"], [],
    ),
    (
        "IdentityUserRole", "AspNetUserRoles",
        [("UserId", _KEY), ("RoleId", _KEY)], ["UserId", "RoleId"],
        [("UserId", "<user>"), ("RoleId", "<role>")],
    ),
    (
        "IdentityRoleClaim", "AspNetRoleClaims",
        [("Id", "int"), ("RoleId", _KEY), ("ClaimType", "nvarchar(max)"), ("ClaimValue", "nvarchar(max)")],
        ["Id"], [("RoleId", "<role>")],
    ),
]  # fmt: skip
_KEY_TYPES = {"string": "nvarchar(450)", "Guid": "uniqueidentifier", "int": "int", "long": "bigint"}


class Identity:
    """What an Identity base context brings: the user and role types and the built-in tables."""

    def __init__(self, base: TypeRef, user_key: str | None) -> None:
        args = [a.name for a in base.args]
        self.roles = base.name in WITH_ROLES
        self.user = args[0] if args else "IdentityUser"
        self.role = args[1] if len(args) > 1 and self.roles else "IdentityRole"
        key = args[2] if len(args) > 2 else user_key or "string"
        self.key = _KEY_TYPES.get(key, "nvarchar(450)")

    def user_props(self, line: int, column: int) -> list[Prop]:
        """`IdentityUser`'s columns, for the project's user entity (its own properties follow)."""
        return [Prop(name, None, line, column, sql_type=self._type(kind)) for name, kind in _USER]

    def entities(self, path: str, line: int, column: int, has_role: bool) -> list[Entity]:
        """The other tables (`has_role`: the project declares its role class, which the model builds)."""
        out: list[Entity] = []
        for name, table, columns, keys, fks in _TABLES:
            if "Role" in name and not self.roles or name == "IdentityRole" and has_role:
                continue
            entity = Entity(self.role if name == "IdentityRole" else name, path, line, column, table=table)
            for column_name, kind in columns:
                entity.add(Prop(column_name, None, line, column, sql_type=self._type(kind)))
            entity.keys = list(keys)
            for fk, principal in fks:
                target = self.user if principal == "<user>" else self.role
                entity.relations.append(Relation(target, (fk,)))
            out.append(entity)
        return out

    def _type(self, kind: str) -> str:
        return self.key if kind == _KEY else kind


def identity_of(base: TypeRef | None, user_base: TypeRef | None) -> Identity | None:
    """The Identity a context's root base declares (`IdentityDbContext<ApplicationUser>`), else None."""
    if base is None or base.name not in WITH_ROLES | USERS_ONLY:
        return None
    user_key = user_base.args[0].name if user_base is not None and user_base.args else None
    return Identity(base, user_key)
