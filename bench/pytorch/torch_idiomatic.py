"""HireNet with torch.nn.GRU (reset-after: same FLOPs, not the same numbers; hirenet_torch.py: `idiomatic`)."""
from typing import List, Optional

import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from torch_exact import attend
from torch_inputs import Interview

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
