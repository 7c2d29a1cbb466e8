"""Files that are not forms are not proposed as forms (review28 D5).

shopizer's only form entry was an Elasticsearch index mapping, whose fields came out
"filled in by a person"; demarches-simplifiees.fr got a Stimulus controller proposed with
`format: html` for the hidden input it inserts into its page. The files here are
written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from cnsnt.starter.discover import Found, survey
from cnsnt.starter.index_mappings import foreign_types

SIGNUP = {"title": "Sign up", "properties": {"email": {"type": "string", "format": "email"}}}
CONTROLLER = """import { Controller } from '@hotwired/stimulus';

export class TargetsController extends Controller {
  add(option: HTMLOptionElement) {
    const row = [
      `<li>${option.text}`,
      "<button data-action='click->targets#remove'></button>",
      `<input type='hidden' name='[targets][]' value='${option.value}' />`,
      '</li>',
    ].join('');
    this.element.insertAdjacentHTML('beforeend', row);
  }
}
"""


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_an_index_mapping_is_left_out_with_a_note(tmp_path: Path) -> None:
    """The review's repro: `{"properties": {"id": {"type": "long"}, "brand": {"type": "keyword"}}}`."""
    mapping = {"properties": {"id": {"type": "long"}, "brand": {"type": "keyword"}}}
    _write(tmp_path, "search/mapping.json", json.dumps(mapping))
    _write(tmp_path, "forms/signup.schema.json", json.dumps(SIGNUP))
    found, notes = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == [Found("forms", "forms/signup.schema.json")]
    assert (
        "left out 1 JSON file shaped like a JSON Schema (search/mapping.json): most of its properties' "
        "types (keyword, long) are not JSON Schema types; an Elasticsearch or OpenSearch index mapping, "
        "or another format's schema, is no form a person fills in (add it under sources: to audit it as one)"
    ) in notes


def test_a_mapping_is_told_by_most_of_its_types_at_any_depth() -> None:
    nested = {
        "properties": {
            "name": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
            "variants": {"type": "nested", "properties": {"sku": {"type": "keyword"}, "ok": {"type": "boolean"}}},
        }
    }
    assert foreign_types(nested) == ["keyword", "nested", "text"]
    # a hand-written form with one type JSON Schema does not know is still a form
    typo = {"properties": {"email": {"type": "string"}, "name": {"type": "string"}, "born": {"type": "date"}}}
    assert foreign_types(typo) == []
    assert foreign_types({"properties": {"tags": {"type": ["array", "null"], "items": {"type": "string"}}}}) == []
    assert foreign_types({"properties": {"x": {"$ref": "#/$defs/x"}}}) == []


def test_a_script_whose_markup_holds_only_a_hidden_field_and_a_button_is_no_form(tmp_path: Path) -> None:
    _write(tmp_path, "app/javascript/controllers/targets_controller.ts", CONTROLLER)
    _write(
        tmp_path,
        "app/javascript/views/signup.ts",
        "export const view = () => `<form id=\"signup\"><input name=\"email\" type=\"email\"></form>`;\n",
    )
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "forms"] == [Found("forms", "app/javascript/views/signup.ts", format="html")]


def test_a_schema_of_an_export_format_built_from_remote_refs_is_no_form(tmp_path: Path) -> None:
    """A JSON Schema whose `$ref`s fetch another document by URL describes data, not a form (trial37).

    A social network keeps the schema of its account export (`lib/schemas/archive-format.json`:
    the user's settings, contacts and posts, each post a `$ref` to its federation
    protocol's schemas on the web): proposed as a form, it gave 26 fields "filled in by a
    person" and opened the first audit with 12 CN001 warnings, one per remote `$ref`. Form
    renderers resolve references within the file; a form's own `#/definitions/...` stays a form.
    """
    export = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "id": "https://social.example/schemas/export.json",
        "type": "object",
        "properties": {
            "user": {"type": "object", "properties": {
                "email": {"type": "string"},
                "profile": {"$ref": "https://proto.example/schemas/entities.json#/definitions/profile"},
            }},
        },
    }
    signup = {
        "definitions": {"address": {"type": "object", "properties": {"city": {"type": "string"}}}},
        "properties": {"email": {"type": "string"}, "home": {"$ref": "#/definitions/address"}},
    }
    _write(tmp_path, "lib/schemas/export-format.json", json.dumps(export))
    _write(tmp_path, "forms/signup.schema.json", json.dumps(signup))
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["forms/signup.schema.json"]
    assert any(n.startswith("left out 1 JSON Schema in lib/schemas:") for n in notes)
