"""The shipped fideslang taxonomy and the policy's own entries."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from cnsnt.policy.model import Policy, TaxonomyEntry
from cnsnt.policy.taxonomy import Taxonomy, load_taxonomy


def _policy(**kw: object) -> Policy:
    return Policy(path="cnsnt.yaml", base_dir=Path("."), **kw)  # type: ignore[arg-type]


def test_shipped_files_load_through_importlib_resources() -> None:
    files = resources.files("cnsnt._policies")
    for name in ("data_categories.yaml", "data_uses.yaml", "SOURCES.md"):
        assert files.joinpath(name).is_file(), name
    text = files.joinpath("data_categories.yaml").read_text(encoding="utf-8")
    assert "ethyca/fideslang" in text.split("\n\n", 1)[0]  # the header names the source


def test_known_fideslang_keys() -> None:
    t = load_taxonomy()
    for key in (
        "user.contact.email",
        "user.health_and_medical",
        "user.health",
        "user.financial.bank_account",
        "user.device.ip_address",
        "user.demographic.gender",
        "user.name.first",
        "user.government_id.national_identification_number",
        "user.children",
        "system.operations",
    ):
        assert t.is_category(key), key
    for key in (
        "essential.service",
        "marketing.advertising",
        "analytics.reporting",
        "personalize",
        "functional.service.improve",
        "marketing.communications.email",
    ):
        assert t.is_use(key), key
    assert not t.is_category("essential.service")
    assert not t.is_use("user.contact.email")
    assert len(t.categories) >= 100
    assert len(t.uses) >= 50


def test_items_are_complete_and_parents_exist() -> None:
    t = load_taxonomy()
    for items in (t.categories, t.uses):
        for key, item in items.items():
            assert item.key == key
            assert item.name and item.description
            if "." in key:
                assert item.parent == key.rsplit(".", 1)[0], key
                assert item.parent in items, key
            else:
                assert item.parent is None
            if item.replaced_by:
                assert item.replaced_by in items, key
                assert item.deprecated


def test_every_file_entry_has_the_documented_fields() -> None:
    for name in ("data_categories.yaml", "data_uses.yaml"):
        text = resources.files("cnsnt._policies").joinpath(name).read_text(encoding="utf-8")
        for key, entry in yaml.safe_load(text).items():
            assert {"name", "description", "parent", "gdpr_special", "cpra_sensitive"} <= set(
                entry
            ), key


def test_special_categories() -> None:
    t = load_taxonomy()
    special = [
        "user.health_and_medical",
        "user.health_and_medical.condition",  # not a fideslang key: inherits from its parent
        "user.health.medical_diagnosis",
        "user.health_and_medical.genetic",
        "user.biometrics.fingerprint",
        "user.biometric.voice",
        "user.demographic.race_ethnicity",
        "user.demographic.political_opinion",
        "user.demographic.religious_belief",
        "user.demographic.philosophical_belief",
        "user.demographic.union_membership",
        "user.demographic.sexual_orientation",
        "user.government_id.national_identification_number",
        "user.government_id.passport_number",
        "user.government_id.drivers_license_number",
        "user.authorization.password",
        "user.authorization.credentials",
        "user.financial.credit_card",
        "user.financial.bank_account",
        "user.location.precise",
        "user.content.private",
        "user.children.children_under_thirteen",
        "user.childrens",
    ]
    for key in special:
        assert t.is_special(key), key
        assert t.special_kind(key), key
    for key in (
        "user.contact.email",
        "user.name",
        "user.demographic.gender",
        "user.location.coarse",
        "user.device.ip_address",
        "user",
        "system",
    ):
        assert not t.is_special(key), key
        assert t.special_kind(key) is None
    assert t.special_kind("user.health.condition") == (
        "GDPR Art. 9 health data; CPRA sensitive personal information"
    )
    assert t.categories["user.health"].gdpr_special
    assert t.categories["user.location.precise"].cpra_sensitive
    assert not t.categories["user.location.precise"].gdpr_special


def test_suggest_corrects_misspellings() -> None:
    t = load_taxonomy()
    assert t.suggest("user.contact.emial", "category") == "user.contact.email"
    assert t.suggest("user.email", "category") == "user.contact.email"
    assert t.suggest("contact.email", "category") == "user.contact.email"
    assert t.suggest("User.Contact.Email", "category") == "user.contact.email"
    assert t.suggest("marketing.advertsing", "use") == "marketing.advertising"
    assert t.suggest("essential.servce", "use") == "essential.service"
    assert t.suggest("zzz", "category") is None
    assert t.suggest("user.contact.email", "use") != "user.contact.email"


def test_with_policy_adds_entries_and_marks_special() -> None:
    base = load_taxonomy()
    policy = _policy(
        categories={
            "user.allergies": TaxonomyEntry(key="user.allergies", name="Allergies", special=True),
            "user.loyalty": TaxonomyEntry(key="user.loyalty", name="Loyalty card"),
            "user.contact.email": TaxonomyEntry(key="user.contact.email", special=True),
            "user.health": TaxonomyEntry(key="user.health", special=False),
        },
        uses={"reservations": TaxonomyEntry(key="reservations", name="Table bookings")},
    )
    t = base.with_policy(policy)
    assert isinstance(t, Taxonomy)
    assert t.is_category("user.allergies") and t.is_category("user.loyalty")
    assert t.is_special("user.allergies")
    assert "declared by the policy" in (t.special_kind("user.allergies") or "")
    assert not t.is_special("user.loyalty")
    assert t.is_special("user.contact.email")  # a policy may mark a key special
    assert t.is_special("user.health")  # but never un-mark a shipped one
    assert t.categories["user.loyalty"].origin == "policy"
    assert t.is_use("reservations")
    # the shipped taxonomy is unchanged, and cached
    assert not base.is_category("user.allergies")
    assert not base.is_special("user.contact.email")
    assert load_taxonomy() is base
    assert base.with_policy(_policy()) is base


def test_article_10_is_criminal_data_and_what_lies_beneath_it() -> None:
    """GDPR Art. 10's grounds apply to criminal convictions and offences data (review35 D3)."""
    t = load_taxonomy()
    assert t.is_article10("user.criminal_history")
    assert t.is_article10("user.criminal_history.convictions")  # not a fideslang key
    assert not t.is_article10("user.health_and_medical")
    assert not t.is_article10("user.contact.email")


def test_the_condition_enum_is_article_9s_conditions_and_article_10s_grounds() -> None:
    import json

    from cnsnt.policy.model import ARTICLE9_CONDITIONS, ARTICLE10_GROUNDS

    text = resources.files("cnsnt.policy").joinpath("policy.schema.json").read_text(encoding="utf-8")
    enum = json.loads(text)["$defs"]["datum"]["properties"]["condition"]["enum"]
    assert enum == [*ARTICLE9_CONDITIONS, *ARTICLE10_GROUNDS]
