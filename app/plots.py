"""Watching a run: loss, gradient norms and gradients through time, drawn live.

The panel is the session's recorder and its view. :meth:`PlotsPanel.add_events` receives
the engine's events in batches (from :class:`app.worker.TrainingController`) and appends
them to the numpy buffers of the live :class:`~app.runs.Run`; a 10 Hz timer then hands the
buffers to the curves of the visible tab with ``setData``. Items are made once (per run
and per named series), never per event, and every line downsamples to the screen's peaks
and clips to the view, so a run of a hundred thousand steps draws as fast as one of ten.

The tabs follow the lecture's story. *Loss*: training loss per step, raw and smoothed,
validation loss per epoch, and the metric per epoch. *Gradient norm*: the global norm
before and after clipping against the dashed clip threshold (crosses where clipping
fired), then per block and per matrix by the lecture's names (W, U, V, b). *Through time*:
||dL/dh(t)|| on a log colour scale over time step t and training step -- with a tanh RNN
on the adding problem the left of the picture goes dark (the gradient vanishes before it
reaches the early steps), with an LSTM that has learnt to keep its memory it stays lit.
*Compare runs*: tick runs to overlay them, e.g. RNN, GRU and LSTM on the adding problem.

The plots and fixed curves are described by the tables below; their strings are marked
with ``QT_TRANSLATE_NOOP`` and translated at run time by ``self.tr``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGraphicsItem,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.runs import QUANTITIES, Run, RunStore, log_image, write_csv
from app.turns import DRAWING

MAX_DUTY = 0.025  # drawing may take at most this share of the GUI thread
MIN_INTERVAL_MS = 60.0  # one plot per tick, never more often than this
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf")
LOG_GROUPS = {"loss": (0, ("loss",), False), "compare": (3, ("compare",), False),
              "gradients": (1, ("norm", "blocks", "matrices"), True)}  # (tab, plots, first)


def _line(plot: pg.PlotItem, name: str, color: str, width: float = 2.0,
          symbol: str | None = None) -> pg.PlotDataItem:
    """A curve. An antialiased line wider than 1 px took three times as long to paint as a
    1 px one, and painting holds the GUI thread: per-step curves (thousands of points) are
    1 px wide, or drawn without antialiasing when wider (pyqtgraph then paints segments)."""
    pen = pg.mkPen(color, width=width) if width else None
    style = {} if symbol is None else {"symbol": symbol, "symbolSize": 7 if symbol == "o"
                                       else 8, "symbolPen": color,
                                       "symbolBrush": color if symbol == "o" else None}
    smooth = width <= 1 or symbol is not None  # per-epoch curves have few points
    item = pg.PlotDataItem(name=name or None, pen=pen, antialias=smooth, **style)
    item.setDownsampling(auto=True, method="peak" if symbol is None else "subsample")
    item.setClipToView(True)
    plot.addItem(item)
    return item


class _Axis(pg.AxisItem):
    """An axis that, on a log scale, labels only 1, 2 and 5 times a power of ten."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = super().logTickStrings(values, scale, spacing)
        return [text if round(10 ** (value % 1)) in (1, 2, 5) else ""
                for text, value in zip(strings, values, strict=True)]


def _checkable(widget: QListWidget, text: str, data: Any, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    widget.addItem(item)
    return item


def _powers(low: float, high: float) -> list[tuple[float, str]]:
    """Colour-bar ticks at whole powers of ten: (exponent, "10⁻³")."""
    step = max(1, math.ceil((high - low) / 8))
    digits = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
    return [(float(e), "10" + str(e).translate(digits))
            for e in range(math.ceil(low), math.floor(high) + 1) if e % step == 0]


def steady_range(current: tuple[float, float], target: tuple[float, float], headroom: float,
                 ahead: bool, limit: float = math.inf) -> tuple[float, float]:
    """The range to show for data spanning ``target`` while ``current`` is shown.

    The current range stays while it holds the data and the data fill at least half of
    it; otherwise the new range leaves ``headroom`` (a share of the data's span) spare:
    after the end only when ``ahead`` (the step axis, which grows one way, never past
    ``limit``, the run's last step, and a margin), else on both sides. Every change of
    range redraws an axis's ticks, 10 ms of the GUI thread each; a live curve that moved
    its range on every draw paid that several times a second.
    """
    low, high = target
    span = high - low
    if span <= 0:
        return target
    if (current[0] <= low and high <= current[1]
            and span >= 0.5 * (current[1] - current[0])):
        return current
    if ahead:
        cap = limit + 0.05 * (limit - low)
        return low, min(high + headroom * span, cap) if high <= cap else high
    return low - headroom * span, high + headroom * span


class _SteadyViewBox(pg.ViewBox):
    """A ViewBox whose automatic range moves in steps (see :func:`steady_range`).

    Only the automatic ranging is steadied: a zoom, a pan or the "A" button behave as in
    any pyqtgraph plot.
    """

    _auto = False
    x_limit = math.inf  # the run's last step (or epoch), where the x range stops growing

    def updateAutoRange(self) -> None:
        self._auto = True
        try:
            super().updateAutoRange()
        finally:
            self._auto = False

    def setRange(self, rect: Any = None, xRange: Any = None, yRange: Any = None,
                 *args: Any, **kwargs: Any) -> None:
        if self._auto and rect is None:
            shown = self.viewRange()
            if xRange is not None:
                xRange = steady_range(tuple(shown[0]), tuple(xRange), 0.5, True,
                                      self.x_limit)
            if yRange is not None:
                yRange = steady_range(tuple(shown[1]), tuple(yRange), 0.1, False)
        super().setRange(rect, xRange, yRange, *args, **kwargs)


class _TimedView(pg.GraphicsLayoutWidget):
    """A plot view that adds the time of each of its paints to ``painted`` (seconds)."""

    painted = 0.0

    def paintEvent(self, event: Any) -> None:
        started = time.perf_counter()
        with DRAWING:  # see app.turns
            super().paintEvent(event)
        self.painted += time.perf_counter() - started


class _TabBuilt(dict):
    """``plots`` and ``curves`` of a :class:`PlotsPanel`: a missing key builds its tab."""

    def __init__(self, build: Any) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> Any:
        self._build(key)
        return dict.__getitem__(self, key)


class PlotsPanel(QWidget):
    """Live plots of the runs in ``runs`` (see the module docstring).

    A tab's plots are built the first time they are needed (the tab is drawn, or one of
    its plots or curves is asked for): twelve pyqtgraph plots cost a quarter of a second,
    a pause the window should not take while it starts.
    """

    # Marked for lupdate under the class's context, which self.tr() looks them up in.
    TABS = (QT_TRANSLATE_NOOP("PlotsPanel", "Loss"),
            QT_TRANSLATE_NOOP("PlotsPanel", "Gradient norm"),
            QT_TRANSLATE_NOOP("PlotsPanel", "Through time"),
            QT_TRANSLATE_NOOP("PlotsPanel", "Compare runs"))
    STEP = QT_TRANSLATE_NOOP("PlotsPanel", "training step")
    NORM = "‖∇‖"
    T = QT_TRANSLATE_NOOP("PlotsPanel", "time step t")
    PLOTS: ClassVar[dict[str, tuple[Any, ...]]] = {  # key: (tab, title, y label, x label, legend)
        "loss": (0, QT_TRANSLATE_NOOP("PlotsPanel", "Loss"),
                 QT_TRANSLATE_NOOP("PlotsPanel", "loss"), STEP, True),
        "metric": (0, QT_TRANSLATE_NOOP("PlotsPanel", "Metric per epoch"),
                   QT_TRANSLATE_NOOP("PlotsPanel", "metric"),
                   QT_TRANSLATE_NOOP("PlotsPanel", "epoch"), True),
        "norm": (1, QT_TRANSLATE_NOOP("PlotsPanel", "Global gradient norm"), NORM, STEP, True),
        "blocks": (1, QT_TRANSLATE_NOOP("PlotsPanel", "Per block"), NORM, STEP, True),
        "matrices": (1, QT_TRANSLATE_NOOP("PlotsPanel", "Per matrix"), NORM, STEP, True),
        "heatmap": (2, QT_TRANSLATE_NOOP("PlotsPanel",
                                         "‖dL/dh(t)‖ through time (colour: log scale)"),
                    STEP, T, False),
        "latest": (2, QT_TRANSLATE_NOOP("PlotsPanel", "Latest capture"), "‖dL/dh(t)‖", T,
                   False),
        "compare": (3, QT_TRANSLATE_NOOP("PlotsPanel", "Runs"), "", STEP, True),
    }
    STEP_PLOTS: ClassVar[frozenset[str]] = frozenset({"loss", "norm", "blocks", "matrices"})
    # key (a quantity of app.runs.QUANTITIES, or drawn apart): (plot, legend, colour, width,
    # symbol)
    CURVES: ClassVar[dict[str, tuple[Any, ...]]] = {
        "loss": ("loss", QT_TRANSLATE_NOOP("PlotsPanel", "training (per step)"), "#9ecae1",
                 1, None),
        "smoothed": ("loss", QT_TRANSLATE_NOOP("PlotsPanel", "training (smoothed)"),
                     PALETTE[0], 2, None),
        "valid_loss": ("loss", QT_TRANSLATE_NOOP("PlotsPanel", "validation (per epoch)"),
                       PALETTE[1], 2, "o"),
        "train_metric": ("metric", QT_TRANSLATE_NOOP("PlotsPanel", "training"), PALETTE[0],
                         2, "o"),
        "valid_metric": ("metric", QT_TRANSLATE_NOOP("PlotsPanel", "validation"),
                         PALETTE[1], 2, "o"),
        "norm": ("norm", QT_TRANSLATE_NOOP("PlotsPanel", "before clipping"), PALETTE[0], 1,
                 None),
        "clipped_norm": ("norm", QT_TRANSLATE_NOOP("PlotsPanel", "after clipping"),
                         PALETTE[2], 1, None),
        "clip_marks": ("norm", QT_TRANSLATE_NOOP("PlotsPanel", "clipping fired"),
                       PALETTE[3], 0, "x"),
        "latest": ("latest", "", PALETTE[4], 2, "o"),
    }
    QUANTITIES: ClassVar[dict[str, str]] = {
        "smoothed": QT_TRANSLATE_NOOP("PlotsPanel", "Training loss (smoothed)"),
        "valid_loss": QT_TRANSLATE_NOOP("PlotsPanel", "Validation loss"),
        "norm": QT_TRANSLATE_NOOP("PlotsPanel", "Gradient norm"),
        "valid_metric": QT_TRANSLATE_NOOP("PlotsPanel", "Validation metric")}

    def __init__(self, runs: RunStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs = runs if runs is not None else RunStore()
        self.live: Run | None = None  # receives events
        self.shown: Run | None = None  # drawn in the first three tabs
        self.plots: dict[str, pg.PlotItem] = _TabBuilt(self._build_tab_of_plot)
        self.curves: dict[str, pg.PlotDataItem] = _TabBuilt(self._build_tab_of_curve)
        self.named: dict[str, dict[str, pg.PlotDataItem]] = {"blocks": {}, "matrices": {},
                                                             "compare": {}}
        self.log_boxes: dict[str, QCheckBox] = {}
        self.log_y = {group: first for group, (_, _, first) in LOG_GROUPS.items()}
        self._views: dict[int, _TimedView] = {}
        self._painted = 0.0  # the views' paint seconds at the last draw
        self._spent = 0.0  # seconds taking in events since the last draw
        self._splits: list[QSplitter] = []
        self._dirty = True
        self._stale: list[str] = []  # plots of the visible tab still to draw, in order
        self._captures = -1
        self._whole_epochs: bool | None = None
        self.matrix_list, self.run_list = QListWidget(), QListWidget()
        self.matrix_list.itemChanged.connect(self._on_matrix_toggled)
        self.run_list.itemChanged.connect(self._on_compare_changed)
        self.run_list.itemDoubleClicked.connect(self._on_run_double_clicked)
        self.block_combo, self.quantity_combo = QComboBox(), QComboBox()
        self.block_combo.setMinimumWidth(180)
        self.block_combo.currentIndexChanged.connect(self._on_block_changed)
        for key, text in self.QUANTITIES.items():
            self.quantity_combo.addItem(self.tr(text), key)
        self.quantity_combo.currentIndexChanged.connect(self._on_compare_changed)
        self.tabs = QTabWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        extras = {1: (None, self.matrix_list), 2: (self.block_combo, None),
                  3: (self.quantity_combo, self.run_list)}
        for index, title in enumerate(self.TABS):
            self._add_tab(index, self.tr(title), *extras.get(index, (None, None)))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._on_timer)
        self.timer.start()

    # --- building ---------------------------------------------------------------------------

    def _add_tab(self, index: int, title: str, control: QWidget | None,
                 side: QWidget | None) -> None:
        """A page: a bar of controls above the tab's plots, with ``side`` on the right."""
        page = QWidget()
        column, bar = QVBoxLayout(page), QHBoxLayout()
        for group, (tab, _, first) in LOG_GROUPS.items():
            if tab == index:
                box = self.log_boxes[group] = QCheckBox(self.tr("Logarithmic scale"))
                box.setChecked(first)
                box.toggled.connect(lambda on, group=group: self.set_log_y(group, on))
                bar.addWidget(box)
        if control is not None:
            bar.addWidget(control)
        bar.addStretch(1)
        for text, kind in ((self.tr("Export PNG…"), "png"), (self.tr("Export CSV…"), "csv")):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, kind=kind: self._ask_export(None, kind))
            bar.addWidget(button)
        column.addLayout(bar)
        split = QSplitter()
        split.addWidget(QWidget())  # where the tab's plots go once built
        if side is not None:
            side.setMaximumWidth(280)
            split.addWidget(side)
        split.setStretchFactor(0, 1)
        self._splits.append(split)
        column.addWidget(split, 1)
        self.tabs.addTab(page, title)

    def build_tab(self, index: int) -> pg.GraphicsLayoutWidget:
        """The view of tab ``index``, with its plots and items (built on the first call)."""
        view = self._views.get(index)
        if view is not None:
            return view
        view = self._views[index] = _TimedView()
        view.setBackground("w")
        view.ci.setContentsMargins(4, 4, 12, 4)
        keys = [key for key, spec in self.PLOTS.items() if spec[0] == index]
        for col, key in enumerate(keys):
            self._add_plot(key, view, col)
        for key, (plot, name, color, width, symbol) in self.CURVES.items():
            if plot in keys:
                dict.__setitem__(self.curves, key, _line(
                    self.plots[plot], self.tr(name) if name else "", color, width, symbol))
        if index == 1:
            self.threshold_line = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(
                PALETTE[3], width=1.5, style=Qt.PenStyle.DashLine))
            self.threshold_line.hide()
            self.plots["norm"].addItem(self.threshold_line, ignoreBounds=True)
        elif index == 2:
            self._add_heatmap(view)
        for group, (tab, _, _) in LOG_GROUPS.items():
            if tab == index:
                self.set_log_y(group, self.log_y[group])
        placeholder = self._splits[index].replaceWidget(0, view)
        if placeholder is not None:
            placeholder.deleteLater()
        return view

    def build_all(self) -> None:
        """Build every tab now (exports, tests)."""
        for index in range(len(self.TABS)):
            self.build_tab(index)

    def _build_tab_of_plot(self, key: str) -> None:
        if key not in self.PLOTS:
            raise KeyError(key)
        self.build_tab(self.PLOTS[key][0])

    def _build_tab_of_curve(self, key: str) -> None:
        if key not in self.CURVES:
            raise KeyError(key)
        self.build_tab(self.PLOTS[self.CURVES[key][0]][0])

    def __getattr__(self, name: str) -> Any:
        # items of a tab not yet built: build it (Qt's own attributes never get here)
        tab = {"threshold_line": 1, "heatmap": 2, "colorbar": 2}.get(name)
        if tab is None:
            raise AttributeError(name)
        self.build_tab(tab)
        return self.__dict__[name]

    def _add_plot(self, key: str, view: pg.GraphicsLayoutWidget, col: int) -> int:
        """Add plot ``key`` in column ``col``, its legend below it; returns the next column.

        Side by side rather than stacked: the plots usually live in a wide, short dock
        under the canvas, where stacked plots leave no height for their data.
        """
        row = 0
        _, title, left, bottom, legend = self.PLOTS[key]
        plot = view.addPlot(row=row, col=col, axisItems={"left": _Axis("left")},
                            viewBox=_SteadyViewBox())
        dict.__setitem__(self.plots, key, plot)
        plot.setTitle(self.tr(title), color="k", size="11pt")
        font = QFont()
        font.setPointSize(10)
        for side, text in (("left", left), ("bottom", bottom)):
            axis = plot.getAxis(side)
            axis.setPen("k")
            axis.setTextPen("k")
            axis.setTickFont(font)
            axis.enableAutoSIPrefix(False)
            # major and minor ticks, no third level: a third of the cost of a tick redraw
            axis.setStyle(maxTickLevel=1, maxTextLevel=1)
            axis.setLabel(self.tr(text) if text else "", color="k", **{"font-size": "10pt"})
        # No grid: pyqtgraph draws it as part of the axis, and replaying that took 3 ms of
        # every redraw, a quarter of the budget of a GUI thread that must not stall.
        for side in ("left", "bottom"):  # repainted from a pixmap until the ticks change
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if not legend:
            return col + 1
        # under the plot, not over the data: PlotItem.addItem fills ``plot.legend``
        plot.legend = pg.LegendItem(colCount=3, labelTextColor="k", labelTextSize="9pt")
        view.addItem(plot.legend, row=row + 1, col=col)
        return col + 1

    def _add_heatmap(self, view: pg.GraphicsLayoutWidget) -> None:
        self.heatmap = pg.ImageItem(axisOrder="row-major")
        self.plots["heatmap"].addItem(self.heatmap)
        self.colorbar = pg.ColorBarItem(values=(-6, 0), colorMap=pg.colormap.get("viridis"),
                                        interactive=False, width=16, pen="k")
        self.colorbar.setImageItem(self.heatmap, insert_in=self.plots["heatmap"])
        self.colorbar.getAxis("right").setTextPen("k")
        view.ci.layout.setColumnStretchFactor(0, 3)
        view.ci.layout.setColumnStretchFactor(1, 2)
        self.plots["latest"].setLogMode(y=True)

    # --- public slots and methods -----------------------------------------------------------

    @Slot(object)
    def begin_run(self, run: Run) -> None:
        """Record the next events into ``run`` and show it."""
        self.runs.add(run)
        self.live = run
        _checkable(self.run_list, run.name, run.id, True)
        self.show_run(run.id)

    @Slot(list)
    def add_events(self, events: list[Any]) -> None:
        """Append engine events to the live run (a new one for an unannounced RunStarted)."""
        started = time.perf_counter()
        with DRAWING:
            self._record(events)
        self._spent += time.perf_counter() - started

    def _record(self, events: list[Any]) -> None:
        start = 0
        for i, event in enumerate(events):
            if event.name == "run_started" and (self.live is None
                                                or self.live.status != "waiting"):
                if self.live is not None:
                    self.live.record(events[start:i])
                self.begin_run(self.runs.new())
                start = i
        if self.live is None:
            self.begin_run(self.runs.new())
        assert self.live is not None
        self.live.record(events[start:])
        self._dirty = True

    def show_run(self, run_id: int) -> None:
        """Draw run ``run_id`` in the loss, gradient and time tabs."""
        run = self.runs.get(run_id)
        if run is None or run is self.shown:
            return
        self.shown = run
        for group in ("blocks", "matrices"):
            for curve in self.named[group].values():
                self.plots[group].removeItem(curve)
            self.named[group].clear()
        self.matrix_list.clear()
        self.block_combo.clear()
        self._captures = -1
        self.refresh()

    def set_log_y(self, group: str, on: bool) -> None:
        """Logarithmic y for the plots of a group: "loss", "gradients" or "compare"."""
        self.log_y[group] = on
        for key in LOG_GROUPS[group][1]:
            if key in self.plots:  # the others take it when their tab is built
                self.plots[key].setLogMode(y=on)
        box = self.log_boxes[group]
        if box.isChecked() != on:
            box.setChecked(on)
        self._place_threshold()

    def set_compared(self, run_ids: Iterable[int]) -> None:
        """Tick exactly these runs in the compare list."""
        wanted = set(run_ids)
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._refresh_compare()

    def export_png(self, path: str | Path, plot: str | None = None) -> None:
        """Write one plot (a key of :attr:`plots`) or the whole visible tab as PNG."""
        self.refresh(force=True)
        target = self.plots[plot] if plot else self.build_tab(self.tabs.currentIndex()).ci
        exporter = pyqtgraph.exporters.ImageExporter(target)
        exporter.parameters()["width"] = max(800, int(target.boundingRect().width()))
        exporter.export(str(path))

    def export_csv(self, path: str | Path, plot: str | None = None) -> int:
        """Write the data of one plot, or of the visible tab, as ``plot,curve,x,y`` rows.

        Hidden curves are left out. The heatmap writes one curve per captured training
        step, ``x`` the time step and ``y`` ||dL/dh(t)||. Returns the number of data rows.
        """
        self.refresh(force=True)
        tab = self.tabs.currentIndex()
        keys = [plot] if plot else [k for k, spec in self.PLOTS.items() if spec[0] == tab]
        block = self.block_combo.currentData()
        rows: list[tuple[str, str, float, float]] = []
        for key in keys:
            if key == "heatmap" and self.shown is not None and block is not None:
                rows += [("heatmap", *row) for row in self.shown.series.heatmap_rows(*block)]
            for item in self.plots[key].listDataItems():
                if item.isVisible() and item.xData is not None:
                    rows += [(key, item.name() or "", float(x), float(y))
                             for x, y in zip(item.xData, item.yData, strict=True)]
        write_csv(path, ("plot", "curve", "x", "y"), rows)
        return len(rows)

    # --- drawing ----------------------------------------------------------------------------

    @Slot()
    def refresh(self, force: bool = False) -> None:
        """Draw the visible tab's plots from the buffers, all of them, now.

        A hidden panel draws nothing (it is drawn when shown) unless ``force`` is given.
        During a run the timer draws one plot per tick instead (:meth:`_on_timer`).
        """
        if not (force or self.isVisible()):
            self._dirty = True
            return
        self._dirty = False
        self._sync_run_names()
        for plot in self._tab_plots(self.tabs.currentIndex()):
            self._draw(plot)
        self._stale.clear()

    def _tab_plots(self, tab: int) -> tuple[str, ...]:
        """The units the timer draws one at a time ("heatmap" covers "latest" too)."""
        return tuple(key for key, spec in self.PLOTS.items()
                     if spec[0] == tab and key != "latest")

    def _draw(self, plot: str) -> None:
        """Hand the shown run's buffers to the items of one plot."""
        if plot == "compare":
            self._refresh_compare()
            return
        run = self.shown
        if run is None:
            return
        if plot in self.STEP_PLOTS or plot == "metric":
            epochs, steps = run.planned
            self.plots[plot].getViewBox().x_limit = (
                (epochs if plot == "metric" else steps) or math.inf)
        for key, (target, *_) in self.CURVES.items():
            if key in QUANTITIES and target == plot:
                self._set(self.curves[key], run, *run.series.curve(key))
        if plot == "metric":
            self._refresh_metric(run)
        elif plot == "norm":
            self._refresh_norm(run)
        elif plot in ("blocks", "matrices"):
            self._refresh_named(plot, run)
        elif plot == "heatmap":
            self._refresh_time(run)

    def _set(self, curve: pg.PlotDataItem, run: Run, x: np.ndarray, y: np.ndarray) -> None:
        """``curve.setData(x, y)`` unless it already shows them.

        A run's buffers only grow, so the run, the length and the last x say whether the
        data are new. Most curves of a plot do not change between two draws (the
        per-epoch ones, the clipping marks), and pyqtgraph rebuilds a curve, its symbols
        included, on every setData.
        """
        given = (run.id, len(x), float(x[-1]) if len(x) else math.nan)
        if getattr(curve, "given", None) == given and len(x):
            return
        curve.given = given
        curve.setData(x, y)

    def _refresh_metric(self, run: Run) -> None:
        self._label("metric", "left", run.series.metric or self.tr("metric"))
        whole = len(run.series.epoch) <= 15  # ticks at whole epochs while they fit
        if whole != self._whole_epochs:
            self._whole_epochs = whole
            self.plots["metric"].getAxis("bottom").setTickSpacing(*((1, 1) if whole else ()))

    def _refresh_norm(self, run: Run) -> None:
        s = run.series
        fired = s.clipped.view() > 0
        self._set(self.curves["clip_marks"], run, s.grad_step.view()[fired],
                  s.norm.view()[fired])
        self._place_threshold()

    def _refresh_named(self, group: str, run: Run) -> None:
        s = run.series
        steps = s.grad_step.view()
        curves = self.named[group]
        for name, buffer in (s.blocks if group == "blocks" else s.matrices).items():
            curve = curves.get(name)
            if curve is None:
                curve = curves[name] = self._named_curve(group, name, run)
            self._set(curve, run, steps[: len(buffer)], buffer.view())

    def _named_curve(self, group: str, name: str, run: Run) -> pg.PlotDataItem:
        color = PALETTE[len(self.named[group]) % len(PALETTE)]
        block, _, label = name.partition(": ")
        text = f"{run.label(block)}: {label}" if label else run.label(name)
        curve = _line(self.plots[group], text, color, 1)
        if group == "matrices":  # the recurrent matrices W are shown at first
            shown = label.startswith("W") or not label
            _checkable(self.matrix_list, text, name, shown).setForeground(pg.mkColor(color))
            self._show_curve("matrices", curve, shown)
        return curve

    def _show_curve(self, group: str, curve: pg.PlotDataItem, shown: bool) -> None:
        legend = self.plots[group].legend
        curve.setVisible(shown)
        legend.removeItem(curve)
        if shown:
            legend.addItem(curve, curve.name())

    def _place_threshold(self) -> None:
        if 1 not in self._views:
            return
        threshold = self.shown.series.threshold if self.shown is not None else 0.0
        self.threshold_line.setVisible(threshold > 0)
        if threshold > 0:
            log = self.log_y["gradients"]
            self.threshold_line.setValue(math.log10(threshold) if log else threshold)

    def _refresh_time(self, run: Run) -> None:
        keys = sorted(run.series.time_norms)
        if self.block_combo.count() != len(keys):
            self.block_combo.blockSignals(True)
            self.block_combo.clear()
            for block, layer in keys:
                self.block_combo.addItem(
                    self.tr("{0} · layer {1}").format(run.label(block), layer + 1),
                    (block, layer))
            self.block_combo.blockSignals(False)
        key = self.block_combo.currentData()
        if key is None or len(run.series.time_step) == self._captures:
            return
        self._captures = len(run.series.time_step)
        steps, norms = run.series.heatmap(*key)
        if norms.size == 0:
            return
        image, levels = log_image(norms)
        self.heatmap.setImage(image, levels=levels)
        self.colorbar.setLevels(levels)
        self.colorbar.getAxis("right").setTicks([_powers(*levels), []])
        first, last = float(steps[0]), float(steps[-1])
        spacing = (last - first) / (len(steps) - 1) if len(steps) > 1 else 1.0
        self.heatmap.setRect(QRectF(0.5, first, norms.shape[1], spacing * len(steps)))
        latest = norms[-1][np.isfinite(norms[-1])]
        self.curves["latest"].setData(np.arange(1, len(latest) + 1), latest)
        self.plots["latest"].setTitle(self.tr("Latest capture (step {0})").format(int(last)),
                                      color="k", size="11pt")

    def _refresh_compare(self) -> None:
        quantity = self.quantity_combo.currentData()
        curves = self.named["compare"]
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            run = self.runs.get(item.data(Qt.ItemDataRole.UserRole))
            if run is None:
                continue
            curve = curves.get(str(run.id))
            if curve is None:
                color = PALETTE[(run.id - 1) % len(PALETTE)]
                curve = curves[str(run.id)] = _line(self.plots["compare"], run.name, color, 1)
            curve.setData(*run.series.curve(quantity))
            shown = item.checkState() == Qt.CheckState.Checked
            if shown != curve.isVisible():
                self._show_curve("compare", curve, shown)
        self._label("compare", "left", self.quantity_combo.currentText())
        self._label("compare", "bottom", self.tr("epoch" if "metric" in quantity else self.STEP))

    def _label(self, plot: str, side: str, text: str) -> None:
        axis = self.plots[plot].getAxis(side)
        if axis.labelText != text:  # a new label lays the plot out again: only when needed
            axis.setLabel(text, color="k", **{"font-size": "10pt"})

    def _sync_run_names(self) -> None:
        statuses = {"failed": self.tr(" (failed)"), "stopped": self.tr(" (stopped)")}
        for row in range(self.run_list.count()):
            item = self.run_list.item(row)
            run = self.runs.get(item.data(Qt.ItemDataRole.UserRole))
            text = run.name + statuses.get(run.status, "") if run is not None else item.text()
            if item.text() != text:
                item.setText(text)

    # --- private slots ----------------------------------------------------------------------

    @Slot()
    def _on_timer(self) -> None:
        """Draw what arrived, now, and wait longer next time if drawing was slow."""
        if not self.isVisible():
            self._spent = 0.0
            return
        tab = self.tabs.currentIndex()
        if self._dirty:  # new data: every plot of the tab is stale, drawn in turn
            self._dirty = False
            self._sync_run_names()
            order = self._tab_plots(tab)  # the longest waiting first
            self._stale = [p for p in self._stale if p in order] + [
                p for p in order if p not in self._stale]
        if not self._stale:
            return
        plot = self._stale.pop(0)
        started = time.perf_counter()
        with DRAWING:
            self._draw(plot)
        # Everything the panel cost the GUI thread since the last draw counts against the
        # duty: this draw, the paints Qt made of it (it paints changed areas on its own;
        # a synchronous repaint here painted twice) and the events taken in meanwhile.
        # The training thread waits for the GIL while any of it runs.
        painted = sum(view.painted for view in self._views.values())
        busy = (time.perf_counter() - started + painted - self._painted + self._spent)
        self._painted, self._spent = painted, 0.0
        self.timer.setInterval(int(min(1000.0, max(MIN_INTERVAL_MS,
                                                   1000 * busy / MAX_DUTY))))

    @Slot(int)
    def _on_tab_changed(self, _index: int) -> None:
        self._captures = -1
        self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    @Slot(int)
    def _on_block_changed(self, _index: int) -> None:
        self._captures = -1
        self._dirty = True

    @Slot()
    def _on_compare_changed(self) -> None:
        if 3 in self._views:  # else drawn when the tab is built
            self._refresh_compare()

    @Slot(QListWidgetItem)
    def _on_run_double_clicked(self, item: QListWidgetItem) -> None:
        self.show_run(item.data(Qt.ItemDataRole.UserRole))

    @Slot(QListWidgetItem)
    def _on_matrix_toggled(self, item: QListWidgetItem) -> None:
        curve = self.named["matrices"].get(item.data(Qt.ItemDataRole.UserRole))
        if curve is not None:
            self._show_curve("matrices", curve, item.checkState() == Qt.CheckState.Checked)

    def _ask_export(self, plot: str | None, kind: str) -> None:
        filters = {"png": self.tr("PNG image (*.png)"), "csv": self.tr("CSV table (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"),
                                              f"{plot or 'plots'}.{kind}", filters[kind])
        if path:
            (self.export_png if kind == "png" else self.export_csv)(path, plot)
