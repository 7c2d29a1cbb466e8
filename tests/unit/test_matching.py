"""Policy lookups: the indexed patterns give what trying every pattern gives."""

from __future__ import annotations

from pathlib import Path

from cnsnt.matching import KeyIndex, PolicyIndex, column_matches, escape, field_matches
from cnsnt.policy.loader import load_policy

POLICY = """\
cnsnt: 1
data:
  email:
    category: user.contact.email
    columns: [users.email, crm.Contacts.EMAIL, "*.email_address"]
    form_fields: [signup.email, "*.mail"]
  phone:
    category: user.contact.phone_number
    columns: [people.phone, "people.mobile_?", Users.Email]
    form_fields: ["order[phone]", signup.email]
  notes:
    category: user.content
    columns: [public.notes.body]
"""

COLUMNS = [
    "users.email", "public.users.email", "USERS.EMAIL", "crm.contacts.email", "other.contacts.email",
    "contacts.email", "a.b.email_address", "people.mobile_1", "people.mobile_12", "public.notes.body",
    "notes.body", "x.notes.body", "people.phone.extra", "phone",
]
FIELDS = ["signup.email", "Signup.Email", "x.mail", "order[phone]", "other.order[phone]", "signup"]


def test_indexed_lookups_equal_trying_every_pattern(tmp_path: Path) -> None:
    (tmp_path / "cnsnt.yaml").write_text(POLICY)
    policy = load_policy(tmp_path / "cnsnt.yaml")
    index = PolicyIndex(policy)
    for key in COLUMNS:
        expected = [d.name for d in policy.data.values() if any(column_matches(p, key) for p in d.columns)]
        assert [d.name for d in index.data_for_column(key)] == expected, key
    for key in FIELDS:
        expected = [d.name for d in policy.data.values() if any(field_matches(p, key) for p in d.form_fields)]
        assert [d.name for d in index.data_for_field(key)] == expected, key
    # the cases that make the comparison mean something
    assert [d.name for d in index.data_for_column("public.users.email")] == ["email", "phone"]
    assert index.data_for_column("other.contacts.email") == []
    assert [d.name for d in index.data_for_field("signup.email")] == ["email", "phone"]


def test_literal_patterns_are_looked_up_not_tried_one_by_one(tmp_path: Path, monkeypatch) -> None:
    """A starter policy names thousands of columns: trying each against every column was
    columns x patterns matches (OSCAR EMR's audit ran past two minutes)."""
    names = [f"t{i}.c{i}" for i in range(300)]
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ndata:\n  many:\n    category: user.content\n    columns: [" + ", ".join(names) + ', "*.x_*"]\n'
    )
    policy = load_policy(tmp_path / "cnsnt.yaml")
    calls = []
    real = column_matches

    def counting(pattern: str, key: str) -> bool:
        calls.append(pattern)
        return real(pattern, key)

    monkeypatch.setattr("cnsnt.matching.column_matches", counting)
    index = PolicyIndex(policy)
    assert all(index.data_for_column(f"public.{name}") for name in names)
    assert index.data_for_column("public.t1.x_y") and not index.data_for_column("t1.c2x")
    assert set(calls) <= {"*.x_*"} and len(calls) <= len(names) + 2


def test_key_index_names_what_trying_every_key_names() -> None:
    columns = KeyIndex(COLUMNS, columns=True)
    fields = KeyIndex(FIELDS, columns=False)
    patterns = ["users.email", "Users.Email", "public.users.email", "crm.contacts.email", "email",
                "contacts.email", "*.email_address", "people.mobile_?", "notes.body", "y.notes.body",
                "phone", "people.phone", "nothing.here"]
    for p in patterns:
        assert columns.named(p) == any(column_matches(p, k) for k in COLUMNS), p
    for p in ["signup.email", "SIGNUP.email", "email", "*.mail", "order[phone]", "other.order[phone]", "x"]:
        assert fields.named(p) == any(field_matches(p, k) for k in FIELDS), p
    assert columns.named("Users.Email") and not columns.named("y.notes.body") and not fields.named("email")


def test_an_escaped_wildcard_names_only_itself() -> None:
    """`cnsnt init` escapes a quoted column `"Qty*"` or `"what?"`: read as a glob, the
    pattern also named `Qty_total` and `whatx`."""
    assert escape("Qty*") == "Qty\\*" and escape("what?") == "what\\?"
    for name, other in [("orders.Qty*", "orders.Qty_total"), ("f.what?", "f.whatx"), ("t.a\\*", "t.a\\b")]:
        assert column_matches(escape(name), name) and field_matches(escape(name), name), name
        assert not column_matches(escape(name), other) and not field_matches(escape(name), other), name
        assert column_matches(escape(name), f"public.{name}")
    assert KeyIndex(["orders.qty*"], columns=True).named("orders.Qty\\*")
    assert not KeyIndex(["orders.qty_total"], columns=True).named("orders.Qty\\*")
    # unescaped, they are wildcards still; `[` stays literal, and so does any other backslash
    assert field_matches("f.what?", "f.whatx") and field_matches("f.user[*]", "f.user[email]")
    assert field_matches("f.a\\b", "f.a\\b") and not field_matches("f.a\\b", "f.ab")
