import { HireNetError } from '@hirenet/sdk/internal/util/errors';
import { mulberry32 } from '@hirenet/sdk/internal/util/prng';
import { kmeans, nearestCentroid, type KMeansResult } from './kmeans.ts';

/**
 * Bag of Audio/Video Words (the paper's Bo*W baseline, after Chen et al.): every window is a
 * "word" (its nearest codebook centroid), an answer is a document, and documents are TF-IDF
 * vectors. Inputs should already be standardised per descriptor, or the codebook only sees the
 * widest-ranged columns.
 */
export interface BowOptions {
  /** Codebook size. */
  readonly k: number;
  readonly seed: number;
  /** Windows sampled (without replacement) from all training answers for the k-means fit. */
  readonly sampleWindows?: number;
  readonly maxIterations?: number;
}

export interface BowModel {
  readonly codebook: KMeansResult;
  /** Smoothed inverse document frequency per word, from the training answers. */
  readonly idf: Float64Array;
}

/** Word counts of one answer (steps × width flat rows). */
export function termCounts(rows: Float32Array, codebook: KMeansResult): Float64Array {
  const { k, width, centroids } = codebook;
  const counts = new Float64Array(k);
  for (let t = 0; t < rows.length / width; t++) {
    const c = nearestCentroid(rows, t, centroids, k, width);
    counts[c] = (counts[c] as number) + 1;
  }
  return counts;
}

/**
 * Smoothed IDF as scikit-learn's TfidfVectorizer (the usual reference):
 * idf = ln((1 + N) / (1 + df)) + 1, so a word in every document still weighs 1, not 0.
 */
export function smoothIdf(documents: readonly Float64Array[], k: number): Float64Array {
  const df = new Float64Array(k);
  for (const counts of documents)
    for (let c = 0; c < k; c++) if ((counts[c] as number) > 0) df[c] = (df[c] as number) + 1;
  const n = documents.length;
  return Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
}

/** Term frequency (count / answer length) × IDF, L2-normalised so long answers are not louder. */
export function tfidf(counts: Float64Array, idf: Float64Array): Float64Array {
  let total = 0;
  for (const c of counts) total += c;
  const out = Float64Array.from(counts, (c, j) => (total === 0 ? 0 : (c / total) * (idf[j] as number)));
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) / norm;
  return out;
}

/** Seeded sample of `m` window indices out of `total`, in increasing order (partial Fisher–Yates). */
export function sampleIndices(total: number, m: number, seed: number): Int32Array {
  const take = Math.min(m, total);
  const rand = mulberry32(seed);
  const pool = new Int32Array(total);
  for (let i = 0; i < total; i++) pool[i] = i;
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (total - i));
    const tmp = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = tmp;
  }
  return pool.slice(0, take).sort();
}

/** Fits the codebook on a window subsample and the IDF on every training answer. */
export function fitBow(answers: readonly Float32Array[], width: number, options: BowOptions): BowModel {
  const { k, seed, sampleWindows = 10_000, maxIterations = 50 } = options;
  const starts: number[] = [];
  let total = 0;
  for (const a of answers) {
    starts.push(total);
    total += a.length / width;
  }
  if (total === 0) throw new HireNetError('invalid-dataset', 'fitBow: the training answers hold no windows');
  const picked = sampleIndices(total, sampleWindows, seed);
  const sample = new Float32Array(picked.length * width);
  let answer = 0;
  picked.forEach((w, s) => {
    // picked is sorted, so the answer holding window w only moves forward.
    while (answer + 1 < answers.length && (starts[answer + 1] as number) <= w) answer++;
    const local = w - (starts[answer] as number);
    const rows = answers[answer] as Float32Array;
    sample.set(rows.subarray(local * width, (local + 1) * width), s * width);
  });
  const codebook = kmeans(sample, width, { k, seed: seed + 1, maxIterations });
  const idf = smoothIdf(
    answers.map((a) => termCounts(a, codebook)),
    codebook.k,
  );
  return { codebook, idf };
}

/** The TF-IDF document vector of one answer. */
export function bowVector(rows: Float32Array, model: BowModel): Float64Array {
  return tfidf(termCounts(rows, model.codebook), model.idf);
}
