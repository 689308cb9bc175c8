"""A window with the design editor and its docks, for trying the canvas by hand.

    python -m designer resources/examples/translation.json
    python -m designer --example tagging
    python -m designer notation.json --screenshot docs/canvas.png   # grab and quit

The application proper (``app/``) builds its own main window around the same
:class:`~designer.editor.DesignEditor`; this one exists for manual checks and screenshots.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabWidget, QWidget

from designer.document import DesignDocument
from designer.editor import DesignEditor
from designer.style import ui_font
from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import load_example
from engine.fileformat import load


class EditorWindow(QMainWindow):
    """The editor in the middle; palette left; inspector and history right; problems below."""

    def __init__(self, document: DesignDocument) -> None:
        super().__init__()
        self.editor = DesignEditor(document, self)
        self.setCentralWidget(self.editor)
        self.setWindowTitle(self.tr("Recurrente — {name}").format(name=document.design.name))
        right = QTabWidget()
        right.addTab(self.editor.inspector, self.tr("Inspector"))
        right.addTab(self.editor.undo_view, self.tr("History"))
        bottom = QTabWidget()
        bottom.addTab(self.editor.problems, self.tr("Problems"))
        bottom.addTab(self.editor.unrolled, self.tr("Unrolled in time"))
        self.bottom = bottom
        docks = [self._dock(self.tr("Blocks"), self.editor.palette,
                            Qt.DockWidgetArea.LeftDockWidgetArea),
                 self._dock(self.tr("Block"), right, Qt.DockWidgetArea.RightDockWidgetArea),
                 self._dock(self.tr("Analysis"), bottom, Qt.DockWidgetArea.BottomDockWidgetArea)]
        self.resizeDocks(docks[:2], [240, 380], Qt.Orientation.Horizontal)
        self.docks = docks
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        for name in ("undo", "redo", "cut", "copy", "paste", "duplicate", "delete",
                     "select_all", "rename"):
            menu.addAction(self.editor.actions[name])
        view = self.menuBar().addMenu(self.tr("&View"))
        for name in ("fit", "zoom_in", "zoom_out", "zoom_reset", "tidy", "snap"):
            view.addAction(self.editor.actions[name])

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m designer", description=__doc__)
    parser.add_argument("file", nargs="?", help="a design file to open")
    parser.add_argument("--example", help="open a shipped example by name")
    parser.add_argument("--select", help="select this block id")
    parser.add_argument("--unrolled", action="store_true", help="show the unrolled view")
    parser.add_argument("--bottom", type=int, default=190, help="height of the bottom dock")
    parser.add_argument("--tidy", action="store_true", help="tidy the layout first")
    parser.add_argument("--size", default="1600x1000", help="window size, WxH")
    parser.add_argument("--screenshot", help="save a picture of the window there and quit")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    font = ui_font(13)
    app.setFont(font)
    try:
        if args.example:
            design = load_example(args.example)
        elif args.file:
            design = load(args.file)
        else:
            design = Design()
    except RecurrenteError as exc:
        print(exc, file=sys.stderr)
        return 1
    document = DesignDocument(design)
    window = EditorWindow(document)
    width, _, height = args.size.partition("x")
    window.resize(int(width), int(height))
    window.resizeDocks(window.docks[2:], [args.bottom], Qt.Orientation.Vertical)
    window.show()
    document.flush_analysis()
    if args.tidy:
        window.editor.tidy()
    window.editor.view.fit()
    if args.select:
        window.editor.select_block(args.select, centre=False)
    if args.unrolled:
        window.bottom.setCurrentWidget(window.editor.unrolled)
    if args.screenshot:
        def grab() -> None:
            window.grab().save(args.screenshot)
            app.quit()

        QTimer.singleShot(400, grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
