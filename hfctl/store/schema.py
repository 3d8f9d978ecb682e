"""JSON Schemas of the data files, generated from the models, for editors and other tools.

The schemas say what the models say: every constraint a field's type carries (an id's pattern
and length, an enum, a number's bounds, a date's or a time's form, the required keys) reaches
the schema. Pydantic puts a constraint given after a value parser (``Field(pattern=...)`` on
``Id``, ``Field(ge=1)`` on ``Int``) in a second step of a chain and writes only the first
step's schema; :class:`_Schemas` writes every step's constraints. What JSON Schema cannot say
(rules across fields or files) is left to ``hfctl validate``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

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


class _Schemas(GenerateJsonSchema):
    """Pydantic's generator, but a chain of validators is the schema of all its steps."""

    def chain_schema(self, schema: core_schema.ChainSchema) -> JsonSchemaValue:
        merged: JsonSchemaValue = {}
        for step in schema["steps"]:
            part = self.generate_inner(step)
            for key, value in part.items():
                if key in merged and merged[key] != value:
                    return {"allOf": [self.generate_inner(s) for s in schema["steps"]]}
                merged[key] = value
        return merged

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        # keys with a pattern become patternProperties: any other key must then be refused
        found = super().dict_schema(schema)
        if "patternProperties" in found and "additionalProperties" not in found:
            found["additionalProperties"] = False
        return found


# a bound given on an annotated number reaches the schema under pydantic's own names
_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _bounds(node: Any) -> Any:
    if isinstance(node, dict):
        numeric = node.get("type") in ("integer", "number")
        return {
            (_BOUNDS[k] if numeric and k in _BOUNDS else k): _bounds(v) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_bounds(v) for v in node]
    return node


def schema(name: str, model: type[Model]) -> dict[str, Any]:
    """The JSON Schema of one kind of file, as a plain YAML reader sees it."""
    body = _bounds(
        model.model_json_schema(by_alias=True, mode="validation", schema_generator=_Schemas)
    )
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
