"""Python source text shared by the files generation writes (a new version's models, a step):
a docstring that holds any text, paragraphs wrapped as this project wraps them."""

from __future__ import annotations

import textwrap


def docstring_literal(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'"""{body}\n"""'


def wrap(paragraph: str) -> str:
    return textwrap.fill(paragraph, width=96, break_long_words=False, break_on_hyphens=False)
