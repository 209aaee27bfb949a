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

/**
 * As splitByInterview, but interviews sharing `groupOf` (a participant, a speaker) stay in one part,
 * so early stopping never validates on someone the model trained on. Groups are shuffled and cut
 * at the fractions of interviews.
 */
export function splitByGroup<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  seed: number,
  fractions: [number, number] = [0.8, 0.1],
): Split<T> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  const order = shuffled([...groups.keys()].sort(), seed);
  const split: Split<T> = { train: [], validation: [], test: [] };
  const nTrain = Math.round(items.length * fractions[0]);
  const nVal = Math.round(items.length * fractions[1]);
  for (const key of order) {
    const members = groups.get(key) ?? [];
    const part =
      split.train.length < nTrain ? split.train : split.validation.length < nVal ? split.validation : split.test;
    part.push(...members);
  }
  return split;
}
