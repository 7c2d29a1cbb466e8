"""Patterns and keys are compared case-folded, the same in every path of the matcher (codereview31 F5).

`str.lower()` spells a Greek capital sigma by its context: `'ΠΕΛΑΤΕΣ.ID'.lower()` ends the
table name in `σ`, `'ΠΕΛΑΤΕΣ.*ID'.lower()` in the final `ς`, so a glob of an upper-case Greek
table ending in `Σ` named none of its columns, while the literal item did. The names are
written here: a customers table, `ΠΕΛΑΤΕΣ`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.matching import ColumnParts, KeyIndex, PolicyIndex, column_matches, field_matches, literal_parts
from cnsnt.policy.loader import load_policy

KEYS = ("ΠΕΛΑΤΕΣ.ID", "ΠΕΛΑΤΕΣ.ΟΝΟΜΑ", "crm.ΠΕΛΑΤΕΣ.ΚΩΔΙΚΟΣ", "ΠΑΡΑΓΓΕΛΙΕΣ.ID")


def test_a_glob_of_a_greek_table_ending_in_sigma_names_its_columns() -> None:
    for pattern in ("ΠΕΛΑΤΕΣ.*ID", "ΠΕΛΑΤΕΣ.*", "ΠΕΛΑΤΕΣ.?D", "πελατες.id", "ΠΕΛΑΤΕΣ.ID", "*ΕΣ.ID"):
        assert column_matches(pattern, "ΠΕΛΑΤΕΣ.ID"), pattern
    assert field_matches("ΕΓΓΡΑΦΗ.ΟΝΟΜΑΤΕΠΩΝΥΜΟΣ*", "εγγραφη.ονοματεπωνυμος")
    assert not column_matches("ΠΕΛΑΤΕΣ.*", "ΠΑΡΑΓΓΕΛΙΕΣ.ID")
    assert literal_parts("ΠΕΛΑΤΕΣ.*") == ["πελατεσ"]


def test_every_index_agrees_with_column_matches(tmp_path: Path) -> None:
    parts = ColumnParts(KEYS)
    assert parts.matching("ΠΕΛΑΤΕΣ.*") == ["ΠΕΛΑΤΕΣ.ID", "ΠΕΛΑΤΕΣ.ΟΝΟΜΑ", "crm.ΠΕΛΑΤΕΣ.ΚΩΔΙΚΟΣ"]
    assert parts.matching("ΠΕΛΑΤΕΣ.*ID") == ["ΠΕΛΑΤΕΣ.ID"]
    keys = KeyIndex(KEYS, columns=True)
    assert keys.named("ΠΕΛΑΤΕΣ.*ΜΑ") and keys.named("πελατες.ονομα")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {}\n"
        "data:\n  names:\n    category: user.name\n    columns: [ΠΕΛΑΤΕΣ.ΟΝΟΜ*]\n"
        "ignore:\n  - ΠΕΛΑΤΕΣ.*ID\n  - πελατες.κωδικος\n",
        encoding="utf-8",
    )
    index = PolicyIndex(load_policy(tmp_path / "cnsnt.yaml"))
    assert [d.name for d in index.data_for_column("ΠΕΛΑΤΕΣ.ΟΝΟΜΑ")] == ["names"]
    assert index.column_ignored("ΠΕΛΑΤΕΣ.ID") and index.column_ignored("crm.ΠΕΛΑΤΕΣ.ΚΩΔΙΚΟΣ")
    assert not index.column_ignored("ΠΑΡΑΓΓΕΛΙΕΣ.ID")
