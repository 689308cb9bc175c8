"""Entry point of ``recurrente``: the desktop window, or the command line with arguments.

``recurrente`` opens the window (on the first start with the example gallery and an
example loaded, so a newcomer can press Train at once); ``recurrente design.json`` opens
that file; any other arguments are the command line (:mod:`app.cli`), which imports no
Qt and runs headless.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

FIRST_EXAMPLE = "adding"


def run_gui(path: str | None = None, *, first_example: str = FIRST_EXAMPLE,
            on_stage: Callable[[str, Any], None] | None = None) -> int:
    """Open the main window; returns the application's exit status.

    The window shows before PyTorch is imported (see :mod:`app.preload`). ``on_stage``,
    if given, is called with ``("usable", window)`` once the window is shown with its
    design and the event loop runs, and with ``("trainable", window)`` once the training
    panels are built (the start-up benchmark uses it).
    """
    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    import designer  # noqa: F401  (before any Qt call: works around a PySide6 6.12 bug)

    QCoreApplication.setOrganizationName("Recurrente")
    QCoreApplication.setApplicationName("Recurrente")
    app = QApplication.instance() or QApplication(sys.argv)
    from app.i18n import install_translator

    install_translator(app)
    from app.preload import Preloader
    from app.window import MainWindow

    preloader = Preloader()
    window = MainWindow(preloader=preloader)
    window.show()
    settings = QSettings()

    def open_design() -> None:
        if window.files.offer_recovery():
            return
        if path:
            window.files.open_path(Path(path), confirmed=True)
            return
        window.files.open_example(first_example, confirmed=True)
        if not settings.value("gallery_shown", False, type=bool):
            settings.setValue("gallery_shown", True)
            window.files.show_gallery()

    def after_show() -> None:
        open_design()
        # after the design is on screen: the imports then compete with nothing visible
        QTimer.singleShot(0, preloader.start)
        if on_stage is not None:
            QTimer.singleShot(0, lambda: on_stage("usable", window))
            if window.training_ready:
                on_stage("trainable", window)
            else:
                preloader.ready.connect(lambda: on_stage("trainable", window),
                                        Qt.ConnectionType.QueuedConnection)

    QTimer.singleShot(0, after_show)
    return app.exec()


def main(argv: list[str] | None = None) -> int:
    """Run the program; returns the process exit status."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        return run_gui()
    if len(args) == 1 and args[0].endswith(".json") and Path(args[0]).is_file():
        return run_gui(args[0])
    from app.cli import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
