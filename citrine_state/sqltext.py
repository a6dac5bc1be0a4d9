"""SQL text helpers: quoting, comments and statement boundaries (no parsing beyond that)."""

from __future__ import annotations

import re


def quote_ident(name: str) -> str:
    """A PostgreSQL identifier, always double-quoted (``"a""b"`` for ``a"b``): the one quoting
    the engine uses, so a name with capitals, spaces or quotes is never taken apart."""
    return '"' + name.replace('"', '""') + '"'


def qualified(*parts: str) -> str:
    """``"schema"."table"`` (or any dotted path), each part quoted by ``quote_ident``."""
    return ".".join(quote_ident(part) for part in parts)


def quote_literal(text: str) -> str:
    """A string constant, as PostgreSQL's ``quote_literal`` writes it: quotes doubled, and in
    the ``E'...'`` form with backslashes doubled when there is one, so that the text reads the
    same whatever ``standard_conforming_strings`` says."""
    quoted = text.replace("'", "''")
    if "\\" in text:
        return "E'" + quoted.replace("\\", "\\\\") + "'"
    return "'" + quoted + "'"


def strip_comments(sql: str) -> str:
    sql = re.sub(r"/\*.*?\*/", " ", sql, flags=re.S)
    return re.sub(r"--[^\n]*", " ", sql)


def split_script(sql: str) -> list[str]:
    """Split a script into statements on semicolons outside quotes, comments and $$ bodies."""
    out: list[str] = []
    buf: list[str] = []
    i, n = 0, len(sql)
    quote: str | None = None
    while i < n:
        ch = sql[i]
        if quote:
            buf.append(ch)
            if quote == "--" and ch == "\n":
                quote = None
            elif quote == "/*" and sql.startswith("*/", i):
                buf.append("/")
                i += 1
                quote = None
            elif quote not in ("--", "/*") and sql.startswith(quote, i):
                if len(quote) > 1:
                    buf.extend(quote[1:])
                    i += len(quote) - 1
                quote = None
            i += 1
            continue
        if sql.startswith("--", i) or sql.startswith("/*", i):
            quote = sql[i:i + 2]
            buf.append(sql[i:i + 2])
            i += 2
            continue
        if ch in ("'", '"'):
            quote = ch
        elif ch == "$":
            match = re.match(r"\$[A-Za-z_0-9]*\$", sql[i:])
            if match:
                quote = match.group()
                buf.append(quote)
                i += len(quote)
                continue
        if ch == ";":
            stmt = "".join(buf).strip()
            if strip_comments(stmt).strip():
                out.append(stmt)
            buf = []
        else:
            buf.append(ch)
        i += 1
    tail = "".join(buf).strip()
    if strip_comments(tail).strip():
        out.append(tail)
    return out
