"""Mongoose schemas and models (MongoDB) read as schemas: collections, paths, keys, references."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Column, Evidence, ForeignKey
from cnsnt.matching import column_matches
from cnsnt.model import Severity
from cnsnt.sources.schemas.mongoose_naming import collection_name, pluralize, schema_type
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import read_entry, table, write_files

ADDRESS = """\
const mongoose = require('mongoose');

const addressSchema = new mongoose.Schema({
  street: String,
  city: { type: String, description: 'town or village' },
});

module.exports = addressSchema;
"""

MEMBER = """\
const mongoose = require('mongoose');
const { Schema } = mongoose;
const addressSchema = require('./address');

const memberSchema = new Schema(
  {
    email: { type: String, required: true, unique: true }, // where receipts go
    name: { first: String, last: String },
    // as the member typed it
    phone: String,
    tags: [String],
    addresses: [addressSchema],
    profile: new Schema({ bio: String, birthDate: Date }, { _id: false }),
    friends: [{ type: Schema.Types.ObjectId, ref: 'Member' }],
    club: { type: mongoose.SchemaTypes.ObjectId, ref: 'Club' },
    settings: {},
    meta: Schema.Types.Mixed,
    avatar: Buffer,
    balance: mongoose.Types.Decimal128,
    prefs: { type: Map, of: String },
    visits: [{ at: Date, place: String }],
  },
  { timestamps: { createdAt: 'joinedAt', updatedAt: false } },
);

memberSchema.add({ nickname: 'String' });

module.exports = mongoose.model('Member', memberSchema);
"""

CLUB = """\
import { Schema, model, Types } from 'mongoose';
import Member from './member';

interface IClub { name: string; owner: Types.ObjectId; }

const clubSchema = new Schema<IClub>(
  {
    name: String,
    owner: { type: Schema.Types.ObjectId, ref: Member },
    rooms: [{ label: String, _id: false }],
  },
  { versionKey: false, collection: 'club_list' },
);

export const Club = model<IClub>('Club', clubSchema);
export const Partner = Club.discriminator('Partner', new Schema({ contactEmail: String }));
export const Person = model('Person', new Schema({ fullName: String }), 'humans');
const Category = model('Category', { label: String });
"""


def _read(tmp_path: Path) -> Evidence:
    write_files(tmp_path, {"models/address.js": ADDRESS, "models/member.js": MEMBER, "models/club.ts": CLUB})
    return read_entry(tmp_path, "models/*")


def _columns(ev: Evidence, name: str) -> dict[str, Column]:
    return {c.name: c for c in table(ev, name).columns}


def test_collections_are_named_as_mongoose_names_them(tmp_path: Path):
    ev = _read(tmp_path)
    assert sorted(t.name for t in ev.tables) == ["categories", "club_list", "humans", "members"]
    assert detect(tmp_path / "models/member.js") == "mongoose"
    assert detect(tmp_path / "models/club.ts") == "mongoose"
    members = table(ev, "members")
    assert (members.location.path, members.location.line) == ("models/member.js", 28)


def test_paths_are_columns_with_mongoose_types(tmp_path: Path):
    ev = _read(tmp_path)
    columns = _columns(ev, "members")
    assert list(columns) == [
        "_id", "email", "name.first", "name.last", "phone", "tags", "addresses._id", "addresses.street",
        "addresses.city", "profile.bio", "profile.birthDate", "friends", "club", "settings", "meta", "avatar",
        "balance", "prefs", "visits._id", "visits.at", "visits.place", "nickname", "joinedAt", "__v",
    ]  # fmt: skip
    types = {name: c.type for name, c in columns.items()}
    assert types["_id"] == "ObjectId" and columns["_id"].primary_key
    assert not any(c.primary_key for name, c in columns.items() if name != "_id")
    assert types["tags"] == "[String]" and types["friends"] == "[ObjectId]" and types["club"] == "ObjectId"
    assert types["settings"] == types["meta"] == "Mixed"
    assert (types["avatar"], types["balance"], types["prefs"]) == ("Buffer", "Decimal128", "Map")
    assert (types["nickname"], types["joinedAt"], types["__v"]) == ("String", "Date", "Number")
    assert "updatedAt" not in columns  # `updatedAt: false`
    # each column where it is written: a sub-document schema's in its own file
    assert (columns["email"].location.line, columns["email"].location.column) == (7, 5)
    assert columns["addresses.street"].location.path == "models/address.js"
    assert columns["addresses.street"].location.line == 4
    assert columns["nickname"].location.line == 26


def test_comments_and_descriptions_are_column_comments(tmp_path: Path):
    columns = _columns(_read(tmp_path), "members")
    assert columns["email"].comment == "where receipts go"
    assert columns["phone"].comment == "as the member typed it"
    assert columns["name.first"].comment is None  # the comment after `email` is email's
    assert columns["addresses.city"].comment == "town or village"


def test_refs_are_references_to_the_model_collection(tmp_path: Path):
    ev = _read(tmp_path)
    assert set(table(ev, "members").foreign_keys) == {
        ForeignKey(("friends",), "members", ("_id",)),
        ForeignKey(("club",), "club_list", ("_id",)),
    }
    # `ref: Member`, the model imported from another file
    assert table(ev, "club_list").foreign_keys == (ForeignKey(("owner",), "members", ("_id",)),)


def test_options_discriminators_and_plain_object_schemas(tmp_path: Path):
    ev = _read(tmp_path)
    clubs = _columns(ev, "club_list")
    # versionKey: false; `_id: false` in the rooms; the discriminator's paths and key join the base
    assert list(clubs) == ["_id", "name", "owner", "rooms.label", "__t", "contactEmail"]
    assert clubs["contactEmail"].location.line == 16
    assert list(_columns(ev, "humans")) == ["_id", "fullName", "__v"]
    assert list(_columns(ev, "categories")) == ["_id", "label", "__v"]


def test_what_needs_running_code_is_a_warning_at_its_place(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models/user.js": """\
const mongoose = require('mongoose');
const base = require('some-package');
const userSchema = new mongoose.Schema({
  email: String,
  ...base,
  [field]: String,
  pet: { type: petSchema },
  boss: { type: mongoose.Schema.Types.ObjectId, ref: () => pick() },
  team: { type: mongoose.Schema.Types.ObjectId, ref: 'Team' },
});
const draftSchema = new mongoose.Schema({ body: String });
mongoose.model('User', userSchema);
""",
        },
    )
    ev = read_entry(tmp_path, "models/*.js")
    warnings = {(p.location.line, p.location.column): p.message for p in ev.problems}
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    assert sorted(warnings) == [(5, 3), (6, 3), (7, 16), (8, 54), (9, 54), (11, 21)]
    assert "spread" in warnings[(5, 3)] and "computed" in warnings[(6, 3)]
    assert "ref 'Team'" in warnings[(9, 54)] and "given to no model" in warnings[(11, 21)]
    columns = _columns(ev, "users")
    assert columns["pet"].type is None  # the path is kept; its type is not known
    assert list(columns) == ["_id", "email", "pet", "boss", "team", "__v"]


TYPEGOOSE = """\
import { prop, getModelForClass, modelOptions, Ref } from '@typegoose/typegoose';

class Job {
  @prop() public title?: string;
}

@modelOptions({ schemaOptions: { collection: 'people', timestamps: true } })
class Base {
  @prop({ required: true }) public email!: string;
}

class Pet {
  @prop() public name?: string;
}

class User extends Base {
  // as printed on the badge
  @prop() public name?: string;
  @prop({ type: () => [String] }) public nicknames?: string[];
  @prop({ type: () => Job }) public job?: Job;
  @prop({ ref: () => Pet }) public pet?: Ref<Pet>;
  @prop() public jobs?: Job[];
}

export const UserModel = getModelForClass(User);
export const PetModel = getModelForClass(Pet);
export const Lost = getModelForClass(Elsewhere);
"""


def test_typegoose_classes_are_read(tmp_path: Path):
    write_files(tmp_path, {"src/user.ts": TYPEGOOSE})
    ev = read_entry(tmp_path, "src/*.ts")
    assert [t.name for t in ev.tables] == ["people", "pets"]
    columns = _columns(ev, "people")
    assert list(columns) == [
        "_id", "email", "name", "nicknames", "job._id", "job.title", "pet", "jobs._id", "jobs.title",
        "createdAt", "updatedAt", "__v",
    ]  # fmt: skip
    assert (columns["nicknames"].type, columns["pet"].type, columns["jobs.title"].type) == (
        "[String]",
        "ObjectId",
        "String",
    )
    assert columns["name"].comment == "as printed on the badge"
    assert table(ev, "people").foreign_keys == (ForeignKey(("pet",), "pets", ("_id",)),)
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(27, 21)]
    assert "Elsewhere" in ev.problems[0].message


NEST_USER = """\
import { Prop, Schema, SchemaFactory, raw } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';
import { Address, AddressSchema } from './address.schema';

@Schema({ timestamps: true })
export class User {
  @Prop({ required: true, unique: true })
  email: string;

  @Prop({ type: AddressSchema })
  address: Address;

  @Prop({ type: [{ type: Types.ObjectId, ref: 'Post' }] })
  posts: Types.ObjectId[];

  @Prop(raw({ firstName: { type: String }, lastName: { type: String } }))
  details: Record<string, any>;
}

export const UserSchema = SchemaFactory.createForClass(User);
"""

NEST_ADDRESS = """\
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ _id: false })
export class Address {
  @Prop() street: string;
}
export const AddressSchema = SchemaFactory.createForClass(Address);
"""

NEST_POST = """\
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { User } from './user.schema';

@Schema({ collection: 'blog_posts' })
export class Post {
  @Prop() title: string;
  @Prop({ type: Types.ObjectId, ref: User.name }) author: Types.ObjectId;
}
export const PostSchema = SchemaFactory.createForClass(Post);
"""


def test_nestjs_schema_classes_are_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "src/user.schema.ts": NEST_USER,
            "src/address.schema.ts": NEST_ADDRESS,
            "src/post.schema.ts": NEST_POST,
        },
    )
    ev = read_entry(tmp_path, "src/*.ts")
    assert not ev.problems
    # Address is a sub-document of User (its `createForClass` is no collection of its own)
    assert sorted(t.name for t in ev.tables) == ["blog_posts", "users"]
    assert list(_columns(ev, "users")) == [
        "_id", "email", "address.street", "posts", "details.firstName", "details.lastName", "createdAt",
        "updatedAt", "__v",
    ]  # fmt: skip
    assert _columns(ev, "users")["address.street"].location.path == "src/address.schema.ts"
    assert table(ev, "blog_posts").foreign_keys == (ForeignKey(("author",), "users", ("_id",)),)
    assert table(ev, "users").foreign_keys == (ForeignKey(("posts",), "blog_posts", ("_id",)),)


def test_pluralize_off_and_files_beside_the_models(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models/index.js": "module.exports = { User: require('./user') };\n",
            "models/user.js": "const mongoose = require('mongoose');\nmongoose.pluralize(null);\n"
            "module.exports = mongoose.model('User', new mongoose.Schema({ email: String }));\n",
        },
    )
    ev = read_entry(tmp_path, "models/*.js")
    assert [t.name for t in ev.tables] == ["User"] and not ev.problems
    assert ev.counts["schema_files"] == 2  # the index goes with the models, unreported


def test_many_paths_read_in_linear_time_and_deep_nesting_is_named(tmp_path: Path):
    paths = ",\n".join(f"  f{i}: {{ type: String }}" for i in range(5000))
    deep = "{ a: " * 40 + "String" + " }" * 40
    write_files(
        tmp_path,
        {
            "m/big.js": f"const mongoose = require('mongoose');\nconst s = new mongoose.Schema({{\n{paths}\n}});\n"
            "mongoose.model('Big', s);\n",
            "m/deep.js": f"const mongoose = require('mongoose');\nmongoose.model('Deep', {{ x: {deep} }});\n",
        },
    )
    ev = read_entry(tmp_path, "m/*.js")
    assert len(table(ev, "bigs").columns) == 5002
    assert [c.name for c in table(ev, "deeps").columns] == ["_id", "__v"]
    assert [(p.location.path, p.location.line) for p in ev.problems] == [("m/deep.js", 2)]
    assert "nested too deep" in ev.problems[0].message


def test_well_known_plugins_add_their_paths(tmp_path: Path):
    """passport-local-mongoose adds `username` (or its `usernameField`), `hash` and `salt`
    (and `attempts`, `last` with `limitAttempts`); mongoose-bcrypt adds `password` (or its
    `fields`, none when a path is marked `bcrypt: true`); the project's own plugin adds
    nothing and says nothing; a name option cnsnt cannot read is a warning at its place."""
    write_files(
        tmp_path,
        {
            "models/user.js": """\
const mongoose = require('mongoose');
const passportLocalMongoose = require('passport-local-mongoose');
const audit = require('./audit');
const userSchema = new mongoose.Schema({ email: String });
userSchema.plugin(passportLocalMongoose, { usernameField: 'email', limitAttempts: true });
userSchema.plugin(audit);
userSchema.plugin(require('mongoose-bcrypt'), { fields: ['pin', 'recovery.code'] });
module.exports = mongoose.model('User', userSchema);
""",
            "models/member.ts": """\
import { Schema, model } from 'mongoose';
import bcrypt from 'mongoose-bcrypt';
import plm from 'passport-local-mongoose';
const memberSchema = new Schema({ name: String });
memberSchema.plugin(bcrypt);
memberSchema.plugin(plm, { hashField: settings.hash });
export const Member = model('Member', memberSchema);
const staffSchema = new Schema({ secret: { type: String, bcrypt: true } });
staffSchema.plugin(bcrypt);
export const Staff = model('Staff', staffSchema);
""",
            "models/audit.js": "module.exports = function audit(schema) { schema.add({ by: String }); };\n",
        },
    )
    ev = read_entry(tmp_path, "models/*")
    users = _columns(ev, "users")
    assert list(users) == ["_id", "email", "hash", "salt", "attempts", "last", "pin", "recovery.code", "__v"]
    assert (users["hash"].type, users["last"].type, users["attempts"].type) == ("String", "Date", "Number")
    assert (users["hash"].location.line, users["hash"].location.column) == (5, 19)
    assert list(_columns(ev, "members")) == ["_id", "name", "password", "username", "salt", "__v"]
    assert list(_columns(ev, "staffs")) == ["_id", "secret", "__v"]
    warnings = [(p.location.path, p.location.line, p.location.column) for p in ev.problems]
    assert warnings == [("models/member.ts", 6, 39)] and "hashField" in ev.problems[0].message
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_reading_is_deterministic(tmp_path: Path):
    first, second = _read(tmp_path), _read(tmp_path)
    assert first.tables == second.tables and first.problems == second.problems


def test_naming_follows_mongoose():
    words = {
        "User": "users", "Person": "people", "Category": "categories", "Address": "addresses",
        "Status": "status", "Index": "indexes", "Woman": "women", "Human": "humans", "Mouse": "mice",
        "Goose": "geese", "Knife": "knives", "Virus": "viruses", "Fungus": "fungi", "Datum": "data",
        "Analysis": "analyses", "Bus": "buses", "Quiz": "quizzes", "User1": "user1", "News": "news",
        "Company": "companies", "Key": "keys",
    }  # fmt: skip
    assert {w: pluralize(w) for w in words} == words
    assert collection_name("system.profile") == "system.profile"
    assert collection_name("User", pluralizing=False) == "User"
    assert schema_type("mongoose.Schema.Types.ObjectId") == "ObjectId"
    assert schema_type("objectId") == "ObjectId" and schema_type("Object") == "Mixed"
    assert schema_type("Foo") is None and schema_type("a.b.String") is None


def test_a_policy_names_a_nested_path_with_its_dots(tmp_path: Path):
    key = _columns(_read(tmp_path), "members")["addresses.city"].key
    assert key == "members.addresses.city"
    assert column_matches("members.addresses.city", key) and column_matches("members.addresses.*", key)
    assert not column_matches("members.city", key)


def test_init_proposes_the_models(tmp_path: Path):
    write_files(tmp_path, {"models/address.js": ADDRESS, "models/member.js": MEMBER, "models/club.ts": CLUB})
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    policy = yaml.safe_load(text)
    assert policy["sources"]["schemas"] == [
        {"path": "models/*.js", "format": "mongoose"},
        {"path": "models/*.ts", "format": "mongoose"},
    ]
    assert "collections named as Mongoose names them" in text
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"members.email", "members.phone", "members.name.first", "humans.fullName"} <= declared
