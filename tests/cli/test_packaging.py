"""Installs stay green and honest: the lock matches pyproject's ranges, every dependency has
a tested range, and the wheel carries the data files cnsnt reads at run time."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.cli.ci_project import registry_problem
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements" / "test.lock"


def requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines += extra
    return [Requirement(line) for line in lines]


def locked() -> dict[str, str]:
    pins = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", LOCK.read_text(encoding="utf-8"), re.M)
    return {canonicalize_name(name): version for name, version in pins}


def test_every_dependency_has_a_tested_range():
    for req in requirements():
        ops = {spec.operator for spec in req.specifier}
        assert ">=" in ops and "<" in ops, f"{req}: give a lower bound and an upper bound on the major"


def test_lock_pins_every_dependency_inside_its_range():
    pins = locked()
    for req in requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not in {LOCK.name}: run .ci/lock"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{req.name}=={pins[name]} in the lock is outside {req.specifier}: run .ci/lock"
        )


def test_ci_and_the_readme_install_with_the_lock():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c requirements/test.lock" in ci
    latest = (ROOT / ".ci" / "latest").read_text(encoding="utf-8")
    assert "--upgrade" in latest and "test.lock\" " not in latest.split("pip install")[1]


def test_wheel_carries_taxonomy_catalogs_templates_and_schema(tmp_path):
    problem = registry_problem()
    if problem:
        pytest.skip(f"building the wheel fetches setuptools from the registry; {problem}")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("cnsnt-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    source = {p.relative_to(ROOT).as_posix() for p in (ROOT / "cnsnt").rglob("*") if p.is_file()}
    assert "cnsnt/policy/policy.schema.json" in names
    for kind in (".j2", ".po", ".css", ".json", ".yaml", ".txt"):  # templates, catalogs, data
        shipped = {n for n in source if n.endswith(kind) and "__pycache__" not in n}
        assert shipped <= names, (kind, sorted(shipped - names))
    assert any(n.endswith(".j2") for n in names) and any(n.endswith(".po") for n in names)
    taxonomy = {f"cnsnt/_policies/{p.name}" for p in (ROOT / "policies").glob("*.yaml")}
    assert taxonomy and taxonomy <= names, sorted(taxonomy - names)
    assert not any(n.startswith(("tests/", "examples/")) for n in names)
