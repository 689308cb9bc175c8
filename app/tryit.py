"""Trying a trained network, and watching its gates while it reads.

:class:`TryItPanel` fits itself to the design's network shape (named by
:func:`engine.validation.analyze`) and to the data set's description
(:class:`engine.data.base.DataSpec`, with its vocabularies):

===========================  ==================================================================
shape                        what the panel offers
===========================  ==================================================================
M-to-1, classes              type a sentence or pick a validation example -> class probabilities
M-to-1, real values          pick an example -> prediction beside target
1-to-N (generation)          a start element, temperature, length, Generate -> piano roll / text
M-to-N, encoder-decoder      type a source sentence, Translate -> greedy decoding up to ``</s>``
M-to-N, synchronised         pick an example (or type one) -> tags per token / series over t
===========================  ==================================================================

Beside the output, for the very same input, :class:`app.tryit_views.GateHeatmaps` shows
h(t) and every gate of a chosen recurrent block and layer over time, recomputed step by
step by :func:`engine.inspect.trace`. For a generated sequence the trace feeds back what
the model itself produced (teacher forcing with its own outputs), which is exactly what
the loop read while generating. The panel never raises on bad input: an empty sentence,
unknown words or a model that cannot run show a message in the panel instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import tryit_inputs as TI
from app.tryit_gates import GatesView
from app.tryit_run import OUTPUT_VIEWS, Runner, TryItError
from engine.compiler import CompiledModel
from engine.data.base import DataSpec, ExampleList
from engine.design import Design
from engine.errors import RecurrenteError
from engine.inspect import Trace, recurrent_block_ids

MAX_EXAMPLES = 300


class TryItPanel(QWidget):
    """Try the trained model on typed or picked inputs and look at its gates.

    Call :meth:`set_model` after training (or at a pause) with the design, its compiled
    model holding trained weights, and the data description (plus the validation split).
    """

    output_shown = Signal()  # an output (and its heatmaps) has just been drawn
    message_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None
        self._again: tuple[str, str, int | str] | None = None  # (mode, action, argument)
        self._build()
        self.clear()

    # --- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.shape_label = QLabel()
        self.shape_label.setStyleSheet("font-weight: bold;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.shape_label)
        root.addWidget(self.message_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(split, 1)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        form = QGridLayout()
        self.sentence_label = QLabel(self.tr("Sentence:"))
        self.sentence_edit = QLineEdit()
        self.sentence_edit.setClearButtonEnabled(True)
        self.sentence_edit.returnPressed.connect(self.run)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run)
        self.example_label = QLabel(self.tr("Validation example:"))
        self.example_combo = QComboBox()
        self.example_combo.setMaxVisibleItems(20)
        self.example_combo.activated.connect(self.select_example)
        self.start_label = QLabel(self.tr("Start:"))
        self.start_combo = QComboBox()
        self.temperature_label = QLabel(self.tr("Temperature:"))
        self.temperature_spin = QDoubleSpinBox()
        self.temperature_spin.setRange(0.05, 5.0)
        self.temperature_spin.setSingleStep(0.1)
        self.temperature_spin.setValue(1.0)
        self.temperature_spin.setToolTip(self.tr(
            "Divides the logits before sampling: below 1 plays safe, above 1 takes risks."))
        self.length_label = QLabel(self.tr("Length:"))
        self.length_spin = QSpinBox()
        self.length_spin.setRange(1, 1000)
        self.length_spin.setValue(32)
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.clicked.connect(self.generate)
        self._mode_controls: list[QWidget] = [
            self.sentence_label, self.sentence_edit, self.run_button, self.example_label,
            self.example_combo, self.start_label, self.start_combo, self.temperature_label,
            self.temperature_spin, self.length_label, self.length_spin, self.generate_button]
        places = ((0, 0, 1), (0, 1, 4), (0, 5, 1), (1, 0, 1), (1, 1, 5), (2, 0, 1), (2, 1, 5))
        for widget, (line, col, span) in zip(self._mode_controls, places, strict=False):
            form.addWidget(widget, line, col, 1, span)
        row = QHBoxLayout()
        for widget in self._mode_controls[len(places):]:
            if widget is self.generate_button:
                row.addStretch(1)
            row.addWidget(widget)
        form.addLayout(row, 3, 0, 1, 6)
        form.setColumnStretch(1, 1)
        column.addLayout(form)
        self.tokens_label = QLabel()
        self.tokens_label.setWordWrap(True)
        self.tokens_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 13pt;")
        column.addWidget(self.tokens_label)
        column.addWidget(self.summary_label)
        self.output_stack = QStackedWidget()
        self.views: dict[str, QWidget] = {}
        for name, factory in OUTPUT_VIEWS.items():
            view = factory()
            self.views[name] = view
            self.output_stack.addWidget(view)
        column.addWidget(self.output_stack, 1)
        split.addWidget(left)

        self.gates = GatesView()
        self.gates.failed.connect(lambda text: self.show_message(text, error=True))
        self.heatmaps = self.gates.heatmaps
        self.block_combo = self.gates.block_combo
        self.layer_combo = self.gates.layer_combo
        split.addWidget(self.gates)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)

    # --- public API ----------------------------------------------------------------------

    @property
    def mode(self) -> str:
        """'classify', 'regress', 'generate', 'translate', 'tag', 'forecast' or ''."""
        return self.runner.mode if self.runner is not None else ""

    @property
    def message(self) -> str:
        """The message shown in the panel (empty when there is none)."""
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def clear(self) -> None:
        """Forget the model: only a hint remains."""
        self.runner = None
        self.shape_label.setText(self.tr("Try it"))
        for widget in self._mode_controls:
            widget.hide()
        self.gates.set_model(None, {})
        self.tokens_label.clear()
        self.summary_label.clear()
        self.show_message(self.tr("Train the design (or pause its training) to try it here."))

    def set_model(self, model: CompiledModel | None, design: Design | None,
                  spec: DataSpec | None, valid: ExampleList | None = None) -> None:
        """Show ``model`` (trained weights) for ``design`` and its data description ``spec``.

        ``valid`` offers the validation split's examples to pick from. The input last
        tried (an example, a sentence, a start element) is tried again on the new weights.
        """
        again = self._again
        self.clear()
        if model is None or design is None or spec is None:
            return
        try:
            self.runner = Runner(model, design, spec, valid)
        except (RecurrenteError, TryItError) as exc:
            self.show_message(str(exc), error=True)
            return
        self._fit_controls()
        self.show_message("")
        if again is not None and again[0] == self.mode and self._repeat(*again[1:]):
            return
        if self.runner.examples:
            self.select_example(0)
        elif self.mode == "generate":
            self.generate()
        elif self.runner.can_type:
            self.show_message(self.tr("Type a sentence and press {button}.").format(
                button=self.run_button.text()))
        else:
            self.show_message(self.tr("This input cannot be typed, and there are no "
                                      "validation examples to pick from."), error=True)

    def set_text(self, text: str) -> None:
        """Type ``text`` into the sentence box (without running)."""
        self.sentence_edit.setText(text)

    @Slot(int)
    def select_example(self, index: int) -> None:
        """Pick validation example ``index`` and show the model's output for it."""
        if self.runner is None:
            return
        if self.mode == "generate":
            self.start_combo.setCurrentIndex(index)
            self.generate()
            return
        self.example_combo.setCurrentIndex(index)
        self._again = (self.mode, "example", index)
        self._show(lambda runner: runner.run_example(index))

    @Slot()
    def run(self) -> None:
        """Run the model on the typed sentence (classify, tag or translate it)."""
        if self.runner is None:
            return
        text = self.sentence_edit.text()
        if not text.strip():
            self.show_message(self.tr("Type a sentence first: the input is empty."),
                              error=True)
            return
        self._again = (self.mode, "text", text)
        self._show(lambda runner: runner.run_text(text))

    @Slot()
    def generate(self) -> None:
        """Generate from the chosen start element at the chosen temperature and length."""
        if self.runner is None:
            return
        start = max(0, self.start_combo.currentIndex())
        self._again = (self.mode, "generate", start)
        self._show(lambda runner: runner.run_generate(
            start, self.temperature_spin.value(), self.length_spin.value()))

    def select_block(self, block_id: str, layer: int = 0, direction: int = 0) -> None:
        """Show the heatmaps of recurrent block ``block_id`` in ``layer``/``direction``."""
        self.gates.select_block(block_id, layer, direction)

    def current_layer(self) -> tuple[int, int]:
        """The (layer, direction) whose heatmaps are shown, both counted from 0."""
        return self.gates.current_layer()

    @property
    def last_trace(self) -> Trace | None:
        """The trace behind the heatmaps shown, if any."""
        return self.gates.last_trace

    def show_message(self, text: str, error: bool = False) -> None:
        """Show ``text`` above the controls (hidden when empty)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        colour = "#fde8e8" if error else "#eef4fb"
        self.message_label.setStyleSheet(
            f"background: {colour}; border-radius: 4px; padding: 4px 6px;")
        if text:
            self.message_shown.emit(text)

    # --- internals -----------------------------------------------------------------------

    def _repeat(self, action: str, argument: int | str) -> bool:
        """Try the last input again; False when the new model has no such input."""
        if action == "text" and self.runner is not None and self.runner.can_type:
            self.set_text(str(argument))
            self.run()
        elif action == "generate" and int(argument) < self.start_combo.count():
            self.start_combo.setCurrentIndex(int(argument))
            self.generate()
        elif action == "example" and int(argument) < self.example_combo.count():
            self.select_example(int(argument))
        else:
            return False
        return True

    def _fit_controls(self) -> None:
        runner = self.runner
        assert runner is not None
        shape = {"classify": self.tr("classification"), "regress": self.tr("regression"),
                 "generate": self.tr("generation"), "translate": self.tr("translation"),
                 "tag": self.tr("tagging"), "forecast": self.tr("prediction at every step")}
        self.shape_label.setText(self.tr("Try it: {shape} · {kind}").format(
            shape=runner.shape, kind=shape[runner.mode]))
        button = {"classify": self.tr("Classify"), "translate": self.tr("Translate"),
                  "tag": self.tr("Tag")}
        self.run_button.setText(button.get(runner.mode, self.tr("Run")))
        typing = runner.can_type
        widget: QWidget
        for widget in (self.sentence_label, self.sentence_edit, self.run_button):
            widget.setVisible(typing)
        self.sentence_edit.setPlaceholderText(
            self.tr("Type a text: it is read character by character") if runner.by_characters
            else self.tr("Type a sentence in the data set's words"))
        generating = runner.mode == "generate"
        for widget in (self.example_label, self.example_combo):
            widget.setVisible(bool(runner.examples) and not generating)
        for widget in (self.start_label, self.start_combo, self.temperature_label,
                       self.temperature_spin, self.length_label, self.length_spin,
                       self.generate_button):
            widget.setVisible(generating)
        self.example_combo.clear()
        self.start_combo.clear()
        for number, example in enumerate(runner.examples[:MAX_EXAMPLES]):
            text = TI.describe_example(number, example, runner.spec)
            (self.start_combo if generating else self.example_combo).addItem(text)
        if generating and self.start_combo.count() == 0:
            self.start_combo.addItem(self.tr("the learned start element") if not runner.input_id
                                     else self.tr("silence (no validation examples given)"))
        self.length_spin.setValue(runner.default_length())
        self.temperature_spin.setEnabled(runner.samples)
        self.gates.set_model(runner.model, {b: runner.design.blocks[b].name
                                            for b in recurrent_block_ids(runner.model)})

    def _show(self, produce: Any) -> None:
        """Run ``produce(runner)``, draw its output, then the heatmaps of the same input."""
        runner = self.runner
        assert runner is not None
        try:
            output = produce(runner)
        except (TryItError, RecurrenteError, RuntimeError, ValueError, IndexError,
                KeyError, TypeError) as exc:
            self.show_message(str(exc) or type(exc).__name__, error=True)
            return
        self.show_message(output.note)
        self.tokens_label.setText(output.tokens_html)
        self.summary_label.setText(output.summary)
        view = self.views[output.view]
        self.output_stack.setCurrentWidget(view)
        output.draw(view)
        self.gates.show_input(output.inputs, output.steps)
        self.output_shown.emit()
