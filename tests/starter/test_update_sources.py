"""Schema and form files `sources:` does not name: init globs them, `init --update` finds them (review24 D1).

The fixtures are written here: a Spring Boot project of one entity (`Hasta`), then a
second one (`Doktor`) and a broken one (`Rota`) beside it, and a Django project that
gains an app, as the review reproduced them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cnsnt.api import audit_path
from tests.starter.cli_run import run

POM = "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n"
HASTA = "package demo; import javax.persistence.*;\n@Entity public class Hasta { @Id private Long id; private String hastaAd; }\n"
DOKTOR = (
    "package demo; import javax.persistence.*;\n"
    "@Entity public class Doktor { @Id private Long id; private String doktorEposta; }\n"
)
ROTA = "package demo; import javax.persistence.*;\n@Entity public class Rota { @Id private Long id; private String ad\n"
JAVA = "src/main/java/demo"


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _spring(root: Path) -> Path:
    _write(root, "pom.xml", POM)
    _write(root, f"{JAVA}/Hasta.java", HASTA)
    return root


def _sources(policy: Path) -> list[dict[str, str]]:
    return [s for kind in yaml.safe_load(policy.read_text())["sources"].values() for s in kind]


def test_init_globs_the_folder_of_a_single_entity_so_a_new_one_beside_it_is_audited(tmp_path: Path):
    root = _spring(tmp_path)
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    assert _sources(root / "cnsnt.yaml") == [{"path": f"{JAVA}/*.java", "format": "jpa"}]
    _write(root, f"{JAVA}/Doktor.java", DOKTOR)
    _write(root, f"{JAVA}/Rota.java", ROTA)
    audit = audit_path(root)
    assert audit.sources["tables"] == 2  # hasta and doktor
    unread = [f for f in audit.findings if f.rule == "CN001" and f.location is not None]
    assert any("Rota.java" in (f.location.path or "") for f in unread)  # the broken one is said


def _pinned(root: Path) -> Path:
    """A policy written by an older init: the one entity file pinned, not its folder."""
    _spring(root)
    assert run("init", str(root)).exit_code == 0
    policy = root / "cnsnt.yaml"
    policy.write_text(policy.read_text().replace(f"{JAVA}/*.java", f"{JAVA}/Hasta.java"))
    _write(root, f"{JAVA}/Doktor.java", DOKTOR)
    _write(root, f"{JAVA}/Rota.java", ROTA)
    _write(root, f"{JAVA}/Main.java", "package demo;\npublic class Main { }\n")  # no entity: not named
    return policy


def test_update_names_the_entity_files_sources_does_not_name_and_changes_nothing(tmp_path: Path):
    policy = _pinned(tmp_path)
    before = policy.read_bytes()
    result = run("init", "--update", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert policy.read_bytes() == before
    lines = result.stderr.splitlines()
    assert lines[0].endswith("/cnsnt.yaml: no new personal field found in the files named under sources:; nothing changed")
    assert lines[1] == (
        "2 schema, form or query files are not in sources:, so their fields were not read: "
        f"{JAVA}/Doktor.java, {JAVA}/Rota.java; add them under sources:, or run cnsnt init --update --sources"
    )


def test_update_sources_adds_the_entry_init_proposes_today_and_reads_it(tmp_path: Path):
    policy = _pinned(tmp_path)
    before = policy.read_text()
    result = run("init", "--update", "--sources", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text()
    pinned = f'    - {{path: "{JAVA}/Hasta.java", format: jpa}}\n'
    added = f'    - {{path: "{JAVA}/*.java", format: jpa}} # added by cnsnt init --update\n'
    assert after.startswith(before.split(pinned)[0] + pinned + added)  # every line above stays
    assert "doktor.doktor_eposta" in after
    assert f"added 1 entry to sources: ({JAVA}/*.java) for files no entry named" in result.stderr
    assert "1 part of the sources could not be read" in result.stderr  # the broken Rota.java
    audit = audit_path(tmp_path)
    assert audit.sources["tables"] == 2
    assert any(f.rule == "CN001" and "Rota.java" in (f.location.path or "") for f in audit.findings if f.location)
    again = run("init", "--update", str(tmp_path))
    assert "not in sources:" not in again.stderr


MODELS = "from django.db import models\n\n\nclass {name}(models.Model):\n    {field} = models.CharField(max_length=80)\n"


def test_update_finds_a_new_django_app(tmp_path: Path):
    _write(tmp_path, "manage.py", "import django\n")
    _write(tmp_path, "apps/paciente/models.py", MODELS.format(name="Paciente", field="dni"))
    _write(tmp_path, "apps/paciente/views.py", "def index(request):\n    return None\n")
    assert run("init", str(tmp_path)).exit_code == 0
    _write(tmp_path, "apps/turno/models.py", MODELS.format(name="Turno", field="telefono_contacto"))
    _write(tmp_path, "apps/turno/views.py", "def index(request):\n    return None\n")
    result = run("init", "--update", str(tmp_path))
    assert "1 schema, form or query file is not in sources:, so its fields were not read: " \
        "apps/turno/models.py" in result.stderr
    result = run("init", "--update", "--sources", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "cnsnt.yaml").read_text()
    assert '- {path: "apps/turno/models.py", format: django} # added by cnsnt init --update' in text
    assert "turno.telefono_contacto" in text


def test_sources_go_at_the_end_of_their_kind_in_block_flow_or_absent_lists():
    from cnsnt.starter.discover import Found
    from cnsnt.starter.update_sources import add_sources

    new = [Found("schemas", "b/*.java", format="jpa"), Found("forms", "t/*.html")]
    block = (
        "cnsnt: 1  # keep\nsources:\n  schemas:\n    - path: a.sql\n      dialect: mysql  # mine\n"
        "  # the queries\n  queries: [{path: q.sql}]\n\ndata: {}\n"
    )
    assert add_sources(block, new, "p.yaml") == (
        "cnsnt: 1  # keep\nsources:\n  schemas:\n    - path: a.sql\n      dialect: mysql  # mine\n"
        '    - {path: "b/*.java", format: jpa}   # added by cnsnt init --update\n'
        "  # the queries\n  queries: [{path: q.sql}]\n"
        '  forms:\n    - {path: "t/*.html"}                # added by cnsnt init --update\n'
        "\ndata: {}\n"
    )
    flow = "cnsnt: 1\r\nsources:\r\n  schemas: [{path: a.sql}]  # x\r\n  forms: []\r\n"
    assert add_sources(flow, new, "p.yaml") == (
        'cnsnt: 1\r\nsources:\r\n  schemas: [{path: a.sql}, {path: "b/*.java", format: jpa}]  # x\r\n'
        '  forms: [{path: "t/*.html"}]\r\n'
    )
    assert add_sources("cnsnt: 1\nsources: {}  # none yet\n", new[:1], "p.yaml") == (
        'cnsnt: 1\nsources: # none yet\n  schemas:\n    - {path: "b/*.java", format: jpa}   # added by cnsnt init --update\n'
    )
    assert add_sources("cnsnt: 1\n", new[1:], "p.yaml") == (
        'cnsnt: 1\n\nsources:\n  forms:\n    - {path: "t/*.html"}                # added by cnsnt init --update\n'
    )


def test_a_source_added_to_a_flow_list_with_a_trailing_comma_keeps_the_yaml_valid() -> None:
    """`forms: [a.html, ]` is valid YAML; a second comma before the new entry would not be."""
    from cnsnt.starter.discover import Found
    from cnsnt.starter.update_sources import add_sources

    for listed in ("[a.html, ]", "[a.html]", "[]", "[\n    a.html,\n  ]"):
        text = add_sources(f"cnsnt: 1\nsources:\n  forms: {listed}\ndata: {{}}\n",
                           [Found("forms", "templates/*.html")], "cnsnt.yaml")
        forms = yaml.safe_load(text)["sources"]["forms"]
        assert forms[-1] == {"path": "templates/*.html"}, listed


def test_a_source_list_after_a_tag_or_an_anchor_is_added_to_as_written() -> None:
    """The list's place is the tag's: a flow list was taken for a block one, a block list's
    item went at the tag's column (codereview28 F1, F8, in `sources:` too)."""
    from cnsnt.starter.discover import Found
    from cnsnt.starter.update_sources import add_sources

    for listed in ("&f [a.html]", "!!seq [a.html]", "!!seq\n    - a.html", "&f\n      - a.html"):
        text = add_sources(f"cnsnt: 1\nsources:\n  forms: {listed}\ndata: {{}}\n",
                           [Found("forms", "templates/*.html")], "cnsnt.yaml")
        forms = yaml.safe_load(text)["sources"]["forms"]
        assert forms == ["a.html", {"path": "templates/*.html"}], (listed, text)
