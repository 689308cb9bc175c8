"""The command line, in-process: located messages, exit codes, a whole train/export/predict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import run_cli


def test_examples_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["examples"]) == 0
    assert "translation" in capsys.readouterr().out
    assert run_cli(["show", "--example", "translation"]) == 0
    out = capsys.readouterr().out
    assert "M-to-N (encoder-decoder)" in out
    assert "encoder.state -> decoder.initial_state   h, c: (1, batch, 128)" in out


def test_validate_reports_located_problems(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(Path("resources/examples/notation.json").read_text())
    doc["wires"] = doc["wires"][:1]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc))
    assert run_cli(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "error(s)" in err and "y.input: Output 'y' needs a sequence" in err

    path.write_text('{"format_version": 1, "blocks": [}')
    assert run_cli(["validate", str(path)]) == 2
    assert f"{path}: line 1 column 34: invalid JSON" in capsys.readouterr().err


def test_validate_checks_the_fit_to_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    code = run_cli(["validate", "--example", "adding", "--data", "builtin:sine"])
    assert code == 1
    err = capsys.readouterr().err
    assert "sum: output block 'Sum' predicts once per example" in err


def test_train_export_predict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = tmp_path / "run"
    code = run_cli(["train", "--example", "sentiment", "--epochs", "1", "--device", "cpu",
                    "--data-option", "train_size=64", "--data-option", "valid_size=16",
                    "--data-option", "test_size=16", "--out", str(run), "--quiet"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "epoch 1: loss" in err and "test loss" in err
    for name in ("checkpoint.pt", "design.json", "data.json", "epochs.csv", "steps.csv"):
        assert (run / name).is_file(), name
    assert len((run / "epochs.csv").read_text().splitlines()) == 2

    assert run_cli(["export", str(run)]) == 0
    assert (run / "model.pt").is_file()
    capsys.readouterr()
    assert run_cli(["predict", str(run / "model.pt"), "la comida es buena"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sentiment:") and "positive" in out and "negative" in out


def test_train_refuses_cuda_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    assert run_cli(["train", "--example", "adding", "--device", "cuda", "--epochs", "1",
                    "--out", "/nonexistent/never"]) == 2
    assert "no usable CUDA GPU" in capsys.readouterr().err


def test_missing_files_are_messages(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["validate", "/no/such/design.json"]) == 2
    assert "/no/such/design.json" in capsys.readouterr().err
    assert run_cli(["export", "/no/such/run"]) == 2
    assert "no such checkpoint" in capsys.readouterr().err
