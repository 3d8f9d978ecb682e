"""Markdown as HTML, for the documents made from Markdown text (saksframlegg, letters)."""

from __future__ import annotations

from typing import Any


def markdown_html(text: str) -> Any:
    """Markdown as safe HTML (``Markup``); raw HTML in the text is escaped, never passed on."""
    from markdown_it import MarkdownIt
    from markupsafe import Markup

    return Markup(MarkdownIt("commonmark", {"html": False}).render(text)) if text else ""
