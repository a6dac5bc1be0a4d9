"""citrine-state: a declarative state-diff migrator for the CitrineOS PostgreSQL database.

The engine (this package) knows nothing about CitrineOS; the project folder it is pointed at
(``migration-config.json``, ``schema/``, ``snapshots/``, ``versions/``) holds the content.
"""

__version__ = "0.1.0"
