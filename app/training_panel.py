"""The "Data & training" dock: what the design trains on, how, and whether it fits.

The panel shows a design's :class:`~engine.training.settings.TrainingSettings` as forms
generated from the engine's tables: the data set (:class:`app.data_form.DataForm`), then
every number of :data:`~engine.training.settings.SETTING_SPECS` in the groups of the
lecture (Optimiser, Schedule, Gradients) with the spec's range and help (translated by
:func:`designer.engine_text.engine_text`, as all text from the engine), and the device,
from :func:`~engine.training.device.available_devices`, where a device this machine cannot
use stays in the list, disabled, with the reason beside it.

The panel never writes the design. Each change by the person becomes one complete new
``TrainingSettings`` on :attr:`TrainingPanel.settings_edited`; the main window turns it
into an undoable command, and :meth:`TrainingPanel.set_design` (after an undo, or on
opening a file) shows the design's settings without emitting anything.

*Checking the fit.* The data set's :class:`~engine.data.base.DataSpec` (its input and
target in words) decides whether a design can train on it, through
:func:`~engine.training.fit.check_fit`. Building it can be slow (a file is read in full)
and can fail (a located ``DataFileError``), so it happens on a background thread, 300 ms
after the last edit of the data; a built-in task is generated with one example per split,
which gives the same spec at once. The last spec is kept, so a design edit only re-runs
``check_fit`` (a few milliseconds). The result is shown in the Check box, red problems
naming their block or a green "fits" line, and announced on :attr:`fit_checked`.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItemModel, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.data_form import DataForm, WheelGuard, compact_combo, show_value
from designer.engine_text import capitalised, choice_text, engine_text
from engine.data.base import DataSpec
from engine.data.load import load_data
from engine.design import Design
from engine.errors import RecurrenteError
from engine.params import ParamSpec
from engine.training.device import available_devices
from engine.training.fit import check_fit
from engine.training.settings import SETTING_SPECS, DataSettings, TrainingSettings
from engine.validation import Problem

DEBOUNCE_MS = 300
GROUPS = ((QT_TRANSLATE_NOOP("TrainingPanel", "Optimiser"),
           ("optimizer", "learning_rate", "momentum", "weight_decay", "weight_average")),
          (QT_TRANSLATE_NOOP("TrainingPanel", "Schedule"),
           ("epochs", "batch_size", "validation_fraction", "seed", "early_stopping",
            "lr_decay", "lr_patience")),
          (QT_TRANSLATE_NOOP("TrainingPanel", "Gradients"),
           ("clip", "clip_threshold", "tbptt", "capture_every")))
OTHER = QT_TRANSLATE_NOOP("TrainingPanel", "Other")
SPECIAL = {"tbptt": QT_TRANSLATE_NOOP("TrainingPanel", "off (full BPTT)"),
           "capture_every": QT_TRANSLATE_NOOP("TrainingPanel", "never"),
           "early_stopping": QT_TRANSLATE_NOOP("TrainingPanel", "off"),
           "weight_average": QT_TRANSLATE_NOOP("TrainingPanel", "off")}
DECIMALS = {"momentum": (3, 0.05), "weight_decay": (8, 1e-4), "validation_fraction": (2, 0.05),
            "lr_decay": (2, 0.05), "weight_average": (4, 0.001)}
RED, GREEN, GREY = "#B91C1C", "#15803D", "#6B7280"


def build_spec(data: DataSettings) -> DataSpec:
    """The spec of ``data``: a built-in is generated with one example per split."""
    if data.source == "builtin":
        data = replace(data, options={**data.options, "train_size": 1, "valid_size": 1,
                                      "test_size": 0})
    return load_data(data).spec


class NumberSpinBox(QDoubleSpinBox):
    """A number shown short (``0.9``, ``3e-05``) and typed freely, in either notation.

    ``decimals`` is the precision the value keeps; with ``log_steps`` the arrows walk the
    1-2-5 ladder (1e-4, 2e-4, 5e-4, 1e-3 ...), for values that span decades.
    """

    def __init__(self, decimals: int, step: float, log_steps: bool = False) -> None:
        super().__init__()
        self.setDecimals(decimals)
        self.setSingleStep(step)
        self.log_steps = log_steps

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        try:
            value = float(text)
        except ValueError:
            partial = re.fullmatch(r"[0-9]*\.?[0-9]*([eE][-+]?[0-9]*)?", text)
            return (QValidator.State.Intermediate if partial else QValidator.State.Invalid,
                    text, pos)
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate,
                text, pos)

    def stepBy(self, steps: int) -> None:
        if not self.log_steps or self.value() <= 0:
            super().stepBy(steps)
            return
        value = self.value()
        for _ in range(abs(steps)):
            exponent = math.floor(math.log10(value))
            ladder = [m * 10.0**e for e in range(exponent - 1, exponent + 2) for m in (1, 2, 5)]
            value = (min(v for v in ladder if v > value * (1 + 1e-9)) if steps > 0 else
                     max(v for v in ladder if v < value * (1 - 1e-9)))
        self.setValue(value)  # clamped to the range


class _CheckSignals(QObject):
    finished = Signal(int, object, str)  # ticket, spec or None, error message


class _CheckJob(QRunnable):
    """Builds one data set's spec on a pool thread; reports through ``signals``."""

    def __init__(self, ticket: int, data: DataSettings, signals: _CheckSignals) -> None:
        super().__init__()
        self.ticket, self.data, self.signals = ticket, data, signals

    def run(self) -> None:
        spec: DataSpec | None = None
        try:
            spec, error = build_spec(self.data), ""
        except RecurrenteError as exc:
            error = str(exc)
        except Exception as exc:  # a bug in a loader: say what it was, never crash
            error = f"{type(exc).__name__}: {exc}"
        self.signals.finished.emit(self.ticket, spec, error)


class TrainingPanel(QWidget):
    """Data set, fit check and training settings of one design.

    Signals
    -------
    settings_edited(object):
        A complete new ``TrainingSettings`` after each change by the person.
    fit_checked(object):
        ``(spec, problems)`` after each check: the ``DataSpec`` (None when the data set
        could not be built, then ``problems`` holds one ``Problem`` with the reason) and
        every problem of ``check_fit``.
    """

    settings_edited = Signal(object)
    fit_checked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = TrainingSettings()
        self._design: Design | None = None
        self._locked = False
        self._spec: DataSpec | None = None
        self._checked: tuple[str, DataSpec | None, str] | None = None  # key, spec, error
        self._ticket = 0
        self._pending = ""
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _CheckSignals(self)
        self._signals.finished.connect(self._on_check_finished)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_check)
        self._wheel = WheelGuard(self)
        self.editors: dict[str, QWidget] = {}
        self._build()
        self.set_design(None)

    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(10)
        self.data_form = DataForm(self._wheel)
        self.data_form.edited.connect(self._on_data_edited)
        self.data_group = _group(self.tr("Data"), self.data_form)
        column.addWidget(self.data_group)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_again = QPushButton(self.tr("Check again"))
        self.check_again.setToolTip(self.tr("Read the data again (after the file changed)."))
        self.check_again.clicked.connect(lambda: self._start_check(force=True))
        check = QWidget()
        check_layout = QVBoxLayout(check)
        check_layout.setContentsMargins(0, 0, 0, 0)
        check_layout.addWidget(self.check_label)
        check_layout.addWidget(self.check_again, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(_group(self.tr("Check"), check))
        self.setting_groups: list[QGroupBox] = []
        shown = {name for _title, names in GROUPS for name in names}
        extra = tuple(name for name in SETTING_SPECS if name not in shown)
        labels: list[QLabel] = []
        for title, names in (*GROUPS, *([(OTHER, extra)] if extra else [])):
            form = QWidget()
            layout = _form(form)
            for name in names:
                spec = SETTING_SPECS[name]
                editor = self._editor(spec)
                label = QLabel(capitalised(engine_text(spec.label)))
                for widget in (label, editor):
                    widget.setToolTip(engine_text(spec.help))
                layout.addRow(label, editor)
                labels.append(label)
                self.editors[name] = editor
            self.setting_groups.append(_group(self.tr(title), form))
        self.device = self._device_combo()
        device = QWidget()
        labels.append(QLabel(self.tr("Train on")))
        _form(device).addRow(labels[-1], self.device)
        self.setting_groups.append(_group(self.tr("Device"), device))
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:  # one label column through all the groups
            label.setMinimumWidth(width)
        for group in self.setting_groups:
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _editor(self, spec: ParamSpec) -> QWidget:
        name = spec.name
        if spec.type == "choice":
            combo = compact_combo(self._wheel)
            for choice in spec.choices:
                combo.addItem(choice_text(choice), choice)
            combo.activated.connect(lambda _i: self._on_setting_edited(name, combo.currentData()))
            return combo
        spin: QSpinBox | QDoubleSpinBox
        if spec.type == "int":
            spin = QSpinBox()
            spin.setRange(int(spec.minimum or 0), int(spec.maximum or 2**31 - 1))
            spin.setAccelerated(True)
            if name in SPECIAL:
                spin.setSpecialValueText(self.tr(SPECIAL[name]))
        else:  # learning rate, clip threshold: they span decades, so 1-2-5 steps
            low, high = spec.minimum or 0.0, spec.maximum or 1e9
            decimals, step = DECIMALS.get(name, (10, 0.1))
            spin = NumberSpinBox(decimals, step, log_steps=low > 0 and high / low >= 1e4)
            spin.setRange(low, high)
        spin.setKeyboardTracking(False)  # commit on Enter, focus loss or an arrow step
        spin.valueChanged.connect(lambda value: self._on_setting_edited(name, value))
        return self._wheel.guard(spin)

    def _device_combo(self) -> QComboBox:
        combo = compact_combo(self._wheel)
        combo.addItem(self.tr("Automatic"), "auto")
        combo.setItemData(0, self.tr("The first GPU when there is one, else the CPU."),
                          Qt.ItemDataRole.ToolTipRole)
        model = combo.model()
        assert isinstance(model, QStandardItemModel)
        for device, label, reason in available_devices():
            combo.addItem(f"{label} — {reason}" if reason else label, device)
            if reason:
                model.item(combo.count() - 1).setEnabled(False)
                combo.setItemData(combo.count() - 1, reason, Qt.ItemDataRole.ToolTipRole)
        combo.activated.connect(lambda _i: self._on_setting_edited("device",
                                                                   combo.currentData()))
        return combo

    # --- public API -------------------------------------------------------------------------

    def set_design(self, design: Design | None) -> None:
        """Show ``design.training`` (None: defaults, nothing to check) without emitting."""
        self._design = design
        self._settings = design.training if design is not None else TrainingSettings()
        for name, editor in self.editors.items():
            show_value(editor, getattr(self._settings, name))
        index = self.device.findData(self._settings.device)
        if index < 0:  # e.g. "cuda:3" or "mps" from another machine: keep it, say so
            self.device.addItem(self.tr("{device} — not on this machine").format(
                device=self._settings.device), self._settings.device)
            index = self.device.count() - 1
        self.device.setCurrentIndex(index)
        if self._settings.data != self.data_form.data_settings():
            self.data_form.set_data(self._settings.data)
        self._update_enabled()
        self._schedule_check(at_once=True)

    def current_settings(self) -> TrainingSettings:
        """The settings the panel shows."""
        return self._settings.replace()

    def data_spec(self) -> DataSpec | None:
        """The spec of the data set as last checked (None if that failed or none finished)."""
        return self._spec

    def set_locked(self, locked: bool) -> None:
        """Make everything read-only while a run uses these settings."""
        self._locked = locked
        self.data_group.setEnabled(not locked)
        self._update_enabled()

    def recheck_fit(self) -> None:
        """Check the design's current blocks against the data again (after a design edit)."""
        self._schedule_check(at_once=True)

    # --- the person's edits -----------------------------------------------------------------

    def _on_setting_edited(self, name: str, value: Any) -> None:
        try:
            settings = self._settings.replace(**{name: value})
        except RecurrenteError:  # cannot happen within the editors' ranges; be safe anyway
            show_value(self.editors.get(name, self.device), getattr(self._settings, name))
            return
        self._emit(settings)

    def _on_data_edited(self) -> None:
        data = self.data_form.data_settings()
        if data is not None and data != self._settings.data:
            self._emit(self._settings.replace(data=data))
        self._schedule_check()

    def _emit(self, settings: TrainingSettings) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        self._update_enabled()
        self.settings_edited.emit(settings.replace())

    def _update_enabled(self) -> None:
        for group in self.setting_groups:
            group.setEnabled(not self._locked)
        self.editors["momentum"].setEnabled(self._settings.optimizer in ("sgd", "rmsprop"))
        self.editors["clip_threshold"].setEnabled(self._settings.clip != "none")

    # --- checking the fit -------------------------------------------------------------------

    def _schedule_check(self, at_once: bool = False) -> None:
        data = self.data_form.data_settings()
        if data is None:
            self._timer.stop()
            self._ticket += 1
            self._show(self.tr("Choose a built-in data set or a file to check the design "
                               "against it."), GREY)
            return
        if at_once and self._checked is not None and self._checked[0] == _key(data):
            self._timer.stop()
            self._refit()
        else:
            self._timer.start()

    def _start_check(self, force: bool = False) -> None:
        data = self.data_form.data_settings()
        if data is None:
            return
        if not force and self._checked is not None and self._checked[0] == _key(data):
            self._refit()
            return
        self._ticket += 1
        self._pending = _key(data)
        self._pool.clear()
        self._pool.start(_CheckJob(self._ticket, data, self._signals))
        self._show(self.tr("Checking the data set…"), GREY)

    def _on_check_finished(self, ticket: int, spec: DataSpec | None, error: str) -> None:
        if ticket != self._ticket:
            return  # a newer check has started
        self._checked = (self._pending, spec, error)
        self._spec = spec
        data = self.data_form.data_settings()
        if data is not None and _key(data) == self._pending:
            self._refit()  # otherwise the data changed meanwhile and the timer runs again

    def _refit(self) -> None:
        assert self._checked is not None
        spec, error = self._checked[1:]
        if spec is None:
            self._show(self.tr("The data set cannot be used:") + "<br>" + _html(error), RED)
            self.fit_checked.emit((None, [Problem(error, None, code="data_load")]))
            return
        given, target = self._spec_texts(spec)
        lines = [f"<b>{_html(spec.name)}</b>",
                 self.tr("Input: {text}").format(text=_html(given)),
                 self.tr("Target: {text}").format(text=_html(target))]
        problems: list[Problem] = []
        if self._design is not None:
            try:
                problems = check_fit(self._design, spec)
            except RecurrenteError as exc:
                problems = [Problem(str(exc), None, code="data_fit")]
            except Exception as exc:
                problems = [Problem(f"{type(exc).__name__}: {exc}", None, code="data_fit")]
            for problem in problems:
                block = self._design.blocks.get(problem.block or "")
                where = block.name if block is not None else self.tr("design")
                lines.append(f"<span style='color:{RED}'>✗ <b>{_html(where)}</b>: "
                             f"{_html(problem.message)}</span>")
            if not problems:
                lines.append(f"<span style='color:{GREEN}'>✓ "
                             + self.tr("The design fits this data set.") + "</span>")
        self.check_label.setText("<br>".join(lines))
        self.fit_checked.emit((spec, problems))

    def _spec_texts(self, spec: DataSpec) -> tuple[str, str]:
        """The input and the target of ``spec`` in words, as ``DataSpec.input_text`` and
        ``target_text`` say them in English, in the interface language."""
        n = spec.input_size
        sequences = spec.input_mode == "sequence"
        if spec.input_mode == "none":
            given = self.tr("no input")
        elif spec.input_kind == "tokens":
            given = (self.tr("sequences of tokens (vocabulary {n})") if sequences
                     else self.tr("single elements of tokens (vocabulary {n})"))
        elif sequences:
            given = (self.tr("sequences of {n} feature") if n == 1
                     else self.tr("sequences of {n} features"))
        else:
            given = (self.tr("single elements of {n} feature") if n == 1
                     else self.tr("single elements of {n} features"))
        size = spec.target_size
        what = {"class": self.tr("one of {n} classes"),
                "multi_hot": self.tr("{n} on/off units"),
                "real": self.tr("{n} real value") if size == 1 else self.tr("{n} real values")}
        if not spec.per_step:
            where = self.tr("per example")
        elif spec.aligned:
            where = self.tr("at every step")
        else:
            where = self.tr("as a sequence of its own length")
        if spec.target_kind not in what:  # a kind this panel does not know: the engine's words
            return given.format(n=n), spec.target_text()
        return given.format(n=n), f"{what[spec.target_kind].format(n=size)} {where}"

    def _show(self, text: str, colour: str) -> None:
        self.check_label.setText(f"<span style='color:{colour}'>{text}</span>")


def _key(data: DataSettings) -> str:
    return repr(data.to_json())


def _html(text: str) -> str:
    """Escaped, with break opportunities after '/' so a long path wraps."""
    return html.escape(text).replace("/", "/\u200b")


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _group(title: str, body: QWidget) -> QGroupBox:
    group = QGroupBox(title)
    layout = QHBoxLayout(group)
    layout.setContentsMargins(8, 6, 8, 8)
    layout.addWidget(body)
    return group
