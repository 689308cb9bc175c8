"""The training loop: events, clipping, failures, stop/resume, pause, truncated BPTT."""

from __future__ import annotations

import math
import threading
import time
from pathlib import Path

import pytest
import torch

from engine.data.base import DataSpec, ExampleList, SequenceData
from engine.data.builtin import make_builtin
from engine.design import Design
from engine.examples import load_example
from engine.training.device import DeviceError, resolve_device
from engine.training.events import EpochFinished, GradientsMeasured, RunFailed, TimeGradients
from engine.training.fit import check_fit
from engine.training.settings import TrainingSettings
from engine.training.trainer import Trainer, TrainingError, load_checkpoint_file


def small_adding(length: int = 12, n: int = 256) -> SequenceData:
    return make_builtin("adding", length=length, train_size=n, valid_size=64, test_size=64)


def rnn_design(kind: str = "rnn", **params: object) -> Design:
    design = Design("adding")
    design.add_block("input", {"size": 2}, block_id="x")
    design.add_block(kind, {"hidden_size": 8, **params}, block_id="r")
    design.add_block("output", {"size": 1, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.last", "y.input")
    return design


def settings(**changes: object) -> TrainingSettings:
    base = {"epochs": 2, "batch_size": 32, "learning_rate": 0.01, "device": "cpu",
            "capture_every": 0}
    base.update(changes)
    return TrainingSettings(**base)


def collect(trainer: Trainer) -> list:
    events: list = []
    trainer.listeners.append(events.append)
    return events


def test_events_carry_plain_numbers_and_loss_falls() -> None:
    trainer = Trainer(rnn_design("lstm"), small_adding(n=160), settings(epochs=3, capture_every=4))
    events = collect(trainer)
    result = trainer.fit()
    assert result.name == "run_finished" and result.reason == "completed"
    names = [e.name for e in events]
    assert names[0] == "run_started" and names[-1] == "run_finished"
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].train_loss < epochs[0].train_loss
    assert epochs[0].metric == "MSE"
    grads = [e for e in events if isinstance(e, GradientsMeasured)]
    assert len(grads) == result.steps
    labels = {key.split(": ")[1] for key in grads[0].matrices}
    assert {"U_u", "W_f", "b_o", "V", "b_y"} <= labels
    assert set(grads[0].blocks) == {"r", "y"}
    times = [e for e in events if isinstance(e, TimeGradients)]
    assert [e.step for e in times][:3] == [1, 4, 8]
    assert len(times) == 1 + result.steps // 4
    assert len(times[0].norms["r"]) == 1 and len(times[0].norms["r"][0]) == 12
    for event in events:  # plain data only: they cross threads and processes
        for value in vars(event).values():
            assert not isinstance(value, torch.Tensor)


def test_gradient_vanishes_through_time_in_a_tanh_rnn() -> None:
    """dL/dh(t) of an M-to-1 tanh RNN shrinks towards early steps."""
    torch.manual_seed(0)
    trainer = Trainer(rnn_design("rnn"), small_adding(length=40), settings(
        epochs=1, capture_every=1, clip="none"))
    events = collect(trainer)
    trainer.fit()
    norms = [e for e in events if isinstance(e, TimeGradients)][-1].norms["r"][0]
    assert norms[-1] > 0
    assert norms[0] < norms[-1] * 1e-2


def test_time_gradient_capture_does_not_change_training() -> None:
    """Stepping a block to measure dL/dh(t) computes the same function and gradient."""
    def final_weights(capture: int) -> dict[str, torch.Tensor]:
        trainer = Trainer(rnn_design("lstm"), small_adding(n=96), settings(
            epochs=1, capture_every=capture))
        trainer.fit()
        return trainer.model.state_dict()

    plain, measured = final_weights(0), final_weights(1)
    for key in plain:
        torch.testing.assert_close(plain[key], measured[key], rtol=1e-4, atol=1e-5)


def test_clipping_bounds_the_norm_after_clipping() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(), settings(
        clip="norm", clip_threshold=0.05, learning_rate=0.05))
    events = collect(trainer)
    trainer.fit()
    grads = [e for e in events if isinstance(e, GradientsMeasured)]
    assert any(e.clipped for e in grads)
    for e in grads:
        assert e.clipped_norm <= 0.05 * (1 + 1e-4)
        assert e.clipped == (e.norm > 0.05)
        if not e.clipped:
            assert e.clipped_norm == e.norm


def test_clipping_by_norm_scales_the_gradients_as_clip_grad_norm_does() -> None:
    trainer = Trainer(rnn_design("lstm"), small_adding(), settings(clip="norm",
                                                                   clip_threshold=0.01))
    torch.manual_seed(1)
    for p in trainer.model.parameters():
        p.grad = torch.randn_like(p)
    copies = [p.detach().clone().requires_grad_() for p in trainer.model.parameters()]
    for copy, p in zip(copies, trainer.model.parameters(), strict=True):
        copy.grad = p.grad.clone()
    norm = torch.nn.utils.clip_grad_norm_(copies, 0.01)
    expected = [copy.grad for copy in copies]
    report = trainer.norms()
    assert report.total == pytest.approx(float(norm), rel=1e-5)
    clipped, after = trainer._clip(report.total)
    assert clipped and after == pytest.approx(0.01, rel=1e-4)
    for p, want in zip(trainer.model.parameters(), expected, strict=True):
        torch.testing.assert_close(p.grad, want)
    assert trainer.norms().total == pytest.approx(0.01, rel=1e-4)


def test_clipping_by_value() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=64), settings(
        clip="value", clip_threshold=1e-3, epochs=1))
    events = collect(trainer)
    trainer.fit()
    grads = [e for e in events if isinstance(e, GradientsMeasured)]
    assert all(e.clipped for e in grads)
    n_params = sum(p.numel() for p in trainer.model.parameters())
    assert all(e.clipped_norm <= 1e-3 * math.sqrt(n_params) * (1 + 1e-6) for e in grads)


def test_exploding_relu_rnn_stops_with_a_message_and_keeps_good_weights() -> None:
    design = rnn_design("rnn", nonlinearity="relu", hidden_size=32)
    trainer = Trainer(design, small_adding(length=30), settings(
        clip="none", learning_rate=10.0, optimizer="sgd", momentum=0.0, epochs=5))
    events = collect(trainer)
    result = trainer.fit()
    assert isinstance(result, RunFailed), result
    assert f"step {result.step}" in result.message
    assert "clipping" in result.message and "learning rate" in result.message
    assert events[-1] is result
    assert all(torch.isfinite(p).all() for p in trainer.model.parameters())


def test_stop_and_resume_reach_the_same_weights(tmp_path: Path) -> None:
    design = rnn_design("gru", dropout=0.0)
    data = small_adding(n=160)
    straight = Trainer(design, data, settings(epochs=3))
    straight.fit()

    first = Trainer(design, data, settings(epochs=3))
    while first.progress.step < 7:  # stop in the middle of the second epoch
        first.advance()
    first.request_stop()
    first.advance()
    assert first.result is not None and first.result.reason == "stopped"
    first.save_checkpoint(tmp_path / "ckpt.pt")

    second = Trainer(design, data, settings(epochs=3))
    second.load_checkpoint(tmp_path / "ckpt.pt")
    assert second.progress.step == 7
    second.fit()
    assert second.progress.step == straight.progress.step
    for key, value in straight.model.state_dict().items():
        torch.testing.assert_close(second.model.state_dict()[key], value, rtol=0, atol=0)


def test_same_seed_same_run_and_other_seed_differs() -> None:
    def run(seed: int) -> torch.Tensor:
        trainer = Trainer(rnn_design("lstm"), small_adding(n=64), settings(epochs=1, seed=seed))
        trainer.fit()
        return torch.cat([p.flatten() for p in trainer.model.parameters()])

    assert torch.equal(run(3), run(3))
    assert not torch.equal(run(3), run(4))


def test_pause_holds_between_batches_and_resume_continues() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=512), settings(epochs=2))
    trainer.pause()
    thread = threading.Thread(target=trainer.fit)
    thread.start()
    time.sleep(0.3)
    assert trainer.progress.step == 0 and trainer.paused
    trainer.resume()
    deadline = time.monotonic() + 60
    while trainer.progress.step < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    trainer.request_stop()
    thread.join(60)
    assert not thread.is_alive()
    assert trainer.result is not None and trainer.result.reason == "stopped"


def test_truncated_bptt_with_a_long_window_equals_full_bptt() -> None:
    data = make_builtin("sine", length=20, train_size=64, valid_size=16, test_size=16)
    design = load_example("forecasting")
    full = Trainer(design, data, settings(epochs=1, tbptt=0))
    full.fit()
    window = Trainer(design, data, settings(epochs=1, tbptt=1000))
    window.fit()
    for key, value in full.model.state_dict().items():
        torch.testing.assert_close(window.model.state_dict()[key], value)


def test_truncated_bptt_takes_a_step_per_chunk_and_learns() -> None:
    data = make_builtin("sine", length=24, train_size=128, valid_size=32, test_size=16)
    trainer = Trainer(load_example("forecasting"), data, settings(epochs=4, tbptt=8))
    events = collect(trainer)
    result = trainer.fit()
    assert result.steps == 4 * 4 * 3  # 4 epochs x 4 batches x 3 chunks
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    assert epochs[-1].valid_loss < epochs[0].valid_loss


def test_truncated_bptt_refuses_what_it_cannot_do() -> None:
    with pytest.raises(TrainingError, match="target at every input step"):
        Trainer(rnn_design("rnn"), small_adding(), settings(tbptt=4))
    data = make_builtin("tagging", train_size=32, valid_size=8, test_size=8)
    with pytest.raises(TrainingError, match="bidirectional block"):
        Trainer(load_example("tagging"), data, settings(tbptt=4))


def test_design_that_does_not_fit_the_data_is_refused_plainly() -> None:
    design = load_example("notation")  # 5 features in, 2 classes per step
    spec = DataSpec("three features", "sequence", "features", 3, "class", 2, True, True)
    problems = check_fit(design, spec)
    assert [str(p) for p in problems] == [
        "x: input block 'x' expects 5 features, the data set has 3"]
    spec = DataSpec("tokens", "sequence", "tokens", 50, "real", 1, False)
    messages = " | ".join(str(p) for p in check_fit(design, spec))
    assert "reads real features, but the data set has sequences of tokens" in messages
    assert "uses softmax, but the data set's targets are 1 real value per example" in messages
    assert "predicts at every step, but the data set has one target per example" in messages
    data = SequenceData(spec, ExampleList([]), ExampleList([]))
    with pytest.raises(TrainingError, match="does not fit the data set"):
        Trainer(design, data, settings())


def test_cuda_without_a_gpu_is_a_clear_message() -> None:
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(DeviceError, match="no usable CUDA GPU"):
        resolve_device("cuda")
    with pytest.raises(DeviceError, match="no usable CUDA GPU"):
        Trainer(rnn_design(), small_adding(n=32), settings(device="cuda:1"))
    assert resolve_device("auto").type == "cpu"


def test_checkpoint_refuses_pickled_code(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple:
            return (Path.touch, (marker,))

    path = tmp_path / "evil.pt"
    torch.save({"format": "recurrente-checkpoint", "payload": Evil()}, path)
    with pytest.raises(TrainingError, match="not a checkpoint this program can read safely"):
        load_checkpoint_file(path)
    assert not marker.exists()


def test_early_stopping_restores_the_best_weights() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=64), settings(
        epochs=50, early_stopping=2, learning_rate=0.3, optimizer="sgd", clip="none"))
    events = collect(trainer)
    result = trainer.fit()
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    if result.reason == "early stopping":
        best = min(e.valid_loss for e in epochs)
        assert trainer.evaluate(trainer.data.valid)[0] == pytest.approx(best, rel=1e-5)
    else:
        assert result.name == "run_failed" or len(epochs) == 50


@pytest.mark.parametrize(("kind", "params"), [
    ("rnn", {"num_layers": 2}),
    ("rnn", {"nonlinearity": "relu"}),
    ("gru", {"form": "pytorch", "num_layers": 2}),
    ("gru", {"form": "lecture", "num_layers": 2}),
    ("gru", {"form": "minimal"}),
    ("lstm", {"num_layers": 2}),
    ("lstm", {"peepholes": "full"}),
    ("lstm", {"peepholes": "diagonal", "num_layers": 2}),
])
def test_step_by_step_measuring_computes_the_same_function(kind: str, params: dict) -> None:
    """The measuring path (one step at a time) equals the fast path, values and gradients."""
    from engine.compiler import compile_design
    from engine.training import gradients as G

    design = Design()
    design.add_block("input", {"size": 3}, block_id="x")
    design.add_block(kind, {"hidden_size": 5, **params}, block_id="r")
    design.add_block("output", {"size": 2, "activation": "identity"}, block_id="y")
    design.add_wire("x.out", "r.input")
    design.add_wire("r.sequence", "y.input")
    torch.manual_seed(0)
    model = compile_design(design).double().eval()
    inputs = {"x": torch.randn(4, 6, 3, dtype=torch.float64),
              "x:len": torch.tensor([6, 2, 5, 1])}

    def run(measure: bool) -> tuple[dict[str, torch.Tensor], list[torch.Tensor]]:
        model.zero_grad()
        G.probe_blocks(model, measure)
        env = model.environment(inputs)
        env["y.logits"].pow(2).sum().backward()
        G.probe_blocks(model, False)
        return env, [p.grad.clone() for p in model.parameters()]

    fast, fast_grads = run(False)
    slow, slow_grads = run(True)
    for key in ("r.sequence", "r.last", "r.state", "y.logits"):
        torch.testing.assert_close(slow[key], fast[key])
    for a, b in zip(slow_grads, fast_grads, strict=True):
        torch.testing.assert_close(a, b)


def test_the_learning_rate_decays_after_the_patience_without_a_better_validation_loss() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=64), settings(
        epochs=6, lr_decay=0.5, lr_patience=2, learning_rate=0.01))
    seen = iter([1.0, 0.9, 0.95, 0.97, 0.8, 0.85])  # better, better, worse, worse, ...
    trainer._evaluate = lambda split, model: (next(seen), 0.0)  # type: ignore[method-assign]
    rates = []
    trainer.on_epoch_end = lambda event: rates.append(  # type: ignore[method-assign]
        trainer.optimizer.param_groups[0]["lr"])
    trainer.fit()
    # two epochs without improvement (3rd, 4th) halve it; the 5th improves; the 6th waits
    assert rates == pytest.approx([0.01, 0.01, 0.01, 0.005, 0.005, 0.005])
    resumed = Trainer(rnn_design("rnn"), small_adding(n=64), trainer.settings)
    state = trainer.checkpoint()
    resumed.scheduler.load_state_dict(state["scheduler"])
    assert resumed.scheduler.num_bad_epochs == trainer.scheduler.num_bad_epochs == 1


def test_no_decay_by_default() -> None:
    assert Trainer(rnn_design("rnn"), small_adding(n=64), settings()).scheduler is None


def test_weight_averaging_keeps_the_moving_average_of_the_steps_weights() -> None:
    decay = 0.8
    trainer = Trainer(rnn_design("gru"), small_adding(n=96), settings(
        epochs=2, weight_average=decay))
    expected: list[torch.Tensor] = []

    def follow(event: object) -> None:
        if event.name != "step_finished":  # type: ignore[attr-defined]
            return
        weights = [p.detach().clone() for p in trainer.model.parameters()]
        if not expected:  # the average starts from the first step's weights
            expected.extend(weights)
            return
        for average, w in zip(expected, weights, strict=True):
            average.mul_(decay).add_(w, alpha=1 - decay)

    trainer.listeners.append(follow)
    events = collect(trainer)
    trainer.fit()
    assert trainer.progress.step == 6
    for average, kept in zip(expected, trainer.model.parameters(), strict=True):
        torch.testing.assert_close(kept, average)
    # what the last epoch validated is what the run keeps
    last = [e for e in events if isinstance(e, EpochFinished)][-1]
    assert trainer.evaluate(trainer.data.valid)[0] == pytest.approx(last.valid_loss, rel=1e-6)


def test_weight_averaging_off_keeps_the_last_step() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=64), settings(epochs=1))
    assert trainer.averaged is None
    last: list[torch.Tensor] = []
    trainer.listeners.append(lambda e: e.name == "step_finished" and last.__setitem__(
        slice(None), [p.detach().clone() for p in trainer.model.parameters()]))
    trainer.fit()
    for w, kept in zip(last, trainer.model.parameters(), strict=True):
        torch.testing.assert_close(kept, w, rtol=0, atol=0)


def test_weight_averaging_resumes_from_a_checkpoint(tmp_path: Path) -> None:
    design = rnn_design("lstm")
    data = small_adding(n=160)
    straight = Trainer(design, data, settings(epochs=3, weight_average=0.9))
    straight.fit()
    first = Trainer(design, data, settings(epochs=3, weight_average=0.9))
    while first.progress.step < 7:
        first.advance()
    first.save_checkpoint(tmp_path / "ckpt.pt")
    second = Trainer(design, data, settings(epochs=3, weight_average=0.9))
    second.load_checkpoint(tmp_path / "ckpt.pt")
    second.fit()
    for key, value in straight.model.state_dict().items():
        torch.testing.assert_close(second.model.state_dict()[key], value, rtol=0, atol=0)


def test_early_stopping_with_weight_averaging_keeps_the_best_average() -> None:
    trainer = Trainer(rnn_design("rnn"), small_adding(n=64), settings(
        epochs=40, early_stopping=2, learning_rate=0.3, optimizer="sgd", clip="none",
        weight_average=0.5))
    events = collect(trainer)
    result = trainer.fit()
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    assert result.name == "run_finished"
    best = min(e.valid_loss for e in epochs)
    assert trainer.evaluate(trainer.data.valid)[0] == pytest.approx(best, rel=1e-5)
