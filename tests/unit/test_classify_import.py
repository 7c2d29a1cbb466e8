"""What importing the classifier brings in (speed40)."""

from __future__ import annotations


def test_importing_the_classifier_imports_no_sql_parser() -> None:
    """sqlglot's import costs a tenth of a second or more; the classifier needs it only to
    spell a dialect's default schema where two tables share a name (`targets._unqualified`)."""
    import subprocess
    import sys

    code = "import sys, cnsnt.classify; print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlglot'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_default_schema_is_still_spelt_as_its_dialect_folds_it() -> None:
    from cnsnt.sql.namespaces import name_lookup

    assert name_lookup("snowflake").default == "PUBLIC"
    assert name_lookup("postgres").default == "public"
    assert name_lookup("sqlite").default == "main"
    assert name_lookup("mysql").default is None
