"""Import schemainspect without its two slow start-up habits.

At import, schemainspect reads its 17 SQL queries through ``pkg_resources`` (importing all of
setuptools' resource machinery, ~0.12 s) and finds its own package name for each by calling
``inspect.stack()``, which looks up the source of every frame on the stack (~0.1-0.5 s, more
the deeper the caller). A fresh install pays this once per run: a fifth of its time over the
``psql -f`` floor. So the package is imported in two stages: first its ``misc`` module alone,
with a minimal ``pkg_resources`` in place, whose caller lookup is then replaced by one that
reads the frames' module names directly (the same answer); then the package itself.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import IO


def _resource_stream(module_name: str, subpath: str) -> IO[bytes]:
    """pkg_resources.resource_stream for a module installed as files: the path is relative to
    the folder of ``module_name``'s file."""
    module_file = getattr(sys.modules[module_name], "__file__", None)
    if module_file is None:
        raise FileNotFoundError(f"{module_name} has no file to find {subpath} next to")
    return (Path(module_file).parent / subpath).open("rb")


def _external_caller() -> str:
    """The name of the nearest module on the stack that is not schemainspect.misc."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") == "schemainspect.misc":
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        raise LookupError("no caller outside schemainspect.misc")
    return str(frame.f_globals["__name__"])


def load() -> types.ModuleType:
    """The ``schemainspect`` module, imported fast the first time."""
    if "schemainspect" in sys.modules:
        return sys.modules["schemainspect"]
    spec = importlib.util.find_spec("schemainspect")
    if spec is None or spec.loader is None:
        raise ImportError("schemainspect is not installed")
    package = importlib.util.module_from_spec(spec)
    shim_installed = "pkg_resources" not in sys.modules
    if shim_installed:
        shim = types.ModuleType("pkg_resources")
        shim.resource_stream = _resource_stream  # type: ignore[attr-defined]
        sys.modules["pkg_resources"] = shim
    sys.modules["schemainspect"] = package  # so misc loads without running the package body
    try:
        misc = importlib.import_module("schemainspect.misc")
        misc.external_caller = _external_caller  # type: ignore[attr-defined]
        spec.loader.exec_module(package)
    except BaseException:
        for name in [m for m in sys.modules if m == "schemainspect" or
                     m.startswith("schemainspect.")]:
            del sys.modules[name]
        raise
    finally:
        if shim_installed:
            del sys.modules["pkg_resources"]
    return package
