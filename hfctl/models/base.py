"""The base of every model: unknown keys rejected, strict value types, and source locations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, WithJsonSchema

from hfctl.core.i18n import _
from hfctl.core.problems import Location, unpack
from hfctl.core.rule import N_

Path_ = tuple[str | int, ...]


class Source:
    """Where a document came from: its file and the positions of its values and keys by path
    (packed as ``hfctl.core.problems.pack`` makes them)."""

    def __init__(self, file: str, values: dict[Path_, int], keys: dict[Path_, int]) -> None:
        self.file = file
        self.values = values
        self.keys = keys

    def at(self, path: Path_, key: bool = False) -> Location:
        """The location of the value (or key) at ``path``, or of its nearest parent."""
        table = self.keys if key else self.values
        probe = path
        while probe:
            if probe in table:
                line, col = unpack(table[probe])
                # a mapping or list under a key starts on a later line: point at the key
                if not key and probe in self.keys and unpack(self.keys[probe])[0] < line:
                    line, col = unpack(self.keys[probe])
                return Location(self.file, line, col)
            if not key and probe in self.keys:
                line, col = unpack(self.keys[probe])
                return Location(self.file, line, col)
            probe = probe[:-1]
        line, col = unpack(self.values[()]) if () in self.values else (1, 1)
        return Location(self.file, line, col)


class Model(BaseModel):
    """A piece of governance data read from a file; knows where each of its fields came from."""

    # Field descriptions (the docstring under each field) are read only when a JSON Schema is
    # made (``_describe_fields``): reading class sources at import cost every command ~60 ms.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        defer_build=True,
        json_schema_extra=lambda schema, cls: _describe_fields(schema, cls),
    )

    _source: Source | None = PrivateAttr(default=None)
    _path: Path_ = PrivateAttr(default=())

    def bind(self, source: Source, path: Path_ = ()) -> None:
        """Attach the source to this model and every model inside it."""
        self._source = source
        self._path = path
        for name, info in type(self).model_fields.items():
            key = info.alias or name
            _bind_value(getattr(self, name), source, (*path, key))

    def loc(self, field: str | None = None, *more: str | int) -> Location:
        """Where this model, or one of its fields (and items below it), was written."""
        if self._source is None:
            return Location("<unknown>")
        if field is None:
            return self._source.at(self._path)
        info = type(self).model_fields.get(field)
        key = (info.alias or field) if info else field
        return self._source.at((*self._path, key, *more))

    @property
    def file(self) -> str:
        """The data file this model was read from, relative to the repository root."""
        return self._source.file if self._source else "<unknown>"


def _describe_fields(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Give each property of a model's JSON Schema the docstring written under its field."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if issubclass(klass, BaseModel) and klass.__module__.startswith("hfctl."):
            docs.update(field_docstrings(klass))
    for name, info in cls.model_fields.items():
        prop = properties.get(info.alias or name)
        if isinstance(prop, dict) and "description" not in prop and name in docs:
            prop["description"] = docs[name]


def field_docstrings(klass: type) -> dict[str, str]:
    """Field name -> the string literal written on the line after the field, in the class
    body (the convention pydantic's ``use_attribute_docstrings`` reads)."""
    import ast
    import inspect
    import itertools
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
    except (OSError, TypeError, SyntaxError):
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for stmt, after in itertools.pairwise(body):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[stmt.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _bind_value(value: Any, source: Source, path: Path_) -> None:
    if isinstance(value, Model):
        value.bind(source, path)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _bind_value(item, source, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            _bind_value(item, source, (*path, key))


# -- value types. The reader gives every scalar as text; these parse it strictly. --

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError(_("must be a date written YYYY-MM-DD"))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(_("'{value}' is not a real date").format(value=value)) from None


def _parse_time(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value
    if not isinstance(value, str) or not _TIME.match(value):
        raise ValueError(_("must be a time written HH:MM (24-hour clock), in quotes"))
    return dt.time.fromisoformat(value)


def _parse_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    raise ValueError(_("must be true or false"))


def _parse_int(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value):
        return int(value)
    raise ValueError(_("must be a whole number"))


def _parse_text(value: Any) -> Any:
    if isinstance(value, str):
        return value
    raise ValueError(_("must be text"))


Date = Annotated[dt.date, BeforeValidator(_parse_date)]
Time = Annotated[
    dt.time,
    BeforeValidator(_parse_time),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _TIME.pattern,
            "description": "A time of day, HH:MM on the 24-hour clock, in quotes.",
        }
    ),
]
Bool = Annotated[bool, BeforeValidator(_parse_bool)]
Int = Annotated[int, BeforeValidator(_parse_int)]
Str = Annotated[str, BeforeValidator(_parse_text), Field(min_length=1)]

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, BeforeValidator(_parse_text), Field(pattern=ID_PATTERN, max_length=80)]
"""An identifier: lower-case ASCII letters, digits and single hyphens (``sjukehuset-i-nord``)."""

KOMMUNENUMMER_PATTERN = r"^\d{4}$"
Kommunenummer = Annotated[str, BeforeValidator(_parse_text), Field(pattern=KOMMUNENUMMER_PATTERN)]
"""An official municipality number: four digits, always text (``"0301"`` keeps its zero)."""

EMAIL_PATTERN = r"^[^@\s<>,;\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$"
Email = Annotated[
    str,
    BeforeValidator(_parse_text),
    # no escaped quote in the class: JSON Schema's regular expressions are ECMA-262's, where
    # ``\"`` is not a valid escape (check-jsonschema refuses the schema)
    Field(pattern=r'^[^@\s<>,;"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$', max_length=200),
]

PATTERN_WORDS = {
    ID_PATTERN: N_("must be an id: lower-case letters a-z, digits and single hyphens (anne-rod)"),
    KOMMUNENUMMER_PATTERN: N_('must be four digits in quotes ("4601")'),
    EMAIL_PATTERN: N_("must be an e-mail address (postmottak@kommune.no)"),
}
"""What each pattern a value must match means, in words (messages never show the pattern;
translated where they are said)."""


class Text(Model):
    """Text in the three languages hfctl writes; nynorsk is required, the others fall back."""

    nn: Str
    nb: Str | None = None
    en: Str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, else bokmål for English, else nynorsk."""
        value = getattr(self, lang, None)
        if value:
            return str(value)
        if lang == "en" and self.nb:
            return self.nb
        return self.nn


class Period(Model):
    """Anything valid from one date to another (``to`` empty: still valid)."""

    from_: Date = Field(alias="from")
    to: Date | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` lies within the period, both ends included."""
        return self.from_ <= day and (self.to is None or day <= self.to)
