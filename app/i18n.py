"""Languages: English in the source, Spanish shipped as a compiled Qt translation.

Every user-visible string goes through Qt's translation machinery (``self.tr`` /
``QCoreApplication.translate``). ``resources/i18n/recurrente_es.ts`` holds the Spanish
text (edit it with Qt Linguist or by hand) and ``recurrente_es.qm`` its compiled form,
which this module installs. The language follows the system locale unless the person
chose one in the preferences (QSettings key ``language``: "system", "en" or "es").
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

LANGUAGES = {"system": "System", "en": "English", "es": "Español"}


def i18n_dir() -> Path:
    return Path(str(resources.files("resources") / "i18n"))


def chosen_language() -> str:
    """'en' or 'es': the preference, else the system locale."""
    choice = str(QSettings().value("language", "system"))
    if choice in ("en", "es"):
        return choice
    return "es" if QLocale.system().language() == QLocale.Language.Spanish else "en"


def install_translator(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Install the translation for ``language`` (default: :func:`chosen_language`)."""
    language = language or chosen_language()
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(str(i18n_dir() / f"recurrente_{language}.qm")):
        return None
    app.installTranslator(translator)
    return translator
