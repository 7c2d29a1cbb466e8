"""`.properties` text read as `java.util.Properties.load` reads it (Flyway's and Spring Boot's files)."""

from __future__ import annotations

from cnsnt.sources.schemas.java_properties import Property, parse_properties


def test_separators_comments_continuations_and_escapes() -> None:
    text = (
        "# a comment\n"
        "! another\n"
        "flyway.url = jdbc:postgresql://db/clinic\n"
        "  flyway.schemas:clinic,\\\n"
        "      billing\n"
        "spring.flyway.default-schema clinic\n"
        "key\\ with\\=escapes=tab\\there \\u0041\n"
        "path=C:\\\\flyway\\\\sql\\\\\n"
        "flyway.url=jdbc:postgresql://db/other\n"
        "empty\n"
    )
    found = parse_properties(text)
    assert found["flyway.schemas"] == Property("clinic,billing", 4, 3)
    assert found["spring.flyway.default-schema"].value == "clinic"
    assert found["key with=escapes"].value == "tab\there A"
    assert found["path"].value == "C:\\flyway\\sql\\"  # an even run of backslashes ends the line
    assert found["flyway.url"] == Property("jdbc:postgresql://db/other", 9, 1)  # the last one holds
    assert found["empty"].value == ""
    assert "# a comment" not in found and "! another" not in found


def test_a_continuation_on_the_last_line_and_an_empty_text() -> None:
    assert parse_properties("a=b\\")["a"].value == "b"
    assert parse_properties("") == {}
