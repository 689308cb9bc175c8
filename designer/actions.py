"""The editor's actions: every canvas verb as a QAction with its usual shortcut.

The desktop application puts these actions in its menus and toolbar, and the canvas
answers their shortcuts while it (or a child) has the focus — so typing "F" in the
palette's search box never fits the view. Undo and redo go through the document, which
refuses a network edit while a training run holds the lock; their texts follow the stack
("Undo Add LSTM").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from designer.editor import DesignEditor

StandardKey = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def build_actions(editor: DesignEditor) -> dict[str, QAction]:
    """Create the editor's actions (added to ``editor`` so their shortcuts work)."""
    stack = editor.document.undo_stack
    specs: list[tuple[str, str, list[StandardKey | str], Callable[[], object]]] = [
        ("undo", _tr("&Undo"), [StandardKey.Undo], editor.document.undo),
        ("redo", _tr("&Redo"), [StandardKey.Redo, "Ctrl+Y"], editor.document.redo),
        ("cut", _tr("Cu&t"), [StandardKey.Cut], editor.cut_selection),
        ("copy", _tr("&Copy"), [StandardKey.Copy], editor.copy_selection),
        ("paste", _tr("&Paste"), [StandardKey.Paste], editor.paste),
        ("duplicate", _tr("D&uplicate"), ["Ctrl+D"], editor.duplicate_selection),
        ("delete", _tr("&Delete"), [StandardKey.Delete, "Backspace"], editor.delete_selection),
        ("select_all", _tr("Select &All"), [StandardKey.SelectAll], editor.select_all),
        ("rename", _tr("Re&name…"), ["F2"], editor.rename_selected),
        ("fit", _tr("&Fit to View"), ["F"], editor.view.fit),
        ("zoom_in", _tr("Zoom &In"), [StandardKey.ZoomIn, "Ctrl+="], editor.view.zoom_in),
        ("zoom_out", _tr("Zoom &Out"), [StandardKey.ZoomOut], editor.view.zoom_out),
        ("zoom_reset", _tr("Actual &Size"), ["Ctrl+0"], editor.view.zoom_reset),
        ("tidy", _tr("&Tidy Layout"), ["Ctrl+L"], editor.tidy),
        ("snap", _tr("&Snap to Grid"), ["Ctrl+G"], lambda: None),
    ]
    actions: dict[str, QAction] = {}
    for name, text, keys, slot in specs:
        action = QAction(text, editor)
        action.setShortcuts(_bindings(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setObjectName(f"designer_{name}")
        if name != "snap":
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        editor.addAction(action)
        actions[name] = action
    snap = actions["snap"]
    snap.setCheckable(True)
    snap.setChecked(editor.scene.snap_enabled)
    snap.toggled.connect(editor.set_snap)
    undo, redo = actions["undo"], actions["redo"]
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    texts = _UndoTexts(undo, redo)
    stack.undoTextChanged.connect(texts._on_undo_text_changed)
    stack.redoTextChanged.connect(texts._on_redo_text_changed)
    return actions


def _bindings(keys: list[StandardKey | str]) -> list[QKeySequence]:
    """Every platform binding of ``keys``, without duplicates (Ctrl+Y may be standard)."""
    result: list[QKeySequence] = []
    for key in keys:
        for seq in (QKeySequence.keyBindings(key) if isinstance(key, StandardKey)
                    else [QKeySequence(key)]):
            if not seq.isEmpty() and seq not in result:
                result.append(seq)
    return result


class _UndoTexts(QObject):
    """Keeps the texts of Undo and Redo on what they would do (dies with the actions)."""

    def __init__(self, undo: QAction, redo: QAction) -> None:
        super().__init__(undo)
        self.undo, self.redo = undo, redo

    def _on_undo_text_changed(self, text: str) -> None:
        self.undo.setText(_tr("&Undo {what}").format(what=text) if text else _tr("&Undo"))

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo.setText(_tr("&Redo {what}").format(what=text) if text else _tr("&Redo"))
