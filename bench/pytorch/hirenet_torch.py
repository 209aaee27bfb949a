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
import math
import statistics
import sys
import time
from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

DTYPE = torch.float32


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------

def pad(seqs: List[list], width: int):
    """Right-pads a list of [len_i, width] row lists to [S, max(len), width] with lengths."""
    lengths = [len(s) if s else 0 for s in seqs]
    longest = max(lengths) if lengths else 0
    out = torch.zeros(len(seqs), max(longest, 1), width, dtype=DTYPE)
    for i, s in enumerate(seqs):
        if lengths[i]:
            out[i, : lengths[i]] = torch.tensor(s, dtype=DTYPE)
    return out, lengths


class Interview:
    """One interview as padded float32 tensors (built once, outside any timing)."""

    def __init__(self, inputs: dict, cfg: dict):
        E, D = cfg["wordDim"], cfg["inputDim"]
        self.n = len(inputs["questions"])
        self.job, job_len = pad([inputs["jobTitle"]], E)
        self.job_len = job_len[0]
        self.questions, self.q_lengths = pad(inputs["questions"], E)
        self.answers, self.a_lengths = pad([a or [] for a in inputs["answers"]], D)
        self.job_mask = mask_of([self.job_len], self.job.shape[1])
        self.q_mask = mask_of(self.q_lengths, self.questions.shape[1])
        self.a_mask = mask_of(self.a_lengths, self.answers.shape[1])
        # [S, L] float masks (always present: attention needs them for the -1e9 rule)
        self.a_mask2 = lengths_mask(self.a_lengths, self.answers.shape[1])


def lengths_mask(lengths: List[int], width: int) -> torch.Tensor:
    m = torch.zeros(len(lengths), width, dtype=DTYPE)
    for i, n in enumerate(lengths):
        m[i, :n] = 1
    return m


def mask_of(lengths: List[int], width: int) -> Optional[torch.Tensor]:
    """Time-major [L, S, 1] step mask for the GRU scan, or None when no row is padded."""
    if all(n == width for n in lengths):
        return None
    return lengths_mask(lengths, width).t().unsqueeze(2).contiguous()


def synthetic_interview(cfg: dict, answers: int, windows: int, seed: int = 7) -> dict:
    g = torch.Generator().manual_seed(seed)
    rows = lambda n, w: torch.randn(n, w, generator=g).tolist()
    return {
        "jobTitle": rows(3, cfg["wordDim"]),
        "questions": [rows(9, cfg["wordDim"]) for _ in range(answers)],
        "answers": [rows(windows, cfg["inputDim"]) for _ in range(answers)],
    }


# ---------------------------------------------------------------------------------------------
# Exact implementation (docs/weight-contract.md)
# ---------------------------------------------------------------------------------------------

def gru_loop(xzr: torch.Tensor, xh: torch.Tensor, mask: Optional[torch.Tensor], rzr: torch.Tensor, rh: torch.Tensor) -> torch.Tensor:
    """The recurrent part of `dirs` GRUs at once (tfjs-layers cell, reset before the product).

    xzr [L, dirs, S, 2U] and xh [L, dirs, S, U]: input projections + bias, each direction already in
    its reading order; mask [L, dirs, S, 1] (1 = real step; padded steps carry the state) or None;
    rzr [dirs, U, 2U], rh [dirs, U, U]. Returns the states [L, dirs, S, U] in reading order.
    """
    L = xzr.size(0)
    u = rh.size(2)
    h = torch.zeros(xh.size(1), xh.size(2), u, dtype=xh.dtype)
    outs: List[torch.Tensor] = []
    for k in range(L):
        zr = torch.sigmoid(torch.baddbmm(xzr[k], h, rzr))
        z = zr[:, :, :u]
        r = zr[:, :, u:]
        c = torch.tanh(torch.baddbmm(xh[k], r * h, rh))
        nxt = torch.lerp(c, h, z)  # z*h + (1-z)*c
        if mask is not None:
            nxt = torch.lerp(h, nxt, mask[k])
        h = nxt
        outs.append(h)
    return torch.stack(outs)


gru_loop_jit = None


def get_gru_loop(jit: bool):
    global gru_loop_jit
    if not jit:
        return gru_loop
    if gru_loop_jit is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gru_loop_jit = torch.jit.script(gru_loop)
    return gru_loop_jit


class ExactGru:
    """One or two (forward, backward) GRUs of the contract, stacked on a leading `dirs` axis."""

    def __init__(self, w: dict, prefixes: List[str]):
        k = torch.stack([w[p + "/kernel"] for p in prefixes])  # [dirs, I, 3U]
        r = torch.stack([w[p + "/recurrentKernel"] for p in prefixes])  # [dirs, U, 3U]
        b = torch.stack([w[p + "/bias"] for p in prefixes])  # [dirs, 3U]
        self.u = r.shape[1]
        self.k = k
        self.b = b.unsqueeze(1).unsqueeze(0)  # [1, dirs, 1, 3U]
        self.rzr = r[:, :, : 2 * self.u].contiguous()
        self.rh = r[:, :, 2 * self.u :].contiguous()
        self.dirs = len(prefixes)

    def scan(self, x: torch.Tensor, mask: Optional[torch.Tensor], loop) -> torch.Tensor:
        """x [S, L, I] right-padded, mask [L, S, 1] or None -> states [L, dirs, S, U].

        The backward direction gets the time-reversed projections: it reads padding first, which
        (masked) leaves its state at 0, then x_L ... x_1. Its outputs come back in reading order.
        """
        xt = x.transpose(0, 1)  # [L, S, I]
        xp = torch.matmul(xt.unsqueeze(1), self.k) + self.b  # [L, dirs, S, 3U]
        m = None
        if self.dirs == 2:
            xp = torch.stack([xp[:, 0], xp[:, 1].flip(0)], 1)
            if mask is not None:
                m = torch.stack([mask, mask.flip(0)], 1)
        elif mask is not None:
            m = mask.unsqueeze(1)
        u = self.u
        return loop(xp[..., : 2 * u].contiguous(), xp[..., 2 * u :].contiguous(), m, self.rzr, self.rh)

    def bi(self, x: torch.Tensor, mask: Optional[torch.Tensor], loop) -> torch.Tensor:
        """Bidirectional outputs [S, L, 2U]: [forward_t, backward_t] (backward has read x_L..x_t)."""
        states = self.scan(x, mask, loop)
        fw, bw = states[:, 0], states[:, 1].flip(0)
        return torch.cat([fw, bw], 2).transpose(0, 1)

    def last(self, x: torch.Tensor, mask: Optional[torch.Tensor], loop) -> torch.Tensor:
        """Unidirectional final state [S, U] (state after the last real step; 0 for no steps)."""
        return self.scan(x, mask, loop)[-1, 0]


def attend(hs: torch.Tensor, mask: Optional[torch.Tensor], ak, ck, bias, query, ctx: Optional[torch.Tensor]):
    """Additive attention (eqs 5-7, 12-14). hs [S, L, F], mask [S, L] or None, ctx [S, C].

    Padding scores -1e9 (exp underflows to 0); an all-padding row softmaxes to uniform and the
    mask turns it into zeros, so a missing answer pools to the zero vector.
    """
    pre = torch.matmul(hs, ak) + bias
    if ctx is not None:
        pre = pre + torch.matmul(ctx, ck).unsqueeze(1)
    e = torch.matmul(torch.tanh(pre), query)  # [S, L]
    if mask is not None:
        e = e + (mask - 1) * 1e9
    alpha = torch.softmax(e, 1)
    if mask is not None:
        alpha = alpha * mask
    return alpha, torch.bmm(alpha.unsqueeze(1), hs).squeeze(1)


class Exact:
    def __init__(self, cfg: dict, w: dict, jit: bool = False):
        self.cfg = cfg
        self.w = w
        self.loop = get_gru_loop(jit)
        self.job = ExactGru(w, ["jobEncoder"])
        self.question = ExactGru(w, ["questionEncoder"])
        self.low = ExactGru(w, ["lowEncoder/forward", "lowEncoder/backward"])
        self.high = ExactGru(w, ["highEncoder/forward", "highEncoder/backward"])

    def forward(self, iv: Interview):
        w, loop = self.w, self.loop
        hq = self.question.last(iv.questions, iv.q_mask, loop)  # [n, Hc]
        hj = self.job.last(iv.job, iv.job_mask, loop)  # [1, Hc]
        hs = self.low.bi(iv.answers, iv.a_mask, loop)  # [n, L, 2H]
        alpha, pooled = attend(hs, iv.a_mask2, w["lowAttention/answerKernel"], w["lowAttention/contextKernel"], w["lowAttention/bias"], w["lowAttention/query"], hq)
        pairs = torch.cat([hq, pooled], 1).unsqueeze(0)  # [1, n, Hc + 2H]
        g = self.high.bi(pairs, None, loop)  # [1, n, 2H2]
        beta, v = attend(g, None, w["highAttention/answerKernel"], w["highAttention/contextKernel"], w["highAttention/bias"], w["highAttention/query"], hj)
        score = torch.sigmoid(v @ w["classifier/kernel"] + w["classifier/bias"])
        return score, alpha, beta


# ---------------------------------------------------------------------------------------------
# Idiomatic implementation (torch.nn.GRU, reset-after: same FLOPs, not the same numbers)
# ---------------------------------------------------------------------------------------------

def to_torch_gates(m: torch.Tensor, u: int) -> torch.Tensor:
    """Our [in, 3U] z|r|h columns -> nn.GRU's [3U, in] r|z|n rows."""
    return torch.cat([m[..., u : 2 * u], m[..., :u], m[..., 2 * u :]], -1).t().contiguous() if m.dim() == 2 else torch.cat([m[u : 2 * u], m[:u], m[2 * u :]])


def load_gru(gru: nn.GRU, w: dict, prefixes: List[str]) -> None:
    u = gru.hidden_size
    with torch.no_grad():
        for prefix, suffix in zip(prefixes, ["", "_reverse"]):
            getattr(gru, "weight_ih_l0" + suffix).copy_(to_torch_gates(w[prefix + "/kernel"], u))
            getattr(gru, "weight_hh_l0" + suffix).copy_(to_torch_gates(w[prefix + "/recurrentKernel"], u))
            getattr(gru, "bias_ih_l0" + suffix).copy_(to_torch_gates(w[prefix + "/bias"], u))
            getattr(gru, "bias_hh_l0" + suffix).zero_()


class AdditiveAttention(nn.Module):
    def __init__(self, features: int, context: int, dim: int):
        super().__init__()
        self.answer = nn.Linear(features, dim, bias=False)
        self.context = nn.Linear(context, dim)  # its bias is our attention bias
        self.query = nn.Linear(dim, 1, bias=False)

    def load(self, w: dict, prefix: str) -> None:
        with torch.no_grad():
            self.answer.weight.copy_(w[prefix + "/answerKernel"].t())
            self.context.weight.copy_(w[prefix + "/contextKernel"].t())
            self.context.bias.copy_(w[prefix + "/bias"])
            self.query.weight.copy_(w[prefix + "/query"].unsqueeze(0))

    def forward(self, hs: torch.Tensor, ctx: torch.Tensor, mask: Optional[torch.Tensor] = None):
        e = self.query(torch.tanh(self.answer(hs) + self.context(ctx).unsqueeze(1))).squeeze(2)
        if mask is not None:
            e = e.masked_fill(mask == 0, -1e9)
        alpha = torch.softmax(e, 1)
        if mask is not None:
            alpha = alpha * mask
        return alpha, torch.bmm(alpha.unsqueeze(1), hs).squeeze(1)


class HireNetIdiomatic(nn.Module):
    def __init__(self, cfg: dict, w: dict):
        super().__init__()
        E, D = cfg["wordDim"], cfg["inputDim"]
        H, Hc, H2 = cfg["lowUnits"], cfg["contextUnits"], cfg["highUnits"]
        self.job = nn.GRU(E, Hc, batch_first=True)
        self.question = nn.GRU(E, Hc, batch_first=True)
        self.low = nn.GRU(D, H, batch_first=True, bidirectional=True)
        self.high = nn.GRU(Hc + 2 * H, H2, batch_first=True, bidirectional=True)
        self.low_attention = AdditiveAttention(2 * H, Hc, cfg["attentionDim"])
        self.high_attention = AdditiveAttention(2 * H2, Hc, cfg["highAttentionDim"])
        self.classifier = nn.Linear(2 * H2, 1)
        load_gru(self.job, w, ["jobEncoder"])
        load_gru(self.question, w, ["questionEncoder"])
        load_gru(self.low, w, ["lowEncoder/forward", "lowEncoder/backward"])
        load_gru(self.high, w, ["highEncoder/forward", "highEncoder/backward"])
        self.low_attention.load(w, "lowAttention")
        self.high_attention.load(w, "highAttention")
        with torch.no_grad():
            self.classifier.weight.copy_(w["classifier/kernel"].t())
            self.classifier.bias.copy_(w["classifier/bias"])
        self.eval()

    @staticmethod
    def last_state(gru: nn.GRU, x: torch.Tensor, lengths: List[int]) -> torch.Tensor:
        if all(n == x.shape[1] for n in lengths):
            return gru(x)[1][0]
        packed = pack_padded_sequence(x, torch.tensor([max(n, 1) for n in lengths]), batch_first=True, enforce_sorted=False)
        h = gru(packed)[1][0]
        return h * torch.tensor([[1.0 if n > 0 else 0.0] for n in lengths], dtype=h.dtype)

    def forward(self, iv: Interview):
        hq = self.last_state(self.question, iv.questions, iv.q_lengths)
        hj = self.last_state(self.job, iv.job, [iv.job_len])
        L = iv.answers.shape[1]
        if all(n == L for n in iv.a_lengths):
            hs, mask = self.low(iv.answers)[0], None
        else:
            packed = pack_padded_sequence(iv.answers, torch.tensor([max(n, 1) for n in iv.a_lengths]), batch_first=True, enforce_sorted=False)
            hs = pad_packed_sequence(self.low(packed)[0], batch_first=True, total_length=L)[0]
            mask = iv.a_mask2
        alpha, pooled = self.low_attention(hs, hq, mask)
        g = self.high(torch.cat([hq, pooled], 1).unsqueeze(0))[0]
        beta, v = self.high_attention(g, hj)
        return torch.sigmoid(self.classifier(v)), alpha, beta


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
