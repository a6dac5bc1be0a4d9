"""One plain function per operation, returning result objects; the CLI is a thin layer on top.

Usable from Python::

    from citrine_state import api
    project = api.open_project("path/to/project")
    result = api.verify(project, "postgresql://...")

This module only gathers the operations; each lives in the module of its path:

- ``basics``: the project, the database URL, the lock options of a run, snapshots;
- ``localdb``: the managed local cluster;
- ``inspection``: ``status`` and ``verify`` (read only);
- ``history``: the plan and the checks every writing command makes before it runs;
- ``individual``: the step path (``migrate``, ``check``, ``undo``);
- ``upgrade``: the version path (``to_version``, ``consolidated``, ``rollback``) and
  ``manager_batch``;
- ``batches``, ``operations``, ``versions``: custom batches; backup, restore, reports; new
  versions and steps.
"""

from ..progress import Say
from ..status import History, Status, history_of
from .basics import (
    URL_VARIABLES,
    LockOptions,
    database_url,
    given_database_url,
    open_project,
    render_snapshots,
)
from .history import HistoryDrift, Plan, accept_edits, plan
from .individual import CheckResult, MigrateResult, StepRun, check, migrate, undo
from .inspection import VerifyResult, status, verify
from .localdb import ClusterStatus, db_start, db_status, db_stop, db_url
from .upgrade import (
    ConsolidatedResult,
    VersionResult,
    consolidated,
    manager_batch,
    rollback,
    to_version,
)

__all__ = [
    "URL_VARIABLES", "CheckResult", "ClusterStatus", "ConsolidatedResult", "History",
    "HistoryDrift", "LockOptions", "MigrateResult", "Plan", "Say", "Status", "StepRun",
    "VerifyResult", "VersionResult", "accept_edits", "check", "consolidated", "database_url",
    "db_start", "db_status", "db_stop", "db_url", "given_database_url", "history_of",
    "manager_batch", "migrate", "open_project", "plan", "render_snapshots", "rollback",
    "status", "to_version", "undo", "verify",
]
