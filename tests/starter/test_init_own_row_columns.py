"""A field of no known kind and the not-personal column of a person's row it fills are one datum (review36 R36b D3).

A pupil's `niveau` (school level) and `mag_gemaild` (mailing opt-in) are "technical" and
"a flag" to the classifier: not personal, unsure. The form that edits the pupil has a
field of each, "kind unknown". init declared the fields and left the columns out: one
datum in two places, on two lists. Files written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.api import column_verdicts, explain_column
from cnsnt.starter.run import draft_new

MIGRATION = """\
<?php
use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

class CreatePupils extends Migration
{
    public function up()
    {
        Schema::create('pupils', function (Blueprint $t) {
            $t->increments('id');
            $t->string('voornaam');
            $t->enum('niveau', ['VMBO', 'HAVO', 'VWO']);
            $t->boolean('mag_gemaild')->default(0);
        });
        Schema::create('tutors', function (Blueprint $t) {
            $t->increments('id');
            $t->string('voornaam');
            $t->string('niveau');
            $t->string('soort');
        });
        Schema::create('rooms', function (Blueprint $t) {
            $t->increments('id');
            $t->string('vleugel');
        });
    }
}
"""
PUPIL = """\
{!! Form::model($pupil, ['method' => 'PATCH']) !!}
  {!! Form::text('voornaam') !!}
  {!! Form::label('niveau', 'Niveau:') !!} {!! Form::select('niveau', ['VMBO' => 'VMBO', 'HAVO' => 'HAVO'], null) !!}
  {!! Form::label('mag_gemaild', 'Mailings ontvangen:') !!} {!! Form::select('mag_gemaild', [0 => 'Nee', 1 => 'Ja']) !!}
{!! Form::close() !!}
"""
# no object said: `soort` is the one column of the schema so named, in a table about people
TUTOR = """\
<form method="post" action="/tutors"><input name="voornaam"><input name="soort"><input name="vleugel"></form>
"""


def _project(root: Path) -> dict[str, Any]:
    files = {
        "database/migrations/2021_01_01_000000_create_pupils.php": MIGRATION,
        "resources/views/pupils/edit.blade.php": PUPIL,
        "resources/views/tutors/create.blade.php": TUTOR,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    draft = draft_new(root)
    (root / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    policy: dict[str, Any] = YAML(typ="safe").load(draft.text)
    return {"data": policy["data"], "ignore": policy.get("ignore") or [], "text": draft.text, "draft": draft}


def _entry_of(data: dict[str, Any], key: str) -> str | None:
    return next(
        (n for n, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or [])), None
    )


def test_the_column_is_declared_in_the_entry_of_the_field_that_fills_it(tmp_path: Path) -> None:
    made = _project(tmp_path)
    data = made["data"]
    for column, field in (
        ("pupils.niveau", "edit.niveau"),
        ("pupils.mag_gemaild", "edit.mag_gemaild"),
        ("tutors.soort", "create.soort"),
    ):
        assert _entry_of(data, column) is not None, column
        assert _entry_of(data, column) == _entry_of(data, field), (column, field)
    said = next(line for line in made["text"].splitlines() if "- pupils.niveau " in line)
    assert "unsure, check: filled by the form field 'edit.niveau' (the form fills 'pupil'" in said
    assert "alone: not personal, name 'niveau' is technical" in said
    # a column no field fills, and one about a thing, stay as they were
    assert _entry_of(data, "tutors.niveau") is None
    assert _entry_of(data, "rooms.vleugel") is None


def test_explain_column_and_the_lists_say_what_init_does(tmp_path: Path) -> None:
    made = _project(tmp_path)
    rows, _, _ = column_verdicts("*", tmp_path, undecided=True)
    low = [r for r in rows if r.confidence == "low"]
    personal = {r.column for r in low if r.personal}
    left_out = {r.column for r in low if not r.personal and r.form is None}
    assert {"pupils.niveau", "pupils.mag_gemaild", "edit.niveau", "edit.mag_gemaild"} <= personal
    assert "pupils.niveau" not in left_out and "tutors.niveau" in left_out
    # the counts init prints are the lists' (before, the two columns were "left out")
    draft = made["draft"]
    asked = {r.column for r in low if r.personal and r.form is None}
    assert (draft.unsure, draft.asked) == (len(left_out), len(asked))
    column = "\n".join(explain_column("pupils.niveau", tmp_path))
    assert "cnsnt init files it with that field, as user (low confidence): filled by the form field 'edit.niveau'" in column
    field = "\n".join(explain_column("edit.niveau", tmp_path))
    assert "cnsnt init files that column with it, of no known kind" in field


def test_explain_column_reads_the_schema_once_for_its_own_row_line(tmp_path: Path, monkeypatch: Any) -> None:
    # the line and the lists' row come from one builder; the schema read for the verdict is
    # used again, not read a second time with the forms (codereview30 F6)
    import cnsnt.api as api

    _project(tmp_path)
    read: list[tuple[str, ...]] = []
    collect = api.collect_evidence

    def counted(policy: Any, **kwargs: Any) -> Any:
        read.append(tuple(sorted({s.kind for s in policy.sources})))
        return collect(policy, **kwargs)

    monkeypatch.setattr(api, "collect_evidence", counted)
    column = explain_column("pupils.niveau", tmp_path)
    said = "  cnsnt init files it with that field, as user (low confidence): filled by the form field 'edit.niveau'"
    assert said in "\n".join(column)
    assert sum("schemas" in kinds for kinds in read) == 1, read
    row = next(r for r in column_verdicts("pupils.niveau", tmp_path)[0] if r.column == "pupils.niveau")
    assert (row.personal, row.category, row.confidence) == (True, "user", "low")
    assert f"  cnsnt init files it with that field, as user (low confidence): {row.reason}" in column
