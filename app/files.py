"""Files of the main window: new, open, save, recent files, examples, autosave, recovery.

Every failure to read or write is a message in the window naming the file and the place
in it; the design on screen is never lost or half-replaced. Unsaved changes are asked
about before they could be lost (New, Open, an example, closing), and are autosaved to a
recovery file every 30 seconds (:mod:`app.recovery`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.i18n import LANGUAGES
from app.recovery import Autosaver, Recovered, find_recoverable
from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import load_example
from engine.fileformat import load, save

if TYPE_CHECKING:
    from app.window import MainWindow

MAX_RECENT = 10
FILTER = "Recurrente designs (*.json);;All files (*)"


class FileController(QObject):
    """The file side of a :class:`app.window.MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.example = ""
        self.autosaver = Autosaver(parent=self)
        self.autosaver.track(window.document.design, "")

    # --- helpers ---------------------------------------------------------------------------

    def folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        return Path(str(QSettings().value("files/folder", str(Path.home()))))

    def update_title(self) -> None:
        name = self.path.name if self.path else (
            self.window.document.design.name or self.tr("Untitled"))
        self.window.setWindowTitle(f"{name}[*] — Recurrente")
        self.window.setWindowModified(not self.window.document.undo_stack.isClean())

    @Slot(bool)
    def on_modified_changed(self, modified: bool) -> None:
        self.window.setWindowModified(modified)
        self.autosaver.set_modified(modified)

    def _error(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self.window, title, str(error))

    def _replace(self, design: Design, path: Path | None, example: str = "") -> None:
        self.window.document.set_design(design)
        self.path = path
        self.example = example
        self.autosaver.discard()
        self.autosaver.track(design, str(path) if path else "")
        self.window.document.undo_stack.setClean()
        self.update_title()
        self.window.editor.view.fit()

    def confirm_discard(self) -> bool:
        """True when there are no unsaved changes or the person chose to save or discard."""
        if self.window.document.undo_stack.isClean():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("The design has unsaved changes. Save them first?"),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # --- commands --------------------------------------------------------------------------

    @Slot()
    def new(self) -> None:
        if self.confirm_discard():
            self._replace(Design(self.tr("Untitled")), None)

    @Slot()
    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open design"),
                                              str(self.folder()), self.tr(FILTER))
        if path:
            self.open_path(Path(path), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False) -> bool:
        """Open a design file; on failure the current design stays and a message says why."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            design = load(path)
        except RecurrenteError as exc:
            self._error(self.tr("Cannot open the design"), exc)
            return False
        self._replace(design, path)
        self._remember(path)
        return True

    def open_example(self, name: str, confirmed: bool = False) -> bool:
        if not confirmed and not self.confirm_discard():
            return False
        try:
            design = load_example(name)
        except RecurrenteError as exc:
            self._error(self.tr("Cannot open the example"), exc)
            return False
        self._replace(design, None, name)
        return True

    @Slot()
    def show_gallery(self) -> None:
        from app.gallery import ExampleGallery

        gallery = ExampleGallery(self.window)
        gallery.example_chosen.connect(self.open_example)
        if self.example:
            gallery.select(self.example)
        gallery.open()

    @Slot()
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    @Slot()
    def save_as(self) -> bool:
        suggestion = str(self.folder() / f"{self.window.document.design.name or 'design'}.json")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save design"), suggestion,
                                              self.tr(FILTER))
        if not path:
            return False
        target = Path(path)
        if target.suffix == "":
            target = target.with_suffix(".json")
        return self._write(target)

    def _write(self, path: Path) -> bool:
        try:
            save(self.window.document.design, path)
        except (OSError, RecurrenteError) as exc:
            self._error(self.tr("Cannot save the design"), RecurrenteError(f"{path}: {exc}"))
            return False
        self.path = path
        self.window.document.undo_stack.setClean()
        self.autosaver.track(self.window.document.design, str(path))
        self.autosaver.discard()
        self._remember(path)
        self.update_title()
        return True

    # --- recent files ------------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = QSettings().value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(item) for item in items][:MAX_RECENT]

    def _remember(self, path: Path) -> None:
        items = [str(path.resolve())] + [p for p in self.recent() if p != str(path.resolve())]
        settings = QSettings()
        settings.setValue("files/recent", items[:MAX_RECENT])
        settings.setValue("files/folder", str(path.resolve().parent))
        self.rebuild_recent_menu()

    def rebuild_recent_menu(self) -> None:
        menu: QMenu = self.window.recent_menu
        menu.clear()
        items = self.recent()
        for item in items:
            action = menu.addAction(Path(item).name)
            action.setToolTip(item)
            action.triggered.connect(lambda _=False, p=item: self.open_path(Path(p)))
        menu.setEnabled(bool(items))

    # --- language ------------------------------------------------------------------------------

    def language_menu(self) -> QMenu:
        menu = QMenu(self.tr("&Language"), self.window)
        group = QActionGroup(menu)
        current = str(QSettings().value("language", "system"))
        for code, label in LANGUAGES.items():
            action = QAction(self.tr(label) if code == "system" else label, menu)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(action)
            menu.addAction(action)
        return menu

    def _set_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        QMessageBox.information(self.window, self.tr("Language"),
                                self.tr("The new language applies from the next start."))

    # --- sessions ------------------------------------------------------------------------------

    def offer_recovery(self) -> bool:
        """At start: offer the newest design a crashed session left; True if restored."""
        found = find_recoverable()
        if not found:
            return False
        newest: Recovered = found[0]
        source = newest.source or self.tr("an untitled design")
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window, self.tr("Recover unsaved work?"),
            self.tr("Recurrente did not close cleanly last time. Restore the unsaved "
                    "changes to {source}?").format(source=source),
            buttons.Yes | buttons.No, buttons.Yes)
        if answer != buttons.Yes:
            for item in found:
                item.path.unlink(missing_ok=True)
            return False
        path = Path(newest.source) if newest.source else None
        self._replace(newest.design, path)
        # restored, not saved: mark it modified so it is saved deliberately
        self.window.document.undo_stack.resetClean()
        self.window.setWindowModified(True)
        self.autosaver.set_modified(True)
        for item in found:
            item.path.unlink(missing_ok=True)
        return True

    def close_session(self) -> None:
        self.autosaver.stop()
        self.autosaver.discard()
