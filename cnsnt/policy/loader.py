"""Load a policy: bytes -> YAML with positions -> merge -> JSON Schema -> model.

Every problem is collected and reported at once, each with file:line:column.
"""

from __future__ import annotations

import difflib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from cnsnt.errors import PolicyError, Problem
from cnsnt.model import Location
from cnsnt.policy.init_labels import noted_labels
from cnsnt.policy.model import (
    Consent,
    Controller,
    Datum,
    Policy,
    Purpose,
    Recipient,
    SourceSpec,
    TaxonomyEntry,
    Text,
    Waiver,
)
from cnsnt.policy.yaml_nodes import JsonPath, load_yaml
from cnsnt.redact import redact, register_env_references

DEFAULT_NAMES = ("cnsnt.yaml", "cnsnt.yml", ".cnsnt.yaml", ".cnsnt.yml")
#: Sections whose entries are named; a name defined in two files is an error.
_NAMED_SECTIONS = ("purposes", "recipients", "data", "roles")
#: Sections that are lists; files' lists are concatenated.
_LIST_SECTIONS = ("ignore", "waivers")
#: Sections that are single objects; only one file may set each key.
_OBJECT_SECTIONS = ("controller", "notice", "readability", "taxonomy")
MAX_POLICY_BYTES = 5_000_000


@cache
def policy_json_schema() -> dict[str, Any]:
    """The shipped JSON Schema of the policy format."""
    text = resources.files("cnsnt.policy").joinpath("policy.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    # Offer the shipped taxonomy keys to editors (completion); any other string stays
    # valid here, since a policy may define its own keys under taxonomy:.
    from cnsnt.policy.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    schema["$defs"]["category"]["anyOf"][0]["enum"] = sorted(taxonomy.categories)
    schema["$defs"]["use"]["anyOf"][0]["enum"] = sorted(taxonomy.uses)
    return schema


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when inside it."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def find_policy(start: Path) -> Path | None:
    """The policy in a directory: a `cnsnt.yaml` file, or the directory itself if it holds YAML."""
    for name in DEFAULT_NAMES:
        candidate = start / name
        if candidate.is_file():
            return candidate
    return None


def policy_files(path: Path) -> list[Path]:
    """The files a policy path stands for (a directory: its *.yaml / *.yml, sorted).

    A link that leads nowhere, a FIFO or a socket is kept, so reading it names it
    (a policy file left out without a word would drop its purposes or waivers);
    only subdirectories and editor lock files (Emacs' `.#name` links) are not policy.
    """
    if path.is_dir():
        return sorted(
            p
            for p in path.iterdir()
            if p.suffix in (".yaml", ".yml") and not p.name.startswith(".#") and not p.is_dir()
        )
    return [path]


def read_text(
    path: Path, shown: str, *, limit: int | None = None, what: str = "a policy"
) -> tuple[str | None, list[Problem]]:
    """Read UTF-8 text (a BOM dropped); undecodable bytes are a problem with line and column.

    A regular file of at most `limit` bytes (`MAX_POLICY_BYTES` when None; `what` names it
    in messages): a policy, or another file a person writes for cnsnt (`init --update
    --reviewed`'s list).
    """
    limit = MAX_POLICY_BYTES if limit is None else limit
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device would block or never end: never opened.
            return None, [Problem(f"not a regular file: {what} must be one", Location(shown))]
        size = info.st_size
        if size > limit:
            return None, [Problem(f"file is too large ({size:,} bytes) for {what}", Location(shown))]
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:
            return None, [Problem(f"file is too large for {what}", Location(shown))]
    except OSError as exc:
        return None, [Problem(f"cannot read: {exc.strerror or exc}", Location(shown))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            Problem(
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8",
                Location(shown, line, col),
            )
        ]


def load_policy(path: Path) -> Policy:
    """Load and validate a policy file or directory; raise PolicyError with every problem."""
    if not path.exists():
        raise PolicyError([Problem(f"policy not found: {display_path(path)}")])
    files = policy_files(path)
    if not files:
        raise PolicyError([Problem(f"no *.yaml or *.yml policy files in {display_path(path)}")])
    base_dir = path if path.is_dir() else path.parent
    problems: list[Problem] = []
    documents: list[tuple[Path, str, dict[str, Any], dict[JsonPath, Location]]] = []
    noted: set[str] = set()  # data entries whose label still has `cnsnt init`'s comment
    for file in files:
        shown = display_path(file)
        text, read_problems = read_text(file, shown)
        problems += read_problems
        if text is None:
            continue
        register_env_references(text)  # `${ENV}` values are secrets wherever they show up
        data, locations, yaml_problems = load_yaml(text, shown)
        problems += yaml_problems
        if data is None and not yaml_problems:
            problems.append(Problem("the policy is empty", Location(shown, 1, 1)))
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    f"the policy must be a mapping of sections (cnsnt:, purposes:, data: ...), "
                    f"not a {type(data).__name__}",
                    locations.get((), Location(shown, 1, 1)),
                )
            )
            continue
        documents.append((file, shown, data, locations))
        noted |= noted_labels(data, locations, text)
    if not documents:
        raise PolicyError(problems)
    merged, locations, origin, merge_problems = _merge(documents, multi=path.is_dir())
    problems += merge_problems
    problems += _schema_problems(merged, locations, documents[0][1])
    if problems:
        raise PolicyError(problems)
    return _build_policy(path, base_dir, merged, locations, origin, frozenset(noted))


def _merge(
    documents: list[tuple[Path, str, dict[str, Any], dict[JsonPath, Location]]], multi: bool
) -> tuple[dict[str, Any], dict[JsonPath, Location], dict[JsonPath, Path], list[Problem]]:
    """Merge the files of a policy directory; a name defined twice names both places."""
    merged: dict[str, Any] = {}
    locations: dict[JsonPath, Location] = {}
    origin: dict[JsonPath, Path] = {}  # which file a source entry came from
    problems: list[Problem] = []
    for file, _shown, data, locs in documents:
        index = _LocIndex(locs)
        locations.setdefault((), locs[()])
        for section, value in data.items():
            if (
                section == "sources"
                and isinstance(value, dict)
                and isinstance(merged.get("sources", {}), dict)
            ):
                target = merged.setdefault("sources", {})
                locations.setdefault(("sources",), locs[("sources",)])
                for kind, entries in value.items():
                    if not isinstance(target.get(kind, []), list):
                        continue  # an earlier file's invalid entry stays, so validation reports it
                    if not isinstance(entries, list):
                        target[kind] = entries
                        _copy_locs(index, ("sources", kind), ("sources", kind), locations)
                        continue
                    start = len(target.setdefault(kind, []))
                    target[kind].extend(entries)
                    locations.setdefault(("sources", kind), locs[("sources", kind)])
                    for i in range(len(entries)):
                        _copy_locs(index, ("sources", kind, i), ("sources", kind, start + i), locations
                        )
                        origin[("sources", kind, start + i)] = file
                continue
            if (
                section in _LIST_SECTIONS
                and isinstance(value, list)
                and isinstance(merged.get(section, []), list)
            ):
                start = len(merged.setdefault(section, []))
                merged[section].extend(value)
                locations.setdefault((section,), locs[(section,)])
                for i in range(len(value)):
                    _copy_locs(index, (section, i), (section, start + i), locations)
                continue
            if (
                section in _NAMED_SECTIONS + _OBJECT_SECTIONS
                and isinstance(value, dict)
                and isinstance(merged.get(section, {}), dict)
            ):
                target = merged.setdefault(section, {})
                locations.setdefault((section,), locs[(section,)])
                for key, entry in value.items():
                    if key in target:
                        problems.append(
                            Problem(
                                f"'{section}.{key}' is defined twice: here and at "
                                f"{locations[(section, key)]}",
                                locs[(section, key)],
                            )
                        )
                        continue
                    target[key] = entry
                    _copy_locs(index, (section, key), (section, key), locations)
                continue
            if section in merged and multi:
                if section == "cnsnt" and merged[section] == value:
                    continue
                problems.append(
                    Problem(
                        f"'{section}' is defined twice: here and at {locations[(section,)]}",
                        locs[(section,)],
                    )
                )
                continue
            merged[section] = value
            _copy_locs(index, (section,), (section,), locations)
    return merged, locations, origin, problems


class _LocIndex:
    """One file's locations grouped by path prefix, so copying a subtree costs its size.

    Scanning every location per copied entry made a policy of thousands of data
    entries quadratic (minutes for 7,500).
    """

    def __init__(self, locs: Mapping[JsonPath, Location]) -> None:
        self.locs = locs
        self._by_length: dict[int, dict[JsonPath, list[tuple[JsonPath, Location]]]] = {}

    def under(self, prefix: JsonPath) -> list[tuple[JsonPath, Location]]:
        """Every (path, location) whose path starts with `prefix`."""
        n = len(prefix)
        index = self._by_length.get(n)
        if index is None:
            index = {}
            for path, loc in self.locs.items():
                if len(path) >= n:
                    index.setdefault(path[:n], []).append((path, loc))
            self._by_length[n] = index
        return index.get(prefix, [])


def _copy_locs(
    src: _LocIndex,
    old: JsonPath,
    new: JsonPath,
    dst: dict[JsonPath, Location],
) -> None:
    n = len(old)
    for path, loc in src.under(old):
        dst[new + path[n:]] = loc


def _schema_problems(
    data: dict[str, Any], locations: Mapping[JsonPath, Location], first_file: str
) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(
        policy_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems: list[Problem] = []
    for error in sorted(
        validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
    ):
        for message, path in _explain(error):
            # A value echoed back may be a database URL with its password in it.
            problems.append(Problem(redact(message), _locate(path, locations, first_file)))
    # Stable order: by file, line, column.
    problems.sort(key=lambda p: p.location.sort_key() if p.location else ("", "", 0, 0, ""))
    return _dedupe(problems)


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        key = (str(p.location), p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _locate(path: JsonPath, locations: Mapping[JsonPath, Location], first_file: str) -> Location:
    parts = tuple(path)
    while parts:
        if parts in locations:
            return locations[parts]
        parts = parts[:-1]
    return locations.get((), Location(first_file, 1, 1))


def _dotted(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _explain(error: jsonschema.ValidationError) -> list[tuple[str, JsonPath]]:
    """Turn one JSON Schema error into plain messages, pointing at the right node."""
    path: JsonPath = tuple(error.absolute_path)
    where = _dotted(path)
    validator = error.validator
    if validator == "additionalProperties":
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        allowed = sorted(schema.get("properties", {}))
        extra = (
            sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        )
        out = []
        for key in extra:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = (
                f"; did you mean '{close[0]}'?"
                if close
                else f"; expected one of: {', '.join(allowed)}"
            )
            out.append((f"unknown key '{key}' in {where}{hint}", (*path, key)))
        return out or [(f"{where}: {error.message}", path)]
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        if not path and missing == "cnsnt":
            return [("missing 'cnsnt: 1' (the policy format version) at the top", path)]
        return [(f"{where}: missing required key '{missing}'", path)]
    if validator == "const" and path == ("cnsnt",):
        return [
            (
                f"unsupported policy format version {error.instance!r}; this cnsnt reads version 1",
                path,
            )
        ]
    if validator == "enum":
        options = [str(o) for o in error.validator_value]  # type: ignore[union-attr]
        close = difflib.get_close_matches(str(error.instance), options, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return [(f"{where}: {error.instance!r} is not one of {', '.join(options)}{hint}", path)]
    if validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return [(f"{where}: expected {_article(str(expected))}, got {_kind(error.instance)}", path)]
    if validator == "oneOf" and error.context:
        # A text: string or language map; report the clearest sub-error.
        best = min(error.context, key=lambda e: len(e.absolute_path) * -1)
        if isinstance(error.instance, str | dict):
            return _explain(best)
        return [
            (
                f"{where}: expected a string or a map of language -> string, got {_kind(error.instance)}",
                path,
            )
        ]
    if validator == "anyOf" and error.context:
        # Completion lists (an enum offered first, any well-formed value allowed): explain
        # the last branch, the general rule.
        last = max(error.context, key=lambda e: list(e.relative_schema_path))
        return _explain(last)
    if validator == "pattern":
        return [
            (
                f"{where}: {error.instance!r} does not have the expected form ({_pattern_hint(error)})",
                path,
            )
        ]
    if validator == "maxItems" and path == ("recipients",):
        # `recipients: []` says no one receives the data; recipients themselves are named
        return [
            (
                "recipients: a list here may only be empty ([]: no one receives the data); "
                "name each recipient as a key, e.g. recipients: {mailer: {name: ...}}",
                path,
            )
        ]
    if validator == "propertyNames":
        return [(f"{where}: bad name {error.instance!r}", path)]
    if validator == "format":
        return [
            (
                f"{where}: {error.instance!r} is not a valid {error.validator_value} (YYYY-MM-DD)",
                path,
            )
        ]
    return [(f"{where}: {error.message}", path)]


def _pattern_hint(error: jsonschema.ValidationError) -> str:
    pattern = str(error.validator_value)
    if "CN" in pattern:
        return "a rule code like CN101"
    if "A-Z]{2}" in pattern:
        return "a two-letter ISO 3166 country code like IT"
    if "[a-z]{2,3}" in pattern:
        return "a language code like en or pt-BR"
    if pattern == "\\S":
        return "some text, not only blanks"
    return f"pattern {pattern}"


def _article(word: str) -> str:
    names = {
        "object": "a mapping",
        "array": "a list",
        "string": "a string",
        "integer": "an integer",
        "boolean": "true or false",
        "number": "a number",
    }
    return names.get(word, word)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


def _build_policy(
    path: Path,
    base_dir: Path,
    doc: dict[str, Any],
    locations: dict[JsonPath, Location],
    origin: dict[JsonPath, Path],
    noted: frozenset[str] = frozenset(),
) -> Policy:
    # Locations relative to the policy's directory, for reports.
    locations = {p: _relative(mark, base_dir) for p, mark in locations.items()}

    def loc(*p: str | int) -> Location:
        return _locate(p, locations, "")

    controller = None
    if c := doc.get("controller"):
        controller = Controller(
            name=c["name"],
            contact=c["contact"],
            address=c.get("address"),
            dpo=c.get("dpo"),
            country=c.get("country"),
            representative=c.get("representative"),
            authority=Text.of(c.get("authority")),
            authority_url=c.get("authority_url"),
        )
    sources: list[SourceSpec] = []
    for kind, entries in (doc.get("sources") or {}).items():
        for i, entry in enumerate(entries or []):
            file = origin.get(("sources", kind, i))
            sources.append(
                SourceSpec(
                    kind=kind,
                    pattern=entry.get("path") or entry.get("url"),
                    base_dir=(file.parent if file else base_dir),
                    location=loc("sources", kind, i),
                    dialect=entry.get("dialect"),
                    purpose=entry.get("purpose"),
                    format=entry.get("format"),
                    schemas=tuple(entry.get("schemas", ())),
                    sample=bool(entry.get("sample", False)),
                    log_line_prefix=entry.get("log_line_prefix"),
                )
            )
    purposes = {}
    for name, p in (doc.get("purposes") or {}).items():
        consent = None
        if (cons := p.get("consent")) is not None:
            consent = Consent(
                form_fields=tuple(cons.get("form_fields", ())),
                columns=tuple(cons.get("columns", ())),
                withdraw=Text.of(cons.get("withdraw")),
            )
        description = Text.of(p["description"])
        assert description is not None
        purposes[name] = Purpose(
            name=name,
            description=description,
            basis=p["basis"],
            location=loc("purposes", name),
            use=p.get("use"),
            interest=Text.of(p.get("interest")),
            consent=consent,
            automated_decision=Text.of(p.get("automated_decision")),
        )
    recipients = {
        key: Recipient(
            key=key,
            name=r["name"],
            location=loc("recipients", key),
            country=r.get("country"),
            purposes=tuple(r.get("purposes", ())),
            safeguard=Text.of(r.get("safeguard")),
            sold=bool(r.get("sold", False)),
            shared=bool(r.get("shared", False)),
        )
        for key, r in (doc.get("recipients") or {}).items()
    }
    data = {
        name: Datum(
            name=name,
            category=d["category"],
            location=loc("data", name),
            label=Text.of(d.get("label")),
            columns=tuple(d.get("columns", ())),
            form_fields=tuple(d.get("form_fields", ())),
            purposes=tuple(d.get("purposes", ())),
            retention=Text.of(d.get("retention")),
            recipients=tuple(d.get("recipients", ())),
            recipients_stated="recipients" in d,
            required=d.get("required"),
            consequence=Text.of(d.get("consequence")),
            condition=d.get("condition"),
            origin=Text.of(d.get("source")),
            label_noted=name in noted,
        )
        for name, d in (doc.get("data") or {}).items()
    }
    waivers = tuple(
        Waiver(
            rule=w["rule"],
            reason=w["reason"],
            location=loc("waivers", i),
            field=w.get("field"),
            expires=w.get("expires"),
        )
        for i, w in enumerate(doc.get("waivers") or [])
    )
    taxonomy = doc.get("taxonomy") or {}

    def taxonomy_entries(kind: str) -> dict[str, TaxonomyEntry]:
        return {
            key: TaxonomyEntry(
                key=key,
                name=e.get("name"),
                description=e.get("description"),
                parent=e.get("parent"),
                special=bool(e.get("special", False)),
            )
            for key, e in (taxonomy.get(kind) or {}).items()
        }

    return Policy(
        path=display_path(path),
        base_dir=base_dir,
        controller=controller,
        sources=tuple(sources),
        purposes=purposes,
        recipients=recipients,
        recipients_stated="recipients" in doc,
        data=data,
        ignore=tuple(doc.get("ignore") or ()),
        roles={k: tuple(v) for k, v in (doc.get("roles") or {}).items()},
        waivers=waivers,
        categories=taxonomy_entries("categories"),
        uses=taxonomy_entries("uses"),
        notice=doc.get("notice") or {},
        readability=doc.get("readability") or {},
        locations=locations,
        raw=doc,
    )


def _relative(location: Location, base_dir: Path) -> Location:
    if location.path is None:
        return location
    rel = _relative_path(location.path, base_dir)
    return location if rel is None else Location(rel, location.line, location.column)


@lru_cache(maxsize=64)
def _relative_path(path: str, base_dir: Path) -> str | None:
    """One resolve per policy file, not one per located value."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), base_dir.resolve())).as_posix()
    except ValueError:
        return None
