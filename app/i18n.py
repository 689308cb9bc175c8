"""Languages: English in the source, Spanish shipped as a compiled Qt translation.

Every user-visible string goes through Qt's translation machinery (``self.tr`` /
``QCoreApplication.translate``). ``resources/i18n/recurrente_es.ts`` holds the Spanish
text (edit it with Qt Linguist or by hand) and ``recurrente_es.qm`` its compiled form,
which this module installs. The language follows the system locale unless the person
chose one in the preferences (QSettings key ``language``: "system", "en" or "es").

*Text from the engine.* The engine never imports Qt, so the labels, help and choices of
its catalogues (training settings, block kinds, built-in data sets, file formats), the
names of its port types and of the network shapes validation recognises are English
there and translated where the interface shows them, in the ``engine`` context
(:func:`designer.engine_text.engine_text`). lupdate cannot see them, so
:func:`engine_strings` lists them and ``python -m app.i18n --write-engine-strings``
writes them into :mod:`app.engine_strings` as ``QT_TRANSLATE_NOOP("engine", ...)``; a test
fails when that file drifts from the catalogues.

lupdate finds a message only where the context is written out: ``self.tr("...")`` in a
QObject, else ``QCoreApplication.translate("context", "...")`` (the designer's modules
alias it as ``translate``); a helper such as ``_tr(text)`` hides its strings. After a
change of any text::

    python -m app.i18n --write-engine-strings
    pyside6-lupdate -extensions py app designer -ts resources/i18n/recurrente_es.ts
    # translate the new (unfinished) messages, then
    pyside6-lrelease resources/i18n/recurrente_es.ts -qm resources/i18n/recurrente_es.qm
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from designer.engine_text import ENGINE_CONTEXT, choice_label

LANGUAGES = {"system": "System", "en": "English", "es": "Español"}
ENGINE_STRINGS_PATH = Path(__file__).with_name("engine_strings.py")
REGENERATE = "python -m app.i18n --write-engine-strings"


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


# --- the engine's text ----------------------------------------------------------------------


def engine_strings() -> list[tuple[str, list[str]]]:
    """Every English string the interface shows from an engine table, by section.

    Sections are ``(heading, strings)``; a string appears once, in its first section.
    """
    from app.data_form import FILE_OPTIONS, builtin_label
    from engine.catalogue import KINDS, PortType
    from engine.data.builtin import BUILTINS
    from engine.data.files import FILE_FORMATS
    from engine.params import ParamSpec
    from engine.training.settings import SETTING_SPECS
    from engine.validation import (
        M_TO_N_ENC_DEC,
        M_TO_N_SYNC,
        M_TO_ONE,
        ONE_TO_N,
        ONE_TO_ONE,
    )

    def specs(items: Iterable[ParamSpec]) -> list[str]:
        return [text for spec in items
                for text in (spec.label, spec.help, *map(choice_label, spec.choices))]

    sections: list[tuple[str, list[str]]] = [
        ("Training settings: engine.training.settings.SETTING_SPECS",
         specs(SETTING_SPECS.values())),
    ]
    for kind in KINDS.values():
        variants = [kind.defaults()] + [{**kind.defaults(), p.name: c}
                                        for p in kind.params for c in p.choices]
        ports = [port.help for params in variants for port in kind.ports(params)]
        sections.append((f"Block kind {kind.kind!r}: engine.catalogue.KINDS",
                         [kind.title, kind.category, kind.help, *specs(kind.params), *ports]))
    for dataset in BUILTINS.values():
        params = [text for p in dataset.params for text in (builtin_label(p), p.help)]
        sections.append((f"Built-in data set {dataset.name!r}: engine.data.builtin.BUILTINS",
                         [dataset.title, dataset.description, *params]))
    for fmt, help_text in FILE_FORMATS.items():
        sections.append((f"File format {fmt!r}: engine.data.files.FILE_FORMATS, "
                         "app.data_form.FILE_OPTIONS",
                         [choice_label(fmt), help_text, *specs(FILE_OPTIONS.get(fmt, ()))]))
    # The canvas names port types in tooltips and the network's shape in its badge.
    sections.append(("Port types: engine.catalogue.PortType", [t.value for t in PortType]))
    sections.append(("Network shapes: engine.validation",
                     [ONE_TO_ONE, ONE_TO_N, M_TO_ONE, M_TO_N_SYNC, M_TO_N_ENC_DEC]))
    seen: set[str] = set()
    result = []
    for heading, strings in sections:
        fresh = [s for s in dict.fromkeys(strings) if s and s not in seen]
        seen.update(fresh)
        if fresh:
            result.append((heading, fresh))
    return result


def engine_strings_text() -> str:
    """The source of :mod:`app.engine_strings`."""
    lines = [
        '"""The engine\'s text, marked for lupdate in the "engine" context.',
        "",
        f"Generated by ``{REGENERATE}``; do not edit:",
        "tests/app/test_i18n.py fails when this file differs from the engine's",
        "catalogues. The interface translates these strings where it shows them, with",
        ":func:`designer.engine_text.engine_text`; see :mod:`app.i18n`.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "ENGINE_STRINGS = (",
    ]
    head = f'    QT_TRANSLATE_NOOP("{ENGINE_CONTEXT}", '
    for heading, strings in engine_strings():
        lines.append(f"    # {heading}")
        for text in strings:
            pieces = [_literal(piece) for piece in _pieces(text, 100 - len(head) - 6)]
            pieces[-1] += "),"
            lines.append(head + pieces[0])
            lines.extend(" " * len(head) + piece for piece in pieces[1:])
    lines += [")", ""]
    return "\n".join(lines)


def write_engine_strings(path: Path = ENGINE_STRINGS_PATH) -> bool:
    """Write :func:`engine_strings_text` to ``path``; return whether the file changed."""
    text = engine_strings_text()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def _pieces(text: str, width: int) -> list[str]:
    """``text`` cut after spaces and newlines into pieces of at most ``width`` characters."""
    pieces: list[str] = []
    for line in text.splitlines(keepends=True):
        current = ""
        for word in _words(line, width):
            if current and len(current) + len(word) > width:
                pieces.append(current)
                current = ""
            current += word
        pieces.append(current)
    return pieces


def _words(line: str, width: int) -> list[str]:
    words: list[str] = []
    for word in line.split(" "):
        words.extend(word[i:i + width] for i in range(0, max(len(word), 1), width))
        words[-1] += " "
    words[-1] = words[-1][:-1]
    return [w for w in words if w]


def _literal(text: str) -> str:
    """A double-quoted Python literal of ``text`` that lupdate reads the same way."""
    for char, escape in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\t", "\\t")):
        text = text.replace(char, escape)
    return f'"{text}"'


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m app.i18n --write-engine-strings`` regenerates app/engine_strings.py."""
    parser = argparse.ArgumentParser(prog="python -m app.i18n",
                                     description="Tools for the translations.")
    parser.add_argument("--write-engine-strings", action="store_true",
                        help=f"write the engine's text for lupdate to {ENGINE_STRINGS_PATH}")
    args = parser.parse_args(argv)
    if not args.write_engine_strings:
        parser.print_help()
        return 2
    changed = write_engine_strings(ENGINE_STRINGS_PATH)
    print(f"{'wrote' if changed else 'unchanged:'} {ENGINE_STRINGS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
