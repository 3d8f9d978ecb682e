"""The one Jinja environment: sandboxed, strict about undefined names, escaping HTML.

Templates are looked up first in the data repository's own ``templates/`` folder, so a health
community can edit them, then in the defaults that ship with hfctl.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hfctl.core.errors import TemplateError
from hfctl.core.i18n import _
from hfctl.formats.safe import md_text


@cache
def _default_templates() -> Path:
    from importlib.resources import files

    return Path(str(files("hfctl_templates")))


def environment(root: Path | None) -> Any:
    """A sandboxed environment over the repository's templates and hfctl's defaults."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, select_autoescape
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folders = []
    if root is not None and (root / "templates").is_dir():
        folders.append(FileSystemLoader(root / "templates"))
    folders.append(FileSystemLoader(_default_templates()))
    _finalize = _make_finalize()
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(folders),
        undefined=StrictUndefined,
        # "page.html.j2" must be escaped as HTML: the extension test sees the whole suffix
        autoescape=select_autoescape(
            ["html", "htm", "xml", "html.j2", "htm.j2", "xml.j2"], default_for_string=False
        ),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    env.filters["md"] = md_text
    return env


MARKDOWN_DOCUMENTS = frozenset(
    {"agenda/agenda.md.j2", "minutes/minutes.md.j2", "inform/digest.md.j2"}
)
"""Templates whose output is Markdown that a forge renders: every value printed in them is
data text made inert (``hfctl.formats.safe.md_text``), without a filter in the template (a
repository's own copy of one of these templates is escaped alike)."""


def _finalize_value(context: Any, value: Any) -> Any:
    if context.name in MARKDOWN_DOCUMENTS and value is not None:
        return md_text(value)
    return value


def _make_finalize() -> Any:
    from jinja2 import pass_context

    return pass_context(_finalize_value)


def render(root: Path | None, name: str, **context: Any) -> str:
    """Render template ``name``; a broken template is an error that names it (and the file
    and line the fault is in, which may be a template it imports)."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError

    env = environment(root)
    try:
        return str(env.get_template(name).render(**context))
    except JinjaError as exc:
        path, line = None, getattr(exc, "lineno", None)
        if isinstance(exc, TemplateSyntaxError):
            path = exc.filename
            name = exc.name or name
        else:
            tb = exc.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename.endswith(".j2"):
                    path, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
                tb = tb.tb_next
        where = f" line {line}" if line else ""
        raise TemplateError(
            _("template {name}{where}: {value}").format(
                name=name, where=where, value=exc.message or exc
            ),
            name,
            path,
            line,
        ) from None


def syntax_error(root: Path, name: str) -> TemplateError | None:
    """The syntax error in template ``name`` of the repository's templates, if it has one."""
    from jinja2 import TemplateSyntaxError

    env = environment(root)
    try:
        source, filename, _uptodate = env.loader.get_source(env, name)
        env.parse(source, name, filename)
    except TemplateSyntaxError as exc:
        return TemplateError(
            _("template {name} line {lineno}: {message}").format(
                name=name, lineno=exc.lineno, message=exc.message
            ),
            name,
            exc.filename,
            exc.lineno,
        )
    return None


def default_folder() -> Path:
    """The folder of the templates that ship with hfctl."""
    return _default_templates()
