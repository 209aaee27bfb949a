#!/usr/bin/env python3
"""HireNet in PyTorch, for the bench's "our fastest Chromium backend vs PyTorch" ratio (issue #7).

Reads a `hirenet-reference/1` file (docs/weight-contract.md, "Reference output"): config, weights
and interviews with our model's outputs. Either `npx hirenet reference --seed N --out FILE` (small
uneven shapes) or `node --import tsx bench/pytorch/workload.ts --out FILE` (the bench's own
weights and interviews: 1 and 6 answers x 240 windows, 45 descriptors, 100-d words, 32 units).

Three implementations of one forward pass:

* ``exact``      our contract written with torch ops and a per-step loop: tfjs-layers GRU (gates
                 z|r|h, sigmoid, reset applied to the state BEFORE the recurrent product), masked
                 steps carry the state, the backward direction reads the padded sequence from its
                 end so padding leaves it at h0 = 0, additive attention with a -1e9 padding score.
                 Both directions of a BiGRU run in one loop (a batched matmul over [2, S, U]) and
                 the answers of an interview are one batch, like our tfjs kernels.
                 It reproduces the file's scores and attention (``check``): it is the same model.
* ``exact-jit``  the same, with the step loop compiled by torch.jit.script.
* ``idiomatic``  what a PyTorch engineer would ship: torch.nn.GRU (bidirectional, batch_first,
                 pack_padded_sequence only when lengths differ) for the four encoders, the same
                 attention and classifier, weights copied from the file (gates reordered to
                 nn.GRU's r|z|n, input bias in bias_ih, bias_hh = 0). nn.GRU is "reset-after"
                 (cuDNN): n = tanh(W_in x + b_in + r * (W_hn h + b_hn)) where our contract has
                 tanh(x K_h + b_h + (r * h) R_h), so it cannot reproduce our numbers (check prints
                 its difference for information only); it does the same FLOPs, so it is the speed
                 reference for "the same model in PyTorch".

Usage:
  hirenet_torch.py check --ref FILE [--impl exact,exact-jit,idiomatic] [--threads T]
  hirenet_torch.py --ref FILE --bench --answers 1,6 --windows 240 --runs N --threads 1,2
                   [--impl exact,exact-jit,idiomatic] [--warmup W] [--rounds R]

``check`` prints one human line per implementation on stderr and one JSON line per implementation
on stdout: {"check": impl, "interviews", "maxAbsDiff", "score", "answerAttention",
"questionAttention"}. ``--bench`` times the scoring of one interview (torch.inference_mode, after
W warm-up calls; the runs are spread over R interleaved rounds so load drift hits every
configuration alike) and prints one JSON line per (threads, impl, answers):
{"impl", "answers", "windows", "medianMs", "minMs", "cpuMedianMs", "runs", "threads",
"torchVersion", "score"}. What is timed: the forward pass from float32 tensors already padded
(input conversion from JSON/lists is NOT timed, which favours PyTorch) up to the score and the
attention weights as Python lists (what our predict() returns).
"""
import argparse
import json
import statistics
import sys
import time
from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

DTYPE = torch.float32

from torch_exact import Exact
from torch_idiomatic import HireNetIdiomatic
from torch_inputs import DTYPE, Interview, synthetic_interview

# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------

IMPLS = ["exact", "exact-jit", "idiomatic"]


def load(path: str):
    with open(path) as f:
        ref = json.load(f)
    assert ref["format"] == "hirenet-reference/1", ref["format"]
    variant = ref["config"].get("variant", "hirenet")
    assert variant == "hirenet", f"only the hirenet variant is implemented, not {variant}"
    w = {k: torch.tensor(v["data"], dtype=DTYPE).reshape(v["shape"]) for k, v in ref["weights"].items()}
    return ref, w


def build(impl: str, cfg: dict, w: dict):
    if impl == "exact":
        return Exact(cfg, w, jit=False).forward
    if impl == "exact-jit":
        return Exact(cfg, w, jit=True).forward
    if impl == "idiomatic":
        return HireNetIdiomatic(cfg, w)
    raise SystemExit(f"unknown --impl {impl} (one of {', '.join(IMPLS)})")


def score_interview(model, iv: Interview):
    """One scoring as predict() returns it: score, attention per real window, question attention."""
    score, alpha, beta = model(iv)
    rows = alpha.tolist()
    return score.item(), [r[:n] for r, n in zip(rows, iv.a_lengths)], beta[0].tolist()


def check(args) -> int:
    ref, w = load(args.ref)
    cfg = ref["config"]
    interviews = [(Interview(iv["inputs"], cfg), iv["outputs"]) for iv in ref["interviews"]]
    worst = 0.0
    for impl in args.impl:
        model = build(impl, cfg, w)
        ds = da = dq = 0.0
        with torch.inference_mode():
            for k, (iv, want) in enumerate(interviews):
                score, att, beta = score_interview(model, iv)
                ds = max(ds, abs(score - want["score"]))
                assert len(att) == len(want["answerAttention"]), f"interview {k}: answer count"
                for got, exp in zip(att, want["answerAttention"]):
                    assert len(got) == len(exp), f"interview {k}: attention length {len(got)} vs {len(exp)}"
                    if exp:
                        da = max(da, max(abs(a - b) for a, b in zip(got, exp)))
                assert len(beta) == len(want["questionAttention"]), f"interview {k}: question count"
                dq = max(dq, max(abs(a - b) for a, b in zip(beta, want["questionAttention"])))
        m = max(ds, da, dq)
        if impl != "idiomatic":
            worst = max(worst, m)
        note = " (reset-after nn.GRU: not expected to match, information only)" if impl == "idiomatic" else f" (tol {args.tol:g})"
        print(f"{impl}: {len(interviews)} interviews, max |d| {m:.3e}: score {ds:.3e}, answer attention {da:.3e}, question attention {dq:.3e}{note}", file=sys.stderr)
        print(json.dumps({"check": impl, "interviews": len(interviews), "maxAbsDiff": m, "score": ds, "answerAttention": da, "questionAttention": dq, "torchVersion": torch.__version__}), flush=True)
    if "idiomatic" in args.impl:
        # With the candidate block of every recurrent kernel at 0, reset-before and reset-after
        # are the same function: the two implementations must then agree, which shows the
        # idiomatic model got our weights in the right places (gate order, transposes, biases).
        w0 = dict(w)
        for name in w:
            if name.endswith("/recurrentKernel"):
                r = w[name].clone()
                r[:, 2 * r.shape[0] :] = 0
                w0[name] = r
        exact, idiomatic = build("exact", cfg, w0), build("idiomatic", cfg, w0)
        d = 0.0
        with torch.inference_mode():
            for iv, _ in interviews:
                a, b = score_interview(exact, iv), score_interview(idiomatic, iv)
                d = max(d, abs(a[0] - b[0]), max(abs(x - y) for x, y in zip(a[2], b[2])))
                d = max([d] + [abs(x - y) for ra, rb in zip(a[1], b[1]) for x, y in zip(ra, rb)])
        ok = d <= args.tol
        print(f"idiomatic weight layout (candidate recurrence zeroed, where reset-after = reset-before): max |d| vs exact {d:.3e}{'' if ok else ' FAILED'}", file=sys.stderr)
        print(json.dumps({"check": "idiomatic-layout", "interviews": len(interviews), "maxAbsDiff": d}), flush=True)
        worst = max(worst, d)
    return 0 if worst <= args.tol else 1


def bench(args) -> int:
    """Times every (threads, impl, answers) configuration.

    The machine is shared and its load drifts: rather than one block of runs per configuration,
    `--rounds` rounds each give every configuration runs/rounds timed calls (after `--warmup`
    untimed ones, which also absorb a thread-pool resize), so a busy minute hits all of them.
    """
    ref, w = load(args.ref)
    cfg = ref["config"]
    by_count = {}
    for iv in ref["interviews"]:
        inp = iv["inputs"]
        if all(a is not None and len(a) == args.windows for a in inp["answers"]):
            by_count.setdefault(len(inp["answers"]), inp)
    interviews = {n: Interview(by_count[n] if n in by_count else synthetic_interview(cfg, n, args.windows), cfg) for n in args.answers}
    models = {impl: build(impl, cfg, w) for impl in args.impl}
    configs = [(t, impl, n) for t in args.threads for impl in args.impl for n in args.answers]
    times = {c: [] for c in configs}
    cpu = {c: [] for c in configs}
    scores = {}
    rounds = max(1, min(args.rounds, args.runs))
    with torch.inference_mode():
        for r in range(rounds):
            per = args.runs // rounds + (1 if r < args.runs % rounds else 0)
            for c in configs:
                threads, impl, n = c
                torch.set_num_threads(threads)
                model, iv = models[impl], interviews[n]
                for _ in range(args.warmup):
                    score_interview(model, iv)
                for _ in range(per):
                    t0, c0 = time.perf_counter(), time.process_time()
                    scores[c] = score_interview(model, iv)[0]
                    times[c].append((time.perf_counter() - t0) * 1000)
                    cpu[c].append((time.process_time() - c0) * 1000)
    for c in configs:
        threads, impl, n = c
        out = {
            "impl": impl, "answers": n, "windows": args.windows,
            "medianMs": statistics.median(times[c]), "minMs": min(times[c]), "cpuMedianMs": statistics.median(cpu[c]),
            "runs": len(times[c]), "rounds": rounds, "threads": threads, "torchVersion": torch.__version__,
            "score": scores[c], "synthetic": n not in by_count,
        }
        print(json.dumps(out), flush=True)
    return 0


def main(argv: List[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", nargs="?", choices=["check", "bench"], help="check (default without --bench) or bench")
    p.add_argument("--ref", required=True, help="hirenet-reference/1 JSON file")
    p.add_argument("--bench", action="store_true", help="timing mode (same as the bench command)")
    p.add_argument("--impl", default=None, help=f"comma list of {', '.join(IMPLS)} (default: all)")
    p.add_argument("--answers", default="1,6")
    p.add_argument("--windows", type=int, default=240)
    p.add_argument("--runs", type=int, default=50)
    p.add_argument("--warmup", type=int, default=10, help="untimed calls per configuration and round")
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds over the configurations")
    p.add_argument("--threads", default=None, help="comma list (default: torch's default)")
    p.add_argument("--tol", type=float, default=1e-4)
    args = p.parse_args(argv)
    ints = lambda s: [int(x) for x in s.split(",") if x]
    args.impl = (args.impl or ",".join(IMPLS)).split(",")
    args.answers = ints(args.answers)
    args.threads = ints(args.threads) if args.threads else [torch.get_num_threads()]
    if args.bench or args.command == "bench":
        return bench(args)
    torch.set_num_threads(args.threads[0])
    return check(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
