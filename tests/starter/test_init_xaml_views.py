"""XAML views that bind input controls to fields are named, never passed over in silence (review36 R36a D8).

A WPF shop's client, employee and repair forms are `.xaml` views (`<TextBox Text="{Binding
Path=Imie}"/>`): init read none, proposed no form entry and said nothing, so the audit's
"form fields: 0" looked complete. The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.sources.forms.template_formats import xaml_bindings
from cnsnt.starter.discover import survey

runner = CliRunner()
ENTITY = """\
using Microsoft.EntityFrameworkCore;
namespace Shop.Models {
    public class Customer { public int Id { get; set; } public string Imie { get; set; } public string Telefon { get; set; } }
    public class ShopContext : DbContext { public DbSet<Customer> Customers { get; set; } }
}
"""
VIEW = """\
<UserControl x:Class="Shop.Views.NewCustomerView" xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation"
             xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml">
  <StackPanel>
    <TextBlock Text="{Binding Title}"/>
    <TextBox Text="{Binding Path=Imie, UpdateSourceTrigger=PropertyChanged, ValidatesOnDataErrors=True}"/>
    <TextBox Text="{Binding Telefon}"/>
    <ComboBox ItemsSource="{Binding Cities}" SelectedItem="{Binding Mode=TwoWay, Path=City}"/>
    <CheckBox IsChecked="{x:Bind ViewModel.Newsletter, Mode=TwoWay}"/>
    <Button Content="Save" Command="{Binding SaveCommand}"/>
  </StackPanel>
</UserControl>
"""
LIST = '<UserControl xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation"><DataGrid ItemsSource="{Binding Customers}"/></UserControl>\n'
APP = '<Application xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation" StartupUri="MainWindow.xaml"/>\n'


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def test_the_bound_properties_of_input_controls_are_read() -> None:
    # a TextBlock shows a value and a list's ItemsSource is its options: no field
    assert xaml_bindings(VIEW) == ["Imie", "Telefon", "City", "ViewModel.Newsletter"]
    assert xaml_bindings(LIST) == [] and xaml_bindings(APP) == []


def test_init_names_the_views_that_bind_fields_on_the_terminal_and_in_the_policy(tmp_path: Path) -> None:
    _write(tmp_path, "Models/Customer.cs", ENTITY)
    _write(tmp_path, "Views/NewCustomerView.xaml", VIEW)
    _write(tmp_path, "Views/EditCustomerView.xaml", VIEW)
    _write(tmp_path, "Views/CustomersView.xaml", LIST)
    _write(tmp_path, "App.xaml", APP)
    result = runner.invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    said = (
        "2 XAML views (Views/EditCustomerView.xaml, Views/NewCustomerView.xaml) bind input controls to "
        "fields ({Binding ...}: Imie, Telefon, City and 1 more): a format cnsnt does not read; those form "
        "fields are not audited; check them by hand"
    )
    assert said in " ".join(result.stderr.split())
    policy = (tmp_path / "cnsnt.yaml").read_text()
    assert f"  # {said}\n" in policy[policy.index("\nsources:") :]


def test_no_note_for_views_that_bind_no_input(tmp_path: Path) -> None:
    _write(tmp_path, "Models/Customer.cs", ENTITY)
    _write(tmp_path, "Views/CustomersView.xaml", LIST)
    _, notes = survey(tmp_path)
    assert not [n for n in notes if "XAML" in n]


def test_the_audit_names_a_xaml_view_it_is_given(tmp_path: Path) -> None:
    _write(tmp_path, "Views/NewCustomerView.xaml", VIEW)
    _write(tmp_path, "cnsnt.yaml", 'cnsnt: 1\nsources:\n  forms: [{path: "Views/*.xaml"}]\n')
    findings = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    assert [(f.location.path, f.location.line, f.message) for f in findings] == [
        ("Views/NewCustomerView.xaml", 1, "a XAML view: a format cnsnt does not read; its form fields are not audited")
    ]
