"""The try-it panel's pictures: class bars, series, piano roll and the gates over time.

Each view is one pyqtgraph widget on a white ground (like the training plots) that is
handed plain numbers and redraws itself: :class:`ProbabilityBars` (a BarGraphItem with
the class names under the bars), :class:`SeriesPlot` (prediction against target over t),
:class:`PianoRoll` (an ImageItem, time on x, keys on y, named as notes) and
:class:`GateHeatmaps`, which stacks one heatmap per quantity of a recurrent layer —
h(t), every gate, the candidate and the LSTM's cell state — with units on y, the input's
tokens on x and a colour bar each. Gates share a fixed [0, 1] scale so that a forget gate
holding its memory (near 1 across a clause) reads the same in every picture; tanh-bounded
quantities use a diverging scale on [-1, 1] and c(t) one symmetric about zero.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from app.tryit_inputs import NOTE_NAMES, note_name
from engine.inspect import GATES, Trace

INK = "k"
BAR = "#1f77b4"
TARGET = "#ff7f0e"
FONT = QFont()
FONT.setPointSize(9)
GATE_MAP = pg.colormap.get("viridis")
SIGNED_MAP = pg.colormap.get("CET-D1")
ROLL_MAP = pg.ColorMap([0.0, 1.0], [(255, 255, 255), (25, 35, 90)])


def style_plot(plot: pg.PlotItem, left: str = "", bottom: str = "") -> None:
    """Black axes and readable ticks on a white ground."""
    for side, text in (("left", left), ("bottom", bottom)):
        axis = plot.getAxis(side)
        axis.setPen(INK)
        axis.setTextPen(INK)
        axis.setTickFont(FONT)
        axis.enableAutoSIPrefix(False)
        axis.setLabel(text, color=INK, **{"font-size": "9pt"})


def _widget(plot_widget: pg.PlotWidget) -> pg.PlotItem:
    plot_widget.setBackground("w")
    return plot_widget.getPlotItem()


class ProbabilityBars(pg.PlotWidget):
    """Class probabilities, one named bar each; or predicted values beside their targets."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = _widget(self)
        style_plot(self.plot, self.tr("probability"))
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=BAR)
        self.targets = pg.BarGraphItem(x=[], height=[], width=0.6, brush=TARGET)
        self.plot.addItem(self.bars)
        self.plot.addItem(self.targets)

    def show_values(self, names: Sequence[str], values: Sequence[float]) -> None:
        """One bar per class, heights in [0, 1], the class names below."""
        self.plot.getAxis("left").setLabel(self.tr("probability"), color=INK)
        self.bars.setOpts(x=np.arange(len(values), dtype=float),
                          height=np.asarray(values, float))
        self.targets.setOpts(x=[], height=[])
        self.plot.getAxis("bottom").setTicks([list(enumerate(names))])
        self.plot.setXRange(-0.7, len(values) - 0.3, padding=0)
        self.plot.setYRange(0.0, 1.0, padding=0.02)

    def show_pairs(self, names: Sequence[str], values: Sequence[float],
                   targets: Sequence[float] | None) -> None:
        """A prediction bar (blue) and, when known, its target (orange) for each value."""
        self.plot.getAxis("left").setLabel(self.tr("value"), color=INK)
        x = np.arange(len(values), dtype=float) * 2
        self.bars.setOpts(x=x, height=np.asarray(values, float))
        ticks = [(float(p), self.tr("{name} predicted").format(name=n))
                 for p, n in zip(x, names, strict=True)]
        if targets is None:
            self.targets.setOpts(x=[], height=[])
        else:
            self.targets.setOpts(x=x + 1, height=np.asarray(targets, float))
            ticks += [(float(p) + 1, self.tr("{name} target").format(name=n))
                      for p, n in zip(x, names, strict=True)]
        self.plot.getAxis("bottom").setTicks([sorted(ticks)])
        both = np.concatenate([np.asarray(values, float), np.asarray(targets or [], float)])
        low, high = min(0.0, float(both.min())), max(0.0, float(both.max()))
        self.plot.setXRange(-0.7, 2 * len(values) - 0.3 - (targets is None), padding=0)
        self.plot.setYRange(low, high if high > low else low + 1.0, padding=0.05)


class SeriesPlot(pg.PlotWidget):
    """Prediction against target over time steps t."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = _widget(self)
        style_plot(self.plot, self.tr("value"), self.tr("time step t"))
        self.plot.addLegend(offset=(-10, 10), labelTextColor=INK)
        self.target = self.plot.plot(name=self.tr("target"), pen=pg.mkPen(TARGET, width=2))
        self.prediction = self.plot.plot(name=self.tr("prediction"),
                                         pen=pg.mkPen(BAR, width=2))

    def show_series(self, prediction: np.ndarray, target: np.ndarray | None) -> None:
        t = np.arange(1, len(prediction) + 1)
        self.prediction.setData(t, prediction)
        if target is None:
            self.target.setData([], [])
        else:
            self.target.setData(np.arange(1, len(target) + 1), target)
        self.plot.enableAutoRange()


class PianoRoll(pg.PlotWidget):
    """A multi-hot sequence: time on x, keys on y named as notes (every C labelled)."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = _widget(self)
        style_plot(self.plot, self.tr("key"), self.tr("time step t"))
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setColorMap(ROLL_MAP)  # dark notes on white
        self.plot.addItem(self.image)
        self.roll = np.zeros((0, 0))

    def show_roll(self, roll: np.ndarray) -> None:
        """``roll`` (T, keys) with values in [0, 1]; column 0 (t = 0) is the start element."""
        self.roll = roll
        self.image.setImage(roll, levels=(0.0, 1.0))
        self.image.setRect(-0.5, 0.0, roll.shape[0], roll.shape[1])  # column t centred on t
        keys = roll.shape[1]
        names = [(k + 0.5, note_name(k)) for k in range(keys)]
        octaves = [tick for tick in names if tick[1].rstrip("-0123456789") == NOTE_NAMES[0]]
        others = [tick for tick in names if tick not in octaves]
        self.plot.getAxis("left").setTicks([octaves, others])
        used = np.nonzero(roll.max(axis=0) > 0.5)[0]
        low, high = (int(used.min()) - 4, int(used.max()) + 5) if used.size else (0, keys)
        self.plot.setYRange(max(0, low), min(keys, high), padding=0)
        self.plot.setXRange(-0.5, roll.shape[0] - 0.5, padding=0)


class GateHeatmaps(pg.GraphicsLayoutWidget):
    """One heatmap per quantity of one layer and direction of a :class:`Trace`.

    The rows (plot, image, colour bar) are made once per set of quantities and then only
    handed new values, so re-running an input or switching layers does not rebuild them.
    """

    ROW_HEIGHT = 120

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.ci.setContentsMargins(2, 2, 8, 2)
        self.images: dict[str, pg.ImageItem] = {}
        self.plots: dict[str, pg.PlotItem] = {}
        self.bars: dict[str, pg.ColorBarItem] = {}

    def clear_maps(self) -> None:
        self.clear()
        self.images.clear()
        self.plots.clear()
        self.bars.clear()

    def _rows(self, symbols: Sequence[str]) -> None:
        if list(self.images) == list(symbols):
            return
        self.clear_maps()
        for row, symbol in enumerate(symbols):
            plot = self.addPlot(row=row, col=0)
            style_plot(plot, self.tr("unit"))
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            image = pg.ImageItem(axisOrder="col-major")  # values[t, unit]: t on x
            plot.addItem(image)
            gate = symbol in GATES
            bar = pg.ColorBarItem(values=(0.0, 1.0) if gate else (-1.0, 1.0),
                                  colorMap=GATE_MAP if gate else SIGNED_MAP,
                                  interactive=False, width=12, pen=INK)
            bar.setImageItem(image, insert_in=plot)
            bar.getAxis("right").setTextPen(INK)
            bar.getAxis("right").setTickFont(FONT)
            self.images[symbol], self.plots[symbol], self.bars[symbol] = image, plot, bar
        self.setMinimumHeight(self.ROW_HEIGHT * max(1, len(symbols)))

    def show_trace(self, trace: Trace, layer: int, direction: int,
                   steps: Sequence[str]) -> None:
        """Draw every quantity of ``trace`` in ``layer``/``direction``; x ticks ``steps``."""
        self._rows(trace.symbols)
        ticks = [(t + 0.5, label[:10]) for t, label in enumerate(steps)]
        for symbol in trace.symbols:
            values = trace.get(symbol, layer, direction).numpy()
            plot = self.plots[symbol]
            plot.setTitle(self.describe(trace.cell, symbol), color=INK, size="9pt")
            plot.getAxis("bottom").setTicks([ticks])
            if symbol in GATES:
                levels = (0.0, 1.0)
            else:  # tanh-bounded, except c(t), which may grow past 1
                bound = 1.0 if symbol != "c" else max(1.0, float(np.abs(values).max(initial=0)))
                levels = (-bound, bound)
            self.images[symbol].setImage(values, levels=levels)
            self.bars[symbol].setLevels(levels)
            plot.setXRange(0, max(1, values.shape[0]), padding=0)
            plot.setYRange(0, values.shape[1], padding=0)

    def describe(self, cell: str, symbol: str) -> str:
        """A row's title: the symbol and what it is (PyTorch's GRU named honestly)."""
        if cell == "gru_pytorch":
            pytorch = {"r": self.tr("r: PyTorch's reset gate, inside the recurrent term"),
                       "z": self.tr("z: PyTorch's share of h(t-1) kept"),
                       "Gu": self.tr("Gu = 1 − z: update gate (share of the candidate)"),
                       "n": self.tr("n(t): PyTorch's candidate state")}
            if symbol in pytorch:
                return pytorch[symbol]
        text = {"h": self.tr("h(t): hidden state"), "c": self.tr("c(t): cell state"),
                "c~": self.tr("c~(t): candidate cell state"),
                "h~": self.tr("h~(t): candidate state"),
                "Gu": self.tr("Gu: update gate"), "Gf": self.tr("Gf: forget gate"),
                "Go": self.tr("Go: output gate"), "Gr": self.tr("Gr: relevance gate")}
        return text.get(symbol, symbol)
