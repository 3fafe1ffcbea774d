"""The JSON Schema of report.json (`footprint-audit/report/v1`), shipped inside the package.

The schema file is package data, so an installed copy and a fresh clone validate reports
against the same contract that `footprint-audit schema` prints.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "report.schema.json"


def schema_text() -> str:
    """The schema file exactly as shipped."""
    return resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """The schema as a dict, ready for a Draft 2020-12 validator."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema
