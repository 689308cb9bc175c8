"""Test-wide settings: Qt draws offscreen, torch uses the machine's two cores predictably."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
