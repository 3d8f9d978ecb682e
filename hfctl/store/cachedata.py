"""The cache's entries as plain JSON, and back, checked on the way in.

An entry is what ``loader.read_file`` gives for one file: its model (or None), the positions
of its keys and values, and its problems. It is written as JSON, which the standard library
reads without running anything, and every value read back is checked for its type before a
model is built from it. A model is rebuilt (as pickle or ``copy`` rebuild one, with
``__setstate__``) from the values it was validated with when the file was first read: a
tagged tree (``{"m": class, "f": fields, "s": the fields its file set}``, ``{"d": date}``,
``{"t": time}``, ``{"o": mapping}``) names only the model classes of ``hfctl.models``, never
a module or a function. Anything else raises ``BadEntry``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

from hfctl.models.base import Model, Source
from hfctl.store.cachejson import BadEntry, dump_problems, fail, parse_json, problems
from hfctl.store.sources import Document, read_document, split_front_matter
from hfctl.store.yamlread import Parsed, Path_, ReadError

Entry = tuple[Any, Any, list[Any]]
"""(model or None, Document or None, problems) of one data file, as loader.read_file gives."""


_MODELS: dict[str, type[Model]] = {}
_KEYS: dict[type[Model], dict[str, str]] = {}


def _models() -> dict[str, type[Model]]:
    """Every model class of hfctl by class name (a name two classes share is left out)."""
    if not _MODELS:
        found: dict[str, list[type[Model]]] = {}
        todo: list[type[Model]] = [Model]
        while todo:
            cls = todo.pop()
            if cls.__module__.startswith("hfctl.models."):
                found.setdefault(cls.__name__, []).append(cls)
            todo.extend(cls.__subclasses__())
        _MODELS.update({name: classes[0] for name, classes in found.items() if len(classes) == 1})
    return _MODELS


# -- writing --


def _value(value: Any) -> Any:
    kind = type(value)
    if value is None or kind in (str, int, bool, float):
        return value
    if isinstance(value, Model):
        fields = {name: _value(item) for name, item in value.__dict__.items()}
        return {"m": kind.__name__, "f": fields, "s": sorted(value.model_fields_set)}
    if kind is list or kind is tuple:
        return [_value(item) for item in value]
    if kind is dict:
        return {"o": {str(k): _value(v) for k, v in value.items()}}
    if kind is dt.date:
        return {"d": value.isoformat()}
    if kind is dt.time:
        return {"t": value.isoformat()}
    raise BadEntry(f"cannot keep a {kind.__name__}")


def _pairs(table: dict[Path_, Any]) -> list[Any]:
    return [part for path, item in table.items() for part in (list(path), item)]


def _json(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def dumps(entry: Entry) -> bytes:
    """One entry as one line: the JSON of its model and problems, a tab, the JSON of its
    parsed YAML (JSON escapes every control character: neither a tab nor a line break is ever
    inside). BadEntry if it cannot be kept."""
    model, doc, problems = entry
    if model is not None and _models().get(type(model).__name__) is not type(model):
        raise BadEntry("not a model of hfctl")
    document = None
    if doc is not None:
        parsed = doc.parsed
        document = {
            "v": _pairs(parsed.values),
            "k": _pairs(parsed.keys),
            "d": parsed.data,
            "a": [[list(p), what, key] for p, (what, key) in parsed.ambiguous.items()],
            "c": _pairs(parsed.cut),
        }
    head = [
        None if model is None else _value(model),
        dump_problems(problems),
        None if doc is None else bool(doc.body_line),
    ]
    try:
        return _json(head) + b"\t" + _json(document)
    except (TypeError, ValueError, RecursionError, UnicodeError) as exc:
        raise BadEntry(str(exc)) from None


# -- reading: every value checked before it is used --


_SCALARS = frozenset({str, int, bool, float, type(None)})


def _keys(cls: type[Model]) -> dict[str, str]:
    """Field name -> the key it is written under in a data file."""
    found = _KEYS.get(cls)
    if found is None:
        if cls.__private_attributes__.keys() != {"_source", "_path"}:
            raise fail("a model with other private attributes")
        found = _KEYS[cls] = {n: info.alias or n for n, info in cls.model_fields.items()}
    return found


def _model(value: Any, source: Source, path: Path_) -> Any:
    """A value of a model from its tagged tree, each model bound to ``source`` at ``path``
    (as ``Model.bind`` binds a model read from its file). Text, numbers, booleans and None
    are taken as they are (tested where they are met, the common case, without a call)."""
    kind = type(value)
    if kind is list:
        return [
            item if type(item) in _SCALARS else _model(item, source, (*path, i))
            for i, item in enumerate(value)
        ]
    if kind is not dict:
        if kind in _SCALARS:
            return value
        raise fail("value")
    if len(value) == 1:
        ((tag, inner),) = value.items()
        if tag == "o" and type(inner) is dict:
            return {
                k: v if type(v) in _SCALARS else _model(v, source, (*path, k))
                for k, v in inner.items()
            }
        if tag == "d" and type(inner) is str:
            return dt.date.fromisoformat(inner)
        if tag == "t" and type(inner) is str:
            return dt.time.fromisoformat(inner)
        raise fail("tag")
    cls = _models().get(value.get("m"))
    fields, given = value.get("f"), value.get("s")
    if cls is None or type(fields) is not dict or type(given) is not list or len(value) != 3:
        raise fail("model")
    keys = _keys(cls)
    if fields.keys() != keys.keys() or not set(given) <= keys.keys():
        raise fail("fields")
    values = {
        name: item if type(item) in _SCALARS else _model(item, source, (*path, keys[name]))
        for name, item in fields.items()
    }
    model = cls.__new__(cls)
    # what pickle and copy give a model (``BaseModel.__setstate__``): its validated values,
    # the fields its file set, and where it was read from
    model.__setstate__(
        {
            "__dict__": values,
            "__pydantic_fields_set__": set(given),
            "__pydantic_extra__": None,
            "__pydantic_private__": {"_source": source, "_path": path},
        }
    )
    return model


_PATH_PARTS = {str, int}


def _table(value: Any, kind: type) -> dict[Path_, Any]:
    """Paths and what is at each, written as one flat list ``[path, item, path, item, ...]``
    (checked a whole list at a time: a meeting has thousands of positions)."""
    if type(value) is not list:
        raise fail("table")
    paths, items = value[0::2], value[1::2]
    if (
        len(paths) != len(items)
        or not set(map(type, paths)) <= {list}
        or not set(map(type, items)) <= {kind}
        or not set(map(type, itertools.chain.from_iterable(paths))) <= _PATH_PARTS
    ):
        raise fail("positions")
    return dict(zip(map(tuple, paths), items, strict=True))


_TEXT = frozenset({str, type(None)})
_NESTED = frozenset({str, type(None), list, dict})


def _plain(value: list[Any] | dict[str, Any], depth: int = 0) -> None:
    """Check YAML data as the reader gives it: text, None, lists and mappings of them."""
    items = value.values() if type(value) is dict else value
    kinds = set(map(type, items))
    if kinds <= _TEXT:
        return
    if not kinds <= _NESTED or depth > 60:
        raise fail("data")
    for item in items:
        if type(item) is list or type(item) is dict:
            _plain(item, depth + 1)


def _parsed(value: Any) -> Parsed:
    if type(value) is not dict or value.keys() != {"v", "k", "d", "a", "c"}:
        raise fail("document")
    data = value["d"]
    if type(data) is not dict:
        raise fail("data")
    _plain(data)
    ambiguous: dict[Path_, tuple[str, bool]] = {}
    for item in value["a"] if type(value["a"]) is list else [None]:
        if type(item) is not list or len(item) != 3:
            raise fail("ambiguous")
        path, what, key = item
        if type(what) is not str or type(key) is not bool:
            raise fail("ambiguous")
        if type(path) is not list or not set(map(type, path)) <= _PATH_PARTS:
            raise fail("path")
        ambiguous[tuple(path)] = (what, key)
    parsed = Parsed(data, _table(value["v"], int), _table(value["k"], int), ambiguous)
    parsed.cut = _table(value["c"], str)
    return parsed


class _LazyParsed(Parsed):
    """The parsed YAML of a cached file, read from its entry when first asked for: most
    files of a warm run never need a position (only a problem in them does). Should the
    entry not hold what this code writes, the file's own text is parsed again instead."""

    def __init__(self, blob: bytes, name: str, raw: bytes, markdown: bool) -> None:
        # no dataclass __init__: the fields are filled on first use, by __getattr__
        self._entry = (blob, name, raw, markdown)

    def __getattr__(self, field: str) -> Any:
        if field not in ("data", "values", "keys", "ambiguous", "cut"):
            raise AttributeError(field)
        blob, name, raw, markdown = self.__dict__["_entry"]
        try:
            parsed = _parsed(parse_json(blob))
        except BadEntry:
            try:
                parsed = read_document(name, raw, markdown).parsed
            except ReadError:
                parsed = Parsed(data={})
        for found in ("data", "values", "keys", "ambiguous", "cut"):
            setattr(self, found, getattr(parsed, found))
        return getattr(self, field)


class _LazySource(Source):
    """A model's source whose positions are those of a ``_LazyParsed``, read when asked for."""

    def __init__(self, file: str, parsed: Parsed) -> None:
        # no Source.__init__: values and keys are the parsed document's, by __getattr__
        self.file = file
        self._parsed = parsed

    def __getattr__(self, field: str) -> Any:
        if field in ("values", "keys"):
            return getattr(self.__dict__["_parsed"], field)
        raise AttributeError(field)


def loads(line: bytes, name: str, raw: bytes) -> Entry:
    """An entry from its line, for the file ``name`` whose bytes are ``raw``; BadEntry if the
    line is not what ``dumps`` writes. Its positions are checked when first used."""
    head, tab, blob = line.partition(b"\t")
    value = parse_json(head)
    if not tab or type(value) is not list or len(value) != 3:
        raise fail("entry")
    model_value, problem_values, markdown = value
    if markdown is None:
        if model_value is not None or blob != b"null":
            raise fail("entry")
        return None, None, problems(problem_values)
    if type(markdown) is not bool:
        raise fail("entry")
    try:
        text = raw.decode("utf-8-sig")  # read without a problem (and its BOM left out) before
        parsed = _LazyParsed(blob, name, raw, markdown)
        if markdown:
            _yaml, _offset, body, body_line = split_front_matter(text)
            doc = Document(name, parsed, text, body, body_line)
        else:
            doc = Document(name, parsed, text)
        model = None
        if model_value is not None:
            model = _model(model_value, _LazySource(name, parsed), ())
    except (ValueError, TypeError, RecursionError, UnicodeError, ReadError) as exc:
        raise BadEntry(str(exc)) from None
    if (model_value is None) != (model is None) or not isinstance(model, Model | None):
        raise fail("model")
    return model, doc, problems(problem_values)
