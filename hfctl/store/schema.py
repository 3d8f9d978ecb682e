"""JSON Schemas of the data files, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from hfctl.models.base import Model
from hfctl.models.information import Information
from hfctl.models.meeting import Meeting
from hfctl.store.loader import COLLECTIONS, SINGLES

SCHEMA_DIR = "schemas"


def kinds() -> dict[str, type[Model]]:
    """Schema name -> model, one per kind of data file."""
    out: dict[str, type[Model]] = {
        name.removesuffix(".yaml"): model for name, model in SINGLES.items()
    }
    names = {
        "parties": "party",
        "people": "person",
        "forums": "forum",
        "roles": "role",
        "agreements": "agreement",
        "calendars": "calendar",
    }
    for folder, (model, _ext) in COLLECTIONS.items():
        out[names[folder]] = model
    out["meeting"] = Meeting
    out["information"] = Information
    return dict(sorted(out.items()))


def schema(name: str, model: type[Model]) -> dict[str, Any]:
    """The JSON Schema of one kind of file, as a plain YAML reader sees it."""
    body = model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://hfctl.invalid/schemas/{name}.schema.json",
        **body,
    }


def render_all() -> dict[str, bytes]:
    """File name -> content of every schema, deterministic."""
    return {
        f"{name}.schema.json": (
            json.dumps(schema(name, model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        ).encode("utf-8")
        for name, model in kinds().items()
    }


def schema_for(path: str) -> str | None:
    """The schema name for a data file path (``data/parties/x.yaml`` -> ``party``)."""
    parts = path.split("/")
    if len(parts) == 2:
        return parts[1].removesuffix(".yaml") if parts[1] in SINGLES else None
    names = {
        "parties": "party",
        "people": "person",
        "forums": "forum",
        "roles": "role",
        "agreements": "agreement",
        "calendars": "calendar",
        "information": "information",
        "meetings": "meeting",
    }
    return names.get(parts[1])
