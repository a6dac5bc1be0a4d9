"""The fast schemainspect import gives the same package as a plain import would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from citrine_state import inspectload
package = inspectload.load()
from schemainspect.pg import obj
folder = Path(obj.__file__).parent
assert obj.ENUMS_QUERY == (folder / "sql" / "enums.sql").read_text(), "enums query differs"
assert obj.ALL_RELATIONS_QUERY == (folder / "sql" / "relations.sql").read_text()
assert "pkg_resources" not in sys.modules, "the stand-in pkg_resources stayed behind"
assert package.get_inspector is not None
from migra import Migration  # migra then finds the same, already imported package
assert sys.modules["schemainspect"] is package
print("ok")
"""


def test_fast_import_reads_the_same_queries_and_leaves_no_stand_in_behind() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
