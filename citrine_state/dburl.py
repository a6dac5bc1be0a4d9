"""Database URLs: the forms the tool accepts, parsed (never guessed at with text replacement),
and rendered for output with every secret replaced by ``***``.

Accepted, wherever a database URL is given (``--database-url``, ``--shadow-url``,
``CITRINE_DATABASE_URL``, ``DATABASE_URL``, the Python API):

- ``postgresql://`` and ``postgres://`` URLs (``postgresql+psycopg://`` too: psycopg 3 is always
  the driver): ``postgresql://user:password@host:port/dbname?key=value&...``. The user part ends
  at the last ``@`` before the host, so an unencoded ``@`` or ``:`` in the password is read as
  part of it; ``/`` and ``?`` in a password must be percent-encoded (``%2F``, ``%3F``). Any
  libpq parameter may be given in the query string, ``password`` (and ``user``, ``host``,
  ``port``, ``dbname``) included.
- libpq ``key=value`` connection strings: ``host=db port=5432 dbname=citrine user=citrine
  password='s3 cret'`` (values quoted with single quotes, ``\\'`` and ``\\\\`` inside).

A text that is none of these is refused without being echoed: it may hold a password. Output
shows a URL only through ``render(url)``, which prints the password (and every other secret
parameter) as ``***``; a DSN is shown in URL form. Text from outside (driver errors, pg_dump's
stderr) goes through ``scrub``, which replaces whole URL and ``password=...`` renderings and the
exact texts given as URLs, never a bare password as a substring of other words.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from sqlalchemy.engine import URL

from .errors import UsageError

DRIVER = "postgresql+psycopg"

# libpq's connection keywords (PostgreSQL 18): anything else is refused before connecting.
KEYWORDS = frozenset({
    "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "require_auth",
    "channel_binding", "connect_timeout", "client_encoding", "options", "application_name",
    "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval",
    "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode",
    "requiressl", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslcertmode",
    "sslrootcert", "sslcrl", "sslcrldir", "sslsni", "sslnegotiation", "requirepeer",
    "ssl_min_protocol_version", "ssl_max_protocol_version", "min_protocol_version",
    "max_protocol_version", "krbsrvname", "gsslib", "gssdelegation", "service",
    "target_session_attrs", "load_balance_hosts", "scram_client_key", "scram_server_key",
    "oauth_issuer", "oauth_client_id", "oauth_client_secret", "oauth_scope",
})
# Parameters whose value is a secret: never shown, in any rendering.
SECRET_KEYWORDS = frozenset({"password", "sslpassword", "scram_client_key", "scram_server_key",
                             "oauth_client_secret"})
_FIELDS = ("user", "password", "host", "port", "dbname")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
_KEY = re.compile(r"[a-z_][a-z0-9_]*")
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")

ENCODING_HINT = ("percent-encode '/', '?' and '%' in the user name and password (and '&' in "
                 "query values), e.g. %2F for '/'")


class _Bad(Exception):
    """Why a text is not a database URL, in words that never quote the text."""

    what = "a usable database URL"


class _NotPostgres(_Bad):
    what = "a PostgreSQL URL"


def parse(text: str, source: str = "the database URL", need_database: bool = True) -> URL:
    """A PostgreSQL URL or libpq connection string as a SQLAlchemy URL for psycopg 3.

    ``source`` names where the text came from (``--database-url``, ``DATABASE_URL``) in the
    one-line error, which never repeats the text itself. Without ``need_database`` (a server
    for shadow databases) a URL may name none: it is then ``postgres``."""
    if not isinstance(text, str):
        raise UsageError(f"{source} is not text")
    if not text.strip():
        raise UsageError(f"{source} is empty: give a PostgreSQL URL such as "
                         "postgresql://user:password@host:5432/dbname")
    try:
        fields, query = _parse_url(text) if _SCHEME.match(text.strip()) else _parse_dsn(text)
        if not need_database:
            fields.setdefault("dbname", "postgres")
        url = _build(fields, query)
    except _Bad as bad:
        raise UsageError(f"{source} is not {bad.what}: {bad}") from None
    _remember(text, url)
    return url


# --- URLs ---------------------------------------------------------------------------------------


def _parse_url(text: str) -> tuple[dict[str, str], dict[str, str]]:
    text = text.strip()
    scheme_match = _SCHEME.match(text)
    assert scheme_match is not None
    scheme = scheme_match.group(1).lower()
    backend, _, _driver = scheme.partition("+")
    if backend not in ("postgresql", "postgres"):
        shown = scheme if re.fullmatch(r"[a-z][a-z0-9+.-]{0,30}", scheme) else "another"
        raise _NotPostgres(f"it is a {shown}:// URL; give a postgresql:// (or postgres://) "
                           "URL")
    rest = text[scheme_match.end():]
    at, end = -1, len(rest)
    for index, char in enumerate(rest):
        if char == "@":
            at = index
        elif char in "/?":
            end = index
            break
    authority, tail = rest[:end], rest[end:]
    fields: dict[str, str] = {}
    hostport = authority
    if at >= 0:
        userinfo, hostport = authority[:at], authority[at + 1:]
        user, colon, password = userinfo.partition(":")
        if user:
            fields["user"] = _decode(user, "the user name")
        if colon:
            fields["password"] = _decode(password, "the password")
    _host_port(hostport, fields)
    path, _, query_text = tail.partition("?")
    if path.startswith("/") and path != "/":
        database = _decode(path[1:], "the database name")
        if "@" in database:
            raise _Bad("the database name holds an '@' (a password with an unencoded '/'?): "
                       + ENCODING_HINT)
        fields["dbname"] = database
    query: dict[str, str] = {}
    if query_text:
        for item in query_text.split("&"):
            if not item:
                continue
            key, equals, value = item.partition("=")
            if not equals:
                raise _Bad("its query string has an entry without '=' (a password with an "
                           "unencoded '?' or '&'?): " + ENCODING_HINT)
            _put(fields, query, _decode(key, "a query key"), _decode(value, "a query value"),
                 "in the query string")
    return fields, query


def _host_port(hostport: str, fields: dict[str, str]) -> None:
    if not hostport:
        return
    if "," in hostport:
        raise _Bad("it names several hosts, which this tool does not support; give one")
    if hostport.startswith("["):
        close = hostport.find("]")
        if close < 0:
            raise _Bad("its IPv6 host has no closing ']'")
        host, after = hostport[1:close], hostport[close + 1:]
        if after and not after.startswith(":"):
            raise _Bad("its host part is not [address]:port")
        port = after[1:] if after else ""
    else:
        host, _, port = hostport.partition(":")
    if host:
        fields["host"] = _decode(host, "the host")
    if port:
        fields["port"] = port
    elif hostport.endswith(":"):
        raise _Bad("its port is empty")


def _decode(text: str, what: str) -> str:
    if _PERCENT.search(text):
        raise _Bad(f"{what} has a '%' that is not a percent-encoding (%XX): " + ENCODING_HINT)
    try:
        return _unquote_strict(text)
    except UnicodeDecodeError:
        raise _Bad(f"{what} is not UTF-8 once percent-decoded") from None


def _unquote_strict(text: str) -> str:
    parts = re.split(r"((?:%[0-9A-Fa-f]{2})+)", text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(bytes.fromhex(part.replace("%", "")).decode("utf-8"))
        else:
            out.append(part)
    return "".join(out)


# --- libpq key=value strings -------------------------------------------------------------------


def _parse_dsn(text: str) -> tuple[dict[str, str], dict[str, str]]:
    if "=" not in text:
        raise _Bad("it is neither a postgresql:// URL nor a libpq key=value string "
                   "(host=... dbname=...)")
    fields: dict[str, str] = {}
    query: dict[str, str] = {}
    pos, size = 0, len(text)
    while True:
        while pos < size and text[pos].isspace():
            pos += 1
        if pos >= size:
            break
        start = pos
        while pos < size and not text[pos].isspace() and text[pos] != "=":
            pos += 1
        key = text[start:pos]
        while pos < size and text[pos].isspace():
            pos += 1
        if pos >= size or text[pos] != "=" or not key:
            raise _Bad("its key=value entries are malformed (a word without '='?); quote "
                       "values that hold spaces: password='two words'")
        pos += 1
        while pos < size and text[pos].isspace():
            pos += 1
        value, pos = _dsn_value(text, pos)
        _put(fields, query, key, value, "in the key=value string")
    return fields, query


def _dsn_value(text: str, pos: int) -> tuple[str, int]:
    out: list[str] = []
    size = len(text)
    if pos < size and text[pos] == "'":
        pos += 1
        while pos < size and text[pos] != "'":
            if text[pos] == "\\" and pos + 1 < size:
                pos += 1
            out.append(text[pos])
            pos += 1
        if pos >= size:
            raise _Bad("a quoted value has no closing quote")
        return "".join(out), pos + 1
    while pos < size and not text[pos].isspace():
        if text[pos] == "\\" and pos + 1 < size:
            pos += 1
        out.append(text[pos])
        pos += 1
    return "".join(out), pos


# --- both ---------------------------------------------------------------------------------------


def _put(fields: dict[str, str], query: dict[str, str], key: str, value: str,
         where: str) -> None:
    if not _KEY.fullmatch(key) or len(key) > 40:
        raise _Bad(f"it has a parameter name that is not a word {where}")
    if key not in KEYWORDS:
        raise _Bad(f"{key!r} is not a libpq connection parameter {where}")
    if key in _FIELDS:
        if key in fields:
            raise _Bad(f"it gives {key} twice")
        fields[key] = value
    else:
        if key in query:
            raise _Bad(f"it gives {key} twice")
        query[key] = value


def _build(fields: dict[str, str], query: dict[str, str]) -> URL:
    if not fields.get("dbname"):
        raise _Bad("it names no database (postgresql://host/DBNAME, or dbname=...)")
    if "\x00" in "".join([*fields.values(), *query.values()]):
        raise _Bad("it holds a NUL character")
    port = fields.get("port")
    number = None
    if port is not None:
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise _Bad("its port is not a number from 1 to 65535 (a password with an "
                       "unencoded '/'?): " + ENCODING_HINT)
        number = int(port)
    host = fields.get("host")
    if host is not None and "," in host:
        raise _Bad("it names several hosts, which this tool does not support; give one")
    return URL.create(
        DRIVER,
        username=fields.get("user"),
        password=fields.get("password"),
        host=host or None,
        port=number,
        database=fields["dbname"],
        query=query,
    )


# --- showing and scrubbing ----------------------------------------------------------------------


def render(url: URL, hide_secrets: bool = True) -> str:
    """``postgresql://user:***@host:port/dbname?key=value``: the password and every secret
    parameter as ``***`` (unless ``hide_secrets`` is False, for a subprocess that needs it)."""
    user = quote(url.username, safe="") if url.username else ""
    secret = None if url.password is None else "***" if hide_secrets else quote(
        str(url.password), safe="")
    userinfo = user + (f":{secret}" if secret is not None else "")
    host = url.host or ""
    query = dict(url.query)
    if host.startswith("/"):
        query = {"host": host, **query}
        host = ""
    elif ":" in host:
        host = f"[{host}]"
    else:
        host = quote(host, safe="")
    netloc = (f"{userinfo}@" if userinfo else "") + host + (f":{url.port}" if url.port else "")
    text = f"postgresql://{netloc}/{quote(url.database or '', safe='')}"
    if query:
        text += "?" + "&".join(
            f"{key}={'***' if key in SECRET_KEYWORDS and hide_secrets else quote(str(_last(value)), safe='/:,')}"  # noqa: E501
            for key, value in query.items())
    return text


def _last(value: object) -> object:
    return value[-1] if isinstance(value, tuple) else value


def secrets_of(url: URL) -> list[str]:
    """The secret values a URL carries (its password, secret query parameters)."""
    found = [str(url.password)] if url.password else []
    found += [str(_last(v)) for k, v in url.query.items() if k in SECRET_KEYWORDS and v]
    return found


# Texts given as database URLs in this process, with what to show instead: a driver or a client
# program may echo them whole.
_GIVEN: dict[str, str] = {}

_URL_USERINFO = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/?#@]*:)(?P<secret>[^\s]*)(?P<at>@)"
)
_SECRET_FIELD = re.compile(
    r"(?P<key>\b(?:pg|ssl)?password|\bscram_client_key|\bscram_server_key|"
    r"\boauth_client_secret)(?P<sep>\s*=\s*)"
    r"(?P<value>'(?:[^'\\]|\\.)*'?|\"(?:[^\"\\]|\\.)*\"?|[^\s&'\",;)]+)",
    re.IGNORECASE,
)
_SECRET_JSON = re.compile(r'(?P<key>"(?:ssl)?password"\s*:\s*)"(?:[^"\\]|\\.)*"', re.IGNORECASE)


def _remember(text: str, url: URL) -> None:
    if secrets_of(url):
        shown = render(url)
        for raw in {text, text.strip(), url.render_as_string(hide_password=False),
                    render(url, hide_secrets=False)}:
            if raw:
                _GIVEN[raw] = shown


def scrub(text: str, *urls: str | URL) -> str:
    """``text`` with every database URL and ``password=`` field it holds masked: the texts
    given as URLs (here or parsed before), any ``scheme://user:secret@`` and any
    ``password=...`` (or ``"password": "..."``). Words around them are left as they are."""
    given = dict(_GIVEN)
    for url in urls:
        if isinstance(url, URL):
            if secrets_of(url):
                given[url.render_as_string(hide_password=False)] = render(url)
                given[render(url, hide_secrets=False)] = render(url)
        elif url:
            given.setdefault(url, "(a database URL)")
    for raw in sorted(given, key=len, reverse=True):
        text = text.replace(raw, given[raw])
    text = _URL_USERINFO.sub(lambda m: f"{m['head']}***{m['at']}", text)
    text = _SECRET_FIELD.sub(lambda m: f"{m['key']}{m['sep']}***", text)
    return _SECRET_JSON.sub(lambda m: f'{m["key"]}"***"', text)


def mask(url: str | URL) -> str:
    """A URL (or a text given as one) safe for any output."""
    if isinstance(url, URL):
        return render(url)
    try:
        return render(parse(url))
    except UsageError:
        return "(a database URL that does not parse)"
