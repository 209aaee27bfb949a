/**
 * Mulberry32: a tiny seeded generator. Reproducibility across Node and browsers matters more
 * here than statistical quality (it only draws initial weights and synthetic test data).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws via Box–Muller on a seeded uniform source. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Adds std × N(0, 1) to every value in place. Box–Muller gives two independent normals per pair
 * of uniforms; using both halves the cost against `gaussian` (training noise was ~12 % of a step).
 */
export function addGaussianNoise(values: Float32Array, std: number, uniform: () => number): void {
  for (let i = 0; i < values.length; i += 2) {
    const radius = std * Math.sqrt(-2 * Math.log(Math.max(uniform(), 1e-12)));
    const angle = 2 * Math.PI * uniform();
    values[i] = values[i]! + radius * Math.cos(angle);
    if (i + 1 < values.length) values[i + 1] = values[i + 1]! + radius * Math.sin(angle);
  }
}
