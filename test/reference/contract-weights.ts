// Weight names and shapes per variant, from docs/weight-contract.md ("Weights" and "Variants").
import type { HireNetConfig, Matrix, Weights } from './float64-hirenet.ts';

/** Weight names each variant must have (exactly), with their shapes. */
export function expectedShapes(c: HireNetConfig): Record<string, number[]> {
  const v = c.variant ?? 'hirenet';
  const { inputDim: D, wordDim: E, lowUnits: H, contextUnits: Hc, highUnits: H2 } = c;
  const { attentionDim: A, highAttentionDim: A2 } = c;
  const s: Record<string, number[]> = {};
  const L = c.lengthInput === true ? 1 : 0; // one classifier row for the answer length ℓ
  const gru = (p: string, i: number, u: number): void => {
    s[`${p}/kernel`] = [i, 3 * u];
    s[`${p}/recurrentKernel`] = [u, 3 * u];
    s[`${p}/bias`] = [3 * u];
  };
  gru('lowEncoder/forward', D, H);
  gru('lowEncoder/backward', D, H);
  if (v === 'bigru') {
    s['classifier/kernel'] = [2 * H + L, 1];
    s['classifier/bias'] = [1];
    return s;
  }
  gru('questionEncoder', E, Hc);
  if (v === 'hirenet') gru('jobEncoder', E, Hc);
  gru('highEncoder/forward', Hc + 2 * H, H2);
  gru('highEncoder/backward', Hc + 2 * H, H2);
  if (v === 'hirenet' || v === 'hn_satt') {
    const att = (p: string, inDim: number, a: number): void => {
      s[`${p}/answerKernel`] = [inDim, a];
      if (v === 'hirenet') s[`${p}/contextKernel`] = [Hc, a];
      s[`${p}/bias`] = [a];
      s[`${p}/query`] = [a];
    };
    att('lowAttention', 2 * H, A);
    att('highAttention', 2 * H2, A2);
  }
  s['classifier/kernel'] = [2 * H2 + L, 1];
  s['classifier/bias'] = [1];
  return s;
}

/** Checks names, shapes and data lengths strictly; returns float64 copies. */
export function checkWeights(c: HireNetConfig, weights: Weights): Map<string, Matrix> {
  const want = expectedShapes(c);
  const out = new Map<string, Matrix>();
  for (const name of Object.keys(weights)) {
    if (!(name in want)) throw new Error(`unexpected weight ${name} for variant ${c.variant ?? 'hirenet'}`);
  }
  for (const [name, shape] of Object.entries(want)) {
    const w = weights[name];
    if (!w) throw new Error(`missing weight ${name}`);
    if (w.shape.join(',') !== shape.join(',')) {
      throw new Error(`weight ${name}: shape [${w.shape}] but contract says [${shape}]`);
    }
    const size = shape.reduce((p, d) => p * d, 1);
    if (w.data.length !== size) throw new Error(`weight ${name}: ${w.data.length} values, want ${size}`);
    out.set(name, { rows: shape[0] as number, cols: shape[1] ?? 1, data: Float64Array.from(w.data) });
  }
  return out;
}
