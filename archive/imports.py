"""Importing a library without the optional ones it probes for at import time.

NLTK's package import pulls in SciPy and scikit-learn (for collocation statistics and a classifier
wrapper the archive never uses), and spaCy's thinc pulls in torch (for layers the NER pipeline never
uses): about 2 s and 2.8 s of a cold `archive ask`. Both libraries treat a missing optional module as
absent, so while they are imported those modules are made to look missing, then restored.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.RLock()


@contextmanager
def hiding(*names: str) -> Iterator[None]:
    """Within the block `import NAME` raises ImportError for each of names not already loaded (one
    already loaded is left alone: nothing that uses it loses it). Afterwards they import normally."""
    with _lock:
        hidden = [name for name in names if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not found" marker
        try:
            yield
        finally:
            for name in hidden:
                if name in sys.modules and sys.modules[name] is None:
                    del sys.modules[name]
