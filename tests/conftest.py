"""Test-wide settings: Qt draws offscreen; torch runs on one thread.

One intra-op thread keeps the small models of the tests fast and their timing steady on
a two-core machine where the GUI thread, a training thread and pytest share the cores
(oneDNN's spinning threads slow down badly when oversubscribed). Benchmarks set their
own thread counts.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch

torch.set_num_threads(1)
