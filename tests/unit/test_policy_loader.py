"""The policy loader: valid policies load, every malformed one gives file:line:column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cnsnt.errors import PolicyError
from cnsnt.policy.loader import load_policy

GOOD = """\
cnsnt: 1
controller: {name: Lakeside Bistro Ltd, contact: privacy@lakeside.example, country: "NO"}
purposes:
  reservations: {description: To hold your table., basis: contract}
data:
  email:
    label: {en: Your email, it: La tua email}
    category: user.contact.email
    columns: [customers.email]
    purposes: [reservations]
    retention: P2Y
waivers:
  - {rule: CN401, field: customers.fax, reason: "ticket DATA-123", expires: 2027-03-31}
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def problems(path: Path) -> list[str]:
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    return [str(p) for p in info.value.problems]


def test_good_policy_loads_with_positions(write):
    policy = load_policy(write("cnsnt.yaml", GOOD))
    assert policy.controller is not None and policy.controller.country == "NO"
    email = policy.data["email"]
    assert email.label is not None and email.label.get("it") == "La tua email"
    assert email.label.get("tr") is None  # no silent fallback
    assert email.location.line == 6 and email.location.path == "cnsnt.yaml"
    assert policy.waivers[0].expires == "2027-03-31"  # dates stay ISO strings
    assert policy.where("data", "email", "columns", 0).line == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cnsnt: 1\npurposes: {a: {description: x, basis: contract}\n",
            "cnsnt.yaml:3:1: YAML syntax error",
        ),
        ("controller: {name: x, contact: y}\n", "cnsnt.yaml:1:1: missing 'cnsnt: 1'"),
        ("cnsnt: 2\n", "cnsnt.yaml:1:1: unsupported policy format version 2"),
        (
            "cnsnt: 1\npurposes: [a, b]\n",
            "cnsnt.yaml:2:1: purposes: expected a mapping, got a list",
        ),
        (
            "cnsnt: 1\npurposes:\n  a: {description: x, basis: consnt}\n",
            "'consnt' is not one of consent",
        ),
        (
            "cnsnt: 1\ndata:\n  email: {categroy: user.contact.email}\n",
            "cnsnt.yaml:3:11: unknown key 'categroy' in data.email; did you mean 'category'?",
        ),
        (
            "cnsnt: 1\npurposes:\n  a: {description: x, basis: contract}\n  a: {description: y, basis: contract}\n",
            "cnsnt.yaml:4:3: duplicate key 'a' (first defined at line 3, column 3)",
        ),
        ("", "cnsnt.yaml:1:1: the policy is empty"),
        ("# only a comment\n", "cnsnt.yaml:1:1: the policy is empty"),
        ("- cnsnt: 1\n", "cnsnt.yaml:1:1: the policy must be a mapping"),
        (
            "cnsnt: 1\nsources:\n  schemas: [{path: 1}]\n",
            "cnsnt.yaml:3:14: sources.schemas[0].path: expected a string",
        ),
        ("cnsnt: 1\npurposes:\n  a: {description: x, basis: contract, <<: {}}\n", "merge keys"),
    ],
)
def test_malformed_policy_names_file_line_column(write, text, expected):
    found = problems(write("cnsnt.yaml", text))
    assert any(expected in p for p in found), found


def test_non_utf8_bytes_give_line_and_column(write):
    found = problems(write("cnsnt.yaml", b"cnsnt: 1\ncontroller: {name: Caf\xe9, contact: x}\n"))
    assert found == ["cnsnt.yaml:2:23: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_alias_bomb_is_refused_quickly(write):
    lines = ["cnsnt: 1", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [{', '.join('*' + prev for _ in range(9))}]")
        prev = name
    found = problems(write("cnsnt.yaml", "\n".join(lines) + "\n"))
    assert any("alias bomb" in p for p in found), found


def test_all_errors_reported_at_once(write):
    text = (
        "cnsnt: 1\n"
        "purposes:\n"
        "  a: {description: x, basis: nope}\n"
        "data:\n"
        "  e: {category: 3, purposez: []}\n"
    )
    found = problems(write("cnsnt.yaml", text))
    assert len(found) == 3, found


def test_directory_merges_and_names_both_places(write, tmp_path):
    write("policy/a.yaml", "cnsnt: 1\npurposes:\n  a: {description: x, basis: contract}\n")
    write("policy/b.yaml", "cnsnt: 1\npurposes:\n  b: {description: y, basis: contract}\n")
    merged = load_policy(tmp_path / "policy")
    assert sorted(merged.purposes) == ["a", "b"]
    assert merged.purposes["b"].location.path == "b.yaml"
    write("policy/c.yaml", "purposes:\n  a: {description: z, basis: contract}\n")
    found = problems(tmp_path / "policy")
    assert len(found) == 1
    assert "c.yaml:2:3: 'purposes.a' is defined twice: here and at " in found[0]
    assert "a.yaml:3:3" in found[0]


def test_directory_names_a_policy_file_it_cannot_read(write, tmp_path):
    write("policy/a.yaml", "cnsnt: 1\npurposes:\n  a: {description: x, basis: contract}\n")
    (tmp_path / "policy" / "waivers.yaml").symlink_to(tmp_path / "shared" / "waivers.yaml")
    os.mkfifo(tmp_path / "policy" / "pipe.yml")
    (tmp_path / "policy" / "old.yaml").mkdir()  # a directory is no policy file
    (tmp_path / "policy" / ".#a.yaml").symlink_to("me@host.123")  # an Emacs lock file
    found = problems(tmp_path / "policy")
    assert len(found) == 2, found
    assert found[0].startswith("policy/pipe.yml") and "not a regular file" in found[0]
    assert found[1].startswith("policy/waivers.yaml") and "cannot read" in found[1]


def test_missing_policy(tmp_path):
    assert "policy not found" in problems(tmp_path / "nope.yaml")[0]


def test_nul_byte_names_line_and_column(write):
    found = problems(write("cnsnt.yaml", "cnsnt: 1\ncontroller: {name: a\x00b, contact: x}\n"))
    assert found == ["cnsnt.yaml:2:21: character U+0000 is not allowed in YAML"]


@pytest.mark.parametrize(
    ("nested", "where"),
    [
        ("x: " + "[" * 2000 + "]" * 2000, "cnsnt.yaml:3:1002:"),  # the `[` 1,000 levels deep (the 999th)
        ("x: " + "{k: " * 1500 + "1" + "}" * 1500, "cnsnt.yaml:3:3996:"),  # the `{` 1,000 levels deep
        ("x:\n" + "".join(" " * (i + 1) + "-\n" for i in range(1200)), "cnsnt.yaml:1002:1000:"),  # the list 1,000 levels deep
    ],
)
def test_nesting_too_deep_to_compose_is_at_the_deepest_opening(write, nested, where):
    """err36: nesting too deep for the YAML composer was reported at 1:1; it is where the deepest opens.

    Or the first collection 1,000 levels deep, where the scan stops (codereview37).
    """
    found = problems(write("cnsnt.yaml", "cnsnt: 1\ncontroller: {name: Tilia Bakery}\n" + nested + "\n"))
    assert found == [f"{where} nesting is too deep to be a policy"]


def test_alias_bomb_is_refused_at_the_anchor_its_aliases_repeat(write):
    """err36: the alias bomb was reported at the document's first node (1:1); it is at the costliest anchor."""
    lines = ["cnsnt: 1", "notes:", '  seed: &seed ["tea", "tea", "tea", "tea", "tea", "tea", "tea", "tea"]']
    prev = "seed"
    for name in ("cup", "pot", "urn", "vat", "tank", "lake"):
        lines.append(f"  {name}: &{name} [{', '.join('*' + prev for _ in range(8))}]")
        prev = name
    lines.append("  sea: [*lake, *lake]")
    found = problems(write("cnsnt.yaml", "\n".join(lines) + "\n"))
    [bomb] = [p for p in found if "alias bomb" in p]
    assert bomb.startswith("cnsnt.yaml:9:9: "), bomb  # `&lake`, the anchor whose repeats add the most
