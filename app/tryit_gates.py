"""The try-it panel's right half: pick a recurrent block and layer, see its gates over time.

:class:`GatesView` is handed the inputs of the output just shown (for a generated
sequence: with the generated elements as the feedback block's targets) and the label of
every time step per block. It traces the chosen block with :func:`engine.inspect.trace`
and draws the chosen layer and direction in a :class:`app.tryit_views.GateHeatmaps`.
Switching the layer only redraws; switching the block traces again, from the same
inputs. The choice of block and layer survives a new model (after more training), so a
student can watch the same forget gate change from one pause to the next.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from torch import Tensor

from app.tryit_views import GateHeatmaps
from engine.compiler import CompiledModel
from engine.errors import RecurrenteError
from engine.inspect import Trace, trace


class GatesView(QWidget):
    """Block and layer combos above the heatmaps of one traced recurrent layer."""

    failed = Signal(str)  # the trace could not be computed; the message says why

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: CompiledModel | None = None
        self.last_trace: Trace | None = None
        self._inputs: dict[str, Tensor] = {}
        self._steps: dict[str, list[str]] = {}
        self._kept_layer = 0
        self._wanted: tuple[str | None, int] = (None, 0)  # the person's choice: block, layer
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        self.block_combo = QComboBox()
        self.block_combo.currentIndexChanged.connect(self._on_block_changed)
        self.layer_combo = QComboBox()
        self.layer_combo.currentIndexChanged.connect(self._on_layer_changed)
        pick.addWidget(QLabel(self.tr("Recurrent block:")))
        pick.addWidget(self.block_combo, 1)
        pick.addWidget(QLabel(self.tr("Layer:")))
        pick.addWidget(self.layer_combo, 1)
        column.addLayout(pick)
        self.heatmaps = GateHeatmaps()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.heatmaps)
        column.addWidget(scroll, 1)

    def set_model(self, model: CompiledModel | None, blocks: Mapping[str, str]) -> None:
        """Offer ``blocks`` (recurrent block id -> name) of ``model``; keep the choice."""
        chosen, layer = self._wanted
        self.model = model
        self.last_trace = None
        self._inputs = {}
        self.heatmaps.clear_maps()
        for combo in (self.block_combo, self.layer_combo):
            combo.blockSignals(True)
            combo.clear()
        for block_id, name in blocks.items():
            self.block_combo.addItem(name, block_id)
        self.block_combo.setCurrentIndex(max(0, self.block_combo.findData(chosen)))
        self._kept_layer = layer if chosen and self.block_combo.currentData() == chosen else 0
        for combo in (self.block_combo, self.layer_combo):
            combo.blockSignals(False)

    def show_input(self, inputs: dict[str, Tensor], steps: dict[str, list[str]]) -> None:
        """Trace the chosen block on ``inputs``; ``steps`` label each block's time steps."""
        self._inputs = inputs
        self._steps = steps
        self._show_trace()

    def select_block(self, block_id: str, layer: int = 0, direction: int = 0) -> None:
        """Show recurrent block ``block_id`` in ``layer`` / ``direction`` (from 0)."""
        index = self.block_combo.findData(block_id)
        if index < 0:
            return
        self.block_combo.setCurrentIndex(index)
        directions = self.last_trace.num_directions if self.last_trace is not None else 1
        wanted = layer * directions + direction
        if 0 <= wanted < self.layer_combo.count():
            self.layer_combo.setCurrentIndex(wanted)

    def current_layer(self) -> tuple[int, int]:
        """The (layer, direction) whose heatmaps are shown, both counted from 0."""
        if self.last_trace is None or self.layer_combo.currentIndex() < 0:
            return 0, 0
        return divmod(self.layer_combo.currentIndex(), self.last_trace.num_directions)

    @Slot(int)
    def _on_block_changed(self, _: int) -> None:
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.blockSignals(False)
        self._kept_layer = 0
        self._wanted = (self.block_combo.currentData(), 0)
        self._show_trace()

    @Slot(int)
    def _on_layer_changed(self, index: int) -> None:
        if self.last_trace is not None and self.layer_combo.count():
            self._wanted = (self.block_combo.currentData(), index)
            self._draw(self.last_trace)

    def _show_trace(self) -> None:
        block_id = self.block_combo.currentData()
        if self.model is None or block_id is None or not self._inputs:
            self.heatmaps.clear_maps()
            return
        try:
            found = trace(self.model, self._inputs, block_id)
        except RecurrenteError as exc:
            self.last_trace = None
            self.heatmaps.clear_maps()
            self.failed.emit(str(exc))
            return
        self.last_trace = found
        if self.layer_combo.count() != found.num_layers * found.num_directions:
            self.layer_combo.blockSignals(True)
            self.layer_combo.clear()
            for layer in range(found.num_layers):
                for direction in range(found.num_directions):
                    self.layer_combo.addItem(self._layer_text(found, layer, direction))
            count = self.layer_combo.count()
            self.layer_combo.setCurrentIndex(self._kept_layer if self._kept_layer < count else 0)
            self.layer_combo.blockSignals(False)
        self._draw(found)

    def _layer_text(self, found: Trace, layer: int, direction: int) -> str:
        if found.num_directions == 1:
            return self.tr("layer {n}").format(n=layer + 1)
        if direction:
            return self.tr("layer {n}, backward").format(n=layer + 1)
        return self.tr("layer {n}, forward").format(n=layer + 1)

    def _draw(self, found: Trace) -> None:
        layer, direction = divmod(max(0, self.layer_combo.currentIndex()), found.num_directions)
        steps = self._steps.get(found.block_id) or [str(t + 1) for t in range(found.steps)]
        self.heatmaps.show_trace(found, layer, direction, steps[: found.steps])
