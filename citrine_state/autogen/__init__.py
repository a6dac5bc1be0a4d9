"""Generation: what writes migrations (``manager batch``, ``manager new-version``, ``manager
new-step``), kept apart from what runs them, as alembic keeps autogenerate apart from its
runtime. The runner side (``runner``, ``online_run``, ``consolidated_run`` and below) never
imports this package, an import-linter contract in ``pyproject.toml`` says so; generation may
use the runner's pieces (it replays what it writes on shadow databases)."""
