#!/usr/bin/env python3
"""Second independent check of a `hirenet-reference/1` file (docs/weight-contract.md), numpy float64.

Usage: python3 scripts/check_reference.py r.json [--tol 1e-4]
Prints the max abs differences; exit code 1 if any exceeds the tolerance.
"""
import json
import sys

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def softmax(e):
    e = np.asarray(e, dtype=np.float64)
    if e.size == 0:
        return e
    p = np.exp(e - e.max())
    return p / p.sum()


class Gru:
    def __init__(self, w, prefix):
        self.k = w[prefix + "/kernel"]
        self.r = w[prefix + "/recurrentKernel"]
        self.b = w[prefix + "/bias"]
        self.u = self.r.shape[0]

    def run(self, xs):
        u = self.u
        h = np.zeros(u)
        out = []
        for x in xs:
            xk = x @ self.k + self.b
            z = sigmoid(xk[:u] + h @ self.r[:, :u])
            r = sigmoid(xk[u:2 * u] + h @ self.r[:, u:2 * u])
            c = np.tanh(xk[2 * u:] + (r * h) @ self.r[:, 2 * u:])
            h = z * h + (1 - z) * c
            out.append(h)
        return out

    def last(self, xs):
        s = self.run(xs)
        return s[-1] if s else np.zeros(self.u)


def bigru(fw, bw, xs):
    f = fw.run(xs)
    b = bw.run(xs[::-1])[::-1]
    return [np.concatenate([a, c]) for a, c in zip(f, b)]


def attend(w, prefix, hs, ctx, dim):
    if len(hs) == 0:
        return np.zeros(0), np.zeros(dim)
    hs = np.stack(hs)
    pre = hs @ w[prefix + "/answerKernel"] + w[prefix + "/bias"]
    if ctx is not None:
        pre = pre + ctx @ w[prefix + "/contextKernel"]
    alpha = softmax(np.tanh(pre) @ w[prefix + "/query"])
    return alpha, alpha @ hs


def forward(cfg, w, inp):
    H, Hc, H2, E, D = cfg["lowUnits"], cfg["contextUnits"], cfg["highUnits"], cfg["wordDim"], cfg["inputDim"]
    arr = lambda rows, d: np.asarray(rows, dtype=np.float64).reshape(len(rows), d)
    low_f, low_b = Gru(w, "lowEncoder/forward"), Gru(w, "lowEncoder/backward")
    q_enc, j_enc = Gru(w, "questionEncoder"), Gru(w, "jobEncoder")
    hJ = j_enc.last(arr(inp["jobTitle"], E))
    high_in, answer_att = [], []
    for q, a in zip(inp["questions"], inp["answers"]):
        hq = q_enc.last(arr(q, E))
        hs = bigru(low_f, low_b, list(arr(a, D)))
        alpha, pooled = attend(w, "lowAttention", hs, hq, 2 * H)
        answer_att.append(alpha)
        high_in.append(np.concatenate([hq, pooled]))
    g = bigru(Gru(w, "highEncoder/forward"), Gru(w, "highEncoder/backward"), high_in)
    beta, v = attend(w, "highAttention", g, hJ, 2 * H2)
    score = sigmoid(v @ w["classifier/kernel"][:, 0] + w["classifier/bias"][0])
    return score, answer_att, beta


def main(argv):
    path = argv[1]
    tol = float(argv[argv.index("--tol") + 1]) if "--tol" in argv else 1e-4
    ref = json.load(open(path))
    assert ref["format"] == "hirenet-reference/1", ref["format"]
    variant = ref["config"].get("variant", "hirenet")
    assert variant == "hirenet", f"this script checks the hirenet variant only, not {variant}"
    w = {k: np.asarray(v["data"], dtype=np.float64).reshape(v["shape"]) for k, v in ref["weights"].items()}
    ds, da, dq = 0.0, 0.0, 0.0
    for k, iv in enumerate(ref["interviews"]):
        score, att, beta = forward(ref["config"], w, iv["inputs"])
        out = iv["outputs"]
        ds = max(ds, abs(out["score"] - score))
        assert len(out["answerAttention"]) == len(att), f"interview {k}: answer count"
        for got, want in zip(out["answerAttention"], att):
            assert len(got) == len(want), f"interview {k}: attention length {len(got)} vs {len(want)}"
            if len(want):
                da = max(da, float(np.max(np.abs(np.asarray(got) - want))))
        assert len(out["questionAttention"]) == len(beta), f"interview {k}: question attention length"
        dq = max(dq, float(np.max(np.abs(np.asarray(out["questionAttention"]) - beta))))
    print(f"{len(ref['interviews'])} interviews: max |d| score {ds:.3e}, answer attention {da:.3e}, "
          f"question attention {dq:.3e} (tol {tol:g})")
    return 0 if max(ds, da, dq) <= tol else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
