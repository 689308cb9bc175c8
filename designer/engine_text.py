"""Text from the engine, shown in the interface language.

The engine never imports Qt, so its catalogues (block kinds, parameter specs, training
settings, built-in data sets, file formats) hold English only. The interface translates
that text where it shows it, with :func:`engine_text`, in one translation context,
``"engine"``. lupdate cannot read the engine, so the strings it needs are generated from
the catalogues into :mod:`app.engine_strings` (``python -m app.i18n
--write-engine-strings``; see :mod:`app.i18n`).

A choice value (``"one_hot"``, ``"norm"``) is shown by its English display name,
:func:`choice_label`, which is also the key its translation is looked up by. Port types
(``"vector"``) and network shapes (``"M-to-1"``) are looked up as they are. Text the
engine composes with values (a block's one-line summary) cannot be looked up; the
designer composes it again from translatable templates (:mod:`designer.summaries`).

Counts from the engine (parameters) are grouped in thousands as the interface language
writes them (:func:`count_text`): ``89,218`` in English, ``89.218`` in Spanish, where a
comma would read as a decimal point.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ENGINE_CONTEXT = "engine"

#: Display names of choice values that are not just the value with spaces.
CHOICE_NAMES = {
    "adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop",
    "norm": "by norm", "value": "by value",
    "one_hot": "one-hot", "multi_hot": "multi-hot",
}


def engine_text(text: str) -> str:
    """``text`` from an engine catalogue, in the interface language."""
    return QCoreApplication.translate(ENGINE_CONTEXT, text) if text else text


def choice_label(choice: str) -> str:
    """The English display name of a choice value."""
    return CHOICE_NAMES.get(choice, choice.replace("_", " "))


def choice_text(choice: str) -> str:
    """The display name of a choice value, in the interface language."""
    return engine_text(choice_label(choice))


def count_text(n: int) -> str:
    """``n`` grouped in thousands with the interface language's separator."""
    separator = QCoreApplication.translate("numbers", ",", "thousands separator")
    return f"{n:,}".replace(",", separator)


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case (a form label)."""
    return text[:1].upper() + text[1:]
