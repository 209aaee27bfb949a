"""HireNet exactly as docs/weight-contract.md, in torch ops (hirenet_torch.py: `exact`, `exact-jit`)."""
from typing import List, Optional

import torch

from torch_inputs import Interview

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
