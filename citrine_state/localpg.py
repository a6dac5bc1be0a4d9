"""The managed local PostgreSQL: created on first use from the binaries on this machine.

The cluster lives under ``<project>/.citrine/`` (or, where the server's user cannot enter that
folder, under /var/tmp, said on creation), listens on 127.0.0.1 only, on a free port, with a
password known only to ``.citrine/cluster.json`` (mode 0600). PostgreSQL refuses to run as root,
so when we are root the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import LocalClusterError

SUPERUSER = "citrine"
DATABASE = "citrine"
SERVER_OS_USER = "postgres"
STATE_FILE = "cluster.json"


@dataclass
class Cluster:
    """Where a cluster lives and how to reach it; persisted as ``cluster.json``."""

    datadir: str
    bindir: str
    port: int
    password: str
    os_user: str | None  # the user the server runs as when we are root; None: ourselves
    fsync: bool = True

    @property
    def version(self) -> str:
        return (Path(self.datadir) / "PG_VERSION").read_text().strip()

    def url(self, database: str = DATABASE, with_password: bool = True) -> str:
        secret = self.password if with_password else "***"
        return f"postgresql://{SUPERUSER}:{secret}@127.0.0.1:{self.port}/{database}"

    @property
    def logfile(self) -> Path:
        return Path(self.datadir).parent / "server.log"

    @property
    def socketdir(self) -> Path:
        return Path(self.datadir).parent / "run"


# --- finding the binaries --------------------------------------------------------------------


def find_bindir() -> Path:
    """The newest PostgreSQL server binaries: PATH, then ``pg_config --bindir``, then Debian's
    versioned folders."""
    candidates: list[Path] = []
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
            if out.returncode == 0:
                candidates.append(Path(out.stdout.strip()))
        except OSError:
            pass
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: _major(p.parent.name),
        reverse=True,
    )
    candidates.extend(debian)
    for path in candidates:
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    raise LocalClusterError(
        "no PostgreSQL server binaries found (initdb, pg_ctl): install them, e.g. "
        "`apt-get install postgresql-15 postgresql-15-postgis-3`, or pass --database-url"
    )


def _major(text: str) -> int:
    match = re.match(r"\d+", text)
    return int(match.group()) if match else 0


def binary_major(bindir: Path) -> int:
    out = subprocess.run([str(bindir / "initdb"), "--version"], capture_output=True, text=True)
    match = re.search(r"(\d+)(?:\.\d+)?", out.stdout)
    return int(match.group(1)) if match else 0


# --- running things as the server's user -----------------------------------------------------


def _server_user() -> str | None:
    """None when we may run the server ourselves; else the unprivileged user to run it as."""
    if os.geteuid() != 0:
        return None
    import pwd

    try:
        pwd.getpwnam(SERVER_OS_USER)
    except KeyError:
        raise LocalClusterError(
            "running as root, and there is no 'postgres' user to run the server as: "
            "create one (useradd --system postgres) or pass --database-url"
        ) from None
    return SERVER_OS_USER


def _as_server_user(cmd: list[str], os_user: str | None) -> list[str]:
    if os_user is None:
        return cmd
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", os_user, "--", *cmd]


def _run(cmd: list[str], os_user: str | None, what: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        _as_server_user(cmd, os_user), capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise LocalClusterError(f"{what} failed: {detail[-1] if detail else proc.returncode}")
    return proc


def _chown(path: Path, os_user: str | None) -> None:
    if os_user is None:
        return
    import pwd

    entry = pwd.getpwnam(os_user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _user_can(os_user: str | None, path: Path, *tests: str) -> bool:
    """Whether ``os_user`` passes the ``test`` flags (-w, -x ...) on ``path``."""
    if os_user is None:
        return True
    test = shutil.which("test") or "/usr/bin/test"
    args: list[str] = []
    for flag in tests:
        args += (["-a"] if args else []) + [flag, str(path)]
    proc = subprocess.run(_as_server_user([test, *args], os_user), capture_output=True)
    return proc.returncode == 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex(("127.0.0.1", port)) == 0


# --- the cluster's state file ----------------------------------------------------------------


def state_dir(project_dir: Path) -> Path:
    return project_dir / ".citrine"


def load(project_dir: Path) -> Cluster | None:
    path = state_dir(project_dir) / STATE_FILE
    if not path.is_file():
        return None
    try:
        return Cluster(**json.loads(path.read_text()))
    except (ValueError, TypeError) as exc:
        raise LocalClusterError(
            f"{path} is damaged ({exc}); remove .citrine/ to start over"
        ) from None


def _save(project_dir: Path, cluster: Cluster) -> None:
    folder = state_dir(project_dir)
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / STATE_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(asdict(cluster), handle, indent=2)
    os.chmod(path, 0o600)


# --- create / start / stop --------------------------------------------------------------------


def init_cluster(home: Path, *, fsync: bool = True, bindir: Path | None = None) -> Cluster:
    """initdb a new password-protected cluster in ``home/pgdata`` (``home`` must not exist yet
    or be empty) and return its description; does not start it."""
    bindir = bindir or find_bindir()
    os_user = _server_user()
    home.mkdir(parents=True, exist_ok=True)
    _chown(home, os_user)
    if not _user_can(os_user, home, "-w", "-x"):
        raise LocalClusterError(f"the '{os_user}' user cannot write to {home}")
    password = secrets.token_urlsafe(24)
    pwfile = home / ".pw"
    pwfile.write_text(password + "\n")
    _chown(pwfile, os_user)
    os.chmod(pwfile, 0o600)
    datadir = home / "pgdata"
    try:
        _run(
            [
                str(bindir / "initdb"),
                "-D", str(datadir),
                "-U", SUPERUSER,
                f"--pwfile={pwfile}",
                "-A", "scram-sha-256",
                "-E", "UTF8",
                "--locale=C",
            ],
            os_user,
            "initdb",
        )
    finally:
        pwfile.unlink(missing_ok=True)
    socketdir = home / "run"
    socketdir.mkdir(exist_ok=True)
    _chown(socketdir, os_user)
    cluster = Cluster(
        datadir=str(datadir),
        bindir=str(bindir),
        port=free_port(),
        password=password,
        os_user=os_user,
        fsync=fsync,
    )
    return cluster


def _settings(cluster: Cluster) -> str:
    opts = [
        f"-p {cluster.port}",
        "-c listen_addresses=127.0.0.1",
        f"-c unix_socket_directories={cluster.socketdir}",
        "-c max_connections=200",
    ]
    if not cluster.fsync:
        opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    return " ".join(opts)


def is_running(cluster: Cluster) -> bool:
    proc = subprocess.run(
        _as_server_user([str(Path(cluster.bindir) / "pg_ctl"), "-D", cluster.datadir, "status"],
                        cluster.os_user),
        capture_output=True,
        text=True,
    )
    return proc.returncode == 0


def start(cluster: Cluster) -> None:
    if is_running(cluster):
        return
    _run(
        [
            str(Path(cluster.bindir) / "pg_ctl"),
            "-D", cluster.datadir,
            "-l", str(cluster.logfile),
            "-w", "-t", "60",
            "-o", _settings(cluster),
            "start",
        ],
        cluster.os_user,
        f"starting PostgreSQL (log: {cluster.logfile})",
    )


def stop(cluster: Cluster) -> bool:
    """Stop the server; False if it was not running."""
    if not is_running(cluster):
        return False
    _run(
        [str(Path(cluster.bindir) / "pg_ctl"), "-D", cluster.datadir, "-m", "fast", "-w", "stop"],
        cluster.os_user,
        "stopping PostgreSQL",
    )
    return True


def require_postgis(cluster: Cluster) -> None:
    """Fail with what to install when PostGIS is missing for this server's version."""
    from . import db

    with db.connect(cluster.url("postgres")) as conn:
        found = conn.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'"
        ).first()
    if not found:
        major = cluster.version
        raise LocalClusterError(
            f"PostGIS is not installed for PostgreSQL {major} ({cluster.bindir}): install it, "
            f"e.g. `apt-get install postgresql-{major}-postgis-3`"
        )


def _home_for(project_dir: Path, os_user: str | None) -> tuple[Path, str | None]:
    """Where the cluster's files go, and a note when that is not inside the project."""
    home = state_dir(project_dir) / "pg"
    state_dir(project_dir).mkdir(mode=0o700, exist_ok=True)
    if os_user is None:
        return home, None
    # The server's user must be able to reach the folder through every parent.
    probe = state_dir(project_dir)
    os.chmod(probe, 0o711)
    if _user_can(os_user, probe, "-x"):
        return home, None
    digest = hashlib.sha256(str(project_dir.resolve()).encode()).hexdigest()[:12]
    fallback = Path("/var/tmp/citrine-state") / digest
    note = (
        f"the '{os_user}' user cannot enter {probe}, so the managed PostgreSQL keeps its files "
        f"in {fallback} instead"
    )
    fallback.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(fallback.parent, 0o711)
    return fallback, note


def ensure(project_dir: Path, *, create: bool = True, say=None) -> Cluster:
    """The project's cluster, created on first use and started if stopped, with its database
    and PostGIS available. ``say`` receives one-line notes for the user (stderr)."""
    say = say or (lambda text: print(text, file=sys.stderr))
    cluster = load(project_dir)
    if cluster is None:
        if not create:
            raise LocalClusterError("the managed PostgreSQL has not been created yet")
        bindir = find_bindir()
        home, note = _home_for(project_dir, _server_user())
        if note:
            say(note)
        if (home / "pgdata").exists():
            shutil.rmtree(home / "pgdata")
        say(f"creating the managed PostgreSQL {binary_major(bindir)} cluster in {home} ...")
        cluster = init_cluster(home, bindir=bindir)
        _save(project_dir, cluster)
    elif not Path(cluster.datadir).is_dir():
        raise LocalClusterError(
            f"the managed cluster's files are gone ({cluster.datadir}); remove "
            f"{state_dir(project_dir) / STATE_FILE} to create a new one"
        )
    if not is_running(cluster):
        if _port_taken(cluster.port):
            cluster.port = free_port()
            _save(project_dir, cluster)
        start(cluster)
    require_postgis(cluster)
    _ensure_database(cluster)
    return cluster


def _ensure_database(cluster: Cluster) -> None:
    from . import db

    if not db.database_exists(cluster.url()):
        db.create_database(cluster.url())
