"""Import PyTorch and the training half of the window off the GUI thread.

Importing torch takes 2-3 s, longer than the rest of the start-up together. The window
does not need it to show a design: the canvas, the palette, the inspector and the
Problems list are torch-free. So :func:`app.__main__.run_gui` shows the window first and
then starts a :class:`Preloader`, which imports torch, pyqtgraph and the modules of the
Data & training, plots and try-it panels on a plain Python thread. Only module imports
run there (no widget is built, no Qt object but the preloader's signal is touched);
when they are done, ``ready`` arrives on the GUI thread over a queued connection and the
window builds those panels in a few milliseconds.

Python holds the GIL while it loads an extension's shared libraries, and loading
torch's (hundreds of megabytes, with their static initialisers) took 0.3-0.4 s here: a
frozen window. So on Linux the preloader first loads them by calling the C library's
``dlopen`` through ctypes, which releases the GIL around foreign calls; ``import torch``
then finds them loaded. The imports create some 300,000 objects, and a full pass of the
cyclic garbage collector over them (run by whichever thread happens to allocate) held
the GIL for 0.2-0.3 s, so automatic collection is off during the imports and the new
objects are then frozen out of its sight (``gc.freeze``). The remaining pauses are
reported by the start-up benchmark (tests/benchmarks/bench_startup.py).
"""

from __future__ import annotations

import ctypes
import gc
import importlib
import importlib.util
import logging
import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

#: torch's own libraries in load order (those that exist are loaded; none calls Python).
TORCH_LIBRARIES: tuple[str, ...] = ("libc10.so", "libtorch_cpu.so", "libc10_cuda.so",
                                    "libtorch_cuda.so", "libtorch.so")

#: Everything the training panels import, in dependency order.
HEAVY_MODULES: tuple[str, ...] = (
    "torch",
    # What building the first optimiser imports (seconds of it). Here, not after ``ready``:
    # imported while the panels' background work ran torch, it failed half-way (torch's
    # lazily populated operator namespaces are not safe to import from two threads).
    "torch._dynamo",
    "pyqtgraph",
    "engine.compiler",
    "engine.data.load",
    "engine.training.trainer",
    "app.worker",
    "app.plots",
    "app.training_panel",
    "app.tryit",
)
#: Imported after ``ready`` (none at present: see the note on ``torch._dynamo``).
LATER_MODULES: tuple[str, ...] = ()


class Preloader(QObject):
    """Imports :data:`HEAVY_MODULES` on a background thread, once.

    ``ready`` is emitted when every import succeeded, ``failed(message)`` otherwise (a
    broken PyTorch installation, say): connect both with a queued connection to slots of
    objects living on the GUI thread.
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(self, modules: tuple[str, ...] = HEAVY_MODULES,
                 later: tuple[str, ...] = LATER_MODULES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.modules = modules
        self.later = later
        self.seconds = 0.0
        self.error = ""
        self._done = threading.Event()
        self._finished = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def done(self) -> bool:
        """Whether :attr:`modules` are imported (``ready`` or ``failed`` was emitted)."""
        return self._done.is_set()

    def start(self) -> None:
        if self._thread is not None:
            return
        # A daemon thread: closing the window during the imports must not hang the exit.
        self._thread = threading.Thread(target=self._run, name="recurrente-preload",
                                        daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until all imports, later ones included, are over (or ``timeout`` seconds).

        True when over; at once when the preloader was never started.
        """
        if self._thread is None:
            return True
        return self._finished.wait(timeout)

    def _run(self) -> None:
        start = time.perf_counter()
        if "torch" in self.modules and "torch" not in sys.modules:
            load_torch_libraries()
        collecting = gc.isenabled()
        gc.disable()
        try:
            for name in self.modules:
                importlib.import_module(name)
        except Exception as exc:  # any import failure: the window says so, never crashes
            log.exception("importing the training modules failed")
            self.error = (f"PyTorch or a training module could not be loaded "
                          f"({type(exc).__name__}: {exc}). Designs can still be edited and "
                          f"saved; training needs a working PyTorch installation.")
        self.seconds = time.perf_counter() - start
        gc.freeze()  # before ready: the panels it builds start a collector on the GUI thread
        self._done.set()
        if self.error:
            self._end(collecting)
            self.failed.emit(self.error)
            return
        self.ready.emit()
        try:
            for name in self.later:
                importlib.import_module(name)
        except Exception:  # only an optimisation: the first run imports them again
            log.exception("preloading %s failed", ", ".join(self.later))
        finally:
            self._end(collecting)

    def _end(self, collecting: bool) -> None:
        gc.freeze()  # module-level objects live as long as the process: never scan them
        # Back on, unless the training controller took collection over meanwhile (it
        # collects on the GUI thread only, see app.worker.collect_garbage_on_gui_thread).
        worker = sys.modules.get("app.worker")
        managed = worker is not None and getattr(worker, "_collector", None) is not None
        if collecting and not managed and not gc.isenabled():
            gc.enable()
        self._finished.set()


def load_torch_libraries() -> int:
    """Load torch's shared libraries with the GIL released; returns how many were loaded.

    Best effort, Linux only: anything unexpected (no spec, another platform, a library
    that does not load) stops it quietly, and ``import torch`` loads the rest as usual.
    They are loaded ``RTLD_LOCAL``, as the extension's own loading would.
    """
    if not sys.platform.startswith("linux"):
        return 0
    try:
        spec = importlib.util.find_spec("torch")
        if spec is None or spec.origin is None:
            return 0
        folder = Path(spec.origin).parent / "lib"
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen  # a foreign call: ctypes releases the GIL during it
        dlopen.restype = ctypes.c_void_p
        dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    except (OSError, AttributeError, ImportError, ValueError):
        return 0
    loaded = 0
    for name in TORCH_LIBRARIES:
        path = folder / name
        if not path.is_file():
            continue
        if not dlopen(os.fsencode(path), os.RTLD_NOW | os.RTLD_LOCAL):
            break
        loaded += 1
    return loaded
