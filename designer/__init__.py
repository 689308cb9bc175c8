"""The design canvas: scene, items, palette, inspector, undo commands (see designer.editor).

Importing the package guards the interpreter against a reference-counting bug of PySide6
6.12 on CPython 3.11 (see :mod:`designer.qtfix`).
"""

from designer.qtfix import make_singletons_immortal

make_singletons_immortal()
