"""CR27b F1, F2: two table rules that spread too far.

F1: a unique key from a person's row makes its target the rest of that row only when
the target is a supertype (class-table inheritance), not a thing the person has (an
avatar, a cart). F2: a tenant's key does not make an address table the organisation's,
and an address a person's row points at stays theirs. Schemas written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.classify import classify_tables, table_verdicts
from tests.unit.schema_entry import schema_tables as _read

# -- F1: a unique key to a thing is no inheritance

AVATAR = """
CREATE TABLE media (id int PRIMARY KEY, name varchar(100), mime_type varchar(50), size int,
  path varchar(255), alt varchar(255));
CREATE TABLE users (id int PRIMARY KEY, first_name varchar(60), last_name varchar(60),
  email varchar(200), avatar_id int UNIQUE REFERENCES media(id));
CREATE TABLE products (id int PRIMARY KEY, name varchar(100), image_id int REFERENCES media(id));
"""


def test_a_unique_key_to_an_avatar_makes_no_media_personal(tmp_path: Path) -> None:
    tables = _read(tmp_path, AVATAR)
    kinds = table_verdicts(tables)
    assert kinds["media"].kind == "not about people"
    assert kinds["products"].kind == "not about people"  # nothing spreads through the media
    verdicts = classify_tables(tables)
    for name in ("media.name", "media.alt", "products.name"):
        assert not verdicts[name].personal, (name, verdicts[name])


@pytest.mark.parametrize("target", ["carts", "images", "wallets", "carrelli"])
def test_a_unique_key_to_a_thing_named_for_it_makes_no_thing_personal(tmp_path: Path, target: str) -> None:
    """`users.cart_id UNIQUE -> carts`: the key is named for its target, but a cart is a thing."""
    key = target[:-1] if target.endswith("s") else target
    ddl = f"""
    CREATE TABLE {target} (id int PRIMARY KEY, name varchar(100), total decimal(10,2), city varchar(40));
    CREATE TABLE users (id int PRIMARY KEY, first_name varchar(60), last_name varchar(60),
      email varchar(200), {key}_id int UNIQUE REFERENCES {target}(id));
    """
    tables = _read(tmp_path, ddl)
    assert table_verdicts(tables)[target].kind == "not about people"
    verdicts = classify_tables(tables)
    assert not verdicts[f"{target}.name"].personal
    assert not verdicts[f"{target}.city"].personal


def test_a_supertype_two_tables_extend_is_promoted_whatever_the_key_is_called(tmp_path: Path) -> None:
    """Two subtypes extend one row one to one: inheritance, even with keys named for a role."""
    ddl = """
    CREATE TABLE actors (id int PRIMARY KEY, display_name varchar(160), consent_date date);
    CREATE TABLE people (id int PRIMARY KEY, base_id int UNIQUE REFERENCES actors(id),
      first_name varchar(60), last_name varchar(60));
    CREATE TABLE firms (id int PRIMARY KEY, base_id int UNIQUE REFERENCES actors(id),
      legal_name varchar(160), vat_number varchar(20));
    """
    assert table_verdicts(_read(tmp_path, ddl))["actors"].kind == "describes people"


# -- F2: a tenant's key is no owner of an address

TENANT = """
CREATE TABLE organizations (id int PRIMARY KEY, name varchar(100));
CREATE TABLE addresses (id int PRIMARY KEY, organization_id int REFERENCES organizations(id),
  street varchar(100), city varchar(50), zip varchar(10));
CREATE TABLE customers (id int PRIMARY KEY, organization_id int REFERENCES organizations(id),
  first_name varchar(50), last_name varchar(50), email varchar(100), address_id int REFERENCES addresses(id));
"""


def test_a_tenant_key_leaves_customers_addresses_personal(tmp_path: Path) -> None:
    tables = _read(tmp_path, TENANT)
    assert table_verdicts(tables)["addresses"].kind == "describes people"
    verdicts = classify_tables(tables)
    for name in ("addresses.street", "addresses.city", "addresses.zip"):
        assert verdicts[name].personal, (name, verdicts[name])


def test_a_tenant_key_alone_makes_no_owner(tmp_path: Path) -> None:
    """No one points at the addresses here: the tenant's key still says nothing of whose they are."""
    ddl = TENANT.replace(", address_id int REFERENCES addresses(id)", "")
    assert table_verdicts(_read(tmp_path, ddl))["addresses"].kind == "describes people"


def test_a_company_key_with_a_person_pointing_at_the_address_keeps_it_personal(tmp_path: Path) -> None:
    """`enderecos(empresa_id)` is the company's, unless a person's row points at it too."""
    ddl = """
    CREATE TABLE empresas (id int PRIMARY KEY, razao_social varchar(100), cnpj varchar(14));
    CREATE TABLE enderecos (id int PRIMARY KEY, empresa_id int REFERENCES empresas(id),
      logradouro varchar(100), cidade varchar(50), cep varchar(8));
    CREATE TABLE clientes (id int PRIMARY KEY, nome varchar(50), sobrenome varchar(50),
      email varchar(100), endereco_id int REFERENCES enderecos(id));
    """
    tables = _read(tmp_path, ddl)
    assert table_verdicts(tables)["enderecos"].kind == "describes people"
    alone = ddl.replace(", endereco_id int REFERENCES enderecos(id)", "")
    assert table_verdicts(_read(tmp_path / "alone", alone))["enderecos"].kind == "about organisations"


def test_a_promoted_supertype_links_only_rows_keyed_to_the_party(tmp_path: Path) -> None:
    """A party's contact means are a person's; a product a party supplies is not."""
    ddl = """
    CREATE TABLE parties (id int PRIMARY KEY, display_name varchar(160), photo bytea);
    CREATE TABLE persons (id int PRIMARY KEY, party_id int UNIQUE REFERENCES parties(id),
      first_name varchar(60), last_name varchar(60));
    CREATE TABLE contact_means (id int PRIMARY KEY, party_id int REFERENCES parties(id), value varchar(255));
    CREATE TABLE products (id int PRIMARY KEY, title varchar(100), price decimal(10,2),
      supplier_id int REFERENCES parties(id));
    """
    kinds = table_verdicts(_read(tmp_path, ddl))
    assert kinds["parties"].kind == "describes people"
    assert kinds["contact_means"].kind == "linked to people"
    assert kinds["products"].kind != "linked to people", kinds["products"]
