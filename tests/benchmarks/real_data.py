"""The lecture's three applications on real corpora, against published figures and peers.

Run (the corpora are read from ``--data``, else ``$RECURRENTE_DATA``, else
``../shared/data`` beside the repository; see README.md, "Real data")::

    flock /tmp/recurrente-cpu.lock python tests/benchmarks/real_data.py [--quick]
        [--threads 2] [--tasks jsb,sentiment,translation] [--data DIR] [--seeds 5]
        [--splits 10] [--json FILE]

Every task trains a shipped example design through the engine's :class:`Trainer`, as
``recurrente train --example NAME`` does, and beside it a peer written in plain PyTorch
or a classic baseline, in the same process and on the same split:

* **JSB Chorales** (example ``jsb_chorales``, 1-to-N): a tanh RNN of 100 units, a GRU of 56
  and an LSTM of 48, each reading its input through dropout 0.2 and a linear projection of
  the 88 keys to 32, 24 and 24 features (about 21-25k parameters, the budget of Chung et al.
  2014's 100 tanh, 46 GRU and 36 LSTM units: the projection buys the gated cells more
  units); batches of 4, weight averaging 0.995, weight decay 1e-4 and weight drop 0.3
  (DropConnect on the recurrent weights W, drawn anew each batch, Merity et al. 2018's
  regulariser; both chosen on the validation NLL). Trained with teacher forcing, the design
  reads chord t and predicts chord t+1: next-step prediction. Metric: test negative
  log-likelihood per time step (the sum over the 88 keys of the binary cross-entropy,
  averaged over every predicted step of the test chorales). The peer is
  ``dropout + nn.Linear + nn.RNN/GRU/LSTM + nn.Linear`` with its weight drop written with
  ``torch.func.functional_call`` and torch's ``AveragedModel`` (EMA) on padded batches from
  a DataLoader, built after the same seed in the same order (so it starts from the very same
  weights: checked), fed the same permutation each epoch (and so drawing the same dropout
  masks and dropped weights), with the same optimiser, clipping and early stopping. The
  engine's dL/dh(t) capture (a teaching instrument the peer lacks) is off
  (``capture_every = 0``); everything else the trainer does each step (gradient norms per
  block and matrix, events, the non-finite checks) is in its time. Besides each whole run,
  the seconds per epoch are measured in alternation (see :func:`paired_epoch_seconds`).
  On a CPU the engine trains the tanh RNN and the GRU through its hand-written backward
  pass (engine.fastrnn; the same function on the same weights, to rounding), which is
  where their ratios below 1 come from: nn.RNN and nn.GRU have no fused CPU kernel. The
  LSTM runs on nn.LSTM (oneDNN) on both sides.
* **Sentiment** (example ``reviews``, M-to-1): the UCI sentences split 80/10/10 with seed
  0; a word LSTM (the example) and a bidirectional GRU in its place, both reading the
  embedded words through word dropout 0.2 (whole steps) and feature dropout 0.5, with an L2
  penalty of 1e-4, beside a bag-of-words logistic regression (plain torch, same vocabulary
  and split, L2 strength chosen on validation). Metric: test accuracy. 300 test sentences
  make one run's accuracy noisy (a standard error of about 2 points), so the full run also
  reports the mean over model seeds on split 0 (``--seeds``) and the mean over seeded
  splits (``--splits``: the 3000 sentences shuffled 80/10/10 with seeds 0, 1, ..., the
  baseline retrained on each), with the paired difference to the baseline.
* **Translation** (example ``tatoeba``, M-to-N encoder-decoder): Tatoeba Spanish -> English,
  split by English sentence; corpus BLEU (sacrebleu, on the loader's lowercased word tokens)
  and exact-match rate of greedy decoding on the test split, and five sample
  translations. References keep the words the vocabulary lost (read back from the file).

``--quick`` is a smoke test (about a minute on 2 cores): a few epochs per model and a
subsample of the translation pairs; its figures mean nothing. The full run takes about
45 minutes on 2 cores (the translation model, 2.6M parameters, about 8 of them).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # run as a script from any folder

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import Tensor, nn  # noqa: E402
from torch.nn.utils.rnn import pad_sequence  # noqa: E402
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn  # noqa: E402
from torch.utils.data import DataLoader  # noqa: E402

from engine.data.base import ExampleList, SequenceData  # noqa: E402
from engine.data.files import EOS, read_parallel_text  # noqa: E402
from engine.data.load import DATA_ROOTS_VARIABLE, load_data, resolve_data_path  # noqa: E402
from engine.design import Design  # noqa: E402
from engine.examples import example_path  # noqa: E402
from engine.fileformat import loads  # noqa: E402
from engine.training.settings import TrainingSettings  # noqa: E402
from engine.training.trainer import Trainer  # noqa: E402

JSB_ANCHORS = {"rnn": "Chung'14 9.10", "gru": "Chung'14 8.54, Bai'18 8.43",
               "lstm": "Chung'14 8.67, Bai'18 8.45"}


@dataclass(frozen=True)
class JsbCell:
    """One cell of the chorale comparison: about 21-25k parameters each. The learning
    rate, the weight decay and the weight drop (in ``params``) were chosen on the
    validation NLL (the tanh RNN trains best slower)."""

    label: str
    kind: str
    params: dict[str, Any]
    learning_rate: float
    embed: int  # features of the linear projection of the 88 keys
    weight_decay: float


JSB_CELLS: tuple[JsbCell, ...] = (
    JsbCell("tanh RNN 100", "rnn", {"hidden_size": 100, "num_layers": 1, "nonlinearity": "tanh",
                                    "dropout": 0.0, "weight_drop": 0.3, "bidirectional": False,
                                    "join": "concat"},
            2e-3, 32, 1e-4),
    JsbCell("GRU 56", "gru", {"hidden_size": 56, "num_layers": 1, "form": "pytorch",
                              "dropout": 0.0, "weight_drop": 0.3, "bidirectional": False,
                              "join": "concat"},
            3e-3, 24, 1e-4),
    JsbCell("LSTM 48", "lstm", {"hidden_size": 48, "num_layers": 1, "peepholes": "none",
                                "dropout": 0.0, "weight_drop": 0.3, "bidirectional": False,
                                "join": "concat"},
            3e-3, 24, 1e-4),
)
JSB_TARGET, JSB_BEST_TARGET, PEER_NLL_TOLERANCE, PEER_TIME_RATIO = 8.45, 8.30, 0.05, 1.05


@dataclass
class Row:
    """One line of the table."""

    task: str
    model: str
    parameters: int
    epochs: int
    seconds: float
    metric: str
    value: float
    anchor: str = ""
    peer: str = ""
    peer_value: float = math.nan
    peer_seconds: float = math.nan
    peer_epochs: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# --- shared helpers ------------------------------------------------------------------------


def default_data_root() -> Path:
    """$RECURRENTE_DATA's first folder, else ../shared/data beside the repository."""
    first = os.environ.get(DATA_ROOTS_VARIABLE, "").split(os.pathsep)[0]
    return Path(first) if first else REPO.parent / "shared" / "data"


def example_doc(name: str) -> dict[str, Any]:
    return json.loads(example_path(name).read_text(encoding="utf-8"))


def design_from(doc: dict[str, Any]) -> Design:
    return loads(json.dumps(doc))


def replace_block(doc: dict[str, Any], block_id: str, new_id: str, kind: str, name: str,
                  params: dict[str, Any]) -> dict[str, Any]:
    """A copy of a design document with one block swapped for another kind."""
    doc = json.loads(json.dumps(doc))
    for block in doc["blocks"]:
        if block["id"] == block_id:
            block.update(id=new_id, kind=kind, name=name, params=params)
    for wire in doc["wires"]:
        for end in ("from", "to"):
            owner, _, port = wire[end].partition(".")
            if owner == block_id:
                wire[end] = f"{new_id}.{port}"
    return doc


def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def train_design(design: Design, data: SequenceData,
                 settings: TrainingSettings) -> tuple[Trainer, float]:
    """Build and fit a trainer; returns it and the wall time of both."""
    start = time.perf_counter()
    trainer = Trainer(design, data, settings)
    result = trainer.fit()
    seconds = time.perf_counter() - start
    if result.name != "run_finished":
        raise RuntimeError(f"{design.name}: training failed: {result}")
    return trainer, seconds


def epoch_order(size: int, seed: int, epoch: int) -> list[int]:
    """The permutation the trainer's EpochSampler draws for ``epoch`` (seed + epoch)."""
    return torch.randperm(size, generator=torch.Generator().manual_seed(seed + epoch)).tolist()


# --- JSB Chorales ----------------------------------------------------------------------------


@dataclass(frozen=True)
class MusicShape:
    """What the peer copies of a JSB design: its cell, sizes and input dropout."""

    cell: str
    hidden: int
    embed: int
    dropout: float
    weight_drop: float

    @staticmethod
    def of(design: Design, cell_id: str) -> MusicShape:
        block = design.blocks[cell_id]
        return MusicShape(block.kind, int(block.params["hidden_size"]),
                          int(design.blocks["embed"].params["size"]),
                          float(design.blocks["drop"].params["p"]),
                          float(block.params["weight_drop"]))


class PeerMusic(nn.Module):
    """The hand-written peer: input dropout, a linear projection, one fused recurrent layer
    with DropConnect on its recurrent weights (AWD-LSTM's weight drop, written with
    ``torch.func.functional_call``), a linear read-out (created in the design's block
    order, so one seed draws both)."""

    def __init__(self, shape: MusicShape) -> None:
        super().__init__()
        layer = {"rnn": nn.RNN, "gru": nn.GRU, "lstm": nn.LSTM}[shape.cell]
        self.dropout = shape.dropout
        self.weight_drop = shape.weight_drop
        self.embed = nn.Linear(88, shape.embed)
        self.rnn = layer(shape.embed, shape.hidden, batch_first=True)
        self.out = nn.Linear(shape.hidden, 88)

    def forward(self, x: Tensor) -> Tensor:
        x = F.dropout(x, self.dropout, self.training)
        h = self.embed(x)
        if self.training and self.weight_drop > 0:
            dropped = {"weight_hh_l0": F.dropout(self.rnn.weight_hh_l0, self.weight_drop)}
            h = torch.func.functional_call(self.rnn, dropped, (h,))[0]
        else:
            h = self.rnn(h)[0]
        return self.out(h)


def _peer_rolls(split: ExampleList) -> list[tuple[Tensor, Tensor]]:
    """(steps 0..T-2, steps 1..T-1) of each chorale of a ``generate``-framed split."""
    return [(torch.cat([e["input"].unsqueeze(0), e["target"][:-1]]), e["target"])
            for e in split.examples]


def _pad_pairs(pairs: list[tuple[Tensor, Tensor]]) -> tuple[Tensor, Tensor, Tensor]:
    """A batch: padded inputs, padded targets and the mask of real steps."""
    lengths = torch.tensor([x.shape[0] for x, _ in pairs])
    x = pad_sequence([x for x, _ in pairs], batch_first=True)
    y = pad_sequence([y for _, y in pairs], batch_first=True)
    return x, y, (torch.arange(x.shape[1]).unsqueeze(0) < lengths.unsqueeze(1)).to(x.dtype)


def _peer_loader(rolls: list[tuple[Tensor, Tensor]], batch: int,
                 order: Sequence[int] | None = None) -> DataLoader:
    # A DataLoader, as a script would write it; it also draws one number from torch's
    # generator per pass, as the trainer's does, so both draw the same dropout masks.
    return DataLoader(rolls, batch_size=batch, sampler=order, collate_fn=_pad_pairs)  # type: ignore[arg-type]


def _peer_nll(model: nn.Module, loader: DataLoader) -> float:
    model.eval()
    total = count = 0.0
    with torch.no_grad():
        for x, y, mask in loader:
            per_step = F.binary_cross_entropy_with_logits(model(x), y, reduction="none").sum(-1)
            total += float((per_step * mask).sum())
            count += float(mask.sum())
    model.train()
    return total / count


def train_peer_music(data: SequenceData, shape: MusicShape,
                     s: TrainingSettings) -> tuple[PeerMusic, float, int, float]:
    """Train the peer as the trainer trains the design; returns (model, test NLL, epochs,
    seconds). The data are prepared before the clock starts, as a script reads its file."""
    train, valid, test = (_peer_rolls(split) for split in (data.train, data.valid, data.test))
    start = time.perf_counter()
    torch.manual_seed(s.seed)
    model = PeerMusic(shape)
    optimiser = torch.optim.Adam(model.parameters(), lr=s.learning_rate,
                                 weight_decay=s.weight_decay)
    scheduler = (torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimiser, factor=s.lr_decay, patience=s.lr_patience - 1, threshold=0.0)
        if s.lr_decay < 1.0 else None)
    average = (AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(s.weight_average))
               if s.weight_average > 0 else None)
    kept: nn.Module = model if average is None else average.module
    best, best_state, waited, epoch = math.inf, None, 0, 0
    while epoch < s.epochs:
        for x, y, mask in _peer_loader(train, s.batch_size,
                                       epoch_order(len(train), s.seed, epoch)):
            per_step = F.binary_cross_entropy_with_logits(model(x), y, reduction="none").sum(-1)
            loss = (per_step * mask).sum() / mask.sum()
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), s.clip_threshold)
            optimiser.step()
            if average is not None:
                average.update_parameters(model)
        epoch += 1
        valid_nll = _peer_nll(kept, _peer_loader(valid, s.batch_size))
        if scheduler is not None:
            scheduler.step(valid_nll)
        if valid_nll < best:
            best, waited = valid_nll, 0
            best_state = {k: v.detach().clone() for k, v in kept.state_dict().items()}
        else:
            waited += 1
        if s.early_stopping and waited >= s.early_stopping:
            assert best_state is not None
            model.load_state_dict(best_state)  # as the trainer does on early stopping
            break
    else:
        model.load_state_dict(kept.state_dict())  # the average, when there is one
    seconds = time.perf_counter() - start
    return model, _peer_nll(model, _peer_loader(test, s.batch_size)), epoch, seconds


def check_same_start(design: Design, data: SequenceData, shape: MusicShape,
                     s: TrainingSettings) -> float:
    """|engine - peer| test NLL before training: the two start from the same function."""
    engine = Trainer(design, data, s.replace(epochs=1))
    torch.manual_seed(s.seed)
    peer = PeerMusic(shape)
    return abs(engine.evaluate(data.test)[0]
               - _peer_nll(peer, _peer_loader(_peer_rolls(data.test), s.batch_size)))


def paired_epoch_seconds(design: Design, data: SequenceData, shape: MusicShape,
                         s: TrainingSettings, epochs: int, rounds: int) -> tuple[float, float]:
    """Seconds per epoch of the engine and of the peer, measured in alternation.

    The machine is shared: a whole training run of each, minutes apart, can meet
    different loads. Short runs taken turn about, and the median of each, compare the two
    under the same conditions.
    """
    fixed = s.replace(epochs=epochs, early_stopping=0)
    engine: list[float] = []
    peer: list[float] = []
    for _ in range(rounds):
        engine.append(train_design(design, data, fixed)[1] / epochs)
        peer.append(train_peer_music(data, shape, fixed)[3] / epochs)
    return statistics.median(engine), statistics.median(peer)


def run_jsb(quick: bool, log: Callable[[str], None]) -> list[Row]:
    doc = example_doc("jsb_chorales")
    rows = []
    data: SequenceData | None = None
    for cell in JSB_CELLS:
        label, kind, params = cell.label, cell.kind, cell.params
        doc_cell = replace_block(doc, "lstm", "cell", kind, label, params)
        for block in doc_cell["blocks"]:
            if block["id"] == "embed":
                block["params"]["size"] = cell.embed
        design = design_from(doc_cell)
        shape = MusicShape.of(design, "cell")
        settings = design.training.replace(device="cpu", capture_every=0,
                                           learning_rate=cell.learning_rate,
                                           weight_decay=cell.weight_decay)
        if quick:
            settings = settings.replace(epochs=3)
        if data is None:
            data = load_data(settings.data)  # type: ignore[arg-type]
            # A process's first training step pays torch's one-time start-up (about 1.6 s
            # here); an untimed epoch of each puts it on neither side of the comparison.
            warm = settings.replace(epochs=1, early_stopping=0)
            train_design(design, data, warm)
            train_peer_music(data, shape, warm)
        gap = check_same_start(design, data, shape, settings)
        log(f"jsb {label}: same start (|engine - peer| test NLL before training {gap:.1e})")
        trainer, seconds = train_design(design, data, settings)
        test_nll = trainer.evaluate(data.test)[0]
        log(f"jsb {label}: engine {test_nll:.3f} after {trainer.progress.epoch} epochs, "
            f"{seconds:.1f} s")
        peer, peer_nll, peer_epochs, peer_seconds = train_peer_music(data, shape, settings)
        log(f"jsb {label}: peer   {peer_nll:.3f} after {peer_epochs} epochs, "
            f"{peer_seconds:.1f} s")
        paired = paired_epoch_seconds(design, data, shape, settings, 1 if quick else 4,
                                      1 if quick else 7)
        log(f"jsb {label}: s/epoch in alternation: engine {paired[0]:.3f}, peer {paired[1]:.3f}")
        params_count = count_parameters(trainer.model)
        assert params_count == count_parameters(peer), "the peer must have the same size"
        rows.append(Row("JSB Chorales", label, params_count, trainer.progress.epoch, seconds,
                        "test NLL/step", test_nll, JSB_ANCHORS[kind], "nn." + kind.upper(),
                        peer_nll, peer_seconds, peer_epochs, {
                            "valid_nll": trainer.progress.best_valid_loss,
                            "s_per_epoch": seconds / max(trainer.progress.epoch, 1),
                            "peer_s_per_epoch": peer_seconds / max(peer_epochs, 1),
                            "paired_s_per_epoch": paired[0],
                            "paired_peer_s_per_epoch": paired[1],
                            "start_gap": gap}))
    return rows


# --- sentiment -------------------------------------------------------------------------------


BIGRU = {"cell": "gru", "hidden_size": 32, "num_layers": 1, "join": "concat", "dropout": 0.0,
         "nonlinearity": "tanh", "form": "pytorch", "peepholes": "none"}


def bag_of_words(split: ExampleList, vocab: int) -> tuple[Tensor, Tensor]:
    """Word presence (0/1) per sentence, ``<pad>`` and ``<unk>`` left out, and the labels."""
    x = torch.zeros(len(split), vocab)
    for i, example in enumerate(split.examples):
        x[i, example["input"]] = 1.0
    x[:, :2] = 0.0
    return x, torch.stack([e["target"] for e in split.examples])


BOW_L2_GRID = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2)


def logistic_regression(data: SequenceData) -> tuple[float, float, float, float]:
    """Bag-of-words logistic regression, L2 chosen on validation from ``BOW_L2_GRID``
    (whose ends are never the best: checked on ten splits).

    Returns (test accuracy, the L2 chosen, seconds, validation accuracy).
    """
    start = time.perf_counter()
    vocab = data.spec.input_size
    (x, y), (xv, yv), (xt, yt) = (bag_of_words(s, vocab)
                                  for s in (data.train, data.valid, data.test))
    best: tuple[float, float, nn.Linear] | None = None
    for l2 in BOW_L2_GRID:
        torch.manual_seed(0)
        model = nn.Linear(vocab, 2)
        optimiser = torch.optim.LBFGS(model.parameters(), max_iter=500,
                                      line_search_fn="strong_wolfe")

        def closure(model: nn.Linear = model, optimiser: torch.optim.LBFGS = optimiser,
                    l2: float = l2) -> Tensor:
            optimiser.zero_grad()
            loss = F.cross_entropy(model(x), y) + l2 * model.weight.pow(2).sum()
            loss.backward()
            return loss

        optimiser.step(closure)
        with torch.no_grad():
            accuracy = float((model(xv).argmax(-1) == yv).float().mean())
        if best is None or accuracy > best[0]:
            best = (accuracy, l2, model)
    assert best is not None
    with torch.no_grad():
        test = float((best[2](xt).argmax(-1) == yt).float().mean())
    return test, best[1], time.perf_counter() - start, best[0]


def with_split_seed(settings: TrainingSettings, seed: int) -> TrainingSettings:
    """The same file and options, shuffled into train/valid/test with another seed."""
    data = settings.data
    return settings.replace(data=replace(data, options={**data.options, "seed": seed}))


@dataclass
class SplitRun:
    """One model on one seeded split, beside the baseline on that split."""

    test: float
    valid: float
    baseline_test: float
    baseline_valid: float
    epochs: int
    seconds: float


def _mean_row(label: str, parameters: int, runs: list[SplitRun], what: str) -> Row:
    """A row of means over ``runs``. Over splits, the paired differences with the baseline
    (retrained on each split) go in extra; over seeds, the baseline is one run."""
    tests = [r.test for r in runs]
    extra: dict[str, Any] = {"std": statistics.stdev(tests),
                             "valid_accuracy": statistics.fmean(r.valid for r in runs),
                             "baseline_valid": statistics.fmean(r.baseline_valid for r in runs)}
    if what == "splits":
        differences = [r.test - r.baseline_test for r in runs]
        extra.update(difference=statistics.fmean(differences),
                     difference_se=statistics.stdev(differences) / math.sqrt(len(runs)),
                     wins=sum(d > 0 for d in differences), ties=sum(d == 0 for d in differences))
    return Row("Sentiment (UCI)", f"{label}, mean of {len(runs)} {what}", parameters,
               round(statistics.fmean(r.epochs for r in runs)),
               statistics.fmean(r.seconds for r in runs), "test accuracy",
               statistics.fmean(tests), "", "BoW logistic regr.",
               statistics.fmean(r.baseline_test for r in runs), math.nan, 0, extra)


def run_sentiment(quick: bool, seeds: int, splits: int,
                  log: Callable[[str], None]) -> list[Row]:
    """The example's LSTM and a bidirectional GRU in its place, beside bag-of-words.

    300 test sentences put a standard error of about 2 points on an accuracy, so besides
    the designs' own seed (0) and split (0), the full run also trains seeds 1, 2, ... on
    split 0 and then seed 0 on splits 1, 2, ... (the file's 3000 sentences shuffled 80/10/10
    with another seed, the baseline retrained on each), and reports means. The difference
    over splits is paired: each model against the baseline on the same test sentences.
    """
    doc = example_doc("reviews")
    designs = [("LSTM 32", design_from(doc)),
               ("BiGRU 2x32", design_from(replace_block(doc, "lstm", "bigru", "bidirectional",
                                                        "BiGRU", BIGRU)))]
    base = designs[0][1].training.replace(device="cpu", capture_every=0)
    if quick:
        base = base.replace(epochs=2)
    split_data: dict[int, tuple[SequenceData, tuple[float, float, float, float]]] = {}

    def split(seed: int) -> tuple[SequenceData, tuple[float, float, float, float]]:
        if seed not in split_data:
            data = load_data(with_split_seed(base, seed).data)  # type: ignore[arg-type]
            baseline = logistic_regression(data)
            log(f"sentiment split {seed}: {len(data.train)}/{len(data.valid)}/{len(data.test)} "
                f"sentences, vocabulary {data.spec.input_size}; bag-of-words logistic "
                f"regression test {baseline[0]:.3f}, valid {baseline[3]:.3f} "
                f"(L2 {baseline[1]:g}, {baseline[2]:.1f} s)")
            split_data[seed] = data, baseline
        return split_data[seed]

    rows = []
    for label, design in designs:
        settings = design.training.replace(device="cpu", capture_every=0,
                                           epochs=base.epochs)

        def run(model_seed: int, split_seed: int, label: str = label, design: Design = design,
                settings: TrainingSettings = settings) -> tuple[SplitRun, Trainer]:
            data, baseline = split(split_seed)
            trainer, seconds = train_design(
                design, data, with_split_seed(settings, split_seed).replace(seed=model_seed))
            result = SplitRun(trainer.evaluate(data.test)[1], trainer.evaluate(data.valid)[1],
                              baseline[0], baseline[3], trainer.progress.epoch, seconds)
            log(f"sentiment {label} seed {model_seed} split {split_seed}: test "
                f"{result.test:.3f}, valid {result.valid:.3f} after {result.epochs} epochs, "
                f"{seconds:.1f} s")
            return result, trainer

        first, trainer = run(0, 0)
        parameters = count_parameters(trainer.model)
        rows.append(Row("Sentiment (UCI)", label, parameters, first.epochs, first.seconds,
                        "test accuracy", first.test, "no standard split",
                        "BoW logistic regr.", first.baseline_test, split(0)[1][2], 0,
                        {"valid_accuracy": first.valid,
                         "baseline_valid": first.baseline_valid}))
        if seeds > 1:
            runs = [first] + [run(seed, 0)[0] for seed in range(1, seeds)]
            rows.append(_mean_row(label, parameters, runs, "seeds"))
        if splits > 1:
            runs = [first] + [run(0, seed)[0] for seed in range(1, splits)]
            rows.append(_mean_row(label, parameters, runs, "splits"))
    return rows


# --- translation -----------------------------------------------------------------------------


def greedy_translations(trainer: Trainer, split: ExampleList, steps: int,
                        batch: int = 256) -> list[list[str]]:
    """Greedy decoding (the design's feedback block is greedy) of every source in ``split``."""
    model = trainer.model.eval()
    vocab = trainer.data.spec.target_vocab
    end = vocab.index(EOS)
    input_id = trainer.binding.input_block
    results: list[list[str]] = []
    with torch.no_grad():
        for i in range(0, len(split), batch):
            sources = [e["input"] for e in split.examples[i:i + batch]]
            inputs = {input_id: pad_sequence(sources, batch_first=True),
                      input_id + ":len": torch.tensor([len(s) for s in sources])}
            ids = model.generate(inputs, steps, 1.0).argmax(-1).tolist()
            for row in ids:
                words = row[:row.index(end)] if end in row else row
                results.append([vocab[w] for w in words])
    return results


def run_translation(quick: bool, log: Callable[[str], None]) -> tuple[list[Row], list[str]]:
    import sacrebleu

    design = design_from(example_doc("tatoeba"))
    settings = design.training.replace(device="cpu", capture_every=0)
    assert settings.data is not None
    data = load_data(settings.data)
    options = dict(settings.data.options)
    text = read_parallel_text(resolve_data_path(settings.data.path),  # type: ignore[arg-type]
                              swap=options.get("swap", False), seed=options.get("seed", 0))
    references = [text.targets[i] for i in text.splits[2]]
    sources = [text.sources[i] for i in text.splits[2]]
    assert len(references) == len(data.test)
    if quick:  # a subsample, same vocabularies (so the design still fits)
        data = SequenceData(data.spec, ExampleList(data.train.examples[:3000]),
                            ExampleList(data.valid.examples[:300]),
                            ExampleList(data.test.examples[:300]))
        references, sources = references[:300], sources[:300]
        settings = settings.replace(epochs=1)
    log(f"translation: {len(data.train)}/{len(data.valid)}/{len(data.test)} pairs, "
        f"vocabularies {data.spec.input_size} -> {data.spec.target_size}")
    trainer, seconds = train_design(design, data, settings)
    longest = max(len(e["target"]) for e in data.train.examples)
    start = time.perf_counter()
    hypotheses = greedy_translations(trainer, data.test, longest + 5)
    decode_seconds = time.perf_counter() - start
    hyp_text = [" ".join(h) for h in hypotheses]
    ref_text = [" ".join(r) for r in references]
    # both sides are already the loader's lowercased word tokens: no second tokenizer
    metric = sacrebleu.metrics.BLEU(tokenize="none", force=True)
    bleu = metric.corpus_score(hyp_text, [ref_text])
    exact = sum(h == r for h, r in zip(hypotheses, references, strict=True)) / len(references)
    log(f"translation: BLEU {bleu.score:.1f}, exact {exact:.3f} after "
        f"{trainer.progress.epoch} epochs, {seconds:.1f} s (+{decode_seconds:.1f} s decoding)")
    picks = [round(k * (len(sources) - 1) / 4) for k in range(5)]
    samples = [f"  ES  {' '.join(sources[i])}\n  REF {ref_text[i]}\n  OUT {hyp_text[i]}"
               for i in picks] + [f"  (BLEU: sacrebleu {metric.get_signature()})"]
    params = count_parameters(trainer.model)
    rows = [Row("Translation es->en", "GRU enc-dec 256", params, trainer.progress.epoch, seconds,
                "test BLEU", bleu.score, "none for this subset", extra={
                    "exact_match": exact, "bleu_signature": str(metric.get_signature()),
                    "decode_seconds": decode_seconds}),
            Row("Translation es->en", "GRU enc-dec 256", params, trainer.progress.epoch, seconds,
                "exact match", exact, "")]
    return rows, samples


# --- the table ---------------------------------------------------------------------------------


def _number(value: float, metric: str) -> str:
    if math.isnan(value):
        return ""
    return f"{value:.3f}" if metric != "test BLEU" else f"{value:.1f}"


def table(rows: list[Row], threads: int, quick: bool) -> str:
    head = (f"Recurrente on real data — torch {torch.__version__}, CPU, "
            f"{threads} thread{'s' if threads != 1 else ''}"
            f"{', QUICK (smoke test: figures mean nothing)' if quick else ''}")
    columns = ("task", "model", "params", "epochs", "wall s", "metric", "value",
               "published anchor", "peer", "peer value", "peer wall s", "s/epoch ratio")
    lines = [[r.task, r.model, f"{r.parameters:,}", str(r.epochs), f"{r.seconds:.1f}",
              r.metric, _number(r.value, r.metric), r.anchor, r.peer,
              _number(r.peer_value, r.metric),
              "" if math.isnan(r.peer_seconds) else f"{r.peer_seconds:.1f}",
              f"{r.extra['paired_s_per_epoch'] / r.extra['paired_peer_s_per_epoch']:.2f}"
              if r.peer.startswith("nn.") else ""]
             for r in rows]
    widths = [max(len(c), *(len(line[i]) for line in lines)) for i, c in enumerate(columns)]
    out = [head, "", " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
           "-+-".join("-" * w for w in widths)]
    out += [" | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
            for line in lines]
    out.append("\nwall s: one whole run (early stopping decides its epochs), data loading "
               "excluded. s/epoch ratio: engine / peer seconds per epoch, median of runs of a "
               "few epochs taken in alternation.")
    return "\n".join(out)


def verdicts(rows: list[Row]) -> list[str]:
    """The issue's targets, each met or missed by how much."""
    found = []
    jsb = [r for r in rows if r.task == "JSB Chorales"]
    if jsb:
        for r in jsb:
            sign = "<=" if r.value <= JSB_TARGET else ">"
            found.append(f"JSB {r.model}: NLL {r.value:.3f} {sign} {JSB_TARGET} "
                         f"({r.value - JSB_TARGET:+.3f}); peer gap "
                         f"{r.value - r.peer_value:+.3f} (tolerance {PEER_NLL_TOLERANCE}); "
                         f"wall time ratio {r.seconds / r.peer_seconds:.3f} (whole runs), "
                         f"{r.extra['paired_s_per_epoch'] / r.extra['paired_peer_s_per_epoch']:.3f}"
                         f" (per epoch, in alternation; target <= {PEER_TIME_RATIO})")
        best = min(jsb, key=lambda r: r.value)
        found.append(f"JSB best: {best.model} {best.value:.3f} "
                     f"{'<=' if best.value <= JSB_BEST_TARGET else '>'} {JSB_BEST_TARGET} "
                     f"({best.value - JSB_BEST_TARGET:+.3f})")
    for r in rows:
        if r.task.startswith("Sentiment"):
            spread = f" ± {r.extra['std']:.3f}" if "std" in r.extra else ""
            paired = ""
            if "difference_se" in r.extra:
                paired = (f"; paired difference {r.extra['difference']:+.3f} ± "
                          f"{r.extra['difference_se']:.3f} (standard error), ahead on "
                          f"{r.extra['wins']} of {r.model.split('mean of ')[1]}, level on "
                          f"{r.extra['ties']}")
            found.append(f"Sentiment {r.model}: test {r.value:.3f}{spread} vs bag-of-words "
                         f"{r.peer_value:.3f} ({r.value - r.peer_value:+.3f}: "
                         f"{'beats it' if r.value > r.peer_value else 'does not beat it'}); "
                         f"validation {r.extra['valid_accuracy']:.3f} vs "
                         f"{r.extra['baseline_valid']:.3f}{paired}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a smoke test of a few minutes")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--tasks", default="jsb,sentiment,translation",
                        help="comma-separated: jsb, sentiment, translation")
    parser.add_argument("--data", type=Path, default=None,
                        help="the folder holding jsb_chorales/, sentiment/, translation/")
    parser.add_argument("--seeds", type=int, default=5,
                        help="sentiment: model seeds on split 0 in the full run (default 5)")
    parser.add_argument("--splits", type=int, default=10,
                        help="sentiment: seeded 80/10/10 splits in the full run (default 10)")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args(argv)
    root = (args.data or default_data_root()).resolve()
    if not root.is_dir():
        print(f"real_data: {root}: no such folder; pass --data DIR or set "
              f"{DATA_ROOTS_VARIABLE}", file=sys.stderr)
        return 2
    os.environ[DATA_ROOTS_VARIABLE] = str(root)  # where the examples' relative paths resolve
    torch.set_num_threads(args.threads)
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = set(tasks) - {"jsb", "sentiment", "translation"}
    if unknown:
        parser.error(f"unknown task(s): {', '.join(sorted(unknown))}")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    rows: list[Row] = []
    samples: list[str] = []
    started = time.perf_counter()
    if "jsb" in tasks:
        rows += run_jsb(args.quick, log)
    if "sentiment" in tasks:
        rows += run_sentiment(args.quick, 1 if args.quick else args.seeds,
                              1 if args.quick else args.splits, log)
    if "translation" in tasks:
        translation_rows, samples = run_translation(args.quick, log)
        rows += translation_rows
    print(table(rows, args.threads, args.quick))
    if samples:
        print("\nSample translations (greedy, test split):")
        print("\n".join(samples))
    print()
    for line in verdicts(rows):
        print(line)
    print(f"\ntotal {time.perf_counter() - started:.0f} s; data from {root}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1, default=str),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
