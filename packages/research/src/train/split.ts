import { mulberry32 } from '@hirenet/sdk/internal/util/prng';

export interface Split<T> {
  readonly train: T[];
  readonly validation: T[];
  readonly test: T[];
}

/** Seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** 80/10/10 by interview, as the paper; the same seed gives the same split. */
export function splitByInterview<T>(
  items: readonly T[],
  seed: number,
  fractions: [number, number] = [0.8, 0.1],
): Split<T> {
  const order = shuffled(items, seed);
  const nTrain = Math.round(order.length * fractions[0]);
  const nVal = Math.round(order.length * fractions[1]);
  return {
    train: order.slice(0, nTrain),
    validation: order.slice(nTrain, nTrain + nVal),
    test: order.slice(nTrain + nVal),
  };
}
