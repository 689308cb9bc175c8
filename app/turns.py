"""Taking turns for the GIL between the GUI thread's drawing and the training loop.

Both threads run Python, so both need the GIL. Left to themselves they hand it over at
every torch operation of the training step and at every call from Qt into pyqtgraph's
Python items while a plot paints: many hand-overs per paint, each a wake-up of the
other thread on another core. Measured on a tiny model (a training step of 3 ms, pure
Python between small operations), that churn cost training 17% of its speed while the GUI
thread was busy 3% of the time. So the GUI thread holds :data:`DRAWING` while it takes in
events or draws, and the training loop waits on it between batches (:func:`wait_for_gui`):
training then loses about the drawing's time.
"""

from __future__ import annotations

import threading

DRAWING = threading.RLock()  # reentrant: a paint may happen inside a draw


def wait_for_gui() -> None:
    """Between batches, on the training thread: let a draw in progress finish first."""
    with DRAWING:
        pass
