"""Exporting a compiled model so that it runs without Recurrente.

Three formats (:data:`EXPORT_FORMATS`), each written atomically (a temporary file beside
the target, then one rename) from a copy of the model in eval mode on the CPU; the
caller's model keeps its device and mode.

``torchscript`` (``.pt``)
    The whole :class:`~engine.compiler.CompiledModel`, scripted: ``forward``, ``logits``,
    ``environment`` and ``generate`` take the same dictionaries as in Recurrente, ragged
    batches with ``"<id>:len"`` lengths included. Only ``torch`` is needed to run it.
    The archive carries four extra files, read back with :func:`read_extra_files`:
    ``design.json`` (the design file), ``data.json`` (the data set's
    :class:`~engine.data.base.DataSpec` with its vocabularies, or ``{}``),
    ``signature.json`` (inputs, outputs, feedback loop) and ``README.txt`` (the lines
    of Python that load and run it).

``program`` (``.pt2``)
    A :func:`torch.export.export` program of ``forward`` for :func:`torch.export.load`.
    Its inputs are positional tensors in the order ``program.json`` lists (the input
    blocks, then a feedback loop's teacher-forcing targets); it returns a tuple with one
    tensor per output block. torch.export cannot trace what depends on the values of the
    lengths (whether to pack, ``pack_padded_sequence`` itself, the longest row), so the
    program is traced from a variant of the model in which every row is full length:
    **it takes full-length batches** (no ``:len`` inputs) and gives exactly what the
    model gives for them (checked at export). The batch dimension stays dynamic; the
    number of steps is the example's, since torch.export unrolls every recurrent layer
    (nn.LSTM included) over the steps it traces.

``onnx`` (``.onnx``)
    The same full-length program converted by ``torch.onnx.export(dynamo=True)``, which
    needs the packages ``onnx`` and ``onnxscript`` (``pip install recurrente[onnx]``).
    Inputs and outputs are named after their blocks, the design travels as metadata, and
    when ``onnxruntime`` is installed the graph is run and compared with the model before
    the file is written.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import os
import secrets
import traceback
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import Tensor, nn

from engine import blocks as B
from engine.cells import RecurrentStack
from engine.compiler import CompiledModel, ModelSignature, signature
from engine.design import Design
from engine.errors import RecurrenteError
from engine.fileformat import dumps

if TYPE_CHECKING:
    from engine.data.base import DataSpec

__all__ = [
    "EXPORT_FORMATS",
    "export_as",
    "export_onnx",
    "export_program",
    "export_torchscript",
    "read_extra_files",
    "signature_json",
]

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "torchscript": (".pt", "TorchScript archive for torch.jit.load: forward and generate, "
                           "ragged batches; needs only torch"),
    "program": (".pt2", "torch.export program for torch.export.load: forward on "
                        "full-length batches, positional inputs"),
    "onnx": (".onnx", "ONNX graph for onnxruntime and other runtimes: forward on "
                      "full-length batches (pip install recurrente[onnx])"),
}

TORCHSCRIPT_EXTRA_FILES = ("design.json", "data.json", "signature.json", "README.txt")

# How close an exported program must come to the model it was traced from.
_CHECK_TOLERANCE = 1e-5


# --- shared helpers ---------------------------------------------------------------------


# torch 2.13 deprecates TorchScript and warns on every script/save/load; the owner wants the
# format, so exactly that warning is ignored, and only around our own calls.
# torch 2.13 deprecates TorchScript with a DeprecationWarning, 2.14 with a FutureWarning.
_TORCHSCRIPT_DEPRECATED = r"`torch\.jit\.\w+` is deprecated"
# nn.RNN refreshes its list of weights while torch.export swaps the parameters: harmless.
_RNN_WEIGHTS_ASSIGNED = (UserWarning, r"The tensor attributes .*_flat_weights")
# torch's ONNX converter copies pytree specs in a way torch itself deprecated.
_LEAFSPEC_DEPRECATED = (FutureWarning, r"`isinstance\(treespec, LeafSpec\)`")


@contextlib.contextmanager
def torchscript_quietly() -> Iterator[None]:
    """Silence exactly torch's deprecation notice for torch.jit.script/save/load.

    The owner asked for TorchScript, so it stays while torch allows it; every other
    warning, torch's included, is left as it is.
    """
    with warnings.catch_warnings():
        for category in (DeprecationWarning, FutureWarning):
            warnings.filterwarnings("ignore", message=_TORCHSCRIPT_DEPRECATED,
                                    category=category)
        yield


@contextlib.contextmanager
def _ignoring(category: type[Warning], message: str) -> Iterator[None]:
    """Ignore one warning of torch's inside the block, leaving every other filter alone."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=message, category=category)
        yield


def _cpu_copy(model: CompiledModel) -> CompiledModel:
    """A deep copy of ``model`` on the CPU in eval mode, with probing switched off."""
    # The states a probed run kept are part of an autograd graph, which deepcopy refuses;
    # they are no part of the model, so the copy starts with empty lists instead.
    memo: dict[int, Any] = {id(m.probed): [] for m in model.modules()
                            if isinstance(m, B._RecurrentBase)}
    twin = copy.deepcopy(model, memo).cpu().eval()
    for module in twin.modules():
        if isinstance(module, B._RecurrentBase):
            module.probe = False
    return twin


def _write(path: str | os.PathLike[str], writer: Callable[[str], None]) -> Path:
    """Run ``writer(temporary name beside path)``, then rename the result to ``path``."""
    target = Path(path)
    if not target.parent.is_dir():
        raise RecurrenteError(f"{target}: the folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        writer(str(tmp))
        os.replace(tmp, target)
    except (OSError, RuntimeError) as exc:  # torch's writers raise RuntimeError
        message = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise RecurrenteError(f"{target}: could not write the file: {message}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target


def signature_json(design: Design, sig: ModelSignature | None = None) -> dict[str, Any]:
    """What the exported model takes and returns, as plain JSON data."""
    sig = sig or signature(design)
    inputs = []
    for block_id, mode, tokens, size in sig.inputs:
        shape = ["batch", "T"] if mode == "sequence" else ["batch"]
        inputs.append({"id": block_id, "mode": mode, "data": "tokens" if tokens else "features",
                       "size": size, "shape": shape if tokens else [*shape, size],
                       "dtype": "int64" if tokens else "float32",
                       "lengths": block_id + ":len" if mode == "sequence" else None})
    outputs = [{"id": block_id, "activation": activation, "per_step": per_step}
               for block_id, activation, per_step in sig.outputs]
    feedback = None
    if sig.feedback:
        size = design.blocks[sig.feedback].params["size"]
        activation = next(o[1] for o in sig.outputs if o[0] == sig.feedback_output)
        targets = ["batch", "N"] if activation == "softmax" else ["batch", "N", size]
        feedback = {"id": sig.feedback, "output": sig.feedback_output, "size": size,
                    "targets_shape": targets,
                    "targets_dtype": "int64" if activation == "softmax" else "float32",
                    "sampling": design.blocks[sig.feedback].params["sampling"]}
    return {"inputs": inputs, "outputs": outputs, "feedback": feedback}


def _example_expression(entry: Mapping[str, Any], steps: int = 10) -> str:
    """Python text making one random input of the shape ``entry`` describes (batch 1)."""
    if entry["data"] == "tokens":
        shape = f"(1, {steps})" if entry["mode"] == "sequence" else "(1,)"
        return f"torch.randint(0, {entry['size']}, {shape})"
    if entry["mode"] == "sequence":
        return f"torch.randn(1, {steps}, {entry['size']})"
    return f"torch.randn(1, {entry['size']})"


def _targets_expression(feedback: Mapping[str, Any], steps: int = 10) -> str:
    if feedback["targets_dtype"] == "int64":
        return f"torch.randint(0, {feedback['size']}, (1, {steps}))"
    return f"torch.rand(1, {steps}, {feedback['size']}).round()"


def _torchscript_readme(name: str, sig: Mapping[str, Any]) -> str:
    inputs = ", ".join(f'"{e["id"]}": {_example_expression(e)}' for e in sig["inputs"])
    lines = [
        "This is a TorchScript model exported by Recurrente. To run it, only torch is needed:",
        "",
        "    import torch",
        f'    m = torch.jit.load("{name}")',
    ]
    feedback = sig["feedback"]
    if feedback is None:
        lines.append(f"    y = m({{{inputs}}})")
    else:
        start = "{" + inputs + "}"
        lines.append(f"    generated = m.generate({start}, 20, 1.0)  # (batch, steps, "
                     f"{feedback['size']})")
        forcing = ", ".join(x for x in (inputs, f'"{feedback["id"]}": '
                                        f"{_targets_expression(feedback)}") if x)
        lines += ["", "Teacher forcing (what training computes) passes the target sequence "
                  f"under {feedback['id']!r}:", "", f"    y = m({{{forcing}}})"]
    outputs = ", ".join(repr(o["id"]) for o in sig["outputs"])
    lines += [
        "",
        f"The result is a dict keyed by output block: {outputs}. A ragged batch passes each",
        'sequence input\'s real lengths beside it, e.g. "<id>:len": torch.tensor([10, 7]).',
        "m.logits(...) gives the pre-activations, m.environment(...) every port's tensor.",
        "signature.json, design.json and data.json inside the archive say more:",
        "",
        '    files = {"signature.json": "", "design.json": "", "data.json": ""}',
        f'    m = torch.jit.load("{name}", _extra_files=files)',
        "",
    ]
    return "\n".join(lines)


# --- TorchScript ------------------------------------------------------------------------


def export_torchscript(model: CompiledModel, design: Design, path: str | os.PathLike[str],
                       *, data_spec: DataSpec | None = None) -> Path:
    """Script ``model`` and save it with its design, data spec and signature.

    Parameters
    ----------
    model : the model compiled from ``design`` (left as it is: a CPU copy is exported).
    design : its design, stored as ``design.json``.
    path : the file to write (``.pt``), replaced atomically.
    data_spec : the :class:`~engine.data.base.DataSpec` it was trained on, or None.

    Returns
    -------
    Path : ``path``.
    """
    target = Path(path)
    sig = signature_json(design)
    extra = {
        "design.json": dumps(design),
        "data.json": json.dumps(data_spec.to_json() if data_spec is not None else {},
                                ensure_ascii=False, indent=2),
        "signature.json": json.dumps(sig, indent=2),
        "README.txt": _torchscript_readme(target.name, sig),
    }
    twin = _cpu_copy(model)
    try:
        with torchscript_quietly():
            scripted = torch.jit.script(twin)
    except Exception as exc:  # TorchScript's own errors have no common type
        raise RecurrenteError(f"TorchScript could not compile the model: {exc}") from exc

    def write(name: str) -> None:
        with torchscript_quietly():
            torch.jit.save(scripted, name, _extra_files=extra)

    return _write(target, write)


def read_extra_files(path: str | os.PathLike[str]) -> dict[str, str]:
    """The extra files (``design.json`` ...) of a ``.pt`` or ``.pt2`` archive, by name.

    The archive is read as the zip file it is, without loading (or running) the model.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            files: dict[str, str] = {}
            for info in archive.infolist():
                parts = info.filename.split("/")
                if len(parts) == 3 and parts[1] == "extra" and parts[2]:
                    files[parts[2]] = archive.read(info).decode("utf-8")
            return files
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise RecurrenteError(f"{path}: not an exported model archive ({exc})") from None


# --- a full-length variant for torch.export ------------------------------------------


def _run_stack_full(stack: RecurrentStack, x: Tensor, h0: Tensor | None,
                    c0: Tensor | None) -> tuple[Tensor, Tensor, Tensor]:
    """:class:`engine.cells.RecurrentStack` on a batch whose rows are all full length.

    With no padding, reading a row backwards within its length is ``flip`` and every
    final state is the last step's, so nothing depends on the values of the lengths.
    """
    directions = stack.num_directions
    shape = (stack.num_layers * directions, x.size(0), stack.hidden_size)
    h0 = x.new_zeros(shape) if h0 is None else h0
    c0 = x.new_zeros(shape) if c0 is None else c0
    layer_in = x.transpose(0, 1)
    h_n: list[Tensor] = []
    c_n: list[Tensor] = []
    outs: list[Tensor] = []
    for i, cell in enumerate(stack.cells):
        backward = i % directions == 1
        h_all, c_all = cell(layer_in.flip(0) if backward else layer_in, h0[i], c0[i])
        h_n.append(h_all[-1])
        c_n.append(c_all[-1])
        outs.append(h_all.flip(0) if backward else h_all)
        if i % directions == directions - 1:
            layer_in = torch.cat(outs, 2) if len(outs) > 1 else outs[0]
            outs = []
    return layer_in.transpose(0, 1).contiguous(), torch.stack(h_n), torch.stack(c_n)


class _FullLengthRecurrent(B.BlockModule):
    """A recurrent block run as if every row were full length (no packing, no gathers)."""

    def __init__(self, inner: B._RecurrentBase) -> None:
        super().__init__(inner.block_id, inner.phase)
        self.inner = inner

    def run(self, env: dict[str, Tensor]) -> None:
        inner = self.inner
        x = env[inner.input_key]
        lengths = env[inner.input_key + ":len"]
        h0, c0 = inner.initial(env)
        c_n: Tensor | None = None
        if isinstance(inner, B.FusedLSTMBlock):
            state = None
            if h0 is not None:
                state = (h0, c0 if c0 is not None else torch.zeros_like(h0))
            out, (h_n, c_n) = inner.rnn(x, state)
        elif isinstance(inner, B.FusedRecurrentBlock):
            out, h_n = inner.rnn(x, h0)
        else:
            stack = inner.rnn
            assert isinstance(stack, RecurrentStack)
            out, h_n, c_all = _run_stack_full(stack, x, h0, c0)
            c_n = c_all if inner.is_lstm else None
        inner.publish(env, out, lengths, h_n, c_n)


def _full_length_variant(model: CompiledModel) -> CompiledModel:
    """A CPU eval copy of ``model`` whose recurrent blocks assume full-length rows."""
    twin = _cpu_copy(model)
    for i, block in enumerate(twin.ordered):
        if isinstance(block, B._RecurrentBase):
            twin.ordered[i] = _FullLengthRecurrent(block)
    return twin


class _Positional(nn.Module):
    """``forward(*tensors) -> tuple``: the dict calling convention made positional."""

    def __init__(self, model: CompiledModel, names: list[str]) -> None:
        super().__init__()
        self.model = model
        self.names = names

    def forward(self, *tensors: Tensor) -> tuple[Tensor, ...]:
        out = self.model(dict(zip(self.names, tensors, strict=True)))
        return tuple(out[name] for name in self.model.output_ids)


def _program_inputs(sig: ModelSignature, example_inputs: Mapping[str, Tensor]) -> dict[str, Tensor]:
    """The example inputs the program takes, in its order, on the CPU, lengths dropped."""
    names = [block_id for block_id, *_ in sig.inputs]
    if sig.feedback:
        names.append(sig.feedback)
    missing = [n for n in names if n not in example_inputs]
    if missing:
        raise RecurrenteError("the example inputs lack " + ", ".join(map(repr, missing))
                              + f" (the model takes {', '.join(map(repr, names))})")
    unknown = [k for k in example_inputs if k not in names and k.removesuffix(":len") not in names]
    if unknown:
        raise RecurrenteError("the example inputs have keys the model does not take: "
                              + ", ".join(map(repr, unknown)))
    return {n: example_inputs[n].detach().cpu() for n in names}


def _widen_batch(inputs: Mapping[str, Tensor]) -> dict[str, Tensor]:
    """Repeat a batch of one to two rows: export fixes every dimension of size 1."""
    return {name: torch.cat([t, t]) if t.size(0) == 1 else t for name, t in inputs.items()}


def _blocking_operation(exc: BaseException) -> tuple[str, str]:
    """(block id, place in the engine's code) where a failed trace stopped, if found."""
    block, where = "", ""
    engine_dir = Path(B.__file__).resolve().parent
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        for frame, lineno in traceback.walk_tb(current.__traceback__):
            filename = Path(frame.f_code.co_filename)
            if engine_dir not in filename.parents or filename.name == "export.py":
                continue
            owner = frame.f_locals.get("self")
            block = str(getattr(owner, "block_id", "") or block)
            source = ""
            with contextlib.suppress(OSError, IndexError):
                source = filename.read_text(encoding="utf-8").splitlines()[lineno - 1].strip()
            where = f"{filename.name}:{lineno} in {frame.f_code.co_name}"
            where += f" (`{source}`)" if source else ""
        current = current.__cause__ or current.__context__
    return block, where


def _first_line(exc: BaseException) -> str:
    """``Type: first line of the message.``"""
    lines = str(exc).strip().splitlines()
    text = lines[0].strip() if lines else ""
    return f"{type(exc).__name__}: {text}" + ("" if text.endswith(".") else ".")


def _trace_program(model: CompiledModel, design: Design,
                   example_inputs: Mapping[str, Tensor]) -> tuple[Any, dict[str, Any]]:
    """The ExportedProgram of the full-length variant and a JSON description of it."""
    from torch.export import Dim

    sig = signature(design)
    inputs = _widen_batch(_program_inputs(sig, example_inputs))
    names = list(inputs)
    sequences = {b for b, mode, *_ in sig.inputs if mode == "sequence"} | {sig.feedback}
    with torch.no_grad():
        try:
            expected = _cpu_copy(model)(dict(inputs))
        except RuntimeError as exc:  # the blocks' own messages say what was expected
            raise RecurrenteError(f"the example inputs do not fit the model: {exc}") from None
    variant = _full_length_variant(model)
    wrapper = _Positional(variant, names).eval()
    # Batch and steps are offered as dynamic; export fixes those the computation needs.
    dynamic_shapes = (tuple({0: Dim.AUTO, 1: Dim.AUTO} if n in sequences else {0: Dim.AUTO}
                            for n in names),)
    try:
        with _ignoring(*_RNN_WEIGHTS_ASSIGNED):
            program = torch.export.export(wrapper, tuple(inputs.values()),
                                          dynamic_shapes=dynamic_shapes)
    except Exception as exc:  # torch.export raises many unrelated types
        block, where = _blocking_operation(exc)
        raise RecurrenteError(
            "torch.export cannot trace "
            + (f"block {block!r} of this design" if block else "this design")
            + (f": it stops at {where}" if where else "")
            + f", because {_first_line(exc)} The TorchScript export handles every design."
        ) from exc
    # Check the program against the model itself, on the same full-length batch.
    with torch.no_grad():
        got = program.module()(*inputs.values())
    for name, value in zip(variant.output_ids, got, strict=True):
        if not torch.allclose(value, expected[name], rtol=0, atol=_CHECK_TOLERANCE):
            raise RecurrenteError(f"the exported program's output {name!r} differs from the "
                                  "model's; please report this design")
    return program, _program_json(program, names, variant.output_ids)


def _program_json(program: Any, names: list[str], outputs: list[str]) -> dict[str, Any]:
    """The program's inputs (order, dtype, shape with dynamic dimensions named), outputs."""
    from torch.fx.experimental.symbolic_shapes import is_concrete_int

    user = set(program.graph_signature.user_inputs)
    nodes = [n for n in program.graph.nodes if n.op == "placeholder" and n.name in user]
    entries = []
    for name, node in zip(names, nodes, strict=True):
        value = node.meta["val"]
        shape: list[int | str] = []
        for i, size in enumerate(value.shape):
            if is_concrete_int(size):
                shape.append(int(size))
            else:
                shape.append("batch" if i == 0 else "steps")
        entries.append({"name": name, "dtype": str(value.dtype).removeprefix("torch."),
                        "shape": shape})
    return {"inputs": entries, "outputs": outputs, "full_length_rows": True}


# --- torch.export -----------------------------------------------------------------------


def _program_readme(name: str, info: Mapping[str, Any]) -> str:
    args = ", ".join(i["name"] for i in info["inputs"])
    outputs = ", ".join(info["outputs"])
    lines = [
        "This is a torch.export program exported by Recurrente. To run it:",
        "",
        "    import torch",
        f'    program = torch.export.load("{name}").module()',
        f"    {outputs}, = program({args})" if len(info["outputs"]) == 1
        else f"    {outputs} = program({args})",
        "",
        "Inputs, in this order (a dimension written as a name is dynamic):",
    ]
    for entry in info["inputs"]:
        lines.append(f"    {entry['name']}: {entry['dtype']} {entry['shape']}")
    lines += [
        "",
        "Every row of a batch must be full length (there are no lengths inputs). A dimension",
        "given as a number is fixed: torch.export unrolls recurrent layers over the example's",
        "steps, so the program runs sequences of exactly that length. program.json inside",
        "the archive lists the inputs and outputs.",
        "",
    ]
    return "\n".join(lines)


def export_program(model: CompiledModel, design: Design, path: str | os.PathLike[str],
                   example_inputs: Mapping[str, Tensor]) -> Path:
    """Export ``forward`` with :func:`torch.export.export` to a ``.pt2`` file.

    Parameters
    ----------
    model, design : the compiled model and its design (the model is not changed).
    path : the file to write, replaced atomically.
    example_inputs : a batch in the model's dict convention; it fixes dtypes and the
        sizes of the dimensions that cannot stay dynamic. ``:len`` entries are ignored:
        the program takes full-length rows.

    Raises
    ------
    RecurrenteError : naming the operation torch.export could not trace.
    """
    target = Path(path)
    program, info = _trace_program(model, design, example_inputs)
    extra = {"design.json": dumps(design),
             "signature.json": json.dumps(signature_json(design), indent=2),
             "program.json": json.dumps(info, indent=2),
             "README.txt": _program_readme(target.name, info)}

    def write(name: str) -> None:
        torch.export.save(program, name, extra_files=extra)

    return _write(target, write)


# --- ONNX -------------------------------------------------------------------------------


def _missing_onnx_packages() -> list[str]:
    return [name for name in ("onnx", "onnxscript") if importlib.util.find_spec(name) is None]


def export_onnx(model: CompiledModel, design: Design, path: str | os.PathLike[str],
                example_inputs: Mapping[str, Tensor]) -> Path:
    """Export ``forward`` to ONNX through torch.export (full-length batches).

    Inputs and outputs are named after their blocks; the design and the program's
    description are stored as metadata (``design.json``, ``program.json``). When
    onnxruntime is installed, the file is run once on the example and checked.

    Raises
    ------
    RecurrenteError : when ``onnx``/``onnxscript`` are missing, or the design cannot
        be traced or converted.
    """
    missing = _missing_onnx_packages()
    if missing:
        raise RecurrenteError(
            f"ONNX export needs the package{'s' if len(missing) > 1 else ''} "
            f"{' and '.join(missing)}: pip install recurrente[onnx]")
    target = Path(path)
    program, info = _trace_program(model, design, example_inputs)
    names = [entry["name"] for entry in info["inputs"]]
    try:
        with _ignoring(*_LEAFSPEC_DEPRECATED):
            onnx_program = torch.onnx.export(program, input_names=names,
                                             output_names=list(info["outputs"]),
                                             dynamo=True, verbose=False)
    except Exception as exc:  # the converter raises many unrelated types
        raise RecurrenteError(f"the ONNX converter failed: {_first_line(exc)}") from exc
    assert onnx_program is not None
    proto = onnx_program.model_proto
    _name_onnx_dims(proto)
    import onnx  # type: ignore[import-not-found,unused-ignore]

    onnx.helper.set_model_props(proto, {"design.json": dumps(design),
                                        "signature.json": json.dumps(signature_json(design)),
                                        "program.json": json.dumps(info)})

    if importlib.util.find_spec("onnxruntime") is not None:
        _check_onnx(model, proto.SerializeToString(), example_inputs, names, info["outputs"])

    def write(name: str) -> None:
        onnx.save_model(proto, name)

    return _write(target, write)


def _name_onnx_dims(proto: Any) -> None:
    """Call the batch dimension ``batch``; write dimensions fixed at trace time as numbers."""
    graph = proto.graph
    batch = {v.type.tensor_type.shape.dim[0].dim_param for v in graph.input
             if v.type.tensor_type.shape.dim}
    batch.discard("")
    for value in [*graph.input, *graph.output]:
        for dim in value.type.tensor_type.shape.dim:
            if dim.dim_param.isdigit():
                dim.dim_value = int(dim.dim_param)
            elif dim.dim_param in batch:
                dim.dim_param = "batch"


def _check_onnx(model: CompiledModel, serialized: bytes, example_inputs: Mapping[str, Tensor],
                names: list[str], outputs: list[str]) -> None:
    """Run the ONNX model with onnxruntime on the example and compare it with ``model``."""
    import onnxruntime  # type: ignore[import-not-found,unused-ignore]

    inputs = {n: example_inputs[n].detach().cpu() for n in names}
    session = onnxruntime.InferenceSession(serialized, providers=["CPUExecutionProvider"])
    got = session.run(outputs, {n: t.numpy() for n, t in inputs.items()})
    with torch.no_grad():
        expected = _cpu_copy(model)(inputs)
    for name, value in zip(outputs, got, strict=True):
        if not torch.allclose(torch.from_numpy(value), expected[name], rtol=1e-4,
                              atol=_CHECK_TOLERANCE * 10):
            raise RecurrenteError(f"onnxruntime's output {name!r} differs from the model's; "
                                  "please report this design")


# --- one entry point for the command line and the window ------------------------------


def example_inputs(design: Design, *, batch: int = 2, steps: int = 16) -> dict[str, Tensor]:
    """A full-length batch of zeros fitting the design's inputs (what tracing exports want).

    The ``program`` and ``onnx`` formats fix the number of steps to ``steps``.
    """
    inputs: dict[str, Tensor] = {}
    sig = signature(design)
    for block_id, mode, tokens, size in sig.inputs:
        shape = (batch, steps) if mode == "sequence" else (batch,)
        inputs[block_id] = (torch.zeros(shape, dtype=torch.long) if tokens
                            else torch.zeros((*shape, size)))
    if sig.feedback:
        size = design.blocks[sig.feedback].params["size"]
        activation = design.blocks[sig.feedback_output].params["activation"]
        inputs[sig.feedback] = (torch.zeros((batch, steps), dtype=torch.long)
                                if activation == "softmax" else torch.zeros((batch, steps, size)))
    return inputs


def export_as(format_name: str, model: CompiledModel, design: Design,
              path: str | os.PathLike[str], *,
              example_inputs: Mapping[str, Tensor] | None = None,
              data_spec: DataSpec | None = None) -> Path:
    """Export in the format named by a key of :data:`EXPORT_FORMATS`.

    ``example_inputs`` is needed by ``program`` and ``onnx``; ``data_spec`` is stored by
    ``torchscript``.
    """
    if format_name not in EXPORT_FORMATS:
        raise RecurrenteError(f"unknown export format {format_name!r} "
                              f"(formats: {', '.join(EXPORT_FORMATS)})")
    if format_name == "torchscript":
        return export_torchscript(model, design, path, data_spec=data_spec)
    if example_inputs is None:
        raise RecurrenteError(f"the {format_name} export traces the model: it needs a batch "
                              "of example inputs")
    if format_name == "program":
        return export_program(model, design, path, example_inputs)
    return export_onnx(model, design, path, example_inputs)
