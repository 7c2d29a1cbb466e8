"""Schema and form files `sources:` does not name: init globs them, `init --update` finds them (review24 D1).

The fixtures are written here: a Spring Boot project of one entity (`Hasta`), then a
second one (`Doktor`) and a broken one (`Rota`) beside it, and a Django project that
gains an app, as the review reproduced them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
POM = "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n"
HASTA = "package demo; import javax.persistence.*;\n@Entity public class Hasta { @Id private Long id; private String hastaAd; }\n"
DOKTOR = (
    "package demo; import javax.persistence.*;\n"
    "@Entity public class Doktor { @Id private Long id; private String doktorEposta; }\n"
)
ROTA = "package demo; import javax.persistence.*;\n@Entity public class Rota { @Id private Long id; private String ad\n"
JAVA = "src/main/java/demo"


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


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
