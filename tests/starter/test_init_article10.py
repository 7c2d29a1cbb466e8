"""`cnsnt init` proposes GDPR Art. 10's grounds, not explicit consent, for criminal data.

Review35 R35a D3: the starter wrote `# condition: explicit_consent  # fill in: the GDPR
Art. 9(2) condition` under a `user.criminal_history` entry, but Art. 10 allows criminal
convictions and offences data only under official authority or where a law authorises
it; consent is no ground there. A schema written for this test.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.run import draft_new

SCHEMA = (
    "CREATE TABLE people (id INT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100),\n"
    "  criminal_record TEXT, allergies TEXT);\n"
)


def _entry_lines(text: str, name: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {name}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if not lines[i].startswith("    ")), len(lines)
    )
    return lines[start:end]


def test_a_criminal_data_entry_asks_for_an_article_10_ground(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    text = draft_new(tmp_path).text
    criminal = "\n".join(_entry_lines(text, "criminal_history"))
    assert "people.criminal_record" in criminal
    assert "# condition: official_authority" in criminal
    assert "authorised_by_law" in criminal and "GDPR Art. 10" in criminal
    assert "explicit_consent" not in criminal and "Art. 9(2)" not in criminal
    # Art. 9 data keeps its Art. 9(2) placeholder
    health = "\n".join(_entry_lines(text, "health"))
    assert "# condition: explicit_consent" in health and "Art. 9(2)" in health
