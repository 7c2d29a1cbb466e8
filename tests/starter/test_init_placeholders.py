"""A placeholder is example text or an instruction, not what a field is (review35 R35b D6).

A trip form's textarea whose placeholder lists what to pack ("... dowód tożsamości ...")
became a government id (high), and one whose placeholder says the trip is supervised by
instructors ("pod opieką", in care) became GDPR Art. 9 health data. A placeholder alone
never makes a field a special category or an identity document; other kinds it suggests
weigh below a label. Forms written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.classify import classify_field
from cnsnt.model import Confidence
from cnsnt.starter.run import draft_new

TRIP = """\
<form method="post" action="/admin/trips">
  <textarea name="packing_list" placeholder="- Kask narciarski - Legitymacja szkolna / dowód tożsamości - Karta EKUZ"></textarea>
  <textarea name="additional_info" placeholder="Wyjazd odbywa się pod opieką wykwalifikowanych instruktorów."></textarea>
  <label for="al">Alergie pokarmowe</label><textarea id="al" name="notes"></textarea>
  <input type="text" name="contact" placeholder="Twój adres e-mail">
</form>
"""
TRIP_TSX = """\
export function TripForm() {
  return (
    <form onSubmit={save}>
      <textarea name="packing_list" placeholder="- Kask - Legitymacja szkolna / dowód tożsamości" />
      <textarea name="additional_info" placeholder="Wyjazd odbywa się pod opieką wykwalifikowanych instruktorów." />
    </form>
  );
}
"""


def _data(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(draft_new(root).text)["data"]
    return data


def _category_of(data: dict[str, Any], key: str) -> str:
    return next(d["category"] for d in data.values() if key in (d.get("form_fields") or []))


def test_a_placeholder_alone_makes_no_government_id_or_health_data(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "trip.html").write_text(TRIP, encoding="utf-8")
    data = _data(tmp_path)
    assert not _category_of(data, "trip.packing_list").startswith("user.government_id")
    assert not _category_of(data, "trip.additional_info").startswith("user.health")
    # a label still says what a field is, and a placeholder still hints at an e-mail
    assert _category_of(data, "trip.notes").startswith("user.health")
    assert _category_of(data, "trip.contact") == "user.contact.email"


def test_a_react_placeholder_alone_makes_no_special_category(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"dependencies": {"react": "18.0.0"}}', encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "TripForm.tsx").write_text(TRIP_TSX, encoding="utf-8")
    data = _data(tmp_path)
    assert not _category_of(data, "TripForm.packing_list").startswith("user.government_id")
    assert not _category_of(data, "TripForm.additional_info").startswith("user.health")


def test_a_placeholder_weighs_below_a_label_and_says_what_it_mentions() -> None:
    by_label = classify_field("notes", "Alergie pokarmowe", "textarea", ("pl",))
    by_example = classify_field("notes", "Alergie pokarmowe", "textarea", ("pl",), label_hint=True)
    assert by_label.category is not None and by_label.category.startswith("user.health")
    assert by_example.category is None and by_example.confidence is Confidence.LOW
    assert "placeholder 'Alergie pokarmowe'" in by_example.reason
    email = classify_field("contact", "Your e-mail address", "text", ("en",), label_hint=True)
    assert email.category == "user.contact.email" and email.confidence is not Confidence.HIGH


TRIP_ERB = """\
<%= form_with model: @trip do |f| %>
  <%= f.text_area :packing_list, placeholder: "Kask, legitymacja szkolna / dowód tożsamości" %>
  <%= f.text_area :additional_info, placeholder: "Wyjazd odbywa się pod opieką instruktorów." %>
  <%= f.text_area :notes, aria: { label: "Alergie pokarmowe" }, placeholder: "np. orzechy" %>
<% end %>
"""


def test_a_rails_helpers_placeholder_alone_makes_no_special_category(tmp_path: Path) -> None:
    (tmp_path / "Gemfile").write_text("gem 'rails'\n", encoding="utf-8")
    views = tmp_path / "app" / "views" / "trips"
    views.mkdir(parents=True)
    (views / "new.html.erb").write_text(TRIP_ERB, encoding="utf-8")
    data = _data(tmp_path)
    assert not _category_of(data, "new.packing_list").startswith("user.government_id")
    assert not _category_of(data, "new.additional_info").startswith("user.health")
    # an aria label is a label: it comes before the placeholder and counts
    assert _category_of(data, "new.notes").startswith("user.health")
