"""The report schema ships inside the package and `footprint-audit schema` prints it."""

from __future__ import annotations

import json

import jsonschema
from typer.testing import CliRunner

from footprint_audit.cli import app
from footprint_audit.report import SCHEMA_ID
from footprint_audit.schema import load_schema, schema_text


def test_packaged_schema_is_the_one_reports_name() -> None:
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA_ID == "footprint-audit/report/v1"
    assert schema["properties"]["schema"] == {"const": SCHEMA_ID}
    assert set(schema["required"]) >= {"schema", "posts", "findings", "dossier", "errors"}


def test_schema_rejects_a_report_without_its_parts() -> None:
    validator = jsonschema.Draft202012Validator(load_schema())
    errors = {e.message for e in validator.iter_errors({"schema": SCHEMA_ID})}
    assert "'findings' is a required property" in errors
    assert not validator.is_valid({"schema": "someone-else/v9"})


def test_cli_prints_the_packaged_schema() -> None:
    res = CliRunner().invoke(app, ["schema"])
    assert res.exit_code == 0, res.output
    assert res.stdout == schema_text()
    assert json.loads(res.stdout) == load_schema()
