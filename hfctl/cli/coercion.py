"""Typer's coercion of an option, built only for an option that is given.

Typer (0.29) checks each option's value with a pydantic ``TypeAdapter`` that it builds for
every option of the command as the command line is parsed, given or not: for
``hfctl validate`` that was 160-190 ms of CPU in a run of 500-860 ms (the kept report's
case; pydantic's import included, which that case otherwise never needs). An option that is
not given has no value to check (typer returns None for it without looking at its type), so
its adapter is built when a value first comes; a value that already is the option's text or
member of its enumeration (a default, say) is what the adapter would return, and is taken as it
is. The coercion of any other value is typer's own.
Should typer's internals not be what this expects, nothing is changed.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


def _already(value: Any, annotation: Any) -> bool:
    """Whether ``value`` is text for a text option, or a member of an option's enumeration."""
    options = typing.get_args(annotation) if typing.get_origin(annotation) in _UNIONS else ()
    if options:
        rest = [a for a in options if a is not type(None)]
        annotation = rest[0] if len(rest) == 1 else None
    if annotation is str:
        return type(value) is str
    return (
        isinstance(annotation, type) and issubclass(annotation, Enum) and type(value) is annotation
    )


_UNIONS = (typing.Union, types.UnionType)


def defer_option_coercion() -> None:
    """Make typer build an option's coercion on its first value (once per process)."""
    try:
        from typer import _coercion, core
    except ImportError:  # pragma: no cover (another typer)
        return
    build = getattr(core, "build_runtime_param", None)  # typer's own, or None
    base = getattr(_coercion, "RuntimeParam", None)
    if build is None or base is None or getattr(build, "hfctl_deferred", False):
        return
    if set(vars(base)) & {"coerce"} != {"coerce"}:  # pragma: no cover (another typer)
        return

    @dataclass(frozen=True)
    class Deferred(base):  # type: ignore[misc, valid-type]
        """An option's coercion, built by typer on the first value that is not None."""

        descriptor: Any = None
        built: list[Any] = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if _already(value, self.annotation):
                return value
            if not self.built:
                self.built.append(real(self.descriptor))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

    real: Callable[[Any], Any] = build

    def deferred(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:  # a file is opened: typer's own at once
            return real(descriptor)
        return Deferred(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            descriptor=descriptor,
        )

    deferred.hfctl_deferred = True  # type: ignore[attr-defined]
    core.build_runtime_param = deferred  # type: ignore[attr-defined]
