"""numpy, imported the first time one of its names is read.

The rules and the ledger work over numpy arrays, but a command such as
``selftrust check`` judges one day from one check-in and never touches an array:
importing numpy for it would cost about a third of a bare ``import sqlmodel``. The
modules on that path write ``np.…`` as usual and get this stand-in; type checkers see
numpy itself::

    if TYPE_CHECKING:
        import numpy as np
    else:
        from selftrust.base.lazy_numpy import np

Each name is looked up once; afterwards it is a plain attribute of the stand-in.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _LazyNumpy(ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like probing: not numpy's to say
            raise AttributeError(name)
        value = getattr(importlib.import_module("numpy"), name)
        setattr(self, name, value)
        return value


np = _LazyNumpy("numpy")
