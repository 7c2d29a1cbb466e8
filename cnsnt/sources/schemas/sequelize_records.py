"""Sequelize models and associations as written, before they are mapped to tables.

Models written with `define`/`init` (`sequelize_models`) and with sequelize-typescript's
decorators (`sequelize_typescript`) both become these records, so tables, default
columns and association keys are worked out once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cnsnt.sources.schemas.common import ModelTable
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.sequelize_attributes import Attribute
from cnsnt.sources.schemas.typeorm_syntax import Node


@dataclass
class SqModel:
    """One model as written: its name, attributes and options (values still nodes)."""

    name: str
    file: SourceFile
    node: Node
    attributes: list[Attribute]
    options: dict[str, Node]
    names: set[str] = field(default_factory=set)
    """The variables and class it is bound to (`const User = sequelize.define(...)`)."""
    table: ModelTable | None = None
    pk: tuple[str, str] = ("id", "id")
    """(attribute, column) of its primary key."""
    underscored: bool = False
    auto_id: bool = False
    """Whether Sequelize adds its `id` (no attribute is a primary key)."""
    constants: dict[str, Any] = field(default_factory=dict)
    """The file's top-level constants (`const USERS = 'users'`)."""
    stamps: dict[str, str] = field(default_factory=dict)
    """Timestamp -> the attribute that stands for it (`@CreatedAt created: Date`): Sequelize adds no other."""


@dataclass
class Association:
    """`Source.hasMany(Target, { ... })` as written."""

    kind: str
    source: str
    target: str
    options: dict[str, Node]
    file: SourceFile
    node: Node
    constants: dict[str, Any] = field(default_factory=dict)
    alias: str | None = None
    """The `as` a decorator gives (sequelize-typescript names an association after its property)."""
