"""Running a trained model on one input for the try-it panel, and saying what came out.

:class:`Runner` holds the model, its design and the data description; it picks the
panel's *mode* from the network shape and the kind of target, builds a batch of one from
a typed text, a validation example or a start element, runs the model in eval mode
without gradients, and returns an :class:`Output`: which view draws it, how, the words to
show, and the exact inputs (with the generated sequence as the feedback block's targets,
for generation) from which the panel traces the gates. Step labels per recurrent block
say what each time step read: the input's tokens for an encoder or a tagger, the start
element then the previous output for a decoder or a generator (x(t) = y(t-1)).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTextBrowser, QWidget
from torch import Tensor

from app import tryit_inputs as TI
from app.tryit_views import PianoRoll, ProbabilityBars, SeriesPlot
from engine.compiler import CompiledModel, signature
from engine.data.base import DataSpec, Example, ExampleList
from engine.design import Design, PortRef
from engine.inspect import recurrent_block_ids
from engine.validation import M_TO_N_ENC_DEC, M_TO_N_SYNC, ONE_TO_N, analyze

OUTPUT_VIEWS: dict[str, Callable[[], QWidget]] = {
    "bars": ProbabilityBars, "series": SeriesPlot, "roll": PianoRoll, "text": QTextBrowser}
GREEDY = 1e-6  # a temperature this low turns sampling into taking the most likely element
GREY = "#9a9a9a"


class TryItError(Exception):
    """An input the model cannot take; the message is shown in the panel."""


@dataclass
class Output:
    """What one run produced and how the panel shows it."""

    view: str  # a key of OUTPUT_VIEWS
    draw: Callable[[Any], None]
    inputs: dict[str, Tensor]
    steps: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""
    tokens_html: str = ""
    summary: str = ""


@contextmanager
def evaluating(model: CompiledModel) -> Iterator[None]:
    """Eval mode and no gradients, then the model's own mode back (a paused run)."""
    was = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield
    finally:
        model.train(was)


class Runner(QObject):
    """One model, design and data description; see the module docstring."""

    def __init__(self, model: CompiledModel, design: Design, spec: DataSpec,
                 valid: ExampleList | None = None) -> None:
        super().__init__()
        analysis = analyze(design)
        if not analysis.ok:
            raise TryItError(self.tr("The design has errors; fix them and train it again."))
        sig = signature(design, analysis)
        if len(sig.outputs) != 1:
            raise TryItError(self.tr("Trying a design needs exactly one output block."))
        self.model, self.design, self.spec = model, design, spec
        self.shape = analysis.network_shape or ""
        first = sig.inputs[0] if sig.inputs else ("", "none", False, 0)
        self.input_id, self.input_mode, self.tokens, self.input_size = first
        self.output_id, self.activation, self.per_step = sig.outputs[0]
        self.feedback = sig.feedback
        self.examples: list[Example] = list(valid.examples) if valid is not None else []
        self.vocab = spec.input_vocab
        self.classes = spec.target_vocab
        self.by_characters = TI.by_characters(self.vocab)
        sampling = design.blocks[self.feedback].params["sampling"] if self.feedback else ""
        self.samples = sampling != "greedy"  # the temperature matters
        kind = "labels" if spec.target_kind != "real" else "values"
        if self.feedback and self.shape == ONE_TO_N:
            self.mode = "generate"
        elif self.feedback and self.shape == M_TO_N_ENC_DEC:
            self.mode = "translate"
        elif self.per_step or self.shape == M_TO_N_SYNC:
            self.mode = "tag" if kind == "labels" else "forecast"
        else:
            self.mode = "classify" if kind == "labels" else "regress"
        self.can_type = (self.tokens and bool(self.vocab) and self.input_mode == "sequence"
                         and self.mode in ("classify", "translate", "tag"))
        self.axes: dict[str, str] = {}
        for block_id in recurrent_block_ids(model):
            shape = analysis.input_shape(design, PortRef(block_id, "input"))
            self.axes[block_id] = shape.axis if shape is not None else ""

    def default_length(self) -> int:
        lengths = [int(e["target"].shape[0]) for e in self.examples[:50]
                   if self.spec.per_step and e["target"].dim() > 0]
        if self.mode == "translate":
            return max(lengths, default=35) + 5
        return max(lengths, default=32)

    # --- inputs ----------------------------------------------------------------------------

    def _batch(self, x: Tensor) -> dict[str, Tensor]:
        if not self.input_id:
            return {}
        if self.input_mode == "sequence":
            return {self.input_id: x.unsqueeze(0),
                    self.input_id + ":len": torch.tensor([x.shape[0]])}
        return {self.input_id: x.unsqueeze(0)}

    def _step_labels(self, inputs: dict[str, Tensor], tokens: list[str],
                     fed_back: list[str] | None = None) -> dict[str, list[str]]:
        labels: dict[str, list[str]] = {}
        for block_id, axis in self.axes.items():
            if axis == f"in:{self.input_id}":
                labels[block_id] = [TI.show_token(t) for t in tokens]
            elif axis.startswith("fb:") and fed_back is not None:
                labels[block_id] = [self.tr("start")] + [TI.show_token(t) for t in fed_back]
        return labels

    def run_text(self, text: str) -> Output:
        """The model's output for a typed sentence."""
        if not self.can_type:
            raise TryItError(self.tr("This model's input cannot be typed; pick an example."))
        encoded = TI.encode_text(text, self.vocab)
        if not encoded.tokens:
            raise TryItError(self.tr("Type a sentence first: the input is empty."))
        shown = []
        for token, known in zip(encoded.tokens, encoded.known, strict=True):
            escaped = html.escape(token)
            shown.append(escaped if known else f'<span style="color:{GREY}">{escaped}</span>')
        tokens_html = ("" if self.by_characters else " ").join(shown)
        if not encoded.ids:
            raise TryItError(self.tr("None of these words is in the data set's vocabulary: "
                                     "{words}").format(words=", ".join(encoded.unknown)))
        note = ""
        if encoded.unknown:
            how = (self.tr("read as <unk>") if "<unk>" in self.vocab
                   else self.tr("left out: the vocabulary has no <unk>"))
            note = self.tr("Not in the vocabulary ({how}): {words}").format(
                how=how, words=", ".join(sorted(set(encoded.unknown))))
        output = self._run(torch.tensor(encoded.ids), None, encoded.fed)
        output.tokens_html = tokens_html
        output.note = "\n".join(n for n in (note, output.note) if n)
        return output

    def run_example(self, index: int) -> Output:
        """The model's output for validation example ``index``, beside its target."""
        if not 0 <= index < len(self.examples):
            raise TryItError(self.tr("There is no validation example {n}.").format(n=index + 1))
        example = self.examples[index]
        tokens = TI.example_tokens(example, self.spec)
        output = self._run(example["input"], example["target"], tokens)
        if self.tokens and self.vocab:
            output.tokens_html = html.escape(TI.join_tokens(tokens, self.vocab))
        return output

    def _run(self, x: Tensor, target: Tensor | None, tokens: list[str]) -> Output:
        inputs = self._batch(x)
        if self.mode == "translate":
            return self._translate(inputs, target, tokens)
        if self.mode == "generate":
            raise TryItError(self.tr("Use Generate for this design."))
        with evaluating(self.model):
            y = self.model(inputs)[self.output_id][0]
        steps = self._step_labels(inputs, tokens)
        if self.mode == "classify":
            return self._classify(y, target, inputs, steps)
        if self.mode == "regress":
            return self._regress(y, target, inputs, steps)
        if self.mode == "tag":
            return self._tag(y, target, tokens, inputs, steps)
        return self._forecast(y, target, inputs, steps)

    # --- the modes -------------------------------------------------------------------------

    def _names(self, count: int) -> list[str]:
        if len(self.classes) >= count:
            return list(self.classes[:count])
        return [self.tr("class {n}").format(n=i + 1) for i in range(count)]

    def _classify(self, y: Tensor, target: Tensor | None, inputs: dict[str, Tensor],
                  steps: dict[str, list[str]]) -> Output:
        probs = y.reshape(-1).tolist()
        names = self._names(len(probs))
        best = int(np.argmax(probs))
        summary = self.tr("→ <b>{name}</b> ({p:.0%})").format(name=html.escape(names[best]),
                                                              p=probs[best])
        if target is not None and target.dim() == 0:
            summary += "   " + self.tr("target: {name}").format(
                name=html.escape(names[int(target)]))
        return Output("bars", lambda view: view.show_values(names, probs), inputs, steps,
                      summary=summary)

    def _regress(self, y: Tensor, target: Tensor | None, inputs: dict[str, Tensor],
                 steps: dict[str, list[str]]) -> Output:
        values = y.reshape(-1).tolist()
        wanted = target.reshape(-1).tolist() if target is not None else None
        names = ["y"] if len(values) == 1 else [f"y{i + 1}" for i in range(len(values))]
        summary = self.tr("prediction {value}").format(
            value=", ".join(f"{v:.4g}" for v in values))
        if wanted is not None:
            summary += "   " + self.tr("target {value}").format(
                value=", ".join(f"{v:.4g}" for v in wanted))
        return Output("bars", lambda view: view.show_pairs(names, values, wanted), inputs,
                      steps, summary=summary)

    def _tag(self, y: Tensor, target: Tensor | None, tokens: list[str],
             inputs: dict[str, Tensor], steps: dict[str, list[str]]) -> Output:
        names = self._names(y.shape[-1])
        predicted = [names[i] for i in y.argmax(-1).tolist()]
        wanted = [names[i] if 0 <= i < len(names) else "" for i in target.tolist()] \
            if target is not None and target.dim() == 1 else None
        right = sum(p == w for p, w in zip(predicted, wanted or [], strict=False))
        cells = []
        for t, token in enumerate(tokens):
            tag = predicted[t] if t < len(predicted) else ""
            colour = GREY if tag == "O" else "black"
            if wanted is not None and t < len(wanted) and wanted[t] != tag:
                colour = "#c0392b"
            below = f"<br><small>{html.escape(wanted[t])}</small>" \
                if wanted is not None and t < len(wanted) else ""
            cells.append(f'<td align="center" style="padding:2px 6px">{html.escape(token)}'
                         f'<br><b style="color:{colour}">{html.escape(tag)}</b>{below}</td>')
        table = "<table><tr>" + "".join(cells) + "</tr></table>"
        summary = self.tr("predicted tag under every word") if wanted is None else self.tr(
            "predicted tag under every word, target below: {right} of {n} right").format(
            right=right, n=len(wanted))
        return Output("text", lambda view: view.setHtml(table), inputs, steps, summary=summary)

    def _forecast(self, y: Tensor, target: Tensor | None, inputs: dict[str, Tensor],
                  steps: dict[str, list[str]]) -> Output:
        y = y.reshape(y.shape[0], -1)
        prediction = y[:, 0].numpy()
        wanted = target.reshape(target.shape[0], -1)[:, 0].numpy() \
            if target is not None and target.dim() >= 1 else None
        summary = self.tr("prediction against target over t")
        if wanted is not None and len(wanted) == len(prediction):
            summary += " · " + self.tr("MSE {mse:.4g}").format(
                mse=float(np.mean((prediction - wanted) ** 2)))
        note = "" if y.shape[1] == 1 else self.tr(
            "Showing the first of {n} values per step.").format(n=y.shape[1])
        return Output("series", lambda view: view.show_series(prediction, wanted), inputs,
                      steps, note=note, summary=summary)

    def _free_run(self, inputs: dict[str, Tensor], steps: int, temperature: float
                  ) -> Tensor:
        with evaluating(self.model):
            return self.model.generate(inputs, steps, temperature)

    def _teacher(self, inputs: dict[str, Tensor], produced: Tensor) -> dict[str, Tensor]:
        """The inputs that make the loop read exactly what it generated (for the trace)."""
        fed = dict(inputs)
        fed[self.feedback] = produced
        fed[self.feedback + ":len"] = torch.tensor([produced.shape[1]])
        return fed

    def _translate(self, inputs: dict[str, Tensor], target: Tensor | None,
                   tokens: list[str]) -> Output:
        produced = self._free_run(inputs, self.default_length(), GREEDY)
        words = TI.decode(produced[0].argmax(-1).tolist(), self.classes)
        text_tokens, ended = TI.until_end(words)
        n = len(text_tokens) + 1 if ended else len(words)
        note = "" if ended else self.tr(
            "No </s> within {n} steps: the translation was cut there.").format(n=len(words))
        translation = TI.join_tokens(text_tokens, self.classes)
        summary = self.tr("→ <b>{text}</b>").format(text=html.escape(translation) or "∅")
        if target is not None:
            wanted, _ = TI.until_end(TI.decode(target.tolist(), self.classes))
            expected = TI.join_tokens(wanted, self.classes)
            mark = "✓" if expected == translation else "✗"
            summary += "   " + self.tr("target: {text} {mark}").format(
                text=html.escape(expected), mark=mark)
        page = (f"<p>{html.escape(TI.join_tokens(tokens, self.vocab))}</p>"
                f"<h2>{html.escape(translation)}</h2>")
        steps = self._step_labels(inputs, tokens, words[: n - 1])
        return Output("text", lambda view: view.setHtml(page),
                      self._teacher(inputs, produced[:, :n]), steps, note=note,
                      summary=summary)

    def run_generate(self, start: int, temperature: float, length: int) -> Output:
        """Generate ``length`` steps from start element ``start`` (a validation example)."""
        if self.mode != "generate":
            raise TryItError(self.tr("This design does not generate."))
        inputs: dict[str, Tensor] = {}
        first: Tensor | None = None
        if self.input_id:
            if not self.examples and not self.tokens:  # no examples: start from silence
                first = torch.zeros(self.input_size)
                if self.input_mode == "sequence":
                    first = first.unsqueeze(0)
            elif not 0 <= start < len(self.examples):
                raise TryItError(self.tr("Pick a start element: there are no validation "
                                         "examples to take one from."))
            else:
                first = self.examples[start]["input"]
            if self.input_mode == "sequence":
                first = first[0]  # the first step starts the generation
            inputs = self._batch(first)
        produced = self._free_run(inputs, length, temperature)
        out = produced[0]
        traced = self._teacher(inputs, produced)
        if self.spec.target_kind == "multi_hot":
            rows = [first.reshape(1, -1).float()] if first is not None and \
                first.numel() == out.shape[-1] else []
            roll = torch.cat([*rows, out]).numpy()
            notes = float((out > 0.5).sum(-1).float().mean())
            summary = self.tr("{n} steps generated, {k:.1f} notes per step").format(
                n=out.shape[0], k=notes)
            steps = self._step_labels(inputs, [], [str(t) for t in range(1, out.shape[0])])
            return Output("roll", lambda view: view.show_roll(roll), traced, steps,
                          summary=summary)
        if self.spec.target_kind == "class":
            words = TI.decode(out.argmax(-1).tolist(), self.classes)
            text = TI.join_tokens(TI.until_end(words)[0], self.classes)
            steps = self._step_labels(inputs, [], words[:-1])
            return Output("text", lambda view: view.setPlainText(text), traced, steps,
                          summary=self.tr("{n} steps generated").format(n=len(words)))
        series = out.reshape(out.shape[0], -1)[:, 0].numpy()
        return Output("series", lambda view: view.show_series(series, None), traced,
                      self._step_labels(inputs, [], None),
                      summary=self.tr("{n} steps generated").format(n=out.shape[0]))
