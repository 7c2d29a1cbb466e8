"""A nameless control's id travels as `FormField.control_id`, not parsed back out of `raw`.

CN001's fix and CN402 name such a control by its id (`tests/rules/test_nameless_by_id.py`);
the readers that know the id say it in a field of its own. The markup is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import FormField
from cnsnt.model import Location
from tests.conftest import read_form

PAGE = """<form id="intake">
  <input id="illnessExtra" type="text">
  <input id="computed" name="{{ field }}">
  <input id="has blank">
  <input name="email" id="email">
</form>
"""

COMPONENT = """export function Intake() {
  const [extra, setExtra] = useState("");
  return (
    <form id="intake">
      <input id="illnessExtra" value={extras[kind]} onChange={(e) => pick(kind, e.target.value)} />
      <input id="spread" {...props} />
      <input name="email" id="email" />
    </form>
  );
}
"""


def _fields(tmp_path: Path, name: str, text: str) -> list[FormField]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f for form in read_form(path).forms for f in form.fields]


def test_the_html_reader_carries_a_nameless_controls_id(tmp_path: Path) -> None:
    fields = _fields(tmp_path, "intake.html", PAGE)
    assert [(f.name, f.control_id, f.id_keys) for f in fields] == [
        (None, "illnessExtra", ("intake.illnessExtra",)),
        (None, None, ()),  # a name the template computes: not sent by its id
        (None, "has blank", ()),  # no policy key can name it
        ("email", None, ()),
    ]


def test_the_jsx_reader_carries_a_nameless_controls_id(tmp_path: Path) -> None:
    fields = _fields(tmp_path, "Intake.jsx", COMPONENT)
    assert [(f.name, f.control_id, f.id_keys) for f in fields] == [
        (None, "illnessExtra", ("intake.illnessExtra",)),
        (None, None, ()),  # the spread may name it
        ("email", None, ()),
    ]


def test_id_keys_read_the_typed_id_not_the_raw_text() -> None:
    where = Location("f.html", 1, 1)
    by_raw = FormField(form="f", name=None, control="text", location=where, source="f.html", raw='id="x"')
    assert by_raw.id_keys == ()
    typed = FormField(
        form="f", name=None, control="text", location=where, source="f.html", control_id="x", alias="g"
    )
    assert typed.id_keys == ("f.x", "g.x")
