"""Does a design fit a data set, and how does a batch become the model's inputs?

:func:`check_fit` compares the compiled model's signature with a :class:`DataSpec` and
returns every mismatch as a :class:`engine.validation.Problem` pointing at the block
concerned, in words: "input block 'x' expects 5 features, the data set has 3". When it
returns no errors, :func:`bind` gives a :class:`Binding` that maps the data set's
``input`` / ``target`` to the design's input block, output block and feedback block.
"""

from __future__ import annotations

from dataclasses import dataclass

from torch import Tensor

from engine.compiler import signature
from engine.data.base import DataSpec
from engine.design import Design, PortRef
from engine.validation import SEQ, Analysis, Problem, analyze

ACTIVATIONS_FOR = {
    "class": ("softmax",),
    "multi_hot": ("sigmoid",),
    "real": ("identity", "tanh"),
}


@dataclass(frozen=True)
class Binding:
    """Which blocks receive a batch's input and target."""

    input_block: str
    output_block: str
    activation: str
    target_kind: str
    per_step: bool
    feedback: str
    fixed_steps: int  # a Repeat-made output axis of this many steps, else 0

    def model_inputs(self, batch: dict[str, Tensor]) -> dict[str, Tensor]:
        inputs: dict[str, Tensor] = {}
        if self.input_block:
            inputs[self.input_block] = batch["input"]
            if "input:len" in batch:
                inputs[self.input_block + ":len"] = batch["input:len"]
        if self.feedback:
            inputs[self.feedback] = batch["target"]
            if "target:len" in batch:
                inputs[self.feedback + ":len"] = batch["target:len"]
        return inputs


def check_fit(design: Design, spec: DataSpec, analysis: Analysis | None = None) -> list[Problem]:
    """Every reason ``design`` cannot be trained on data described by ``spec``."""
    analysis = analysis or analyze(design)
    sig = signature(design, analysis)
    problems: list[Problem] = []

    def bad(message: str, block: str | None = None) -> None:
        problems.append(Problem(message, block, code="data_fit"))

    inputs = sig.inputs
    if spec.input_mode == "none":
        if inputs:
            bad(f"the data set '{spec.name}' has no input, but the design has an input block",
                inputs[0][0])
    elif len(inputs) != 1:
        bad(f"the data set '{spec.name}' feeds one input; the design has {len(inputs)} input "
            "blocks")
    else:
        block_id, mode, tokens, size = inputs[0]
        block = design.blocks[block_id]
        expects = "sequences" if mode == "sequence" else "single elements"
        if mode != spec.input_mode:
            bad(f"input block '{block.name}' reads {expects}, but the data set has "
                f"{spec.input_text()}", block_id)
        elif tokens != (spec.input_kind == "tokens"):
            what = "token ids" if tokens else "real features"
            bad(f"input block '{block.name}' reads {what}, but the data set has "
                f"{spec.input_text()}", block_id)
        elif tokens and size < spec.input_size:
            bad(f"input block '{block.name}' has a vocabulary of {size}, but the data set uses "
                f"{spec.input_size} tokens; set its vocabulary to {spec.input_size}", block_id)
        elif not tokens and size != spec.input_size:
            bad(f"input block '{block.name}' expects {size} features, the data set has "
                f"{spec.input_size}", block_id)
    if len(sig.outputs) != 1:
        bad(f"training needs exactly one output block; the design has {len(sig.outputs)}")
        return problems
    out_id, activation, per_step = sig.outputs[0]
    out = design.blocks[out_id]
    allowed = ACTIVATIONS_FOR[spec.target_kind]
    if activation not in allowed:
        bad(f"output block '{out.name}' uses {activation}, but the data set's targets are "
            f"{spec.target_text()}: use {' or '.join(allowed)}", out_id)
    if out.params["size"] != spec.target_size:
        unit = {"class": "classes", "multi_hot": "units", "real": "values"}[spec.target_kind]
        bad(f"output block '{out.name}' has {out.params['size']} units, but the data set has "
            f"{spec.target_size} {unit}", out_id)
    if per_step != spec.per_step:
        if per_step:
            bad(f"output block '{out.name}' predicts at every step, but the data set has one "
                "target per example: take the recurrent block's 'last' output", out_id)
        else:
            bad(f"output block '{out.name}' predicts once per example, but the data set has "
                "a target at every step: take the recurrent block's 'sequence' output", out_id)
    elif per_step:
        shape = analysis.shapes.get(PortRef(out_id, "out"))
        synchronised = shape is not None and shape.type == SEQ and shape.axis.startswith("in:")
        if synchronised and not spec.aligned:
            bad(f"output block '{out.name}' predicts one value per input step, but the data "
                "set's targets are sequences of their own length (use an encoder-decoder with "
                "a Feedback block)", out_id)
        elif not synchronised and spec.aligned:
            bad(f"output block '{out.name}' produces a sequence of its own length, but the data "
                "set has a target for every input step (predict from the recurrent block's "
                "'sequence' output)", out_id)
    return problems


def bind(design: Design, spec: DataSpec, analysis: Analysis | None = None) -> Binding:
    """The binding of ``spec`` to ``design``; call :func:`check_fit` first."""
    analysis = analysis or analyze(design)
    sig = signature(design, analysis)
    out_id, activation, per_step = sig.outputs[0]
    fixed = 0
    shape = analysis.shapes.get(PortRef(out_id, "out"))
    if shape is not None and shape.axis.startswith("n:"):
        fixed = int(shape.axis[2:])
    return Binding(sig.inputs[0][0] if sig.inputs else "", out_id, activation,
                   spec.target_kind, per_step, sig.feedback, fixed)
