"""The reviewed verdict list `cnsnt init --update --reviewed FILE` reads (`cnsnt.starter.reviewed`).

The files are written here, in the shape `cnsnt explain-column --format csv|json` gives
them, then edited as a reviewer would in a spreadsheet: cells typed in any case,
columns dropped or reordered, a BOM in front, a typo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.errors import UsageError
from cnsnt.policy.model import Policy, TaxonomyEntry
from cnsnt.policy.taxonomy import load_taxonomy
from cnsnt.starter import reviewed as reviewed_module
from cnsnt.starter.reviewed import Review, read_reviewed
from cnsnt.textsafe import from_spreadsheet_cell, spreadsheet_cell
from cnsnt.verdicts import ColumnVerdict, as_csv, as_json

TAXONOMY = load_taxonomy()
HEADER = "column,location,personal,category,confidence,table,reason\n"


def read(tmp_path: Path, text: str | bytes, name: str = "review.csv") -> tuple[Review, ...]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_reviewed(path, name, TAXONOMY)


def refused(tmp_path: Path, text: str | bytes, name: str = "review.csv") -> str:
    with pytest.raises(UsageError) as caught:
        read(tmp_path, text, name)
    return str(caught.value)


def _verdicts() -> list[ColumnVerdict]:
    return [
        ColumnVerdict("turni.turno", "db/schema.sql:8:3", False, None, "low", "", "name 'turno' is technical"),
        ColumnVerdict("=cmd.x", "db/schema.sql:9:3", False, None, "low", "", "no personal-data term"),
        ColumnVerdict("clienti.livello", "db/schema.sql:3:3", True, "user", "low", "", "a fact"),
    ]


def test_reads_the_csv_explain_column_writes_with_personal_edited(tmp_path: Path) -> None:
    text = as_csv(_verdicts())
    # the reviewer's edits: the first TRUE (a spreadsheet's spelling) with a category, the
    # second left empty (not reviewed), the third "No"
    lines = text.splitlines(keepends=True)
    lines[1] = lines[1].replace(",false,,low,", ",TRUE,user.name,low,")
    lines[2] = lines[2].replace(",false,,low,", ",,,low,")
    lines[3] = lines[3].replace(",true,user,low,", ",No,user,low,")
    found = read(tmp_path, "".join(lines))
    assert found == (
        Review("turni.turno", True, "user.name", "review.csv:2"),
        Review("clienti.livello", False, "user", "review.csv:4"),
    )


def test_formula_quote_explain_column_puts_before_a_name_is_taken_off(tmp_path: Path) -> None:
    text = as_csv(_verdicts()).replace(",false,,low,", ",yes,,low,")
    assert "'=cmd.x" in text  # as_csv kept a spreadsheet from running it
    assert [r.column for r in read(tmp_path, text)] == ["turni.turno", "=cmd.x", "clienti.livello"]


def test_only_column_personal_and_category_are_needed_in_any_order(tmp_path: Path) -> None:
    text = "Personal,notes,Column\n1,looks like a shift,turni.turno\n0,,clienti.livello\n"
    assert read(tmp_path, text) == (
        Review("turni.turno", True, None, "review.csv:2"),
        Review("clienti.livello", False, None, "review.csv:3"),
    )


def test_a_spreadsheet_bom_is_read_past(tmp_path: Path) -> None:
    text = "\ufeff" + HEADER + "turni.turno,,true,,low,,\n"
    assert read(tmp_path, text.encode("utf-8")) == (Review("turni.turno", True, None, "review.csv:2"),)


def test_a_row_is_named_by_the_line_it_starts_on_when_a_cell_spans_lines(tmp_path: Path) -> None:
    text = HEADER + 'a.b,,true,,low,,"two\nlines"\nturni.turno,,maybe,,low,,\nc.d,,perhaps,,low,,"three\nline\ncell"\n'
    message = refused(tmp_path, text)
    assert "review.csv:4: personal is 'maybe' for 'turni.turno': write true or false" in message
    assert "review.csv:5: personal is 'perhaps' for 'c.d'" in message


def test_bad_personal_cells_are_each_named_with_file_and_line(tmp_path: Path) -> None:
    text = HEADER + "a.x,,true,,,,\nturni.turno,,forse,,,,\nb.y,,,,,,\nc.z,,2,,,,\n"
    message = refused(tmp_path, text)
    assert message.startswith("review.csv: nothing changed, the reviewed list has 2 problems:\n")
    assert "review.csv:3: personal is 'forse' for 'turni.turno'" in message
    assert "review.csv:5: personal is '2' for 'c.z'" in message
    assert "review.csv:4" not in message  # an empty cell: not reviewed, no error


def test_an_empty_personal_cell_is_a_row_not_reviewed(tmp_path: Path) -> None:
    text = HEADER + "a.x,,,user.name,,,\n\nb.y,,  ,,,,\nc.z,,false,,,,\n"
    assert read(tmp_path, text) == (Review("c.z", False, None, "review.csv:5"),)


def test_a_category_that_is_no_taxonomy_key_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    text = HEADER + "a.x,,true,user.contact.emial,,,\n"
    message = refused(tmp_path, text)
    assert "review.csv:2: category 'user.contact.emial' of 'a.x' is not a data category " \
        "(did you mean user.contact.email?)" in message


def test_a_category_the_policy_defines_is_accepted(tmp_path: Path) -> None:
    policy = Policy(
        path="cnsnt.yaml", base_dir=tmp_path,
        categories={"user.shift": TaxonomyEntry(key="user.shift", name="Shift", parent="user")},
    )
    path = tmp_path / "review.csv"
    path.write_text(HEADER + "a.x,,true,user.shift,,,\n", encoding="utf-8")
    assert read_reviewed(path, "review.csv", TAXONOMY.with_policy(policy))[0].category == "user.shift"
    with pytest.raises(UsageError, match="user.shift"):
        read_reviewed(path, "review.csv", TAXONOMY)


def test_one_column_twice_with_different_answers_names_both_lines(tmp_path: Path) -> None:
    text = HEADER + "turni.turno,,true,,,,\nb.y,,false,,,,\nTURNI.turno,,false,,,,\n"
    message = refused(tmp_path, text)
    assert "review.csv:4: 'TURNI.turno' is marked not personal here but personal at review.csv:2" in message


def test_one_column_twice_with_the_same_answer_is_kept_once(tmp_path: Path) -> None:
    text = HEADER + "turni.turno,,true,,,,\nturni.turno,,yes,,,,\n"
    assert read(tmp_path, text) == (Review("turni.turno", True, None, "review.csv:2"),)


def test_a_header_without_column_is_refused_at_line_1(tmp_path: Path) -> None:
    message = refused(tmp_path, "name,personal\nturni.turno,true\n")
    assert message.startswith("review.csv:1: no column in the header ('name,personal')")


def test_an_empty_file_and_a_file_that_is_not_utf8_are_refused(tmp_path: Path) -> None:
    assert "review.csv: empty" in refused(tmp_path, "")
    message = refused(tmp_path, (HEADER + "turni.turno,,true,,,,\ncaf\xe9.x,,true,,,,\n").encode("latin-1"))
    assert message.startswith("review.csv:3:4: not valid UTF-8 (byte 0xe9)")


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^gone\.csv: cannot read: "):
        read_reviewed(tmp_path / "gone.csv", "gone.csv", TAXONOMY)


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reviewed_module, "MAX_REVIEW_BYTES", 100)
    message = refused(tmp_path, HEADER + "turni.turno,,true,,,,\n" * 5)
    assert "review.csv: file is too large (168 bytes) for a reviewed list (--reviewed reads a CSV or JSON " \
        "file of at most 100 bytes, in UTF-8)" in message


def test_reads_the_json_explain_column_writes_lines_by_item(tmp_path: Path) -> None:
    text = as_json(_verdicts()).replace('"personal": false', '"personal": "true"', 1)
    text = text.replace('"personal": true', '"personal": null')  # left empty: not reviewed
    found = read(tmp_path, text, "review.json")
    # each item's opening brace: as_json writes thirteen lines an item, after the `[`
    assert found == (
        Review("turni.turno", True, None, "review.json:2"),
        Review("=cmd.x", False, None, "review.json:15"),
    )


def test_bad_json_values_name_the_line_and_the_item(tmp_path: Path) -> None:
    text = '[\n  {"column": "a.x", "personal": true},\n  {"column": "b.y", "personal": "perhaps"}\n]\n'
    assert "review.json:3 (item 1): personal is 'perhaps' for 'b.y'" in refused(tmp_path, text, "review.json")
    assert "review.json:2:14: not valid JSON (Expecting value)" in refused(tmp_path, '[\n  {"column": }\n]', "review.json")
    assert "review.json:1: not a JSON list" in refused(tmp_path, '{"column": "a.x"}', "review.json")


def test_without_an_extension_the_content_tells_json_from_csv(tmp_path: Path) -> None:
    assert read(tmp_path, '[{"column": "a.x", "personal": 1}]', "review")[0].personal is True
    assert read(tmp_path, HEADER + "a.x,,0,,,,\n", "review")[0].personal is False


@pytest.mark.parametrize(
    "text",
    [
        "[" + "[" * 200_000 + "]" * 200_000 + "]",
        '[\n  {"column": "a.x", "personal": true},\n  {"column": "b.y", "personal": true, "x": '
        + "[" * 200_000 + "]" * 200_000 + "}\n]\n",
    ],
    ids=["list", "value"],
)
def test_a_json_list_nested_too_deeply_is_a_usage_error_with_its_place(tmp_path: Path, text: str) -> None:
    """Python's JSON reader raised RecursionError, an internal error (codereview28 F7)."""
    message = refused(tmp_path, text, "deep.json")
    where = "deep.json:1:2 (item 0)" if text.startswith("[[") else "deep.json:3:3 (item 1)"
    assert message.startswith(f"{where}: not a list cnsnt can read (nested too deeply)"), message


def test_a_semicolon_separated_csv_is_read(tmp_path: Path) -> None:
    """Excel saves CSV with `;` where the decimal mark is a comma (codereview28 F13)."""
    text = "column;location;personal;category\nshifts.turno;x;true;\nclienti.livello;\"a;b\";No;user\n"
    assert read(tmp_path, text) == (
        Review("shifts.turno", True, None, "review.csv:2"),
        Review("clienti.livello", False, "user", "review.csv:3"),
    )
    tabs = "column\tpersonal\nshifts.turno\tyes\n"
    assert read(tmp_path, tabs) == (Review("shifts.turno", True, None, "review.csv:2"),)
    # a comma in a cell of a comma-separated list does not make it another separator
    commas = 'column,personal,reason\nshifts.turno,true,"a; b"\n'
    assert read(tmp_path, commas) == (Review("shifts.turno", True, None, "review.csv:2"),)


@pytest.mark.parametrize("name", ["=cmd.x", "+a.b", "-a.b", "@a.b", "\ta.b", "\ra.b", "'a.b", "a.b"])
def test_a_cell_explain_column_quoted_reads_back_as_it_was(name: str) -> None:
    """The quote is put on and taken off by one pair of functions, from one list of starts."""
    assert from_spreadsheet_cell(spreadsheet_cell(name)) == name


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("VERO", "FALSO"), ("WAHR", "FALSCH"), ("VRAI", "FAUX"), ("VERDADERO", "FALSO"),
        ("VERDADEIRO", "FALSO"), ("DOĞRU", "YANLIŞ"), ("IGAZ", "HAMIS"), ("PRAWDA", "FAŁSZ"),
        ("WAAR", "ONWAAR"), ("ИСТИНА", "ЛОЖЬ"), ("CERT", "FALS"), ("sì", "no"), ("Sí", "No"),
        ("Sim", "Não"), ("oui", "non"), ("ja", "nein"), ("evet", "hayır"), ("igen", "nem"),
        ("tak", "nie"), ("да", "нет"), ("ja", "nee"),
    ],
)
def test_reads_the_true_and_false_words_of_the_twelve_languages_and_their_spreadsheets(
    tmp_path: Path, yes: str, no: str
) -> None:
    # review34 R34a D3, R34b D5: an Italian LibreOffice saves VERO/FALSO, with ; between cells
    found = read(tmp_path, f"column;personal\r\nturni.turno;{yes}\r\nturni.sede;{no}\r\n")
    assert found == (
        Review("turni.turno", True, None, "review.csv:2"),
        Review("turni.sede", False, None, "review.csv:3"),
    )
