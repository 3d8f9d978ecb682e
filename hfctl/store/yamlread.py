"""The fast read path: YAML text to plain data with the position of every key and value.

Every scalar is read as a string (or None for an empty/``null`` plain scalar); the models give
values their types. That closes every YAML 1.1/1.2 ambiguity: ``no``, ``0301`` and ``12:30`` stay
the text the author wrote. Anchors, aliases, tags, directives and several documents are refused,
because a governance file that needs them is a file a reviewer cannot read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError

from hfctl.core import unicode
from hfctl.core.i18n import _
from hfctl.core.problems import pack, unpack

try:  # the C parser (ruamel.yaml.clib); the pure one is the fallback
    from _ruamel_yaml import CParser as _CParser

    _HAVE_C = True
except ImportError:  # pragma: no cover - depends on the platform
    _HAVE_C = False

Path_ = tuple[str | int, ...]

MAX_DEPTH = 50

# Plain scalars that a YAML 1.1 or 1.2 reader would turn into something other than a string.
_YAML11_BOOL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|"
    r"on|On|ON|off|Off|OFF)$"
)
_YAML_INT = re.compile(r"^[-+]?(?:0b[0-1_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$")
_YAML_FLOAT = re.compile(
    r"^[-+]?(?:(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|"
    r"[0-9][0-9_]*[eE][-+]?[0-9]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$"
)
_YAML_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
# control and invisible characters a value may not hold, even written as an escape ("\e");
# newlines and tabs are text (block scalars), a carriage return is not
_BAD_IN_VALUE = unicode.pattern("\t\n")


# a comment right after a value, with no space after '#' ("Sak #5", "Rom #2"): a cut value
_CUT = re.compile(r"^ {1,2}(#\S.*)$")
# every pattern above starts with one of these characters and has no space
_FIRST = frozenset("+-.0123456789yYnNtTfFoO")


def misread_as(text: str) -> str | None:
    """What a YAML 1.1 reader would make of this plain scalar, if not a string."""
    if not text or text[0] not in _FIRST or " " in text:
        return None
    if _YAML11_BOOL.match(text):
        return _("a boolean")
    if _YAML_SEXAGESIMAL.match(text):
        return _("a number (base 60)")
    if _YAML_INT.match(text):
        return _("a number")
    if _YAML_FLOAT.match(text):
        return _("a number")
    return None


@dataclass
class ReadError(Exception):
    """The text could not be read as one YAML mapping; line and column are 1-based."""

    code: str
    message: str
    line: int | None = None
    column: int | None = None


@dataclass
class Parsed:
    """A parsed YAML document: plain data plus positions, keyed by path from the root."""

    data: dict[str, Any]
    # positions packed into one int each (see ``pack``); a key and its value share one path
    # tuple: a repository of 10,000 files keeps a million of them
    values: dict[Path_, int] = field(default_factory=dict)
    keys: dict[Path_, int] = field(default_factory=dict)
    # plain scalars other YAML tools would misread: path -> (what they read, is_key)
    ambiguous: dict[Path_, tuple[str, bool]] = field(default_factory=dict)
    # plain values followed by a '#' that looks like part of them: path -> the cut-off text
    cut: dict[Path_, str] = field(default_factory=dict)


def _events(text: str) -> Any:
    if _HAVE_C:
        parser = _CParser(io.StringIO(text))
        while True:
            event = parser.get_event()
            yield event
            if type(event).__name__ == "StreamEndEvent":
                return
    else:  # pragma: no cover
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)


class _Builder:
    """Turns the parser's event stream into plain data, checking as it goes."""

    def __init__(self, line_offset: int, text: str = "") -> None:
        self.offset = line_offset
        self.text = text
        self.result = Parsed(data={})
        # stack of (container, path, pending key, seen keys -> line)
        self.stack: list[tuple[Any, Path_, list[Any], dict[str, int]]] = []
        self.root: Any = None
        self.documents = 0

    def pos(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def packed(self, mark: Any) -> int:
        return pack(mark.line + 1 + self.offset, mark.column + 1)

    def fail(self, code: str, message: str, mark: Any) -> ReadError:
        line, col = self.pos(mark)
        return ReadError(code, message, line, col)

    def check_node(self, event: Any) -> None:
        if event.anchor is None and event.tag is None:
            return  # the common case: no anchor, no tag
        if getattr(event, "anchor", None):
            raise self.fail(
                "HF110",
                _(
                    "anchor '&{anchor}' is not allowed: write the value out in full, so "
                    "that a reviewer sees it where it is used"
                ).format(anchor=event.anchor),
                event.start_mark,
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit_tag = tag is not None and (
            implicit is False or (isinstance(implicit, tuple) and not any(implicit))
        )
        if explicit_tag:
            raise self.fail(
                "HF111",
                _(
                    "tag '{tag}' is not allowed: hfctl gives every value its type from the schema"
                ).format(tag=tag),
                event.start_mark,
            )

    def add(self, value: Any, event: Any, is_plain_scalar: bool) -> None:
        if not self.stack:
            self.root = value
            return
        position = self.packed(event.start_mark)
        container, path, pending, seen = self.stack[-1]
        if isinstance(container, list):
            child_path = (*path, len(container))
            container.append(value)
            self.result.values[child_path] = position
            self.note_ambiguous(child_path, value, is_plain_scalar, is_key=False)
            return
        if not pending:  # this is a key
            if not isinstance(value, str) or value is None:
                what = (
                    "a mapping"
                    if isinstance(value, dict)
                    else ("a list" if isinstance(value, list) else "empty")
                )
                raise self.fail(
                    "HF104",
                    _("a key must be plain text, not {what}").format(what=what),
                    event.start_mark,
                )
            if value in seen:
                raise self.fail(
                    "HF102",
                    _("duplicate key '{value}' (first given on line {seen})").format(
                        value=value, seen=seen[value]
                    ),
                    event.start_mark,
                )
            seen[value] = unpack(position)[0]
            key_path = (*path, value)
            pending.append(key_path)
            self.result.keys[key_path] = position
            self.note_ambiguous(key_path, value, is_plain_scalar, is_key=True)
            return
        child_path = pending.pop()
        container[child_path[-1]] = value
        self.result.values[child_path] = position
        self.note_ambiguous(child_path, value, is_plain_scalar, is_key=False)

    def note_ambiguous(self, path: Path_, value: Any, plain: bool, is_key: bool) -> None:
        if plain and isinstance(value, str):
            what = misread_as(value)
            if what:
                self.result.ambiguous[path] = (what, is_key)

    def note_cut(self, event: Any) -> None:
        """A value like ``Sak #5``: YAML reads ``#5`` as a comment, the author meant text."""
        start = event.end_mark.index
        if start >= len(self.text) or self.text[start] != " ":
            return
        end = self.text.find("\n", start)
        rest = self.text[start : end if end >= 0 else len(self.text)]
        found = _CUT.match(rest)
        if found:
            container, path, _pending, _seen = self.stack[-1]
            key: str | int = (
                len(container) - 1 if isinstance(container, list) else next(reversed(container))
            )
            self.result.cut[(*path, key)] = found.group(1).rstrip()

    def open(self, container: Any, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(
                "HF104",
                _("nested more than {max_depth} levels deep").format(max_depth=MAX_DEPTH),
                event.start_mark,
            )
        self.add(container, event, is_plain_scalar=False)
        if self.stack:
            parent, ppath, _pending, _seen = self.stack[-1]
            path: Path_ = (
                (*ppath, len(parent) - 1)
                if isinstance(parent, list)
                else (*ppath, next(reversed(parent)))
            )
        else:
            path = ()
        self.stack.append((container, path, [], {}))

    def feed(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    "HF112",
                    _(
                        "more than one YAML document in the file: a second '---' starts a "
                        "new document"
                    ),
                    event.start_mark,
                )
            if getattr(event, "version", None) or getattr(event, "tags", None):
                raise self.fail(
                    "HF109",
                    _("YAML directives ('%YAML', '%TAG') are not allowed"),
                    event.start_mark,
                )
        elif kind == "AliasEvent":
            raise self.fail(
                "HF110",
                _("alias '*{anchor}' is not allowed: write the value out in full").format(
                    anchor=event.anchor
                ),
                event.start_mark,
            )
        elif kind == "ScalarEvent":
            self.check_node(event)
            plain = event.style in (None, "")
            value: str | None = event.value
            bad = _BAD_IN_VALUE.search(event.value) if event.style == '"' else None
            if bad:
                raise self.fail(
                    "HF103",
                    _(
                        "control or invisible character {describe} in a value (written as an "
                        "escape)"
                    ).format(describe=unicode.describe(bad.group())),
                    event.start_mark,
                )
            if plain and value in _NULLS:
                value = None
            self.add(value, event, is_plain_scalar=plain)
            if plain and value is not None and self.stack and not self.stack[-1][2]:
                self.note_cut(event)
        elif kind == "MappingStartEvent":
            self.check_node(event)
            self.open({}, event)
        elif kind == "SequenceStartEvent":
            self.check_node(event)
            self.open([], event)
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            self.stack.pop()


def parse_yaml(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document that must be a mapping; raise ReadError at the first problem.

    ``line_offset`` is added to every line, for YAML that starts further down a file (front
    matter). Positions are 1-based.
    """
    builder = _Builder(line_offset, text)
    try:
        for event in _events(text):
            builder.feed(event)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or _("not valid YAML")
        if exc.context and exc.problem:
            problem = f"{exc.problem} ({exc.context})"
        line, col = builder.pos(mark) if mark is not None else (None, None)
        raise ReadError(
            "HF101", _("YAML syntax error: {problem}").format(problem=problem), line, col
        ) from None
    except RecursionError:
        raise ReadError("HF104", _("nested too deeply to read")) from None
    root = builder.root
    if root is None:
        raise ReadError(
            "HF107", _("the file holds no data (it is empty or only comments)"), 1 + line_offset, 1
        )
    if not isinstance(root, dict):
        what = _("a list") if isinstance(root, list) else _("a single value")
        raise ReadError(
            "HF108",
            _("the top level must be a mapping of keys to values, not {what}").format(what=what),
            1 + line_offset,
            1,
        )
    builder.result.data = root
    builder.result.values[()] = pack(1 + line_offset, 1)
    return builder.result
