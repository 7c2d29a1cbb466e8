"""Words three helpers added in session 33, kept to the schemas they were meant for (codereview33)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.schema_entry import schema_verdicts

WEB_APP = """
CREATE TABLE members (
    id INTEGER PRIMARY KEY, first_name VARCHAR(50), email VARCHAR(100),
    receive_marketing BOOLEAN, receber_newsletter BOOLEAN, receive_sms_notifications BOOLEAN
);
CREATE TABLE oauth_providers (id INTEGER PRIMARY KEY, name VARCHAR(50), client_secret VARCHAR(100));
CREATE TABLE visits (
    id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES members(id), url VARCHAR(200),
    referrer VARCHAR(200), visited_at TIMESTAMP
);
CREATE TABLE meter_measurements (
    id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES members(id), kwh DECIMAL(10,2)
);
"""

CLINIC = """
CREATE TABLE patients (id INTEGER PRIMARY KEY, first_name VARCHAR(50), birth_date DATE);
CREATE TABLE diagnoses (id INTEGER PRIMARY KEY, patient_id INTEGER REFERENCES patients(id), code VARCHAR(10));
CREATE TABLE measurements (id INTEGER PRIMARY KEY, patient_id INTEGER REFERENCES patients(id), value DECIMAL(6,2));
"""


@pytest.mark.parametrize("column", ["visits.url", "visits.referrer"])
def test_a_table_of_login_providers_makes_no_schema_clinical(tmp_path: Path, column: str) -> None:
    verdict = schema_verdicts(tmp_path, WEB_APP)[column]
    assert verdict.category is None or not verdict.category.startswith("user.health"), verdict.reason


def test_a_meters_measurements_are_no_health_record(tmp_path: Path) -> None:
    verdict = schema_verdicts(tmp_path, WEB_APP)["meter_measurements.kwh"]
    assert "health" not in verdict.reason and verdict.category != "user.health", verdict.reason


def test_a_patients_measurements_stay_a_health_record(tmp_path: Path) -> None:
    verdict = schema_verdicts(tmp_path, CLINIC)["measurements.value"]
    assert verdict.personal and verdict.category == "user.health", verdict.reason


@pytest.mark.parametrize("column", ["members.receive_marketing", "members.receber_newsletter"])
def test_a_consent_to_be_sent_something_stays_a_privacy_preference(tmp_path: Path, column: str) -> None:
    verdict = schema_verdicts(tmp_path, WEB_APP)[column]
    assert verdict.category == "user.privacy_preferences", verdict.reason


def test_a_notice_switch_is_a_setting(tmp_path: Path) -> None:
    verdict = schema_verdicts(tmp_path, WEB_APP)["members.receive_sms_notifications"]
    assert verdict.category == "user.settings", verdict.reason
