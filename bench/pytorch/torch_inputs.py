"""Padded inputs of one interview for the PyTorch ports (hirenet_torch.py)."""
from typing import List, Optional

import torch

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
