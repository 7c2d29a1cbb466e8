"""`-o FILE` respects permissions as a shell redirection would (reproducer 28).

28-output-replaces-read-only-file: output.write_atomic wrote a temporary file and renamed
it over the target: a read-only (0444) report file in a writable directory was silently
replaced (mode kept 0444), while a writable file in a read-only directory could not be
written. Permissions are simulated where the test runs as root (root bypasses them).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.errors import OutputError
from cnsnt.output import write_atomic

runner = CliRunner()
POLICY = (
    "cnsnt: 1\ncontroller: {name: Example Ltd, contact: privacy@example.com}\n"
    "purposes: {p: {description: To deliver your order., basis: contract}}\n"
    "recipients: []\n"
    "data: {e: {category: user.contact.email, purposes: [p], retention: P1Y, label: Email}}\n"
)


def _read_only(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: simulate an ordinary user
        real = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if Path(p) == path and mode & os.W_OK else real(p, mode)
        )


def test_28_read_only_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ro.md"
    target.write_text("OLD\n")
    _read_only(monkeypatch, target)
    with pytest.raises(OutputError, match="read-only"):
        write_atomic(target, "NEW\n")
    assert target.read_text() == "OLD\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_28_cli_exits_2_on_a_read_only_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    target = tmp_path / "ro.md"
    target.write_text("OLD\n")
    _read_only(monkeypatch, target)
    result = runner.invoke(app, ["notice", str(tmp_path), "-q", "-o", str(target)])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "read-only" in result.stderr
    assert target.read_text() == "OLD\n"


def test_28_writable_file_in_read_only_directory_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "rodir"
    folder.mkdir()
    target = folder / "w.md"
    target.write_text("OLD\n")
    folder.chmod(0o555)
    try:
        if os.geteuid() == 0:

            def no_temp_file(*args: object, **kwargs: object) -> tuple[int, str]:
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(tempfile, "mkstemp", no_temp_file)
        write_atomic(target, "NEW\n")
        assert target.read_text() == "NEW\n"
        new = folder / "new.md"
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic(new, "x")  # no file to rewrite and no way to create one
        assert not new.exists()
    finally:
        folder.chmod(0o755)


def test_writable_file_is_still_replaced_atomically_with_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("OLD\n")
    target.chmod(0o640)
    write_atomic(target, "NEW\n")
    assert target.read_text() == "NEW\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]  # no temporary file left


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
def test_devices_and_pipes_are_written_directly() -> None:
    # `-o /dev/null` failed (fsync of a device: EINVAL) and `-o /dev/stdout` into a pipe
    # failed too (the link resolves to 'pipe:[...]', no path): both exit 2, nothing written.
    write_atomic(Path(os.devnull), "NEW\n")
    read, write = os.pipe()
    try:
        write_atomic(Path(f"/dev/fd/{write}"), "through the pipe\n")
        assert os.read(read, 100) == b"through the pipe\n"
    finally:
        os.close(read)
        os.close(write)
