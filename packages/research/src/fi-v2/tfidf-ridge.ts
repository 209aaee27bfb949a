import { tokenize } from '@hirenet/sdk/internal/text/tokenizer';
import { choleskySolve } from '../baselines/logistic.ts';

/** Unigram and bigram terms of a transcript (the tokenizer the vocabulary uses). */
function terms(text: string): string[] {
  const t = tokenize(text);
  return [...t, ...t.slice(1).map((w, i) => `${t[i]} ${w}`)];
}

export interface TfidfRidge {
  readonly predict: (text: string) => number;
}

/**
 * TF-IDF (1–2-grams seen in ≥ 2 training transcripts, sublinear tf, smooth idf, unit rows) + ridge,
 * solved in its dual form: on a pilot there are far fewer transcripts (n) than terms, so the n × n
 * system (XXᵀ + λI)α = y − ȳ is the cheap one. The intercept (ȳ) is not penalised.
 */
export function fitTfidfRidge(texts: readonly string[], y: readonly number[], lambda = 1): TfidfRidge {
  const df = new Map<string, number>();
  const docs = texts.map(terms);
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const idf = new Map<string, number>();
  for (const [t, c] of df) if (c >= 2) idf.set(t, Math.log((1 + n) / (1 + c)) + 1);
  const vector = (d: readonly string[]): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const t of d) if (idf.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const x = (1 + Math.log(c)) * (idf.get(t) as number);
      v.set(t, x);
      norm += x * x;
    }
    for (const [t, x] of v) v.set(t, x / (Math.sqrt(norm) || 1));
    return v;
  };
  const dot = (a: Map<string, number>, b: Map<string, number>): number => {
    let s = 0;
    for (const [t, x] of a) s += x * (b.get(t) ?? 0);
    return s;
  };
  const rows = docs.map(vector);
  const ym = y.reduce((a, b) => a + b, 0) / n;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = dot(rows[i] as Map<string, number>, rows[j] as Map<string, number>) + (i === j ? lambda : 0);
      k[i * n + j] = v;
      k[j * n + i] = v;
    }
  const alpha = choleskySolve(
    k,
    Float64Array.from(y, (v) => v - ym),
    n,
  );
  return {
    predict: (text) => {
      const v = vector(terms(text));
      return rows.reduce((s, r, i) => s + (alpha[i] as number) * dot(r, v), ym);
    },
  };
}
