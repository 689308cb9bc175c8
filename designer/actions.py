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

# lupdate reads the literal context and text of each call (see app/i18n.py)
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from designer.editor import DesignEditor

StandardKey = QKeySequence.StandardKey


def build_actions(editor: DesignEditor) -> dict[str, QAction]:
    """Create the editor's actions (added to ``editor`` so their shortcuts work)."""
    stack = editor.document.undo_stack
    document, view = editor.document, editor.view
    specs: list[tuple[str, str, list[StandardKey | str], Callable[[], object]]] = [
        ("undo", translate("actions", "&Undo"), [StandardKey.Undo], document.undo),
        ("redo", translate("actions", "&Redo"), [StandardKey.Redo, "Ctrl+Y"], document.redo),
        ("cut", translate("actions", "Cu&t"), [StandardKey.Cut], editor.cut_selection),
        ("copy", translate("actions", "&Copy"), [StandardKey.Copy], editor.copy_selection),
        ("paste", translate("actions", "&Paste"), [StandardKey.Paste], editor.paste),
        ("duplicate", translate("actions", "D&uplicate"), ["Ctrl+D"],
         editor.duplicate_selection),
        ("delete", translate("actions", "&Delete"), [StandardKey.Delete, "Backspace"],
         editor.delete_selection),
        ("select_all", translate("actions", "Select &All"), [StandardKey.SelectAll],
         editor.select_all),
        ("rename", translate("actions", "Re&name…"), ["F2"], editor.rename_selected),
        ("fit", translate("actions", "&Fit to View"), ["F"], view.fit),
        ("zoom_in", translate("actions", "Zoom &In"), [StandardKey.ZoomIn, "Ctrl+="],
         view.zoom_in),
        ("zoom_out", translate("actions", "Zoom &Out"), [StandardKey.ZoomOut], view.zoom_out),
        ("zoom_reset", translate("actions", "Actual &Size"), ["Ctrl+0"], view.zoom_reset),
        ("tidy", translate("actions", "&Tidy Layout"), ["Ctrl+L"], editor.tidy),
        ("snap", translate("actions", "&Snap to Grid"), ["Ctrl+G"], lambda: None),
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
        self.undo.setText(translate("actions", "&Undo {what}").format(what=text) if text
                          else translate("actions", "&Undo"))

    def _on_redo_text_changed(self, text: str) -> None:
        self.redo.setText(translate("actions", "&Redo {what}").format(what=text) if text
                          else translate("actions", "&Redo"))
