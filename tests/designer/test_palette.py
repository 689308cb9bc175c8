"""The palette: generated from the catalogue, filtered by search, adds by double-click or drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from designer import style
from designer.commands import AddBlock
from designer.editor import DesignEditor
from designer.palette import KIND_ROLE
from designer.view import KIND_MIME
from engine.catalogue import KINDS
from tests.designer.helpers import assert_scene_matches


def test_palette_lists_every_kind_of_the_catalogue(editor: DesignEditor) -> None:
    assert sorted(editor.palette.visible_kinds()) == sorted(KINDS)
    item = editor.palette.item("lstm")
    assert item.data(0, KIND_ROLE) == "lstm"
    assert "Long short-term memory" in item.toolTip(0)


def test_search_filters_by_title_kind_and_help(editor: DesignEditor, qtbot: QtBot) -> None:
    palette = editor.palette
    qtbot.keyClicks(palette.search, "gate")
    assert set(palette.visible_kinds()) >= {"gru", "lstm"}
    assert "dense" not in palette.visible_kinds()
    palette.search.setText("pool")
    assert palette.visible_kinds() == ["pool"]
    palette.search.setText("no such block")
    assert palette.visible_kinds() == []
    palette.search.clear()
    assert len(palette.visible_kinds()) == len(KINDS)


def test_double_click_adds_a_block_at_the_centre(editor: DesignEditor, qtbot: QtBot) -> None:
    palette = editor.palette
    palette.resize(260, 700)
    palette.show()
    tree = palette.tree
    rect = tree.visualItemRect(palette.item("gru"))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    stack = editor.document.undo_stack
    assert stack.count() == 1 and isinstance(stack.command(0), AddBlock)
    assert "gru" in editor.document.design.blocks
    assert editor.selected_block_ids() == ["gru"]
    item = editor.scene.blocks["gru"]
    centre = editor.view.mapToScene(editor.view.viewport().rect().center())
    assert item.sceneBoundingRect().adjusted(-300, -300, 300, 300).contains(centre)
    assert_scene_matches(editor)


def test_enter_in_the_palette_adds_the_current_kind(editor: DesignEditor,
                                                     qtbot: QtBot) -> None:
    tree = editor.palette.tree
    tree.setCurrentItem(editor.palette.item("dense"))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert "dense" in editor.document.design.blocks


def test_dragging_a_palette_entry_carries_its_kind(editor: DesignEditor) -> None:
    data = editor.palette.tree.mimeData([editor.palette.item("pool")])
    assert bytes(data.data(KIND_MIME).data()) == b"pool"


def test_drop_on_the_canvas_adds_the_block_where_dropped(editor: DesignEditor) -> None:
    view = editor.view
    data = QMimeData()
    data.setData(KIND_MIME, b"lstm")
    where = QPoint(300, 420)
    enter = QDragEnterEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), drop)
    block = editor.document.design.block("lstm")
    scene_pos = view.mapToScene(where)
    assert abs(block.x + style.BLOCK_WIDTH / 2 - scene_pos.x()) <= style.GRID
    assert abs(block.y + style.HEADER_HEIGHT / 2 - scene_pos.y()) <= style.GRID
    assert block.x % style.GRID == 0 and block.y % style.GRID == 0  # snapped
    assert_scene_matches(editor)


def test_drop_of_an_unknown_kind_is_refused(editor: DesignEditor) -> None:
    editor.view.kind_dropped.emit("teleporter", QPointF(0, 0))
    assert editor.document.undo_stack.count() == 0
    assert "teleporter" in editor.toast.text()
