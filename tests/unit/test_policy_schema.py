"""The policy JSON Schema serves editors: every property described, known values offered."""

from __future__ import annotations

from typing import Any

from cnsnt.notices.i18n import LANGUAGES
from cnsnt.policy.loader import policy_json_schema
from cnsnt.policy.taxonomy import load_taxonomy


def _properties(node: Any, path: str = "") -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            out.append((f"{path}.{key}".lstrip("."), value))
        for key, value in node.items():
            out += _properties(value, path if key == "properties" else f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _properties(value, f"{path}[{i}]")
    return out


def test_every_property_has_a_description():
    props = _properties(policy_json_schema())
    assert len(props) > 80
    missing = [path for path, schema in props if not schema.get("description")]
    assert missing == []


def test_known_values_are_offered_for_completion():
    defs = policy_json_schema()["$defs"]
    taxonomy = load_taxonomy()
    assert defs["category"]["anyOf"][0]["enum"] == sorted(taxonomy.categories)
    assert "user.contact.email" in defs["category"]["anyOf"][0]["enum"]
    assert defs["use"]["anyOf"][0]["enum"] == sorted(taxonomy.uses)
    assert defs["basis"]["enum"][0] == "consent"
    assert defs["lang"]["anyOf"][0]["enum"] == list(LANGUAGES)
    datum = defs["datum"]["properties"]
    assert datum["category"]["$ref"] == "#/$defs/category"
    assert defs["purpose"]["properties"]["use"]["$ref"] == "#/$defs/use"
    assert "customers" in defs["data_subjects"]["items"]["anyOf"][0]["enum"]


def test_own_keys_stay_valid(tmp_path):
    from cnsnt.policy.loader import load_policy

    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ntaxonomy: {categories: {acme.loyalty_id: {name: Loyalty card, parent: user}}}\n"
        "purposes: {p: {description: Do it., basis: contract, use: acme.own_use}}\n"
        "data: {x: {category: acme.loyalty_id, purposes: [p]}}\n",
        encoding="utf-8",
    )
    policy = load_policy(tmp_path / "cnsnt.yaml")
    assert policy.data["x"].category == "acme.loyalty_id"
