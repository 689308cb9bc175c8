"""The canvas by mouse and keyboard: select, move, snap, nudge, delete, shortcuts, zoom, pan."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from designer import style
from designer.commands import MoveBlocks, TidyLayout
from designer.editor import DesignEditor
from designer.view import MAX_ZOOM, MIN_ZOOM
from engine.design import PortRef, Wire
from tests.designer.helpers import MakeEditor, assert_scene_matches


def header_point(editor: DesignEditor, block_id: str) -> QPoint:
    """A point on the block's header, in viewport coordinates."""
    item = editor.scene.blocks[block_id]
    return editor.view.mapFromScene(item.mapToScene(QPointF(60, 12)))


def click(qtbot: QtBot, editor: DesignEditor, pos: QPoint,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def drag(qtbot: QtBot, editor: DesignEditor, start: QPoint, end: QPoint,
         button: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    viewport = editor.view.viewport()
    qtbot.mousePress(viewport, button, pos=start)
    for k in range(1, 5):
        qtbot.mouseMove(viewport, start + (end - start) * (k / 4))
    qtbot.mouseRelease(viewport, button, pos=end)


def focus(editor: DesignEditor, qtbot: QtBot) -> None:
    editor.activateWindow()
    editor.view.setFocus()
    qtbot.waitUntil(lambda: editor.view.hasFocus(), timeout=2000)


def test_click_shift_click_and_rubber_band_select(editor: DesignEditor, qtbot: QtBot) -> None:
    editor.view.fit()
    click(qtbot, editor, header_point(editor, "x"))
    assert editor.selected_block_ids() == ["x"]
    click(qtbot, editor, header_point(editor, "y"), Qt.KeyboardModifier.ShiftModifier)
    assert editor.selected_block_ids() == ["x", "y"]
    click(qtbot, editor, header_point(editor, "x"), Qt.KeyboardModifier.ShiftModifier)
    assert editor.selected_block_ids() == ["y"]
    empty = editor.view.mapFromScene(QPointF(-200, 400))
    click(qtbot, editor, empty)
    assert editor.selected_block_ids() == []
    corner = editor.view.mapFromScene(QPointF(-60, -60))
    beyond = editor.view.mapFromScene(QPointF(420, 200))  # covers x and rnn, not y
    drag(qtbot, editor, corner, beyond)
    assert editor.selected_block_ids() == ["x", "rnn"]


def test_dragging_blocks_moves_them_in_one_snapped_command(editor: DesignEditor,
                                                            qtbot: QtBot) -> None:
    editor.view.zoom_reset()
    editor.view.centerOn(300, 100)
    editor.select_all()
    start = header_point(editor, "rnn")
    drag(qtbot, editor, start, start + QPoint(53, 67))
    stack = editor.document.undo_stack
    assert stack.count() == 1 and isinstance(stack.command(0), MoveBlocks)
    design = editor.document.design
    assert (design.block("rnn").x, design.block("rnn").y) == (300, 60)  # snapped to 20
    assert (design.block("x").x, design.block("x").y) == (60, 60)  # moved together
    assert_scene_matches(editor)
    editor.document.undo()
    assert (design.block("rnn").x, design.block("rnn").y) == (240, 0)
    assert_scene_matches(editor)


def test_snap_can_be_turned_off(editor: DesignEditor, qtbot: QtBot) -> None:
    editor.actions["snap"].trigger()
    assert not editor.scene.snap_enabled
    editor.view.zoom_reset()
    editor.view.centerOn(300, 100)
    editor.select_block("rnn", centre=False)
    start = header_point(editor, "rnn")
    drag(qtbot, editor, start, start + QPoint(13, 7))
    block = editor.document.design.block("rnn")
    assert (block.x, block.y) == (253, 7)


def test_arrow_keys_nudge_and_merge(editor: DesignEditor, qtbot: QtBot) -> None:
    focus(editor, qtbot)
    editor.select_block("rnn", centre=False)
    for _ in range(3):
        qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    block = editor.document.design.block("rnn")
    assert (block.x, block.y) == (240 + 3 * style.GRID, 1)
    assert editor.document.undo_stack.count() == 1
    assert_scene_matches(editor)


def test_keyboard_shortcuts(editor: DesignEditor, qtbot: QtBot) -> None:
    focus(editor, qtbot)
    design = editor.document.design
    qtbot.keyClick(editor.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert editor.selected_block_ids() == ["x", "rnn", "y"]
    editor.select_block("y", centre=False)
    qtbot.keyClick(editor.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "y_2" in design.blocks
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert "y_2" not in design.blocks
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "y_2" in design.blocks
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "y_2" not in design.blocks
    editor.select_block("rnn", centre=False)
    qtbot.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "rnn_2" in design.blocks
    editor.view.zoom_reset()
    qtbot.keyClick(editor.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert editor.view.zoom > 1.0
    qtbot.keyClick(editor.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert editor.view.zoom == 1.0
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.view.zoom < 1.0
    editor.view.centerOn(5000, 5000)
    qtbot.keyClick(editor.view, Qt.Key.Key_F)
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert visible.contains(editor.scene.itemsBoundingRect())
    assert editor.actions["undo"].text().startswith("&Undo")
    assert editor.actions["undo"].shortcut().toString() == "Ctrl+Z"


def test_selected_wire_is_deleted(editor: DesignEditor) -> None:
    wire = Wire(PortRef("rnn", "sequence"), PortRef("y", "input"))
    editor.scene.wires[wire].setSelected(True)
    assert editor.selected_wires() == [wire]
    assert editor.delete_selection()
    assert wire not in editor.document.design.wires
    assert editor.document.undo_stack.command(0).text() == "Delete 1 wire(s)"
    assert_scene_matches(editor)


def test_wheel_zooms_around_the_cursor_within_limits(editor: DesignEditor) -> None:
    view = editor.view
    view.zoom_reset()
    anchor = QPoint(200, 150)
    before = view.mapToScene(anchor)

    def wheel(steps: int) -> None:
        event = QWheelEvent(QPointF(anchor), QPointF(view.viewport().mapToGlobal(anchor)),
                            QPoint(0, 0), QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(2)
    assert abs(view.zoom - 1.15 ** 2) < 1e-6
    after = view.mapToScene(anchor)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2
    wheel(-40)
    assert view.zoom == MIN_ZOOM
    wheel(60)
    assert view.zoom == MAX_ZOOM


def test_middle_drag_and_space_drag_pan(editor: DesignEditor, qtbot: QtBot) -> None:
    view = editor.view
    view.zoom_reset()
    view.centerOn(200, 100)

    def centre() -> QPointF:
        return view.mapToScene(view.viewport().rect().center())

    before = centre()
    drag(qtbot, editor, QPoint(400, 300), QPoint(300, 250), Qt.MouseButton.MiddleButton)
    moved = centre()
    assert abs(moved.x() - before.x() - 100) <= 1 and abs(moved.y() - before.y() - 50) <= 1
    assert editor.document.undo_stack.count() == 0 and editor.selected_block_ids() == []
    focus(editor, qtbot)
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(qtbot, editor, QPoint(300, 300), QPoint(340, 300))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert abs(centre().x() - moved.x() + 40) <= 1
    assert editor.selected_block_ids() == []  # no rubber band while panning


def test_tidy_is_one_undoable_step(make_editor: MakeEditor) -> None:
    editor = make_editor("translation")
    document = editor.document
    document.push(MoveBlocks(document, {"target": (-500, 900), "source": (1000, -300)}))
    assert editor.tidy()
    assert isinstance(document.undo_stack.command(1), TidyLayout)
    design = document.design
    xs = [design.block(b).x for b in ("source", "encoder", "decoder", "target")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    assert_scene_matches(editor)
    assert not editor.tidy()  # already tidy: nothing pushed
    document.undo()
    assert design.block("target").x == -500


def test_pinch_zooms(editor: DesignEditor) -> None:
    view = editor.view
    view.zoom_reset()
    centre = QPointF(view.viewport().rect().center())
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                                QPointingDevice.primaryPointingDevice(), 2, centre, centre,
                                QPointF(view.viewport().mapToGlobal(centre.toPoint())), 0.25,
                                QPointF(0, 0), 1)
    QApplication.sendEvent(view.viewport(), event)
    assert abs(view.zoom - 1.25) < 1e-6


def test_zoom_gestures_cache_items_as_pixmaps_until_the_zoom_rests(editor: DesignEditor,
                                                                    qtbot: QtBot) -> None:
    view, scene = editor.view, editor.scene
    view.set_zoom(1.0)
    qtbot.waitUntil(lambda: scene.cache_scale is None, timeout=2000)
    view.set_zoom(1.2)
    assert scene.cache_scale == 1.2  # rescaled pixmaps while the gesture runs
    view.set_zoom(1.4)
    assert scene.cache_scale == 1.2
    qtbot.waitUntil(lambda: scene.cache_scale is None, timeout=2000)  # crisp at rest
    view.set_zoom(0.2)  # far out: items stop painting, the view draws one picture
    item = scene.blocks["rnn"]
    assert scene.far and item.flags() & item.GraphicsItemFlag.ItemHasNoContents
    assert not scene.far_picture().isNull()
    editor.select_block("rnn", centre=False)  # still selectable, picture redrawn
    assert editor.selected_block_ids() == ["rnn"]
    view.set_zoom(1.0)
    assert not scene.far and not item.flags() & item.GraphicsItemFlag.ItemHasNoContents


def test_none_is_guarded_against_the_pyside_refcount_bug() -> None:
    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal")
    from PySide6.QtWidgets import QGraphicsRectItem

    item = QGraphicsRectItem()
    for _ in range(20_000):  # would abort the interpreter without designer.qtfix
        item.setPos(0, 0)
    assert sys.getrefcount(None) > 2**39


def _whole_design_visible(editor: DesignEditor) -> bool:
    view = editor.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    return seen.contains(editor.scene.itemsBoundingRect())


def test_a_fitted_view_fits_again_when_resized_until_moved(make_editor: MakeEditor,
                                                           qtbot: QtBot) -> None:
    editor = make_editor("jsb_chorales")  # six blocks in a row: wider than 500 px
    editor.resize(1400, 700)
    editor.view.fit()
    assert editor.view.zoom == 1.0 and _whole_design_visible(editor)
    editor.resize(500, 700)  # e.g. the window laid out after the design was opened
    qtbot.waitUntil(lambda: editor.view.viewport().width() < 600)
    assert editor.view.zoom < 1.0 and _whole_design_visible(editor)
    editor.resize(1400, 700)
    qtbot.waitUntil(lambda: editor.view.viewport().width() > 1000)
    assert editor.view.zoom == 1.0

    editor.view.zoom_in()  # once the person has moved the view, a resize keeps it
    zoom = editor.view.zoom
    editor.resize(600, 700)
    qtbot.waitUntil(lambda: editor.view.viewport().width() < 700)
    assert editor.view.zoom == zoom
