"""A Laravel form bound to a model fills that model's table (review36 R36b D1).

Laravel Collective's `Form::model($concert, [...])` (spatie's `html()->modelForm($concert)`)
binds the form to a model: its fields fill the columns of that model's table, as a
Rails `form_with model:` block's and a Thymeleaf `th:object` form's do. The starter read
a concert's `naam`, `beschrijving`, `locatie` and poster `image` as a person's name,
social profile, location and photo. Files written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.sources.forms.blade_objects import echo_object, echo_target
from cnsnt.starter.run import draft_new

MIGRATION = """\
<?php
use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

class CreateTables extends Migration
{
    public function up()
    {
        Schema::create('users', function (Blueprint $t) {
            $t->increments('id');
            $t->string('naam');
            $t->string('email');
            $t->string('locatie');
        });
        Schema::create('concerts', function (Blueprint $t) {
            $t->increments('id');
            $t->string('naam');
            $t->text('beschrijving')->nullable();
            $t->string('locatie');
            $t->string('image')->nullable();
            $t->date('datum_start');
        });
    }
}
"""
EDIT = """\
{!! Form::model($concert, ['method' => 'PATCH', 'url' => 'concerts/'.$concert->id, 'files' => true]) !!}
  @include('concerts.form')
{!! Form::close() !!}
"""
CREATE = """\
{!! Form::open(['url' => 'concerts', 'files' => true]) !!}
  @include('concerts.form')
{!! Form::close() !!}
"""
PARTIAL = """\
{!! Form::label('naam', 'Naam van het concert:') !!} {!! Form::text('naam', null) !!}
{!! Form::label('beschrijving', 'Beschrijving (website):') !!} {!! Form::textarea('beschrijving', null) !!}
{!! Form::label('locatie', 'Locatie:') !!} {!! Form::text('locatie', null) !!}
{!! Form::label('image', 'Poster:') !!} {!! Form::file('image') !!}
{!! Form::input('date', 'datum_start', null) !!}
"""
STAGE = """\
{!! Form::model($concert, ['method' => 'PATCH']) !!}
  {!! Form::label('locatie', 'Locatie:') !!} {!! Form::text('locatie') !!}
{!! Form::close() !!}
"""
PROFILE = """\
{!! Form::model(Auth::user(), ['url' => 'profile']) !!}
  {!! Form::text('naam') !!} {!! Form::text('locatie') !!}
{!! Form::close() !!}
"""
LOOSE = """\
{!! Form::open(['url' => 'contact']) !!}
  {!! Form::text('locatie') !!}
{!! Form::close() !!}
"""


def _project(root: Path) -> dict[str, Any]:
    files = {
        "database/migrations/2021_01_01_000000_create_tables.php": MIGRATION,
        "resources/views/concerts/edit.blade.php": EDIT,
        "resources/views/concerts/create.blade.php": CREATE,
        "resources/views/concerts/form.blade.php": PARTIAL,
        "resources/views/stages/edit.blade.php": STAGE,
        "resources/views/profile/edit.blade.php": PROFILE,
        "resources/views/contact.blade.php": LOOSE,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    text = draft_new(root).text
    policy: dict[str, Any] = YAML(typ="safe").load(text)
    return {"data": policy["data"], "ignore": policy.get("ignore") or [], "text": text}


def _entry_of(data: dict[str, Any], key: str) -> str | None:
    return next(
        (n for n, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or [])), None
    )


def test_form_model_names_the_object_the_form_fills() -> None:
    assert echo_object("{!! Form::model($concert, ['method' => 'PATCH']) !!}") == "concert"
    assert echo_object("{{ Form::model($event->venue, []) }}") == "venue"
    assert echo_object("{!! \\Collective\\Html\\FormFacade::model($pupil) !!}") == "pupil"
    assert echo_object("{!! Form::model(Auth::user(), ['url' => 'me']) !!}") == "user"
    assert echo_object("{!! Form::model(auth()->user()) !!}") == "user"
    assert echo_object("{{ html()->modelForm($member, 'PUT')->open() }}") == "member"
    assert echo_object("{!! Form::open(['url' => 'x']) !!}") is None
    assert echo_object("{!! Form::model(makeOne(), []) !!}") is None
    assert echo_object("{!! Form::text('model') !!}") is None


def test_a_partial_of_a_bound_form_fills_the_models_table_and_goes_under_ignore(tmp_path: Path) -> None:
    made = _project(tmp_path)
    data, ignored = made["data"], made["ignore"]
    # known-kind words (a name, a website, a location, a photo) of a concert are the concert's
    for field in ("naam", "beschrijving", "locatie", "image", "datum_start"):
        key = f"form.{field}"
        assert key in ignored, key
        assert _entry_of(data, key) is None, key
    said = next(line for line in made["text"].splitlines() if "- form.beschrijving " in line)
    assert "fills 'concerts.beschrijving' (the form fills 'concert', kept in the table 'concerts')" in said
    # a template bound to the model itself
    assert "stages/edit.locatie" in ignored


def test_a_form_bound_to_the_user_joins_the_users_columns(tmp_path: Path) -> None:
    made = _project(tmp_path)
    data = made["data"]
    assert _entry_of(data, "profile/edit.naam") == _entry_of(data, "users.naam") is not None
    assert _entry_of(data, "profile/edit.locatie") == _entry_of(data, "users.locatie") is not None
    said = next(line for line in made["text"].splitlines() if '"profile/edit.locatie"' in line)
    # two tables have `locatie`: the bound object says which one the field fills
    assert "fills the column 'users.locatie' (the form fills 'user', kept in the table 'users')" in said


def test_an_unbound_form_is_read_as_before(tmp_path: Path) -> None:
    made = _project(tmp_path)
    # two tables have `locatie`: a form that says no object joins neither
    assert _entry_of(made["data"], "contact.locatie") is not None
    assert "contact.locatie" not in made["ignore"]


# ---------------------------------------------------------------- create forms (trial38)

VENUE_MIGRATION = MIGRATION.replace(
    "        Schema::create('concerts'",
    "        Schema::create('venues', function (Blueprint $t) {\n"
    "            $t->increments('id');\n"
    "            $t->string('naam');\n"
    "            $t->string('locatie');\n"
    "        });\n"
    "        Schema::create('concerts'",
)


def made_ignore(text: str) -> list[str]:
    return YAML(typ="safe").load(text).get("ignore") or []


def test_form_open_names_the_resource_it_posts_to() -> None:
    assert echo_target("{!! Form::open(['url' => 'venues', 'files' => true]) !!}") == (
        "venues", "Form::open's 'url' => 'venues'")
    assert echo_target("{!! Form::open(['url' => '/admin/venues/store']) !!}") == (
        "venues", "Form::open's 'url' => '/admin/venues/store'")
    assert echo_target("{{ Form::open(array('route' => 'admin.venues.store')) }}") == (
        "venues", "Form::open's 'route' => 'admin.venues.store'")
    assert echo_target("{!! Form::open(['route' => ['venues.update', $venue->id]]) !!}")[0] == "venues"  # type: ignore[index]
    assert echo_target("{!! Form::open(['action' => 'App\\Http\\Controllers\\VenueController@store']) !!}")[0] == (  # type: ignore[index]
        "Venue")
    assert echo_target("{!! Form::open(['action' => 'App\\\\Http\\\\VenueController@store']) !!}")[0] == "Venue"  # type: ignore[index]
    assert echo_target("{!! Form::open(['action' => [VenueController::class, 'store']]) !!}")[0] == "Venue"  # type: ignore[index]
    assert echo_target("{!! Form::open(['url' => $target]) !!}") is None
    assert echo_target("{!! Form::open(['url' => url('venues')]) !!}") is None
    assert echo_target("{!! Form::open(['action' => 'Controller@store']) !!}") is None
    assert echo_target("{!! Form::open() !!}") is None
    assert echo_target("{!! Form::model($venue, ['url' => 'venues']) !!}") is None


def test_a_create_form_is_linked_to_the_table_its_resource_names(tmp_path: Path) -> None:
    """`Form::open(['url' => 'venues'])` fills `venues`, where a table is named so, and says how.

    Two tables have `locatie`: unlinked, the create form's field joined neither (as the edit
    view's `Form::model($venue)` one did). A form posting to no table's name (`contact`)
    stays unlinked, and a partial included only by a create view fills its resource.
    """
    files = {
        "database/migrations/2021_01_01_000000_create_tables.php": VENUE_MIGRATION,
        "resources/views/venues/create.blade.php": (
            "{!! Form::open(['route' => 'venues.store']) !!}\n"
            "  {!! Form::text('naam') !!} {!! Form::text('locatie') !!}\n{!! Form::close() !!}\n"
        ),
        "resources/views/venues/new.blade.php": (
            "{!! Form::open(['action' => [VenueController::class, 'store']]) !!}\n"
            "  @include('venues.fields')\n{!! Form::close() !!}\n"
        ),
        "resources/views/venues/fields.blade.php": "{!! Form::text('locatie') !!}\n",
        "resources/views/contact.blade.php": LOOSE,
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    text = draft_new(tmp_path).text
    # a venue's name and location: a thing's, under ignore: with the column they fill, and how
    assert "create.naam" in made_ignore(text) and "create.locatie" in made_ignore(text)
    said = next(line for line in text.splitlines() if "- create.locatie " in line)
    assert "fills 'venues.locatie' (the form posts to 'venues', by Form::open's 'route'" in said
    said = next(line for line in text.splitlines() if "- fields.locatie " in line)
    assert "fills 'venues.locatie' (the form posts to 'Venue', by Form::open's 'action'" in said
    said = next(line for line in text.splitlines() if "- contact.locatie " in line)
    assert "fills" not in said and "posts to" not in said
