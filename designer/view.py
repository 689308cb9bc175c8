"""The view: a pannable, zoomable window onto the scene, on a dotted grid.

:class:`DesignView` adds to ``QGraphicsView`` what a node editor needs: zoom with the
wheel (around the cursor), a pinch on a touchpad, or the keyboard (the editor's actions
call :meth:`zoom_in` / :meth:`zoom_out` / :meth:`zoom_reset`), between 15 % and 300 %;
pan with the middle button or with the space bar held while dragging (two-finger scrolling
on a touchpad pans too); a rubber band on the empty canvas selects; :meth:`fit` shows the
whole design (never above 100 %, so a small design stays at reading size). It accepts
blocks dragged from the palette and reports them as :attr:`kind_dropped`.

The grid is drawn in :meth:`drawBackground` as dots from a prebuilt tile translated over
the exposed area (building points in Python for every repaint would cost more than the
rest of the frame); at small zooms only every fifth dot, so a zoomed-out repaint costs no
more than a close one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QPinchGesture, QWidget

from designer import style
from designer.scene import DesignScene

KIND_MIME = "application/x-recurrente-block-kind"
MIN_ZOOM, MAX_ZOOM = 0.15, 3.0
ZOOM_SETTLE_MS = 180
FAR_PIXMAP_LIMIT = 4096  # beyond this, the far picture is replayed without a pixmap
DOT_TILE = 8  # grid dots are drawn in tiles of 8 x 8, translated to cover the view


class DesignView(QGraphicsView):
    """The canvas widget."""

    kind_dropped = Signal(str, QPointF)  # a palette kind dropped at a scene position
    zoom_changed = Signal(float)
    nudge_requested = Signal(float, float)  # arrow keys: move the selection

    def __init__(self, scene: DesignScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._dot_tiles: dict[float, QPolygonF] = {}
        self._far_pixmap: QPixmap | None = None
        self._far_key: tuple[int, float] | None = None
        self._settle = QTimer(self)  # a zoom gesture ends when the zoom rests this long
        self._settle.setSingleShot(True)
        self._settle.setInterval(ZOOM_SETTLE_MS)
        self._settle.timeout.connect(self._on_zoom_settled)
        self._pan_from: QPoint | None = None
        self._space = False
        # Fitted and not moved since: a resize (the window laid out, a dock opened) fits
        # again, so a design opened before the window had its size is still seen whole.
        self._fitted = False

    # --- zoom -------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``zoom`` (clamped), keeping ``anchor`` (scene) under the same pixel."""
        self._fitted = False
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        else:
            before = self.mapFromScene(anchor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            delta = self.mapFromScene(anchor) - before
            self._scroll_by(delta.x(), delta.y())
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._cache_for(zooming=True)
        self.zoom_changed.emit(self.zoom)

    def _cache_for(self, zooming: bool) -> None:
        """Choose how items cache themselves (see ``DesignScene.set_cache_scale``).

        Far out (no text drawn), items do not paint at all: the scene's far picture
        stands for them (see :mod:`designer.overview`). Closer, they cache at device
        resolution for crisp text, except during a zoom gesture, when the pixmaps of its
        start are rescaled until the zoom rests.
        """
        scene = self.scene()
        if not isinstance(scene, DesignScene):
            return
        scene.set_far(self.zoom < style.LOD_TEXT)
        if zooming:
            self._settle.start()
        if self.zoom < style.LOD_TEXT:
            return  # items do not paint: the view draws the scene's far picture
        if zooming:
            if scene.cache_scale is None:
                scene.set_cache_scale(min(self.zoom, 2.0))
        else:
            scene.set_cache_scale(None)

    def _on_zoom_settled(self) -> None:
        self._cache_for(zooming=False)
        scene = self.scene()
        if isinstance(scene, DesignScene) and scene.far:
            self.viewport().update()  # render the far picture at the zoom it rested at

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.25)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show every block (at most at 100 %)."""
        bounds = self.scene().itemsBoundingRect()
        if bounds.isEmpty():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        bounds = bounds.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        zoom = min(view.width() / bounds.width(), view.height() / bounds.height(), 1.0)
        self.set_zoom(zoom)
        self.centerOn(bounds.center())
        self._fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def centre_on(self, rect: QRectF) -> None:
        self._fitted = False
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        pixel = event.pixelDelta()
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not pixel.isNull() and not ctrl:  # a touchpad's two-finger scroll pans
            self.pan_by(pixel.x(), pixel.y())
            event.accept()
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom * (1.15 ** steps), self.mapToScene(event.position().toPoint()))
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            gesture: QNativeGestureEvent = event  # type: ignore[assignment]
            if gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                anchor = self.mapToScene(gesture.position().toPoint())
                self.set_zoom(self.zoom * (1.0 + gesture.value()), anchor)
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self.set_zoom(self.zoom * pinch.scaleFactor())
                return True
        return super().viewportEvent(event)

    # --- pan --------------------------------------------------------------------------------

    def _scroll_by(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the picture by ``(dx, dy)`` pixels (as a hand drag would)."""
        self._fitted = False
        self._scroll_by(-dx, -dy)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                  Qt.Key.Key_Down: (0, 1)}
        if event.key() in arrows and self.scene().selectedItems():
            dx, dy = arrows[event.key()]  # type: ignore[index]
            fine = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            step = 1.0 if fine else style.GRID
            self.nudge_requested.emit(dx * step, dy * step)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # --- palette drops ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasFormat(KIND_MIME):
            kind = bytes(event.mimeData().data(KIND_MIME).data()).decode("utf-8", "replace")
            self.kind_dropped.emit(kind, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # --- background -------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, style.BACKGROUND)
        step = style.GRID
        while step * self.zoom < 12:
            step *= 5
        dots = self._dots(step)
        tile = step * DOT_TILE
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(style.GRID_DOT, 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        top = math.floor(rect.top() / tile) * tile
        left = math.floor(rect.left() / tile) * tile
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                painter.translate(x, y)
                painter.drawPoints(dots)
                painter.translate(-x, -y)
                x += tile
            y += tile
        painter.restore()
        scene = self.scene()
        if isinstance(scene, DesignScene) and scene.far:
            self._draw_far(painter, scene)

    def _draw_far(self, painter: QPainter, scene: DesignScene) -> None:
        """The scene's far picture, through a pixmap rendered at the zoom of the moment.

        Panning then costs one blit; during a zoom gesture the pixmap is rescaled, and it
        is rendered again when the zoom rests or the design changes.
        """
        picture = scene.far_picture()
        bounds = QRectF(picture.boundingRect()).adjusted(-4, -4, 4, 4)
        zoom = self.zoom
        if self._far_key is not None and self._far_key[0] == scene.far_version and \
                self._settle.isActive():
            zoom = self._far_key[1]  # mid-gesture: rescale the pixmap we have
        key = (scene.far_version, zoom)
        size = QSize(math.ceil(bounds.width() * zoom), math.ceil(bounds.height() * zoom))
        if size.width() > FAR_PIXMAP_LIMIT or size.height() > FAR_PIXMAP_LIMIT or \
                size.isEmpty():
            painter.drawPicture(0, 0, picture)
            return
        if key != self._far_key or self._far_pixmap is None:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            render = QPainter(pixmap)
            render.scale(zoom, zoom)
            render.translate(-bounds.topLeft())
            render.drawPicture(0, 0, picture)
            render.end()
            self._far_pixmap, self._far_key = pixmap, key
        painter.drawPixmap(bounds, self._far_pixmap, QRectF(self._far_pixmap.rect()))

    def _dots(self, step: float) -> QPolygonF:
        """One tile of grid dots (``DOT_TILE`` x ``DOT_TILE``), built once per spacing."""
        dots = self._dot_tiles.get(step)
        if dots is None:
            dots = QPolygonF([QPointF(i * step, j * step) for j in range(DOT_TILE)
                              for i in range(DOT_TILE)])
            self._dot_tiles[step] = dots
        return dots
