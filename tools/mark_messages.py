"""Mark the user-facing messages of hfctl's lower layers for translation.

Turns the message argument of known calls (``problem(code, f"...", where)``, ``raise
RefusedError(f"...")``, ``ReadError(code, f"...", line, column)``, ``warnings.append(f"...")``
and the like) into ``_("... {name} ...").format(name=expr)``: the msgid keeps the English text
with named placeholders, formatting happens after translation. Plain strings become
``_("...")``, a ``+`` of strings and values becomes one msgid, ``a if c else b`` has both
branches marked. Messages already marked are left alone, so the script may be run again after
new code arrives (``python tools/mark_messages.py``; then ``ruff check --fix`` and
``ruff format`` lay the code out).

Prints what it could not mark (a message built elsewhere and passed as a variable): those are
for a human.
"""

from __future__ import annotations

import argparse
import ast
import keyword
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("core", "models", "store", "formats", "domain", "checks", "documents")
SKIP = {"hfctl/core/i18n.py"}

# callee name -> index of the message argument
CALLS: dict[str, int] = {
    "problem": 1,
    "ReadError": 1,
    "HfctlError": 0,
    "UsageError": 0,
    "RefusedError": 0,
    "NotFoundError": 0,
    "Interrupted": 0,
    "TemplateError": 0,
    "SendError": 0,
    "DateError": 0,
    "Unmet": 2,
}
# list.append(message) where the list's name says it holds warnings or notes
APPEND_TO = re.compile(r"warn|notes")
# functions whose appended or returned strings are warnings for the user
WARNING_FUNCTIONS = re.compile(r"warn|^(season|why_not|closed|reasons)$")
MARKERS = {"_", "ngettext", "N_"}
GENERIC_ATTRS = {"id", "name", "code", "file", "number", "version", "value", "text", "path"}
WRAPPERS = {"str", "repr", "sorted", "list", "tuple", "set", "int", "float", "abs", "min", "max"}
KEYWORDS = {"from": "start"}  # from_ (a model's start date): a placeholder may not be a keyword
CHUNK = 68


@dataclass
class Edit:
    start: int
    end: int
    text: str


@dataclass
class Message:
    """A msgid being built: literal text and named placeholders."""

    parts: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # expression source -> name
    values: dict[str, str] = field(default_factory=dict)  # name -> expression source

    def literal(self, text: str) -> None:
        self.parts.append(text.replace("{", "{{").replace("}", "}}"))

    def value(self, node: ast.expr, conversion: int = -1, spec: str = "") -> None:
        source = ast.unparse(node)
        name = self.names.get(source)
        if name is None:
            base = placeholder(node)
            name, n = base, 2
            while name in self.values:
                name, n = f"{base}{n}", n + 1
            self.names[source] = name
            self.values[name] = source
        conv = "" if conversion == -1 else "!" + chr(conversion)
        self.parts.append("{" + name + conv + (":" + spec if spec else "") + "}")

    @property
    def text(self) -> str:
        return "".join(self.parts)


def placeholder(node: ast.expr) -> str:
    """A sensible name for the value of ``node`` in a msgid."""
    name = _name(node)
    name = re.sub(r"[^0-9a-zA-Z_]", "_", name).strip("_").lower() or "value"
    if keyword.iskeyword(name):
        name = KEYWORDS.get(name, name + "_")
    if name[0].isdigit():
        name = "value_" + name
    return name


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        if node.attr in GENERIC_ATTRS and isinstance(node.value, (ast.Name, ast.Attribute)):
            inner = _name(node.value)
            if inner not in {"self", "ctx", "ds"}:
                return inner
        return node.attr
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        return _name(node.value)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            if func.id == "len":
                return "count"
            if func.id in WRAPPERS and node.args:
                return _name(node.args[0])
            return func.id
        if isinstance(func, ast.Attribute):
            if func.attr == "get":
                return _name(func.value)
            for generic in GENERIC_ATTRS:
                if func.attr.startswith(generic + "_"):
                    return generic
            if func.attr == "join" and node.args:
                return _name(node.args[0])
            if not node.args:
                return _name(func.value)
            return func.attr
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return _name(node.elt)
    if isinstance(node, ast.BinOp):
        return _name(node.left)
    return "value"


def collect(node: ast.expr, message: Message) -> bool:
    """Add ``node`` (a string expression) to ``message``; False when it is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        message.literal(node.value)
        return True
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant):
                message.literal(str(part.value))
            elif isinstance(part, ast.FormattedValue):
                spec = ""
                if part.format_spec is not None:
                    if not all(isinstance(v, ast.Constant) for v in part.format_spec.values):
                        return False
                    spec = "".join(str(v.value) for v in part.format_spec.values)
                message.value(part.value, part.conversion, spec)
            else:
                return False
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if not (is_string(node.left) or is_string(node.right)):
            return False
        for side in (node.left, node.right):
            if is_string(side) or isinstance(side, ast.BinOp):
                if not collect(side, message):
                    return False
            else:
                message.value(side)
        return True
    return False


def is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def already_marked(node: ast.expr) -> bool:
    """``_(...)``, ``ngettext(...)`` or ``_(...).format(...)``."""
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in MARKERS:
            return True
        if isinstance(func, ast.Attribute) and func.attr == "format":
            return already_marked(func.value)
    return False


def quote(text: str) -> str:
    """``text`` as one or more adjacent double-quoted literals of at most CHUNK characters."""
    chunks: list[str] = []
    current = ""
    for word in re.split(r"(?<= )", text):
        if current and len(current) + len(word) > CHUNK:
            chunks.append(current)
            current = ""
        current += word
    chunks.append(current)
    return " ".join(
        '"'
        + c.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        + '"'
        for c in chunks
    )


def marked(node: ast.expr) -> str | None:
    """The marked form of the message ``node``, or None if it cannot be marked."""
    if isinstance(node, ast.IfExp):
        body = marked_or_same(node.body)
        orelse = marked_or_same(node.orelse)
        if body is None or orelse is None:
            return None
        return f"({body} if {ast.unparse(node.test)} else {orelse})"
    message = Message()
    if not collect(node, message):
        return None
    text = message.text
    if not re.search(r"[A-Za-z]{2}", re.sub(r"\{[^{}]*\}", "", text)):
        return None  # nothing to translate (a bare value)
    if not message.values:
        return f"_({quote(text.replace('{{', '{').replace('}}', '}'))})"
    args = ", ".join(f"{name}={source}" for name, source in message.values.items())
    return f"_({quote(text)}).format({args})"


def marked_or_same(node: ast.expr) -> str | None:
    if already_marked(node):
        return ast.unparse(node)
    return marked(node)


def message_arg(call: ast.Call, models: bool = False) -> ast.expr | None:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    if models and name == "ValueError" and call.args:  # a validator's words become HF203's
        return call.args[0]
    if name in CALLS:
        index = CALLS[name]
        if name == "problem" and isinstance(func, ast.Attribute):
            index = 0  # Rule.problem(message, location)
        return call.args[index] if len(call.args) > index else None
    if (  # yamlread's builder: self.fail(code, message, mark)
        isinstance(func, ast.Attribute)
        and func.attr == "fail"
        and isinstance(func.value, ast.Name)
        and func.value.id == "self"
        and len(call.args) > 1
    ):
        return call.args[1]
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "append"
        and APPEND_TO.search(ast.unparse(func.value))
        and len(call.args) == 1
    ):
        return call.args[0]
    return None


def messages_of(node: ast.AST, models: bool = False) -> list[ast.expr]:
    """The message arguments of a known call, and the strings a warning function appends or
    returns."""
    if isinstance(node, ast.Call):
        arg = message_arg(node, models)
        return [] if arg is None else [arg]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and WARNING_FUNCTIONS.search(
        node.name
    ):
        found: list[ast.expr] = []
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and inner.func.attr == "append"
                and len(inner.args) == 1
                and message_arg(inner) is None
                and is_string(inner.args[0])
            ):
                found.append(inner.args[0])
            elif isinstance(inner, ast.Return) and inner.value is not None:
                values = inner.value.elts if isinstance(inner.value, ast.List) else [inner.value]
                found += [v for v in values if is_string(v)]
        return found
    return []


def offsets(source: bytes) -> list[int]:
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def literal_text(node: ast.expr) -> str:
    """The literal text of a string expression (both branches of a conditional)."""
    if isinstance(node, ast.IfExp):
        return literal_text(node.body) + literal_text(node.orelse)
    message = Message()
    return message.text if collect(node, message) else ""


def strings_at(tree: ast.AST, lines: set[int]) -> list[ast.expr]:
    """The outermost string expressions that start on ``lines`` (a message a human pointed at
    with --at: built in a variable or a tuple, where no known call shows it)."""
    found: list[ast.expr] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.expr) and already_marked(node):
            return
        if (
            isinstance(node, ast.expr)
            and node.lineno in lines
            and " " in literal_text(node)  # a sentence, not a code or a key
            and marked(node) is not None
        ):
            found.append(node)
            return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def mark_file(path: Path, report: list[str], at: set[int] | None = None) -> bool:
    """Mark the messages of one file (or the strings on the lines ``at``); True if it
    changed."""
    source = path.read_bytes()
    tree = ast.parse(source)
    starts = offsets(source)
    edits: list[Edit] = []
    rel = path.relative_to(ROOT).as_posix()
    models = rel.startswith("hfctl/models/")
    groups = [strings_at(tree, at)] if at else [messages_of(n, models) for n in ast.walk(tree)]
    for group in groups:
        for arg in group:
            if already_marked(arg):
                continue
            new = marked(arg)
            if new is None:
                if not (isinstance(arg, ast.Name) and arg.id in {"message", "msg"}):
                    report.append(f"{rel}:{arg.lineno}: not marked: {ast.unparse(arg)[:90]}")
                continue
            assert arg.end_lineno is not None and arg.end_col_offset is not None
            start = starts[arg.lineno - 1] + arg.col_offset
            end = starts[arg.end_lineno - 1] + arg.end_col_offset
            if all(e.end <= start or e.start >= end for e in edits):
                edits.append(Edit(start, end, new))
    if not edits:
        return False
    shadows = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
    ]
    if shadows:
        report.append(f"{rel}:{shadows[0]}: assigns '_', which shadows gettext: rename it")
    out = source
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: edit.start] + edit.text.encode() + out[edit.end :]
    text = out.decode()
    if not re.search(r"^from hfctl\.core\.i18n import .*\b_\b", text, re.M):
        text = add_import(text)
    path.write_text(text, encoding="utf-8")
    return True


def add_import(text: str) -> str:
    """``from hfctl.core.i18n import _`` after the last top-level import (ruff sorts it)."""
    tree = ast.parse(text)
    last = max(
        (
            n.end_lineno or n.lineno
            for n in tree.body
            if isinstance(n, (ast.Import, ast.ImportFrom))
        ),
        default=0,
    )
    lines = text.splitlines(keepends=True)
    lines.insert(last, "from hfctl.core.i18n import _\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files (default: the lower layers)")
    parser.add_argument(
        "--at", action="append", default=[], help="FILE:LINE: mark the strings on that line"
    )
    args = parser.parse_args(argv)
    report: list[str] = []
    if args.at:
        wanted: dict[Path, set[int]] = {}
        for spec in args.at:
            name, line = spec.rsplit(":", 1)
            wanted.setdefault((ROOT / name).resolve(), set()).add(int(line))
        for path, lines in wanted.items():
            if mark_file(path, report, lines):
                sys.stdout.write(f"marked: {path.relative_to(ROOT).as_posix()}\n")
        for line in report:
            sys.stderr.write(line + "\n")
        return 0
    paths: list[Path] = [p.resolve() for p in args.paths] or [
        p for layer in LAYERS for p in sorted((ROOT / "hfctl" / layer).rglob("*.py"))
    ]
    changed = [
        p for p in paths if p.relative_to(ROOT).as_posix() not in SKIP and mark_file(p, report)
    ]
    for p in changed:
        sys.stdout.write(f"marked: {p.relative_to(ROOT).as_posix()}\n")
    for line in report:
        sys.stderr.write(line + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
