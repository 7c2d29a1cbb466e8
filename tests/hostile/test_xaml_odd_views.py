"""An odd XAML view costs at most its own note, and never prints a line of its own (codereview30 F2, F3).

`<Text="{Binding Name}"/>` has no element name before its property: init stopped with
`internal error: IndexError` for the whole project. A binding path is the view's text: one
holding a line break (`{Binding Path=Imie<ESC>[2J<LF>warning: all checks passed}`) printed
a forged line on stderr. A path is taken only when it looks like one (`Imie`, `Vm.News`,
`Items[0].Name`); every note init prints keeps to one line, whatever file it names. The
views and templates are written here.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.sources.forms.template_formats import xaml_bindings

runner = CliRunner()
ENV = {"COLUMNS": "400", "NO_COLOR": "1"}
SCHEMA = "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));\n"
NAMELESS = '<Window>\n  <Text="{Binding Name}"/>\n  <   Text="{Binding Other}"/>\n  <TextBox Text="{Binding Phone}"/>\n</Window>\n'
FORGED = (
    "<Window>\n"
    '  <TextBox Text="{Binding Path=Imie\x1b[2J\nwarning: all checks passed}"/>\n'
    '  <TextBox Text="{Binding Telefon}"/>\n'
    "</Window>\n"
)


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_a_bound_property_with_no_element_name_is_no_control() -> None:
    assert xaml_bindings(NAMELESS) == ["Phone"]
    assert xaml_bindings('<Text="{Binding Name}"/>') == []


def test_init_reads_on_past_a_view_with_no_element_name(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "Views/MainView.xaml", NAMELESS)
    result = runner.invoke(app, ["init", str(tmp_path)], env=ENV)
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr
    # the view's one input control is still named
    assert "1 XAML view (Views/MainView.xaml) binds input controls to fields ({Binding ...}: Phone)" in result.stderr


def test_a_binding_path_that_is_no_name_is_left_out() -> None:
    assert xaml_bindings(FORGED) == ["Telefon"]
    assert xaml_bindings('<TextBox Text="{Binding Items[0].Name}"/><TextBox Text="{Binding Path=a b}"/>') == [
        "Items[0].Name"
    ]
    assert xaml_bindings('<CheckBox IsChecked="{x:Bind Vm.Zgoda,\n   Mode=TwoWay}"/>') == ["Vm.Zgoda"]


def test_a_binding_with_a_line_break_prints_no_line_of_its_own(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", SCHEMA)
    _write(tmp_path, "Views/MainView.xaml", FORGED)
    result = runner.invoke(app, ["init", str(tmp_path)], env=ENV)
    assert result.exit_code == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("warning: all checks passed")]
    assert "\x1b" not in result.stderr and "Imie" not in result.stderr
    assert "({Binding ...}: Telefon)" in result.stderr


def test_a_note_naming_a_file_with_a_line_break_stays_one_line(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.sql", SCHEMA)
    # a view of a format cnsnt names unread (Haml once; Haml, Slim and Pug are read now)
    _write(tmp_path, "Views/a\nwarning: all checks passed.xaml", '<Window>\n  <TextBox Text="{Binding Phone}"/>\n</Window>\n')
    result = runner.invoke(app, ["init", str(tmp_path)], env=ENV)
    assert result.exit_code == 0, result.stderr
    assert "1 XAML view (Views/a\\nwarning: all checks passed.xaml)" in result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("warning: all checks passed")]
