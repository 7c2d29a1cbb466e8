"""Review 33: table verdicts a first-use review got wrong (R33a D3, D5; R33b D4, D5).

Schemas written for these tests; each is the smallest that showed the defect.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.evidence import Table
from tests.unit.schema_entry import read_entry, write_files


def _read(tmp_path: Path, ddl: str) -> list[Table]:
    write_files(tmp_path, {"schema.sql": ddl})
    return list(read_entry(tmp_path, "schema.sql").tables)


CLUB_PAPERS = """
CREATE TABLE members (id int PRIMARY KEY, last_name varchar(100), email varchar(100));
CREATE TABLE document (id int PRIMARY KEY, owner_id int REFERENCES members(id),
  document_type varchar(30), description varchar(255), pdf bytea);
CREATE TABLE campaign (id int PRIMARY KEY, owner_id int REFERENCES members(id),
  title varchar(100));
"""


def test_a_documents_owner_is_whose_it_is_not_who_made_it(tmp_path: Path) -> None:
    """R33b D5: a member's signed mandate relates to the member (GDPR Art. 4(1))."""
    tables = _read(tmp_path, CLUB_PAPERS)
    kinds = table_verdicts(tables)
    assert kinds["document"].kind == "linked to people", kinds["document"]
    assert "owner_id" in kinds["document"].reason
    assert classify_tables(tables)["document.description"].personal
    # the owner of a thing a person does not hold (a campaign, a list) runs it
    assert kinds["campaign"].kind == "not about people", kinds["campaign"]
