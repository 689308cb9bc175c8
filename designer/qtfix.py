"""A guard against a reference-counting bug of PySide6 6.12 on CPython 3.11.

PySide6/shiboken6 6.12.0 returns ``None`` from every void or null-pointer Qt call without
taking a new reference to it (and does the same with ``True``/``False`` in a few places),
as if ``None`` were immortal — which it is only from CPython 3.12 on (PEP 683). On 3.11
each such call lowers ``None``'s reference count by one; after a few thousand calls
(``item.setPos(...)`` 5,000 times is enough) the count reaches zero and the interpreter
aborts with "Fatal Python error: none_dealloc". A canvas makes thousands of such calls a
minute, so an editing session would crash.

:func:`make_singletons_immortal` gives ``None``, ``True`` and ``False`` a reference count
so large (2**40) that no session can exhaust it, which is what CPython 3.12 does for
them. It does nothing on 3.12 and later, on debug builds and on other interpreters. The
designer applies it on import; the application should import ``designer`` (or call this)
before it makes its first Qt call. The real fix is a PySide6 without the bug or a Python
where these objects are immortal.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False out of reach; True if done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or \
            hasattr(sys, "gettotalrefcount"):  # immortal already, or a debug build's header
        return False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt leads the header
        if count.value < _HEADROOM:
            count.value += _HEADROOM
    return True
