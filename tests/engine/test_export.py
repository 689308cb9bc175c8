"""Export: TorchScript archives that run without Recurrente, torch.export programs, ONNX.

The TorchScript check exports every example once (a module fixture) and runs all of
them in ONE fresh interpreter that cannot import Recurrente, comparing its outputs with
the in-process model's.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import torch
from torch import Tensor

from engine import export
from engine.compiler import CompiledModel, compile_design, signature
from engine.data.base import DataSpec
from engine.design import Design
from engine.errors import RecurrenteError
from engine.examples import list_examples, load_example
from engine.export import (
    EXPORT_FORMATS,
    TORCHSCRIPT_EXTRA_FILES,
    export_as,
    export_onnx,
    export_program,
    export_torchscript,
    read_extra_files,
)
from engine.fileformat import loads

GENERATE_STEPS = 4


def make_inputs(design: Design, batch: int = 3, steps: int = 5,
                ragged: bool = True) -> dict[str, Tensor]:
    """Random inputs fitting the design's signature; ragged lengths unless told otherwise."""
    gen = torch.Generator().manual_seed(0)
    sig = signature(design)
    lengths = torch.tensor([steps, max(1, steps - 2), 1] + [steps] * max(0, batch - 3))[:batch]
    inputs: dict[str, Tensor] = {}
    for block_id, mode, tokens, size in sig.inputs:
        shape = (batch, steps) if mode == "sequence" else (batch,)
        if tokens:
            inputs[block_id] = torch.randint(0, size, shape, generator=gen)
        else:
            inputs[block_id] = torch.randn((*shape, size), generator=gen)
        if mode == "sequence" and ragged:
            inputs[block_id + ":len"] = lengths
    if sig.feedback:
        activation = next(o[1] for o in sig.outputs if o[0] == sig.feedback_output)
        size = design.blocks[sig.feedback].params["size"]
        if activation == "softmax":
            inputs[sig.feedback] = torch.randint(0, size, (batch, steps + 1), generator=gen)
        else:
            roll = torch.rand((batch, steps + 1, size), generator=gen)
            inputs[sig.feedback] = (roll > 0.5).float()
        if ragged:
            inputs[sig.feedback + ":len"] = lengths + 1
    return inputs


def greedy_example(name: str) -> Design:
    """An example whose feedback loop (if any) samples greedily, so generation is exact."""
    design = load_example(name)
    feedback = signature(design).feedback
    if feedback:
        design.set_param(feedback, "sampling", "greedy")
    return design


def start_inputs(design: Design, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
    """The inputs without the teacher-forcing targets: what ``generate`` starts from."""
    feedback = signature(design).feedback
    return {k: v for k, v in inputs.items() if k.removesuffix(":len") != feedback}


def assert_outputs_close(got: dict[str, Tensor], expected: dict[str, Tensor]) -> None:
    assert set(got) == set(expected)
    for key in expected:
        torch.testing.assert_close(got[key], expected[key], rtol=0, atol=1e-6)


# --- TorchScript: every example, one fresh interpreter ---------------------------------


# Runs in `python -I` (no PYTHONPATH, no cwd on sys.path). An editable install of
# Recurrente still puts its finder on sys.meta_path through a .pth file in site-packages,
# so the project's packages are hidden explicitly as well: the archive must need none.
FRESH_PROCESS = textwrap.dedent("""
    import importlib.abc
    import json
    import sys
    import warnings

    HIDDEN = {"engine", "designer", "app", "resources"}

    class Hide(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in HIDDEN:
                raise ModuleNotFoundError(f"No module named {name!r}")
            return None

    sys.meta_path.insert(0, Hide())
    try:
        import engine  # noqa: F401
    except ImportError:
        pass
    else:
        raise SystemExit("engine is importable in the fresh process")

    import torch

    warnings.filterwarnings("ignore", message="`torch.jit", category=DeprecationWarning)
    jobs = json.load(open("jobs.json"))
    for job in jobs:
        model = torch.jit.load(job["model"])
        inputs = torch.load(job["inputs"], weights_only=True)
        result = {"forward": model(inputs)}
        if job["generate"]:
            torch.manual_seed(1)
            start = torch.load(job["start"], weights_only=True)
            result["generate"] = model.generate(start, job["steps"], 1.0)
        torch.save(result, job["outputs"])
    print("ran", len(jobs), "models")
""")


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every example exported to TorchScript, with its inputs and in-process outputs."""
    folder = tmp_path_factory.mktemp("torchscript")
    exported: dict[str, dict[str, Any]] = {}
    for name in list_examples():
        design = greedy_example(name)
        torch.manual_seed(0)
        model = compile_design(design).train()  # exporting must use eval mode on a copy
        path = export_torchscript(model, design, folder / f"{name}.pt")
        assert model.training, "export changed the caller's model's mode"
        model.eval()
        inputs = make_inputs(design)
        entry: dict[str, Any] = {"design": design, "path": path, "inputs": inputs}
        with torch.no_grad():
            entry["forward"] = model(inputs)
            if signature(design).feedback:
                torch.manual_seed(1)
                entry["generate"] = model.generate(start_inputs(design, inputs),
                                                   GENERATE_STEPS, 1.0)
        exported[name] = entry
    return {"folder": folder, "examples": exported}


def test_every_example_runs_from_its_archive_in_a_process_without_recurrente(
        archives: dict[str, Any]) -> None:
    folder: Path = archives["folder"]
    jobs = []
    for name, entry in archives["examples"].items():
        torch.save(entry["inputs"], folder / f"{name}.inputs.pt")
        generate = "generate" in entry
        if generate:
            torch.save(start_inputs(entry["design"], entry["inputs"]),
                       folder / f"{name}.start.pt")
        jobs.append({"model": f"{name}.pt", "inputs": f"{name}.inputs.pt",
                     "start": f"{name}.start.pt", "generate": generate,
                     "steps": GENERATE_STEPS, "outputs": f"{name}.outputs.pt"})
    (folder / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", "-c", FRESH_PROCESS], cwd=folder,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"ran {len(jobs)} models" in done.stdout
    generated = 0
    for name, entry in archives["examples"].items():
        result = torch.load(folder / f"{name}.outputs.pt", weights_only=True)
        assert_outputs_close(result["forward"], entry["forward"])
        if "generate" in entry:
            torch.testing.assert_close(result["generate"], entry["generate"], rtol=0, atol=1e-6)
            generated += 1
    assert generated >= 2  # music and translation


def test_archive_carries_design_signature_and_readme(archives: dict[str, Any]) -> None:
    for name, entry in archives["examples"].items():
        files = read_extra_files(entry["path"])
        assert set(files) == set(TORCHSCRIPT_EXTRA_FILES)
        assert loads(files["design.json"]).to_json() == entry["design"].to_json()
        assert json.loads(files["data.json"]) == {}
        sig = json.loads(files["signature.json"])
        expected = signature(entry["design"])
        assert [i["id"] for i in sig["inputs"]] == [i[0] for i in expected.inputs]
        assert [o["id"] for o in sig["outputs"]] == [o[0] for o in expected.outputs]
        readme = files["README.txt"]
        assert f'm = torch.jit.load("{name}.pt")' in readme
        if expected.feedback:
            assert sig["feedback"]["id"] == expected.feedback
            assert "m.generate({" in readme
        else:
            assert sig["feedback"] is None
            assert "y = m({" in readme


def test_data_spec_round_trips_through_the_archive(tmp_path: Path) -> None:
    design = load_example("notation")
    spec = DataSpec("notation (T=5)", "sequence", "tokens", 3, "class", 2, per_step=True,
                    aligned=True, input_vocab=("a", "b", "ñ"), target_vocab=("no", "yes"),
                    description="made up for the test")
    path = export_torchscript(compile_design(design), design, tmp_path / "model.pt",
                              data_spec=spec)
    back = json.loads(read_extra_files(path)["data.json"])
    back["input_vocab"] = tuple(back["input_vocab"])
    back["target_vocab"] = tuple(back["target_vocab"])
    assert DataSpec(**back) == spec


def test_export_replaces_the_file_atomically(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    design = load_example("notation")
    model = compile_design(design)
    target = tmp_path / "model.pt"
    target.write_bytes(b"old")
    export_torchscript(model, design, target)
    assert read_extra_files(target)["design.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.pt"]
    before = target.read_bytes()

    def broken_save(*args: Any, **kwargs: Any) -> None:
        Path(args[1]).write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch.jit, "save", broken_save)
    with pytest.raises(RecurrenteError, match="No space left"):
        export_torchscript(model, design, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.pt"]


def test_missing_folder_and_foreign_files_are_recurrente_errors(tmp_path: Path) -> None:
    design = load_example("notation")
    with pytest.raises(RecurrenteError, match="does not exist"):
        export_torchscript(compile_design(design), design, tmp_path / "no" / "model.pt")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(RecurrenteError, match="not an exported model"):
        read_extra_files(tmp_path / "notes.txt")


def test_a_model_in_the_middle_of_probing_exports_and_stays_as_it_was(tmp_path: Path) -> None:
    design = load_example("notation")
    model = compile_design(design)
    block = model.ordered[1]
    block.probe = True  # measuring dL/dh(t) keeps every h(t), with its autograd graph
    model(make_inputs(design))["y"].sum().backward()
    kept = list(block.probed)
    export_torchscript(model, design, tmp_path / "model.pt")
    assert block.probe and block.probed == kept and model.training


def test_export_formats_name_a_suffix_and_a_help_line() -> None:
    assert set(EXPORT_FORMATS) == {"torchscript", "program", "onnx"}
    for suffix, help_text in EXPORT_FORMATS.values():
        assert suffix.startswith(".")
        assert help_text and "\n" not in help_text


def test_export_as_dispatches_by_format_name(tmp_path: Path) -> None:
    design = load_example("notation")
    model = compile_design(design)
    path = export_as("torchscript", model, design, tmp_path / "m.pt")
    assert "design.json" in read_extra_files(path)
    with pytest.raises(RecurrenteError, match="unknown export format 'keras'"):
        export_as("keras", model, design, tmp_path / "m.h5")
    with pytest.raises(RecurrenteError, match="needs a batch of example inputs"):
        export_as("program", model, design, tmp_path / "m.pt2")


# --- torch.export -----------------------------------------------------------------------


def _program_round_trip(name: str, tmp_path: Path) -> None:
    design = load_example(name)
    torch.manual_seed(0)
    model: CompiledModel = compile_design(design).eval()
    path = export_program(model, design, tmp_path / f"{name}.pt2", make_inputs(design))
    program = torch.export.load(path).module()
    info = json.loads(read_extra_files(path)["program.json"])
    assert info["inputs"][0]["shape"][0] == "batch"
    # A different batch size than the example's: the batch dimension is dynamic.
    inputs = make_inputs(design, batch=4, ragged=False)
    got = program(*(inputs[entry["name"]] for entry in info["inputs"]))
    with torch.no_grad():
        expected = model(inputs)
    assert_outputs_close(dict(zip(info["outputs"], got, strict=True)), expected)
    assert loads(read_extra_files(path)["design.json"]).to_json() == design.to_json()


@pytest.mark.parametrize("name", ["notation", "sentiment"])
def test_program_round_trip(name: str, tmp_path: Path) -> None:
    _program_round_trip(name, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(set(list_examples()) - {"notation", "sentiment"}))
def test_program_round_trip_of_the_other_examples(name: str, tmp_path: Path) -> None:
    _program_round_trip(name, tmp_path)


def test_untraceable_design_names_the_blocking_operation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the full-length variant, packing stops the trace; the error says where."""
    monkeypatch.setattr(export, "_full_length_variant", export._cpu_copy)
    design = load_example("notation")
    with pytest.raises(RecurrenteError, match=r"torch\.export cannot trace") as info:
        export_program(compile_design(design), design, tmp_path / "m.pt2",
                       make_inputs(design))
    assert "block 'rnn'" in str(info.value)
    assert "lengths == steps" in str(info.value)
    assert not list(tmp_path.iterdir())


def test_program_example_inputs_are_checked(tmp_path: Path) -> None:
    design = load_example("translation")
    model = compile_design(design)
    inputs = make_inputs(design)
    with pytest.raises(RecurrenteError, match="lack 'feedback'"):
        export_program(model, design, tmp_path / "m.pt2",
                       {k: v for k, v in inputs.items() if k != "feedback"})
    with pytest.raises(RecurrenteError, match="does not take: 'typo'"):
        export_program(model, design, tmp_path / "m.pt2", {**inputs, "typo": inputs["source"]})
    with pytest.raises(RecurrenteError, match="do not fit the model: input 'source'"):
        export_program(model, design, tmp_path / "m.pt2",
                       {**inputs, "source": inputs["source"].float()})


# --- ONNX -------------------------------------------------------------------------------


def test_onnx_without_its_packages_says_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any, **kwargs: Any) -> Any:
        return None if name in ("onnx", "onnxscript") else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    design = load_example("notation")
    with pytest.raises(RecurrenteError, match=r"pip install recurrente\[onnx\]"):
        export_onnx(compile_design(design), design, tmp_path / "m.onnx", make_inputs(design))


@pytest.mark.slow
def test_onnx_round_trip(tmp_path: Path) -> None:
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("onnxscript")
    design = load_example("notation")
    torch.manual_seed(0)
    model = compile_design(design).eval()
    path = export_onnx(model, design, tmp_path / "notation.onnx", make_inputs(design))
    proto = onnx.load(str(path))
    assert [i.name for i in proto.graph.input] == ["x"]
    assert [o.name for o in proto.graph.output] == ["y"]
    assert proto.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"
    props = {p.key: p.value for p in proto.metadata_props}
    assert loads(props["design.json"]).to_json() == design.to_json()
    ort = pytest.importorskip("onnxruntime")
    inputs = make_inputs(design, batch=2, ragged=False)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (got,) = session.run(["y"], {"x": inputs["x"].numpy()})
    with torch.no_grad():
        expected = model(inputs)["y"]
    torch.testing.assert_close(torch.from_numpy(got), expected, rtol=1e-5, atol=1e-6)
